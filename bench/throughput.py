#!/usr/bin/env python3
"""Throughput of `extract` next to bare `nlp.pipe` of the same model on the same texts, in one run.

    .venv/bin/python bench/throughput.py                      # bundled corpus, 3 runs, 1 and 2 workers
    .venv/bin/python bench/throughput.py --corpus FILE.jsonl --runs 5 --workers 1

Reports articles/s and words/s (medians over runs), the ratio extract / bare, what each of our stages
costs as a share of the bare model's time, and peak RSS. Model loading is outside the timed region
for one worker; with several workers both sides pay for starting their processes.
This is a script, not a test: speed is measured here and quoted, never asserted in CI.
"""

from __future__ import annotations

import argparse
import functools
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.language import Language  # noqa: E402

from newsgraph.ingest import read_paths  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.nlp.pipeline import BATCH_SIZE, COMPONENTS, build_base_nlp, build_nlp, extract, make_doc  # noqa: E402

DEFAULT_CORPUS = [str(ROOT / "data" / "seed" / "rferl-2024-10-28.jsonl"), str(ROOT / "data" / "corpus")]


def load(paths: list[str], limit: int | None) -> list[Article]:
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]  # (not Rejected, not Skipped)
    return articles[:limit] if limit else articles


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run_bare(nlp: Language, texts: list[str], workers: int) -> None:
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
        pass


def run_extract(articles: list[Article], workers: int) -> None:
    for _ in extract(articles, workers=workers):
        pass


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its (waited-for) children, in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def stage_shares(articles: list[Article]) -> dict[str, float]:
    """Seconds each of our components takes over the corpus, run one by one on parsed Docs."""
    nlp = build_nlp()
    base_names = [n for n in nlp.pipe_names if n not in COMPONENTS]
    with nlp.select_pipes(enable=base_names):
        docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=BATCH_SIZE))
    costs: dict[str, float] = {}
    for name in COMPONENTS:
        component = nlp.get_pipe(name)
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        costs[name] = time.perf_counter() - start
    return costs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=DEFAULT_CORPUS, help="JSONL files or folders")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--limit", type=int, help="only the first N articles")
    args = ap.parse_args()

    articles = load(args.corpus, args.limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(articles)} articles, {words:,} words, {sum(map(len, texts)):,} characters")

    t0 = time.perf_counter()
    base = build_base_nlp()
    base_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_nlp()
    full_load = time.perf_counter() - t0
    print(f"load: bare model {base_load:.2f} s, newsgraph pipeline {full_load:.2f} s (includes resources)")
    gazetteer_stats()

    print(f"\n{'workers':>7} {'bare art/s':>11} {'extract art/s':>14} {'bare words/s':>13} "
          f"{'extract words/s':>16} {'ratio':>6}   (medians of {args.runs} runs)")
    for workers in args.workers:
        bare_times: list[float] = []
        ext_times: list[float] = []
        for _ in range(args.runs):
            bare_times.append(timed(functools.partial(run_bare, base, texts, workers)))
            ext_times.append(timed(functools.partial(run_extract, articles, workers)))
        bare, ext = statistics.median(bare_times), statistics.median(ext_times)
        print(f"{workers:>7} {len(texts) / bare:>11.1f} {len(texts) / ext:>14.1f} {words / bare:>13,.0f} "
              f"{words / ext:>16,.0f} {bare / ext:>6.2f}")

    me, kids = peak_rss_mb()
    print(f"\npeak RSS after the throughput runs: this process {me:,.0f} MB, largest worker {kids:,.0f} MB")

    bare_one = statistics.median(timed(functools.partial(run_bare, base, texts, 1)) for _ in range(args.runs))
    shares = [stage_shares(articles) for _ in range(args.runs)]
    # Stage costs hold every parsed Doc in memory at once, so they come after the memory figure above.
    print(f"\nstage cost as a share of bare nlp.pipe time ({bare_one:.2f} s), medians:")
    for name in COMPONENTS:
        seconds = statistics.median(s[name] for s in shares)
        print(f"  {name:<22} {seconds:7.3f} s  {100 * seconds / bare_one:5.1f} %")
    return 0


# Run in a fresh interpreter, so the memory the place index adds is not hidden under an earlier peak.
# Memory is the growth of the resident set (VmRSS), not of its peak: importing may peak higher.
_GAZETTEER_PROBE = """
import json, time
from newsgraph.nlp.places import gazetteer
def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024
before = rss_mb()
t0 = time.perf_counter()
gazetteer.load(); gazetteer.load_towns()
seconds = time.perf_counter() - t0
print(json.dumps({"load_with_small_towns_s": round(seconds, 2), "memory_mb": round(rss_mb() - before),
                  **gazetteer.load_stats()}))
"""


def gazetteer_stats() -> None:
    """Load time, memory and size of the place index (main index and small towns), measured alone."""
    done = subprocess.run([sys.executable, "-c", _GAZETTEER_PROBE], cwd=ROOT, capture_output=True, text=True)
    print(f"gazetteer: {done.stdout.strip() or done.stderr.strip().splitlines()[-1:]}")


if __name__ == "__main__":
    raise SystemExit(main())
