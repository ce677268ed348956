"""Calendar dates: the constructions that find an absolute or partial date starting at a token.

``date_core`` tries them in order and keeps the first that matches: holidays, a weekday (with its date),
day-month, month-day (or a month with its year, or alone), seasons, halves and quarters, decades and
centuries, years, clock times (``clock.py``) and a day of the month named alone. Each records the rule
that found it (``times.found.*``) and the rules that extended it (a year after a date, "of last year",
a part of day after a weekday); a number or a word is kept from being read as a date by the
``times.not.*`` tests of ``month`` and ``year``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Token

from newsgraph.nlp.syntax import value_of_figure
from newsgraph.nlp.times.numbers import day
from newsgraph.nlp.times.reader import Cand, Reader

YEAR_RE = re.compile(r"^\d{4}$")
YEAR_RANGE_RE = re.compile(r"^(\d{4})([–—-])(\d{2}|\d{4})$")
DECADE_RE = re.compile(r"^(\d{2,3})0s$")
_SHORT_YEAR_RE = re.compile(r"^['’](\d{2})$")
_SHORT_DECADE_RE = re.compile(r"^['’]?(\d)0s$")
_MID_RE = re.compile(r"^mid-?(\d{4})$", re.I)
_MID_DECADE_RE = re.compile(r"^mid-?(\d{3})0s$", re.I)
_CENTURY_ORD_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_NOT_YEAR_NEXT_TAGS = {"NNS", "NNPS"}

Found = tuple[int, Cand]  # (the token after the expression, the candidate)


def date_core(r: Reader, i: int) -> Found | None:
    """Absolute or partial calendar dates and clock times starting exactly at token i."""
    from newsgraph.nlp.times.clock import clock  # (a clock time may take a date after it: a cycle)

    for construction in (holiday, weekday_date, day_month, month_first, season, half, quarter, decade_century,
                         year_expr, clock, bare_day):
        res = construction(r, i)
        if res is not None:
            return res
    return None


# ---------------------------------------------------------------------------------------------- days


def bare_day(r: Reader, i: int) -> Found | None:
    """ "on the 20th": a day of the month named alone (not "the 20th century", "the 2nd battalion")."""
    if not r.on("times.found.bare_day") or r.w(i - 1) != "the" or r.w(i - 2) not in r.vocab.before_bare_day:
        return None  # ("the" joins the extent in date_core_any)
    w = r.w(i)
    if not (w[:1].isdigit() and w.endswith(("st", "nd", "rd", "th"))):
        return None
    d = day(r, i)
    if d is None:
        return None
    nxt = r.token(i + 1)
    if r.on("times.not.ordinal_before_noun") and nxt is not None and nxt.is_alpha \
            and nxt.pos_ not in ("ADP", "CCONJ", "SCONJ"):
        return None
    return i + 1, r.cand("times.found.bare_day", i, i + 1, "DATE", day=d)


def holiday(r: Reader, i: int) -> Found | None:
    """ "Christmas", "New Year's Eve 2023"."""
    if not r.on("times.found.holiday"):
        return None
    for words, (m, d) in r.vocab.holidays.items():
        if r.starts(i, words):
            j = i + len(words)
            nxt = r.token(j)
            if r.on("times.not.holiday_in_name") and nxt is not None and nxt.pos_ == "PROPN" \
                    and nxt.text[:1].isupper():
                return None  # "the Christmas Charity" is a name
            c = r.cand("times.found.holiday", i, j, "DATE", month=m, day=d)
            y = year(r, j, after_month=True) if r.on("times.found.year_after_date") else None
            if y:
                c.year, c.bc = y.year, y.bc
                c.end = r.span(i, y.end)[1]
                r.fire(c, "times.found.year_after_date", j, y.end)
                j = y.end
            return j, c
    return None


def weekday_date(r: Reader, i: int) -> Found | None:
    """ "Monday, 6 January 1975" (the weekday joins the date) or "Monday" alone."""
    w = r.w(i)
    if w not in r.vocab.weekdays or not r.doc[i].text[0].isupper():
        return None
    j = i + 1
    if r.w(j) == ",":
        j += 1
    k = j + 1 if r.w(j) == "the" else j
    res = (day_month(r, k) or month_first(r, k, need_number=True)) if r.on("times.found.weekday_date") else None
    if res is not None:
        end, c = res
        c.start = r.doc[i].idx
        c.weekday = r.vocab.weekdays[w]
        r.fire(c, "times.found.weekday_date", i, i + 1)
        return end, c
    if not r.on("times.found.weekday"):
        return None
    c = r.cand("times.found.weekday", i, i + 1, "DATE", weekday=r.vocab.weekdays[w], deictic=True)
    end = attach_pod(r, i + 1, c)
    return end, c


def attach_pod(r: Reader, j: int, c: Cand) -> int:
    """ "Monday morning", "June 6 evening": a part of day right after a date makes it a TIME."""
    w = r.w(j)
    if w in r.vocab.pods and w not in ("noon", "midnight", "midday", "tonight") \
            and r.on("times.found.part_of_day_after"):
        code = r.vocab.pods[w]
        c.tod = code[1:] if code.startswith("T") else code
        c.type = "TIME"
        c.end = r.span(j, j + 1)[1]
        r.fire(c, "times.found.part_of_day_after", j, j + 1)
        return j + 1
    return j


def day_month(r: Reader, i: int) -> Found | None:
    """ "6 January 1975", "the 19th of October 1950", "9 November", "10 and 11 May" (the second)."""
    if not r.on("times.found.day_month"):
        return None
    d = day(r, i)
    if d is None:
        return None
    j = i + 1
    if r.w(j) == "of":
        j += 1
    m = month(r, j, with_number=True)
    if m is None:
        return None
    c = r.cand("times.found.day_month", i, j + 1, "DATE", month=m, day=d, tok=j)
    return year_tail(r, j + 1, c), c


def year_tail(r: Reader, j: int, c: Cand) -> int:
    """An optional ", 1975" / "1975" / "of 1975" / "of last year" / "of that year" after a month or day."""
    k = j + 1 if r.w(j) in (",", "of") else j
    y = year(r, k, after_month=True) if r.on("times.found.year_after_date") else None
    if y is not None and (r.w(j) != "," or YEAR_RE.match(r.w(k))):
        c.year, c.bc = y.year, y.bc
        c.end = r.span(k, y.end)[1]
        r.fire(c, "times.found.year_after_date", k, y.end)
        return y.end
    of = int(r.w(j) == "of")  # "January of last year", "August last year" (one TIMEX3 in TimeML)
    if r.w(j + of) in ("last", "this", "next") and r.w(j + of + 1) == "year" \
            and r.w(j + of + 2) not in ("'s", "’s") and r.on("times.found.of_last_year"):
        c.year_shift = r.vocab.rel[r.w(j + of)]
        c.deictic = True
        c.end = r.span(j, j + of + 2)[1]
        r.fire(c, "times.found.of_last_year", j, j + of + 2)
        return j + of + 2
    if r.w(j) == "of" and r.w(j + 1) in ("that", "the") and r.w(j + 2) in ("year", "same") \
            and r.on("times.found.of_that_year"):
        end = j + 3 if r.w(j + 2) == "year" else j + 4
        c.that_year = True
        c.end = r.span(j, end)[1]
        r.fire(c, "times.found.of_that_year", j, end)
        return end
    return j


# -------------------------------------------------------------------------------------------- months


def month(r: Reader, i: int, *, with_number: bool) -> int | None:
    """A month name at token i. Alone (no day or year beside it) only when it cannot be the verb
    "may"/"march", a name ("April Smith") or a lowercase word ("august" as an adjective)."""
    w = r.w(i)
    tok = r.token(i)
    if tok is None:
        return None
    if w in r.vocab.months:
        if lowercase_month(r, tok):
            return None
        if with_number or _month_alone(r, i):
            return r.vocab.months[w]
        return None
    if w in r.vocab.month_abbr and with_number and tok.text[0].isupper():
        return r.vocab.month_abbr[w]
    return None


def lowercase_month(r: Reader, tok: Token) -> bool:
    """ "may", "march", "august" in lower case: the verb or the adjective, not the month."""
    return r.on("times.not.lowercase_month") and not tok.text[0].isupper()


def month_verb(r: Reader, tok: Token) -> bool:
    """ "May" tagged a modal or a verb ("He may or May not attend"): not the month."""
    return r.on("times.not.month_verb") and (tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"))


def _month_alone(r: Reader, i: int) -> bool:
    """Can the month name at i stand alone ("in June")?"""
    tok = r.doc[i]
    if month_verb(r, tok):
        return False
    nxt = r.token(i + 1)
    if r.on("times.not.month_in_name") and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() \
            and nxt.lower_ not in r.vocab.months and not nxt.lower_[:1].isdigit():
        return False
    return not (r.on("times.not.may_march_without_cue") and r.w(i) in ("may", "march")
                and r.w(i - 1) not in r.vocab.before_month_alone)


def month_first(r: Reader, i: int, need_number: bool = False) -> Found | None:
    """ "November 20, 1953", "April 24", "June 1940", "September of 1793", "June"."""
    m = month(r, i, with_number=True)
    if m is None:
        return None
    j = i + 1
    if r.w(j) == ".":  # "Sept. 5" split by the tokenizer
        j += 1
    d = day(r, j)
    if d is not None and not YEAR_RE.match(r.w(j)) and (r.w(j + 1) != ":") and r.on("times.found.month_day"):
        c = r.cand("times.found.month_day", i, j + 1, "DATE", month=m, day=d, tok=i)
        return year_tail(r, j + 1, c), c
    if not r.on("times.found.month"):
        return None
    c = r.cand("times.found.month", i, i + 1, "DATE", month=m, tok=i)
    end = year_tail(r, j if j > i + 1 else i + 1, c)
    if c.year is not None or c.that_year or c.year_shift is not None:
        return end, c
    if need_number or not r.on("times.found.month_alone") or month(r, i, with_number=False) is None:
        return None
    r.fire(c, "times.found.month_alone", i, i + 1)
    return i + 1, c


def season(r: Reader, i: int) -> Found | None:
    """ "summer 1918", "in the spring", "autumn of that year"."""
    w = r.w(i)
    if w not in r.vocab.seasons or r.doc[i].pos_ not in ("NOUN", "PROPN") or not r.on("times.found.season"):
        return None
    c = r.cand("times.found.season", i, i + 1, "DATE", season=r.vocab.seasons[w])
    end = year_tail(r, i + 1, c)
    if c.year is None and not c.that_year:
        if r.on("times.not.season_without_cue") and r.w(i - 1) not in r.vocab.before_season_alone:
            return None
        if r.on("times.not.season_phrase") and r.w(i + 1) in ("of", "-", "season"):
            return None  # "the spring of discontent", "spring-loaded"
    return end, c


def half(r: Reader, i: int) -> Found | None:
    """ "the first half of 2008" (TIMEX3: 2008-H1)."""
    w = r.w(i)
    if not (w in ("first", "second") and r.w(i + 1) == "half" and r.w(i + 2) == "of" and r.w(i - 1) == "the") \
            or not r.on("times.found.half"):
        return None
    c = r.cand("times.found.half", i, i + 2, "DATE", half=1 if w == "first" else 2)
    end = year_tail(r, i + 2, c)
    return (end, c) if c.year is not None or c.that_year or c.year_shift is not None else None


def quarter(r: Reader, i: int) -> Found | None:
    """ "the third quarter (of 2024)", "third-quarter", "Q3 2024"."""
    if not r.on("times.found.quarter"):
        return None
    w = r.w(i)
    q = r.vocab.ordinals.get(w) if r.w(i + 1) == "quarter" and r.w(i - 1) == "the" else None
    j = i + 2
    if q is None and r.w(i + 1) in ("-", "‑") and r.w(i + 2) == "quarter":
        q, j = r.vocab.ordinals.get(w), i + 3  # "third-quarter earnings" (TimeML: a DATE, 2024-Q3)
    if q is None and len(w) == 2 and w[0] == "q" and w[1] in "1234":
        q, j = int(w[1]), i + 1
    if q is None or not 1 <= q <= 4:
        return None
    c = r.cand("times.found.quarter", i, j, "DATE", quarter=q, month=None)
    end = year_tail(r, j, c)
    if c.year is None and not c.that_year and j == i + 1 and r.on("times.not.bare_q"):
        return None  # a bare "Q3" is too often something else
    return end, c


# -------------------------------------------------------------------------------------- years and more


def decade_century(r: Reader, i: int) -> Found | None:
    """ "the 1990s", "'90s", "the 1800s", "the 19th century", "the fifth century BC"."""
    w = r.w(i)
    m = DECADE_RE.match(w)
    if m:
        digits = m.group(1)
        if len(digits) == 2 and r.on("times.found.century"):  # "1800s" -> the 19th century ("18")
            return i + 1, r.cand("times.found.century", i, i + 1, "DATE", century=digits)
        if len(digits) == 3 and r.on("times.found.decade"):
            return i + 1, r.cand("times.found.decade", i, i + 1, "DATE", decade=digits)
    short = _SHORT_DECADE_RE.match(r.w(i + 1)) if w in ("'", "’") else None
    if short and r.on("times.found.decade"):
        return i + 2, r.cand("times.found.decade", i, i + 2, "DATE", decade="19" + short.group(1))
    m2 = _SHORT_DECADE_RE.match(w)
    if m2 and w[0] in "'’" and r.on("times.found.decade"):
        return i + 1, r.cand("times.found.decade", i, i + 1, "DATE", decade="19" + m2.group(1))
    nth = _CENTURY_ORD_RE.match(w)
    n = int(nth.group(1)) if nth else r.vocab.ordinals.get(w)
    if n and r.w(i + 1) in ("century", "-century") and r.on("times.found.century"):
        end = i + 2
        bc = r.w(end) in r.vocab.before_christ
        end += bc
        return end, r.cand("times.found.century", i, end, "DATE", century=f"{n - 1:02d}", bc=bc)
    return None


def year_expr(r: Reader, i: int) -> Found | None:
    """ "1914–1918" (split later), "mid-2023", "mid-1990s", "2000", "480 BC", "in 480" (BC stories)."""
    w = r.w(i)
    m = YEAR_RANGE_RE.match(w)
    if m and 1000 <= int(m.group(1)) <= 2200 and r.on("times.found.year_range"):
        return i + 1, r.cand("times.found.year_range", i, i + 1, "DATE", year=int(m.group(1)))  # (split_ranges)
    if r.on("times.found.mid_year"):
        mid = _MID_RE.match(w)
        if mid:
            return i + 1, r.cand("times.found.mid_year", i, i + 1, "DATE", year=int(mid.group(1)), mod="MID")
        mid_decade = _MID_DECADE_RE.match(w)
        if mid_decade:
            return i + 1, r.cand("times.found.mid_year", i, i + 1, "DATE", decade=mid_decade.group(1), mod="MID")
    y = year(r, i)
    if y is None:
        return short_year(r, i)
    if not r.on("times.found.year"):
        return None
    c = r.cand("times.found.year", i, y.end, "DATE", year=y.year, bc=y.bc)
    if y.because:  # (the evidence: the preposition that opens the clause)
        r.fire(c, y.because, i - 1, i)
    return y.end, c


class YearAt(NamedTuple):
    end: int  # the token after it
    year: int
    bc: bool
    because: str | None = None  # the rule that kept a number a year against a test that would have refused it


def year(r: Reader, i: int, *, after_month: bool = False) -> YearAt | None:
    """A year at token i. Plain 4-digit numbers are years unless they count something (the tests are skipped
    right after a month or a day, "June 2000")."""
    w = r.w(i)
    vocab = r.vocab
    if YEAR_RE.match(w):
        y = int(w)
        if not 1000 <= y <= 2200:
            return None
        because = None
        if not after_month:
            verdict = _counted(r, i)
            if verdict == "count":
                return None
            because = verdict
        end, bc = i + 1, False
        if r.w(end) in vocab.before_christ:
            end, bc = end + 1, True
        elif r.w(end) in vocab.anno_domini:
            end += 1
        return YearAt(end, y, bc, because)
    m = _SHORT_YEAR_RE.match(w)
    if m and after_month:
        return YearAt(i + 1, 1900 + int(m.group(1)), False)
    if w.isdigit() and len(w) <= 4 and r.w(i + 1) in vocab.before_christ:
        return YearAt(i + 2, int(w), True)
    if w.isdigit() and len(w) <= 4 and r.w(i + 1) in vocab.anno_domini and int(w) > 0:
        return YearAt(i + 2, int(w), False)
    if w in vocab.anno_domini and r.w(i + 1).isdigit() and len(r.w(i + 1)) <= 4:
        return YearAt(i + 2, int(r.w(i + 1)), False)
    return None


def _counted(r: Reader, i: int) -> str | None:
    """Does the 4-digit number at i count something ("count")? None when no test says so, or the name of
    the rule that kept it a year although a test would have refused it."""
    nxt = r.token(i + 1)
    low = nxt.lower_ if nxt is not None else ""
    if _counts_by_its_words(r, i, nxt, low):
        return "count"
    because = None
    if r.on("times.not.count_before_plural") and nxt is not None and (
            (nxt.tag_ in _NOT_YEAR_NEXT_TAGS and low not in r.vocab.months and low not in r.vocab.units)
            or low in ("%", "percent")):
        if _opens_clause_with_year(r, i):
            because = "times.found.year_opening_clause"
        elif _determined_year(r, i):
            because = "times.found.year_after_determiner"
        else:
            return "count"
    if r.on("times.not.broken_number") and r.w(i - 1) == "," and r.w(i - 2)[:1].isdigit() \
            and len(r.w(i - 2)) <= 3:
        return "count"  # "1,2000" style broken number
    return because


def _counts_by_its_words(r: Reader, i: int, nxt: Token | None, low: str) -> bool:
    """The words around the number say it counts: "$2000", "2100 UTC", "2000 of them", "the total is 1501"."""
    if r.on("times.not.count_after_cue") and r.w(i - 1) in r.vocab.not_year_before:
        return True
    if r.on("times.not.unit_after") and nxt is not None and (
            low in r.vocab.clock_zones or low in r.vocab.not_year_after
            or (nxt.text in ("-", "‑") and r.w(i + 2) in r.vocab.not_year_after)):
        return True  # "2100 UTC" is a clock time, "1770 km" a distance, "a 2000-km border"
    if r.on("times.not.count_of") and low == "of" and r.w(i + 2) in r.vocab.counted_after_of:
        return True  # "2000 of them"
    tok = r.token(i)
    # "the total number of those infected is 1501", "the toll rose to 1501"
    return r.on("times.not.figure_value") and tok is not None and value_of_figure(tok, r.vocab.figure_subjects)


def _determined_year(r: Reader, i: int) -> bool:
    """ "the 1777 campaigns", "its 2006 highs", "Russia's 2022 invasions": a determiner or possessor before a
    4-digit number written without a thousands separator makes it the year of what follows (news writes
    the count as "the 2,000 troops")."""
    prev = r.token(i - 1)
    return r.on("times.found.year_after_determiner") and prev is not None and (
        prev.tag_ in ("DT", "PRP$", "POS") and prev.lower_ not in r.vocab.quantifier_determiners)


def _opens_clause_with_year(r: Reader, i: int) -> bool:
    """ "By 2030 emissions will fall", "Since 2014 troops have ...": a temporal preposition opening
    the sentence (or a clause after a comma) before the number makes it a year, plural noun or not."""
    return r.on("times.found.year_opening_clause") and r.w(i - 1) in r.vocab.year_prepositions and (
        i - 1 == 0 or r.doc[i - 1].is_sent_start or r.w(i - 2) in (",", ";", ":", "—", "and", "but"))


def short_year(r: Reader, i: int) -> Found | None:
    """ "in 480" after "490 BC": a 2-3 digit year, kept only when the story is told in BC years."""
    w = r.w(i)
    if not (w.isdigit() and 2 <= len(w) <= 3) or r.w(i - 1) not in r.vocab.before_short_year \
            or not r.on("times.found.short_year_bc"):
        return None
    nxt = r.token(i + 1)
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or nxt.lower_ in ("%", "-", "–")):
        return None
    return i + 1, r.cand("times.found.short_year_bc", i, i + 1, "DATE", year=int(w), bc_only=True)
