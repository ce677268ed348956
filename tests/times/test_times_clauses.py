"""governing_time (times/clauses.py): the time of a clause, for quotes, claims and events."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.times.component import governing_time
from tests.times.common import PUB


def _governing(tnlp: Language, text: str, span: str) -> str | None:
    doc = tnlp.make_doc(text)
    doc._.published = PUB
    doc = tnlp(doc)
    start = text.index(span)
    t = governing_time(doc, start, start + len(span))
    return None if t is None else t.text


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("“I can confirm that North Korean troops have been sent to Russia,” he said, mentioning the region "
         "that was the target of a surprise Ukrainian incursion in August.", "troops have been sent", None),
        ("Troops, who arrived on Monday, shelled the town.", "shelled", None),
        ("Russia launched an offensive that began in May.", "launched", None),
        ("The army shelled the town on Monday, killing five people.", "killing", "Monday"),
        ("On Friday, Russia launched an offensive that ended a truce agreed in May.", "launched", "Friday"),
        ("Troops crossed the border and shelled the town on Monday.", "crossed", "Monday"),
    ],
)
def test_governing_time_stays_in_its_clause(tnlp: Language, text: str, span: str, expected: str | None) -> None:
    assert _governing(tnlp, text, span) == expected


def test_governing_time_prefers_the_clause_of_the_span(tnlp: Language) -> None:
    text = "In 2000 the deal collapsed, and troops arrived on October 27 after a long march."
    doc = tnlp.make_doc(text)
    doc._.published = PUB
    doc = tnlp(doc)
    start = text.index("troops")
    t = governing_time(doc, start, start + len("troops arrived"))
    assert t is not None and t.text == "October 27"
    assert governing_time(doc, 0, 2) is not None
    assert governing_time(tnlp("No dates here at all."), 0, 2) is None

