"""Snapshot the whole output on a fixed set of texts, and compare two snapshots item by item.

A refactor must not change what newsgraph says; a fix must change only what it means to. This runs
`extract` over the founding article, the demo corpus and the development sets' texts (their gold
is not read), writes one JSON line per text, and compares two such files:

    python bench/snapshot.py write before.jsonl          # on the old code
    python bench/snapshot.py write after.jsonl           # on the new code
    python bench/snapshot.py compare before.jsonl after.jsonl [--ignore rule] [--show 5]

`compare` exits 1 when anything differs and prints, per item kind, how many texts changed, then the
first differences in full, so each one can be read and judged.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "data"
# The texts: ours first, then the development sets (only id, text and date are read from them).
SOURCES = [
    ROOT / "data" / "seed" / "rferl-2024-10-28.jsonl",
    ROOT / "data" / "corpus" / "sample.jsonl",
    ROOT / "data" / "corpus" / "conflict.jsonl",
    SHARED / "plover-gsr" / "plover_gsr.jsonl",
    SHARED / "tr-news" / "tr-news.jsonl",
    SHARED / "wikiwars" / "wikiwars.jsonl",
    *sorted((SHARED / "re3d").glob("*.jsonl")),
]
ITEM_KINDS = ("sentences", "times", "places", "quantities", "actors", "quotes", "claims", "events")


# A quick subset for checks while working (a minute or less): the founding article, Wikinews conflict stories
# and the PLOVER sentences. The full set is the one to compare before a commit.
QUICK = ("rferl-2024-10-28", "conflict", "plover_gsr")


def texts(quick: bool = False) -> Iterator[dict[str, Any]]:
    for path in SOURCES:
        if quick and path.stem not in QUICK:
            continue
        if not path.exists():
            print(f"snapshot: {path} is missing, left out", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                yield {"id": f"{path.stem}/{r['id']}", "text": r["text"], "published": r.get("published")}


def write(out: Path, quick: bool = False) -> int:
    from newsgraph.ingest.records import record_to_article
    from newsgraph.nlp.pipeline import extract

    articles = []
    for r in texts(quick):
        a = record_to_article(r, r["id"])
        if not hasattr(a, "text"):
            print(f"snapshot: {a}", file=sys.stderr)
            continue
        articles.append(a)
    with out.open("w", encoding="utf-8") as f:
        for ext in extract(articles):
            f.write(json.dumps(ext.to_json(), ensure_ascii=False, sort_keys=True) + "\n")
    print(f"snapshot: {len(articles)} texts -> {out}", file=sys.stderr)
    return 0


def _strip(value: Any, ignore: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v, ignore) for k, v in value.items() if k not in ignore}
    if isinstance(value, list):
        return [_strip(v, ignore) for v in value]
    return value


def compare(a: Path, b: Path, ignore: set[str], show: int) -> int:
    def load(p: Path) -> dict[str, dict[str, Any]]:
        with p.open(encoding="utf-8") as f:
            return {r["id"]: _strip(r, ignore) for r in map(json.loads, f)}

    old, new = load(a), load(b)
    if len(new) < len(old) and set(new) <= set(old):  # a quick snapshot against a full one: compare what both have
        old = {k: v for k, v in old.items() if k in new}
    changed: Counter[str] = Counter()
    examples: list[str] = []
    for key in sorted(set(old) | set(new)):
        if key not in old or key not in new:
            changed["(text missing)"] += 1
            examples.append(f"{key}: only in {'the second' if key in new else 'the first'}")
            continue
        for kind in (*ITEM_KINDS, "schema_version"):
            x, y = old[key].get(kind), new[key].get(kind)
            if x == y:
                continue
            changed[kind] += 1
            if len(examples) < show:
                gone = [i for i in (x or []) if i not in (y or [])] if isinstance(x, list) else x
                came = [i for i in (y or []) if i not in (x or [])] if isinstance(y, list) else y
                examples.append(f"{key} {kind}:\n  - {json.dumps(gone, ensure_ascii=False)[:1500]}\n"
                                f"  + {json.dumps(came, ensure_ascii=False)[:1500]}")
    if not changed:
        ignoring = f" (ignoring {', '.join(sorted(ignore))})" if ignore else ""
        print(f"snapshot: identical on {len(old)} texts{ignoring}")
        return 0
    print(f"snapshot: {len(old)} texts; texts changed, by kind: "
          + ", ".join(f"{k} {n}" for k, n in changed.most_common()))
    for e in examples:
        print(e)
    return 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="extract every snapshot text into a JSONL file")
    w.add_argument("out", type=Path)
    w.add_argument("--quick", action="store_true", help="only the founding article, conflict.jsonl and PLOVER")
    c = sub.add_parser("compare", help="compare two snapshot files")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--ignore", action="append", default=[], help="a field to leave out wherever it is (repeatable)")
    c.add_argument("--show", type=int, default=10, help="how many differences to print in full")
    args = p.parse_args(argv)
    if args.command == "write":
        return write(args.out, args.quick)
    return compare(args.a, args.b, set(args.ignore), args.show)


if __name__ == "__main__":
    raise SystemExit(main())
