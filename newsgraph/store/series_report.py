"""What a figure series says, read from its points: each source's latest figure, where sources disagree, and
where a source revised its own figure.

Pure functions over the point dicts ``query_series`` builds (``value``, ``high``, ``bound``, ``status``,
``source_key``, ``published``, ``time_start``, ``time_end`` ...): no store, no I/O, so the rules can be tested
case by case.

Two figures are compared only when they could be about the same moment and both say what was counted:
- their date windows overlap: the days the text says the figure refers to (``time_start..time_end``), or, when
  it gives none, the publication day ±1 day (a report is about its news of the day or the day before);
- neither is planned, expected or denied (a plan for 12,000 does not contradict 3,000 there now);
- their value intervals cannot both hold: ``=`` is [value, high or value], ``>``/``>=`` [value, ∞),
  ``<``/``<=`` [0, value], ``~`` value ±10 % (its high ±10 % for "about 10,000-12,000").
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

Point = dict[str, Any]

# Statuses whose figures are compared: those stating what there is or was.
COUNTED = frozenset({"occurred", "estimated"})
# How far an undated figure's window reaches either side of its publication day.
PUBLISHED_SLACK = dt.timedelta(days=1)
# The spread an "about" figure allows either side.
APPROXIMATE = 0.10
# The fields that identify a point and say what it states, as disagreements and revisions cite it.
REF_FIELDS = ("article_id", "idx", "value", "high", "bound", "status", "source", "source_key", "origin",
              "published", "time", "time_start", "time_end")


def interval(point: Point) -> tuple[float, float]:
    """The values a figure allows, as a closed interval."""
    value, high, bound = float(point["value"]), point.get("high"), point.get("bound") or "="
    top = float(high) if high is not None else value
    if bound in (">", ">="):
        return value, math.inf
    if bound in ("<", "<="):
        return 0.0, value
    if bound == "~":
        return value * (1 - APPROXIMATE), top * (1 + APPROXIMATE)
    return value, top


def compatible(a: Point, b: Point) -> bool:
    """Whether both figures can hold at once: their intervals meet."""
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    return a_low <= b_high and b_low <= a_high


def window(point: Point) -> tuple[dt.date, dt.date] | None:
    """The days a figure may refer to; None when neither its time nor its article's date is known."""
    start, end = _day(point.get("time_start")), _day(point.get("time_end"))
    if start is not None:
        return start, end if end is not None and end >= start else start
    published = _day(point.get("published"))
    if published is None:
        return None
    return published - PUBLISHED_SLACK, published + PUBLISHED_SLACK


def same_moment(a: Point, b: Point) -> bool:
    """Whether the two figures' windows overlap (a figure with no window is about no known moment)."""
    wa, wb = window(a), window(b)
    return wa is not None and wb is not None and wa[0] <= wb[1] and wb[0] <= wa[1]


def conflict(a: Point, b: Point) -> bool:
    """Two counted figures about the same moment that cannot both be true."""
    return (a.get("status") in COUNTED and b.get("status") in COUNTED and same_moment(a, b)
            and not compatible(a, b))


def ref(point: Point) -> Point:
    """The fields that cite a point."""
    return {k: point.get(k) for k in REF_FIELDS}


def referred(point: Point) -> tuple[str, str, str, int]:
    """A point's place in time: the day it stands as of (see ``as_of``), then publication, article,
    position. Missing dates sort first, as SQLite sorts NULL."""
    return (as_of(point), point.get("published") or "", str(point.get("article_id") or ""),
            int(point.get("idx") or 0))


def as_of(point: Point) -> str:
    """The day a figure stands as of: the end of the period it refers to, but not after its report ("at
    least 3,000 moved in October", reported on Oct 25, stands as of Oct 25); a period wholly after its
    report (a plan "by December") at its start; its report's day when the text gives no date."""
    start, end, published = point.get("time_start"), point.get("time_end"), point.get("published")
    if start and published and start > published:
        return str(start)  # a plan or forecast for later ("by December") stands at that date
    if end and published:
        return str(min(end, published))
    return str(end or published or start or "")


def latest(points: Iterable[Point]) -> list[Point]:
    """Each source's latest figure, by the date it refers to, then publication; a counted figure before a
    planned, expected or denied one (what a source says there is, not what it says will be). In date order."""
    best: dict[str, Point] = {}
    for p in points:
        key = p.get("source_key")
        if key is None:
            continue
        held = best.get(key)
        if held is None or _rank(p) > _rank(held):
            best[key] = p
    return [ref(p) for p in sorted(best.values(), key=referred)]


def _rank(p: Point) -> tuple[bool, tuple[str, str, str, int]]:
    return p.get("status") in COUNTED, referred(p)


def conflicting_pairs(points: Sequence[Point]) -> Iterator[tuple[Point, Point]]:
    """The pairs of ``points`` that conflict (see ``conflict``), in the order ``combinations`` gives them. Each
    figure is compared only with those whose windows overlap its own, found by a sweep over the windows in the
    order they start, so a series of thousands of figures over years costs about n log n, not n²."""
    spans = []
    for i, p in enumerate(points):
        w = window(p) if p.get("status") in COUNTED else None
        if w is not None:
            spans.append((w[0], w[1], i))
    spans.sort()
    pairs = []
    open_: list[tuple[dt.date, int]] = []  # (end, index) of the windows begun and not yet over
    for start, end, i in spans:
        open_ = [(e, j) for e, j in open_ if e >= start]
        pairs += [(min(i, j), max(i, j)) for _, j in open_ if not compatible(points[i], points[j])]
        open_.append((end, i))
    return ((points[a], points[b]) for a, b in sorted(pairs))


def disagreements(points: Sequence[Point]) -> list[dict[str, Point]]:
    """Pairs of figures from different sources about the same moment that cannot both hold, earlier first.
    Points whose source is unknown (no ``source_key``) are told apart from every known source, but not
    from each other: two unattributed figures may well come from one source."""
    out = []
    for a, b in conflicting_pairs(sorted(points, key=referred)):
        if a.get("source_key") != b.get("source_key"):
            out.append({"a": ref(a), "b": ref(b)})
    return out


def revisions(points: Sequence[Point]) -> list[dict[str, Any]]:
    """A source changing its own figure: two of its figures about the same moment that cannot both hold; the
    later-published one revises the earlier (figures published the same day: the one later in the ordering)."""
    out = []
    ordered = sorted(points, key=lambda p: (p.get("published") or "", referred(p)))
    for a, b in conflicting_pairs(ordered):
        key = a.get("source_key")
        if key is not None and key == b.get("source_key"):
            out.append({"source": b.get("source") or a.get("source"), "source_key": key,
                        "from": ref(a), "to": ref(b)})
    return out


def analyse(points: Sequence[Point]) -> dict[str, Any]:
    """The three readings a series row carries, and its newest counted figure (``newest``: what the table
    shows as the latest value)."""
    counted = [p for p in points if p.get("status") in COUNTED]
    newest = max(counted, key=referred, default=None)
    return {"latest": latest(points), "disagreements": disagreements(points), "revisions": revisions(points),
            "newest": ref(newest) if newest is not None else None}


def _day(text: Any) -> dt.date | None:
    """The day an ISO date or date-time string starts with; None for anything else."""
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
