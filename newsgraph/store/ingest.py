"""Ingest: articles in, extracted and stored one transaction each. Idempotent and safe to kill.

Articles whose text is already stored are skipped before any NLP, so a rerun after a crash only
does the work that is missing. Each article and all its items commit together or not at all.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from newsgraph.model import Article, text_sha1
from newsgraph.store.sqlite import Store


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the store, or repeated in the input
    conflicts: list[str] = field(default_factory=list)  # same id, different text


def ingest_articles(
    db: str | Path, articles: Iterable[Article], workers: int | None = 1, progress: bool = True, engine: str = "local",
    ray_address: str | None = None,
) -> IngestReport:
    from newsgraph.pipeline import build_nlp, extract

    report = IngestReport()
    with Store.open(db) as store:
        pending = _new_articles(store, articles, report)
        if not pending:
            return report
        if (workers or 1) <= 1 and engine == "local":
            build_nlp()  # load before the progress bar starts, so its rate means articles
        bar = _progress(len(pending), progress)
        for extraction in extract(pending, workers=workers, engine=engine, ray_address=ray_address):
            if store.write(extraction):
                report.stored += 1
            else:
                report.skipped += 1
            bar.update(1)
        bar.close()
    return report


def _new_articles(store: Store, articles: Iterable[Article], report: IngestReport) -> list[Article]:
    seen: set[str] = set()
    pending_ids: set[str] = set()
    pending: list[Article] = []
    for article in articles:
        digest = text_sha1(article.text)
        if digest in seen or store.has_digest(digest):
            report.skipped += 1
            continue
        if article.id in pending_ids or store.has_id(article.id):
            message = f'{article.origin or article.id}: id "{article.id}" is already stored with another text — skipped'
            report.conflicts.append(message)
            print(f"newsgraph: {message}", file=sys.stderr)
            continue
        seen.add(digest)
        pending_ids.add(article.id)
        pending.append(article)
    return pending


def _progress(total: int, enabled: bool) -> tqdm:

    return tqdm(total=total, unit="article", disable=not enabled, file=sys.stderr, dynamic_ncols=True)
