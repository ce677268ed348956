"""Fuzz newsgraph with hostile texts: the reader, ``extract``, the store, its queries, export and the web API.

    python bench/fuzz.py --inputs 100000 --seed 1 [--store-every 1000] [--failures fuzz_failures.jsonl]
    python bench/fuzz.py --seed 1 --only 4711          # regenerate and check one input, verbosely

Each input is a JSON line built from real sentences (data/corpus/sample.jsonl, the founding article) so the
stages fire, then bent by a few named mutations: lone surrogates, huge and tiny numbers, extreme dates,
zero-width and bidi controls inside words, 10k-character tokens, punctuation runs, nested and unbalanced
quotes, combining marks, astral characters, control characters, odd line breaks, mixed scripts, splices,
repetitions and truncations (also inside the JSON escape of a surrogate pair). Input ``i`` of seed ``s`` comes
from ``random.Random(f"{s}:{i}")`` alone, so any input can be regenerated without the ones before it.

The invariants: the reader refuses a lone surrogate by the field's name and never raises; ``extract`` yields,
in order, an Extraction or a Rejected per article, and a Rejected from a stage is a failure of this run;
every span of every item (with quote source/cue, actor mentions, event triggers and mentions, claim chains)
lies in the text and says what it holds; every reference between items resolves; numbers are finite; the
JSON output is strict and round-trips. Every ``--store-every`` inputs a sample goes into a real SQLite store,
and every query, the summary, the export in every format and every API route must answer (200, strict JSON).

A failure is kept under a signature (the exception and the newsgraph function it came from, or the broken
invariant) with the smallest input that still shows it; signatures listed in ``KNOWN`` are failures of code
this harness's authors may not change, reported to its owners, and counted apart so a run can go on.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import json
import math
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from newsgraph.ingest.records import Rejected, record_to_article
from newsgraph.model import Article, Extraction

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "newsgraph"  # (not "a path with /newsgraph/ in it": a clone may be called so)
SOURCES = (ROOT / "data" / "corpus" / "sample.jsonl", ROOT / "data" / "seed" / "rferl-2024-10-28.txt")
FIELDS = ("id", "text", "title", "url")
# A TIMEX3 value as the times stage writes them: a date or time with a four-digit year (BC or unknown), a
# decade or century, a reference, or a duration. "10000" or "-009" (a year past what four digits hold) is not.
TIMEX_VALUE = re.compile(r"(BC)?(\d{4}|XXXX)([-T][-\w:.]*)?|(BC)?(\d{2,3}|XXX?)|(PAST|PRESENT|FUTURE)_REF"
                         r"|PT?(\d+(\.\d+)?|X)[A-Z]{1,2}")
SURROGATE = re.compile("[\ud800-\udfff]")
# Failures in code the fuzz harness's authors do not own: reported (see the report of the run that found
# them), counted as "known", and not failures of a run. Signature -> where it was reported.
KNOWN: dict[str, str] = {}

# ---------------------------------------------------------------- hostile material

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
QUOTES = "\"'“”‘’«»„‹›"
OPEN_CLOSE = (("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("«", "»"), ("„", "“"), ("‹", "›"))
BREAKS = ("\r\n", "\r", "\f", "\u2029", "\u2028", "\x85", "\v", "\n\n\n", " \r\n\r\n ")
CONTROLS = [chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t"] + ["\x7f", "\x80", "\x9f"]
COMBINING = "\u0300\u0301\u0302\u0308\u0327\u0338\u20dd\u0489\u0361\u036f"
ASTRAL = ("😀", "👩‍👩‍👧‍👦", "🇺🇦", "🇷🇺", "𝐍𝐀𝐓𝐎", "𓀀", "🏳️‍🌈", "💥", "𝟏𝟐𝟑", "\U0001f1e6", "🪖", "𝕂𝕪𝕚𝕧")
SCRIPTS = ("Россия", "Украина", "Путин", "روسيا", "أوكرانيا", "רוסיה", "俄罗斯", "乌克兰", "रूस", "Ρωσία",
           "Ukrаine", "NАТО", "Kyiv\u0301", "Мосkва", "ﾛｼｱ", "１２，０００")
PUNCT = ".,;:!?-—–…()[]/\\*&#@%$"
NEWSY = ("said", "“", "”", "according to", "Russia", "NATO", "Putin", "troops", "more than", "3,000", "last week",
         "by December", "Kursk region", "Washington", "spokeswoman", "invaded", "killed", "will", "not", "If",
         "reportedly", ".", ",", "\n", "—", "(", ")", "%", "$", "km", "Kim Jong Un", "U.S.", "attacked", "the")


def huge_number(rng: random.Random) -> str:
    n = rng.randint(300, 420)
    return rng.choice([
        "9" * n, "1" + "0" * n, f"{rng.randint(1, 9)}e{rng.randint(309, 99999)}", "1e400", "-1e400", "1.5E+400",
        "10^999", "10 ^ 999", "10^{999}", ",".join(["999"] * (n // 3)), "1" + "0" * n + " million",
        f"{'9' * n}.{'9' * n}", "1,000" + ",000" * (n // 3) + " billion",
    ])


def tiny_number(rng: random.Random) -> str:
    n = rng.randint(300, 420)
    return rng.choice(["0." + "0" * n + "1", "1e-400", "10^-999", "0," + "0" * n + "1", "." + "0" * n + "5",
                       "-0." + "0" * n + "1", f"{rng.randint(1, 9)}e-{rng.randint(324, 99999)}"])


def number_phrase(rng: random.Random, number: str) -> str:
    return rng.choice(["{} troops", "${} billion", "{} people were killed", "{}%", "{} km", "more than {} soldiers",
                       "between {} and 5 civilians", "{}-{} refugees", "{} tonnes of grain", "up to {} drones"]
                      ).format(number, number)


def date_phrase(rng: random.Random) -> str:
    return rng.choice([
        "in the year 9999", "in the year 1", "in the year 0", "next year", "last week", "in 10,000 years",
        "10,000 years ago", "next month", "yesterday", "tomorrow", "on December 31, 9999", "on 1 January 0001",
        "on 9999-12-31", "by the year 99999", "in 9999 BC", "in the 10000s", "in the 99th century", "next decade",
        "last century", f"in {huge_number(rng)} years", "on Monday", "this week", "since 0001", "in 1e400 days",
        "at 25:61", "on February 30", "in week 53", "in Q5 9999", "in the winter of 9999", "two weeks later",
        "the following year", "in 10000", "on 0000-00-00", "in 99999999999999999999", "last night", "next spring",
        f"{rng.randint(1, 10**6):,} years from now", "on 31/12/9999", "the day before yesterday", "this morning",
    ])


# ---------------------------------------------------------------- mutations: (rng, text) -> text


def _word_inner(rng: random.Random, text: str) -> int:
    """A position inside a word, number or name (between two letters or digits), else anywhere."""
    spots = [i for i in range(1, len(text)) if text[i - 1].isalnum() and text[i].isalnum()]
    return rng.choice(spots) if spots else rng.randint(0, len(text))


def _boundary(rng: random.Random, text: str) -> int:
    """A position between words (a space), else anywhere."""
    spots = [i for i, ch in enumerate(text) if ch.isspace()]
    return rng.choice(spots) if spots else rng.randint(0, len(text))


def _insert(text: str, at: int, piece: str) -> str:
    return text[:at] + piece + text[at:]


def _inside(pieces: Callable[[random.Random], str], most: int) -> Callable[[random.Random, str], str]:
    def mutate(rng: random.Random, text: str) -> str:
        for _ in range(rng.randint(1, most)):
            text = _insert(text, _word_inner(rng, text), pieces(rng))
        return text
    return mutate


def _between(pieces: Callable[[random.Random], str]) -> Callable[[random.Random, str], str]:
    def mutate(rng: random.Random, text: str) -> str:
        return _insert(text, _boundary(rng, text), f" {pieces(rng)} ")
    return mutate


def _replace_number(make: Callable[[random.Random], str]) -> Callable[[random.Random, str], str]:
    """A figure of the text replaced by a hostile one (where the stages look for it), else one inserted."""
    def mutate(rng: random.Random, text: str) -> str:
        figures = list(re.finditer(r"\d[\d,.]*", text))
        if figures and rng.random() < 0.7:
            m = rng.choice(figures)
            return text[:m.start()] + make(rng) + text[m.end():]
        return _insert(text, _boundary(rng, text), f" {number_phrase(rng, make(rng))} ")
    return mutate


def long_token(rng: random.Random) -> str:
    n = rng.randint(10_000, 12_000)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return rng.choice([
        lambda: "a" * n, lambda: "".join(rng.choice(letters) for _ in range(n)), lambda: "1" * n,
        lambda: "https://example.org/" + "a/" * (n // 2), lambda: "Russia-" * (n // 7), lambda: "." * n,
        lambda: "Kursk" * (n // 5), lambda: "".join(rng.choice(letters + PUNCT + QUOTES) for _ in range(n)),
        lambda: "said" + "\u200b" * n + "troops", lambda: "1,000" * (n // 5),
    ])()


def punct_run(rng: random.Random) -> str:
    n = rng.randint(20, 3000 if rng.random() < 0.1 else 300)
    alphabet = rng.choice([PUNCT, QUOTES, ".", "-", "!?", PUNCT + QUOTES, "—–-", "'\""])
    return "".join(rng.choice(alphabet) for _ in range(n))


def nested_quotes(rng: random.Random, text: str) -> str:
    """A stretch of the text inside quotes nested up to 60 deep, some closers dropped or doubled."""
    a, b = sorted((_boundary(rng, text), _boundary(rng, text)))
    inner = text[a:b]
    for _ in range(rng.randint(1, 60)):
        opener, closer = rng.choice(OPEN_CLOSE)
        closer = rng.choice([closer, closer, "", closer * 2, opener])
        inner = f"{opener}{inner}{closer}" + rng.choice(["", " he said.", ", officials said", " — "])
    return text[:a] + inner + text[b:]


def zalgo(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        at = _word_inner(rng, text)
        text = _insert(text, at, "".join(rng.choice(COMBINING) for _ in range(rng.randint(1, 40))))
    return text


def line_breaks(rng: random.Random, text: str) -> str:
    spots = [i for i, ch in enumerate(text) if ch in " \n"]
    for i in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 12))), reverse=True):
        text = text[:i] + rng.choice(BREAKS) + text[i + 1:]
    return text


def homoglyphs(rng: random.Random, text: str) -> str:
    swap = str.maketrans({"a": "а", "e": "е", "o": "о", "A": "А", "T": "Т", "O": "О", "K": "К", "i": "і"})
    a, b = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
    return text[:a] + text[a:b].translate(swap) + text[b:]


def splice(rng: random.Random, text: str) -> str:
    other = rng.choice(sentences())
    return text[:rng.randint(0, len(text))] + other[rng.randint(0, len(other)):]


def repeat(rng: random.Random, text: str) -> str:
    a = rng.randint(0, len(text))
    b = min(len(text), a + rng.randint(1, 200))
    most = 20_000 if rng.random() < 0.05 else 2000  # long repeats are rare: they cost the run most of its time
    times = rng.randint(2, max(2, min(400, most // max(1, b - a))))
    return text[:a] + text[a:b] * times + text[b:]


def truncate(rng: random.Random, text: str) -> str:
    return text[:rng.randint(0, len(text))] if rng.random() < 0.5 else text[rng.randint(0, len(text)):]


def squeeze(rng: random.Random, text: str) -> str:
    """Spaces of a stretch removed: real words glued into one long token."""
    a, b = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
    return text[:a] + re.sub(r"\s+", "", text[a:b]) + text[b:]


MUTATIONS: dict[str, Callable[[random.Random, str], str]] = {
    "zero_width": _inside(lambda r: "".join(r.choice(ZERO_WIDTH) for _ in range(r.randint(1, 3))), 8),
    "bidi": _inside(lambda r: r.choice(BIDI) * r.randint(1, 3), 8),
    "bidi_wrap": lambda r, t: re.sub(r"\b[A-Z]\w+", lambda m: r.choice("\u202e\u2067\u202b") + m.group()
                                     + r.choice(["\u202c", "\u2069", ""]), t, count=r.randint(1, 6)),
    "huge_number": _replace_number(huge_number),
    "tiny_number": _replace_number(tiny_number),
    "date_phrase": _between(date_phrase),
    "long_token": _between(long_token),
    "punct_run": _between(punct_run),
    "nested_quotes": nested_quotes,
    "quote_noise": lambda r, t: functools.reduce(lambda s, _: _insert(s, r.randint(0, len(s)), r.choice(QUOTES)),
                                                 range(r.randint(1, 20)), t),
    "combining": zalgo,
    "astral": _inside(lambda r: r.choice(ASTRAL), 6),
    "controls": _inside(lambda r: r.choice(CONTROLS), 4),
    "line_breaks": line_breaks,
    "mixed_scripts": _between(lambda r: r.choice(SCRIPTS)),
    "homoglyphs": homoglyphs,
    "splice": splice,
    "repeat": repeat,
    "truncate": truncate,
    "squeeze": squeeze,
    "upper": lambda r, t: t.upper(),
}
# How often each mutation is drawn: the 10k-character tokens are rare, since they take most of the time.
WEIGHTS = [0.1 if name == "long_token" else 1.0 for name in MUTATIONS]


@functools.cache
def sentences() -> tuple[str, ...]:
    """Real sentences (and whole paragraphs, which keep quotes and their speakers together)."""
    texts = [json.loads(line)["text"] for line in SOURCES[0].read_text(encoding="utf-8").splitlines() if line]
    texts.append(SOURCES[1].read_text(encoding="utf-8"))
    out: list[str] = []
    for text in texts:
        for para in text.split("\n"):
            out += [s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", para) if len(s) > 20]
    return tuple(out)


def base_text(rng: random.Random) -> str:
    pool = sentences()
    if rng.random() < 0.15:  # word soup: stage cue words without grammar
        return " ".join(rng.choice(NEWSY) for _ in range(rng.randint(3, 80)))
    start = rng.randrange(len(pool))
    glue = rng.choice([" ", " ", "\n", "\n\n"])
    return glue.join(pool[start:start + rng.randint(1, 4)])


# ---------------------------------------------------------------- one input


@dataclass
class Case:
    index: int
    mutations: list[str]
    line: str  # the JSON line, as a reader would see it
    record: Any = None  # its parse, or None where the line is no JSON (then the reader's JSON error applies)


PUBLISHED = ("0001-01-01", "9999-12-31", None, "2024-10-28", "1970-01-01", "2024-02-29", "9999-12-31T23:59:59Z",
             "0001-01-01T00:00:00", "1900-01-01", "2100-12-31")


def hostile_id(rng: random.Random, index: int) -> Any:
    pick = rng.random()
    if pick < 0.7:
        return f"f{index}"
    if pick < 0.9:
        return f"f{index}" + rng.choice(["\u200b", "\u202e", "/x", "%2F", "%", " x", "é", "😀", "\n", "'", '"', "?a=1",
                                         "#", "..", "\\", "ي", "\u0301", "+", " "])
    return index if pick < 0.95 else None  # a number as id, or no id (a digest id)


def make_case(seed: int, index: int) -> Case:
    """Input ``index`` of run ``seed``: a hostile record, as a JSON line and parsed."""
    rng = random.Random(f"{seed}:{index}")
    text = base_text(rng)
    names = rng.choices(list(MUTATIONS), WEIGHTS, k=rng.choice([1, 1, 2, 2, 3, 4]))
    for name in names:
        text = MUTATIONS[name](rng, text)[:60_000]
    record: dict[str, Any] = {"id": hostile_id(rng, index), "title": rng.choice([None, rng.choice(sentences())[:80]]),
                              "url": rng.choice([None, f"https://example.org/{index}"]),
                              "published": rng.choice(PUBLISHED), "text": text}
    if rng.random() < 0.05:
        names.append(_plant_surrogate(rng, record))
    line = json.dumps(record)  # ensure_ascii: astral characters become surrogate-pair escapes
    if rng.random() < 0.03:
        names.append("escape_cut")
        line = _cut_escape(rng, line)
    try:
        parsed = json.loads(line)
    except ValueError:
        parsed = None
    return Case(index, names, line, parsed)


def _plant_surrogate(rng: random.Random, record: dict[str, Any]) -> str:
    name = rng.choice(FIELDS)
    value = str(record.get(name) or "x")
    at = rng.randint(0, len(value))
    record[name] = value[:at] + chr(rng.randint(0xD800, 0xDFFF)) + value[at:]
    return f"surrogate_{name}"


def _cut_escape(rng: random.Random, line: str) -> str:
    """Break a surrogate pair in its JSON escape form (a cut between or inside its halves, one half lost, the
    halves swapped), as a truncated or badly spliced file does."""
    if not re.search(r"\\ud[89ab]", line):
        line = line[:-2] + json.dumps(rng.choice(ASTRAL))[1:-1] + ' troops"}'  # the text is the last field
    pairs = list(re.finditer(r"(\\ud[89ab][0-9a-f]{2})(\\ud[c-f][0-9a-f]{2})", line))
    if not pairs:
        return line
    m = rng.choice(pairs)
    hi, lo = m.group(1), m.group(2)
    return rng.choice([
        line[:m.start(2)] + '"}', line[:m.start(2)] + line[m.end():], line[:m.start()] + lo + line[m.end():],
        line[:m.start()] + lo + hi + line[m.end():], line[:m.start() + rng.randint(1, 5)] + '"}',
        line[:m.end()] + hi + line[m.end():],
    ])


# ---------------------------------------------------------------- checks


@dataclass(frozen=True)
class Finding:
    signature: str  # what broke, stable across inputs: the key failures are grouped by
    detail: str  # this input's particulars


def crash_signature(e: BaseException, where: str) -> str:
    """The exception and the innermost newsgraph function it passed through (line numbers move; names don't)."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if Path(f.filename).is_relative_to(PACKAGE)]
    spot = f"{Path(frames[-1].filename).relative_to(PACKAGE).as_posix()}:{frames[-1].name}" if frames \
        else "outside newsgraph"
    return f"crash in {where}: {type(e).__name__} at {spot}"


def _crash(e: BaseException, where: str) -> Finding:
    return Finding(crash_signature(e, where), "".join(traceback.format_exception(e))[-1500:])


def check_reader(record: Any, result: Article | Rejected) -> list[Finding]:
    """A lone surrogate in any field is refused, by that field's name unless the record is refused anyway."""
    if not isinstance(record, dict):
        return []
    bad = [f for f in FIELDS if isinstance(record.get(f), str) and SURROGATE.search(record[f])]
    if not bad:
        return []
    if isinstance(result, Article):
        return [Finding(f"reader: lone surrogate accepted in {bad[0]}", repr(record.get(bad[0]))[:200])]
    if any(f'"{f}"' in result.reason and "surrogate" in result.reason for f in bad):
        return []
    clean = {k: SURROGATE.sub("x", v) if isinstance(v, str) else v for k, v in record.items()}
    if isinstance(record_to_article(clean, "fuzz"), Article):
        return [Finding("reader: lone surrogate refused without naming its field", result.reason[:200])]
    return []


def check_extraction(ext: Extraction) -> list[Finding]:
    """Every promise of one Extraction, checked apart from ``Extraction.problems`` (which is checked too)."""
    check = _Checker(ext.article.text)
    check.out += [Finding("Extraction.problems(): " + re.sub(r"\[\d+\]|\d+-\d+", "#", p), p) for p in ext.problems()]
    _check_spans(ext, check)
    _check_references(ext, check)
    copied = [x.time for x in (*ext.claims, *ext.quotes, *ext.events) if x.time]  # type: ignore[attr-defined]
    for kind, values in (("times", [t.value for t in ext.times]), ("copied time", copied)):
        check.out += [Finding(f"TIMEX3 value malformed: {kind}", v[:100]) for v in values
                      if not TIMEX_VALUE.fullmatch(v)]
    for p in ext.places:
        if (p.lat is not None and not -90 <= p.lat <= 90) or (p.lon is not None and not -180 <= p.lon <= 180):
            check.out.append(Finding("place coordinates out of range", f"{p.name} {p.lat} {p.lon}"))
    if not _finite(dataclasses.asdict(ext)):
        check.out.append(Finding("a number that is not finite", ""))
    return check.out + check_json(ext)


class _Checker:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Finding] = []

    def span(self, kind: str, start: Any, end: Any, said: str | None = None) -> None:
        text = self.text
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            self.out.append(Finding(f"span outside the text: {kind}", f"{start}-{end} of {len(text)}"))
        elif said is not None and text[start:end] != said:
            self.out.append(Finding(f"span text mismatch: {kind}",
                                    f"{start}-{end} {text[start:end]!r} != {said!r}"[:300]))

    def ref(self, kind: str, value: Any, known: Iterable[Any]) -> None:
        if value is not None and value not in set(known):
            self.out.append(Finding(f"dangling reference: {kind}", repr(value)))


def _check_spans(ext: Extraction, check: _Checker) -> None:
    for name in ("sentences", "times", "places", "quantities", "quotes", "claims", "events"):
        for item in getattr(ext, name):
            check.span(name, item.start, item.end, item.text)
    for actor in ext.actors:
        for m in actor.mentions:
            check.span("actor mention", m.start, m.end, m.text)
    for q in ext.quotes:
        for kind, pair in (("quote source", q.source), ("quote cue", q.cue)):
            if pair is not None:
                check.span(kind, *pair)
    for c in ext.claims:
        for link in c.chain:
            check.span("claim chain link", link.start, link.end, link.text)
    for e in ext.events:
        if e.trigger is not None:
            check.span("event trigger", *e.trigger)
        for mention in e.mentions:
            if len(mention) != 2:
                check.out.append(Finding("event mention shape", repr(mention)))
            else:
                check.span("event mention", mention[0], mention[1])


def _check_references(ext: Extraction, check: _Checker) -> None:
    actors, claims = {a.id for a in ext.actors}, {c.id for c in ext.claims}
    for q in ext.quotes:
        check.ref("quote speaker", q.speaker, actors)
        check.ref("quote claim", q.claim, claims)
    for c in ext.claims:
        for link in c.chain:
            check.ref("claim chain actor", link.actor, actors)
        check.ref("claim speaker", c.speaker, actors)
    for e in ext.events:
        check.ref("event place", e.place, range(len(ext.places)))
        for i in e.size:
            check.ref("event size", i, range(len(ext.quantities)))
        for a in (*e.source_actors, *e.target_actors):
            check.ref("event actor", a, actors)
        check.ref("event claim", e.claim, claims)
    for qty in ext.quantities:
        check.ref("quantity claim", qty.claim, claims)
        check.ref("quantity event", qty.event, {e.id for e in ext.events})


def _finite(value: Any) -> bool:
    # (the oracle keeps its own copy of newsgraph.model's check on purpose: a fuzz invariant that called the
    # code under test would pass whatever that code does)
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_finite(v) for v in value)
    return True


def check_json(ext: Extraction) -> list[Finding]:
    """The output is strict JSON, encodes as UTF-8, and round-trips through ``from_json``."""
    try:
        data = ext.to_json()
        body = json.dumps(data, allow_nan=False, ensure_ascii=False).encode("utf-8")
        back = strict_json(body)
    except (ValueError, TypeError) as e:
        return [Finding(f"output is not strict JSON: {type(e).__name__}", str(e)[:200])]
    if back != data:
        return [Finding("output JSON does not round-trip", "")]
    if Extraction.from_json(back, ext.article.text).to_json() != data:
        return [Finding("output JSON does not rebuild through Extraction.from_json", "")]
    return []


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(body: bytes | str) -> Any:
    """JSON as the standard has it: NaN and Infinity refused, bytes read as strict UTF-8."""
    return json.loads(body.decode("utf-8") if isinstance(body, bytes) else body, parse_constant=_no_constant)


# ---------------------------------------------------------------- extraction


def run_one(article: Article) -> tuple[Extraction | None, list[Finding]]:
    """One article through the pipeline directly, so a stage's exception keeps its traceback."""
    from newsgraph.nlp.pipeline import extract_one

    try:
        ext = extract_one(article)
    except Exception as e:
        return None, [_crash(e, "extract")]
    return ext, check_extraction(ext)


def check_results(articles: list[Article], results: list[Any]) -> tuple[list[Extraction], list[tuple[int, Finding]]]:
    """extract's results against its articles: one each, in order; a Rejected is diagnosed on its own."""
    found: list[tuple[int, Finding]] = []
    if len(results) != len(articles):
        found.append((0, Finding("extract yields one result per article", f"{len(results)} for {len(articles)}")))
    good: list[Extraction] = []
    for i, (article, result) in enumerate(zip(articles, results, strict=False)):
        if isinstance(result, Rejected):
            if result.where != article.origin:
                found.append((i, Finding("extract's Rejected out of order", f"{result.where} for {article.origin}")))
            _, why = run_one(article)
            found += [(i, f) for f in why or [Finding("rejected by extract, fine alone", result.reason[:300])]]
        elif isinstance(result, Extraction):
            if result.article.origin != article.origin:
                found.append((i, Finding("extract's results out of order", f"{result.article.origin}")))
            found += [(i, f) for f in check_extraction(result)]
            good.append(result)
        else:
            found.append((i, Finding("extract yields something else", type(result).__name__)))
    return good, found


def extract_checked(articles: list[Article]) -> tuple[list[Extraction], list[tuple[int, Finding]]]:
    from newsgraph.nlp.pipeline import extract

    try:
        results = list(extract(articles, workers=1))
    except Exception as e:  # extract promised never to raise for one text: find the text alone
        found = [(0, _crash(e, "extract (escaped)"))]
        results = []
        for article in articles:
            ext, _ = run_one(article)
            results.append(ext if ext is not None else Rejected(article.origin or "", "crash"))
        good, more = check_results(articles, results)
        return good, found + more
    return check_results(articles, results)


# ---------------------------------------------------------------- store, queries, export, web API


def call(app: Callable[..., Iterable[bytes]], path: str, query: str = "") -> tuple[int, str, bytes]:
    """One GET through the WSGI app as ``newsgraph serve``'s server presents it: PATH_INFO percent-decoded and
    read as latin-1 (PEP 3333), RAW_URI still encoded (where an id's encoded '/' survives)."""
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": unquote(path, encoding="latin-1"), "QUERY_STRING": query,
               "RAW_URI": path + (f"?{query}" if query else ""), "HTTP_HOST": "127.0.0.1",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8765", "SERVER_PROTOCOL": "HTTP/1.1",
               "wsgi.url_scheme": "http"}
    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"].get("Content-Type", ""), body


def search_term(exts: list[Extraction]) -> str:
    for ext in exts:
        for word in re.findall(r"[A-Za-z]{4,}", ext.article.text):
            return word
    return "troops"


def filters_for(what: str, term: str, article_id: str) -> dict[str, Any]:
    """Every filter this query takes, at its edges: the first and last days a date holds, LIKE's wildcards."""
    from newsgraph.store.queries import takes

    edges = {"actor": term, "speaker": term, "name": f"%{term}_\\", "event_type": "ASSAULT", "article": article_id,
             "since": dt.date(1, 1, 1), "until": dt.date(9999, 12, 31), "newest_first": True, "text": term}
    return {k: v for k, v in edges.items() if k in takes(what)}


def query_string(filters: dict[str, Any]) -> str:
    """The API's query string for store-query filters."""
    from newsgraph.serve.app import PARAMS

    param = {keyword: name for name, keyword in PARAMS.items()}
    values = {k: ("newest" if v is True else v.isoformat() if isinstance(v, dt.date) else str(v))
              for k, v in filters.items()}
    return "&".join(f"{param[k]}={quote(v, safe='')}" for k, v in values.items())


def check_store(exts: list[Extraction], folder: Path) -> list[Finding]:
    """Store these extractions, then every query, the summary, the export and every API route must answer."""
    from newsgraph.errors import IdConflict
    from newsgraph.report import summary
    from newsgraph.serve.app import QUERIES, make_app
    from newsgraph.service.exports import FORMATS, export
    from newsgraph.store import Store
    from newsgraph.store.queries import QUERY_KINDS

    found: list[Finding] = []
    db, term = folder / "fuzz.db", search_term(exts)

    def step(where: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except IdConflict:  # two hostile ids may collide; the store refusing that is right
            return None
        except Exception as e:
            found.append(_crash(e, where))
            return None

    with Store.open(db) as store:
        for ext in exts:
            step("store write", store.write, ext)
        if exts and step("store write (again)", store.write, exts[0]):
            found.append(Finding("store: the same text stored twice", exts[0].article.id))
    with Store.open_existing(db) as store:
        for what in QUERY_KINDS:
            plain = {"text": term} if what == "search" else {}
            for given in (plain, filters_for(what, term, exts[0].article.id if exts else "x")):
                rows = step(f"query {what}", store.query, what, limit=50, **given)
                if rows is not None:
                    step(f"query {what} as JSON", strict_json, json.dumps(rows, allow_nan=False, default=str))
        step("summary", summary, store)
        step("export", export, store, folder / "export", FORMATS)  # every format, hostile text and all
        ids = step("article ids", store.article_ids) or []
        for article_id in ids:
            record = step("article record", store.article_record, article_id)
            if record is not None:
                found += [Finding(f"stored {f.signature}", f.detail) for f in _stored_spans(record)]
    app = make_app(db)
    routes = [("/", ""), ("/api/summary", ""), *((f"/api/articles/{quote(str(i), safe='')}", "") for i in ids),
              *((f"/api/{q}", f"q={quote(term)}" if q == "search" else "") for q in QUERIES),
              *((f"/api/{q}", query_string(filters_for(q, term, ids[0] if ids else "x"))) for q in QUERIES)]
    for route, query in routes:
        where = re.sub(r"articles/.+", "articles/ID", route)
        answer = step(f"GET {where}", call, app, route, query)
        if answer is None:
            continue
        status, kind, body = answer
        if status != 200:
            found.append(Finding(f"GET {where}: status {status}", body[:300].decode("utf-8", "replace")))
        elif route == "/" and not kind.startswith("text/html"):
            found.append(Finding("GET /: not a page", kind))
        elif route != "/":
            step(f"GET {where} strict JSON", strict_json, body)
    return found


def _stored_spans(record: dict[str, Any]) -> list[Finding]:
    text, out = record["text"], []
    for name in ("sentences", "times", "places", "quantities", "quotes", "claims", "events"):
        for item in record[name]:
            if text[item["start"]:item["end"]] != item["text"]:
                out.append(Finding(f"span text mismatch: {name}", f"{item['start']}-{item['end']}"))
    return out


# ---------------------------------------------------------------- minimizing


def minimize(article: Article, signature: str, budget_s: float = 60.0) -> Article:
    """The smallest text (greedy chunk removal, halving the chunk) that still fails with ``signature``."""
    deadline = time.monotonic() + budget_s

    def fails(text: str) -> bool:
        if not text.strip():
            return False
        trial = dataclasses.replace(article, text=text)
        return any(f.signature == signature for f in run_one(trial)[1])

    text = article.text
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i, shrunk = 0, False
        while i < len(text) and time.monotonic() < deadline:
            candidate = text[:i] + text[i + chunk:]
            if fails(candidate):
                text, shrunk = candidate, True
            else:
                i += chunk
        if not shrunk:
            chunk //= 2
    return dataclasses.replace(article, text=text)


# ---------------------------------------------------------------- the run


@dataclass
class Seen:
    """One failure signature: how often, and the smallest input that shows it."""

    signature: str
    count: int = 0
    first: int = -1
    detail: str = ""
    known: str | None = None
    reproducer: dict[str, Any] = field(default_factory=dict)


@dataclass
class Summary:
    inputs: int = 0
    articles: int = 0  # records the reader took
    refused: int = 0  # records the reader refused (by name), and lines that are no JSON
    extractions: int = 0
    store_rounds: int = 0
    stored: int = 0
    seconds: float = 0.0
    slowest: tuple[float, int] = (0.0, -1)  # the slowest batch through extract: seconds, its first input
    seen: dict[str, Seen] = field(default_factory=dict)

    def failures(self, kind: str | None = None) -> list[Seen]:
        """Unreported failures; ``kind`` "crash" or "invariant" narrows them."""
        out = [s for s in self.seen.values() if s.known is None]
        if kind == "crash":
            return [s for s in out if s.signature.startswith("crash")]
        return [s for s in out if not s.signature.startswith("crash")] if kind else out

    def lines(self, seed: int) -> list[str]:
        known = sum(s.count for s in self.seen.values() if s.known)
        crashes, broken = self.failures("crash"), self.failures("invariant")
        head = [
            f"fuzz seed {seed}: {self.inputs} inputs ({self.articles} articles, {self.refused} refused by the "
            f"reader), {self.extractions} extractions, {self.store_rounds} store rounds ({self.stored} articles)",
            f"crashes: {sum(s.count for s in crashes)} ({len(crashes)} signatures); invariant failures: "
            f"{sum(s.count for s in broken)} ({len(broken)} signatures); known, reported: {known}",
            f"time: {self.seconds:.0f} s ({self.inputs / max(self.seconds, 1e-9):.1f} inputs/s; slowest batch "
            f"{self.slowest[0]:.1f} s, from input {self.slowest[1]})",
        ]
        return head + [f"  {'KNOWN ' if s.known else ''}{s.count:>6}x  {s.signature}  (first: input {s.first})"
                       for s in sorted(self.seen.values(), key=lambda s: -s.count)]


def fuzz(seed: int, inputs: int, store_every: int = 1000, store_sample: int = 16, batch: int = 32,
         minimize_s: float = 60.0, log: Callable[[str], None] | None = None, start: int = 0,
         progress: Callable[[Summary, int], None] | None = None) -> Summary:
    """Run inputs ``start`` .. ``start + inputs - 1`` of ``seed``; every failure is in the returned Summary.
    ``log`` hears of each new failure signature; ``progress`` gets the summary every 1000 inputs."""
    summary, began = Summary(), time.monotonic()
    pool: list[Extraction] = []  # extractions since the last store round
    cases: dict[str, Case] = {}

    def note(case: Case, finding: Finding, article: Article | None, small: Article | None = None) -> None:
        seen = summary.seen.get(finding.signature)
        if seen is None:
            seen = summary.seen[finding.signature] = Seen(finding.signature, first=case.index, detail=finding.detail,
                                                          known=KNOWN.get(finding.signature))
            if small is None and article is not None:
                small = minimize(article, finding.signature, minimize_s) if minimize_s else article
            seen.reproducer = {"input": case.index, "mutations": case.mutations,
                               "record": _record(small) if small else None, "line": case.line[:5000]}
            if log:
                log(f"NEW {'known ' if seen.known else ''}failure at input {case.index}: {finding.signature}")
        seen.count += 1

    for lo in range(start, start + inputs, batch):
        articles: list[Article] = []
        for case in (make_case(seed, i) for i in range(lo, min(lo + batch, start + inputs))):
            summary.inputs += 1
            try:
                result = record_to_article(case.record, f"fuzz:{case.index}") if case.record is not None else None
            except Exception as e:
                note(case, _crash(e, "reader"), None)
                continue
            if not isinstance(result, Article):
                summary.refused += 1
            else:
                summary.articles += 1
                articles.append(result)
                cases[result.origin or ""] = case
            for finding in check_reader(case.record, result) if result is not None else []:
                note(case, finding, None)
        clock = time.monotonic()
        good, found = extract_checked(articles)
        summary.slowest = max(summary.slowest, (time.monotonic() - clock, lo))
        summary.extractions += len(good)
        for i, finding in found:
            note(cases[articles[i].origin or ""], finding, articles[i])
        rng = random.Random(f"{seed}:store:{lo}")
        pool += rng.sample(good, min(len(good), max(1, store_sample * batch // store_every)))
        cases = {}
        done = lo + batch - start
        if done % store_every < batch or done >= inputs:
            summary.store_rounds += 1
            summary.stored += len(pool)
            with tempfile.TemporaryDirectory(prefix="fuzz-store-") as tmp:
                for finding in check_store(pool, Path(tmp)):
                    first = finding.signature not in summary.seen
                    note(Case(lo, ["store round"], json.dumps([_record(e.article) for e in pool])[:5000]), finding,
                         None, store_culprit(pool, finding.signature) if first else None)
            pool = []
        if progress and (done % 1000 < batch or done >= inputs):
            summary.seconds = time.monotonic() - began
            progress(summary, min(done, inputs))
    summary.seconds = time.monotonic() - began
    return summary


def store_culprit(pool: list[Extraction], signature: str) -> Article | None:
    """The shortest article of a store round that fails that way in a store of its own."""
    for ext in sorted(pool, key=lambda e: len(e.article.text)):
        with tempfile.TemporaryDirectory(prefix="fuzz-culprit-") as tmp:
            if any(f.signature == signature for f in check_store([ext], Path(tmp))):
                return ext.article
    return None


def _record(article: Article) -> dict[str, Any]:
    return {"id": article.id, "text": article.text, "title": article.title, "url": article.url,
            "published": article.published.isoformat() if article.published else None}


def iter_reproducers(summary: Summary) -> Iterator[dict[str, Any]]:
    for s in sorted(summary.seen.values(), key=lambda s: -s.count):
        yield {"signature": s.signature, "count": s.count, "known": s.known, "detail": s.detail, **s.reproducer}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first input index (to resume a run)")
    parser.add_argument("--store-every", type=int, default=1000, help="inputs between store rounds")
    parser.add_argument("--minimize", type=float, default=60.0, help="seconds to shrink each new failure")
    parser.add_argument("--failures", default="fuzz_failures.jsonl", help="one line per failure signature")
    parser.add_argument("--only", type=int, help="regenerate and check this one input, verbosely")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(f"[{dt.datetime.now():%H:%M:%S}] {message}", flush=True)

    if args.only is not None:
        case = make_case(args.seed, args.only)
        print(json.dumps({"mutations": case.mutations, "line": case.line[:2000]}, ensure_ascii=False))
        args.start, args.inputs, args.store_every = args.only, 1, 1
    def progress(summary: Summary, done: int) -> None:
        log(f"{done}/{args.inputs} inputs, {len(summary.failures())} failure signatures "
            f"({sum(s.count for s in summary.failures())} failures), "
            f"{sum(s.count for s in summary.seen.values() if s.known)} known, {summary.seconds:.0f} s")
        with open(args.failures, "w", encoding="utf-8") as out:  # rewritten as it goes: readable mid-run
            for row in iter_reproducers(summary):
                out.write(json.dumps(row) + "\n")  # ASCII: a reproducer may hold a lone surrogate

    summary = fuzz(args.seed, args.inputs, args.store_every, minimize_s=args.minimize, log=log, start=args.start,
                   progress=progress)
    print("\n".join(summary.lines(args.seed)), flush=True)
    print(f"failure signatures and their smallest inputs: {args.failures}")
    return 1 if summary.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
