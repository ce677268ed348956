"""Recognition of time expressions: a hand-written grammar over spaCy tokens.

``TimexGrammar.find(doc)`` walks the tokens once; at a token that can open a time expression (a month, a
number, "last", "the" ...) it tries the constructions of ``CONSTRUCTIONS``, in order, and keeps the first
that matches:

1. deictic phrases ("the past", "the day before yesterday": ``relative.deictic_phrase``);
2. fiscal years ("FY2025");
3. modified dates ("early 1941", "the end of April": ``modified``);
4. sets ("every week", "daily": ``relative.set_expr``);
5. counted units ("three years", "two weeks later": ``durations.quantity``);
6. relative dates ("last week", "the next day": ``relative.relative``);
7. year pairs ("1914-18");
8. calendar dates, with lists ("14 and 24 August") and parts of a date ("the night of 20 June"):
   ``date_core_any`` over ``calendar.date_core`` (days, months, seasons, quarters, decades, years,
   clock times);
9. single deictic words ("yesterday", "now": ``relative.deictic_word``).

A match is a ``Cand`` (``reader.py``): a character span plus the calendar fields the text states, and the
rule that found it (``times.found.*``, ``rules.py``) with every rule that extended or changed it. Values
are computed later (``resolve.py``) because they depend on context.

Extents follow TimeML: prepositions stay outside ("by December" -> "December"), determiners and
modifiers that belong to the expression stay inside ("the end of 1944", "early May", "the next day").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.nlp.rules import RuleTable, fired
from newsgraph.nlp.times.calendar import (
    DECADE_RE,
    YEAR_RANGE_RE,
    YEAR_RE,
    date_core,
    day_month,
    month_first,
    season,
    year,
    year_tail,
)
from newsgraph.nlp.times.durations import quantity
from newsgraph.nlp.times.numbers import day
from newsgraph.nlp.times.reader import Cand, Reader
from newsgraph.nlp.times.relative import Match, deictic_phrase, deictic_word, relative, relative_at, set_expr
from newsgraph.nlp.times.rules import RULES
from newsgraph.nlp.times.vocabulary import Vocabulary

_FY_RE = re.compile(r"^fy-?(\d{4})$")


class TimexGrammar:
    """The recogniser: the stage's words (read once) and its rules; each document gets its own ``Reader``."""

    def __init__(self, vocab: Vocabulary | None = None, rules: RuleTable = RULES) -> None:
        self.vocab = vocab or Vocabulary.load()
        self.rules = rules

    def find(self, doc: Doc) -> list[Cand]:
        """Every time expression of ``doc``, in text order (not yet split: see ``split_ranges``)."""
        r = Reader(doc, self.vocab, self.rules)
        triggers = self.vocab.triggers
        out: list[Cand] = []
        i = 0
        while i < r.n:
            w = r.low[i]
            if w in triggers or w[:1].isdigit() or w[:1] in "'’" or w.startswith(("mid", "fy")):
                end, cands = match(r, i)
                if cands:
                    out.extend(cands)
                    i = max(end, i + 1)
                    continue
            i += 1
        return out


def match(r: Reader, i: int) -> Match:
    """The first construction that matches at token i."""
    for construction in CONSTRUCTIONS:
        end, cands = construction(r, i)
        if cands:
            return end, cands
    return i, []


def fiscal_year(r: Reader, i: int) -> Match:
    """ "fiscal 2024", "fiscal year 2025", "FY2025": TimeML writes a fiscal year FY2025."""
    w = r.w(i)
    if not r.on("times.found.fiscal_year"):
        return i, []
    m = _FY_RE.match(w)
    if m:
        return i + 1, [r.cand("times.found.fiscal_year", i, i + 1, "DATE", literal=f"FY{m.group(1)}")]
    if w not in ("fiscal", "fy"):
        return i, []
    j = i + 1 + (r.w(i + 1) == "year")
    if YEAR_RE.match(r.w(j)) and 1000 <= int(r.w(j)) <= 2200:
        return j + 1, [r.cand("times.found.fiscal_year", i, j + 1, "DATE", literal=f"FY{r.w(j)}", tok=j)]
    return i, []


def year_pair(r: Reader, i: int) -> Match:
    """ "1914-18": the tokenizer keeps "18" apart; it is the year 1918."""
    if not r.on("times.found.year_pair"):
        return i, []
    y = year(r, i)
    if y is None or y.bc or r.w(y.end) not in ("-", "–", "—"):
        return i, []
    tail = r.w(y.end + 1)
    if not (len(tail) == 2 and tail.isdigit()):
        return i, []
    y2 = (y.year // 100) * 100 + int(tail)
    if y2 <= y.year:
        y2 += 100
    first = r.cand("times.found.year_pair", i, y.end, "DATE", year=y.year)
    if y.because:
        r.fire(first, y.because, i - 1, i)
    return y.end + 2, [first, r.cand("times.found.year_pair", y.end + 1, y.end + 2, "DATE", year=y2)]


# ------------------------------------------------------------------------------------- calendar dates


def date_core_any(r: Reader, i: int) -> Match:
    """A calendar date at i ("the" joins "the 1990s", "the 19th of May", "the spring of 1944"), or a list
    of two, or a part of a date."""
    for listed in (day_list, month_list, pod_of_date):
        found = listed(r, i)
        if found is not None:
            return found
    j = i + 1 if r.w(i) == "the" else i
    res = date_core(r, j)
    if res is None:
        return i, []
    end, cand = res
    if j > i and (cand.day or cand.decade or cand.century or cand.season or cand.tod or cand.quarter or cand.half):
        cand.start = r.doc[i].idx
    return end, [cand]


def day_list(r: Reader, i: int) -> Match | None:
    """ "14 and 24 August", "5–9 September 1914": two days sharing one month (and year)."""
    d1 = day(r, i)
    if d1 is None or r.w(i + 1) not in ("and", "-", "–", "—", "to", "or", "&") or r.w(i) in r.vocab.ordinals \
            or not r.on("times.found.day_list"):
        return None
    res = day_month(r, i + 2)
    if res is None:
        return None
    end, second = res
    first = r.cand("times.found.day_list", i, i + 1, "DATE", month=second.month, day=d1, year=second.year,
                   bc=second.bc, that_year=second.that_year, tok=second.tok)
    return end, [first, second]


def month_list(r: Reader, i: int) -> Match | None:
    """ "May and June 1940", "summer and autumn 1918": the first shares the year of the second."""
    w = r.w(i)
    first_month = r.vocab.months.get(w) if r.doc[i].text[:1].isupper() else None
    first_season = r.vocab.seasons.get(w)
    if (first_month is None and first_season is None) or r.w(i + 1) not in ("and", "or", "-", "–", "to") \
            or not r.on("times.found.month_list"):
        return None
    res = month_first(r, i + 2, need_number=True) if first_month else season(r, i + 2)
    if res is None or res[1].year is None or res[1].day is not None:
        return None
    end, second = res
    first = r.cand("times.found.month_list", i, i + 1, "DATE", month=first_month, season=first_season,
                   year=second.year, bc=second.bc)
    return end, [first, second]


def pod_of_date(r: Reader, i: int) -> Match | None:
    """ "the night of April 18, 1775", "the morning of 31 January 1965": a TIME on that date."""
    j = i + 1 if r.w(i) == "the" else i
    if r.w(j) == "early" or r.w(j) == "late":
        j += 1
    w = r.w(j)
    if w not in r.vocab.pods or r.vocab.pods[w].startswith("T") or r.w(j + 1) != "of" \
            or not r.on("times.found.part_of_date"):
        return None
    res = date_core(r, j + 2)
    if res is None or res[1].type != "DATE" or (res[1].day is None and res[1].month is None):
        return None
    end, c = res
    c.start, c.type, c.tod = r.doc[i].idx, "TIME", r.vocab.pods[w]
    r.fire(c, "times.found.part_of_date", i, j + 2)
    return end, [c]


# ------------------------------------------------------------------ modified dates ("early May")


def modified(r: Reader, i: int) -> Match:
    """ "early 1941", "mid-March", "late in 1957", "the end of April", "the beginning of the year"."""
    if r.w(i).startswith("mid-"):
        return _mid_month(r, i)
    modifier = _modifier(r, i)
    if modifier is None:
        return i, []
    j, mod, rule = modifier
    res = date_core(r, j)
    if res is None:
        res = relative_at(r, j, allow_bare_the=True)
        if res is None and r.vocab.deictic.get(r.w(j)) in ("TODAY", "YESTERDAY", "TOMORROW", "TONIGHT"):
            end, found = deictic_word(r, j)  # "early yesterday morning", "late tonight"
            res = (end, found[0]) if found else None
        if res is None:
            return i, []
    elif res[1].type == "TIME" and res[1].tod and ":" in res[1].tod and r.on("times.not.modified_clock"):
        return i, []
    end, c = res
    c.start = r.doc[i].idx
    c.mod = mod
    r.fire(c, rule, i, j)
    return end, [c]


def _modifier(r: Reader, i: int) -> tuple[int, str, str] | None:
    """The modifier at i: (the token after it, its TIMEX3 mod, its rule)."""
    w = r.w(i)
    mods = r.vocab.mods_before
    if w in ("early", "late", "mid") or (w == "middle" and r.w(i + 1) == "of"):
        j = i + 1
        if r.w(j) in ("-", "in") or (w == "middle" and r.w(j) == "of"):
            j += 1
        return (j, mods[w], "times.found.early_late") if r.on("times.found.early_late") else None
    if w == "the" and r.w(i + 1) in mods and r.w(i + 2) == "of":
        return (i + 3, mods[r.w(i + 1)], "times.found.end_of") if r.on("times.found.end_of") else None
    if w == "the" and r.w(i + 1) in ("early", "late", "mid") and DECADE_RE.match(r.w(i + 2)):
        # "the late 1990s": the determiner is in the extent
        return (i + 2, mods[r.w(i + 1)], "times.found.early_late") if r.on("times.found.early_late") else None
    return None


def _mid_month(r: Reader, i: int) -> Match:
    """ "mid-March" as one token."""
    rest = r.w(i)[4:]
    if rest not in r.vocab.months or not r.on("times.found.early_late"):
        return i, []
    c = r.cand("times.found.early_late", i, i + 1, "DATE", month=r.vocab.months[rest], mod="MID")
    return year_tail(r, i + 1, c), [c]


# ------------------------------------------------------------------------------------------ splitting


def split_ranges(doc_text: str, cands: list[Cand]) -> list[Cand]:
    """ "1914–1918" is one token but two years: split it into two DATE candidates."""
    out: list[Cand] = []
    for c in cands:
        m = YEAR_RANGE_RE.match(doc_text[c.start : c.end])
        if m and c.year is not None and c.month is None:
            y1, sep, tail = m.group(1), m.group(2), m.group(3)
            y2 = int(tail) if len(tail) == 4 else int(y1[:2] + tail)
            if y2 < int(y1) and len(tail) == 2:
                y2 += 100
            mid = c.start + len(y1)
            for start, end, y in ((c.start, mid, int(y1)), (mid + len(sep), c.end, y2)):
                part = Cand(start, end, "DATE", c.tok, year=y)
                fired(part, c.rule or "times.found.year_range", (start, end))
                out.append(part)
            continue
        out.append(c)
    return out


CONSTRUCTIONS: tuple[Callable[[Reader, int], Match], ...] = (
    deictic_phrase, fiscal_year, modified, set_expr, quantity, relative, year_pair, date_core_any, deictic_word)
