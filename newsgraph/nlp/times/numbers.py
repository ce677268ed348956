"""Numbers inside time expressions: counts ("three", "a few", "two and a half"), days of the month ("6",
"19th", "first") and the TIMEX3 form of a duration ("P3W", "PT2H", "PXY")."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from newsgraph.nlp.times.reader import Reader

DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
NUM_RE = re.compile(r"^\d+(?:\.\d+)?$")
UNIT_GRANULAR = frozenset({"D", "W", "M", "Y", "Q", "WE", "DE", "CE"})  # units of the calendar
TIME_UNITS = frozenset({"S", "MIN", "H"})  # units of the clock (TIMEX3 writes PT...)


def count(r: Reader, i: int) -> tuple[int, float | None] | None:
    """A count at token i: digits, number words, "a", "a few" (None = unknown). Returns (end, value)."""
    w = r.w(i)
    for phrase in r.vocab.vague:
        if r.starts(i, phrase):
            return i + len(phrase), None
    if NUM_RE.match(w):
        value = numeral(w)
        return None if value is None else (i + 1, value)
    if w in r.vocab.numbers:
        return _number_words(r, i)
    if "-" in w:
        parts = w.split("-")
        if all(p in r.vocab.numbers for p in parts):
            return i + 1, sum(r.vocab.numbers[p] for p in parts)
    return None


def _number_words(r: Reader, i: int) -> tuple[int, float]:
    """ "twenty - five", "twenty five", "two hundred", "two and a half"."""
    numbers = r.vocab.numbers
    w = r.w(i)
    value = numbers[w]
    k = i + 1
    nxt = r.w(k)
    if nxt == "-" and r.w(k + 1) in numbers:  # "twenty - five"
        value += numbers[r.w(k + 1)]
        k += 2
    elif value >= 20 and nxt in numbers and numbers[nxt] < 10 and nxt not in ("a", "an"):
        value += numbers[nxt]
        k += 1
    if nxt in ("hundred",) and w not in ("a", "an", "hundred"):
        value *= 100
        k += 1
    if nxt == "and" and r.w(k + 1) == "a" and r.w(k + 2) == "half":  # "two and a half"
        value += 0.5
        k += 3
    return k, value


def day(r: Reader, i: int) -> int | None:
    """A day of the month at token i: "6", "19th", "first"."""
    w = r.w(i)
    m = DAY_RE.match(w)
    if m:
        d = int(m.group(1))
        return d if 1 <= d <= 31 else None
    return r.vocab.ordinals.get(w) if r.vocab.ordinals.get(w, 99) <= 31 else None


def numeral(w: str) -> float | None:
    """The value of a token of digits, or None: not digits ("²" is a digit to str.isdigit), or past a float's
    range ("1" and 400 zeros), which counts no time anything can be resolved to."""
    if not NUM_RE.match(w):
        return None
    value = float(w)
    return value if math.isfinite(value) else None


def duration(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3W, PT2H, PXY, P1.5Y; decades and centuries as DE / CE."""
    code = {"MIN": "M", "WE": "WE", "FN": "W"}.get(unit, unit)
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    else:
        amount = f"{n:g}"
        if "e" in amount:  # "1e-300" is no TIMEX3 number: the digits written out ("0.000…1 years")
            amount = format(Decimal(repr(n)), "f")
    return f"PT{amount}{code}" if unit in TIME_UNITS else f"P{amount}{code}"
