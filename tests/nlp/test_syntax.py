"""Shared parse helpers (newsgraph/nlp/syntax.py): the dateline that opens a text, the subject of a verb."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.syntax import dateline_end


@pytest.mark.parametrize(("text", "town", "after"), [
    ("SEOUL, South Korea (AP) — North Korea has sent troops.", "SEOUL", "North Korea has sent troops."),
    ("SEOUL (Reuters) - South Korea's spy agency said.", "SEOUL", "South Korea's spy agency said."),
    ("NEW DELHI — India said.", "NEW DELHI", "India said."),
    ("GLASGOW, Ky. (WBKO) -- Police said.", "GLASGOW", "Police said."),
    ("VICTORIA - The home of a family was seized.", "VICTORIA", "The home of a family was seized."),
    ("LOUISVILLE, KY--(Marketwire - December 23, 2010) -  (NYSE Amex: NLP) -- NTS Realty announced it.",
     "LOUISVILLE", "NTS Realty announced it."),
    ("US - China talks failed.", None, None),  # no place found: no dateline
    ("KABUL (Reuters) The Taliban said.", "KABUL", None),  # no dash: not sure it ends there
])
def test_the_dateline_that_opens_a_text(nlp: Language, text: str, town: str | None, after: str | None) -> None:
    doc = nlp.make_doc(text)
    places = [(0, len(town))] if town else []
    end = dateline_end(doc, places)
    assert (doc[end:].text if end is not None else None) == after


def test_towns_joined_by_a_slash_and_a_date_after_the_comma_are_a_dateline(nlp: Language) -> None:
    text = "CHATTOGRAM / BANGKOK, 28 November 2023 — Our monitors estimate it."
    doc = nlp.make_doc(text)
    bangkok = (text.index("BANGKOK"), text.index("BANGKOK") + len("BANGKOK"))  # (the gazetteer lacks Chattogram)
    end = dateline_end(doc, [bangkok])
    assert end is not None and doc[end:].text == "Our monitors estimate it."
    kabul = nlp.make_doc("KABUL, 3 May 2024 — The Taliban said.")
    assert kabul[dateline_end(kabul, [(0, 5)]) or 0:].text == "The Taliban said."
    assert dateline_end(doc, [(0, 10)]) is None  # one of the towns only: not the whole of it


def test_a_town_the_places_stage_did_not_find_opens_no_dateline(nlp: Language) -> None:
    assert dateline_end(nlp.make_doc("BREAKING - Markets fell."), []) is None


@pytest.mark.parametrize(("text", "verb", "subject"), [
    # the parser takes the dateline's town for a second subject: the one after the dash is the verb's own
    ("SEOUL, South Korea (AP) — North Korea has sent 1,500 soldiers to Russia.", "sent", "Korea"),
    ("Russia sent troops.", "sent", "Russia"),
    ("Sent by Russia, the troops arrived.", "arrived", "troops"),
])
def test_the_subject_of_a_verb_is_not_a_dateline(nlp: Language, text: str, verb: str, subject: str) -> None:
    from newsgraph.nlp.syntax import subject_of

    doc = nlp(text)
    found = subject_of(next(t for t in doc if t.text == verb))
    assert found is not None and found.text == subject
