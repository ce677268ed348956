"""The store: SQLite by default (named migrations, WAL, FTS5 over sentences)."""

from newsgraph.store.ingest import IngestReport, ingest_articles
from newsgraph.store.sqlite import Store

__all__ = ["IngestReport", "Store", "ingest_articles"]
