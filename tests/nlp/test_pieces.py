"""Texts longer than a piece: cut at breaks, extracted piece by piece, merged into one valid result."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from newsgraph.model import Article, Extraction
from newsgraph.nlp import pieces, pipeline

PARAGRAPHS = [
    "NATO chief Mark Rutte said on Monday that North Korean troops had moved to Russia's Kursk region.",
    "“This is a significant escalation,” Rutte told reporters in Brussels.",
    "Ukrainian forces shelled Belgorod overnight, the governor said, and 3,000 people fled.",
    "Russian President Vladimir Putin met Kim Jong Un in Pyongyang in June.",
    "Rutte said NATO would respond, and the Pentagon said 10,000 troops were in Kursk.",
]


def test_pieces_cover_the_text_and_end_at_the_best_break() -> None:
    text = "\n\n".join(PARAGRAPHS * 4)
    cuts = pieces.cut(text, size=400)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))  # contiguous, nothing lost
    assert all(0 < end - start <= 400 for start, end in cuts)
    assert all(text[end - 2:end] == "\n\n" for _, end in cuts[:-1])  # each at a paragraph break


def test_a_text_without_breaks_is_cut_hard() -> None:
    assert pieces.cut("x" * 1000, size=400) == [(0, 400), (400, 800), (800, 1000)]


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 200)


def test_a_long_text_merges_into_one_valid_result(nlp: Any, small_pieces: None) -> None:
    text = "\n\n".join(PARAGRAPHS)
    [result] = list(pipeline.extract([Article("long", text)]))
    assert isinstance(result, Extraction)
    assert len(pieces.cut(text, size=200)) >= 3
    assert result.problems() == []  # every span points into the whole text
    for kind in ("actors", "claims", "quotes", "events"):
        ids = [item.id for item in getattr(result, kind)]
        assert len(ids) == len(set(ids)), kind
    actors = {a.id for a in result.actors}
    claims = {c.id for c in result.claims}
    for q in result.quotes:
        assert q.speaker in actors | {None} and q.claim in claims | {None}
    for e in result.events:
        assert set(e.source_actors + e.target_actors) <= actors | {a for a in e.source_actors if a.startswith("grp:")}
        assert e.place is None or 0 <= e.place < len(result.places)
        assert all(result.quantities[i].event == e.id for i in e.size)
    rutte = [a for a in result.actors if a.name.endswith("Rutte")]
    assert len(rutte) == 1  # one actor across the pieces, with every mention
    assert [text[m.start:m.end] for m in rutte[0].mentions].count("Rutte") >= 2


def test_a_piece_that_fails_rejects_the_whole_text(nlp: Any, small_pieces: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    places = nlp.get_pipe("newsgraph_places")
    original = type(places).__call__

    def fragile(self: Any, doc: Any) -> Any:
        if "Belgorod" in doc.text:
            raise ValueError("planted")
        return original(self, doc)

    monkeypatch.setattr(type(places), "__call__", fragile)
    results = list(pipeline.extract([Article("long", "\n\n".join(PARAGRAPHS), origin="in.jsonl: 1"),
                                     Article("short", "Troops moved to Kursk.")]))
    assert str(results[0]) == ("in.jsonl: 1: newsgraph failed on this text (ValueError: planted); please report it "
                               "— skipped")
    assert isinstance(results[1], Extraction)
