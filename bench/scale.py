"""How the store scales: ingest rate, size and query latency as it grows to 100,000 articles.

The bundled corpus is run once through the real pipeline (``newsgraph.nlp.pipeline``; the Extractions are
cached with pickle, ``--cache``, shared with ``bench/crossdoc_cost.py``). One store is then grown, through
the real write path (``Store.write``, what ``newsgraph ingest`` runs), to each of ``--sizes`` in turn, with
synthetic articles made from those extractions (see ``Synth``): each has its own id, a publication date
spread over three years (its times shifted with it), an outlet among 50 hosts, and a text of its own that
keeps every item true to its span. At each size it measures:

- the write rate: ``Store.write`` of ``--batch`` fresh articles (articles/s, and the median and p95 ms);
- the ingest rate with NLP: ``ingest_articles`` on ``--nlp-batch`` fresh texts, extraction included;
- the store's bytes per article (database and WAL after a checkpoint);
- the p50 and p95 of every query kind (``Store.query`` with typical filters), ``report.summary``,
  ``Store.article_record``, ``series_record``, and every route of the JSON API (its WSGI app called in
  process), ``--calls`` calls each with varied parameters;
- what the synthetic store holds (copies, clusters, series, stories, registry), to show it is not degenerate.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--db /tmp/scale.db] [--out bench/scale.md]
    .venv/bin/python bench/scale.py --quick      # 300 and 1,000 articles, fewer calls
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import crossdoc_cost  # noqa: E402
from newsgraph.model import Extraction  # noqa: E402
from newsgraph.store import Store  # noqa: E402

START = dt.date(2022, 1, 1)
DAYS = 1096  # publication dates spread over three years
HOSTS = 50
_WORDS = re.compile(r"[A-Za-z]+|[0-9]")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


# ------------------------------------------------------------ synthetic articles


@dataclasses.dataclass
class Base:
    """One real extraction and what its re-writes change: the words outside its short items' spans."""

    ext: Extraction
    words: list[tuple[int, int]]  # spans of the words and digits a re-write replaces
    other: bytearray  # 1 where a place, a time or a figure is: a respelt name leaves those characters alone


def _base(ext: Extraction) -> Base:
    text = ext.article.text
    kept = bytearray(len(text) + 1)
    for start, end in crossdoc_cost.short_spans(ext):  # names, places, times, figures: kept verbatim
        kept[start:end] = b"\x01" * (end - start)
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text) if not any(kept[m.start():m.end()])]
    other = bytearray(len(text) + 1)
    for item in [*ext.times, *ext.places, *ext.quantities]:
        other[item.start:item.end] = b"\x01" * (item.end - item.start)
    return Base(ext, words, other)


class Synth:
    """Synthetic article ``k``: base extraction ``k % n`` with

    - every word outside the short items (names, places, times, figures) replaced by a corpus word of its
      length, by a mapping of its own (the same word the same way within the article, so the text keeps its
      repetitions), and every such digit by another: the word 5-grams the copy detector reads differ from
      every other re-write's, while every item keeps its offsets and the short items their very words;
    - from the third round over the corpus on, the names of people and bodies matched by name respelt (the
      same for two rounds, so names recur: ``crossdoc_cost.renamed``) in the text and in the codes events
      and figures carry, so the registry grows with the store as it does with real news;
    - a publication date spread over ``DAYS`` days from ``START``, every time value shifted with it (events
      of one base do not all fall on one day and merge), and a URL on one of ``HOSTS`` outlets.

    The long items (sentences, quotes, claims, events) take their text from the new text at their spans."""

    def __init__(self, extractions: list[Extraction]) -> None:
        self.bases = [_base(e) for e in extractions]
        vocab = sorted({w.lower() for e in extractions for w in re.findall(r"[A-Za-z]+", e.article.text)})
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for w in vocab:
            self.by_length[len(w)].append(w)

    def article_date(self, k: int) -> dt.date:
        return START + dt.timedelta(days=random.Random(f"date:{k}").randrange(DAYS))

    def make(self, k: int) -> Extraction:
        base = self.bases[k % len(self.bases)]
        ext, rng = base.ext, random.Random(k)
        family = k // len(self.bases) // 2
        actors = crossdoc_cost.renamed(ext.actors, family) if family else list(ext.actors)
        text = self._text(base, rng, actors)
        published = self.article_date(k)
        days = (published - ext.article.published).days if ext.article.published else 0
        article = dataclasses.replace(ext.article, id=f"scale-{k:06d}", text=text, published=published,
                                      url=f"https://outlet{k % HOSTS}.example/{published.year}/{k}",
                                      origin=f"scale:{ext.article.id}")
        codes = {a.code: b.code for a, b in zip(ext.actors, actors, strict=True) if a.code != b.code}
        return Extraction(
            article, sentences=[_retext(s, text) for s in ext.sentences],
            times=[dataclasses.replace(t, value=shift_timex(t.value, days)) for t in ext.times],
            places=list(ext.places),
            quantities=[dataclasses.replace(q, owner=codes.get(q.owner, q.owner)) for q in ext.quantities],
            actors=[dataclasses.replace(a, mentions=[_retext(m, text) for m in a.mentions]) for a in actors],
            quotes=[_retext(q, text, time=shift_timex(q.time, days)) for q in ext.quotes],
            claims=[_retext(c, text, time=shift_timex(c.time, days)) for c in ext.claims],
            events=[_retext(e, text, time=shift_timex(e.time, days), source=[codes.get(x, x) for x in e.source],
                            target=[codes.get(x, x) for x in e.target]) for e in ext.events])

    def _text(self, base: Base, rng: random.Random, actors: list[Any]) -> str:
        text = base.ext.article.text
        digits = list("0123456789")
        rng.shuffle(digits)
        mapping: dict[str, str] = {}
        chars = list(text)
        for start, end in base.words:
            word = text[start:end]
            if word.isdigit():
                chars[start] = digits[int(word)]
                continue
            low = word.lower()
            if low not in mapping:
                mapping[low] = rng.choice(self.by_length.get(len(low)) or [low])
            chars[start:end] = _cased(mapping[low], word)
        for old, new in zip(base.ext.actors, actors, strict=True):
            for m_old, m_new in zip(old.mentions, new.mentions, strict=True):
                # (a name that is also a place's, a time's or a figure's words keeps them: "Abu Dhabi TV")
                if m_new.text != m_old.text and len(m_new.text) == m_old.end - m_old.start \
                        and not any(base.other[m_old.start:m_old.end]):
                    chars[m_old.start:m_old.end] = m_new.text
        return "".join(chars)


def _cased(word: str, like: str) -> str:
    if len(like) > 1 and like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


def _retext(item: Any, text: str, **changes: Any) -> Any:
    return dataclasses.replace(item, text=text[item.start:item.end], **changes)


def shift_timex(value: str | None, days: int) -> str | None:
    """A TIMEX3 value moved by ``days``: a day exactly; a month, week or year by the whole months, weeks or
    years nearest; anything else (durations, PAST_REF, XXXX-10-28) as it is."""
    if not value or not days:
        return value
    try:
        if m := _ISO_DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(days=days)
            return day.isoformat() + value[10:]
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            months = int(m[1]) * 12 + int(m[2]) - 1 + round(days / 30.44)
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(.*)", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1) + dt.timedelta(weeks=round(days / 7))
            year, week, _ = monday.isocalendar()
            return f"{year:04d}-W{week:02d}{m[3]}"
        if m := re.match(r"(\d{4})(?=$|-)", value):
            return f"{int(m[1]) + round(days / 365.25):04d}{value[4:]}"
    except (ValueError, OverflowError):
        return value
    return value


def span_errors(ext: Extraction) -> int:
    """Items whose text is not the article's text at their span (0 for every synthetic article)."""
    text = ext.article.text
    items: list[Any] = [*ext.sentences, *ext.times, *ext.places, *ext.quantities, *ext.quotes, *ext.claims,
                        *ext.events, *(m for a in ext.actors for m in a.mentions)]
    return sum(text[i.start:i.end] != i.text for i in items)


# ------------------------------------------------------------ growing the store and timing writes


def grow(store: Store, synth: Synth, start: int, stop: int, log: Callable[[str], None]) -> list[float]:
    """Write synthetic articles ``start`` to ``stop - 1``; the seconds each write took."""
    spent = []
    t0 = time.perf_counter()
    for k in range(start, stop):
        ext = synth.make(k)
        t1 = time.perf_counter()
        store.write(ext)
        spent.append(time.perf_counter() - t1)
        if (k + 1) % 1000 == 0:
            recent = spent[-1000:]
            log(f"  {k + 1} written, last 1000 at {len(recent) / sum(recent):.0f} writes/s "
                f"({time.perf_counter() - t0:.0f} s in all)")
    return spent


def nlp_rate(db: Path, synth: Synth, start: int, n: int) -> float:
    """Articles/s of ``ingest_articles`` (extraction and store) on ``n`` fresh texts, the model loaded and warmed
    before (the first text through a new pipeline pays for lazy loading)."""
    from newsgraph.model import Article
    from newsgraph.nlp.pipeline import build_nlp, extract_one
    from newsgraph.service.ingest import ingest_articles

    extract_one(Article("warm-up", "The minister said on Monday that 12 people died in Paris."), build_nlp())
    articles = [dataclasses.replace(synth.make(k).article, id=f"scale-nlp-{k:06d}") for k in range(start, start + n)]
    t0 = time.perf_counter()
    report = ingest_articles(db, articles)
    seconds = time.perf_counter() - t0
    return report.stored / seconds if seconds > 0 else 0.0


def size_per_article(store: Store) -> float:
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = sum(os.path.getsize(p) for p in (store.path, store.path + "-wal") if os.path.exists(p))
    return total / max(1, store.count("articles"))


def census(store: Store) -> dict[str, Any]:
    """What the store holds, to tell a realistic store from a degenerate one."""
    one = store.conn.execute

    def pair(sql: str) -> tuple[int, int]:
        row = one(sql).fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    articles = store.count("articles")
    copies = int(one("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL").fetchone()[0])
    return {"articles": articles, "copies %": round(100 * copies / max(1, articles), 2),
            "clusters (largest, reports)": pair("SELECT count(*), max(reports) FROM event_clusters"),
            "series (largest, points)": pair("SELECT count(*), max(points) FROM series"),
            "stories (largest, articles)": pair("SELECT count(*), max(articles) FROM stories"),
            "registry actors": store.count("actors")}


# ------------------------------------------------------------ query latency


def samples(store: Store, n: int, seed: int) -> dict[str, list[Any]]:
    """Typical filter values, read from random rows of the store: ids, actor codes, types, names, words."""
    rng, c = random.Random(seed), store.conn

    def pick(table: str, column: str) -> list[Any]:
        top = int(c.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
        out: list[Any] = []
        for _ in range(n * 10):
            row = c.execute(f"SELECT {column} FROM {table} WHERE rowid >= ? AND {column} IS NOT NULL LIMIT 1",
                            (rng.randint(1, max(1, top)),)).fetchone()
            if row is not None and row[0] not in out:
                out.append(row[0])
            if len(out) >= n:
                break
        return out or [None]

    words = [w for w in (str(s).split()[0] for s in pick("sentences", "text")) if w.isalpha()] or ["the"]
    return {"article": pick("articles", "id"), "actor": pick("event_actors", "code"),
            "type": pick("events", "type"), "place": pick("places", "name"),
            "speaker": [str(n).split()[-1] for n in pick("article_actors", "name")],
            "counted": pick("quantities", "category") + pick("quantities", "unit"),
            "word": words, "series": pick("series", "id"), "about": pick("series", "counted")}


def call_plans(s: dict[str, list[Any]], calls: int) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Per query kind, ``calls`` (store keyword arguments) with typical filters, and the same as API parameters."""
    def at(key: str, i: int) -> Any:
        return s[key][i % len(s[key])]

    def since(i: int) -> dt.date:
        return START + dt.timedelta(days=(i * 97) % (DAYS - 30))

    plans: dict[str, list[dict[str, Any]]] = {
        "events": [{}, {"actor": "a"}, {"event_type": "t"}, {"since": "d", "until": "d"},
                   {"actor": "a", "newest_first": True}],
        "clusters": [{}, {"actor": "a"}, {"event_type": "t"}, {"since": "d", "until": "d"}],
        "quotes": [{}, {"speaker": "s"}, {"article": "i"}],
        "claims": [{}, {"speaker": "s"}, {"article": "i"}],
        "quantities": [{}, {"name": "c"}, {"since": "d", "until": "d"}, {"article": "i"}],
        "places": [{}, {"name": "p"}, {"article": "i"}],
        "map": [{}, {"name": "p"}],
        "articles": [{}, {"name": "i"}],
        "actors": [{}, {"name": "s"}],
        "search": [{"text": "w"}],
        "series": [{}, {"about": "c"}],
    }
    values: dict[str, Callable[[int], Any]] = {
        "a": lambda i: at("actor", i), "t": lambda i: at("type", i), "s": lambda i: at("speaker", i),
        "i": lambda i: at("article", i), "c": lambda i: at("counted", i), "p": lambda i: at("place", i),
        "w": lambda i: at("word", i), "d": since}
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for what, shapes in plans.items():
        out[what] = []
        for i in range(calls):
            shape = shapes[i % len(shapes)]
            kwargs = {k: (v if isinstance(v, bool) else values[v](i)) for k, v in shape.items()}
            if "until" in kwargs:
                kwargs["until"] = kwargs["since"] + dt.timedelta(days=30)
            out[what].append((what, kwargs))
    return out


def _api_query(what: str, kwargs: dict[str, Any]) -> str:
    from newsgraph.serve.app import PARAMS

    param_of = {keyword: param for param, keyword in PARAMS.items()}
    parts = []
    for k, v in kwargs.items():
        value = "newest" if k == "newest_first" else (v.isoformat() if isinstance(v, dt.date) else str(v))
        parts.append(f"{param_of[k]}={_quote(value)}")
    return f"/api/{what}" + ("?" + "&".join(parts) if parts else "")


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def timed_call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> float:
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def latencies(store: Store, calls: int, seed: int = 5) -> dict[str, list[float]]:
    """Seconds of each call, per name: ``query X`` (Store.query), ``summary``, ``article_record``,
    ``series_record``, and ``GET /api/...`` for every API route."""
    from newsgraph import report
    from newsgraph.serve.app import QUERIES, make_app
    from newsgraph.store import queries

    s = samples(store, max(5, calls), seed)
    plans = call_plans(s, calls)
    out: dict[str, list[float]] = defaultdict(list)
    ro = Store.open_existing(store.path)
    try:
        for what, plan in plans.items():
            for _, kwargs in plan:
                out[f"query {what}"].append(timed_call(ro.query, what, **kwargs))
        for i in range(calls):
            article, series = s["article"][i % len(s["article"])], s["series"][i % len(s["series"])]
            out["article_record"].append(timed_call(ro.article_record, article))
            if series is not None:
                out["series_record"].append(timed_call(queries.series_record, ro.conn, series, "bench"))
        for _ in range(max(3, calls // 4)):
            out["summary"].append(timed_call(report.summary, ro))
    finally:
        ro.close()
    app = make_app(store.path)
    paths = [(f"GET /api/{q}", _api_query(q, kw)) for q in QUERIES for _, kw in plans[q]]
    paths += [("GET /api/summary", "/api/summary")] * calls
    paths += [("GET /api/articles/ID", f"/api/articles/{_quote(str(s['article'][i % len(s['article'])]))}")
              for i in range(calls)]
    paths += [("GET /api/series/ID", f"/api/series/{s['series'][i % len(s['series'])]}") for i in range(calls)
              if s["series"][0] is not None]
    for name, path in paths:
        out[name].append(timed_call(_get, app, path))
    return dict(out)


def _get(app: Any, path: str) -> None:
    raw, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": raw, "RAW_URI": path, "QUERY_STRING": query,
               "HTTP_HOST": "127.0.0.1", "wsgi.errors": sys.stderr}
    status: list[str] = []
    body = b"".join(app(environ, lambda s, h: status.append(s)))
    if not status[0].startswith("200"):
        raise RuntimeError(f"{path}: {status[0]} {body[:300]!r}")


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds (nearest rank)."""
    ms = sorted(x * 1000 for x in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


# ------------------------------------------------------------ the run


@dataclasses.dataclass
class Mark:
    """The figures taken with ``size`` articles stored."""

    size: int
    write_rate: float  # Store.write, articles/s over the batch
    write_ms: tuple[float, float]  # median and p95 per write
    nlp_rate: float | None  # ingest_articles with extraction, articles/s
    bytes_per_article: float
    census: dict[str, Any]
    calls: dict[str, list[float]]
    build_seconds: float


def measure(extractions: list[Extraction], sizes: list[int], db: Path, batch: int = 300, nlp_batch: int = 80,
            calls: int = 20, log: Callable[[str], None] = print, snapshots: Path | None = None) -> list[Mark]:
    """Grow one store at ``db`` to each size in turn and take the figures there (see the module's docstring).
    The fresh articles of the measured write batch stay in the store; the next size is grown from there. With
    ``snapshots``, a copy of the store at each size is kept there (``scale-N.db``), to time queries again later
    (``--measure``)."""
    synth = Synth(extractions)
    marks, k = [], 0
    with Store.open(db) as store:
        for size in sizes:
            t0 = time.perf_counter()
            stored = store.count("articles")
            if size > stored:
                grow(store, synth, k, k + size - stored, log)
                k += size - stored
            built = time.perf_counter() - t0
            log(f"{size}: grown in {built:.0f} s; measuring")
            spent = grow(store, synth, k, k + batch, log)
            k += batch
            median, p95 = percentiles(spent)
            rate = None
            if nlp_batch:
                rate = nlp_rate(db, synth, k, nlp_batch)
                k += nlp_batch
            marks.append(Mark(size, len(spent) / sum(spent), (median, p95), rate, size_per_article(store),
                              census(store), latencies(store, calls) if calls else {}, built))
            if snapshots is not None:
                shutil.copyfile(db, snapshots / f"scale-{size}.db")  # (checkpointed by size_per_article)
            log(render_mark(marks[-1]))
    return marks


def measure_store(path: Path, calls: int, synth: Synth | None = None, batch: int = 0, nlp_batch: int = 0) -> Mark:
    """The figures of a store grown before (``--snapshots``), its call times after changes to the queries, and
    with ``synth`` the write rate of ``batch`` more articles and the ingest rate of ``nlp_batch`` more texts (so
    stores of several sizes are timed back to back, under the same load). Their ids start at 10**7 and 2 * 10**7,
    clear of the growing run's."""
    with Store.open(path) as store:  # (migrated, as any writer would)
        size = store.count("articles")
        spent = grow(store, synth, 10**7 + size, 10**7 + size + batch, lambda s: None) if synth and batch else []
        rate = len(spent) / sum(spent) if spent else 0.0
        nlp = nlp_rate(path, synth, 2 * 10**7 + size, nlp_batch) if synth and nlp_batch else None
        return Mark(size, rate, percentiles(spent) if spent else (0.0, 0.0), nlp, size_per_article(store),
                    census(store), latencies(store, calls), 0.0)


def render_mark(m: Mark) -> str:
    nlp = f"{m.nlp_rate:.2f}" if m.nlp_rate is not None else "-"
    return (f"at {m.size}: writes {m.write_rate:.1f}/s (median {m.write_ms[0]:.1f} ms, p95 {m.write_ms[1]:.1f} ms), "
            f"ingest with NLP {nlp}/s, {m.bytes_per_article / 1024:.1f} KiB/article; "
            + ", ".join(f"{k} {v}" for k, v in m.census.items()))


def render(marks: list[Mark], header: str = "") -> str:
    """Markdown: the rates and sizes per mark, then the p50/p95 of every call per mark."""
    sizes = " | ".join(f"{m.size:,}" for m in marks)
    line = "|---|" + "---:|" * len(marks)
    out = [header, "| at N articles stored | " + sizes + " |", line]
    first = marks[0]
    out.append("| Store.write, articles/s | " + " | ".join(
        f"{m.write_rate:.1f} ({100 * m.write_rate / (first.write_rate or 1):.0f} %)" for m in marks) + " |")
    out.append("| Store.write, median / p95 ms | " + " | ".join(
        f"{m.write_ms[0]:.1f} / {m.write_ms[1]:.1f}" for m in marks) + " |")
    if all(m.nlp_rate for m in marks):
        out.append("| ingest with NLP, articles/s | " + " | ".join(
            f"{m.nlp_rate:.2f} ({100 * (m.nlp_rate or 0) / (first.nlp_rate or 1):.0f} %)" for m in marks) + " |")
    out.append("| store size per article, KiB | " + " | ".join(
        f"{m.bytes_per_article / 1024:.1f}" for m in marks) + " |")
    for key in first.census:
        if key != "articles":
            out.append(f"| {key} | " + " | ".join(_cell(m.census[key]) for m in marks) + " |")
    names = sorted({name for m in marks for name in m.calls}, key=_call_order)
    if names:
        out += ["", "| call: p50 / p95 ms at N | " + sizes + " |", line]
        for name in names:
            cells = ["{:.1f} / {:.1f}".format(*percentiles(m.calls[name])) if m.calls.get(name) else "-"
                     for m in marks]
            out.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def _cell(value: Any) -> str:
    return f"{value[0]:,} ({value[1]:,})" if isinstance(value, tuple) else f"{value:,}"


def _call_order(name: str) -> tuple[int, str]:
    return (0 if name.startswith("query") else 2 if name.startswith("GET") else 1), name


def header(args: argparse.Namespace, n_bases: int) -> str:
    try:
        version = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                                 text=True, check=False, timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        version = "unknown"
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    if args.measure:
        return (f"# Store scale, stores grown before and timed again: {dt.date.today().isoformat()}, code {version}\n\n"
                f"`bench/scale.py --measure {' '.join(map(str, args.measure))} --batch {args.batch} --nlp-batch "
                f"{args.nlp_batch} --calls {args.calls}`: on each store in turn, {args.batch} more articles written "
                f"and timed, {args.nlp_batch} more texts ingested with NLP, then {args.calls} calls of each query, "
                "`summary`, record and API route.\n")
    return (f"# Store scale: {dt.date.today().isoformat()}, code {version}\n\n"
            f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"SQLite {__import__('sqlite3').sqlite_version}.\n"
            f"Method: `bench/scale.py --sizes {','.join(map(str, args.sizes))} --batch {args.batch} "
            f"--nlp-batch {args.nlp_batch} --calls {args.calls}`: one store grown through `Store.write` with synthetic "
            f"articles made from the {n_bases} extractions of the bundled corpus (see the script's docstring); at each "
            f"size the write rate over {args.batch} fresh articles, `ingest_articles` (extraction included) on "
            f"{args.nlp_batch} fresh texts, the file size per article after a checkpoint, and {args.calls} calls of "
            "each query, `summary`, record and API route (WSGI, in process; a request opens the store read-only). "
            "Rates in parentheses: against the first size.\n")


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _sizes(text: str) -> list[int]:
    return sorted({int(x) for x in text.split(",") if x.strip()})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=[1_000, 10_000, 100_000])
    parser.add_argument("--quick", action="store_true", help="300 and 1,000 articles, 60 NLP texts, 10 calls")
    parser.add_argument("--batch", type=int, default=300, help="fresh articles whose writes are timed at each size")
    parser.add_argument("--nlp-batch", type=int, default=80,
                        help="fresh texts ingested with NLP at each size (0: none)")
    parser.add_argument("--calls", type=int, default=20, help="calls of each query and route at each size")
    parser.add_argument("--limit", type=int, default=300, help="corpus articles run through the pipeline")
    parser.add_argument("--cache", type=Path, default=crossdoc_cost.CACHE, help="pickle of the extractions")
    parser.add_argument("--db", type=Path, help="the store to grow (default: a new one in a temporary folder)")
    parser.add_argument("--snapshots", type=Path, help="keep a copy of the store at each size in this folder")
    parser.add_argument("--measure", type=Path, nargs="+", help="only time the calls on these existing stores")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "scale.md", help="markdown written here")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.nlp_batch, args.calls = [300, 1_000], min(args.nlp_batch, 60), min(args.calls, 10)
    extractions, _ = crossdoc_cost.extract_corpus(args.limit, args.cache)
    if args.measure:
        synth = Synth(extractions)
        marks = [measure_store(path, args.calls, synth, args.batch, args.nlp_batch) for path in args.measure]
        text = render(marks, header(args, len(extractions)))
        print(text)
        args.out.write_text(text + "\n", encoding="utf-8")
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-scale-") as tmp:
        db = args.db or Path(tmp) / "scale.db"
        if db.exists():
            sys.exit(f"{db} exists: the bench grows a new store; give --db a new file name")
        marks = measure(extractions, args.sizes, db, args.batch, args.nlp_batch, args.calls,
                        log=lambda s: print(s, file=sys.stderr, flush=True), snapshots=args.snapshots)
    text = render(marks, header(args, len(extractions)))
    print(text)
    args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
