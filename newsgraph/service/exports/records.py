"""The selected events with what the GeoJSON and PLOVER files say of them: their article, their actors by
local id, the place they happened in. Read article by article, so each article's actors and places are read
once, and a large store is never held whole."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.service.exports.selection import Selection


@dataclass
class ArticleContext:
    id: str
    published: str | None
    outlet: str | None
    schema_version: str
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)  # local id ("A1") -> the actor as extracted
    places: dict[int, dict[str, Any]] = field(default_factory=dict)  # idx -> the place row with its JSON


@dataclass
class EventRecord:
    article: ArticleContext
    event: dict[str, Any]  # the events row (article_id, idx, local_id, start, end, type ...) and its JSON

    @property
    def place(self) -> dict[str, Any] | None:
        idx = self.event.get("place_idx")
        return self.article.places.get(idx) if isinstance(idx, int) else None

    @property
    def event_id(self) -> str:
        """An id unique in the store: the article's id and the event's id in it ("wn-en-1234:E2")."""
        return f"{self.article.id}:{self.event['local_id']}"

    def days(self) -> tuple[str | None, str | None, str | None]:
        """(first day, last day, from what): the event's own days where the text dates it ("text", or
        "published" where its time was read against the publication date), else its article's date
        ("published"), else none."""
        e = self.event
        if e.get("time_start"):
            return e["time_start"], e["time_end"], e.get("time_from") or "text"
        if self.article.published:
            return self.article.published, self.article.published, "published"
        return None, None, None

    def actors(self, role: str) -> list[dict[str, Any]]:
        """The article's actors in the ``source_actors`` or ``target_actors`` of the event, in order."""
        ids = self.event.get(f"{role}_actors") or []
        return [self.article.actors[i] for i in ids if i in self.article.actors]


_EVENT_COLUMNS = ('t.article_id, t.idx, t.local_id, t.start, t."end", t.text, t.type, t.mode, t.status, t.time, '
                  "t.time_start, t.time_end, t.place_idx, t.cluster_id, t.data")


def events(selection: Selection) -> Iterator[EventRecord]:
    """The selected events, in the order their articles were stored, then in text order."""
    c = selection.conn
    sql = (f"SELECT {_EVENT_COLUMNS} FROM events t JOIN articles a ON a.id = t.article_id "
           f"WHERE {selection.where('events')} ORDER BY a.rowid, t.idx")
    article: ArticleContext | None = None
    for event in merged_rows(c.execute(sql)):
        if article is None or article.id != event["article_id"]:
            article = article_context(selection, event["article_id"])
        yield EventRecord(article, event)


def article_context(selection: Selection, article_id: str) -> ArticleContext:
    c = selection.conn
    published, outlet, version = c.execute(
        "SELECT published, outlet, schema_version FROM articles WHERE id = ?", (article_id,)).fetchone()
    context = ArticleContext(article_id, published, outlet, version)
    for local_id, data in c.execute("SELECT local_id, data FROM article_actors WHERE article_id = ? ORDER BY rowid",
                                    (article_id,)):
        context.actors[local_id] = json.loads(data)
    for place in merged_rows(c.execute('SELECT idx, start, "end", text, name, country, lat, lon, geonameid, level, '
                                       "data FROM places WHERE article_id = ? ORDER BY idx", (article_id,))):
        context.places[place["idx"]] = place
    return context


def merged_rows(cursor: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    """Each row as a dict, with the fields of its JSON ``data`` that the columns do not already give."""
    names = [d[0] for d in cursor.description]
    for row in cursor:
        out = dict(zip(names, tuple(row), strict=True))
        data = json.loads(out.pop("data") or "{}")
        out.update({k: v for k, v in data.items() if k not in out})
        yield out
