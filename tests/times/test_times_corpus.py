"""The times stage against hand-annotated text: the founding article through the whole pipeline (every seed
time right), the hard cases written from the TimeML guidelines, and the quote's time taken from its claim."""

from __future__ import annotations

import datetime as dt
import json

from spacy.language import Language

from tests.conftest import ROOT, needs_shared


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


def test_quotes_carry_the_time_of_their_claim(extract_text) -> None:
    ext = extract_text("The minister said on Friday that the army shelled the town on Thursday.", "2024-10-28")
    assert ext.quotes and ext.claims
    claims = {c.id: c for c in ext.claims}
    for q in ext.quotes:
        assert q.claim is not None
        assert (q.time, q.time_from) == (claims[q.claim].time, claims[q.claim].time_from)
    assert any(q.time == "2024-10-24" and q.time_from == "text" for q in ext.quotes)


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

