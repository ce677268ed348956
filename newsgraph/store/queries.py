"""Read-side queries. Each returns plain dicts; every row carries its article, span and sentence."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import StoreError

Row = dict[str, Any]

# The sentence an item comes from, joined the same way for every item table.
_SENTENCE = "(SELECT s.text FROM sentences s WHERE s.article_id = t.article_id AND s.idx = t.sentence_idx)"


def _speaker_name(alias: str) -> str:
    return (f"(SELECT aa.name FROM article_actors aa WHERE aa.article_id = {alias}.article_id "
            f"AND aa.local_id = {alias}.speaker)")


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> Iterator[Row]:
    for row in conn.execute(sql, params):
        out = dict(row)
        if "data" in out:
            out.update({k: v for k, v in json.loads(out.pop("data")).items() if k not in out})
        yield out


def query_events(
    conn: sqlite3.Connection, limit: int, actor: str | None = None, event_type: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None, article: str | None = None, **_: Any,
) -> Iterator[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = t.article_id "
                       "AND ea.event_idx = t.idx AND ea.code = ?)")
        params.append(actor.upper())
    if event_type:
        clauses.append("t.type = ?")
        params.append(event_type.upper())
    if since:
        clauses.append("t.time_end >= ?")
        params.append(since.isoformat())
    if until:
        clauses.append("t.time_start <= ?")
        params.append(until.isoformat())
    if article:
        clauses.append("t.article_id = ?")
        params.append(article)
    sql = (f"SELECT t.article_id, a.published, t.start, t.\"end\", t.type, t.mode, t.status, t.time, t.cluster_id, "
           f"t.text, {_SENTENCE} AS sentence, t.data FROM events t JOIN articles a ON a.id = t.article_id"
           f"{_where(clauses)} ORDER BY coalesce(t.time_start, a.published), t.article_id, t.idx LIMIT ?")
    yield from _rows(conn, sql, [*params, limit])


def query_quotes(
    conn: sqlite3.Connection, limit: int, speaker: str | None = None, article: str | None = None, **_: Any,
) -> Iterator[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if speaker:
        clauses.append(f"{_speaker_name('t')} LIKE ?")
        params.append(f"%{speaker}%")
    if article:
        clauses.append("t.article_id = ?")
        params.append(article)
    sql = (f"SELECT t.article_id, t.start, t.\"end\", {_speaker_name('t')} AS speaker_name, t.kind, t.text, "
           f"{_SENTENCE} AS sentence, t.data FROM quotes t{_where(clauses)} ORDER BY t.article_id, t.idx LIMIT ?")
    yield from _rows(conn, sql, [*params, limit])


def query_claims(
    conn: sqlite3.Connection, limit: int, speaker: str | None = None, article: str | None = None, **_: Any,
) -> Iterator[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if speaker:
        clauses.append(f"{_speaker_name('t')} LIKE ?")
        params.append(f"%{speaker}%")
    if article:
        clauses.append("t.article_id = ?")
        params.append(article)
    sql = (f"SELECT t.article_id, t.start, t.\"end\", {_speaker_name('t')} AS speaker_name, t.modality, t.time, "
           f"t.text, {_SENTENCE} AS sentence, t.data FROM claims t{_where(clauses)} "
           f"ORDER BY t.article_id, t.idx LIMIT ?")
    yield from _rows(conn, sql, [*params, limit])


def query_places(
    conn: sqlite3.Connection, limit: int, name: str | None = None, article: str | None = None, **_: Any,
) -> Iterator[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if name:
        clauses.append("(t.name LIKE ? OR t.text LIKE ?)")
        params += [f"%{name}%", f"%{name}%"]
    if article:
        clauses.append("t.article_id = ?")
        params.append(article)
    sql = (f"SELECT t.article_id, t.start, t.\"end\", t.text, t.name, t.country, t.lat, t.lon, t.level, "
           f"{_SENTENCE} AS sentence, t.data FROM places t{_where(clauses)} ORDER BY t.article_id, t.idx LIMIT ?")
    yield from _rows(conn, sql, [*params, limit])


def query_quantities(
    conn: sqlite3.Connection, limit: int, name: str | None = None, article: str | None = None, **_: Any,
) -> Iterator[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if name:  # what is counted: "troops", "killed"
        clauses.append("(t.unit LIKE ? OR t.counted LIKE ? OR t.category LIKE ?)")
        params += [f"%{name}%"] * 3
    if article:
        clauses.append("t.article_id = ?")
        params.append(article)
    # Who gives the figure: the speaker of the claim it is stated in (null: the outlet itself).
    claimant = ("(SELECT aa.name FROM claims c JOIN article_actors aa ON aa.article_id = c.article_id "
                "AND aa.local_id = c.speaker WHERE c.article_id = t.article_id AND c.local_id = t.claim_id)")
    sql = (f"SELECT t.article_id, a.published, t.start, t.\"end\", t.bound, t.value, t.unit, t.category, "
           f"t.counted, {claimant} AS claimed_by, t.text, {_SENTENCE} AS sentence, t.data FROM quantities t "
           f"JOIN articles a ON a.id = t.article_id{_where(clauses)} ORDER BY a.published, t.article_id, t.idx "
           f"LIMIT ?")
    yield from _rows(conn, sql, [*params, limit])


def query_actors(conn: sqlite3.Connection, limit: int, name: str | None = None, **_: Any) -> Iterator[Row]:
    clauses: list[str] = []
    params: list[Any] = []
    if name:
        clauses.append("(r.name LIKE ? OR EXISTS (SELECT 1 FROM actor_aliases x WHERE x.actor_id = r.id "
                       "AND x.alias LIKE ?))")
        params += [f"%{name}%", f"%{name}%"]
    sql = (
        "SELECT r.id, r.name, r.kind, r.code, r.country, "
        "(SELECT count(DISTINCT aa.article_id) FROM article_actors aa WHERE aa.actor_id = r.id) AS articles, "
        "(SELECT count(*) FROM mentions m JOIN article_actors aa ON aa.article_id = m.article_id "
        " AND aa.local_id = m.local_id WHERE aa.actor_id = r.id) AS mentions, "
        "(SELECT group_concat(alias, '; ') FROM actor_aliases x WHERE x.actor_id = r.id) AS aliases "
        f"FROM actors r{_where(clauses)} ORDER BY mentions DESC, r.name LIMIT ?"
    )
    yield from _rows(conn, sql, [*params, limit])


def query_search(
    conn: sqlite3.Connection, limit: int, text: str | None = None, article: str | None = None, **_: Any,
) -> Iterator[Row]:
    if not text:
        raise StoreError('search needs a query, e.g. newsgraph query search "troops Kursk"')
    clauses = ["sentences_fts MATCH ?"]
    params: list[Any] = [text]
    if article:
        clauses.append("s.article_id = ?")
        params.append(article)
    sql = ("SELECT s.article_id, s.start, s.\"end\", s.text AS sentence, "
           "snippet(sentences_fts, 0, '[', ']', '…', 12) AS snippet "
           f"FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid{_where(clauses)} "
           "ORDER BY bm25(sentences_fts) LIMIT ?")
    try:
        yield from _rows(conn, sql, [*params, limit])
    except sqlite3.OperationalError as e:
        raise StoreError(f"search query {text!r} is not valid FTS5 syntax ({e}); quote phrases with \"...\"") from e


def query_clusters(
    conn: sqlite3.Connection, limit: int, actor: str | None = None, event_type: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None, **_: Any,
) -> Iterator[Row]:
    """Merged events: one row per real-world event, with how many reports and independent sources."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append("(',' || c.source || ',' LIKE ? OR ',' || c.target || ',' LIKE ?)")
        params += [f"%,{actor.upper()},%"] * 2
    if event_type:
        clauses.append("c.type = ?")
        params.append(event_type.upper())
    if since:
        clauses.append("c.time_end >= ?")
        params.append(since.isoformat())
    if until:
        clauses.append("c.time_start <= ?")
        params.append(until.isoformat())
    sql = ("SELECT c.id AS cluster_id, c.type, c.polarity, c.source, c.target, c.time_start, c.time_end, c.country, "
           "c.reports, c.sources, c.label AS text, "
           "(SELECT group_concat(DISTINCT e.article_id) FROM events e WHERE e.cluster_id = c.id) AS articles "
           f"FROM event_clusters c{_where(clauses)} ORDER BY c.sources DESC, c.reports DESC, c.id LIMIT ?")
    yield from _rows(conn, sql, [*params, limit])
