"""The fuzz harness (bench/fuzz.py), bounded for CI: hostile records through the reader, extract and a real
store with its queries, export and web API; and proof that its checks catch what they are there to catch."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable

import pytest
from spacy.language import Language

from bench.fuzz import (
    MUTATIONS,
    check_extraction,
    check_reader,
    check_results,
    fuzz,
    make_case,
    strict_json,
)
from newsgraph.ingest.records import Rejected, record_to_article
from newsgraph.model import Article, Extraction
from newsgraph.nlp.quantities.component import QuantitiesComponent

SEED, INPUTS = 7, 150
TEXT = "NATO said on Monday that 3,000 North Korean troops had moved to Kursk. “We are ready,” Rutte said."


def test_a_bounded_fuzz_run_is_clean(nlp: Language) -> None:
    summary = fuzz(SEED, INPUTS, store_every=INPUTS, store_sample=16, minimize_s=0)
    assert summary.inputs == INPUTS and summary.extractions > INPUTS // 2
    assert summary.store_rounds == 1 and summary.stored > 0
    assert not summary.failures(), "\n".join(summary.lines(SEED))


def test_inputs_repeat_and_are_hostile() -> None:
    cases = [make_case(SEED, i) for i in range(400)]
    assert make_case(SEED, 123) == cases[123]  # input i depends on (seed, i) alone
    drawn = {name for case in cases for name in case.mutations}
    assert set(MUTATIONS) - {"long_token"} <= drawn  # (the 10k-character tokens are drawn rarely, on purpose)
    assert any(name.startswith("surrogate_") for name in drawn) and "escape_cut" in drawn


@pytest.fixture(scope="module")
def good(extract_text: Callable[..., Extraction]) -> Extraction:
    ext = extract_text(TEXT)
    assert ext.quantities and ext.quotes and ext.actors and ext.events and check_extraction(ext) == []
    return ext


@pytest.mark.parametrize(("plant", "signature"), [
    (lambda e: setattr(e.quantities[0], "start", e.quantities[0].start + 1), "span text mismatch: quantities"),
    (lambda e: setattr(e.quantities[0], "value", math.inf), "a number that is not finite"),
    (lambda e: setattr(e.quantities[0], "high", math.nan), "output is not strict JSON: ValueError"),
    (lambda e: setattr(e.quotes[0], "cue", (0, 10**6)), "span outside the text: quote cue"),
    (lambda e: setattr(e.actors[0].mentions[0], "text", "someone"), "span text mismatch: actor mention"),
    (lambda e: setattr(e.events[0], "trigger", (5, 2)), "span outside the text: event trigger"),
    (lambda e: setattr(e.events[0], "mentions", [[-1, 3]]), "span outside the text: event mention"),
    (lambda e: setattr(e.quotes[0], "speaker", "A99"), "dangling reference: quote speaker"),
    (lambda e: setattr(e.times[0], "value", "10000"), "TIMEX3 value malformed: times"),
])
def test_the_checks_catch_a_planted_fault(good: Extraction, plant: Callable[[Extraction], None],
                                          signature: str) -> None:
    bad = copy.deepcopy(good)
    plant(bad)
    assert signature in {f.signature for f in check_extraction(bad)}


def test_a_stage_crash_is_a_failure_named_by_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article("a", TEXT, origin="fuzz:0")
    assert check_results([article], [Rejected("fuzz:0", "newsgraph failed on this text (...)")])[1]

    def boom(self: QuantitiesComponent, doc: object) -> None:
        raise OverflowError("planted")

    monkeypatch.setattr(QuantitiesComponent, "__call__", boom)
    found = check_results([article], [Rejected("fuzz:0", "newsgraph failed on this text (...)")])[1]
    # (the innermost newsgraph function it passed through: the planted stage is no newsgraph code)
    assert [f.signature for _, f in found] == ["crash in extract: OverflowError at nlp/pipeline.py:extract_one"]


def test_the_reader_check_catches_an_accepted_surrogate() -> None:
    record = {"id": "a", "text": "Russia said so.", "title": "Kursk\udc00"}
    refused = record_to_article(record, "x")
    assert isinstance(refused, Rejected) and '"title"' in refused.reason and check_reader(record, refused) == []
    assert check_reader(record, Article("a", record["text"], title=record["title"]))
    assert check_reader(record, Rejected("x", "text is empty"))  # refused, but not by the surrogate's name


def test_strict_json_refuses_what_the_standard_does() -> None:
    for body in (b'{"a": NaN}', b'[Infinity]', b'"\xff"'):
        with pytest.raises(ValueError):
            strict_json(body)
