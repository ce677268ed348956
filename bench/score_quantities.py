"""Score the quantities stage against hand-annotated news sentences (tests/data/quantities_*.jsonl).

Each gold line is one sentence from an English Wikinews article (CC BY 2.5; ``article`` is the Wikinews
record id, ``offset`` the sentence's character offset in that article) with every quantity it states:
``text``/``start``/``end`` (offsets into the sentence), ``value``, ``high`` (range end or null), ``bound``
and ``unit``, plus ``ignore`` spans (ambiguous readings scored neither way). Sentences with no quantity
are in the file too, so that years, dates, ordinals and identifiers count as false positives when read.

Each sentence is run through the whole pipeline on its own (``newsgraph.nlp.pipeline.extract``, the article's
publication date as context), as a held-out corpus of news sentences would be. Three scores, as in the
quantity-extraction literature (value / value+unit / value+change):

- **value F1**: a system quantity matches a gold one when their spans overlap and their values agree
  (``value`` and ``high``, relative tolerance 1e-4); each gold quantity is matched at most once. System
  quantities overlapping an ``ignore`` span are left out.
- **value+unit F1**: a value match whose units agree after normalisation: both lower-cased, the last
  word reduced to its singular lemma by English rules ("troops" = "troop", "miles" = "mile",
  "children" = "child", "casualties" = "casualty"), so a count's unit is the head lemma of the counted
  noun; measures use the canonical names of quantities_units.tsv ("kilometre per hour"), money its ISO
  4217 code. A gold unit ``null`` (a bare count: "twelve were killed") wants no unit; a gold ``"*"``
  (the counted thing is only implied, "25 others") accepts any.
- **value+change F1**: a value match whose change word agrees, with our ``bound`` standing for it:
  ``=`` is "=", ``~`` is "~", ``>`` and ``>=`` are ">", ``<`` and ``<=`` are "<".

Usage: ``.venv/bin/python bench/score_quantities.py tests/data/quantities_check.jsonl [--errors]``
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHANGE = {"=": "=", "~": "~", ">": ">", ">=": ">", "<": "<", "<=": "<"}
IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot",
             "police": "police", "personnel": "personnel", "series": "series", "news": "news"}


def singular(word: str) -> str:
    """The singular of an English noun by the regular rules (enough for unit and head matching)."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def normal_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    words = unit.lower().replace("_", " ").split()
    if not words:
        return None
    return " ".join([*words[:-1], singular(words[-1])])


def same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-4 * max(1.0, abs(a), abs(b))


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0
    errors: list[str] = field(default_factory=list)

    def f1(self, tp: int) -> tuple[float, float, float]:
        p = tp / self.system if self.system else 0.0
        r = tp / self.gold if self.gold else 0.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_sentence(gold: dict[str, Any], system: list[dict[str, Any]], tally: Tally) -> None:
    ignore = [(a, b) for a, b in gold.get("ignore", [])]
    system = [q for q in system if not any(overlaps((q["start"], q["end"]), s) for s in ignore)]
    tally.gold += len(gold["quantities"])
    tally.system += len(system)
    unmatched = list(system)
    for g in gold["quantities"]:
        match = next(
            (q for q in unmatched if overlaps((q["start"], q["end"]), (g["start"], g["end"]))
             and same_value(q["value"], g["value"]) and same_value(q.get("high"), g.get("high"))),
            None,
        )
        if match is None:
            tally.errors.append(f"{gold['id']}: MISSED {g['text']!r} {g['value']} {g.get('high')} {g['bound']} "
                                f"{g['unit']} | got {[(q['text'], q['value'], q.get('high')) for q in system]}")
            continue
        unmatched.remove(match)
        tally.value += 1
        if g["unit"] == "*" or normal_unit(g["unit"]) == normal_unit(match["unit"]):
            tally.unit += 1
        else:
            tally.errors.append(f"{gold['id']}: UNIT {g['text']!r} want {g['unit']} got {match['unit']}")
        if CHANGE[g["bound"]] == CHANGE[match["bound"]]:
            tally.change += 1
        else:
            tally.errors.append(f"{gold['id']}: BOUND {g['text']!r} want {g['bound']} got {match['bound']}")
    for q in unmatched:
        tally.errors.append(f"{gold['id']}: EXTRA {q['text']!r} {q['value']} {q['unit']} in: {gold['text'][:90]}")


def extract_sentences(golds: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    from newsgraph.model import Article
    from newsgraph.nlp.pipeline import extract

    articles = [
        Article(g["id"], g["text"], dt.date.fromisoformat(g["published"]) if g.get("published") else None)
        for g in golds
    ]
    return [[dataclasses.asdict(q) for q in ext.quantities] for ext in extract(articles)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--errors", action="store_true", help="list every miss, extra, unit and bound error")
    args = ap.parse_args(argv)
    golds = [json.loads(line) for path in args.gold for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    tally = Tally()
    for gold, system in zip(golds, extract_sentences(golds), strict=True):
        score_sentence(gold, system, tally)
    if args.errors:
        print("\n".join(tally.errors))
    print(f"sentences {len(golds)}  gold {tally.gold}  system {tally.system}")
    for name, tp in (("value", tally.value), ("value+unit", tally.unit), ("value+change", tally.change)):
        p, r, f = tally.f1(tp)
        print(f"{name:<13} P {p:5.1f}  R {r:5.1f}  F1 {f:5.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
