"""Counted units of time: durations ("three years", "about a week", "eight - hour", "month-long", "for
years") and shifts ("five years ago", "two weeks later", "three days after the attack").

A count of a unit is a DURATION unless a word after it makes it a point in time: "ago" counts back from
publication, "later", "earlier", "after", "before" from the narrated date (and "after" only when
something follows to count from). An approximator before it gives the duration its TIMEX3 mod
("more than three years": MORE_THAN).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.nlp.times.numbers import count, duration
from newsgraph.nlp.times.reader import Cand, Reader
from newsgraph.nlp.times.relative import Match


@dataclass(frozen=True)
class _Lead:
    """What comes before the count: an approximator ("about", "more than") and "the next"/"the past"."""

    start: int  # the first token
    approx_end: int  # the token after the approximator (= start when there is none)
    j: int  # the token where the count (or unit) begins
    mod: str | None = None
    the_rel: str | None = None


def quantity(r: Reader, i: int) -> Match:
    """Durations and shifts: "three years", "about a week", "two weeks later", "five years ago",
    "the next two weeks", "eight-hour" (the tokenizer splits it: "eight", "-", "hour"), "month-long", "weeks"."""
    lead = _lead(r, i)
    if lead is None:
        return i, []
    j = lead.j
    w = r.w(j)
    counted = count(r, j)
    if counted is None:
        return _uncounted(r, lead)
    unit_at = _unit_after_count(r, counted[0], counted[1])
    if unit_at is None:
        return _coordinated(r, lead, counted[0], counted[1])
    k, unit_word, unit, n = unit_at
    nxt = r.token(k + 1)
    if unit_word == "second" and nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN") \
            and r.on("times.not.ordinal_second"):
        return i, []  # "for a second time", "a second attack": the ordinal
    if w in ("a", "an") and counted[0] == j + 1 and unit_word.endswith("s"):
        return i, []
    end = k + 1
    aged = r.w(end) == "old" or (r.w(end), r.w(end + 1)) in (("-", "old"), ("of", "age"))
    if aged and r.on("times.not.age"):
        return i, []  # "44 years old", "a 50-year-old man", "5 years of age": an age (a quantity), no time
    if r.w(end) == "-" and r.w(end + 1) in ("long", "old"):
        end += 2
    elif r.w(end) == "old":
        end += 1
    after = r.w(end)
    if after in r.vocab.shift_after and lead.the_rel is None and after not in ("on",):
        shifted = _shift(r, lead, end, n, unit, k)
        if shifted is not None:
            return shifted
    return _counted_duration(r, lead, k, end, n, unit)


def _coordinated(r: Reader, lead: _Lead, end: int, n: float | None) -> Match:
    """ "12 and 18 months", "two or three years": a count whose unit is the next count's is a DURATION of its own
    (TIMEX3: one expression each, the conjunction outside both)."""
    i = lead.start
    if n is None or r.w(end) not in ("and", "or") or not r.on("times.found.duration_coordinated"):
        return i, []
    other = count(r, end + 1)
    if other is None or other[1] is None or (unit_at := _unit_after_count(r, other[0], other[1])) is None:
        return i, []
    unit = unit_at[2]
    if r.w(unit_at[0] + 1) in ("old", "ago", "later", "earlier") or unit not in ("S", "MIN", "H", "D", "W", "M", "Y",
                                                                               "DE", "CE"):
        return i, []  # "12 and 18 years old" (ages), "two or three days later" (a date): not durations
    return end, [_duration(r, "times.found.duration_coordinated", lead, end, n, unit, lead.j)]


def _unit_after_count(r: Reader, k: int, n: float | None) -> tuple[int, str, str, float | None] | None:
    """The unit after a count ending at k: (its token, the word, its code, the count in that unit)."""
    if r.w(k) == "-":
        k += 1
    unit_word = r.w(k)
    code = r.vocab.units.get(unit_word)
    if code is None or code == "Q":
        return None
    if code == "FN":  # a fortnight: two weeks
        return k, unit_word, "W", (n * 2 if n is not None else None)
    return k, unit_word, code, n


def _lead(r: Reader, i: int) -> _Lead | None:
    """The approximator and "the next" before a count; None when the approximator is a preposition."""
    j = i
    mod = None
    if r.on("times.found.approximator"):
        for phrase, code in r.vocab.approx.items():
            if r.starts(j, phrase):
                if r.w(j + len(phrase)) == "the" and r.on("times.not.approximator_as_preposition"):
                    return None  # "over the past two years": a preposition, not "more than"
                mod, j = code, j + len(phrase)
                break
    approx_end = j
    the_rel = None
    if r.w(j) == "the" and r.w(j + 1) in r.vocab.relative_before_count:
        the_rel = r.w(j + 1)
        j += 2
    return _Lead(i, approx_end, j, mod, the_rel)


def _duration(r: Reader, rule: str, lead: _Lead, end: int, n: float | None, unit: str, tok: int) -> Cand:
    """A DURATION over tokens lead.start..end-1, with the approximator's mod (recorded) when there is one."""
    c = r.cand(rule, lead.start, end, "DURATION", literal=duration(n, unit), mod=lead.mod, tok=tok)
    if lead.mod is not None:
        r.fire(c, "times.found.approximator", lead.start, lead.approx_end)
    return c


def _uncounted(r: Reader, lead: _Lead) -> Match:
    """A unit with no count: "for years", "month-long"."""
    i, j = lead.start, lead.j
    w = r.w(j)
    units = r.vocab.units
    if w in units and w.endswith("s") and units[w] not in ("Q", "WE", "FN"):
        return _bare_plural(r, lead)
    if w in units and r.w(j + 1) == "-" and r.w(j + 2) == "long" and r.on("times.found.duration_long"):
        return j + 3, [r.cand("times.found.duration_long", i, j + 3, "DURATION", literal=duration(1, units[w]),
                              tok=j)]
    return i, []


def _bare_plural(r: Reader, lead: _Lead) -> Match:
    """ "for years", "weeks of reports": an unknown count of a unit (TIMEX3: PXY, PXW); "years later"."""
    i, j = lead.start, lead.j
    # a signal word after the plural opens it, whatever comes before: "minutes before", "years later"
    signal = r.w(j + 1) in ("before", "after", "later", "earlier", "ago") and r.on(
        "times.found.duration_plural_signal")
    if lead.mod is None and r.w(j - 1) not in r.vocab.before_bare_plural and not signal:
        return i, []
    if r.w(j + 1) in ("old", "'", "’") and r.on("times.not.age"):
        return i, []
    unit = r.vocab.units[r.w(j)]
    after = r.w(j + 1)
    if after in ("later", "earlier", "ago") and r.on("times.found.vague_shift"):
        lit = "FUTURE_REF" if after == "later" else "PAST_REF"
        return j + 2, [r.cand("times.found.vague_shift", i, j + 2, "DATE", literal=lit, tok=j)]
    if signal and lead.mod is None and r.w(j - 1) not in r.vocab.before_bare_plural:
        # "minutes before the vote": TIMEX3's DURATION is the bare plural, the signal word stays outside
        return j + 1, [_duration(r, "times.found.duration_plural_signal", lead, j + 1, None, unit, j)]
    if not r.on("times.found.duration_plural"):
        return i, []
    return j + 1, [_duration(r, "times.found.duration_plural", lead, j + 1, None, unit, j)]


def _shift(r: Reader, lead: _Lead, end: int, n: float | None, unit: str, k: int) -> Match | None:
    """ "five years ago", "two weeks later", "two days after the attack": a date counted from publication
    or from the narrated date (None: not a shift, read the count as a duration)."""
    i = lead.start
    after = r.w(end)
    rule = "times.found.ago" if after == "ago" else "times.found.later"
    if not r.on(rule):
        return None
    sign = r.vocab.shift_after[after]
    anchor = "published" if after == "ago" else "narrative"
    shift = None if n is None else int(sign * n) if n == int(n) else None
    # ("two days after the attack": the anchor is an event, and the expression ends at "after")
    c = r.cand(rule, i, end + 1, "DATE", unit=unit, offset=shift, anchor=anchor, tok=end,
               deictic=after == "ago", pub_only=after == "ago")
    if n is None:
        c.literal = "PAST_REF" if sign < 0 else "FUTURE_REF"
    return end + 1, [c]


def _rate_base(r: Reader, i: int) -> bool:
    """Is the word at i what a rate counts: a number ("30 a day") or a plural noun or unit ("20 miles a day",
    "600 acts a year")?"""
    tok = r.token(i)
    return tok is not None and (tok.like_num or tok.tag_ == "NNS" or tok.lower_ in r.vocab.not_year_after) \
        and not tok.is_sent_start


def _counted_duration(r: Reader, lead: _Lead, k: int, end: int, n: float | None, unit: str) -> Match:
    """ "three years", "about a week", "the next two weeks"; "a week" after "three times": a SET."""
    i, j = lead.start, lead.j
    w = r.w(j)
    if w in ("a", "an") and r.w(i - 1) in ("once", "twice", "thrice", "times") and r.on("times.found.set_frequency"):
        return end, [r.cand("times.found.set_frequency", i, end, "SET", literal=duration(1, unit), tok=k)]
    if w in ("a", "an") and k == j + 1 and lead.mod is None and lead.the_rel is None and _rate_base(r, i - 1) \
            and r.w(end) not in ("of", "'s", "’s") and r.on("times.found.rate"):  # (not "26 a day of thanksgiving")
        # "averaging 30 a day", "20 miles a day", "$1 billion a year": how often, a SET
        return end, [r.cand("times.found.rate", i, end, "SET", literal=duration(1, unit), tok=k)]
    if w in ("a", "an") and k == j + 1 and lead.mod is None and lead.the_rel is None \
            and r.w(i - 1) not in r.vocab.before_a_unit and r.on("times.not.article_unit"):
        return i, []
    if not r.on("times.found.duration"):
        return i, []
    return end, [_duration(r, "times.found.duration", lead, end, n, unit, k)]
