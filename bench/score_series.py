"""Score figure series against hand-annotated gold (bench/series/*.json, tests/data/series_story/gold.json).

The gold was labelled by reading the texts only (bench/series/README.md says how). The system's answers are
read only through the CLI, as a held-out evaluation would read them:

- ``newsgraph query series --json --db STORE --limit 100000``: one series a line, with ``id``, ``label`` and
  ``points`` (each with ``article_id``, ``start``, ``end``, ``value``, ``high``, ``bound``, ``status``,
  ``source``, ``origin``);
- ``newsgraph query actors --json --db STORE --limit 100000``: one actor a line, with ``id``, ``name`` and
  ``aliases`` (names joined by "; ").

Metrics (shares are of all gold figures, so a figure the system missed counts against every one of them):

- **found**: a system point in the same article whose span overlaps the gold span and whose value equals the
  gold value (relative tolerance 1e-9); each point matches at most one gold figure;
- **source** / **origin**: the matched point names the gold source (origin): case-insensitively equal, one
  containing the other (after punctuation is folded to spaces), or both names resolving to one registry actor;
- **status**, **bound**: the matched point's status (bound) equals the gold one;
- **series**: each gold series is mapped to the system series holding most of its matched figures; a gold
  figure counts when its point sits in that series (a gold series of one figure counts when matched);
- **mixed**: system series that hold matched figures of two or more gold series (should be 0), listed;
- **actors**: the share of gold actor groups whose names all resolve to one registry actor (a name resolves
  to the actors whose name or aliases equal it, case-insensitively), and the ``apart`` pairs wrongly merged.

Usage: ``.venv/bin/python bench/score_series.py --db STORE --gold bench/series/dev_corona.json [--json]``.
Exit 0 whenever it could score (it reports, it does not gate); 2 with a one-line message on a bad file.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLD_FIGURE_KEYS = ("article_id", "start", "end", "value", "series", "source", "origin", "status")
POINT_KEYS = ("article_id", "start", "end", "value")


class BadInput(Exception):
    """A gold file or a system answer that cannot be scored; the message says what to fix."""


@dataclass(frozen=True)
class Point:
    series_id: str
    article_id: str
    start: int
    end: int
    value: float
    bound: str | None
    status: str | None
    source: str | None
    origin: str | None


@dataclass
class Registry:
    """The system's actors, for resolving a name to the actor ids whose name or aliases equal it."""

    by_name: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, actor_id: str, names: list[str]) -> None:
        for name in names:
            if name.strip():
                self.by_name[name.strip().casefold()].add(actor_id)

    def resolve(self, name: str) -> set[str]:
        return set(self.by_name.get(name.strip().casefold(), set()))


def fold(name: str) -> str:
    """Lower case, punctuation to spaces, spaces collapsed: "example-wire.org" contains "example wire"."""
    return " ".join(re.sub(r"[\W_]+", " ", name.casefold()).split())


def same_name(gold: str | None, system: str | None, registry: Registry) -> bool:
    if not gold or not system:
        return False
    a, b = fold(gold), fold(system)
    if a and b and (a == b or a in b or b in a):
        return True
    return bool(registry.resolve(gold) & registry.resolve(system))


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


# ---- reading ---------------------------------------------------------------------------------------------

def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise BadInput(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("figures"), list):
        raise BadInput(f"gold file {path} needs an object with a 'figures' list")
    for i, fig in enumerate(gold["figures"]):
        missing = [k for k in GOLD_FIGURE_KEYS if not isinstance(fig, dict) or k not in fig]
        if missing:
            raise BadInput(f"gold file {path}: figure {i} lacks {', '.join(missing)}")
    gold.setdefault("actors", [])
    gold.setdefault("apart", [])
    return gold


def parse_lines(text: str, what: str) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"{what}: line {n} is not JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise BadInput(f"{what}: line {n} is not a JSON object")
        rows.append(row)
    return rows


def points_of(series_rows: list[dict[str, Any]]) -> list[Point]:
    points = []
    for row in series_rows:
        for p in row.get("points") or []:
            if any(p.get(k) is None for k in POINT_KEYS):
                raise BadInput(f"series {row.get('id')}: a point lacks one of {', '.join(POINT_KEYS)}")
            points.append(Point(str(row.get("id")), str(p["article_id"]), int(p["start"]), int(p["end"]),
                                float(p["value"]), p.get("bound"), p.get("status"), p.get("source"),
                                p.get("origin")))
    return points


def registry_of(actor_rows: list[dict[str, Any]]) -> Registry:
    registry = Registry()
    for row in actor_rows:
        aliases = row.get("aliases") or ""
        names = aliases if isinstance(aliases, list) else str(aliases).split(";")
        registry.add(str(row.get("id")), [str(row.get("name") or ""), *map(str, names)])
    return registry


def newsgraph_command() -> str:
    """The newsgraph beside this Python (the project's venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("newsgraph")
    return str(beside) if beside.exists() else (shutil.which("newsgraph") or "newsgraph")


def run_query(command: str, what: str, db: str) -> list[dict[str, Any]]:
    argv = [*command.split(), "query", what, "--json", "--db", db, "--limit", "100000"]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BadInput(f"cannot run {argv[0]}: {exc}") from exc
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise BadInput(f"`{' '.join(argv)}` failed ({proc.returncode}): {last}")
    return parse_lines(proc.stdout, f"query {what}")


# ---- scoring ---------------------------------------------------------------------------------------------

def match(figures: list[dict[str, Any]], points: list[Point]) -> list[Point | None]:
    """For each gold figure, the unused system point of the same article, overlapping span and equal value
    that overlaps it most (None when there is none)."""
    by_article: dict[str, list[Point]] = defaultdict(list)
    for p in points:
        by_article[p.article_id].append(p)
    used: set[int] = set()
    matched: list[Point | None] = []
    for fig in figures:
        best, best_overlap = None, 0
        for p in by_article.get(str(fig["article_id"]), []):
            overlap = min(p.end, fig["end"]) - max(p.start, fig["start"])
            if id(p) in used or overlap <= 0 or not same_value(p.value, float(fig["value"])):
                continue
            if overlap > best_overlap:
                best, best_overlap = p, overlap
        if best is not None:
            used.add(id(best))
        matched.append(best)
    return matched


def series_scores(figures: list[dict[str, Any]], matched: list[Point | None],
                  labels: dict[str, str]) -> tuple[int, list[dict[str, Any]]]:
    """Gold figures in the system series their gold series maps to, and the system series that mix."""
    homes: dict[str, Counter[str]] = defaultdict(Counter)
    for fig, p in zip(figures, matched, strict=True):
        if p is not None:
            homes[fig["series"]][p.series_id] += 1
    chosen = {gold: counts.most_common(1)[0][0] for gold, counts in homes.items()}
    right = sum(1 for fig, p in zip(figures, matched, strict=True)
                if p is not None and chosen[fig["series"]] == p.series_id)
    holds: dict[str, set[str]] = defaultdict(set)
    for fig, p in zip(figures, matched, strict=True):
        if p is not None:
            holds[p.series_id].add(fig["series"])
    mixed = [{"id": sid, "label": labels.get(sid, ""), "gold_series": sorted(gs)}
             for sid, gs in sorted(holds.items()) if len(gs) > 1]
    return right, mixed


def actor_scores(gold: dict[str, Any], registry: Registry) -> dict[str, Any]:
    groups = [g for g in gold["actors"] if g]
    whole = 0
    split: list[list[str]] = []
    for group in groups:
        common = set.intersection(*(registry.resolve(n) for n in group))
        if common:
            whole += 1
        else:
            split.append(list(group))
    merged = [list(pair) for pair in gold["apart"] if registry.resolve(pair[0]) & registry.resolve(pair[1])]
    return {"actors": whole / len(groups) if groups else None, "actor_groups": len(groups),
            "actor_groups_split": split, "apart_merged": len(merged), "apart_merged_pairs": merged}


def score(gold: dict[str, Any], series_rows: list[dict[str, Any]], actor_rows: list[dict[str, Any]]) -> dict[str, Any]:
    figures = gold["figures"]
    points = points_of(series_rows)
    registry = registry_of(actor_rows)
    matched = match(figures, points)
    pairs = [(f, p) for f, p in zip(figures, matched, strict=True) if p is not None]
    n = len(figures)

    def share(hits: int) -> float | None:
        return hits / n if n else None

    labels = {str(r.get("id")): str(r.get("label") or "") for r in series_rows}
    in_series, mixed = series_scores(figures, matched, labels)
    result = {
        "thread": gold.get("thread", ""), "gold_figures": n, "system_series": len(series_rows),
        "system_points": len(points), "found": share(len(pairs)),
        "source": share(sum(same_name(f["source"], p.source, registry) for f, p in pairs)),
        "origin": share(sum(same_name(f["origin"], p.origin, registry) for f, p in pairs)),
        "status": share(sum(f["status"] == p.status for f, p in pairs)),
        "bound": share(sum(f.get("bound", "=") == (p.bound or "=") for f, p in pairs)),
        "series": share(in_series), "mixed": len(mixed), "mixed_series": mixed,
        "missed": [{"article_id": f["article_id"], "text": f.get("text"), "series": f["series"]}
                   for f, p in zip(figures, matched, strict=True) if p is None],
    }
    result.update(actor_scores(gold, registry))
    return result


def table(result: dict[str, Any]) -> str:
    def pct(v: float | None) -> str:
        return "  n/a" if v is None else f"{100 * v:5.1f}%"
    lines = [f"thread {result['thread']}: {result['gold_figures']} gold figures; "
             f"system {result['system_series']} series, {result['system_points']} points", ""]
    lines += [f"{name:<8} {pct(result[name])}" for name in ("found", "source", "origin", "status", "bound", "series")]
    lines.append(f"{'mixed':<8} {result['mixed']:>6}")
    for m in result["mixed_series"]:
        lines.append(f"  series {m['id']} {m['label']!r} holds {' / '.join(m['gold_series'])}")
    lines.append(f"{'actors':<8} {pct(result['actors'])} of {result['actor_groups']} groups whole; "
                 f"apart pairs merged: {result['apart_merged']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--db", required=True, help="the newsgraph store holding the thread's articles")
    ap.add_argument("--gold", required=True, type=Path, help="a gold file such as bench/series/dev_corona.json")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--newsgraph", default=None, help="the newsgraph command (default: the venv's)")
    args = ap.parse_args(argv)
    try:
        gold = load_gold(args.gold)
        command = args.newsgraph or newsgraph_command()
        result = score(gold, run_query(command, "series", args.db), run_query(command, "actors", args.db))
    except BadInput as exc:
        print(f"score_series: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
