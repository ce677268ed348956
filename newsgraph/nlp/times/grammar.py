"""Recognition of time expressions: a hand-written grammar over spaCy tokens.

``TimexGrammar.find(doc)`` walks the tokens once; at a token that can open a time expression
(a month, a number, "last", "the" ...) it tries the constructions below, longest first, and keeps
the first that matches. A match is a ``Cand``: a character span plus the calendar fields the text
states; values are computed later (``timex_resolve``) because they depend on context.

Extents follow TimeML: prepositions stay outside ("by December" -> "December"), determiners and
modifiers that belong to the expression stay inside ("the end of 1944", "early May", "the next day").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.tokens import Doc

from newsgraph.nlp import lexicon


def load_lexicon() -> dict[str, Any]:
    data: dict[str, Any] = lexicon.data("lexicons/times/times.json")
    return data


def load_count_units() -> set[str]:
    """First words of the units of measure and post-posed currencies the quantities stage knows
    ("2000 km", "1000 megawatt", "1500 hryvnias"): after them a 4-digit number counts, it is no year."""
    out: set[str] = set()
    for name, kinds in (("units.tsv", {"measure", "percent"}), ("currencies.tsv", {"post"})):
        for row in lexicon.rows(f"lexicons/quantities/{name}"):
            if len(row) >= 3 and row[2].strip() in kinds:
                out.add(row[0].split()[0].lower())
    return out


@dataclass
class Cand:
    """A recognised time expression before its value is known."""

    start: int  # character offsets
    end: int
    type: str  # DATE, TIME, DURATION, SET
    tok: int  # index of a token inside it (for tense and dependency look-ups)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: str | None = None  # "199" for the 1990s
    century: str | None = None  # "19" for the 20th century (TIMEX3: the first two digits)
    weekday: int | None = None  # 0 = Monday
    tod: str | None = None  # part of day "MO" or clock "11:00"
    unit: str | None = None  # unit of a relative expression: D, W, M, Y, Q, WE, DE, CE, H, MIN, S
    offset: int | None = None  # signed count of units for relative expressions; None = unknown count
    anchor: str | None = None  # "published", "narrative" or "either" (relative expressions only)
    literal: str | None = None  # a value known from the words alone (durations, sets, *_REF)
    mod: str | None = None
    bc: bool = False
    that_year: bool = False  # "August of that year": the year of the last narrated date
    year_shift: int | None = None  # "January of last year": publication year - 1
    bc_only: bool = False  # "in 480": a year only in a story told in years before Christ
    deictic: bool = False  # points at the publication date (counts towards news mode)
    pub_only: bool = False  # "today", "two years ago": the publication date even in a narrative
    by_tense: bool = False  # "the weekend": the one before publication in a past clause, else the next


_DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_YEAR_RE = re.compile(r"^\d{4}$")
_SHORT_YEAR_RE = re.compile(r"^['’](\d{2})$")
_YEAR_RANGE_RE = re.compile(r"^(\d{4})([–—-])(\d{2}|\d{4})$")
_DECADE_RE = re.compile(r"^(\d{2,3})0s$")
_SHORT_DECADE_RE = re.compile(r"^['’]?(\d)0s$")
_CLOCK_RE = re.compile(r"^(\d{1,2})[:.](\d{2})(?:hrs|h|am|pm|a\.m\.|p\.m\.)?$", re.I)
_HOUR_AMPM_RE = re.compile(r"^(\d{1,2})(am|pm|a\.m\.|p\.m\.)$", re.I)
_MID_RE = re.compile(r"^mid-?(\d{4})$", re.I)
_MID_DECADE_RE = re.compile(r"^mid-?(\d{3})0s$", re.I)
_NUM_RE = re.compile(r"^\d+(?:\.\d+)?$")
_HYPHEN_UNIT_RE = re.compile(r"^(\w+)-(second|minute|hour|day|week|month|year|decade|century)$", re.I)
_CENTURY_ORD_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_AMPM = {"am": 0, "a.m.": 0, "pm": 12, "p.m.": 12, "a.m": 0, "p.m": 12}
_BC = {"bc", "b.c.", "bce", "b.c", "b.c.e."}
_AD = {"ad", "a.d.", "ce", "a.d"}
_DASHES = {"-", "–", "—", "to", "through", "until"}
_UNIT_GRANULAR = {"D", "W", "M", "Y", "Q", "WE", "DE", "CE"}
_TIME_UNITS = {"S", "MIN", "H"}
_PLURAL_PREV_OK = {"for", "within", "over", "after", "in", "of", "lasted", "took", "last", "past",
                   "recent", "coming", "following", "next", "ensuing", "subsequent", "many", "several"}
_MONTH_PREV = {"in", "of", "since", "until", "till", "by", "from", "to", "during", "before", "after",
               "early", "late", "mid", "-", "through", "throughout", "between", "and", "or", "last",
               "next", "this", "that", "each", "every", "around", "on", "at", "into", "within"}
_SEASON_PREV = _MONTH_PREV | {"the", "this", "that", "last", "next", "previous", "following"}
_NOT_YEAR_NEXT_TAGS = {"NNS", "NNPS"}
_CLOCK_PREV = {"at", "by", "until", "till", "before", "after", "around", "about", "past", "from", "to", "since"}
_SHORT_YEAR_PREV = {"in", "by", "until", "since", "from", "of", "and", "to", "–", "-", "around", "ca.", "c."}
_COUNTED_AFTER_OF = {"them", "us", "those", "these", "whom", "which", "the", "its", "their", "our"}
_YEAR_PREPS = {"in", "by", "since", "until", "till", "before", "after", "during", "from", "through"}
_FY_RE = re.compile(r"^fy-?(\d{4})$")
_FREQUENCY_WORDS = {"once", "twice", "thrice"}
_BARE_DAY_PREV = {"on", "by", "until", "till", "since", "from", "before", "after", "to"}
_MILITARY_ZONES = {"gmt", "utc", "hrs", "z", "zulu"}
_DAY_OFFSETS = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1}
_CLOCK_ZONES = {"utc", "gmt", "hrs", "hours", "h", "local", "est", "edt", "cet", "msk", "z", "zulu", "bst", "pst"}


def _pod_code(code: str) -> str:
    return code[1:] if code.startswith("T") else code


class TimexGrammar:
    """The recogniser; every look-up table is built once here."""

    def __init__(self) -> None:
        lex = load_lexicon()
        self.months: dict[str, int] = lex["months"]
        self.month_abbr: dict[str, int] = lex["month_abbreviations"]
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.seasons: dict[str, str] = lex["seasons"]
        self.pods: dict[str, str] = lex["parts_of_day"]
        self.holidays: dict[tuple[str, ...], tuple[int, int]] = {
            tuple(k.replace("'s", " 's").split()): (v[0], v[1]) for k, v in lex["holidays"].items()
        }
        self.numbers: dict[str, float] = lex["number_words"]
        self.vague: set[tuple[str, ...]] = {tuple(v.split()) for v in lex["vague_numbers"]}
        self.ordinals: dict[str, int] = lex["ordinal_words"]
        self.units: dict[str, str] = lex["units"]
        self.mods_before: dict[str, str] = lex["modifiers_before"]
        self.approx: dict[tuple[str, ...], str] = {tuple(k.split()): v for k, v in lex["approximators"].items()}
        self.rel: dict[str, int] = lex["relative_words"]
        self.shift_after: dict[str, int] = {k: v for k, v in lex["shift_after"].items() if " " not in k}
        self.deictic: dict[str, str] = lex["deictic"]
        self.deictic_phrases: dict[tuple[str, ...], str] = {
            tuple(k.split()): v for k, v in lex["deictic_phrases"].items()
        }
        self.set_adverbs: dict[str, str] = lex["set_adverbs"]
        self.not_year_before: set[str] = set(lex["not_year_before"])
        self.not_year_after: set[str] = set(lex["not_year_after"]) | load_count_units()
        firsts: set[str] = set()
        for table in (self.months, self.month_abbr, self.weekdays, self.seasons, self.pods, self.numbers,
                      self.ordinals, self.units, self.mods_before, self.rel, self.deictic, self.set_adverbs):
            firsts.update(table)
        for phrases in (self.holidays, self.approx, self.deictic_phrases, self.vague):
            firsts.update(p[0] for p in phrases)
        firsts.update({"the", "every", "each", "per", "mid", "early", "late", "that", "'", "’", "fiscal", "fy"})
        firsts.update(_FREQUENCY_WORDS)
        self.triggers = frozenset(firsts)

    # ----------------------------------------------------------------------------------- the walk

    def find(self, doc: Doc) -> list[Cand]:
        self.doc = doc
        self.low = [t.lower_ for t in doc]
        self.n = len(doc)
        out: list[Cand] = []
        i = 0
        while i < self.n:
            w = self.low[i]
            if w in self.triggers or w[:1].isdigit() or w[:1] in "'’" or w.startswith(("mid", "fy")):
                end, cands = self._match(i)
                if cands:
                    out.extend(cands)
                    i = max(end, i + 1)
                    continue
            i += 1
        return out

    def _w(self, k: int) -> str:
        return self.low[k] if 0 <= k < self.n else ""

    def _span(self, i: int, j: int) -> tuple[int, int]:
        last = self.doc[j - 1]
        return self.doc[i].idx, last.idx + len(last.text)

    def _cand(self, i: int, j: int, type_: str, **fields: Any) -> Cand:
        s, e = self._span(i, j)
        return Cand(s, e, type_, fields.pop("tok", i), **fields)

    def _match(self, i: int) -> tuple[int, list[Cand]]:
        for rule in (self._deictic_phrase, self._fiscal_year, self._modified, self._set, self._quantity,
                     self._relative, self._year_pair, self._date_core_any, self._deictic_word):
            end, cands = rule(i)
            if cands:
                return end, cands
        return i, []

    def _fiscal_year(self, i: int) -> tuple[int, list[Cand]]:
        """ "fiscal 2024", "fiscal year 2025", "FY2025": TimeML writes a fiscal year FY2025."""
        w = self._w(i)
        m = _FY_RE.match(w)
        if m:
            return i + 1, [self._cand(i, i + 1, "DATE", literal=f"FY{m.group(1)}")]
        if w not in ("fiscal", "fy"):
            return i, []
        j = i + 1 + (self._w(i + 1) == "year")
        if _YEAR_RE.match(self._w(j)) and 1000 <= int(self._w(j)) <= 2200:
            return j + 1, [self._cand(i, j + 1, "DATE", literal=f"FY{self._w(j)}", tok=j)]
        return i, []

    def _date_core_any(self, i: int) -> tuple[int, list[Cand]]:
        listed = self._day_list(i)
        if listed is not None:
            return listed
        listed = self._month_list(i)
        if listed is not None:
            return listed
        pod = self._pod_of_date(i)
        if pod is not None:
            return pod
        j = i + 1 if self._w(i) == "the" else i
        res = self._date_core(j)
        if res is None:
            return i, []
        end, cand = res
        if j > i and not (cand.day or cand.decade or cand.century or cand.season or cand.tod or cand.quarter
                          or cand.half):
            j = i + 1  # "the" belongs only to "the 1990s", "the 19th of ...", "the spring of ..."
        elif j > i:
            cand.start = self.doc[i].idx
        return end, [cand]

    def _day_list(self, i: int) -> tuple[int, list[Cand]] | None:
        """ "14 and 24 August", "5–9 September 1914": two days sharing one month (and year)."""
        d1 = self._day(i)
        if d1 is None or self._w(i + 1) not in ("and", "-", "–", "—", "to", "or", "&") or self._w(i) in self.ordinals:
            return None
        res = self._day_month(i + 2)
        if res is None:
            return None
        end, second = res
        first = self._cand(i, i + 1, "DATE", month=second.month, day=d1, year=second.year, bc=second.bc,
                           that_year=second.that_year, tok=second.tok)
        return end, [first, second]

    def _month_list(self, i: int) -> tuple[int, list[Cand]] | None:
        """ "May and June 1940", "summer and autumn 1918": the first shares the year of the second."""
        w = self._w(i)
        first_month = self.months.get(w) if self.doc[i].text[:1].isupper() else None
        season = self.seasons.get(w)
        if (first_month is None and season is None) or self._w(i + 1) not in ("and", "or", "-", "–", "to"):
            return None
        res = self._month_first(i + 2, need_number=True) if first_month else self._season(i + 2)
        if res is None or res[1].year is None or res[1].day is not None:
            return None
        end, second = res
        first = self._cand(i, i + 1, "DATE", month=first_month, season=season, year=second.year,
                           bc=second.bc)
        return end, [first, second]

    def _pod_of_date(self, i: int) -> tuple[int, list[Cand]] | None:
        """ "the night of April 18, 1775", "the morning of 31 January 1965": a TIME on that date."""
        j = i + 1 if self._w(i) == "the" else i
        if self._w(j) == "early" or self._w(j) == "late":
            j += 1
        w = self._w(j)
        if w not in self.pods or self.pods[w].startswith("T") or self._w(j + 1) != "of":
            return None
        res = self._date_core(j + 2)
        if res is None or res[1].type != "DATE" or (res[1].day is None and res[1].month is None):
            return None
        end, c = res
        c.start, c.type, c.tod = self.doc[i].idx, "TIME", self.pods[w]
        return end, [c]

    # ---------------------------------------------------------------------------------- numbers

    def _count(self, i: int) -> tuple[int, float | None] | None:
        """A count at token i: digits, number words, "a", "a few" (None = unknown). Returns (end, value)."""
        w = self._w(i)
        for phrase in self.vague:
            if tuple(self.low[i : i + len(phrase)]) == phrase:
                return i + len(phrase), None
        if _NUM_RE.match(w):
            value = _numeral(w)
            return None if value is None else (i + 1, value)
        if w in self.numbers:
            value = self.numbers[w]
            k = i + 1
            nxt = self._w(k)
            if nxt == "-" and self._w(k + 1) in self.numbers:  # "twenty - five"
                value += self.numbers[self._w(k + 1)]
                k += 2
            elif value >= 20 and nxt in self.numbers and self.numbers[nxt] < 10 and nxt not in ("a", "an"):
                value += self.numbers[nxt]
                k += 1
            if nxt in ("hundred",) and w not in ("a", "an", "hundred"):
                value *= 100
                k += 1
            if nxt == "and" and self._w(k + 1) == "a" and self._w(k + 2) == "half":  # "two and a half"
                value += 0.5
                k += 3
            return k, value
        if "-" in w:
            parts = w.split("-")
            if all(p in self.numbers for p in parts):
                return i + 1, sum(self.numbers[p] for p in parts)
        return None

    def _day(self, i: int) -> int | None:
        w = self._w(i)
        m = _DAY_RE.match(w)
        if m:
            d = int(m.group(1))
            return d if 1 <= d <= 31 else None
        return self.ordinals.get(w) if self.ordinals.get(w, 99) <= 31 else None

    def _month(self, i: int, *, with_number: bool) -> int | None:
        """A month name at token i. Alone (no day or year beside it) only when it cannot be the verb
        "may"/"march", a name ("April Smith") or a lowercase word ("august" as an adjective)."""
        w = self._w(i)
        tok = self.doc[i] if 0 <= i < self.n else None
        if tok is None:
            return None
        if w in self.months:
            if not tok.text[0].isupper():
                return None
            if with_number:
                return self.months[w]
            if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"):
                return None
            nxt = self.doc[i + 1] if i + 1 < self.n else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() \
                    and nxt.lower_ not in self.months and not nxt.lower_[:1].isdigit():
                return None
            if w in ("may", "march") and self._w(i - 1) not in _MONTH_PREV:
                return None
            return self.months[w]
        if w in self.month_abbr and with_number and tok.text[0].isupper():
            return self.month_abbr[w]
        return None

    def _year(self, i: int, *, after_month: bool = False) -> tuple[int, int, bool] | None:
        """A year at token i: (end, year, bc). Plain 4-digit numbers are years unless they count something."""
        w = self._w(i)
        if _YEAR_RE.match(w):
            y = int(w)
            if not 1000 <= y <= 2200:
                return None
            if not after_month:
                if self._w(i - 1) in self.not_year_before:
                    return None
                nxt = self.doc[i + 1] if i + 1 < self.n else None
                if nxt is not None and (nxt.lower_ in _CLOCK_ZONES or nxt.lower_ in self.not_year_after):
                    return None  # "2100 UTC" is a clock time, "1770 km" a distance
                if nxt is not None and nxt.text in ("-", "‑") and self._w(i + 2) in self.not_year_after:
                    return None  # "a 2000-km border"
                if nxt is not None and nxt.lower_ == "of" and self._w(i + 2) in _COUNTED_AFTER_OF:
                    return None  # "2000 of them"
                if nxt is not None and ((nxt.tag_ in _NOT_YEAR_NEXT_TAGS and nxt.lower_ not in self.months
                                        and nxt.lower_ not in self.units) or nxt.lower_ in ("%", "percent")) \
                        and not self._opens_clause_with_year(i):
                    return None
                if self._w(i - 1) == "," and self._w(i - 2)[:1].isdigit() and len(self._w(i - 2)) <= 3:
                    return None  # "1,2000" style broken number
            end, bc = i + 1, False
            if self._w(end) in _BC:
                end, bc = end + 1, True
            elif self._w(end) in _AD:
                end += 1
            return end, y, bc
        m = _SHORT_YEAR_RE.match(w)
        if m and after_month:
            return i + 1, 1900 + int(m.group(1)), False
        if w.isdigit() and len(w) <= 4 and self._w(i + 1) in _BC:
            return i + 2, int(w), True
        if w.isdigit() and len(w) <= 4 and self._w(i + 1) in _AD and int(w) > 0:
            return i + 2, int(w), False
        if w in _AD and self._w(i + 1).isdigit() and len(self._w(i + 1)) <= 4:
            return i + 2, int(self._w(i + 1)), False
        return None

    def _opens_clause_with_year(self, i: int) -> bool:
        """ "By 2030 emissions will fall", "Since 2014 troops have ...": a temporal preposition opening
        the sentence (or a clause after a comma) before the number makes it a year, plural noun or not."""
        return self._w(i - 1) in _YEAR_PREPS and (i - 1 == 0 or self.doc[i - 1].is_sent_start
                                                  or self._w(i - 2) in (",", ";", ":", "—", "and", "but"))

    # ------------------------------------------------------------------------------ calendar dates

    def _date_core(self, i: int) -> tuple[int, Cand] | None:
        """Absolute or partial calendar dates and clock times starting exactly at token i."""
        for rule in (self._holiday, self._weekday_date, self._day_month, self._month_first, self._season,
                     self._quarter, self._decade_century, self._year_expr, self._clock, self._bare_ordinal_day):
            res = rule(i)
            if res is not None:
                return res
        return None

    def _bare_ordinal_day(self, i: int) -> tuple[int, Cand] | None:
        """ "on the 20th": a day of the month named alone (not "the 20th century", "the 2nd battalion")."""
        if self._w(i - 1) != "the" or self._w(i - 2) not in _BARE_DAY_PREV:
            return None  # ("the" joins the extent in _date_core_any)
        w = self._w(i)
        if not (w[:1].isdigit() and w.endswith(("st", "nd", "rd", "th"))):
            return None
        day = self._day(i)
        nxt = self.doc[i + 1] if i + 1 < self.n else None
        if day is None or (nxt is not None and nxt.is_alpha and nxt.pos_ not in ("ADP", "CCONJ", "SCONJ")):
            return None
        return i + 1, self._cand(i, i + 1, "DATE", day=day)

    def _holiday(self, i: int) -> tuple[int, Cand] | None:
        for words, (m, d) in self.holidays.items():
            if tuple(self.low[i : i + len(words)]) == words:
                j = i + len(words)
                nxt = self.doc[j] if j < self.n else None
                if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                    return None  # "the Christmas Charity" is a name
                c = self._cand(i, j, "DATE", month=m, day=d)
                y = self._year(j, after_month=True)
                if y:
                    c.year, c.bc = y[1], y[2]
                    c.end = self._span(i, y[0])[1]
                    j = y[0]
                return j, c
        return None

    def _weekday_date(self, i: int) -> tuple[int, Cand] | None:
        w = self._w(i)
        if w not in self.weekdays or not self.doc[i].text[0].isupper():
            return None
        j = i + 1
        if self._w(j) == ",":
            j += 1
        k = j + 1 if self._w(j) == "the" else j
        res = self._day_month(k) or self._month_first(k, need_number=True)
        if res is not None:
            end, c = res
            c.start = self.doc[i].idx
            c.weekday = self.weekdays[w]
            return end, c
        c = self._cand(i, i + 1, "DATE", weekday=self.weekdays[w], deictic=True)
        end = self._attach_pod(i + 1, c)
        return end, c

    def _attach_pod(self, j: int, c: Cand) -> int:
        """ "Monday morning", "June 6 evening": a part of day right after a date makes it a TIME."""
        w = self._w(j)
        if w in self.pods and w not in ("noon", "midnight", "midday", "tonight"):
            c.tod = _pod_code(self.pods[w])
            c.type = "TIME"
            c.end = self._span(j, j + 1)[1]
            return j + 1
        return j

    def _day_month(self, i: int) -> tuple[int, Cand] | None:
        """ "6 January 1975", "the 19th of October 1950", "9 November", "10 and 11 May" (the first)."""
        d = self._day(i)
        if d is None:
            return None
        j = i + 1
        if self._w(j) == "of":
            j += 1
        m = self._month(j, with_number=True)
        if m is None:
            return None
        c = self._cand(i, j + 1, "DATE", month=m, day=d, tok=j)
        return self._year_tail(j + 1, c), c

    def _year_tail(self, j: int, c: Cand) -> int:
        """An optional ", 1975" / "1975" / "of 1975" / "of that year" after a month or day."""
        k = j + 1 if self._w(j) in (",", "of") else j
        y = self._year(k, after_month=True)
        if y is not None and (self._w(j) != "," or _YEAR_RE.match(self._w(k))):
            c.year, c.bc = y[1], y[2]
            c.end = self._span(k, y[0])[1]
            return y[0]
        of = self._w(j) == "of"  # "January of last year", "August last year" (one TIMEX3 in TimeML)
        if self._w(j + of) in ("last", "this", "next") and self._w(j + of + 1) == "year" \
                and self._w(j + of + 2) not in ("'s", "’s"):
            c.year_shift = self.rel[self._w(j + of)]
            c.deictic = True
            c.end = self._span(j, j + of + 2)[1]
            return j + of + 2
        if self._w(j) == "of" and self._w(j + 1) in ("that", "the") and self._w(j + 2) in ("year", "same"):
            end = j + 3 if self._w(j + 2) == "year" else j + 4
            c.that_year = True
            c.end = self._span(j, end)[1]
            return end
        return j

    def _month_first(self, i: int, need_number: bool = False) -> tuple[int, Cand] | None:
        """ "November 20, 1953", "April 24", "June 1940", "September of 1793", "June"."""
        m = self._month(i, with_number=True)
        if m is None:
            return None
        j = i + 1
        if self._w(j) == ".":  # "Sept. 5" split by the tokenizer
            j += 1
        d = self._day(j)
        if d is not None and not _YEAR_RE.match(self._w(j)) and (self._w(j + 1) != ":"):
            c = self._cand(i, j + 1, "DATE", month=m, day=d, tok=i)
            return self._year_tail(j + 1, c), c
        c = self._cand(i, i + 1, "DATE", month=m, tok=i)
        end = self._year_tail(j if j > i + 1 else i + 1, c)
        if c.year is not None or c.that_year or c.year_shift is not None:
            return end, c
        if need_number or self._month(i, with_number=False) is None:
            return None
        return i + 1, c

    def _season(self, i: int) -> tuple[int, Cand] | None:
        w = self._w(i)
        if w not in self.seasons or self.doc[i].pos_ not in ("NOUN", "PROPN"):
            return None
        c = self._cand(i, i + 1, "DATE", season=self.seasons[w])
        end = self._year_tail(i + 1, c)
        if c.year is None and not c.that_year and self._w(i - 1) not in _SEASON_PREV:
            return None
        if c.year is None and not c.that_year and self._w(i + 1) in ("of", "-", "season"):
            return None  # "the spring of discontent", "spring-loaded"
        return end, c

    def _quarter(self, i: int) -> tuple[int, Cand] | None:
        """ "the third quarter (of 2024)", "Q3 2024"."""
        w = self._w(i)
        if w in ("first", "second") and self._w(i + 1) == "half" and self._w(i + 2) == "of" \
                and self._w(i - 1) == "the":  # "the first half of 2008" (TIMEX3: 2008-H1)
            c = self._cand(i, i + 2, "DATE", half=1 if w == "first" else 2)
            end = self._year_tail(i + 2, c)
            return (end, c) if c.year is not None or c.that_year or c.year_shift is not None else None
        q = self.ordinals.get(w) if self._w(i + 1) == "quarter" and self._w(i - 1) == "the" else None
        j = i + 2
        if q is None and self._w(i + 1) in ("-", "‑") and self._w(i + 2) == "quarter":
            q, j = self.ordinals.get(w), i + 3  # "third-quarter earnings" (TimeML: a DATE, 2024-Q3)
        if q is None and len(w) == 2 and w[0] == "q" and w[1] in "1234":
            q, j = int(w[1]), i + 1
        if q is None or not 1 <= q <= 4:
            return None
        c = self._cand(i, j, "DATE", quarter=q, month=None)
        end = self._year_tail(j, c)
        if c.year is None and not c.that_year and j == i + 1:
            return None  # a bare "Q3" is too often something else
        return end, c

    def _decade_century(self, i: int) -> tuple[int, Cand] | None:
        w = self._w(i)
        m = _DECADE_RE.match(w)
        if m:
            digits = m.group(1)
            if len(digits) == 2:  # "1800s" -> the 19th century ("18")
                return i + 1, self._cand(i, i + 1, "DATE", century=digits)
            return i + 1, self._cand(i, i + 1, "DATE", decade=digits)
        if w in ("'", "’") and _SHORT_DECADE_RE.match(self._w(i + 1)):
            d = _SHORT_DECADE_RE.match(self._w(i + 1))
            assert d is not None
            return i + 2, self._cand(i, i + 2, "DATE", decade="19" + d.group(1))
        m2 = _SHORT_DECADE_RE.match(w)
        if m2 and w[0] in "'’":
            return i + 1, self._cand(i, i + 1, "DATE", decade="19" + m2.group(1))
        nth = _CENTURY_ORD_RE.match(w)
        n = int(nth.group(1)) if nth else self.ordinals.get(w)
        if n and self._w(i + 1) in ("century", "-century"):
            end = i + 2
            bc = self._w(end) in _BC
            end += bc
            return end, self._cand(i, end, "DATE", century=f"{n - 1:02d}", bc=bc)
        return None

    def _year_expr(self, i: int) -> tuple[int, Cand] | None:
        w = self._w(i)
        m = _YEAR_RANGE_RE.match(w)
        if m:
            y1 = int(m.group(1))
            if 1000 <= y1 <= 2200:
                return i + 1, self._cand(i, i + 1, "DATE", year=y1)  # split later by _split_range
        mid = _MID_RE.match(w)
        if mid:
            return i + 1, self._cand(i, i + 1, "DATE", year=int(mid.group(1)), mod="MID")
        mid_decade = _MID_DECADE_RE.match(w)
        if mid_decade:
            return i + 1, self._cand(i, i + 1, "DATE", decade=mid_decade.group(1), mod="MID")
        y = self._year(i)
        if y is None:
            return self._short_year(i)
        return y[0], self._cand(i, y[0], "DATE", year=y[1], bc=y[2])

    def _short_year(self, i: int) -> tuple[int, Cand] | None:
        """ "in 480" after "490 BC": a 2-3 digit year, kept only when the story is told in BC years."""
        w = self._w(i)
        if not (w.isdigit() and 2 <= len(w) <= 3) or self._w(i - 1) not in _SHORT_YEAR_PREV:
            return None
        nxt = self.doc[i + 1] if i + 1 < self.n else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or nxt.lower_ in ("%", "-", "–")):
            return None
        return i + 1, self._cand(i, i + 1, "DATE", year=int(w), bc_only=True)

    def _year_pair(self, i: int) -> tuple[int, list[Cand]]:
        """ "1914-18": the tokenizer keeps "18" apart; it is the year 1918."""
        y = self._year(i)
        if y is None or y[2] or self._w(y[0]) not in ("-", "–", "—"):
            return i, []
        tail = self._w(y[0] + 1)
        if not (len(tail) == 2 and tail.isdigit()):
            return i, []
        y2 = (y[1] // 100) * 100 + int(tail)
        if y2 <= y[1]:
            y2 += 100
        return y[0] + 2, [self._cand(i, y[0], "DATE", year=y[1]),
                          self._cand(y[0] + 1, y[0] + 2, "DATE", year=y2)]

    def _clock(self, i: int) -> tuple[int, Cand] | None:
        w = self._w(i)
        if w in ("noon", "midnight", "midday") and self._w(i - 1) in _CLOCK_PREV:
            return i + 1, self._cand(i, i + 1, "TIME", tod=self.pods[w][1:])
        m = _CLOCK_RE.match(w)
        hour = minute = None
        j = i + 1
        if m:
            hour, minute = int(m.group(1)), int(m.group(2))
            if w.endswith(("pm", "p.m.")) and hour < 12:
                hour += 12
        else:
            m2 = _HOUR_AMPM_RE.match(w)
            if m2:
                hour, minute = int(m2.group(1)), 0
                if m2.group(2).lower().startswith("p") and hour < 12:
                    hour += 12
            elif (w.isdigit() and self._w(i + 1) in _AMPM) or self._w(i + 1) == "o'clock":
                if not w.isdigit():
                    return None
                hour, minute = int(w), 0
            elif len(w) == 4 and w.isdigit() and self._w(i + 1) in _MILITARY_ZONES:
                hour, minute = int(w[:2]), int(w[2:])  # "1922 UTC", "0600 GMT"
                m = _CLOCK_RE.match(f"{w[:2]}:{w[2:]}")
        if hour is None or minute is None or hour > 24 or minute > 59:
            return None
        if self._w(j) in _AMPM:
            if _AMPM[self._w(j)] and hour < 12:
                hour += 12
            j += 1
        elif self._w(j) == "o'clock":
            j += 1
        elif not m or (m and ":" not in w and not w.endswith(("hrs", "am", "pm", "a.m.", "p.m."))
                       and not (w.isdigit() and self._w(j) in _MILITARY_ZONES)):
            return None  # "3.5" is a number, not a time
        if self._w(j) in _MILITARY_ZONES:
            j += 1
        c = self._cand(i, j, "TIME", tod=f"{hour:02d}:{minute:02d}")
        day = self.deictic.get(self._w(j))
        if day in _DAY_OFFSETS:  # "1922 UTC yesterday", "8.10am today": one TIMEX3 (TimeML)
            c.end, c.unit, c.offset, c.anchor = self.doc[j].idx + len(self.doc[j]), "D", _DAY_OFFSETS[day], "published"
            c.deictic = c.pub_only = True
            return j + 1, c
        k = j + 1 if self._w(j) == "," else j  # ("at 11 a.m. on 11 November": two expressions)
        dated = self._day_month(k) or self._month_first(k, need_number=True) if k < self.n else None
        if dated is not None and dated[1].day is not None:  # "5:03 AM, February 10, 2019"
            end, d = dated
            d.start, d.type, d.tod, d.tok = c.start, "TIME", c.tod, c.tok
            return end, d
        return j, c

    # ----------------------------------------------------------------------- modified dates ("early May")

    def _modified(self, i: int) -> tuple[int, list[Cand]]:
        """ "early 1941", "mid-March", "late in 1957", "the end of April", "the beginning of the year"."""
        w = self._w(i)
        j = None
        mod = None
        if w in ("early", "late", "mid") or (w == "middle" and self._w(i + 1) == "of"):
            mod = self.mods_before[w]
            j = i + 1
            if self._w(j) in ("-", "in") or (w == "middle" and self._w(j) == "of"):
                j += 1
        elif w == "the" and self._w(i + 1) in self.mods_before and self._w(i + 2) == "of":
            mod = self.mods_before[self._w(i + 1)]
            j = i + 3
        elif w == "the" and self._w(i + 1) in ("early", "late", "mid") and _DECADE_RE.match(self._w(i + 2)):
            mod = self.mods_before[self._w(i + 1)]  # "the late 1990s": the determiner is in the extent
            j = i + 2
        elif w.startswith("mid-") and self._month(i, with_number=True) is None:
            rest = w[4:]
            if rest in self.months:
                c = self._cand(i, i + 1, "DATE", month=self.months[rest], mod="MID")
                return self._year_tail(i + 1, c), [c]
            return i, []
        if j is None or mod is None:
            return i, []
        res = self._date_core(j)
        if res is None:
            res2 = self._relative_at(j, allow_bare_the=True)
            if res2 is None and self.deictic.get(self._w(j)) in ("TODAY", "YESTERDAY", "TOMORROW", "TONIGHT"):
                end, found = self._deictic_word(j)  # "early yesterday morning", "late tonight"
                res2 = (end, found[0]) if found else None
            if res2 is None:
                return i, []
            end, c = res2
        else:
            end, c = res
            if c.type == "TIME" and c.tod and ":" in c.tod:
                return i, []
        c.start = self.doc[i].idx
        c.mod = mod
        return end, [c]

    # ------------------------------------------------------------------------------- relative dates

    def _relative(self, i: int) -> tuple[int, list[Cand]]:
        if self._w(i) == "the" and self._w(i + 1) == "weekend" and self._w(i + 2) != "of":
            # "over the weekend": the weekend nearest publication, in the direction of the tense
            return i + 2, [self._cand(i, i + 2, "DATE", unit="WE", offset=0, anchor="published", tok=i + 1,
                                      deictic=True, by_tense=True)]
        res = self._relative_at(i, allow_bare_the=False)
        return (res[0], [res[1]]) if res else (i, [])

    def _relative_at(self, i: int, allow_bare_the: bool) -> tuple[int, Cand] | None:
        """ "last week", "this year", "the next day", "that same day", "the previous April",
        "next Monday", "this morning", "last night" (and "the year" after a modifier)."""
        j = i
        the = self._w(j) == "the"
        if the:
            j += 1
        offset: int | None = None
        words = 0
        while self._w(j) in self.rel and words < 2:
            offset = self.rel[self._w(j)] if offset is None or self._w(j) != "same" else offset
            j += 1
            words += 1
        if offset is None and not (allow_bare_the and the):
            return None
        first = self._w(i + the)
        if offset is None:
            offset, anchor = 0, "either"
        elif the or first in ("that", "same"):
            anchor = "narrative" if first in ("next", "following", "previous", "preceding", "same", "that",
                                              "ensuing", "subsequent", "prior") else "either"
        else:
            anchor = "published"
        w = self._w(j)
        if first in ("last", "past") and the:
            anchor = "either"
        deictic = anchor == "published"
        if w in self.units and self.units[w] in _UNIT_GRANULAR and not w.endswith("s"):
            unit = self.units[w]
            if the and first in ("past", "last") and unit not in ("WE",):
                # "the past week" is a span of time that ends now (TimeML: a DURATION)
                return j + 1, self._cand(i, j + 1, "DURATION", literal=_duration(1, unit), tok=j)
            return j + 1, self._cand(i, j + 1, "DATE", unit=unit, offset=offset, anchor=anchor, tok=j,
                                     deictic=deictic)
        if w in self.units and w.endswith("s") and offset is not None and not (offset == 0 and the):
            unit = self.units[w]  # "the following days", "the coming years"
            return j + 1, self._cand(i, j + 1, "DURATION", literal=_duration(None, unit), tok=j)
        if (w in self.weekdays and offset != 0) or (w in self.weekdays and first == "this"):
            return j + 1, self._cand(i, j + 1, "DATE", weekday=self.weekdays[w], offset=offset,
                                     anchor=anchor, tok=j, deictic=True)
        if w in self.months and j > i + the:
            return j + 1, self._cand(i, j + 1, "DATE", month=self.months[w], offset=offset, anchor=anchor,
                                     tok=j)
        if w in self.seasons and j > i + the:
            return j + 1, self._cand(i, j + 1, "DATE", season=self.seasons[w], offset=offset, anchor=anchor,
                                     tok=j)
        if w in self.pods and j > i + the and not self.pods[w].startswith("T"):
            code = self.pods[w]
            day_offset = -1 if (first == "last" and code == "NI") else (0 if offset == -1 else offset)
            return j + 1, self._cand(i, j + 1, "TIME", unit="D", offset=day_offset, anchor=anchor, tod=code,
                                     tok=j, deictic=deictic)
        return None

    def _quantity(self, i: int) -> tuple[int, list[Cand]]:
        """Durations and shifts: "three years", "about a week", "two weeks later", "five years ago",
        "the next two weeks", "eight-hour", "month-long", "weeks"."""
        j = i
        mod = None
        for phrase, code in self.approx.items():
            if tuple(self.low[j : j + len(phrase)]) == phrase:
                if self._w(j + len(phrase)) == "the":
                    return i, []  # "over the past two years": a preposition, not "more than"
                mod, j = code, j + len(phrase)
                break
        the_rel = None
        if self._w(j) == "the" and self._w(j + 1) in ("next", "past", "last", "first", "following",
                                                      "previous", "coming", "final"):
            the_rel = self._w(j + 1)
            j += 2
        w = self._w(j)
        hy = _HYPHEN_UNIT_RE.match(w)
        hn = None if hy is None else self.numbers.get(hy.group(1), _numeral(hy.group(1)))
        if hy and hn is not None:
            unit = self.units[hy.group(2)]
            return j + 1, [self._cand(i, j + 1, "DURATION", literal=_duration(hn, unit), mod=mod, tok=j)]
        counted = self._count(j)
        if counted is None:
            if w in self.units and w.endswith("s") and self.units[w] not in ("Q", "WE", "FN"):
                return self._bare_plural(i, j, mod)
            if w in self.units and self._w(j + 1) == "-" and self._w(j + 2) == "long":
                return j + 3, [self._cand(i, j + 3, "DURATION", literal=_duration(1, self.units[w]), tok=j)]
            return i, []
        k, n = counted
        if self._w(k) == "-":
            k += 1
        unit_word = self._w(k)
        if unit_word not in self.units or self.units[unit_word] in ("Q",):
            return i, []
        if self.units[unit_word] in ("FN",):
            unit, n = "W", (n * 2 if n is not None else None)
        else:
            unit = self.units[unit_word]
        nxt = self.doc[k + 1] if k + 1 < self.n else None
        if unit_word == "second" and nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
            return i, []  # "for a second time", "a second attack": the ordinal
        if w in ("a", "an") and counted[0] == j + 1 and unit_word.endswith("s"):
            return i, []
        end = k + 1
        if self._w(end) == "-" and self._w(end + 1) in ("long", "old"):
            end += 2
        elif self._w(end) == "old":
            end += 1
        after = self._w(end)
        if after in self.shift_after and the_rel is None and after not in ("on",):
            if after in ("after", "before", "prior") and not self._shift_has_anchor(end + 1):
                return end, [self._cand(i, end, "DURATION", literal=_duration(n, unit), mod=mod, tok=k)]
            sign = self.shift_after[after]
            anchor = "published" if after == "ago" else "narrative"
            shift = None if n is None else int(sign * n) if n == int(n) else None
            c = self._cand(i, end + 1, "DATE", unit=unit, offset=shift, anchor=anchor, tok=end,
                           deictic=after == "ago", pub_only=after == "ago")
            if after in ("after", "before", "prior"):  # "two days after the attack": the anchor is an event
                c.end = self._span(i, end + 1)[1]
            if n is None:
                c.literal = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return end + 1, [c]
        if w in ("a", "an") and self._w(i - 1) in ("once", "twice", "thrice", "times"):
            return end, [self._cand(i, end, "SET", literal=_duration(1, unit), tok=k)]
        if w in ("a", "an") and k == j + 1 and mod is None and the_rel is None and self._w(i - 1) not in (
                "for", "within", "in", "over", "after", "than", "of", "about", "lasted", "took", "nearly",
                "almost", "least", "spent", "last", "past", "than", "around", "only", "just", "another", "half"):
            return i, []
        if the_rel == "first" or the_rel == "final":
            return end, [self._cand(i, end, "DURATION", literal=_duration(n, unit), mod=mod, tok=k)]
        return end, [self._cand(i, end, "DURATION", literal=_duration(n, unit), mod=mod, tok=k)]

    def _shift_has_anchor(self, k: int) -> bool:
        """After "two days after", is there something to count from (a date, an event noun)?"""
        return k < self.n and self.doc[k].pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ", "PUNCT")

    def _bare_plural(self, i: int, j: int, mod: str | None) -> tuple[int, list[Cand]]:
        """ "for years", "weeks of reports": an unknown count of a unit (TIMEX3: PXY, PXW)."""
        if mod is None and self._w(j - 1) not in _PLURAL_PREV_OK:
            return i, []
        if self._w(j + 1) in ("old", "'", "’"):
            return i, []
        unit = self.units[self._w(j)]
        after = self._w(j + 1)
        if after in ("later", "earlier", "ago"):
            lit = "FUTURE_REF" if after == "later" else "PAST_REF"
            return j + 2, [self._cand(i, j + 2, "DATE", literal=lit, tok=j)]
        return j + 1, [self._cand(i, j + 1, "DURATION", literal=_duration(None, unit), mod=mod, tok=j)]

    # ------------------------------------------------------------------------------------------ sets

    def _set(self, i: int) -> tuple[int, list[Cand]]:
        w = self._w(i)
        if w in _FREQUENCY_WORDS and self._w(i + 1) in ("a", "an", "per", "every", "each"):
            unit = self.units.get(self._w(i + 2))  # "twice a week": the whole phrase is the SET
            if unit in _UNIT_GRANULAR | _TIME_UNITS and unit != "Q" and not self._w(i + 2).endswith("s"):
                return i + 3, [self._cand(i, i + 3, "SET", literal=_duration(1, unit or "D"))]
        if w in self.set_adverbs and self.doc[i].pos_ in ("ADV", "ADJ"):
            return i + 1, [self._cand(i, i + 1, "SET", literal=self.set_adverbs[w])]
        if w not in ("every", "each", "per"):
            return i, []
        j = i + 1
        n = 1.0
        if self._w(j) == "other":
            n, j = 2.0, j + 1
        else:
            counted = self._count(j)
            if counted is not None and counted[1] is not None and self._w(j) not in ("a", "an"):
                j, n = counted[0], counted[1] or 1.0
        x = self._w(j)
        if w == "per" and self.units.get(x) in _TIME_UNITS:
            return i, []  # "km per hour", "rounds per minute" are rates, not recurring times
        if x in self.units and self.units[x] in _UNIT_GRANULAR | _TIME_UNITS and self.units[x] != "Q":
            return j + 1, [self._cand(i, j + 1, "SET", literal=_duration(n, self.units[x]))]
        if x in self.weekdays:
            return j + 1, [self._cand(i, j + 1, "SET", literal=f"XXXX-WXX-{self.weekdays[x] + 1}")]
        if x in self.pods and not self.pods[x].startswith("T"):
            return j + 1, [self._cand(i, j + 1, "SET", literal=f"XXXX-XX-XXT{self.pods[x]}")]
        if x in self.months and w != "per":
            return j + 1, [self._cand(i, j + 1, "SET", literal=f"XXXX-{self.months[x]:02d}")]
        return i, []

    # --------------------------------------------------------------------------------- single words

    def _deictic_word(self, i: int) -> tuple[int, list[Cand]]:
        w = self._w(i)
        code = self.deictic.get(w)
        if code is None:
            return i, []
        tok = self.doc[i]
        if w == "now" and self._w(i + 1) == "that":  # "now that" is a conjunction
            return i, []
        if w == "recent" and tok.pos_ != "ADJ":
            return i, []
        nxt = self._w(i + 1)
        if w == "recent" and nxt in self.units and nxt.endswith("s"):  # "in recent years": PXY
            return i + 2, [self._cand(i, i + 2, "DURATION", literal=_duration(None, self.units[nxt]))]
        if code.endswith("_REF"):
            return i + 1, [self._cand(i, i + 1, "DATE", literal=code)]
        offset = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1, "TONIGHT": 0}[code]
        c = self._cand(i, i + 1, "DATE", unit="D", offset=offset, anchor="published", deictic=True,
                       pub_only=True)
        if code == "TONIGHT":
            c.type, c.tod = "TIME", "NI"
        else:
            self._attach_pod(i + 1, c)
        return (self._end_tok(c), [c])

    def _end_tok(self, c: Cand) -> int:
        j = c.tok
        while j < self.n and self.doc[j].idx < c.end:
            j += 1
        return j

    def _deictic_phrase(self, i: int) -> tuple[int, list[Cand]]:
        for phrase, code in self.deictic_phrases.items():
            if tuple(self.low[i : i + len(phrase)]) == phrase:
                j = i + len(phrase)
                if code in ("BEFORE_YESTERDAY", "AFTER_TOMORROW"):
                    off = -2 if code == "BEFORE_YESTERDAY" else 2
                    return j, [self._cand(i, j, "DATE", unit="D", offset=off, anchor="published",
                                          deictic=True, pub_only=True)]
                if phrase == ("this", "time") and self._w(j) in ("of", "frame", "around", "round"):
                    return i, []
                if phrase[-1] in ("past", "future", "present") and (
                        self._w(j) in ("tense", "participle") or self._count(j) is not None
                        or self._w(j) in self.units):
                    return i, []  # "the past two centuries" is a duration, read by _quantity
                return j, [self._cand(i, j, "DATE", literal=code)]
        return i, []


def _numeral(w: str) -> float | None:
    """The value of a token of digits, or None: not digits ("²" is a digit to str.isdigit), or past a float's
    range ("1" and 400 zeros), which counts no time anything can be resolved to."""
    if not _NUM_RE.match(w):
        return None
    value = float(w)
    return value if math.isfinite(value) else None


def _duration(n: float | None, unit: str) -> str:
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
    return f"PT{amount}{code}" if unit in _TIME_UNITS else f"P{amount}{code}"


def split_ranges(doc_text: str, cands: list[Cand]) -> list[Cand]:
    """ "1914–1918" is one token but two years: split it into two DATE candidates."""
    out: list[Cand] = []
    for c in cands:
        m = _YEAR_RANGE_RE.match(doc_text[c.start : c.end])
        if m and c.year is not None and c.month is None:
            y1, sep, tail = m.group(1), m.group(2), m.group(3)
            y2 = int(tail) if len(tail) == 4 else int(y1[:2] + tail)
            if y2 < int(y1) and len(tail) == 2:
                y2 += 100
            mid = c.start + len(y1)
            out.append(Cand(c.start, mid, "DATE", c.tok, year=int(y1)))
            out.append(Cand(mid + len(sep), c.end, "DATE", c.tok, year=y2))
            continue
        out.append(c)
    return out
