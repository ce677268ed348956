"""The quantities stage: reading the number itself: digits, words, approximate plurals, fractions,
ranges (numbers.py).

These run the base spaCy model plus the quantities component only (``qnlp``), unless a test says it
goes through the full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.quantities.common import only, quantities


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Officials said 3,000 people attended.", "3,000", 3000),
        ("Officials said 1.2 million people attended.", "1.2 million", 1_200_000),
        ("Officials said two million people attended.", "two million", 2_000_000),
        ("Officials said twenty-five people attended.", "twenty-five", 25),
        ("Officials said two hundred and fifty people attended.", "two hundred and fifty", 250),
        ("Officials said a dozen people attended.", "a dozen", 12),
        ("Officials said half a million people attended.", "half a million", 500_000),
        ("Turkey hosted over three-and-a-half million refugees.", "over three-and-a-half million", 3_500_000),
    ],
)
def test_number_forms(qnlp: Language, text: str, span: str, value: float) -> None:
    q = only(qnlp, text)
    assert (q.text, q.value) == (span, value)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Hundreds of people fled the town.", "Hundreds", 200),
        ("Dozens of people fled the town.", "Dozens", 24),
        ("Tens of thousands of people fled the town.", "Tens of thousands", 20_000),
        ("Several hundred people fled the town.", "Several hundred", 300),
    ],
)
def test_approximate_plurals_are_about(qnlp: Language, text: str, span: str, value: float) -> None:
    q = only(qnlp, text)
    assert (q.text, q.value, q.bound, q.unit) == (span, value, "~", "people")


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("Between 10,000 and 12,000 refugees crossed.", "Between 10,000 and 12,000", 10_000, 12_000),
        ("Officials said 10,000-12,000 refugees crossed.", "10,000-12,000", 10_000, 12_000),
        ("Officials said 1-2 million refugees crossed.", "1-2 million", 1_000_000, 2_000_000),
        ("It costs between $5 and $7 billion.", "between $5 and $7 billion", 5e9, 7e9),
    ],
)
def test_ranges(qnlp: Language, text: str, span: str, low: float, high: float) -> None:
    q = only(qnlp, text)
    assert (q.text, q.value, q.high) == (span, low, high)


@pytest.mark.parametrize(
    ("text", "span", "value", "counted"),
    [
        ("Two-thirds of the residents fled the city.", "Two-thirds", 0.666667, "residents"),
        ("About one-third of the budget went to defence.", "About one-third", 0.333333, "budget"),
        ("A third of the population has been displaced.", "A third", 0.333333, "population"),
        ("Three quarters of the town was destroyed.", "Three quarters", 0.75, "town"),
        ("Nearly half of the soldiers were wounded.", "Nearly half", 0.5, "soldiers"),
        ("Half the soldiers were killed.", "Half", 0.5, "soldiers"),
        ("A two-thirds majority is needed.", "two-thirds", 0.666667, "majority"),
    ],
)
def test_fractions(qnlp: Language, text: str, span: str, value: float, counted: str) -> None:
    q = only(qnlp, text)
    assert (q.text, q.value, q.unit, q.counted) == (span, value, "fraction", counted)


@pytest.mark.parametrize(
    "text",
    [
        "It was a third attack in a quarter century.",
        "They spent half the time talking.",
        "In the first half of the year the talks stalled.",
    ],
)
def test_not_fractions(qnlp: Language, text: str) -> None:
    assert [q.text for q in quantities(qnlp, text)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit on both ends, written apart or glued
        ("The death rate was only 6% to 11% when treated.", [("6% to 11%", 6, 11, "percent")]),
        ("Between 6% and 11% of voters changed sides.", [("Between 6% and 11%", 6, 11, "percent")]),
        ("The zone is 10 km to 20 km wide.", [("10 km to 20 km", 10, 20, "kilometre")]),
        # "from ... to" is a change: two figures
        ("Unemployment rose from 6% to 11% last year.", [("6%", 6, None, "percent"), ("11%", 11, None, "percent")]),
        # a vote tally is two figures, not a range
        ("The Senate voted 70 to 20 to send the bill back.", [("70", 70, None, None), ("20", 20, None, None)]),
    ],
)
def test_ranges_with_units_and_changes(qnlp: Language, text: str, expected: list[tuple]) -> None:
    assert [(q.text, q.value, q.high, q.unit) for q in quantities(qnlp, text)] == expected


def test_figures_past_exact_floats_stay_floats_and_tiny_ones_are_not_zero(qnlp: Language, tmp_path) -> None:
    """Found by bench/fuzz.py: "up to 999...9 drones" (30 nines) came out as the int 1000000000000000019884624838656,
    digits the text never had, which no SQLite integer holds (the store's write failed); "0.000...1 tonnes"
    (300 zeros) came out as 0."""
    from newsgraph.model import Article, Extraction
    from newsgraph.store import Store

    big = only(qnlp, f"Russia launched up to {'9' * 30} drones.")
    assert big.value == 1e30 and isinstance(big.value, float) and big.bound == "<="
    assert only(qnlp, "Russia launched 9007199254740991 drones.").value == 2**53 - 1  # exact: still an int
    tiny = only(qnlp, f"They shipped {'0.' + '0' * 300 + '1'} tonnes of grain.")
    assert tiny.value == 1e-301
    assert only(qnlp, "a rise of 0.0000004 mm").value == 4e-7
    with Store.open(tmp_path / "big.db") as store:
        text = f"Russia launched up to {'9' * 30} drones."
        assert store.write(Extraction(Article("big", text), quantities=quantities(qnlp, text)))
        assert [r["value"] for r in store.query("quantities")] == [1e30]



def test_a_glued_scale_keeps_its_value_before_a_full_stop(extract_text) -> None:
    """"£120m." at a sentence's end: the tokenizer's "m." is split, so the scale is read (not 120)."""
    ext = extract_text("The ministry put the payment at £120m. A letter revised it to €140m, officials said.")
    assert sorted(q.value for q in ext.quantities if q.unit in ("GBP", "EUR")) == [120_000_000, 140_000_000]
    assert "£120m" in [q.text for q in ext.quantities]


def test_the_unit_symbols_are_pints_as_generated() -> None:
    """units_pint.tsv is data written by scripts/units_from_pint.py from pint's registry (the lock pins pint):
    regenerating it gives the committed file, so nobody edits it by hand and it follows the script."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "units_from_pint.py")], capture_output=True,
                          text=True, check=True).stdout
    table = ROOT / "newsgraph" / "resources" / "lexicons" / "quantities" / "units_pint.tsv"
    assert made == table.read_text(encoding="utf-8")
    assert "kWh\tkilowatt hour\tmeasure\tcased" in made.splitlines()
