"""What the cross-report hooks cost per stored article, as the store grows: outlet, wire-copy detection
(MinHash signature, band lookups in SQL, confirmation) and claim origins, timed inside ``Store.write``.

Articles are synthesised from real texts (the wikinews sample): most are distinct rewrites (a third of
the words replaced, the sentences shuffled), one in ten a near-verbatim copy of an earlier one (a new
dateline, one word in a hundred changed). No NLP: the extractions carry the text alone, which is all the
copy detection reads; the claim-origin hook still runs its lookups.

    .venv/bin/python bench/crossdoc_cost.py [--articles 10000] [--at 1000 10000] [--window 200]

With ``--nlp`` it measures the whole cross-report work of ``Store.write`` (copies and outlet, claim
origins, the actor registry, event clusters, stories, figure series) next to the cost of extraction: the real
pipeline runs once over the bundled corpus, one article at a time (the Extractions and their times are
cached with pickle, ``--cache``); then a store is filled to ``--articles`` by writing them again under new
ids, with texts made distinct without moving any span (``--variant``, see make_text), and each part is
timed per article (medians and p95) over the ``--window`` articles before each mark. It prints markdown,
and the statements of one more write whose query plan scans a table or sorts all its matches.

    .venv/bin/python bench/crossdoc_cost.py --nlp [--limit 300] [--variant suffix distinct names] \
        [--articles 10000] [--at 1000 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import pickle
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.model import Actor, Article, Extraction  # noqa: E402
from newsgraph.store import Store, identity  # noqa: E402
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


# ------------------------------------------------------------ --nlp: the whole cross-report work next to extraction

CORPUS = ROOT / "data" / "corpus"
CACHE = Path(tempfile.gettempdir()) / "newsgraph-crossdoc-extractions.pkl"
# the parts timed inside Store.write: (label, owner, attribute names); a part's calls nested in one another
# (identity.find calling exact_id) are counted once, at the outermost
PARTS: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("copies+outlet", store_sqlite, ("outlet_of", "record_copy")),
    ("claim origins", store_sqlite, ("write_claim_origins",)),
    ("registry", Store, ("_write_actors",)),
    ("identity lookups", identity, ("finish_pending", "exact_id", "find", "remember")),
    ("clusters", Store, ("_cluster_events",)),
    ("cluster lookup", store_sqlite, ("assign_cluster",)),
    ("cluster counts", store_sqlite, ("count_report",)),
    ("stories", store_sqlite, ("assign_story",)),
    ("series", store_sqlite, ("assign_series",)),
    ("Store.write", Store, ("write",)),
)
# the cross-report work: "registry" is the whole of _write_actors (its plain inserts of aliases, mentions
# and article_actors included, so this overstates it a little); "identity lookups" is inside it, and
# "cluster lookup" (assign_cluster) and "cluster counts" (count_report) inside "clusters"
CROSS = ("copies+outlet", "claim origins", "registry", "clusters", "stories", "series")
_WORD_RE = re.compile(r"[A-Za-z]+")
VARIANTS = ("suffix", "distinct", "names")


def add_nlp_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nlp", action="store_true", help="real extractions, every cross-report part timed")
    parser.add_argument("--limit", type=int, default=300, help="--nlp: corpus articles run through the pipeline")
    parser.add_argument("--cache", type=Path, default=CACHE, help="--nlp: pickle of the extractions and times")
    parser.add_argument("--variant", nargs="+", choices=VARIANTS, default=list(VARIANTS),
                        help="--nlp: how re-written texts differ (see make_text)")


def extract_corpus(limit: int, cache: Path) -> tuple[list[Extraction], list[float]]:
    """The corpus's extractions and the seconds each took (one article at a time), from the cache if any."""
    if cache.is_file():
        with cache.open("rb") as f:
            data = pickle.load(f)  # (our own file in the temp folder, written below)
        if data["limit"] == limit:
            return data["extractions"], data["seconds"]
    from newsgraph.ingest import read_paths
    from newsgraph.nlp.pipeline import build_nlp, extract_one

    nlp = build_nlp()
    extract_one(Article("warm-up", "The minister said on Monday that 12 people died in Paris."), nlp)
    extractions, seconds = [], []
    for article in [a for a in read_paths([str(CORPUS)]) if isinstance(a, Article)][:limit]:
        t0 = time.perf_counter()
        extractions.append(extract_one(article, nlp))
        seconds.append(time.perf_counter() - t0)
    with cache.open("wb") as f:
        pickle.dump({"limit": limit, "extractions": extractions, "seconds": seconds}, f)
    return extractions, seconds


def short_spans(ext: Extraction) -> list[tuple[int, int]]:
    """The spans of the short items (names, places, times, figures): the words a re-write keeps."""
    spans = [(m.start, m.end) for a in ext.actors for m in a.mentions]
    spans += [(t.start, t.end) for t in ext.times] + [(p.start, p.end) for p in ext.places]
    spans += [(q.start, q.end) for q in ext.quantities]
    return spans


def make_text(ext: Extraction, k: int, variant: str, rng: random.Random) -> str:
    """The text of re-write ``k``, of which no stored span moves. ``suffix``: the text and a unique last line
    (the copy detector rightly finds it a copy of the first write: the first is contained in it);
    ``distinct``: besides, every word outside the short spans is replaced by random letters of its length,
    so the re-write shares few word 5-grams with the others (appending words cannot do that: a text
    contained in another is a cut copy of it). ``names`` (the text as ``distinct``) also respells the
    actors' names (see renamed): the registry then grows with the store, as it does with real news."""
    text = ext.article.text
    tail = f"\\nref {k} " + " ".join(rng.choice(_VOCAB) for _ in range(8))
    if variant == "suffix":
        return text + tail
    kept = short_spans(ext)

    def scramble(m: re.Match[str]) -> str:
        if any(s <= m.start() < e for s, e in kept):
            return m.group()
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in m.group())

    return _WORD_RE.sub(scramble, text) + tail


_VOCAB = ["harbour", "ledger", "quartz", "meadow", "signal", "copper", "lantern", "orbit", "thistle", "basalt",
          "ember", "falcon", "granite", "harvest", "island", "juniper", "kestrel", "lagoon", "marble", "nectar"]


def renamed(actors: list[Actor], k: int) -> list[Actor]:
    """The actors named by name (not states, not bodies with a real code) with every capitalised word
    respelt for re-write ``k`` (the same word the same way in all of them), so each re-write brings the
    registry new names to look up and to register (the mentions no longer match the text: the store
    does not read them there)."""
    def respell(text: str) -> str:
        def word(m: re.Match[str]) -> str:
            letters = random.Random(f"{k}:{m.group()}")
            return m.group()[0] + "".join(letters.choice("aeioulmnrstk") for _ in m.group()[1:])
        return re.sub(r"\b[A-Z][A-Za-z]+", word, text)

    out = []
    for actor in actors:
        if not identity.is_matched_by_name(actor):
            out.append(actor)
            continue
        name = respell(actor.name)
        code = actor.code and f"{actor.code.split(':')[0]}:{name.upper().replace(' ', '_')}"
        mentions = [dataclasses.replace(m, text=respell(m.text)) for m in actor.mentions]
        out.append(dataclasses.replace(actor, name=name, code=code, mentions=mentions))
    return out


def rewritten(ext: Extraction, k: int, variant: str, rng: random.Random) -> Extraction:
    a = ext.article
    article = dataclasses.replace(a, id=f"bench-{k}", text=make_text(ext, k, variant, rng),
                                  url=f"https://outlet{k}.bench.example/{a.id}")
    if variant == "names":
        return dataclasses.replace(ext, article=article, actors=renamed(ext.actors, k))
    return dataclasses.replace(ext, article=article)


class PartTimer:
    """Wraps the parts' functions; ``begin()`` opens a new article's row of seconds per part."""

    def __init__(self) -> None:
        self.rows: list[dict[str, float]] = []
        self._depth: dict[str, int] = {label: 0 for label, _, _ in PARTS}
        self._saved: list[tuple[Any, str, Any]] = []

    def begin(self) -> None:
        self.rows.append(dict.fromkeys(self._depth, 0.0))

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            self._depth[label] += 1
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._depth[label] -= 1
                if self._depth[label] == 0:
                    self.rows[-1][label] += time.perf_counter() - t0
        return run

    def __enter__(self) -> PartTimer:
        for label, owner, names in PARTS:
            for name in names:
                fn = getattr(owner, name)
                self._saved.append((owner, name, fn))
                setattr(owner, name, self.wrap(label, fn))
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, fn in reversed(self._saved):
            setattr(owner, name, fn)
        self._saved.clear()


def fill(extractions: list[Extraction], n: int, variant: str) -> tuple[list[dict[str, float]], dict[str, Any]]:
    """Write ``n`` re-writes of the extractions into a new store; every write's seconds per part, the
    store's counts, and the statements of one more write that scan a table."""
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        with PartTimer() as timer:
            for k in range(n):
                timer.begin()
                store.write(rewritten(extractions[k % len(extractions)], k, variant, rng))
        c = store.conn
        counts: dict[str, Any] = {
            "copies": c.execute("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL").fetchone()[0],
            "registry rows": store.count("actors"), "clusters": store.count("event_clusters"),
            "series": store.count("series")}
        counts["plans"] = plans(store, rewritten(extractions[n % len(extractions)], n, variant, rng))
    return timer.rows, counts

def plans(store: Store, ext: Extraction) -> list[str]:
    """The statements one more write runs whose query plan scans a table (no index narrows it) or sorts
    all its matches in a temporary B-tree (an ORDER BY ... LIMIT no index serves reads every match before
    it keeps a few): such a statement may cost in proportion to the store, not log n. Each is listed with
    the lines of its plan that say so."""
    seen: dict[str, str] = {}
    # one statement per shape: its literals (expanded into the traced SQL) stand for one another
    store.conn.set_trace_callback(lambda sql: seen.setdefault(re.sub(r"'[^']*'|-?\b\d+\b", "?", sql.strip()), sql))
    try:
        store.write(ext)
    finally:
        store.conn.set_trace_callback(None)
    out = []
    for sql in seen.values():
        sql = re.sub(r"\s+", " ", sql.strip())
        if not sql.upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH", "INSERT OR")):
            continue
        try:
            rows = store.conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        except sqlite3.Error:
            continue
        details = [str(r[-1]) for r in rows]
        # (a scan of a subquery's own result, "SCAN m" under "MATERIALIZE m", reads no table)
        derived = {d.split()[-1] for d in details if d.startswith(("MATERIALIZE", "CO-ROUTINE"))}
        scans = [d for d in details if (re.match(r"SCAN (?!CONSTANT)", d) and "INDEX" not in d
                                         and d.split()[1] not in derived) or d.startswith("USE TEMP B-TREE")]
        if scans:
            out.append(f"{sql[:160]}  -> {'; '.join(scans)}")
    return out


def stats(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ms = sorted(v * 1000 for v in values)
    return statistics.median(ms), ms[int(0.95 * (len(ms) - 1))]


def part_values(rows: list[dict[str, float]], label: str) -> list[float]:
    return [sum(r[x] for x in CROSS) if label == "cross-report total" else r[label] for r in rows]


def table(rows: list[dict[str, float]], marks: list[int], window: int, extract_s: list[float]) -> str:
    """Markdown: each part's median and p95 per article in the window before each mark, how its median grew
    from the first mark to the last (next to how log n grew: the bound the issue sets), and the
    cross-report work over the extraction time."""
    windows = {m: rows[max(0, m - window):m] for m in marks}
    first, last = marks[0], marks[-1]
    log_growth = math.log(last) / math.log(first) if first > 1 else float("nan")
    lines = ["| part | " + " | ".join(f"at {m}: median ms | p95 ms" for m in marks)
             + f" | growth {first}→{last} (log n: {log_growth:.2f}×) |",
             "|---|" + "---:|---:|" * len(marks) + "---:|"]
    for label in [p[0] for p in PARTS] + ["cross-report total"]:
        medians, cells = [], []
        for m in marks:
            median, p95 = stats(part_values(windows[m], label))
            medians.append(median)
            cells.append(f"{median:.2f} | {p95:.2f}")
        growth = f"{medians[-1] / medians[0]:.2f}×" if medians[0] > 0 else "-"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {growth} |")
    ratios = []
    for m in marks:
        cross = part_values(windows[m], "cross-report total")
        by_median = 100 * statistics.median(cross) / statistics.median(extract_s)
        by_mean = 100 * statistics.mean(cross) / statistics.mean(extract_s)
        ratios.append(f"{by_median:.1f} % | {by_mean:.1f} %")
    lines.append("| cross / extract (median; mean) | " + " | ".join(ratios) + " | |")
    return "\n".join(lines)

def run_nlp(args: argparse.Namespace) -> None:
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} is missing: --nlp runs the pipeline over it")
    extractions, seconds = extract_corpus(args.limit, args.cache)
    marks = sorted(m for m in args.at if m <= args.articles)
    ext_median, ext_p95 = stats(seconds)
    print(f"extract: {len(seconds)} articles, median {ext_median:.1f} ms, p95 {ext_p95:.1f} ms, "
          f"mean {statistics.mean(seconds) * 1000:.1f} ms per article (one at a time)\n")
    for variant in args.variant:
        t0 = time.perf_counter()
        rows, counts = fill(extractions, args.articles, variant)
        print(f"### variant {variant}: {args.articles} writes in {time.perf_counter() - t0:.0f} s, "
              f"window {args.window}; " + ", ".join(f"{k} {v}" for k, v in counts.items() if k != "plans"))
        print(table(rows, marks, args.window, seconds))
        for plan in counts["plans"]:
            print(f"- scan or sort: {plan}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--at", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--window", type=int, default=200, help="articles averaged just before each mark")
    add_nlp_arguments(parser)
    args = parser.parse_args()
    if args.nlp:
        run_nlp(args)
        return
    if not SAMPLE.is_file():
        sys.exit(f"{SAMPLE} is missing: the bench synthesises its articles from it")
    print(json.dumps(measure(args.articles, sorted(args.at), args.window), indent=2))


if __name__ == "__main__":
    main()
