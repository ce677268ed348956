"""The bench scripts read the corpus the way ingest does: a folder's other files are named and left out."""

from __future__ import annotations

import datetime as dt
import random

from bench import crossdoc_cost, throughput
from newsgraph.model import Actor, Article, Extraction, Mention


def test_throughput_reads_only_the_articles_of_the_bundled_corpus() -> None:
    articles = throughput.load(throughput.DEFAULT_CORPUS, None)
    assert len(articles) > 250 and all(isinstance(a, Article) for a in articles)  # (the folder's .md, .tsv: no)
    assert len(throughput.load(throughput.DEFAULT_CORPUS, 5)) == 5


def _hand_made(n_words: int = 80) -> Extraction:
    """An extraction made by hand (no NLP): one actor named twice and long enough to be a wire copy."""
    text = "Maria Lopez said the harbour was closed. " + " ".join(f"word{i}" for i in range(n_words)) + " said Lopez."
    mentions = [Mention(0, 11, "Maria Lopez", "name"), Mention(len(text) - 6, len(text) - 1, "Lopez", "surname")]
    article = Article("hand-1", text, dt.date(2024, 3, 1), "Harbour", "https://example.org/a", "bench")
    return Extraction(article, actors=[Actor("A1", "Maria Lopez", "person", mentions=mentions)])


def test_crossdoc_rewrites_keep_every_span_and_differ() -> None:
    ext, rng = _hand_made(), random.Random(3)
    for variant in ("suffix", "distinct"):
        texts = [crossdoc_cost.make_text(ext, k, variant, rng) for k in range(3)]
        assert len(set(texts)) == 3
        for text in texts:
            assert all(text[m.start:m.end] == m.text for m in ext.actors[0].mentions)
    assert crossdoc_cost.make_text(ext, 0, "suffix", rng).startswith(ext.article.text)
    assert "word1 " not in crossdoc_cost.make_text(ext, 0, "distinct", rng)  # (outside the spans: rewritten)


def test_crossdoc_fill_times_every_part_and_finds_the_suffix_copies() -> None:
    copies = {}
    for variant in ("suffix", "distinct"):
        rows, counts = crossdoc_cost.fill([_hand_made()], 30, variant)
        assert len(rows) == 30 and all(r["Store.write"] >= r["copies+outlet"] + r["registry"] > 0 for r in rows)
        assert counts["registry rows"] == 1
        copies[variant] = counts["copies"]
    assert copies == {"suffix": 29, "distinct": 0}  # every suffixed re-write contains the first; scrambled: none
    table = crossdoc_cost.table(rows, [10, 30], 10, [0.1, 0.2])
    assert table.count("\n") == 2 + len(crossdoc_cost.PARTS) + 1 and "cross / extract" in table
