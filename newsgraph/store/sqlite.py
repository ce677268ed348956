"""The SQLite store: one transaction per article, WAL so readers can query while ingest writes.

The store knows nothing of spaCy: it takes Extractions (plain dataclasses) and gives back dicts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import IdConflict, NotAStore, StoreError
from newsgraph.model import SCHEMA_VERSION, Actor, Extraction, _plain, text_sha1
from newsgraph.store import adopt, identity
from newsgraph.store.clusters import EventReport, assign_cluster, count_report
from newsgraph.store.copies import record_copy
from newsgraph.store.descriptions import body_described, described
from newsgraph.store.migrations import FIRST_MIGRATION, migrate, pending
from newsgraph.store.origins import outlet_of, write_claim_origins
from newsgraph.store.series import assign_series
from newsgraph.store.stories import assign_story
from newsgraph.store.timerange import timex_range
from newsgraph.store.values import sql_number

BUSY_TIMEOUT_S = 30.0


def actor_key(actor: Actor, article_id: str | None = None) -> str:
    """The registry key: states and coded bodies by code, everyone else by kind and normalized name. An
    actor known only by a description ("officials", "the spy agency") is one actor in its article alone:
    the officials of one report are not those of another."""
    if actor.code:
        return f"{actor.kind}:{actor.code}"
    name = re.sub(r"\s+", " ", actor.name).strip().lower()
    if article_id is not None and described(actor):
        return f"{actor.kind}:{name}@{article_id}"
    return f"{actor.kind}:{name}"


class Store:
    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open for writing (creating if needed) and migrate a store. Safe when several processes open a
        new store at once: see ``migrate``."""
        target = str(path)
        if target != ":memory:" and not Path(target).parent.exists():
            raise StoreError(f"{target}: the folder {Path(target).parent} does not exist")
        if target != ":memory:" and Path(target).is_file() and not _is_ours(target):
            raise NotAStore(f"{target} is not a newsgraph store; give --db a new file name or an existing store")
        try:
            conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            _use_wal(conn)
            # NORMAL in WAL mode: a committed article survives a killed process; only power loss can undo
            # the last commits, and never leaves half an article.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{target}: not a usable newsgraph store ({e})") from e
        return cls(conn, target)

    @classmethod
    def open_existing(cls, path: str | Path) -> Store:
        """Open an existing store read-only, for the commands that only read (query, show, summary,
        export, serve). SQLite's ``mode=ro`` guarantees they never change the file, whatever it is: a file
        that is not a newsgraph store is refused by name and left byte-identical."""
        target = str(path)
        if not Path(target).is_file():
            raise StoreError(f"{target}: no store here; create one with `newsgraph ingest PATH --db {target}`")
        try:
            conn = sqlite3.connect(f"{Path(target).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
            conn.row_factory = sqlite3.Row
            missing = pending(conn)
        except sqlite3.DatabaseError:
            raise NotAStore(f"{target} is not a newsgraph store (not an SQLite database)") from None
        if FIRST_MIGRATION in missing:
            conn.close()
            raise NotAStore(f"{target} is not a newsgraph store (SQLite, but without newsgraph's tables)")
        if missing:
            conn.close()
            raise StoreError(f"{target} was made by an older newsgraph; upgrade it with `newsgraph migrate --db "
                             f"{target}` (it then lacks {', '.join(missing)})")
        return cls(conn, target)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def has_text(self, text: str) -> bool:
        return self.has_digest(text_sha1(text))

    def has_digest(self, digest: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE text_sha1 = ?", (digest,)).fetchone() is not None

    def has_id(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def id_of_digest(self, digest: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE text_sha1 = ?", (digest,)).fetchone()
        return None if row is None else str(row[0])

    def add_alias(self, alias: str, digest: str, origin: str | None = None) -> bool:
        """Keep ``alias`` as another id of the article stored with this text. False when there is none (its
        text was rejected), or the alias is an article's own id or already names one."""
        with self.conn:  # one small transaction (the connection is in autocommit mode otherwise)
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO article_aliases (alias, article_id, origin) "
                "SELECT ?, id, ? FROM articles WHERE text_sha1 = ? AND id != ? "
                "AND NOT EXISTS (SELECT 1 FROM articles WHERE id = ?)",
                (alias, origin, digest, alias, alias))
        return cursor.rowcount > 0

    def resolve_id(self, article_id: str) -> str | None:
        """An article's own id for an id or an alias of it; None if neither is stored."""
        if self.has_id(article_id):
            return article_id
        row = self.conn.execute("SELECT article_id FROM article_aliases WHERE alias = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def write(self, ext: Extraction) -> bool:
        """Store one article and all its items in one transaction. False if its text is already stored."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            if self.has_text(ext.article.text):
                c.execute("ROLLBACK")
                return False
            if self.has_id(ext.article.id):  # another process stored another text under this id meanwhile
                c.execute("ROLLBACK")
                raise IdConflict(f'id "{ext.article.id}" is already stored with another text')
            self._write_article(ext)
            c.execute("COMMIT")
        except IdConflict:
            raise
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return True

    def _write_article(self, ext: Extraction) -> None:
        c, a = self.conn, ext.article
        row = c.execute(
            "INSERT INTO articles (id, text_sha1, title, url, published, origin, text, schema_version, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, text_sha1(a.text), a.title, a.url, a.published.isoformat() if a.published else None,
             a.origin, a.text, SCHEMA_VERSION, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
        ).lastrowid
        # its publisher, the wire text it copies (its signature and LSH bands are written with it), its story
        story = assign_story(c, ext, int(row or 0))
        c.execute("UPDATE articles SET outlet = ?, copy_of = ?, story_id = ? WHERE id = ?",
                  (outlet_of(a), record_copy(c, a), story, a.id))
        c.executemany(
            'INSERT INTO sentences (article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [(a.id, i, s.start, s.end, s.text) for i, s in enumerate(ext.sentences)],
        )
        starts = [s.start for s in ext.sentences]

        def sentence_of(start: int) -> int | None:
            i = bisect.bisect_right(starts, start) - 1
            return i if i >= 0 else None

        def base(idx: int, item: Any) -> tuple[Any, ...]:
            return (a.id, idx, item.start, item.end, item.text, sentence_of(item.start),
                    json.dumps(_plain(item), ensure_ascii=False))

        self._write_actors(ext)
        c.executemany(
            "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*base(i, t), t.type, t.value) for i, t in enumerate(ext.times)],
        )
        c.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*base(i, p), p.name, p.country, p.lat, p.lon, p.geonameid, p.level)
             for i, p in enumerate(ext.places)],
        )
        c.executemany(
            "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*base(i, q), sql_number(q.value), q.bound, q.unit, q.counted, q.category, q.claim)
             for i, q in enumerate(ext.quantities)],
        )
        c.executemany(
            'INSERT INTO claims (article_id, idx, start, "end", text, sentence_idx, data, local_id, modality, '
            "speaker, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*base(i, cl), cl.id, cl.modality, cl.speaker, cl.time) for i, cl in enumerate(ext.claims)],
        )
        write_claim_origins(c, ext)  # after the actors: origins resolve to registry ids
        c.executemany(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*base(i, q), q.id, q.kind, q.speaker, q.claim) for i, q in enumerate(ext.quotes)],
        )
        self._write_events(ext, base)
        self._cluster_events(ext)
        assign_series(c, ext, story)  # last: a figure's point reads its claim's origin

    def _write_events(self, ext: Extraction, base: Callable[[int, Any], tuple[Any, ...]]) -> None:
        c, article_id = self.conn, ext.article.id
        published = ext.article.published.isoformat() if ext.article.published else None
        for i, e in enumerate(ext.events):
            span = timex_range(e.time)
            # day: when it happened, else its report's date (the order events are listed in: query_events)
            c.execute(
                'INSERT INTO events (article_id, idx, start, "end", text, sentence_idx, data, local_id, type, mode, '
                "status, time, time_start, time_end, place_idx, claim_id, day) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*base(i, e), e.id, e.type, e.mode, e.status, e.time,
                 span[0].isoformat() if span else None, span[1].isoformat() if span else None, e.place, e.claim,
                 span[0].isoformat() if span else published),
            )
            c.executemany(
                "INSERT INTO event_actors VALUES (?, ?, ?, ?)",
                [(article_id, i, "source", code) for code in dict.fromkeys(e.source)]
                + [(article_id, i, "target", code) for code in dict.fromkeys(e.target)],
            )

    def _cluster_events(self, ext: Extraction) -> None:
        for i, e in enumerate(ext.events):
            place = ext.places[e.place] if e.place is not None and 0 <= e.place < len(ext.places) else None
            report = EventReport(e.type, e.status, frozenset(e.source), frozenset(e.target), e.time, e.time_from,
                                 ext.article.published, place.country if place else None, e.text,
                                 article=ext.article.id)
            cluster = assign_cluster(self.conn, report)
            self.conn.execute("UPDATE events SET cluster_id = ? WHERE article_id = ? AND idx = ?",
                              (cluster, ext.article.id, i))
            count_report(self.conn, cluster, ext.article.id, e.claim)

    def _write_actors(self, ext: Extraction) -> None:
        c, article_id = self.conn, ext.article.id
        # described actors ("local officials") are the report's own: a wire copy's are its original's
        scope = str(c.execute("SELECT coalesce(copy_of, id) FROM articles WHERE id = ?", (article_id,)).fetchone()[0])
        identity.finish_pending(c)  # the keys of actors stored before migration 0005, once
        # first the names registered as they are written, then the others, none joining a row the article's
        # other actors already are (two actors of one article are never one)
        found: dict[int, tuple[int, str | None]] = {}
        for i, actor in enumerate(ext.actors):
            exact = None if identity.is_bare_surname(actor) else identity.exact_id(c, actor_key(actor, scope))
            if exact is not None:
                found[i] = (exact, None)
        taken = {registry_id for registry_id, _ in found.values()}
        bodies: dict[int, Actor] = {}  # "the spy agency" after the NIS: filed under the NIS (descriptions.py)
        for i, actor in enumerate(ext.actors):
            body = body_described(ext, actor) if i not in found else None
            if body is not None:
                bodies[i] = body
            elif i not in found:
                found[i] = self._registry_id(actor, taken, scope)
                taken.add(found[i][0])
        local = {actor.id: found[i][0] for i, actor in enumerate(ext.actors) if i in found}
        for i, body in bodies.items():
            found[i] = (local[body.id], f"describes {body.name}, named just before it in {article_id}")
        counted: set[int] = set()
        for i, actor in enumerate(ext.actors):
            registry_id, reason = found[i]
            if i not in bodies:  # (a description gives its body no key to be found by elsewhere)
                identity.remember(c, registry_id, actor, actor_key(actor, scope) if reason else None)
            # (a place an event happened in stands for its state there, but is no name of it: "arrived in
            # Vladivostok" gives Russia no alias; "Moscow said", a seat speaking for it, does)
            aliases = {actor.name, *(m.text for m in actor.mentions
                                     if m.text and m.text[:1].isupper() and m.form != "place")}
            c.executemany("INSERT OR IGNORE INTO actor_aliases (actor_id, alias, reason) VALUES (?, ?, ?)",
                          [(registry_id, x, reason if x == actor.name else None) for x in aliases])
            c.execute(
                "INSERT INTO article_actors VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, actor.id, registry_id, actor.name, actor.role, actor.affiliation,
                 json.dumps(_plain(actor), ensure_ascii=False)),
            )
            c.executemany(
                'INSERT INTO mentions (article_id, local_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(article_id, actor.id, m.start, m.end, m.text) for m in actor.mentions],
            )
            # (the registry's counts, kept as written: an article counts once however many of its actors are one)
            c.execute("UPDATE actors SET mention_count = mention_count + ?, article_count = article_count + ? "
                      "WHERE id = ?", (len(actor.mentions), registry_id not in counted, registry_id))
            counted.add(registry_id)

    def _registry_id(self, actor: Actor, taken: set[int], scope: str) -> tuple[int, str | None]:
        """The registry row for an actor whose exact name is not registered (or a bare surname), and why it
        joins a row: the one registered actor it may be (store/identity.py: a spelling, a short given name,
        an acronym, the surname of the one registered person with it), else its own key, else a new row."""
        c = self.conn
        match = None if described(actor) else identity.find(c, actor, taken)
        if match is not None:
            return match
        key = actor_key(actor, scope)
        exact = identity.exact_id(c, key)
        if exact is not None:
            return exact, None
        cursor = c.execute("INSERT INTO actors (key, name, kind, code, country) VALUES (?, ?, ?, ?, ?)",
                           (key, actor.name, actor.kind, actor.code, actor.country))
        new = int(cursor.lastrowid or 0)
        if not described(actor):
            adopt.remember_bare(c, new, actor)  # "Soleimani" alone: a full name registered later adopts it
            adopt.adopt_bare_surnames(c, new, actor, taken)
        return new, None

    # ------------------------------------------------------------ reading

    def count(self, table: str) -> int:
        if table not in _COUNTABLE:
            raise StoreError(f"unknown table {table!r}")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY published, id")]

    def article_record(self, article_id: str) -> dict[str, Any]:
        """The article as `newsgraph extract` would output it, plus its text and store metadata; found by its
        id or by an alias (the id a copy of its text came with)."""
        own_id = self.resolve_id(article_id) or article_id
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (own_id,)).fetchone()
        if row is None:
            hint = self.conn.execute("SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 3",
                                     (f"%{escape_like(article_id)}%",))
            near = [r[0] for r in hint]
            raise StoreError(
                f"no article with id {article_id!r} in {self.path}"
                + (f"; did you mean {', '.join(near)}?" if near else "; list ids with `newsgraph query search`")
            )
        article_id = own_id
        record: dict[str, Any] = {k: row[k] for k in ("id", "title", "url", "published", "origin", "text")}
        record["aliases"] = [r[0] for r in self.conn.execute(
            "SELECT alias FROM article_aliases WHERE article_id = ? ORDER BY alias", (article_id,))]
        record["sentences"] = [dict(r) for r in self.conn.execute(
            'SELECT start, "end", text FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,))]
        record["actors"] = [json.loads(r[0]) for r in self.conn.execute(
            "SELECT data FROM article_actors WHERE article_id = ? ORDER BY rowid", (article_id,))]
        for table in ("times", "places", "quantities", "quotes", "claims", "events"):
            record[table] = [json.loads(r[0]) for r in self.conn.execute(
                f"SELECT data FROM {table} WHERE article_id = ? ORDER BY idx", (article_id,))]
        return record

    def query(self, what: str, limit: int = 50, **filters: Any) -> list[dict[str, Any]]:
        from newsgraph.store import queries

        if what not in queries.QUERY_KINDS:
            raise StoreError(f"cannot query {what!r}; queries: {', '.join(queries.QUERY_KINDS)}")
        queries.check_filters(what, filters)
        given = {k: v for k, v in filters.items() if v is not None and v is not False}
        return list(getattr(queries, f"query_{what}")(self.conn, limit=limit, **given))

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute(sql, params):
            yield dict(row)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. Two processes switching a new file at once can get "database is locked" at once,
    without SQLite's busy wait, so the switch is retried until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def escape_like(value: str) -> str:
    """A value matched literally by ``LIKE ? ESCAPE '\\'``: its % and _ are not wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _is_ours(path: str) -> bool:
    """Whether an existing file may be opened for writing: an empty file, or an SQLite database with our
    ``_migrations`` table (or none of its own tables at all). Checked read-only, so a stranger's file is
    never touched."""
    if Path(path).stat().st_size == 0:
        return True
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return not names or "_migrations" in names


_COUNTABLE = {"articles", "sentences", "actors", "article_actors", "mentions", "times", "places",
              "quantities", "claims", "quotes", "events", "event_actors", "event_clusters", "series",
              "series_points"}
