"""The quantities stage: what a count counts: the counted noun, and a bare number sharing the noun of
the count before it (counted.py).

These run the base spaCy model plus the quantities component only (``qnlp``), unless a test says it
goes through the full pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.quantities.common import only, quantities, summary


def test_counted_phrase(qnlp: Language) -> None:
    q = only(qnlp, "Reports say more than 3,000 North Korean troops have been sent to Russia.")
    assert (q.text, q.counted, q.unit) == ("more than 3,000", "North Korean troops", "troops")


def test_elliptical_count_takes_previous_noun_and_expected_status(qnlp: Language) -> None:
    text = (
        "Reports suggest that more than 3,000 North Korean troops have been sent to Russia, "
        "with more than 12,000 expected by December."
    )
    first, second = quantities(qnlp, text)
    assert (first.unit, first.category, first.status) == ("troops", "troops", None)
    assert (second.text, second.value, second.bound) == ("more than 12,000", 12000, ">")
    assert (second.unit, second.category, second.status) == ("troops", "troops", "expected")


def test_elliptical_count_does_not_take_a_non_person_noun(qnlp: Language) -> None:
    found = quantities(qnlp, "Between the two blasts, at least 20 were killed.")
    assert [(q.value, q.unit, q.category) for q in found] == [(2, "blasts", "other"), (20, None, "casualties")]


def test_elliptical_count_keeps_the_noun_not_the_event(qnlp: Language) -> None:
    found = quantities(qnlp, "At least seventeen people died and 35 were rescued.")
    assert [(q.value, q.unit, q.category) for q in found] == [(17, "people", "casualties"), (35, "people", "other")]


def test_counts_in_a_list(qnlp: Language) -> None:
    found = quantities(qnlp, "The deal concerns these two countries.")
    assert [summary(q) for q in found] == [("two", 2, "=", "countries")]

