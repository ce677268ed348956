"""The grammar (times/grammar.py and its constructions): which expressions are times, with what extent, type
and value; what is not a time; no text crashes it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from tests.times.common import PUB, tag


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on 6 January 1975.", [("6 January 1975", "DATE", "1975-01-06")]),
        ("It happened on November 20, 1953.", [("November 20, 1953", "DATE", "1953-11-20")]),
        ("The war began in February 2022.", [("February 2022", "DATE", "2022-02")]),
        ("Putin visited in 2000.", [("2000", "DATE", "2000")]),
        ("Sanctions were imposed in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("The offensive began in early 1941.", [("early 1941", "DATE", "1941")]),
        ("The fighting lasted three years.", [("three years", "DURATION", "P3Y")]),
        ("The meeting lasted two hours.", [("two hours", "DURATION", "PT2H")]),
        ("Spending will rise over the next decade.", [("the next decade", "DURATION", "P1DE")]),
        ("The vote was postponed until Friday.", [("Friday", "DATE", "2024-11-01")]),
        ("The talks were extended to March, and he stayed until Friday.",
         [("March", "DATE", "2025-03"), ("Friday", "DATE", "2024-10-25")]),
        ("They will serve 12 and 18 months.", [("12", "DURATION", "P12M"), ("18 months", "DURATION", "P18M")]),
        ("The blast came at 10:32:15 on Monday.",
         [("10:32:15", "TIME", "2024-10-28T10:32:15"), ("Monday", "DATE", "2024-10-28")]),
        ("Troops patrol the border daily.", [("daily", "SET", "P1D")]),
        ("Inspectors come every week.", [("every week", "SET", "P1W")]),
        ("The talks will resume next week.", [("next week", "DATE", "2024-W45")]),
        ("Russia attacked last week.", [("last week", "DATE", "2024-W43")]),
        ("They will meet later this week.", [("this week", "DATE", "2024-W44")]),
        ("More than 12,000 are expected by December.", [("December", "DATE", "2024-12")]),
        ("The town was shelled in August.", [("August", "DATE", "2024-08")]),
        ("The town was shelled yesterday.", [("yesterday", "DATE", "2024-10-27")]),
        ("The base closed five years ago.", [("five years ago", "DATE", "2019")]),
        ("Prices rose in the third quarter.", [("the third quarter", "DATE", "2024-Q3")]),
        ("The blast came at 3:30 p.m. on Friday.",
         [("3:30 p.m.", "TIME", "2024-10-25T15:30"), ("Friday", "DATE", "2024-10-25")]),
        ("Reserves are needed now.", [("now", "DATE", "PRESENT_REF")]),
        ("The Battle of the Frontiers (1914–1918) ended.",
         [("1914", "DATE", "1914"), ("1918", "DATE", "1918")]),
        ("The war of 1914-18 ended.", [("1914", "DATE", "1914"), ("18", "DATE", "1918")]),
        ("They were arrested in January of last year.", [("January of last year", "DATE", "2023-01")]),
        ("He died 5:03 AM, February 10, 2019.", [("5:03 AM, February 10, 2019", "TIME", "2019-02-10T05:03")]),
        ("The town fell in 480 BC.", [("480 BC", "DATE", "BC0480")]),
        ("Fighting flared again over the past two centuries.",
         [("the past two centuries", "DURATION", "P2CE")]),
        ("The rebels attacked on the night of 20 June 1791.",
         [("the night of 20 June 1791", "TIME", "1791-06-20TNI")]),
        ("Talks ended by the end of the year.", [("the end of the year", "DATE", "2024")]),
        ("Prices fell in the first half of 2008.", [("the first half of 2008", "DATE", "2008-H1")]),
        ("Exports grew in recent years.", [("recent years", "DURATION", "PXY")]),
        ("In May and June 1940 the army moved.", [("May", "DATE", "1940-05"), ("June 1940", "DATE", "1940-06")]),
        ("By 2030 emissions will fall.", [("2030", "DATE", "2030")]),
        ("He launched at 1922 UTC yesterday.", [("1922 UTC yesterday", "TIME", "2024-10-27T19:22")]),
        ("We were called at 8.10am today.", [("8.10am today", "TIME", "2024-10-28T08:10")]),
        ("He was shot at 2am local time on Friday.",
         [("2am", "TIME", "2024-10-25T02:00"), ("Friday", "DATE", "2024-10-25")]),
        ("Very early yesterday morning, he left.", [("early yesterday morning", "TIME", "2024-10-27TMO")]),
        ("Over the weekend, troops left.", [("the weekend", "DATE", "2024-W43-WE")]),
        ("Talks are planned for the weekend.", [("the weekend", "DATE", "2024-W44-WE")]),
        ("Talks are held on Friday.", [("Friday", "DATE", "2024-11-01")]),
        ("They met on the 20th.", [("the 20th", "DATE", "2024-10-20")]),
        ("They will meet on the 20th.", [("the 20th", "DATE", "2024-11-20")]),
        ("The car burned in August last year.", [("August last year", "DATE", "2023-08")]),
        ("The budget for fiscal year 2025 was approved.", [("fiscal year 2025", "DATE", "FY2025")]),
        ("Growth slowed in mid-2023.", [("mid-2023", "DATE", "2023")]),
        ("Over the past three years, prices rose.", [("the past three years", "DURATION", "P3Y")]),
        ("He is currently in Kyiv.", [("currently", "DATE", "PRESENT_REF")]),
        ("Talks are held twice a week.", [("twice a week", "SET", "P1W")]),
        ("The company reported third-quarter earnings.", [("third-quarter", "DATE", "2024-Q3")]),
        ("Prices rose in the late 1990s.", [("the late 1990s", "DATE", "199")]),
        ("The curfew starts tonight at midnight.",
         [("tonight", "TIME", "2024-10-28TNI"), ("midnight", "TIME", "2024-10-28T24:00")]),
    ],
)
def test_constructions(tnlp: Language, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tag(tnlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The pipeline runs 2000 km to the coast.",
        "The plant produces 1000 megawatt of power.",
        "The server holds 2000 GB of logs.",  # a symbol of units_pint.tsv, as a unit word of units.tsv
        "They built a 2000-km border fence.",
        "2000 of them died.",
        "They met on the 20th anniversary.",
        "The fiscal deficit grew.",
        "He may march on the capital.",
        "If the letter is authentic, that may have been his attempt.",  # after "that": the verb
        "Any benefit this may have reaped was lost.",
        "He observed a day of mourning.",
        "We saw the Sun rise over the hills.",
        "More than 3,000 troops and 1500 soldiers arrived.",
        "The brigade of 2000 men advanced.",
        "April Smith and June Carter spoke.",
        "They march in protest.",
        "The march was peaceful.",
        # ages are quantities (unit "year of age"), not durations (issue 21)
        "A 50-year-old man was arrested.",
        "He is 44 years old.",
        "Her six-month-old son is ill.",
        "Children under 5 years of age were most at risk.",
    ],
)
def test_false_positives(tnlp: Language, text: str) -> None:
    assert tag(tnlp, text) == []


_WORDS = ["May", "march", "June", "2000", "3,000", "the", "next", "day", "last", "week", "later", "this",
          "in", "by", "December", "1990s", "'90s", "1914–18", "-", "mid-", "early", "late", "of", "two",
          "years", "ago", "every", "per", "a", "few", "Monday", "morning", "3:30", "p.m.", "BC", "Q3",
          "the 19th", "century", "tonight", "now", ",", ".", "—", "\n", "  ", "5–9", "and", "Christmas"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join)),
       st.sampled_from([None, PUB, dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
def test_never_crashes_and_spans_are_valid(tnlp: Language, text: str, published: dt.date | None) -> None:
    doc = tnlp.make_doc(text)
    doc._.published = published
    doc = tnlp(doc)
    for t in doc._.times:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert isinstance(t.value, str) and t.value



def _trace(tnlp: Language, text: str) -> list[list[tuple[str, str | None]]]:
    doc = tnlp.make_doc(text)
    doc._.published = PUB
    return [[(rule, text[s:e] if s is not None else None) for rule, s, e in t.trace if rule.startswith("times.found.")]
            for t in tnlp(doc)._.times]


def test_the_grammar_records_the_construction_and_what_extended_it(tnlp: Language) -> None:
    assert _trace(tnlp, "He died 5:03 AM, February 10, 2019.") == [[
        ("times.found.clock", "5:03 AM"), ("times.found.month_day", "February 10"),
        ("times.found.year_after_date", "2019"), ("times.found.clock_with_date", "February 10, 2019")]]
    assert _trace(tnlp, "The Battle of the Frontiers (1914–1918) ended.") == [
        [("times.found.year_range", "1914")], [("times.found.year_range", "1918")]]
    assert _trace(tnlp, "The offensive began in early 1941.") == [
        [("times.found.year", "1941"), ("times.found.early_late", "early")]]
    assert _trace(tnlp, "By 2030 emissions will fall.") == [
        [("times.found.year", "2030"), ("times.found.year_opening_clause", "By")]]
    assert _trace(tnlp, "They met on Monday morning.") == [
        [("times.found.weekday", "Monday"), ("times.found.part_of_day_after", "morning")]]
    assert _trace(tnlp, "The fighting lasted about three years.") == [
        [("times.found.duration", "about three years"), ("times.found.approximator", "about")]]


@pytest.mark.parametrize(("text", "rates"), [
    ("Insurgent attacks were averaging 30 a day.", ["a day"]),
    ("Forces advanced thirty kilometers a day.", ["a day"]),
    ("Aid was cut from $1 billion a year to $700 million.", ["a year"]),
    ("A proclamation named November 26 a day of national thanksgiving.", []),  # a day "of": no rate
    ("They withdrew a day's march away.", []),
])
def test_a_count_a_unit_is_a_rate(tnlp: Language, text: str, rates: list[str]) -> None:
    assert [t for t, kind, _ in tag(tnlp, text) if kind == "SET"] == rates
