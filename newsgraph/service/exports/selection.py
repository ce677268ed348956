"""What an export takes from the store: the tables, and the rows the filters select, in SQL.

Every format reads through one ``Selection``, so a filter narrows them all alike:

- ``--since``/``--until``: an article by its publication date (an article with none is left out); an event by
  its own days (``time_start``..``time_end`` overlapping the range) where it has them, else by its article's
  date; a figure of a series (``series_points``) likewise by its own days, else by its article's date. So an
  event of October reported in November is in an October export, though its article is not.
- ``--actor CODE``: the articles that name a registry actor with that code, or code an event with it; the
  events with it as source or target.
- ``--place NAME``: the articles that name the place (its canonical name or the words written, whatever the
  case, or its GeoNames id); the ``places`` rows of that place; the events that happened there.

Everything else follows those three sets: an item table holds the rows of the selected articles, the registry
(``actors``, ``actor_aliases``) the actors they name, ``stories`` their stories, ``event_clusters`` and
``cluster_voices`` the clusters of the selected events (not the clusters' own dates: those are their reports'
days widened for matching), ``series`` the series of the selected figures. Rows keep their stored values: a
cluster's ``reports`` counts all its reports in the store, not only the exported ones.

With no filter nothing is narrowed: every row of every exported table is written. The selected keys go to
TEMP tables of the connection (allowed on a read-only one), inside one read transaction, so all files of an
export come from one snapshot even while an ingest writes.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# The exported tables, in the order they are written, each with the rows it holds under a filter ({t}: the
# table's alias). Left out: _migrations, the FTS index (sentences_fts*), and the store's own lookup indexes,
# which hold nothing a reader lacks: MinHash signatures and bands (article_signatures, article_bands), the
# registry's name keys (actor_keys) and the stories' term index (article_terms).
_ARTICLE = "{t}.article_id IN (SELECT id FROM temp.x_articles)"
_CLUSTERS = ("(SELECT e.cluster_id FROM events e JOIN temp.x_events s ON s.article_id = e.article_id "
             "AND s.idx = e.idx)")
_ACTORS = "(SELECT aa.actor_id FROM article_actors aa WHERE aa.article_id IN (SELECT id FROM temp.x_articles))"
_SERIES = ("(SELECT p.series_id FROM series_points p JOIN temp.x_points s ON s.article_id = p.article_id "
           "AND s.idx = p.idx)")
TABLES: dict[str, str] = {
    "articles": "{t}.id IN (SELECT id FROM temp.x_articles)",
    "article_aliases": _ARTICLE,
    "stories": "{t}.id IN (SELECT a.story_id FROM articles a WHERE a.id IN (SELECT id FROM temp.x_articles))",
    "sentences": _ARTICLE,
    "actors": "{t}.id IN " + _ACTORS,
    "actor_aliases": "{t}.actor_id IN " + _ACTORS,
    "article_actors": _ARTICLE,
    "mentions": _ARTICLE,
    "times": _ARTICLE,
    "places": "({t}.article_id, {t}.idx) IN (SELECT article_id, idx FROM temp.x_places)",
    "quantities": _ARTICLE,
    "claims": _ARTICLE,
    "quotes": _ARTICLE,
    "events": "({t}.article_id, {t}.idx) IN (SELECT article_id, idx FROM temp.x_events)",
    "event_actors": "({t}.article_id, {t}.event_idx) IN (SELECT article_id, idx FROM temp.x_events)",
    "event_clusters": "{t}.id IN " + _CLUSTERS,
    "cluster_voices": "{t}.cluster_id IN " + _CLUSTERS,
    "series": "{t}.id IN " + _SERIES,
    "series_points": "({t}.article_id, {t}.idx) IN (SELECT article_id, idx FROM temp.x_points)",
}
# The order rows are written in: as stored (rowid), or by the key of a table that has no rowid.
ORDER = {"cluster_voices": "{t}.cluster_id, {t}.kind, {t}.key"}


@dataclass(frozen=True)
class ExportFilters:
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None  # a registry actor code: RUS, NATO, PER:ASKAR_AKAYEV
    place: str | None = None  # a place name, or a GeoNames id

    def given(self) -> bool:
        return any(v not in (None, "") for v in (self.since, self.until, self.actor, self.place))

    def describe(self) -> str:
        """The filters as the command line spells them: ``--since 2024-10-01 --actor RUS``."""
        parts = [(f"--{name}", value) for name, value in
                 (("since", self.since), ("until", self.until), ("actor", self.actor), ("place", self.place))]
        return " ".join(f"{flag} {shlex.quote(str(value))}" for flag, value in parts if value not in (None, ""))


# The place filter: the canonical name or the words as written, whatever the case, or the GeoNames id.
_PLACE_MATCH = ("(ng_fold({p}.name) = :place OR ng_fold({p}.text) = :place OR {p}.geonameid = :geonameid)")
_ARTICLE_ACTOR = ("(EXISTS (SELECT 1 FROM article_actors aa JOIN actors r ON r.id = aa.actor_id "
                  "WHERE aa.article_id = a.id AND r.code = :actor) OR EXISTS (SELECT 1 FROM event_actors ea "
                  "WHERE ea.article_id = a.id AND ea.code = :actor))")
_ARTICLE_PLACE = "EXISTS (SELECT 1 FROM places ap WHERE ap.article_id = a.id AND " + _PLACE_MATCH.format(p="ap") + ")"


class Selection:
    """The rows an export writes: ``where(table, alias)`` is the SQL condition on a table's rows."""

    def __init__(self, conn: sqlite3.Connection, filters: ExportFilters) -> None:
        self.conn = conn
        self.filters = filters
        self.filtered = filters.given()

    def where(self, table: str, alias: str = "t") -> str:
        return TABLES[table].format(t=alias) if self.filtered else "1"

    def order(self, table: str, alias: str = "t") -> str:
        return ORDER.get(table, "{t}.rowid").format(t=alias)

    def rows(self, table: str, columns: str = "t.*") -> sqlite3.Cursor:
        """The selected rows of an exported table, in their order."""
        return self.conn.execute(f"SELECT {columns} FROM {table} t WHERE {self.where(table)} "
                                 f"ORDER BY {self.order(table)}")

    def has_place_row(self, article_id: str, idx: int) -> bool:
        """Whether this ``places`` row is selected (an event's place, under --place, may not be)."""
        return not self.filtered or self.conn.execute(
            "SELECT 1 FROM temp.x_places WHERE article_id = ? AND idx = ?", (article_id, idx)).fetchone() is not None

    def _params(self) -> dict[str, Any]:
        f = self.filters
        place = (f.place or "").strip()
        return {"since": f.since.isoformat() if f.since else None, "until": f.until.isoformat() if f.until else None,
                "actor": (f.actor or "").strip().upper(), "place": place.casefold(),
                "geonameid": int(place) if place.isdigit() else None}

    def _conditions(self, dated: tuple[str, str] | None, actor: str | None, place: str | None) -> str:
        """AND of the conditions for the filters given: ``dated`` is the (first day, last day) of a row, as
        SQL expressions, whose period must overlap the range; ``actor`` and ``place`` the rows' conditions."""
        f, out = self.filters, ["1"]
        if dated and f.since:
            out.append(f"{dated[1]} >= :since")
        if dated and f.until:
            out.append(f"{dated[0]} <= :until")
        if actor and f.actor:
            out.append(actor)
        if place and f.place:
            out.append(place)
        return " AND ".join(out)

    def _fill(self) -> None:
        """The selected keys, into TEMP tables: articles, events, places rows, series figures."""
        c, params = self.conn, self._params()
        c.create_function("ng_fold", 1, _fold, deterministic=True)
        article = self._conditions(("a.published", "a.published"), _ARTICLE_ACTOR, _ARTICLE_PLACE)
        undated_article = self._conditions(None, _ARTICLE_ACTOR, _ARTICLE_PLACE)
        event = self._conditions(
            ("coalesce(e.time_start, a.published)", "coalesce(e.time_end, a.published)"),
            "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = e.article_id AND ea.event_idx = e.idx "
            "AND ea.code = :actor)",
            "EXISTS (SELECT 1 FROM places ep WHERE ep.article_id = e.article_id AND ep.idx = e.place_idx AND "
            + _PLACE_MATCH.format(p="ep") + ")")
        point = self._conditions(("coalesce(sp.time_start, sp.published)", "coalesce(sp.time_end, sp.published)"),
                                 None, None)
        place = self._conditions(None, None, _PLACE_MATCH.format(p="p"))
        for name, sql in (
            ("x_articles (id TEXT PRIMARY KEY)", f"SELECT a.id FROM articles a WHERE {article}"),
            ("x_events (article_id TEXT, idx INTEGER, PRIMARY KEY (article_id, idx))",
             f"SELECT e.article_id, e.idx FROM events e JOIN articles a ON a.id = e.article_id WHERE {event}"),
            ("x_places (article_id TEXT, idx INTEGER, PRIMARY KEY (article_id, idx))",
             f"SELECT p.article_id, p.idx FROM places p WHERE {place} "
             "AND p.article_id IN (SELECT id FROM temp.x_articles)"),
            ("x_points (article_id TEXT, idx INTEGER, PRIMARY KEY (article_id, idx))",
             f"SELECT sp.article_id, sp.idx FROM series_points sp JOIN articles a ON a.id = sp.article_id "
             f"WHERE {point} AND {undated_article}"),
        ):
            c.execute(f"DROP TABLE IF EXISTS temp.{name.split()[0]}")
            c.execute(f"CREATE TEMP TABLE {name}")
            c.execute(f"INSERT INTO temp.{name.split()[0]} {sql}", params)


def _fold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else None


@contextmanager
def selected(conn: sqlite3.Connection, filters: ExportFilters) -> Iterator[Selection]:
    """A Selection over one snapshot of the store: a read transaction (unless the caller holds one) that is
    rolled back at the end, which also drops the TEMP tables."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    selection = Selection(conn, filters)
    try:
        if selection.filtered:
            selection._fill()
        yield selection
    finally:
        if own:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        else:
            for table in ("x_articles", "x_events", "x_places", "x_points"):
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
