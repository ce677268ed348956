"""The store: SQLite by default (named migrations, WAL, FTS5 over sentences)."""

from newsgraph.store.sqlite import Store

__all__ = ["Store"]
