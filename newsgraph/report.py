"""Readable text output: query tables, one article with its items, and the situation summary."""

from __future__ import annotations

import calendar
import datetime as dt
import shutil
import textwrap
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from newsgraph.store.sqlite import Store

# The columns each query shows as a table (JSON output has every field).
COLUMNS: dict[str, Sequence[str]] = {
    "events": ("time", "type", "source", "target", "status", "text", "article_id"),
    "clusters": ("cluster_id", "type", "source", "target", "time_start", "time_end", "reports", "sources", "origins",
                 "text"),
    "quotes": ("speaker_name", "kind", "text", "article_id"),
    "claims": ("speaker_name", "modality", "time", "text", "article_id"),
    "places": ("text", "name", "country", "lat", "lon", "level", "article_id"),
    "quantities": ("published", "bound", "value", "unit", "counted", "category", "claimed_by", "article_id"),
    "actors": ("name", "kind", "code", "country", "articles", "mentions", "roles", "aliases"),
    "search": ("article_id", "snippet"),
    "items": ("item", "rule", "what", "text"),  # newsgraph explain
    "series": ("id", "label", "measure", "points", "sources", "origins", "latest"),
}
MAX_CELL = 60


def _cell(value: Any, width: int = MAX_CELL) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        value = ",".join(str(v) for v in value) or "-"
    if isinstance(value, float):
        value = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(what: str, rows: list[dict[str, Any]], context: bool = False) -> str:
    if not rows:
        return f"(no {what})"
    if what == "series":  # a series row holds its points: the table shows their count and the newest figure
        rows = [series_cells(r) for r in rows]
    columns = COLUMNS.get(what) or tuple(rows[0])
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    width = shutil.get_terminal_size((110, 20)).columns
    for row, cell_row in zip(rows, cells, strict=True):
        lines.append("  ".join(c.ljust(w) for c, w in zip(cell_row, widths, strict=True)).rstrip())
        if context and row.get("sentence"):
            wrapped = textwrap.fill(" ".join(row["sentence"].split()), width=max(40, width - 6))
            lines.append(textwrap.indent(f"» {wrapped}", "    "))
    lines.append(f"({len(rows)} {what})")
    return "\n".join(lines)


def show_article(record: dict[str, Any]) -> str:
    out = [f"{record['id']}  {record.get('title') or ''}".rstrip(),
           f"published {record.get('published') or 'unknown'}  {record.get('url') or ''}".rstrip(), ""]
    for name, line in _ITEM_LINES.items():
        items = record[name]
        out.append(f"{name} ({len(items)})")
        out += [f"  {line(item, record)}" for item in items] or ["  -"]
    return "\n".join(out)


def _span(item: dict[str, Any], record: dict[str, Any]) -> str:
    return f"[{item['start']}:{item['end']}] {record['text'][item['start']:item['end']]!r}"


def _speaker(q: dict[str, Any], record: dict[str, Any]) -> str:
    return next((a["name"] for a in record["actors"] if a["id"] == q.get("speaker")), "no speaker")


# One line per item of each list, as `show` prints it.
_ITEM_LINES: dict[str, Any] = {
    "actors": lambda a, r: (f"{a['id']} {a['name']} ({a['kind']}, {a.get('code') or a.get('affiliation') or '-'}"
                            f"{', ' + a['role'] if a.get('role') else ''}) mentions {len(a['mentions'])}"),
    "times": lambda t, r: f"{_span(t, r)} {t['type']} {t['value']}",
    "places": lambda p, r: (f"{_span(p, r)} {p['name']} {p.get('country') or '-'} {_coords(p)}"
                            f"{' for the government of ' + p['stands_for'] if p.get('stands_for') else ''}"),
    "quantities": lambda q, r: (f"{_span(q, r)} {q['bound']} {_cell(q['value'])} {q.get('unit') or ''} "
                                f"({q.get('category') or '-'})"),
    "quotes": lambda q, r: f"{_span(q, r)} {q['kind']} — {_speaker(q, r)}",
    "claims": lambda c, r: f"{_span(c, r)} {c['modality']}",
    "events": lambda e, r: (f"{_span(e, r)} {e['type']} {','.join(e['source']) or '-'} → "
                            f"{','.join(e['target']) or '-'} {e['status']} {e.get('time') or ''}"),
}


def _coords(place: dict[str, Any]) -> str:
    if place.get("lat") is None:
        return "(no coordinates)"
    return f"({place['lat']:.2f}, {place['lon']:.2f})"


def summary(store: Store, top: int = 8) -> str:
    """The situation in a screenful: what is in the store, who, what happened, who said what, what figures."""
    def rows(sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        return list(store.rows(sql, params))

    counts = {t: store.count(t) for t in ("articles", "actors", "events", "quotes", "claims", "quantities",
                                          "places", "times")}
    span = rows("SELECT min(published) AS first, max(published) AS last FROM articles")[0]
    told = rows("SELECT min(time_start) AS first, max(time_end) AS last FROM events")[0]
    out = [
        f"newsgraph store {store.path}",
        f"  {counts['articles']} articles published {span['first'] or '?'} … {span['last'] or '?'}; "
        f"events dated {told['first'] or '?'} … {told['last'] or '?'}",
        "  " + ", ".join(f"{n} {t}" for t, n in counts.items() if t != "articles"),
        "",
        "Top actors (by the articles that name them)",
    ]
    for r in top_actors(store, top):
        out.append(f"  {r['name']:<32} {r['kind']:<12} {r['code'] or '-':<6} {r['n']:>5} mentions "
                   f"in {r['docs']} articles")
    merged = rows("SELECT count(*) AS n, sum(sources > 1) AS multi, sum(origins > 1) AS corroborated "
                  "FROM event_clusters")[0]
    out += ["", f"Events by type ({counts['events']} reports of {merged['n'] or 0} distinct events, "
                f"{merged['multi'] or 0} of them reported by more than one outlet, "
                f"{merged['corroborated'] or 0} from more than one independent origin)"]
    for r in rows("SELECT type, count(*) AS n, sum(status = 'occurred') AS occurred FROM events "
                  "GROUP BY type ORDER BY n DESC LIMIT ?", (top,)):
        out.append(f"  {r['type']:<12} {r['n']:>5}  ({r['occurred']} occurred)")
    out += ["", "Quotes with speakers"]
    for r in rows("SELECT r.name, count(*) AS n, max(length(q.text)) AS longest, "
                  "(SELECT q2.text FROM quotes q2 JOIN article_actors a2 ON a2.article_id = q2.article_id "
                  " AND a2.local_id = q2.speaker WHERE a2.actor_id = r.id ORDER BY length(q2.text) DESC LIMIT 1) "
                  "AS sample FROM quotes q JOIN article_actors aa ON aa.article_id = q.article_id "
                  "AND aa.local_id = q.speaker JOIN actors r ON r.id = aa.actor_id "
                  "GROUP BY r.id ORDER BY n DESC LIMIT ?", (top,)):
        out.append(f"  {r['name']:<28} {r['n']:>3}  “{_cell(r['sample'])}”")
    unattributed = rows("SELECT count(*) AS n FROM quotes WHERE speaker IS NULL")[0]["n"]
    out.append(f"  ({unattributed} quotes without a resolvable speaker)")
    out += ["", "Figures by what they count (largest stated as fact, reported or expected)"]
    # (not a figure the text calls false or only supposes: "the misstatement that 120 million had died")
    for r in rows("SELECT category, count(*) AS n, (SELECT q2.text || ' ' || coalesce(q2.counted, q2.unit, '') "
                  "|| ' (' || q2.article_id || ')' FROM quantities q2 LEFT JOIN claims c ON "
                  "c.article_id = q2.article_id AND c.local_id = q2.claim_id WHERE q2.category = q.category "
                  "AND coalesce(c.modality, '') NOT IN ('negated', 'hypothetical') "
                  "ORDER BY q2.value DESC LIMIT 1) AS largest FROM quantities q WHERE category IS NOT NULL "
                  "AND category != 'other' GROUP BY category ORDER BY n DESC LIMIT ?", (top,)):
        out.append(f"  {r['category']:<12} {r['n']:>5}  largest: {_cell(r['largest'], 90)}")
    out += ["", "Figure series (one thing counted across reports, in the order of the dates the figures refer to)"]
    out += series_lines(store.query("series", limit=top))
    out += ["", "Try: newsgraph query events --actor RUS --context | query clusters | query quotes --speaker Rutte | "
            "query search \"troops\" | show ARTICLE_ID | query series | show-series ID",
            "     or: newsgraph serve   (timeline, map, claims and figures in the browser, each row with its trail)"]
    return "\n".join(out)


def top_actors(store: Store, top: int) -> list[dict[str, Any]]:
    """The ``top`` actors named in the most articles (``docs``), then with the most mentions (``n``), then the
    first registered. The registry keeps how many articles name each actor (``article_count``, never fewer than
    the articles with a mention of it), so its actors are counted exactly in that order, by index, only until
    no one left can reach the ``top``-th: a handful of actors, not every mention of the store."""
    if top <= 0:
        return []
    exact: list[dict[str, Any]] = []
    candidates = store.conn.execute("SELECT id, article_count FROM actors INDEXED BY actors_docs "
                                    "ORDER BY article_count DESC, mention_count DESC")
    for actor_id, most in candidates:
        if len(exact) >= top and _ranked(exact)[top - 1]["docs"] > most:
            break
        exact += store.rows(
            "SELECT r.id, r.name, r.kind, coalesce(r.code, r.country) AS code, count(*) AS n, "
            "count(DISTINCT m.article_id) AS docs FROM article_actors aa JOIN mentions m "
            "ON m.article_id = aa.article_id AND m.local_id = aa.local_id JOIN actors r ON r.id = aa.actor_id "
            "WHERE aa.actor_id = ? GROUP BY r.id", (actor_id,))
    return _ranked(exact)[:top]


def _ranked(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(actors, key=lambda r: (-r["docs"], -r["n"], r["id"]))


def explanations(items: Sequence[Any], detailed: bool) -> str:
    """``newsgraph explain``: one line an item (the rule that made it), or the whole trail of one item."""
    if not detailed:
        rows = [{"item": e.address, "rule": e.rule, "what": e.summary, "text": e.text} for e in items]
        return table("items", rows)
    out = []
    for e in items:
        out += [f"{e.address}  {e.summary}", f"  text      “{_cell(e.text, 200)}”  [{e.start}:{e.end}]"]
        if e.sentence:
            out.append(f"  sentence  {_cell(e.sentence, 300)}")
        out.append(f"  made by   {e.rule or '(no named rule: the stage has not named its rules yet)'}")
        if e.steps:
            out.append("  rules that fired, in order, with the text each used:")
        for s in e.steps:
            evidence = f"“{_cell(s.evidence, 60)}” [{s.start}:{s.end}]" if s.evidence is not None else "(no span)"
            out.append(f"    {s.rule}  {evidence}")
            out.append(f"        {s.what or '(a rule this version no longer has)'}")
    return "\n".join(out)


# ---------------------------------------------------------------- figure series

# Statuses whose figures say what there is or was; the others are listed apart, after their own word.
_COUNTED = ("occurred", "estimated")
_APART = ("planned", "expected", "denied")
# How many points a summary line shows before it cuts the middle: the first two, "+ N more", the last three.
_LINE_POINTS, _LINE_HEAD, _LINE_TAIL = 6, 2, 3
_BOUND_SIGN = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "~", "=": ""}


def figure(point: dict[str, Any]) -> str:
    """A figure with its bound, as a reader writes it: "~10,000", ">3,000", "11,000–12,000"."""
    text = _cell(float(point["value"]))
    if point.get("high") is not None and point["high"] != point["value"]:
        text += "–" + _cell(float(point["high"]))
    return _BOUND_SIGN.get(point.get("bound") or "=", point.get("bound") or "") + text


def _iso_when(point: dict[str, Any]) -> str:
    """The days a figure refers to (ISO); in parentheses the article's date, when the text gives none."""
    start, end = point.get("time_start"), point.get("time_end")
    if start:
        return start if not end or end == start else f"{start}…{end}"
    return f"({point['published']})" if point.get("published") else "?"


def _short_when(point: dict[str, Any], years: bool) -> str:
    """"Oct 18", "Oct" for a whole month, "Oct 18–Nov 2" for other periods; with the year when ``years``."""
    start, end = _day(point.get("time_start") or point.get("published")), _day(point.get("time_end"))
    if start is None:
        return "?"
    if end is None or end <= start:
        return _day_text(start, years)
    if start.day == 1 and (end.year, end.month, end.day) == (start.year, start.month, _month_days(start)):
        return start.strftime("%b %Y" if years else "%b")
    if (start.year, start.month) == (end.year, end.month):
        return f"{_day_text(start, False)}–{end.day}" + (f" {end.year}" if years else "")
    return f"{_day_text(start, False)}–{_day_text(end, years)}"


def _day(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _day_text(day: dt.date, years: bool) -> str:
    return f"{day:%b} {day.day}" + (f" {day.year}" if years else "")


def _month_days(day: dt.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _cited(point: dict[str, Any], years: bool) -> str:
    """"1,500 (NIS, Oct 18)": the figure, who gives it and the date it refers to."""
    who = [point["source"]] if point.get("source") else []
    return f"{figure(point)} ({', '.join([*who, _short_when(point, years)])})"


def _spans_years(points: Sequence[dict[str, Any]]) -> bool:
    return len({str(p.get("time_start") or p.get("published") or "")[:4] for p in points} - {""}) > 1


def series_cells(row: dict[str, Any]) -> dict[str, Any]:
    """A series as one table row: its point count and its newest counted figure, with source and date."""
    newest = row.get("newest")
    latest = _cited(newest, _spans_years(row["points"])) if newest else None
    return {**row, "points": len(row["points"]), "latest": latest}


def series_line(row: dict[str, Any]) -> str:
    """``Label: 1,500 (NIS, Oct 18) → 3,000 (NIS, Oct 23); planned: 12,000 (NIS, Dec 1)``."""
    years = _spans_years(row["points"])
    counted = _repeats([_cited(p, years) for p in row["points"] if p["status"] in _COUNTED])
    if len(counted) > _LINE_POINTS:
        hidden = len(counted) - _LINE_HEAD - _LINE_TAIL
        counted = [*counted[:_LINE_HEAD], f"+ {hidden} more", *counted[-_LINE_TAIL:]]
    parts = [" → ".join(counted)] if counted else []
    for status in _APART:
        apart = [_cited(p, years) for p in row["points"] if p["status"] == status]
        if apart:
            parts.append(f"{status}: " + ", ".join(apart))
    return f"{row['label']}: " + "; ".join(parts)


def _repeats(cited: list[str]) -> list[str]:
    """Runs of one figure from one source for one date (the same report carried by several outlets) as one
    entry with its count: "1,500 (NIS, Oct 18) ×2"."""
    out: list[str] = []
    for text, run in groupby(cited):
        n = len(list(run))
        out.append(text if n == 1 else f"{text} ×{n}")
    return out


def series_lines(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The summary's lines: each series followed over two or more figures."""
    lines = [f"  {series_line(r)}" for r in rows if len(r["points"]) >= 2]
    return lines or ["  (no figure followed across two reports yet)"]


def show_series(row: dict[str, Any]) -> str:
    """One series as a dated table, then each source's latest figure, the disagreements and the revisions."""
    facets = [f"{name} {row[name]}" for name in ("counted", "owner", "place", "measure") if row.get(name)]
    out = [f"series {row['id']}: {row['label']}",
           f"  {', '.join(facets)}; {_many(len(row['points']), 'point')} from {_many(row['sources'], 'source')} "
           f"({_many(row['origins'], 'origin')})", ""]
    out.append(table("points", [_point_cells(p) for p in row["points"]]))
    if any(not p.get("time_start") for p in row["points"]):
        out.append("(a date in parentheses is the article's: the text gives none for that figure)")
    years = _spans_years(row["points"])
    out += ["", "Latest by source"]
    out += [f"  {p['source'] or p['source_key']}: {figure(p)} ({_short_when(p, years)}, {p['status']})"
            for p in row["latest"]] or ["  -"]
    out += ["", "Disagreements (different sources, same dates, figures that cannot both hold)"]
    out += [f"  {_cited(d['a'], years)} vs {_cited(d['b'], years)}" for d in row["disagreements"]] or ["  -"]
    out += ["", "Revisions (a source changing its own figure for the same dates)"]
    out += [f"  {r['source']}: {figure(r['from'])} ({r['from']['published']}, {r['from']['article_id']}) → "
            f"{figure(r['to'])} ({r['to']['published']}, {r['to']['article_id']})" for r in row["revisions"]] or ["  -"]
    return "\n".join(out)


def _many(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _point_cells(point: dict[str, Any]) -> dict[str, Any]:
    origin = point.get("origin")
    who = point.get("source") or "-"
    if origin and origin != point.get("source"):
        who = f"{who} ← {origin}"
    status = point["status"] if point["status"] in _COUNTED else point["status"].upper()
    return {"date": _iso_when(point), "value": figure(point), "status": status, "source ← origin": who,
            "outlet": point.get("outlet"), "article": point["article_id"]}
