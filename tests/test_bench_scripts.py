"""The bench scripts read the corpus the way ingest does: a folder's other files are named and left out."""

from __future__ import annotations

from bench import throughput
from newsgraph.model import Article


def test_throughput_reads_only_the_articles_of_the_bundled_corpus() -> None:
    articles = throughput.load(throughput.DEFAULT_CORPUS, None)
    assert len(articles) > 250 and all(isinstance(a, Article) for a in articles)  # (the folder's .md, .tsv: no)
    assert len(throughput.load(throughput.DEFAULT_CORPUS, 5)) == 5
