"""Relative and deictic expressions, and sets: "last week", "the next day", "next Monday", "this morning",
"the weekend", "yesterday", "now", "the near future", "every week", "daily", "twice a month".

A relative expression records its unit and signed count (``offset``) and what it counts from
(``anchor``): "published" for words that point at the writer's time ("last week", "next Monday"),
"narrative" for words that follow a story ("the next day", "the previous April"), "either" where the
mode of the document decides ("the year", "the last week"). The value is computed in ``resolve.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.nlp.times.calendar import Found, attach_pod, lowercase_month, month_verb
from newsgraph.nlp.times.numbers import TIME_UNITS, UNIT_GRANULAR, count, duration
from newsgraph.nlp.times.reader import Cand, Reader

Match = tuple[int, list[Cand]]  # (the token after the match, what it found: nothing when it is the start)
_DEICTIC_DAYS = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1, "TONIGHT": 0}


def relative(r: Reader, i: int) -> Match:
    """ "over the weekend", "last week", "the next day", "next Monday" ..."""
    if r.w(i) == "the" and r.w(i + 1) == "weekend" and r.w(i + 2) != "of" and r.on("times.found.weekend"):
        # "over the weekend": the weekend nearest publication, in the direction of the tense
        return i + 2, [r.cand("times.found.weekend", i, i + 2, "DATE", unit="WE", offset=0, anchor="published",
                              tok=i + 1, deictic=True, by_tense=True)]
    res = relative_at(r, i, allow_bare_the=False)
    return (res[0], [res[1]]) if res else (i, [])


def relative_at(r: Reader, i: int, allow_bare_the: bool) -> Found | None:
    """ "last week", "this year", "the next day", "that same day", "the previous April",
    "next Monday", "this morning", "last night" (and "the year" after a modifier)."""
    j = i
    the = r.w(j) == "the"
    if the:
        j += 1
    offset: int | None = None
    words = 0
    while r.w(j) in r.vocab.rel and words < 2:
        offset = r.vocab.rel[r.w(j)] if offset is None or r.w(j) != "same" else offset
        j += 1
        words += 1
    if offset is None and not (allow_bare_the and the):
        return None
    first = r.w(i + the)
    rel = Relative(the, first, *_counted_from(r, offset, the, first))
    for head in (_unit, _span, _weekday, _month_or_season, _part_of_day):
        found = head(r, i, j, rel)
        if found is not None:
            return found
    return None


# Prepositions that make "the next <unit>" a span rather than a date: "over the next decade", "for the coming year".
SPAN_PREPOSITIONS = frozenset({"over", "during", "throughout", "for", "within"})


@dataclass(frozen=True)
class Relative:
    """What the words before the head say: "the", the first relative word, the count and the anchor."""

    the: bool
    first: str
    offset: int
    anchor: str


def _counted_from(r: Reader, offset: int | None, the: bool, first: str) -> tuple[int, str]:
    """The count and the anchor: "next week" from publication, "the next day" from the story, "the year" and
    "the last week" from either (the mode of the document decides)."""
    if offset is None:
        return 0, "either"
    if the or first in ("that", "same"):
        anchor = "narrative" if first in r.vocab.story_relative_words else "either"
    else:
        anchor = "published"
    if first in ("last", "past") and the:
        anchor = "either"
    return offset, anchor


def _unit(r: Reader, i: int, j: int, rel: Relative) -> Found | None:
    """ "last week", "the next day"; "the past week" is a span that ends now (TimeML: a DURATION)."""
    w = r.w(j)
    if w not in r.vocab.units or r.vocab.units[w] not in UNIT_GRANULAR or w.endswith("s"):
        return None
    unit = r.vocab.units[w]
    if rel.the and rel.first in ("past", "last") and unit not in ("WE",) and r.on("times.found.past_span"):
        return j + 1, r.cand("times.found.past_span", i, j + 1, "DURATION", literal=duration(1, unit), tok=j)
    if rel.the and rel.first in ("next", "coming") and unit not in ("WE",) and r.w(i - 1) in SPAN_PREPOSITIONS \
            and r.on("times.found.next_span"):  # "over the next decade": a span ahead, as "the past week" is one back
        return j + 1, r.cand("times.found.next_span", i, j + 1, "DURATION", literal=duration(1, unit), tok=j)
    if not r.on("times.found.relative_unit"):
        return None
    return j + 1, r.cand("times.found.relative_unit", i, j + 1, "DATE", unit=unit, offset=rel.offset,
                         anchor=rel.anchor, tok=j, deictic=rel.anchor == "published")


def _span(r: Reader, i: int, j: int, rel: Relative) -> Found | None:
    """ "the following days", "the coming years": an unknown count (PXD, PXY)."""
    w = r.w(j)
    if w not in r.vocab.units or not w.endswith("s") or (rel.offset == 0 and rel.the) \
            or not r.on("times.found.relative_span"):
        return None
    return j + 1, r.cand("times.found.relative_span", i, j + 1, "DURATION",
                         literal=duration(None, r.vocab.units[w]), tok=j)


def _weekday(r: Reader, i: int, j: int, rel: Relative) -> Found | None:
    """ "next Monday", "last Friday", "this Sunday"."""
    w = r.w(j)
    if w not in r.vocab.weekdays or (rel.offset == 0 and rel.first != "this") \
            or not r.on("times.found.relative_weekday"):
        return None
    return j + 1, r.cand("times.found.relative_weekday", i, j + 1, "DATE", weekday=r.vocab.weekdays[w],
                         offset=rel.offset, anchor=rel.anchor, tok=j, deictic=True)


def _month_or_season(r: Reader, i: int, j: int, rel: Relative) -> Found | None:
    """ "the previous April", "last summer", "next March"."""
    w = r.w(j)
    if j <= i + rel.the or not r.on("times.found.relative_month"):
        return None
    if w in r.vocab.months:
        if lowercase_month(r, r.doc[j]) or month_verb(r, r.doc[j]):
            return None  # "that may have been", "this may help": the verb, not the month
        return j + 1, r.cand("times.found.relative_month", i, j + 1, "DATE", month=r.vocab.months[w],
                             offset=rel.offset, anchor=rel.anchor, tok=j)
    if w in r.vocab.seasons:
        return j + 1, r.cand("times.found.relative_month", i, j + 1, "DATE", season=r.vocab.seasons[w],
                             offset=rel.offset, anchor=rel.anchor, tok=j)
    return None


def _part_of_day(r: Reader, i: int, j: int, rel: Relative) -> Found | None:
    """ "this morning", "last night" (the night before publication), "that evening"."""
    w = r.w(j)
    if w not in r.vocab.pods or j <= i + rel.the or r.vocab.pods[w].startswith("T") \
            or not r.on("times.found.relative_part_of_day"):
        return None
    code = r.vocab.pods[w]
    day_offset = -1 if (rel.first == "last" and code == "NI") else (0 if rel.offset == -1 else rel.offset)
    return j + 1, r.cand("times.found.relative_part_of_day", i, j + 1, "TIME", unit="D", offset=day_offset,
                         anchor=rel.anchor, tod=code, tok=j, deictic=rel.anchor == "published")


# ------------------------------------------------------------------------------------------ sets


def set_expr(r: Reader, i: int) -> Match:
    """ "twice a week", "daily", "every week", "each Monday", "every other month", "per year"."""
    w = r.w(i)
    if w in r.vocab.frequency_words and r.w(i + 1) in ("a", "an", "per", "every", "each") \
            and r.on("times.found.set_frequency"):
        unit = r.vocab.units.get(r.w(i + 2))  # "twice a week": the whole phrase is the SET
        if unit in UNIT_GRANULAR | TIME_UNITS and unit != "Q" and not r.w(i + 2).endswith("s"):
            return i + 3, [r.cand("times.found.set_frequency", i, i + 3, "SET", literal=duration(1, unit or "D"))]
    if w in r.vocab.set_adverbs and r.doc[i].pos_ in ("ADV", "ADJ") and r.on("times.found.set_adverb"):
        return i + 1, [r.cand("times.found.set_adverb", i, i + 1, "SET", literal=r.vocab.set_adverbs[w])]
    if w not in ("every", "each", "per") or not r.on("times.found.set_every"):
        return i, []
    j = i + 1
    n = 1.0
    if r.w(j) == "other":
        n, j = 2.0, j + 1
    else:
        counted = count(r, j)
        if counted is not None and counted[1] is not None and r.w(j) not in ("a", "an"):
            j, n = counted[0], counted[1] or 1.0
    literal = _recurring(r, w, r.w(j), n)
    return (j + 1, [r.cand("times.found.set_every", i, j + 1, "SET", literal=literal)]) if literal else (i, [])


def _recurring(r: Reader, quantifier: str, x: str, n: float) -> str | None:
    """The TIMEX3 value of "every <x>": P1W, XXXX-WXX-1 (Mondays), XXXX-XX-XXTMO (mornings), XXXX-01."""
    units = r.vocab.units
    if quantifier == "per" and units.get(x) in TIME_UNITS and r.on("times.not.rate"):
        return None  # "km per hour", "rounds per minute" are rates, not recurring times
    if x in units and units[x] in UNIT_GRANULAR | TIME_UNITS and units[x] != "Q":
        return duration(n, units[x])
    if x in r.vocab.weekdays:
        return f"XXXX-WXX-{r.vocab.weekdays[x] + 1}"
    if x in r.vocab.pods and not r.vocab.pods[x].startswith("T"):
        return f"XXXX-XX-XXT{r.vocab.pods[x]}"
    if x in r.vocab.months and quantifier != "per":
        return f"XXXX-{r.vocab.months[x]:02d}"
    return None


# --------------------------------------------------------------------------------- single words


def deictic_word(r: Reader, i: int) -> Match:
    """ "today", "yesterday", "tonight", "now", "recently", "in recent years"."""
    w = r.w(i)
    code = r.vocab.deictic.get(w)
    if code is None:
        return i, []
    if w == "now" and r.w(i + 1) == "that" and r.on("times.not.now_that"):  # "now that" is a conjunction
        return i, []
    if w == "recent" and r.doc[i].pos_ != "ADJ" and r.on("times.not.recent_not_adjective"):
        return i, []
    nxt = r.w(i + 1)
    if w == "recent" and nxt in r.vocab.units and nxt.endswith("s") and r.on("times.found.recent_units"):
        return i + 2, [r.cand("times.found.recent_units", i, i + 2, "DURATION",
                              literal=duration(None, r.vocab.units[nxt]))]  # "in recent years": PXY
    if code.endswith("_REF"):
        if not r.on("times.found.deictic_ref"):
            return i, []
        return i + 1, [r.cand("times.found.deictic_ref", i, i + 1, "DATE", literal=code)]
    if not r.on("times.found.deictic_day"):
        return i, []
    c = r.cand("times.found.deictic_day", i, i + 1, "DATE", unit="D", offset=_DEICTIC_DAYS[code],
               anchor="published", deictic=True, pub_only=True)
    if code == "TONIGHT":
        c.type, c.tod = "TIME", "NI"
    else:
        attach_pod(r, i + 1, c)
    return _end_token(r, c), [c]


def _end_token(r: Reader, c: Cand) -> int:
    j = c.tok
    while j < r.n and r.doc[j].idx < c.end:
        j += 1
    return j


def deictic_phrase(r: Reader, i: int) -> Match:
    """ "the past", "the near future", "at present", "the day before yesterday"."""
    for phrase, code in r.vocab.deictic_phrases.items():
        if r.starts(i, phrase):
            j = i + len(phrase)
            if not r.on("times.found.deictic_phrase"):
                return i, []
            if code in ("BEFORE_YESTERDAY", "AFTER_TOMORROW"):
                off = -2 if code == "BEFORE_YESTERDAY" else 2
                return j, [r.cand("times.found.deictic_phrase", i, j, "DATE", unit="D", offset=off,
                                  anchor="published", deictic=True, pub_only=True)]
            if phrase[-1] in ("past", "future", "present") and r.on("times.not.past_as_adjective") and (
                    r.w(j) in ("tense", "participle") or count(r, j) is not None or r.w(j) in r.vocab.units):
                return i, []  # "the past two centuries" is a duration, read by durations.quantity
            return j, [r.cand("times.found.deictic_phrase", i, j, "DATE", literal=code)]
    return i, []
