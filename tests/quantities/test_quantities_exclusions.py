"""The quantities stage: what is no quantity: years, dates, ordinals, identifiers (and what ages and durations are)
(exclusions.py).

These run the base spaCy model plus the quantities component only (``qnlp``), unless a test says it
goes through the full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Time
from tests.quantities.common import quantities


@pytest.mark.parametrize(
    "text",
    [
        "Putin first visited North Korea to meet Kim Jong Un in 2000.",
        "The U.S. Defense Secretary spoke on October 28.",
        "It was the first attack, and the 3rd this year.",
        "NATO invoked Article 5 after the attack.",
        "Ukraine asked for F-16 jets.",
        "One of them said the talks failed.",
        "A Boeing 737-800 crashed near the airport.",
        "The constitution gives (1) a vote to each state.",
    ],
)
def test_not_quantities(qnlp: Language, text: str) -> None:
    assert [q.text for q in quantities(qnlp, text)] == []


def test_no_quantity_overlaps_a_time_expression(qnlp: Language) -> None:
    text = "Some 3,000 troops arrived and 300 more came at 6 pm."
    doc: Doc = qnlp.make_doc(text)
    start = text.index("300")
    doc._.times = [Time(start, start + 3, "300", "TIME", "T03:00")]
    for _name, proc in qnlp.pipeline:
        doc = proc(doc)
    assert [q.text for q in doc._.quantities] == ["Some 3,000"]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("The victim, aged 45, was a teacher.", [("45", 45, "year of age")]),
        ("Men between the ages of 18 and 60 cannot leave.", [("18", 18, "year of age"), ("60", 60, "year of age")]),
        ("The suspects, both 19, were charged.", [("19", 19, "year of age")]),
        ("A man, 45, was arrested.", [("45", 45, "year of age")]),
        ("A 25-year-old man was arrested.", [("25-year-old", 25, "year of age")]),
        ("The siege lasted three days.", [("three days", 3, "day")]),
        ("Children under 5 years of age were most at risk.", [("under 5 years of age", 5, "year of age")]),
        ("He is 44 years old and his six-month-old son is ill.",
         [("44 years old", 44, "year of age"), ("six-month-old", 6, "month of age")]),
    ],
)
def test_ages_and_durations_are_quantities_with_their_unit(qnlp: Language, text: str,
                                                            ages: list[tuple[str, float, str]]) -> None:
    """Issue 21: an age is a quantity with the unit "year of age" (never a count of people, never a time); a duration
    is a quantity with its time unit (and a time of the times stage, linked: tests/quantities/test_quantities.py)."""
    assert [(q.text, q.value, q.unit) for q in quantities(qnlp, text)] == ages

