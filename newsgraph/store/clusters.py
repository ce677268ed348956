"""Cross-article event merging: the unit of reporting is not the unit of event.

An event report joins an existing cluster when all of these hold:
1. the same PLOVER type, and the same polarity (negated and hypothetical reports never merge with
   reports that the event happened);
2. compatible actors: for the source and for the target, the code sets intersect or both are empty;
   and at least one side intersects (two reports that share no actor code are not known to be one event);
3. one-sided matches need words in common: when a side is empty in both (nobody named as the attacker,
   no one targeted), the report and the cluster's label must share at least ``ONE_SIDED_MIN_WORDS``
   content words other than the actors' names, so "a rally in Pennsylvania" and "a rally in Florida"
   stay apart;
4. one article, one decision: a report does not join a cluster that already holds a report of its own
   article (the within-article coreference of the events stage has already kept those statements
   apart), unless both sides match ("troops have moved to Kursk" and, reported, "troops have been sent
   to Russia" in one article are one deployment);
5. compatible time: the day ranges overlap once each is widened by a window — 3 days for a dated
   event, 7 days for one dated only by its article's publication date;
6. compatible place: the same country when both reports name one.
Among the clusters that qualify, the one whose label shares the most content words with the report
wins (ties: the most recent). Otherwise the report starts a new cluster. ``sources`` counts the
distinct outlets (``articles.outlet``, else URL hosts, else articles; a wire copy counts as the outlet
of the article it copies) reporting a cluster, as opposed to ``reports``, the raw number of event
mentions (GDELT's error is to count those as events); ``origins`` counts the independent origins
behind them (ten outlets quoting one ministry are one origin): "reported by N outlets from M
independent origins".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from newsgraph.store.corroboration import origin_key
from newsgraph.store.timerange import timex_range

DATED_WINDOW = dt.timedelta(days=3)
ONE_SIDED_MIN_WORDS = 2
UNDATED_WINDOW = dt.timedelta(days=7)
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "for", "with", "by", "at", "from", "its", "their",
         "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "that", "this", "as"}


@dataclass(frozen=True)
class EventReport:
    type: str
    status: str
    source: frozenset[str]
    target: frozenset[str]
    time: str | None
    time_from: str | None
    published: dt.date | None
    country: str | None
    text: str
    article: str = ""  # the reporting article's id: two reports of one article are two decisions of its own


def polarity(status: str) -> str:
    return status if status in ("negated", "hypothetical") else "positive"


def report_days(report: EventReport) -> tuple[dt.date, dt.date] | None:
    span = timex_range(report.time) if report.time_from != "published" else None
    if span:
        return shift(span[0], -DATED_WINDOW), shift(span[1], DATED_WINDOW)
    if report.published:
        return shift(report.published, -UNDATED_WINDOW), shift(report.published, UNDATED_WINDOW)
    return None


def shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    """``day + delta``, held at the ends of the calendar (a story dated 9999-12-31 or 0001-01-01)."""
    try:
        return day + delta
    except OverflowError:
        return dt.date.max if delta > dt.timedelta(0) else dt.date.min


@functools.lru_cache(maxsize=4096)
def words(text: str) -> frozenset[str]:
    """Content words, with a plural "-s" dropped ("attacks" = "attack"). Cached: a cluster's label is read
    again by every report that could join it."""
    out = set()
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in _STOP or len(w) <= 2:
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def outlet(url: str | None, article_id: str) -> str:
    host = urlparse(url).netloc.lower().removeprefix("www.") if url else ""
    return host or f"article:{article_id}"


# The candidates of a report: the CANDIDATES most recent clusters of its type and polarity whose days overlap its
# own, or that have none (the same set as one query over every cluster of the type would give). Found by index in
# tiers of span (migration 0008_scale_indexes): a cluster spanning at most S days that overlaps the report's days
# starts at most S days before them, which bounds the index range read in each tier, so the cost grows with the
# clusters of the type around the report's days, not with all of them. The long tier (events dated by a decade or
# by several years, and undated clusters) is read whole: such clusters are few.
CANDIDATES = 200
_SPAN = "coalesce(julianday(time_end) - julianday(time_start), 1e9)"
_COLUMNS = "id, source, target, time_start, time_end, country, label"
_TIERS = (  # (index, its condition, the longest span it holds in days)
    ("event_clusters_day", f"{_SPAN} <= 15", 15),  # (a day or a week, with the windows)
    ("event_clusters_short", f"{_SPAN} > 15 AND {_SPAN} <= 62", 62),
    ("event_clusters_medium", f"{_SPAN} > 62 AND {_SPAN} <= 400", 400),
)


def candidates(conn: sqlite3.Connection, report: EventReport, days: tuple[dt.date, dt.date] | None
               ) -> list[tuple[Any, ...]]:
    """The clusters a report may join, most recent first (see CANDIDATES): their ids from the indexes alone, then
    the rows of the chosen few."""
    kind = (report.type, polarity(report.status))
    if days is None:
        return conn.execute(f"SELECT {_COLUMNS} FROM event_clusters WHERE type = ? AND polarity = ? "
                            f"ORDER BY id DESC LIMIT {CANDIDATES}", kind).fetchall()
    first, last = days[0].isoformat(), days[1].isoformat()
    ids: list[int] = []
    for index, condition, span in _TIERS:
        ids += [r[0] for r in conn.execute(
            f"SELECT id FROM event_clusters INDEXED BY {index} WHERE type = ? AND polarity = ? "
            f"AND {condition} AND time_start >= ? AND time_start <= ? AND time_end >= ? "
            f"ORDER BY id DESC LIMIT {CANDIDATES}",
            (*kind, shift(days[0], -dt.timedelta(days=span)).isoformat(), last, first))]
    ids += [r[0] for r in conn.execute(
        f"SELECT id FROM event_clusters INDEXED BY event_clusters_long WHERE type = ? AND polarity = ? "
        f"AND {_SPAN} > 400 AND (time_start IS NULL OR (time_start <= ? AND time_end >= ?)) "
        f"ORDER BY id DESC LIMIT {CANDIDATES}", (*kind, last, first))]
    chosen = sorted(ids, reverse=True)[:CANDIDATES]
    return conn.execute(f"SELECT {_COLUMNS} FROM event_clusters WHERE id IN ({','.join('?' * len(chosen))}) "
                        "ORDER BY id DESC", chosen).fetchall()


def assign_cluster(conn: sqlite3.Connection, report: EventReport) -> int:
    """The id of the cluster this report belongs to, creating one if none fits."""
    days = report_days(report)
    found = candidates(conn, report, days)
    best: tuple[int, int] | None = None
    # the actors' own names are already compared as codes: "Trump ... asked" and "Trump asked" share no
    # word about the act itself
    mine = words(report.text) - words(" ".join(report.source | report.target).replace("_", " ").replace(":", " "))
    for cid, source, target, _start, _end, country, label in found:
        if not _codes_fit(report.source, source) or not _codes_fit(report.target, target):
            continue
        both_sides = bool(report.source) and bool(report.target)  # each side intersects (fit above)
        if not report.source and not report.target:
            continue  # no actor code in common: nothing says this is the same event
        if report.country and country and report.country != country:
            continue
        overlap = len(mine & words(label))
        if not both_sides and overlap < ONE_SIDED_MIN_WORDS:
            continue
        if not both_sides and report.article and conn.execute(
                "SELECT 1 FROM events WHERE cluster_id = ? AND article_id = ? LIMIT 1",
                (cid, report.article)).fetchone():
            continue
        if best is None or overlap > best[1]:
            best = (cid, overlap)
    if best is not None:
        _widen(conn, best[0], days, report)
        return best[0]
    cursor = conn.execute(
        "INSERT INTO event_clusters (type, polarity, source, target, time_start, time_end, country, label) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (report.type, polarity(report.status), ",".join(sorted(report.source)), ",".join(sorted(report.target)),
         days and days[0].isoformat(), days and days[1].isoformat(), report.country, report.text[:300]),
    )
    return int(cursor.lastrowid or 0)


def _codes_fit(mine: frozenset[str], stored: str) -> bool:
    theirs = set(filter(None, stored.split(",")))
    return (not mine and not theirs) or bool(mine & theirs)


def _widen(conn: sqlite3.Connection, cluster: int, days: tuple[dt.date, dt.date] | None, report: EventReport) -> None:
    """A cluster's actors and time range grow with its members, so later reports can find it."""
    row = conn.execute("SELECT source, target, time_start, time_end, country FROM event_clusters WHERE id = ?",
                       (cluster,)).fetchone()
    source = sorted(set(filter(None, row[0].split(","))) | report.source)
    target = sorted(set(filter(None, row[1].split(","))) | report.target)
    start, end = row[2], row[3]
    if days:
        start = min(start, days[0].isoformat()) if start else days[0].isoformat()
        end = max(end, days[1].isoformat()) if end else days[1].isoformat()
    conn.execute(
        "UPDATE event_clusters SET source = ?, target = ?, time_start = ?, time_end = ?, country = ? WHERE id = ?",
        (",".join(source), ",".join(target), start, end, row[4] or report.country, cluster),
    )


def count_report(conn: sqlite3.Connection, cluster: int, article_id: str, claim_id: str | None) -> None:
    """Add one event report to its cluster's counts: ``reports`` (event mentions), ``sources`` (outlets, a
    wire copy's group counted once: by the outlet of the article it copies) and ``origins`` (independent
    origins: the origin key of the event's claim; an event outside any claim is its root article's own
    report). Each outlet and origin is counted once (``cluster_voices``), so the cost does not grow with
    the cluster."""
    root = conn.execute(
        "SELECT r.id, r.url, r.outlet FROM articles a JOIN articles r ON r.id = coalesce(a.copy_of, a.id) "
        "WHERE a.id = ?", (article_id,)).fetchone()
    outlet_key = (root[2] or outlet(root[1], root[0])) if root else f"article:{article_id}"
    new = [conn.execute("INSERT OR IGNORE INTO cluster_voices VALUES (?, ?, ?)", (cluster, kind, key)).rowcount
           for kind, key in (("outlet", outlet_key), ("origin", origin_key(conn, article_id, claim_id)))]
    conn.execute("UPDATE event_clusters SET reports = reports + 1, sources = sources + ?, origins = origins + ? "
                 "WHERE id = ?", (new[0], new[1], cluster))
