"""Read-side queries. Each returns plain dicts; every row carries its article, span and sentence."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store import series_report
from newsgraph.store.adopt import bare_key
from newsgraph.store.identity import Name, translit_key
from newsgraph.store.sqlite import escape_like

Row = dict[str, Any]

# The sentence an item comes from, joined the same way for every item table.
_SENTENCE = "(SELECT s.text FROM sentences s WHERE s.article_id = t.article_id AND s.idx = t.sentence_idx)"
# The name of the actor a quote or claim is attributed to (null: no resolvable speaker, or the outlet).
_SPEAKER = ("(SELECT aa.name FROM article_actors aa WHERE aa.article_id = t.article_id "
            "AND aa.local_id = t.speaker)")
# Who gives a figure: the speaker of the claim it is stated in.
_CLAIMANT = ("(SELECT aa.name FROM claims c JOIN article_actors aa ON aa.article_id = c.article_id "
             "AND aa.local_id = c.speaker WHERE c.article_id = t.article_id AND c.local_id = t.claim_id)")


class Filters:
    """WHERE clauses and their parameters, added only for the options the user gave."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, value: Any, clause: str, *params: Any) -> Filters:
        if value:
            self.clauses.append(clause)
            self.params.extend(params or (value,))
        return self

    def require(self, clause: str) -> Filters:
        """A condition that always applies, with no parameter."""
        self.clauses.append(clause)
        return self

    def like(self, value: str | None, *expressions: str) -> Filters:
        """Any of these expressions contains the value, literally (its % and _ are no wildcards) and
        case-insensitively, as SQLite's LIKE is."""
        clause = "(" + " OR ".join(f"{e} LIKE ? ESCAPE '\\'" for e in expressions) + ")"
        return self.add(value, clause, *[f"%{escape_like(value or '')}%"] * len(expressions))

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> Iterator[Row]:
    for row in conn.execute(sql, params):
        out = dict(row)
        if "data" in out:
            out.update({k: v for k, v in json.loads(out.pop("data")).items() if k not in out})
        yield out


def _dates(f: Filters, since: dt.date | None, until: dt.date | None, alias: str) -> Filters:
    """Periods overlapping [since, until]: a period ends on or after since and starts on or before until."""
    f.add(since, f"{alias}.time_end >= ?", since.isoformat() if since else None)
    return f.add(until, f"{alias}.time_start <= ?", until.isoformat() if until else None)


def query_events(
    conn: sqlite3.Connection, limit: int, actor: str | None = None, event_type: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None, article: str | None = None,
    newest_first: bool = False,
) -> Iterator[Row]:
    """Event reports in the order of the time they happened (the publication date where the text gives none:
    ``events.day``). The reports are chosen first by their keys alone, through the ``events_day`` index, then
    read whole: the cost is that of the rows shown, not of every match (migration 0008_scale_indexes)."""
    code = (actor or "").upper()
    # An actor in few reports: its reports are found through event_actors; one in many (RUS, USA): by walking the
    # reports in date order, where its own come soon enough.
    rare = bool(actor) and _fewer_than(conn, "SELECT 1 FROM event_actors WHERE code = ?", (code,), RARE_ACTOR)
    f = Filters().add(actor and rare, "(t.article_id, t.idx) IN (SELECT ea.article_id, ea.event_idx "
                                      "FROM event_actors ea WHERE ea.code = ?)", code)
    f.add(actor and not rare, "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = t.article_id "
                              "AND ea.event_idx = t.idx AND ea.code = ?)", code)
    f.add(event_type, "t.type = ?", (event_type or "").upper()).add(article, "t.article_id = ?")
    _dates(f, since, until, "t")
    # (a report that starts by ``until`` is dated: its day is its start, so this bounds the index walk)
    f.add(until, "t.day <= ?", until.isoformat() if until else None)
    order = f"t.day {'DESC' if newest_first else 'ASC'}, t.article_id, t.idx"
    hits = f"SELECT t.rowid AS hit FROM events t{f.sql()} ORDER BY {order} LIMIT ?"
    sql = (f"SELECT t.article_id, a.published, t.start, t.\"end\", t.type, t.mode, t.status, t.time, "
           f"t.time_start, t.time_end, t.cluster_id, t.text, {_SENTENCE} AS sentence, t.data "
           f"FROM ({hits}) h JOIN events t ON t.rowid = h.hit JOIN articles a ON a.id = t.article_id ORDER BY {order}")
    yield from _rows(conn, sql, [*f.params, limit])


RARE_ACTOR = 2000  # an actor in fewer event reports than this is looked up by its reports (query_events)


def _fewer_than(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...], n: int) -> bool:
    """Whether ``sql`` has fewer than ``n`` rows, reading at most ``n`` of them."""
    return int(conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {n})", params).fetchone()[0]) < n


def query_clusters(
    conn: sqlite3.Connection, limit: int, actor: str | None = None, event_type: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None,
) -> Iterator[Row]:
    """Merged events: one row per real-world event, with how many reports and independent sources."""
    code = f"%,{(actor or '').upper()},%"
    f = Filters().add(actor, "(',' || c.source || ',' LIKE ? OR ',' || c.target || ',' LIKE ?)", code, code)
    f.add(event_type, "c.type = ?", (event_type or "").upper())
    _dates(f, since, until, "c")
    sql = ("SELECT c.id AS cluster_id, c.type, c.polarity, c.source, c.target, c.time_start, c.time_end, c.country, "
           "c.reports, c.sources, c.origins, c.label AS text, "
           "(SELECT group_concat(DISTINCT e.article_id) FROM events e WHERE e.cluster_id = c.id) AS articles "
           f"FROM event_clusters c{f.sql()} ORDER BY c.origins DESC, c.sources DESC, c.reports DESC, c.id LIMIT ?")
    yield from _rows(conn, sql, [*f.params, limit])


def _attributed(conn: sqlite3.Connection, table: str, columns: str, limit: int, speaker: str | None,
                article: str | None) -> Iterator[Row]:
    # The speakers named so are found first, on the article_actors_name index alone (its LIKE reads no item rows),
    # then their quotes or claims by (article, speaker); the page is chosen by key and read whole (query_events).
    source = (f"(SELECT DISTINCT aa.article_id, aa.local_id FROM article_actors aa INDEXED BY article_actors_name"
              f"{Filters().like(speaker, 'aa.name').sql()}) s CROSS JOIN {table} t "
              "ON t.article_id = s.article_id AND t.speaker = s.local_id" if speaker else f"{table} t")
    f = Filters().add(article, "t.article_id = ?")
    params = ([f"%{escape_like(speaker)}%"] if speaker else []) + f.params
    hits = f"SELECT t.rowid AS hit FROM {source}{f.sql()} ORDER BY t.article_id, t.idx LIMIT ?"
    sql = (f"SELECT t.article_id, t.start, t.\"end\", {_SPEAKER} AS speaker_name, {columns}, t.text, "
           f"{_SENTENCE} AS sentence, t.data FROM ({hits}) h JOIN {table} t ON t.rowid = h.hit "
           "ORDER BY t.article_id, t.idx")
    yield from _rows(conn, sql, [*params, limit])


def query_quotes(
    conn: sqlite3.Connection, limit: int, speaker: str | None = None, article: str | None = None
) -> Iterator[Row]:
    yield from _attributed(conn, "quotes", "t.kind", limit, speaker, article)


def query_claims(
    conn: sqlite3.Connection, limit: int, speaker: str | None = None, article: str | None = None
) -> Iterator[Row]:
    yield from _attributed(conn, "claims", "t.modality, t.time", limit, speaker, article)


def query_places(
    conn: sqlite3.Connection, limit: int, name: str | None = None, article: str | None = None
) -> Iterator[Row]:
    f = Filters().like(name, "t.name", "t.text").add(article, "t.article_id = ?")
    sql = (f"SELECT t.article_id, t.start, t.\"end\", t.text, t.name, t.country, t.lat, t.lon, t.level, "
           f"{_SENTENCE} AS sentence, t.data FROM places t{f.sql()} ORDER BY t.article_id, t.idx LIMIT ?")
    yield from _rows(conn, sql, [*f.params, limit])


def query_map(
    conn: sqlite3.Connection, limit: int, name: str | None = None, article: str | None = None
) -> Iterator[Row]:
    """Places with coordinates, one row per resolved place, with how often and in how many articles it is named.
    A capital named for its government ("Moscow said") is left out: the map shows where things are."""
    f = (Filters().require("t.lat IS NOT NULL").require("json_extract(t.data, '$.stands_for') IS NULL")
         .like(name, "t.name", "t.text").add(article, "t.article_id = ?"))
    sql = ("SELECT t.name, t.country, t.level, t.lat, t.lon, count(*) AS mentions, "
           "count(DISTINCT t.article_id) AS articles, group_concat(DISTINCT t.article_id) AS article_ids "
           f"FROM places t{f.sql()} GROUP BY t.name, t.country, t.level, t.lat, t.lon "
           "ORDER BY mentions DESC, t.name LIMIT ?")
    yield from _rows(conn, sql, [*f.params, limit])


def query_articles(conn: sqlite3.Connection, limit: int, name: str | None = None) -> Iterator[Row]:
    """Stored articles, newest first; --name matches the title or the id."""
    f = Filters().like(name, "a.title", "a.id")
    counts = ", ".join(f"(SELECT count(*) FROM {t} x WHERE x.article_id = a.id) AS {t}"
                       for t in ("events", "quotes", "claims", "quantities", "places"))
    # (the page chosen on the articles_published index alone, which holds the title: the texts are not read)
    order = "a.published DESC, a.id"
    hits = f"SELECT a.rowid AS hit FROM articles a{f.sql()} ORDER BY {order} LIMIT ?"
    sql = (f"SELECT a.id, a.title, a.published, a.url, length(a.text) AS chars, {counts} FROM ({hits}) h "
           f"JOIN articles a ON a.rowid = h.hit ORDER BY {order}")
    yield from _rows(conn, sql, [*f.params, limit])


def query_quantities(
    conn: sqlite3.Connection, limit: int, name: str | None = None, article: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None,
) -> Iterator[Row]:
    """Every figure given for a thing across articles, oldest report first: its article's date, who gives
    it (``claimed_by``, the speaker of the claim it is stated in), how sure (``certainty``, that claim's
    modality) and the event it sizes (``sizes``). --name matches what is counted ("troops"), the category
    ("casualties") or subcategory ("killed"); --since/--until the date of the report."""
    f = Filters().like(name, "t.unit", "t.counted", "t.category", "json_extract(t.data, '$.subcategory')")
    f.add(article, "a.id = ?")
    f.add(since, "a.published >= ?", since.isoformat() if since else None)
    f.add(until, "a.published <= ?", until.isoformat() if until else None)
    certainty = "(SELECT c.modality FROM claims c WHERE c.article_id = t.article_id AND c.local_id = t.claim_id)"
    sizes = ("(SELECT e.type FROM events e WHERE e.article_id = t.article_id "
             "AND e.local_id = json_extract(t.data, '$.event'))")
    # (the figures chosen first by their keys, articles in date order by index, then read whole: query_events)
    order = "a.published, t.article_id, t.idx"
    hits = (f"SELECT t.rowid AS hit FROM articles a CROSS JOIN quantities t ON t.article_id = a.id{f.sql()} "
            f"ORDER BY {order} LIMIT ?")
    sql = (f"SELECT t.article_id, a.published, t.start, t.\"end\", t.bound, t.value, t.unit, t.category, "
           f"t.counted, {_CLAIMANT} AS claimed_by, {certainty} AS certainty, {sizes} AS sizes, t.text, "
           f"{_SENTENCE} AS sentence, t.data FROM ({hits}) h JOIN quantities t ON t.rowid = h.hit "
           f"JOIN articles a ON a.id = t.article_id ORDER BY {order}")
    yield from _rows(conn, sql, [*f.params, limit])


def query_actors(conn: sqlite3.Connection, limit: int, name: str | None = None) -> Iterator[Row]:
    f = Filters().like(name, "r.name", "(SELECT group_concat(x.alias, '|') FROM actor_aliases x "
                                       "WHERE x.actor_id = r.id)")
    sql = (
        "SELECT r.id, r.name, r.kind, r.code, r.country, "
        # (the articles that name it and its mentions: counted as they are written, sqlite.Store._write_actors)
        "r.article_count AS articles, r.mention_count AS mentions, "
        "(SELECT group_concat(alias, '; ') FROM actor_aliases x WHERE x.actor_id = r.id) AS aliases, "
        # roles over time: each role with the first and last publication date it was given on
        "(SELECT group_concat(span, '; ') FROM (SELECT min(aa.role) || ' (' || coalesce(min(a.published), '?') || "
        " CASE WHEN max(a.published) > min(a.published) THEN ' … ' || max(a.published) ELSE '' END || ')' AS span "
        " FROM article_actors aa JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = r.id "
        " AND aa.role IS NOT NULL GROUP BY lower(aa.role) ORDER BY min(a.published))) AS roles "
        f"FROM actors r{f.sql()} ORDER BY r.mention_count DESC, r.name LIMIT ?"
    )
    for row in _rows(conn, sql, [*f.params, limit]):
        yield _with_surname(conn, row)


def _with_surname(conn: sqlite3.Connection, row: Row) -> Row:
    """A person's aliases end with their bare surname when no other registered person has it: an analyst
    (or a later article) says "Peskov" for "Dmitry Peskov", never "Kim" for one of two Kims."""
    if row["kind"] != "person":
        return row
    name = Name.of(row["name"], "person")
    aliases = [a for a in (row["aliases"] or "").split("; ") if a]
    # every spelling's surname: "Recep Tayyip Erdogan" and "Recep Tayyip Erdoğan" give Erdogan and Erdoğan
    full = [n for n in (Name.of(a, "person") for a in [row["name"], *aliases]) if n.given is not None]
    have = {a.casefold() for a in [row["name"], *aliases]}
    surnames = list(dict.fromkeys(n.surname for n in full if n.surname.casefold() not in have))
    if name.given is None or not surnames:
        return row
    holders = conn.execute("SELECT count(DISTINCT actor_id) FROM actor_keys WHERE key IN (?, ?)",
                           (f"sn:{translit_key(name.surname)}", bare_key(name))).fetchone()[0]
    if holders == 1:
        row["aliases"] = "; ".join([*aliases, *surnames])
    return row


def query_search(
    conn: sqlite3.Connection, limit: int, text: str | None = None, article: str | None = None
) -> Iterator[Row]:
    if not text:
        raise StoreError('search needs a query, e.g. newsgraph query search "troops Kursk"')
    f = Filters().add(text, "sentences_fts MATCH ?").add(article, "s.article_id = ?")
    sql = ("SELECT s.article_id, s.start, s.\"end\", s.text AS sentence, "
           "snippet(sentences_fts, 0, '[', ']', '…', 12) AS snippet "
           f"FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid{f.sql()} "
           "ORDER BY bm25(sentences_fts) LIMIT ?")
    try:
        yield from _rows(conn, sql, [*f.params, limit])
    except sqlite3.OperationalError as e:
        raise StoreError(f"search query {text!r} is not valid FTS5 syntax ({e}); quote phrases with \"...\"") from e


def query_series(
    conn: sqlite3.Connection, limit: int, about: str | None = None, id: int | None = None
) -> Iterator[Row]:
    """Figure series: one measured thing followed across reports, with every point in the order of the date it
    refers to, each source's latest figure, the disagreements between sources and each source's revisions
    (newsgraph.store.series_report). --about matches the label, what is counted, the owner or the place; --id
    one series. Most sources first (a figure many voices give is what an analyst follows), then most points."""
    f = Filters().like(about, "s.label", "s.counted", "s.owner", "s.place")
    f.add(id is not None, "s.id = ?", id)
    sql = ("SELECT s.id, s.label, s.counted, s.owner, s.place, s.measure, s.sources, s.origins, "
           f"s.first_published, s.last_published FROM series s{f.sql()} "
           "ORDER BY s.sources DESC, s.points DESC, s.id LIMIT ?")
    for row in list(conn.execute(sql, [*f.params, limit])):
        out = dict(row)
        points = _series_points(conn, out["id"])
        out["points"] = points
        out.update(series_report.analyse(points))
        yield _in_order(out)


# The order of a series row's fields: what a reader looks for first, the points, then what they show.
_SERIES_FIELDS = ("id", "label", "counted", "owner", "place", "measure", "points", "sources", "origins",
                  "latest", "disagreements", "revisions", "newest", "first_published", "last_published")


def _in_order(row: Row) -> Row:
    return {k: row[k] for k in _SERIES_FIELDS}


def _series_points(conn: sqlite3.Connection, series_id: int) -> list[Row]:
    """A series' points with their figure's span and sentence, by the date they refer to (the article's date
    where the text gives none), then publication, article, position."""
    sql = ("SELECT p.article_id, t.start, t.\"end\", p.value, p.high, p.bound, p.status, p.source, p.origin, "
           "p.published, p.time, t.text, p.outlet, p.chain, "
           f"{_SENTENCE} AS sentence, p.idx, p.source_key, p.origin_key, p.time_start, p.time_end "
           "FROM series_points p JOIN quantities t ON t.article_id = p.article_id AND t.idx = p.idx "
           "WHERE p.series_id = ? "
           # the day a figure stands as of: its period's end, not after its report (series_report.as_of)
           "ORDER BY CASE WHEN p.time_start > p.published THEN p.time_start "
           "ELSE coalesce(min(p.time_end, p.published), p.time_end, p.published, p.time_start) END, p.published, "
           "p.article_id, p.idx")
    points = []
    for row in conn.execute(sql, (series_id,)):
        point = dict(row)
        point["chain"] = _chain(point["chain"])
        points.append(point)
    return points


def _chain(text: str | None) -> list[str]:
    """The stored source chain (a JSON list, immediate source first); none stored is an empty chain."""
    if not text:
        return []
    chain = json.loads(text)
    return [str(name) for name in chain] if isinstance(chain, list) else [str(chain)]


class SeriesNotFound(StoreError):
    """``show-series`` or ``/api/series/ID`` for an id no series has."""

    def __init__(self, series_id: object, where: str) -> None:
        self.series_id = series_id
        super().__init__(f"no series with id {series_id} in {where}; list the ids with "
                         f"`newsgraph query series --db {where}`")


def series_record(conn: sqlite3.Connection, series_id: int, where: str) -> Row:
    """One series by id, as ``query_series`` gives it; SeriesNotFound when there is none."""
    rows = list(query_series(conn, 1, id=series_id))
    if not rows:
        raise SeriesNotFound(series_id, where)
    return rows[0]


# ---------------------------------------------------------------- which filters a query takes

QUERY_KINDS = ("events", "clusters", "quotes", "claims", "quantities", "places", "map", "articles", "actors", "search",
               "series")


class FilterNotApplicable(StoreError):
    """A filter given to a query that does not take it: refused, never silently ignored."""

    def __init__(self, what: str, keyword: str) -> None:
        self.what, self.keyword, self.queries = what, keyword, queries_taking(keyword)
        super().__init__(f"{what} does not take the filter {keyword!r}; it applies to: "
                         + (", ".join(queries_taking(keyword)) or "no query"))


def takes(what: str) -> frozenset[str]:
    """The filter keywords a query takes: exactly the keyword parameters of its function."""
    fn = globals()[f"query_{what}"]
    return frozenset(name for name, p in inspect.signature(fn).parameters.items()
                     if p.kind is inspect.Parameter.KEYWORD_ONLY or (p.default is not p.empty and name != "limit"))


def queries_taking(keyword: str) -> list[str]:
    return [what for what in QUERY_KINDS if keyword in takes(what)]


def check_filters(what: str, filters: dict[str, Any]) -> None:
    """Raise FilterNotApplicable for the first filter given (not None, not False) that ``what`` does not take."""
    accepted = takes(what)
    for keyword, value in filters.items():
        if value is not None and value is not False and keyword not in accepted:
            raise FilterNotApplicable(what, keyword)
