"""The quantities stage: category, subcategory and status of a count (categories.py).

These run the base spaCy model plus the quantities component only (``qnlp``), unless a test says it
goes through the full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quantities.common import only, quantities


@pytest.mark.parametrize(
    ("text", "unit", "category", "subcategory"),
    [
        ("More than 600,000 Russian soldiers have been killed or wounded.", "soldiers", "casualties",
         "killed-or-wounded"),
        ("The strike killed 12 civilians.", "civilians", "casualties", "killed"),
        ("At least 30 people were injured in the blast.", "people", "casualties", "wounded"),
        ("Police arrested 25 protesters on Sunday.", "protesters", "arrests", None),
        ("About 200,000 people have been displaced by the fighting.", "people", "displaced", None),
        ("Russia launched 40 drones overnight.", "drones", "weapons", None),
        ("North Korea has sent 3,000 troops to Russia.", "troops", "troops", None),
        ("The attack caused the death of at least 50 people.", "people", "casualties", "killed"),
        ("The drone attack left six soldiers dead.", "soldiers", "casualties", "killed"),
        ("Hundreds of soldiers died in the assault.", "soldiers", "casualties", "killed"),
        ("An earlier toll of 27 dead was revised.", "dead", "casualties", "killed"),
        ("The fighting has caused thousands of casualties.", "casualties", "casualties", "killed-or-wounded"),
        ("Officials said 48 apartments were damaged.", "apartments", "other", None),
        ("Rebels captured 5 towns in the north.", "towns", "other", None),
    ],
)
def test_categories(qnlp: Language, text: str, unit: str, category: str, subcategory: str | None) -> None:
    q = only(qnlp, text)
    assert (q.unit, q.category, q.subcategory) == (unit, category, subcategory)


def test_killed_and_wounded_objects_are_separate(qnlp: Language) -> None:
    found = quantities(qnlp, "The attack killed twelve and injured thirty more.")
    assert [(q.value, q.category, q.subcategory) for q in found] == [
        (12, "casualties", "killed"),
        (30, "casualties", "wounded"),
    ]


def test_a_conjoined_clause_with_its_own_subject_on_an_auxiliary_is_its_own(qnlp: Language) -> None:
    """The parser hangs the second clause's subject on its auxiliary ("12 people" on "were"): that clause is
    still about its own figure, not the first."""
    found = quantities(qnlp, "The Red Cross said 300 people had been evacuated and 12 people were missing.")
    assert [(q.value, q.category, q.subcategory) for q in found] == [(300, "displaced", None),
                                                                      (12, "casualties", "missing")]


def test_future_figure_is_expected(qnlp: Language) -> None:
    q = only(qnlp, "Moscow will send 5,000 troops next month.")
    assert (q.value, q.status) == (5000, "expected")


@pytest.mark.parametrize(
    ("text", "category", "subcategory"),
    [
        ("The confirmed deaths are fourteen civilians.", "casualties", "killed"),
        ("Officials said 337 suspected users were arrested.", "arrests", None),
        ("The stampede resulted in at least 56 deaths and over 200 people injured.", "casualties", "killed"),
    ],
)
def test_category_regressions(qnlp: Language, text: str, category: str, subcategory: str | None) -> None:
    q = quantities(qnlp, text)[0]
    assert (q.category, q.subcategory) == (category, subcategory)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("About 2,000 police officers were deployed to the city.", "security"),
        ("Officials said 40 policemen were sent to the border.", "security"),
        ("Some 300 army officers joined the rebels.", "troops"),
        ("More than 500 security forces were sent.", "troops"),  # "security forces": the armed forces
        ("Officials said 12 officers attended the meeting.", "other"),  # officers of what: unknown
    ],
)
def test_police_are_security_not_troops(qnlp: Language, text: str, category: str) -> None:
    assert only(qnlp, text).category == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast left 5 dead and 20 injured.", [("killed", "dead"), ("wounded", None)]),
        ("The clashes killed 5 people, including 2 soldiers, and wounded dozens.",
         [("killed", "people"), ("killed", "soldiers"), ("wounded", "people")]),
        ("Five civilians, including two children, were killed and 12 injured.",
         [("killed", "civilians"), ("killed", "children"), ("wounded", "civilians")]),
        ("A car bomb exploded, killing five people and injuring 20.", [("killed", "people"), ("wounded", "people")]),
    ],
)
def test_killed_and_injured_in_one_sentence(qnlp: Language, text: str, expected: list[tuple]) -> None:
    found = quantities(qnlp, text)
    assert all(q.category == "casualties" for q in found), [(q.text, q.category) for q in found]
    assert [(q.subcategory, q.unit) for q in found] == expected


def test_a_reported_death_figure_is_casualties(qnlp: Language) -> None:
    # wn-en-43116baefc80: a misstatement is still a statement that people died; what it is worth is
    # the claim's business, not the category's
    q = only(qnlp, "He made the misstatement that 120 million people had died from coronavirus.")
    assert (q.value, q.category, q.subcategory) == (120_000_000, "casualties", "killed")


def test_arms_of_a_firm_are_not_weapons(qnlp: Language) -> None:
    assert only(qnlp, "The firm has two arms.").category == "other"

