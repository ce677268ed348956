"""Restatements of one event (newsgraph/nlp/events/coref.py).
"""

from __future__ import annotations

from spacy.language import Language

from tests.events.common import code


def test_restatements_are_one_event_with_mentions(events_nlp: Language) -> None:
    text = ("North Korean troops have moved to Russia. NATO said the North Korean soldiers sent to Russia "
            "were training. Officials discussed the deployment of North Korean soldiers.")
    evs = [e for e in code(events_nlp, text) if e.type == "MOBILIZE"]
    assert len(evs) == 1, [(e.text, e.status) for e in evs]
    assert evs[0].text.startswith("North Korean troops have moved") and len(evs[0].mentions) == 3
    assert evs[0].source == ["PRK"] and evs[0].target == ["RUS"]


def test_restatements_stay_apart_when_they_differ(events_nlp: Language, extract_text) -> None:
    # different dates stated in the text (the full pipeline, for the times)
    ext = extract_text("Putin visited North Korea in 2000. Putin visited North Korea in June 2024.")
    assert sorted(e.time or "" for e in ext.events if e.type == "CONSULT") == ["2000", "2024-06"]
    # opposite directions
    evs = code(events_nlp, "Russia attacked Ukraine. Ukraine attacked Russia.")
    assert sorted((e.source[0], e.target[0]) for e in evs) == [("RUS", "UKR"), ("UKR", "RUS")]
    # what happened and what someone reports happened
    evs = code(events_nlp, "Russia attacked Ukraine. Ukraine reportedly attacked Russia. Russia reportedly "
                           "attacked Ukraine again.")
    assert sorted(e.status for e in evs if e.source == ["RUS"]) == ["occurred", "reported"]
    # never a denial into a fact
    evs = code(events_nlp, "North Korean troops moved to Russia. North Korean troops did not move to Russia.")
    assert sorted(e.status for e in evs) == ["negated", "occurred"]


def test_one_sided_statements_link_only_when_close_or_worded_alike(events_nlp: Language) -> None:
    filler = " The weather was cold. Markets fell. Schools closed. "
    far = code(events_nlp, "Russian troops attacked." + filler + "Russia launched an offensive.")
    assert len([e for e in far if e.type == "ASSAULT"]) == 2
    near = code(events_nlp, "Russian troops attacked. Russia launched an offensive.")
    assert len([e for e in near if e.type == "ASSAULT"]) == 1
    alike = code(events_nlp, "Russian troops attacked." + filler + "Russia attacked again.")
    assert len([e for e in alike if e.type == "ASSAULT"]) == 1
