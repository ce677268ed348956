#!/usr/bin/env python3
"""Score newsgraph's attributions (quotes) against a gold file in the PARC-style convention of issue 4.

Gold files (tests/data/attributions_*.jsonl) hold one article a line: {"id", "text", "published",
"attributions": [{"kind": direct|indirect|mixed, "content": [s, e], "source": [s, e] | null, "cue": [s, e]}]}.

Metrics (as the issue defines them):
- a system quote matches a gold attribution when the word-token F1 between the quote's [start, end) and
  the gold content is >= 0.5, one to one (best pairs first). Split parts are not penalised: gold left
  unmatched is matched by the union of the unmatched quotes lying inside it, and unmatched quotes lying
  mostly inside a matched gold content do not count against precision;
- content precision / recall / F1;
- source accuracy (over matched pairs): the quote's `source` span, or a mention of its `speaker` actor,
  overlaps the gold source; a gold null source is right only when the quote has no source span;
- cue accuracy (over matched pairs): the quote's cue overlaps the gold cue;
- end-to-end F1: a match counts only when its source is right too;
- recall of indirect: share of gold indirect attributions matched.

Usage (from the project root):
    python bench/score_attributions.py tests/data/attributions_tuning.jsonl            # runs `newsgraph extract`
    python bench/score_attributions.py GOLD.jsonl --system OUT.jsonl                    # scores a saved output
    python bench/score_attributions.py GOLD.jsonl -v                                    # lists misses and extras
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WORD = re.compile(r"\w+")
MATCH_F1 = 0.5
INSIDE_SHARE = 0.5  # an unmatched quote with at least this share of its words inside a gold content is a part


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def token_f1(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    pool: dict[str, int] = {}
    for w in wb:
        pool[w] = pool.get(w, 0) + 1
    common = 0
    for w in wa:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            common += 1
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def overlaps(a: Iterable[int] | None, b: Iterable[int] | None) -> bool:
    if a is None or b is None:
        return False
    a0, a1 = list(a)[:2]
    b0, b1 = list(b)[:2]
    return a0 < b1 and b0 < a1


def inside_share(text: str, part: tuple[int, int], whole: tuple[int, int]) -> float:
    n = len(words(text[part[0] : part[1]])) or 1
    lo, hi = max(part[0], whole[0]), min(part[1], whole[1])
    return len(words(text[lo:hi])) / n if hi > lo else 0.0


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    matched: int = 0
    source_right: int = 0
    cue_right: int = 0
    indirect_gold: int = 0
    indirect_matched: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for k in ("gold", "system", "matched", "source_right", "cue_right", "indirect_gold", "indirect_matched"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.notes += other.notes

    def scores(self) -> dict[str, float]:
        def f1(hits: int) -> tuple[float, float, float]:
            p = hits / self.system if self.system else 0.0
            r = hits / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p and r else 0.0)

        p, r, f = f1(self.matched)
        _, _, e2e = f1(self.source_right)
        return {
            "content_p": p, "content_r": r, "content_f1": f,
            "source_acc": self.source_right / self.matched if self.matched else 0.0,
            "cue_acc": self.cue_right / self.matched if self.matched else 0.0,
            "e2e_f1": e2e,
            "indirect_recall": self.indirect_matched / self.indirect_gold if self.indirect_gold else 0.0,
        }


def speaker_mentions(result: dict[str, Any], speaker: str | None) -> list[list[int]]:
    for actor in result.get("actors") or []:
        if actor.get("id") == speaker and speaker is not None:
            return [list(m)[:2] for m in actor.get("mentions") or []]
    return []


def source_right(gold: dict[str, Any], quote: dict[str, Any], result: dict[str, Any]) -> bool:
    if gold.get("source") is None:
        return quote.get("source") is None
    if overlaps(quote.get("source"), gold["source"]):
        return True
    return any(overlaps(m, gold["source"]) for m in speaker_mentions(result, quote.get("speaker")))


def score_article(article: dict[str, Any], result: dict[str, Any]) -> Counts:
    text = article["text"]
    gold = article["attributions"]
    system = [q for q in result.get("quotes") or [] if 0 <= q["start"] < q["end"] <= len(text)]
    c = Counts(gold=len(gold), indirect_gold=sum(g["kind"] == "indirect" for g in gold))
    pairs = []
    for gi, g in enumerate(gold):
        gtext = text[g["content"][0] : g["content"][1]]
        for si, q in enumerate(system):
            f = token_f1(text[q["start"] : q["end"]], gtext)
            if f >= MATCH_F1:
                pairs.append((f, gi, si))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, si in sorted(pairs, key=lambda p: -p[0]):
        if gi not in match and si not in used:
            match[gi] = si
            used.add(si)
    # Split parts: a gold content found as several pieces ("A," he said, "B.") is found.
    for gi, g in enumerate(gold):
        if gi in match:
            continue
        whole = (g["content"][0], g["content"][1])
        parts = [si for si, q in enumerate(system) if si not in used
                 and inside_share(text, (q["start"], q["end"]), whole) >= INSIDE_SHARE]
        joined = " ".join(text[system[si]["start"] : system[si]["end"]] for si in parts)
        if parts and token_f1(joined, text[whole[0] : whole[1]]) >= MATCH_F1:
            match[gi] = parts[0]
            used.update(parts)
    extra = [si for si in range(len(system)) if si not in used]
    ignored = {si for si in extra for gi in match
               if inside_share(text, (system[si]["start"], system[si]["end"]), tuple(gold[gi]["content"]))
               >= INSIDE_SHARE}
    c.system = len(system) - len(ignored)
    for gi, g in enumerate(gold):
        gtext = text[g["content"][0] : g["content"][1]]
        if gi not in match:
            c.notes.append(f"{article['id']} MISS [{g['kind']}] {g.get('source_text')!r} {g.get('cue_text')!r}: "
                           f"{gtext[:90]!r}")
            continue
        q = system[match[gi]]
        c.matched += 1
        c.indirect_matched += g["kind"] == "indirect"
        src_ok = source_right(g, q, result)
        cue_ok = overlaps(q.get("cue"), g.get("cue"))
        c.source_right += src_ok
        c.cue_right += cue_ok
        if not (src_ok and cue_ok):
            got_src = text[q["source"][0] : q["source"][1]] if q.get("source") else None
            got_cue = text[q["cue"][0] : q["cue"][1]] if q.get("cue") else None
            c.notes.append(f"{article['id']} {'SRC' if not src_ok else ''}{'CUE' if not cue_ok else ''} "
                           f"want {g.get('source_text')!r}/{g.get('cue_text')!r} got {got_src!r}/{got_cue!r}: "
                           f"{gtext[:60]!r}")
    for si in extra:
        if si not in ignored:
            q = system[si]
            c.notes.append(f"{article['id']} EXTRA [{q.get('kind')}] {text[q['start'] : q['end']][:90]!r}")
    return c


def run_extract(cmd: str, articles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with inp.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a["id"], "text": a["text"], "published": a.get("published")}) + "\n")
        argv = [a.replace("{input}", str(inp)).replace("{output}", str(out)) for a in shlex.split(cmd)]
        proc = subprocess.run(argv, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"command failed ({proc.returncode}): {proc.stderr[-2000:]}")
        return load_results(out)


def load_results(path: Path) -> dict[str, dict[str, Any]]:
    results = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            results[r["id"]] = r
    return results


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(gold: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> Counts:
    total = Counts()
    for article in gold:
        total.add(score_article(article, results.get(article["id"], {})))
    return total


def headline(name: str, c: Counts) -> str:
    s = c.scores()
    return (f"{name}: gold={c.gold} system={c.system} content P/R/F1={s['content_p']:.3f}/{s['content_r']:.3f}/"
            f"{s['content_f1']:.3f} source_acc={s['source_acc']:.3f} cue_acc={s['cue_acc']:.3f} "
            f"e2e_f1={s['e2e_f1']:.3f} indirect_recall={s['indirect_recall']:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--system", type=Path, help="a saved `newsgraph extract` output to score instead")
    ap.add_argument("--cmd", default="newsgraph extract --input {input} --output {output}")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    for path in args.gold:
        gold = load_gold(path)
        results = load_results(args.system) if args.system else run_extract(args.cmd, gold)
        counts = score(gold, results)
        if args.verbose:
            print("\n".join(counts.notes))
        print(headline(path.name, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
