"""What the cross-report hooks cost per stored article, as the store grows: outlet, wire-copy detection
(MinHash signature, band lookups in SQL, confirmation) and claim origins, timed inside ``Store.write``.

Articles are synthesised from real texts (the wikinews sample): most are distinct rewrites (a third of
the words replaced, the sentences shuffled), one in ten a near-verbatim copy of an earlier one (a new
dateline, one word in a hundred changed). No NLP: the extractions carry the text alone, which is all the
copy detection reads; the claim-origin hook still runs its lookups.

    .venv/bin/python bench/crossdoc_cost.py [--articles 10000] [--at 1000 10000] [--window 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.model import Article, Extraction  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store import sqlite as store_sqlite  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "data" / "wikinews" / "sample.jsonl"
HOOKS = ("outlet_of", "record_copy", "write_claim_origins")


def load_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [t for t in (json.loads(line).get("text", "") for line in f) if len(t.split()) >= 60]


def rewrite(text: str, vocab: list[str], rng: random.Random, share: float, shuffle: bool) -> str:
    sentences = [s for s in text.split(". ") if s]
    if shuffle:
        rng.shuffle(sentences)
    words = ". ".join(sentences).split()
    return " ".join(rng.choice(vocab) if rng.random() < share else w for w in words)


def articles(texts: list[str], n: int, made_copies: list[str], seed: int = 7) -> Iterator[Article]:
    """``n`` articles; the ids of those made as copies are appended to ``made_copies``."""
    rng = random.Random(seed)
    vocab = sorted({w for t in texts for w in t.split()})
    made: list[str] = []
    for i in range(n):
        if made and rng.random() < 0.1:
            made_copies.append(f"syn-{i}")
            text = "CITY (Wire) — " + rewrite(rng.choice(made), vocab, rng, 0.01, shuffle=False)
        else:
            text = rewrite(rng.choice(texts), vocab, rng, 0.33, shuffle=True)
            made.append(text)
        yield Article(f"syn-{i}", text, dt.date(2024, 1, 1) + dt.timedelta(days=i % 365), None,
                      f"https://outlet{i % 50}.example/{i}", "bench")


def timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[-1] += time.perf_counter() - t0
    return run


def measure(n: int, marks: list[int], window: int) -> dict[str, Any]:
    texts = load_texts(SAMPLE)
    spent: list[float] = []
    originals = {name: getattr(store_sqlite, name) for name in HOOKS}
    for name, fn in originals.items():
        setattr(store_sqlite, name, timed(fn, spent))
    found: set[str] = set()
    made_copies: list[str] = []
    try:
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
            for article in articles(texts, n, made_copies):
                spent.append(0.0)
                store.write(Extraction(article))
            found = {r[0] for r in store.conn.execute("SELECT id FROM articles WHERE copy_of IS NOT NULL")}
    finally:
        for name, fn in originals.items():
            setattr(store_sqlite, name, fn)
    out: dict[str, Any] = {"articles": n, "copies_made": len(made_copies), "copies_found": len(found),
                           "copies_missed": len(set(made_copies) - found),
                           "false_copies": len(found - set(made_copies)), "window": window}
    for mark in marks:
        ms = [s * 1000 for s in spent[max(0, mark - window):mark]]
        out[f"at_{mark}"] = {"mean_ms": round(statistics.mean(ms), 3), "median_ms": round(statistics.median(ms), 3),
                             "p95_ms": round(sorted(ms)[int(0.95 * (len(ms) - 1))], 3)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--at", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--window", type=int, default=200, help="articles averaged just before each mark")
    args = parser.parse_args()
    if not SAMPLE.is_file():
        sys.exit(f"{SAMPLE} is missing: the bench synthesises its articles from it")
    print(json.dumps(measure(args.articles, sorted(args.at), args.window), indent=2))


if __name__ == "__main__":
    main()
