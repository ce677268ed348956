"""Ingest: articles in, extracted and stored one transaction each. Idempotent and safe to kill.

Articles whose text is already stored are skipped before any NLP, so a rerun after a crash only
does the work that is missing; the id they came with is kept as an alias of the stored article, so
looking it up still finds it. Each article and all its items commit together or not at all. A text the
pipeline cannot process is reported (``rejected``) and the others go on.

This module prints nothing: what happens goes to the caller's ``Progress`` (the CLI shows a bar and one
line a rejection), and the counts come back in the ``IngestReport``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from newsgraph.errors import IdConflict
from newsgraph.ingest.records import Rejected
from newsgraph.model import Article, text_sha1
from newsgraph.store.sqlite import Store


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0  # already in the store, or repeated in the input
    aliased: int = 0  # of those, how many came with an id of their own, now an alias of the stored article
    conflicts: list[str] = field(default_factory=list)  # same id, different text
    rejected: list[str] = field(default_factory=list)  # texts the pipeline could not process


class Progress(Protocol):
    """What an ingest tells as it goes: how many articles it will process, each one done, each message."""

    def start(self, total: int) -> None: ...
    def advance(self) -> None: ...
    def say(self, message: str) -> None: ...
    def close(self) -> None: ...


class Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass

    def say(self, message: str) -> None:
        pass

    def close(self) -> None:
        pass


def ingest_articles(
    db: str | Path, articles: Iterable[Article], workers: int | None = 1, progress: Progress | None = None,
    engine: str = "local", ray_address: str | None = None,
) -> IngestReport:
    from newsgraph.nlp.pipeline import build_nlp, extract

    report, progress = IngestReport(), progress or Silent()
    with Store.open(db) as store:
        pending, aliases = _new_articles(store, articles, report, progress)
        if pending:
            if (workers or 1) <= 1 and engine == "local":
                build_nlp()  # load before the progress starts, so its rate means articles
            progress.start(len(pending))
            for result in extract(pending, workers=workers, engine=engine, ray_address=ray_address):
                progress.advance()
                if isinstance(result, Rejected):
                    report.rejected.append(str(result))
                    progress.say(str(result))
                    continue
                try:
                    stored = store.write(result)
                except IdConflict as e:
                    report.conflicts.append(f"{result.article.origin or result.article.id}: {e} — skipped")
                    progress.say(report.conflicts[-1])
                    continue
                report.stored += stored
                report.skipped += not stored
            progress.close()
        # last, so that an alias of a text first stored in this same run finds its article
        report.aliased = sum(store.add_alias(alias, digest, origin) for alias, digest, origin in aliases)
    return report


def _new_articles(store: Store, articles: Iterable[Article], report: IngestReport, progress: Progress
                  ) -> tuple[list[Article], list[tuple[str, str, str | None]]]:
    """The articles to process, and (id, text digest, origin) of those whose text is already stored or
    queued under another id."""
    seen: dict[str, str] = {}  # digest -> id, for this run
    pending_ids: set[str] = set()
    pending: list[Article] = []
    aliases: list[tuple[str, str, str | None]] = []
    for article in articles:
        digest = text_sha1(article.text)
        stored_as = seen.get(digest) or store.id_of_digest(digest)
        if stored_as is not None:
            report.skipped += 1
            if stored_as != article.id:
                aliases.append((article.id, digest, article.origin))
            continue
        if article.id in pending_ids or store.has_id(article.id):
            message = f'{article.origin or article.id}: id "{article.id}" is already stored with another text — skipped'
            report.conflicts.append(message)
            progress.say(message)
            continue
        seen[digest] = article.id
        pending_ids.add(article.id)
        pending.append(article)
    return pending, aliases


class KnownUrls:
    """The ``known`` check of web reading: is this normalised URL stored already, as an article's id or as an
    alias of one? Such a URL is skipped before any request, so rerunning an ingest fetches nothing twice;
    ``hits`` counts them (they are "already in"). It asks through a connection of its own, opened at the first
    question (``ingest_articles`` has created and migrated the store by then); use it as a context manager."""

    def __init__(self, db: str | Path) -> None:
        self.db = db
        self.hits = 0
        self._store: Store | None = None

    def __call__(self, url: str) -> bool:
        if self._store is None:
            if not Path(self.db).is_file():
                return False  # no store yet: nothing is known
            self._store = Store.open(self.db)
        known = self._store.resolve_id(url) is not None
        self.hits += known
        return known

    def __enter__(self) -> KnownUrls:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
