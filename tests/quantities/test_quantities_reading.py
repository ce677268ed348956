"""The quantities stage: the span around the number: bounds, units, currencies, rates (reading.py).

These run the base spaCy model plus the quantities component only (``qnlp``), unless a test says it
goes through the full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quantities.common import only, quantities


@pytest.mark.parametrize(
    ("phrase", "bound"),
    [
        ("more than 3,000", ">"),
        ("over 3,000", ">"),
        ("at least 3,000", ">="),
        ("up to 3,000", "<="),
        ("as many as 3,000", "<="),
        ("fewer than 3,000", "<"),
        ("nearly 3,000", "<"),
        ("almost 3,000", "<"),
        ("about 3,000", "~"),
        ("some 3,000", "~"),
        ("roughly 3,000", "~"),
        ("an estimated 3,000", "~"),
    ],
)
def test_bounds(qnlp: Language, phrase: str, bound: str) -> None:
    q = only(qnlp, f"Officials said {phrase} soldiers crossed the border.")
    assert (q.text, q.value, q.bound, q.unit) == (phrase, 3000, bound, "soldiers")


def test_post_bound(qnlp: Language) -> None:
    q = only(qnlp, "Police said 300 or more people gathered.")
    assert (q.text, q.bound) == ("300 or more", ">=")


def test_ambiguous_bound_word_as_preposition(qnlp: Language) -> None:
    q = only(qnlp, "The ministers talked about 3 issues.")
    assert (q.text, q.bound) == ("3", "=")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("The US approved a $5 billion package.", "$5 billion", 5e9, "USD"),
        ("The EU approved 5 billion euros for Kyiv.", "5 billion euros", 5e9, "EUR"),
        ("The club paid £3m for him.", "£3m", 3e6, "GBP"),
        ("Investors lost US$20m last year.", "US$20m", 2e7, "USD"),
        ("Support rose to 52% this week.", "52%", 52, "percent"),
        ("Support rose to 52 percent this week.", "52 percent", 52, "percent"),
        ("The village is 12 km from the front.", "12 km", 12, "kilometre"),
        ("The village is 300km from the front.", "300km", 300, "kilometre"),
        ("The ship carried 40,000 tonnes of grain.", "40,000 tonnes", 40_000, "tonne"),
        ("The convoy drove five miles north.", "five miles", 5, "mile"),
        ("The boy weighed 82 pounds when found.", "82 pounds", 82, "pound"),
        ("A magnitude 4.9 earthquake hit the city.", "magnitude 4.9", 4.9, "magnitude"),
        ("A 5.0 magnitude aftershock hit the city.", "5.0 magnitude", 5, "magnitude"),
    ],
)
def test_money_percent_and_measures(qnlp: Language, text: str, span: str, value: float, unit: str) -> None:
    q = only(qnlp, text)
    assert (q.text, q.value, q.unit) == (span, value, unit)
    assert q.category == ("money" if unit.isupper() else "other")


def test_measure_of_what(qnlp: Language) -> None:
    assert only(qnlp, "The ship carried 40,000 tonnes of grain.").counted == "grain"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The Canadian dollar fell; the plan costs $40 billion.", "CAD"),
        ("The plan costs C$5 million, plus $2 million in fees.", "CAD"),
        ("The plan costs $40 billion.", "USD"),
        ("The Canadian dollar fell against the US dollar; the plan costs $40 billion.", "USD"),
    ],
)
def test_bare_dollar_follows_the_article(qnlp: Language, text: str, unit: str) -> None:
    assert quantities(qnlp, text)[-1].unit == unit


def test_bare_dollar_in_a_canadian_article(extract_text) -> None:
    x = extract_text("The Ontario government in Toronto will spend $5 million on roads.")
    assert [(q.text, q.unit) for q in x.quantities] == [("$5 million", "CAD")]

