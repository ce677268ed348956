#!/usr/bin/env python3
"""Span recall of our actors and places on re3d's entity annotations (a development check).

    .venv/bin/python bench/re3d_recall.py                       # ../shared/data/re3d/*.jsonl
    .venv/bin/python bench/re3d_recall.py --data DIR --misses 15 --json out.json

re3d (Dstl) annotates Person, Organisation, Location, Nationality ... spans in documents about Syria and
Iraq. For each gold entity of a type we ask whether any span we output overlaps it by at least one
character (OVERLAP match, not exact): an actor mention (any kind) or a place. Two figures per type:

- any:   overlapped by any actor mention or place;
- typed: overlapped by the item that type calls for: Person by a person actor; Organisation by an
         organization, group or state actor (re3d tags "the Syrian regime" and "Coalition" as
         organisations); Location by a place, or a state actor named by a seat or by its name
         (metonymic "Damascus", which we keep as an actor); Nationality by a state actor's demonym
         or any state mention, a place, or a people's word of a group actor (re3d marks peoples and
         creeds as nationalities: "Kurdish", "Yazidi", "Sunni", which we keep as ethnic and religious
         group actors; an armed group's name, "Syrian Democratic Forces", does not count).

A third column, "named", is the typed recall on gold spans that are names (they start with a capital
letter and not with a pronoun or an article: "Aleppo", not "the city", "We" or "The Coalition"), since
re3d also marks pronouns and common nouns and we resolve only names to actors and places.

Recall only: re3d does not annotate every name, so precision against it would mislead. The misses
listed are the most frequent gold names we did not cover as the type asks, to show what to fix.
This is a script, not a test; the figures are quoted in reports, never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.model import Article, Extraction  # noqa: E402
from newsgraph.nlp.pipeline import extract  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "re3d"
TYPES = ("Person", "Organisation", "Location", "Nationality")
# Which of our outputs answer each gold type in the "typed" view: actor kinds, or "place".
TYPED_MATCH: dict[str, frozenset[str]] = {
    "Person": frozenset({"person"}),
    "Organisation": frozenset({"organization", "group", "state"}),
    "Location": frozenset({"place", "state"}),
    "Nationality": frozenset({"state", "place", "people"}),
}

# First words that make a capitalised span a pronoun or a description rather than a name.
NOT_NAMES = frozenset({"i", "we", "he", "she", "it", "they", "you", "our", "his", "her", "their", "its", "my",
                       "the", "a", "an", "this", "that", "these", "those", "them", "us", "me"})

Span = tuple[int, int, str]  # start, end, what it is: an actor kind or "place"


def read_docs(data: Path) -> list[dict]:
    docs = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            docs += [json.loads(line) for line in f if line.strip()]
    return docs


def system_spans(ext: Extraction) -> list[Span]:
    spans: list[Span] = [(p.start, p.end, "place") for p in ext.places]
    for a in ext.actors:
        spans += [(m.start, m.end, "people" if a.kind == "group" and m.form == "demonym" else a.kind)
                  for m in a.mentions]
    return spans


def is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and text[:1].isupper() and words[0].lower() not in NOT_NAMES


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return min(a_end, b_end) > max(a_start, b_start)


def score(docs: list[dict], extractions: list[Extraction], types: tuple[str, ...]) -> tuple[dict, dict]:
    tot: Counter[str] = Counter()
    hit_any: Counter[str] = Counter()
    hit_typed: Counter[str] = Counter()
    tot_named: Counter[str] = Counter()
    hit_named: Counter[str] = Counter()
    misses: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, ext in zip(docs, extractions, strict=True):
        spans = system_spans(ext)
        for ent in doc.get("entities", []):
            kind = ent["type"]
            if kind not in types:
                continue
            tot[kind] += 1
            over = [what for s, e, what in spans if overlaps(s, e, ent["start"], ent["end"])]
            if over:
                hit_any[kind] += 1
            typed = any(what in TYPED_MATCH.get(kind, frozenset()) for what in over)
            hit_typed[kind] += typed
            if is_name(ent["text"]):
                tot_named[kind] += 1
                hit_named[kind] += typed
                if not typed:
                    misses[kind][ent["text"]] += 1
    table = {k: {"n": tot[k], "recall_any": 100.0 * hit_any[k] / tot[k] if tot[k] else None,
                 "recall_typed": 100.0 * hit_typed[k] / tot[k] if tot[k] else None,
                 "n_named": tot_named[k],
                 "recall_named": 100.0 * hit_named[k] / tot_named[k] if tot_named[k] else None} for k in types}
    return table, misses


def _pct(x: float | None) -> str:
    return "    n/a" if x is None else f"{x:6.1f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of re3d *.jsonl (default %(default)s)")
    ap.add_argument("--types", default=",".join(TYPES), help="comma-separated entity types (default %(default)s)")
    ap.add_argument("--misses", type=int, default=10, help="most frequent missed strings to list per type")
    ap.add_argument("--json", type=Path, help="write the figures as JSON here")
    args = ap.parse_args(argv)
    docs = read_docs(args.data)
    if not docs:
        print(f"no re3d documents under {args.data}", file=sys.stderr)
        return 2
    types = tuple(t.strip() for t in args.types.split(",") if t.strip())
    articles = [Article(id=d["id"], text=d["text"]) for d in docs]
    extractions = list(extract(articles))
    table, misses = score(docs, extractions, types)
    print(f"re3d: {len(docs)} documents from {args.data}; overlap match (>= 1 shared character)")
    print(f"{'type':14s} {'n':>5s} {'any':>7s} {'typed':>7s} {'n named':>8s} {'named':>7s}")
    for kind, row in table.items():
        print(f"{kind:14s} {row['n']:5d} {_pct(row['recall_any'])} {_pct(row['recall_typed'])} "
              f"{row['n_named']:8d} {_pct(row['recall_named'])}")
    for kind in types:
        top = misses[kind].most_common(args.misses)
        if top:
            print(f"-- {kind} names missed most often: " + "; ".join(f"{t!r} x{n}" for t, n in top))
    if args.json:
        args.json.write_text(json.dumps({"recall": table, "misses": {k: dict(v.most_common(50))
                                                                      for k, v in misses.items()}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
