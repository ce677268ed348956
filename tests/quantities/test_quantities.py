"""The quantities stage as a whole: spans, the founding article, fragments, regressions from the hand
checks, the hard cases and the figures in the store. The tests of each step are in the files beside this
one (test_quantities_<module>.py).

Most tests run the base spaCy model plus the quantities component only (``qnlp``), so that they test
this stage whatever the state of the others; the seed test goes through the full pipeline.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.conftest import ROOT
from tests.quantities.common import quantities, summary


def test_every_span_matches_its_text(qnlp: Language) -> None:
    text = "Roughly 1,500 people fled; £3m was raised and 40% of homes were hit within 12 km of the front."
    for q in quantities(qnlp, text):
        assert text[q.start : q.end] == q.text


# -- the founding article, through the full pipeline ------------------------------------------------


def test_seed_quantities(extract_text, seed_text: str) -> None:
    got = extract_text(seed_text, "2024-10-28").quantities
    wanted = {
        "more than 600,000": (600000, ">", "casualties", "killed-or-wounded", None),
        "more than 3,000": (3000, ">", "troops", None, None),
        "more than 12,000": (12000, ">", "troops", None, "expected"),
    }
    found = {q.text: (q.value, q.bound, q.category, q.subcategory, q.status) for q in got}
    for text, expected in wanted.items():
        assert found.get(text) == expected, (text, found.get(text))
    # and nothing spurious: only "these two countries" / "the two countries" besides the gold
    assert sorted(q.text for q in got if q.text not in wanted) == ["two", "two"]
    assert all(seed_text[q.start : q.end] == q.text for q in got)


@pytest.mark.parametrize(
    "text",
    ["", "5", "$", "between", "more than", "3,000-", "a", "half a", "tens of", "£3m-", "(1", "1)", "- 5 -",
     "twenty -", "two hundred and", "10 to", "between 5 and", "US$", "100 pounds"],
)
def test_fragments_do_not_crash(qnlp: Language, text: str) -> None:
    for q in quantities(qnlp, text):
        assert text[q.start : q.end] == q.text


# -- regressions from the Wikinews / WikiWars hand checks ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb mis-tagged as the counted noun
        ("Thousands march in Paris.", [("Thousands", 2000, "~", None)]),
        # a date inside a range of dates is not a count of "Augusts"
        ("It was the Battle of the Frontiers (14 August-24 August).", []),
        # adjectives joined by "and" before the noun
        ("It cost them 230,000 more French and British troops.", [("230,000", 230000, "=", "troops")]),
        # a currency word after the scale, in the singular
        ("They offered a one million US dollar reward.", [("one million US dollar", 1000000, "=", "USD")]),
        # "pounds" of weight, not sterling
        ("The oldest weighed 82 pounds (37 kg).", [("82 pounds", 82, "=", "pound"), ("37 kg", 37, "=", "kilogram")]),
        # "in the hundreds" is a figure; "the hundreds who" is not read as one
        ("AFP placed the death count in the hundreds.", [("hundreds", 200, "~", None)]),
        # a list marker is not a quantity
        ("There are two priorities: 1) the ratio and 2) the rest.", [("two", 2, "=", "priorities")]),
        # a TV channel name
        ("He told WESH 2 news about it.", []),
        # a prepositional "about" after a verb is not a bound
        ("They talked about 3 issues.", [("3", 3, "=", "issues")]),
        # "the one thing" means "the only thing"; "top 10" is a rank
        ("The one thing I try is to match my time.", []),
        ("She was in the top 10 last year.", []),
        # a rate: the unit says "per hour"; the span stops before it (the times stage may own "per hour")
        ("Winds reached 195 kilometers per hour.", [("195 kilometers", 195, "=", "kilometre per hour")]),
        # a day joined to a date; a version number; a weekday before a count
        ("The rules came in on March 4 and 5 respectively.", []),
        ("Support for CentOS 8 ends soon.", []),
        ("On Saturday 12 people were killed.", [("12", 12, "=", "people")]),
        # "over" right before a number is a bound even when parsed as a preposition
        ("Turkey hosts over 3 million refugees.", [("over 3 million", 3000000, ">", "refugees")]),
    ],
)
def test_regressions(qnlp: Language, text: str, expected: list[tuple]) -> None:
    assert [summary(q) for q in quantities(qnlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hand check of Wikinews (last 60 records of sample.jsonl): astronomy units, more currencies,
        # a bound before "another", "arms" of a firm are not weapons
        ("The planet is 30 astronomical units from the star.",
         [("30 astronomical units", 30, "=", "astronomical unit")]),
        ("The star is 195 light years away.", [("195 light years", 195, "=", "light-year")]),
        ("It cost one billion złotys.", [("one billion złotys", 1e9, "=", "PLN")]),
        ("We also have about another 250 who volunteered.", [("about another 250", 250, "~", None)]),
        # an adverb before the adjective of the counted noun; degrees
        ("There seem to be two slightly different pathways.", [("two", 2, "=", "pathways")]),
        ("It is maybe two thousand degrees.", [("two thousand degrees", 2000, "=", "degree")]),
    ],
)
def test_hand_check_regressions(qnlp: Language, text: str, expected: list[tuple]) -> None:
    assert [summary(q) for q in quantities(qnlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the base of a rate is not a figure of its own
        ("There were only four premature deaths per 100,000.", [("four", 4, "=", "deaths")]),
        # a participle before a name does not make the name the counted noun
        ("The trial was one of three facing Avenatti.", [("three", 3, "=", None)]),
        # a unit shared by coordinated numbers
        ("Prices rose 2 or 3 percent.", [("2", 2, "=", "percent"), ("3 percent", 3, "=", "percent")]),
        ("The strike killed 5 and wounded 10.", [("5", 5, "=", None), ("10", 10, "=", None)]),
    ],
)
def test_second_hand_check_regressions(qnlp: Language, text: str, expected: list[tuple]) -> None:
    assert [summary(q) for q in quantities(qnlp, text)] == expected


# -- hard cases and gold slices (full pipeline, so that the times stage takes its dates first) ------

HARD_CASES = "tests/data/quantities_hard_cases.jsonl"


# Sentences from ../shared/data/wikinews (``source`` is file:record) and a few hand-written ones for the
# known gaps (error margins, rates, per-capita money): each with every quantity it states (value, range end,
# bound, unit) or none at all (dates, clock times, ages, names, identifiers). A case is right when every
# expected quantity is found with that span text, value, high, bound and unit (case-insensitive), and
# nothing else outside "ignore". All 45 pass now; the floor leaves room for one parser wobble.
HARD_CASES_FLOOR = 44


def _quantity_misses(nlp: Language, case: dict) -> list[str]:
    import datetime as dt

    from newsgraph.model import Article
    from newsgraph.nlp.pipeline import extract_one

    ext = extract_one(Article(case["id"], case["text"], dt.date.fromisoformat(case["published"])), nlp)
    got = {q.text: q for q in ext.quantities}
    misses = []
    for e in case["expected"]:
        q = got.pop(e["text"], None)
        want = (e["value"], e["high"], e["bound"], (e["unit"] or "").lower())
        if q is None or (q.value, q.high, q.bound, (q.unit or "").lower()) != want:
            misses.append(f"want {e}, got {q}")
    misses += [f"extra {q}" for text, q in got.items() if text not in case["ignore"]]
    return misses


def test_hard_cases(nlp: Language) -> None:
    import json

    path = ROOT / HARD_CASES
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    report = {c["id"]: _quantity_misses(nlp, c) for c in cases}
    right = sum(1 for m in report.values() if not m)
    assert right >= HARD_CASES_FLOOR, {k: v for k, v in report.items() if v}


# -- figures across articles in the store ------------------------------------------------------------


def test_store_lists_every_figure_for_one_thing(nlp: Language, tmp_path) -> None:
    """Two reports of the same deployment, days apart: the store lists both figures for "troops", oldest
    report first, each with its article's date, who gives it and how sure, and the event it sizes."""
    import datetime as dt

    from newsgraph.model import Article
    from newsgraph.nlp.pipeline import extract_one
    from newsgraph.store import Store

    first = ("South Korea's defence minister Kim Yong-hyun said on Friday that North Korea had sent 3,000 troops "
             "to Russia. He said more soldiers could follow.")
    later = ("US Defense Secretary Lloyd Austin said on Monday that about 12,000 North Korean troops were now in "
             "Russia's Kursk region. Russia has not confirmed the deployment.")
    store = Store.open(tmp_path / "figures.db")
    try:
        # written newest first: the query orders by the report's date, not by insertion
        store.write(extract_one(Article("later", later, dt.date(2024, 11, 4)), nlp))
        store.write(extract_one(Article("first", first, dt.date(2024, 10, 25)), nlp))
        rows = store.query("quantities", name="troops")
        assert [(r["article_id"], r["published"], r["value"], r["bound"], r["category"]) for r in rows] == [
            ("first", "2024-10-25", 3000, "=", "troops"),
            ("later", "2024-11-04", 12000, "~", "troops"),
        ]
        assert [r["claimed_by"] for r in rows] == ["Kim Yong-hyun", "Lloyd Austin"]
        assert [r["certainty"] for r in rows] == ["asserted", "asserted"]
        assert rows[0]["sizes"] == "MOBILIZE"  # "sent 3,000 troops"
        assert [r["value"] for r in store.query("quantities", name="troops", since=dt.date(2024, 11, 1))] == [12000]
        assert [r["article_id"] for r in store.query("quantities", name="troops", article="first")] == ["first"]
    finally:
        store.close()



def test_a_duration_is_a_quantity_linked_to_its_time(extract_text) -> None:  # type: ignore[no-untyped-def]
    """Issue 21: "15 years" is both a TIMEX3 DURATION and a quantity with a time unit, each knowing the other; an
    age is a quantity only; a duration counted back to a date ("two years ago") is a quantity, linked to no time."""
    ext = extract_text("He served 15 years in prison after a two-day trial. Two years ago a 50-year-old man fled.")
    by_text = {q.text: q for q in ext.quantities}
    assert {t: (q.value, q.unit) for t, q in by_text.items()} == {
        "15 years": (15, "year"), "two-day": (2, "day"), "Two years": (2, "year"), "50-year-old": (50, "year of age")}
    for text, value in (("15 years", "P15Y"), ("two-day", "P2D")):
        time = ext.times[by_text[text].time]  # type: ignore[index]
        assert (time.text, time.type, time.value) == (text, "DURATION", value)
    assert by_text["Two years"].time is None and by_text["50-year-old"].time is None
    assert [t.text for t in ext.times if "old" in t.text] == []  # the age is no time
    assert ["quantities.duration.time", 10, 18] in by_text["15 years"].trace  # the time it is linked to
