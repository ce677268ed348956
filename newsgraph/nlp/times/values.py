"""The value of one time expression: the named steps that turn a ``Cand``'s fields into a TIMEX3 value.

``value_of(cand, scene)`` first takes a value the words state ("P3Y", "PAST_REF", "199"); otherwise the
kind of expression picks its resolver:

- a count of units ("last week", "the next day", "two years ago"): ``relative_value``;
- a weekday ("on Monday", "next Friday"): ``weekday_value``;
- a named month or season moved from an anchor ("last summer", "the previous April"): ``named_value``;
- a day of the month alone ("on the 20th"): ``day_value``;
- a calendar date with or without its year ("in June", "6 January 1975", "at 5 p.m."): ``calendar_value``.

Each resolver is a short ordered table of rules (``times.resolve.*``, run with ``RuleTable.first``): the
first rule that applies decides, and the ``Value`` it returns lists that rule and every rule it relied on
(the tense of the clause, with the verb as evidence; the narrated date it counted from). A resolver that
finds no rule to apply returns None: ``resolve.py`` then keeps only what the words say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from newsgraph.nlp.rules import RuleTable
from newsgraph.nlp.times.mode import ModeSettings
from newsgraph.nlp.times.reader import Cand
from newsgraph.nlp.times.tense import Evidence, Step, Tense

T = TypeVar("T")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
_SENTENCE_BREAK_RE = re.compile(r"[.!?][”\"]?\s+[A-Z“\"]")


@dataclass
class Anchor:
    """A date a value can count from: the publication date, or a date the text narrated (and where)."""

    date: dt.date
    grain: str  # "Y", "M", "D"
    bc: bool = False
    pos: int = 0  # where the text stated it
    end: int | None = None  # (None: not stated in the text, the publication date)

    @property
    def evidence(self) -> Evidence:
        return (self.pos, self.end) if self.end is not None else None


@dataclass(frozen=True)
class Settings:
    """The tunables of resolution (the times component's config)."""

    clock_reach: int = 150  # a clock time this close after a narrated day is on that day ("on Monday ... at 6 a.m.")
    clock_day_reach: int = 40  # a clock time this close before a named day is on that day ("at 3:30 p.m. on Friday")
    story_reach: int = 200  # in a report, a yearless past date this close after an old stated year is in that year
    near_publication_days: int = 31  # a yearless day this close to publication is in its year, whatever the tense
    mode: ModeSettings = field(default_factory=ModeSettings)


@dataclass
class Scene:
    """What one candidate is resolved against (built for each candidate, in text order)."""

    pub: dt.date | None  # the publication date
    narrative: bool  # the document is read as a story (times.mode.*)
    last: Anchor | None  # the last narrated date, at the precision it was stated
    stated: Anchor | None  # the last date with its year written out
    tense: Tense  # of the clause that governs the candidate
    text: str
    rules: RuleTable
    settings: Settings

    def on(self, rule: str) -> bool:
        return self.rules.on(rule)


@dataclass
class Value:
    """A TIMEX3 value, what it was resolved against, and the rules that decided it (with evidence)."""

    value: str
    anchor: str | None = None  # "published", "narrative" or None
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class _Base:
    """The date a value counts from, and its kind ("published" or "narrative")."""

    anchor: Anchor
    kind: str


@dataclass(frozen=True)
class _Year:
    """A year chosen for a yearless date (or, for a time of day in a story, its whole value)."""

    year: int
    kind: str
    evidence: Evidence = None
    steps: tuple[Step, ...] = ()
    value: str | None = None


def first(rules: RuleTable, table: list[tuple[str, Callable[[], T | None]]]) -> tuple[str, T] | None:
    """``RuleTable.first`` over attempts that return None where their rule does not apply."""
    found = rules.first(table)
    return None if found is None or found[1] is None else (found[0], found[1])


# ------------------------------------------------------------------------------------------ dispatch


def value_of(c: Cand, s: Scene) -> Value | None:
    """The value of ``c`` (None: no rule could resolve it). Raises OverflowError or ValueError past year 9999."""
    written = as_written(c)
    if written is not None:
        return Value(written)
    return RESOLVERS[kind_of(c)](c, s)


def as_written(c: Cand) -> str | None:
    """A value the words state: a duration, a set, a *_REF, a decade or a century."""
    if c.literal is not None:
        return c.literal
    if c.decade is not None:
        return c.decade
    if c.century is not None:
        return ("BC" if c.bc else "") + c.century
    return None


def kind_of(c: Cand) -> str:
    if c.unit is not None and c.month is None and c.weekday is None and c.season is None:
        return "relative"
    if c.weekday is not None and c.month is None:
        return "weekday"
    if c.offset is not None and c.anchor is not None and (c.month or c.season):
        return "named"
    if c.day is not None and c.month is None and c.year is None:
        return "day"
    return "calendar"


def underspecified(c: Cand) -> str:
    """What the words alone say, with X for what the context had to tell: XXXX-06-12, XXXX-WXX-1."""
    kind = kind_of(c)
    if kind == "relative":
        return unknown(c.unit or "D", c.tod)
    if kind == "weekday":
        return with_tod(f"XXXX-WXX-{(c.weekday or 0) + 1}", c.tod)
    if kind == "day":
        return f"XXXX-XX-{(c.day or 1):02d}"
    return calendar(None, c, False)


# ------------------------------------------------------------------------------------------- anchors


def _publication(s: Scene) -> _Base | None:
    return _Base(Anchor(s.pub, "D"), "published") if s.pub is not None else None


def _narrated(s: Scene) -> _Base | None:
    return _Base(s.last, "narrative") if s.last is not None else None


def _relative_base(c: Cand, s: Scene) -> tuple[str, _Base] | None:
    """The date a relative expression counts from, and the rule that chose it."""
    return first(s.rules, [
        ("times.resolve.from_publication",
         lambda: _publication(s) if c.anchor == "published" and (c.pub_only or not s.narrative) else None),
        ("times.resolve.from_narrated", lambda: _narrated(s) if c.anchor == "narrative" or s.narrative else None),
        ("times.resolve.publication_default", lambda: _publication(s)),
    ])


# ---------------------------------------------------------------------------------------- resolvers


def relative_value(c: Cand, s: Scene) -> Value | None:
    """ "yesterday", "last week", "the next day", "two years ago", "the weekend"."""
    steps: list[Step] = []
    if c.by_tense and s.pub is not None and c.unit == "WE" and s.on("times.resolve.weekend_by_tense"):
        saturday = s.pub + dt.timedelta(days=5 - s.pub.weekday())  # this week's weekend
        past = s.tense.name not in ("future", "by", "present")
        c.offset = -1 if past and s.pub < saturday else (1 if not past and s.pub.weekday() == 6 else 0)
        steps = [("times.resolve.weekend_by_tense", s.tense.evidence), *s.tense.steps()]
    hit = _relative_base(c, s)
    if hit is None or c.offset is None:
        return None
    rule, base = hit
    counter = _COUNTERS.get(c.unit or "D")
    if counter is None:
        return None  # (hours, minutes: no date to write)
    value, coarse = counter(base.anchor, c.offset, c.unit or "D", c.tod, s.on("times.resolve.coarse_anchor"))
    steps.append((rule, base.anchor.evidence))
    if coarse:
        steps.append(("times.resolve.coarse_anchor", base.anchor.evidence))
    return Value(value, base.kind, steps)


def weekday_value(c: Cand, s: Scene) -> Value | None:
    """ "on Monday", "next Friday", "the following Sunday"."""
    hit = first(s.rules, [
        ("times.resolve.from_publication",
         lambda: _publication(s) if c.anchor in (None, "published") and not s.narrative else None),
        ("times.resolve.from_narrated", lambda: _narrated(s) if s.last is not None and s.last.grain == "D" else None),
        ("times.resolve.publication_default", lambda: None if s.narrative else _publication(s)),
    ])
    if hit is None:
        return None
    rule, base = hit
    d0 = base.anchor.date
    delta = (c.weekday or 0) - d0.weekday()
    ahead, back = delta % 7, (7 - delta % 7) % 7  # days to the next such weekday, and back to the last (0: today)
    t = s.tense.name
    way = first(s.rules, [
        ("times.resolve.weekday.next",
         lambda: d0 + dt.timedelta(days=ahead or 7) if c.offset is not None and c.offset > 0 else None),
        ("times.resolve.weekday.last",
         lambda: d0 - dt.timedelta(days=back or 7) if c.offset is not None and c.offset < 0 else None),
        ("times.resolve.weekday.ahead_by_tense",
         lambda: d0 + dt.timedelta(days=ahead) if t in ("future", "by") or (t == "present" and base.kind == "published")
         or (base.kind == "narrative" and t != "past") else None),  # ("talks are held on Friday": a timetable)
        ("times.resolve.weekday.back", lambda: d0 - dt.timedelta(days=back)),
    ])
    if way is None:
        return None
    way_rule, d = way
    steps = [(rule, base.anchor.evidence)]
    if way_rule in ("times.resolve.weekday.ahead_by_tense", "times.resolve.weekday.back"):
        steps += [(way_rule, s.tense.evidence), *s.tense.steps()]
    else:
        steps.append((way_rule, None))
    return Value(with_tod(d.isoformat(), c.tod), base.kind, steps)


def named_value(c: Cand, s: Scene) -> Value | None:
    """ "last summer", "the previous April", "next March"."""
    hit = _relative_base(c, s)
    if hit is None:
        return None
    rule, base = hit
    month = c.month or _SEASON_MONTH[c.season or "SU"]
    y = base.anchor.date.year
    if c.offset is not None and c.offset < 0 and month >= base.anchor.date.month:
        y -= 1
    elif c.offset is not None and c.offset > 0 and month <= base.anchor.date.month:
        y += 1
    return Value(calendar(y, c, base.anchor.bc), base.kind, [(rule, base.anchor.evidence)])


def day_value(c: Cand, s: Scene) -> Value | None:
    """ "on the 20th": the month of the narrated date in a story, of publication (moved by tense) in news."""
    day = c.day or 1
    last, pub = s.last, s.pub
    if (s.narrative or pub is None) and last is not None and last.grain != "Y" \
            and s.on("times.resolve.day.narrated_month"):
        return Value(f"{last.date.year:04d}-{last.date.month:02d}-{day:02d}", "narrative",
                     [("times.resolve.day.narrated_month", last.evidence)])
    if s.narrative or pub is None or not s.on("times.resolve.day.publication_month"):
        return None
    total = pub.year * 12 + pub.month - 1
    if s.tense.name in ("future", "by") and day < pub.day:
        total += 1
    elif s.tense.name not in ("future", "by", "present") and day > pub.day:
        total -= 1
    return Value(f"{year4(total // 12)}-{total % 12 + 1:02d}-{day:02d}", "published",
                 [("times.resolve.day.publication_month", s.tense.evidence), *s.tense.steps()])


def calendar_value(c: Cand, s: Scene) -> Value | None:
    """A calendar date, with its year written or chosen (``_year_choice``); a time of day on its day."""
    near = _clock_near_narrated_day(c, s)
    if near is not None:
        return near
    year, kind, steps = c.year, None, []
    if year is None:
        hit = _year_choice(c, s) if _states_part_of_a_year(c) else None
        if hit is None:
            return None
        rule, chosen = hit
        steps = [(rule, chosen.evidence), *chosen.steps]
        if chosen.value is not None:
            return Value(chosen.value, chosen.kind, steps)
        year, kind = chosen.year, chosen.kind
    if c.month is None and c.season is None and c.day is None and c.tod:
        on_day = _base_day(s)
        if on_day is not None:
            return Value(with_tod(on_day.date.isoformat(), c.tod), kind,
                         [*steps, ("times.resolve.clock.base_day", on_day.evidence)])
    bc = c.bc
    if not bc and s.last is not None and s.last.bc and c.year is None and s.on("times.resolve.bc_narrated"):
        bc = True
        steps.append(("times.resolve.bc_narrated", s.last.evidence))
    return Value(calendar(year, c, bc), kind, steps)


def _states_part_of_a_year(c: Cand) -> bool:
    """A month, season, day, time of day, quarter or half: a part of a year the context must name."""
    return any((c.month, c.season, c.day, c.tod, c.quarter, c.half))


def _clock_near_narrated_day(c: Cand, s: Scene) -> Value | None:
    """ "on August 2 ... at 5 p.m.": a clock time (or part of day) alone, soon after a narrated day."""
    last = s.last
    if not c.tod or c.month is not None or c.season is not None or c.day is not None or c.year is not None \
            or last is None or last.grain != "D" or c.start - last.pos > s.settings.clock_reach \
            or not s.on("times.resolve.clock.near_narrated_day"):
        return None
    return Value(with_tod(last.date.isoformat(), c.tod), "narrative",
                 [("times.resolve.clock.near_narrated_day", last.evidence)])


def _base_day(s: Scene) -> Anchor | None:
    """The day a time of day with no date is on: publication in news, the narrated day in a story."""
    if not s.on("times.resolve.clock.base_day"):
        return None
    if not s.narrative and s.pub is not None:
        return Anchor(s.pub, "D")
    return s.last if s.last is not None and s.last.grain == "D" else None


# ------------------------------------------------------------------------------------- year choice


def _year_choice(c: Cand, s: Scene) -> tuple[str, _Year] | None:
    """The year of a yearless date ("in June", "August of that year", "at 5 p.m."), and the rule that chose it."""
    last, pub = s.last, s.pub
    return first(s.rules, [
        ("times.resolve.year.shifted",
         lambda: _Year(pub.year + c.year_shift, "published") if c.year_shift is not None and pub else None),
        ("times.resolve.year.that_year",
         lambda: _Year(last.date.year, "narrative", last.evidence) if c.that_year and last else None),
        ("times.resolve.year.old_story", lambda: _old_story(c, s)),
        # a history tells its story in the past; a future clause ("will", "is due") speaks from publication
        ("times.resolve.year.by_tense",
         lambda: _by_tense(c, s) if pub is not None and (not s.narrative or s.tense.name == "future") else None),
        ("times.resolve.clock.story_day", lambda: _story_day(c, s)),
        ("times.resolve.year.narrated",
         lambda: _Year(last.date.year, "narrative", last.evidence) if last is not None else None),
        ("times.resolve.publication_default", lambda: _by_tense(c, s)),
    ])


def _old_story(c: Cand, s: Scene) -> _Year | None:
    """A report recalling an old story: "The offensive of 1943 stalled. In June, the army withdrew." (A full
    date sets a story's time; a year named in passing, "the accords of 2014", only in its own or the next
    sentence.)"""
    pub, stated = s.pub, s.stated
    if pub is None or stated is None or s.narrative or s.tense.name != "past" \
            or c.start - stated.pos > s.settings.story_reach or stated.date.year >= pub.year - 1 or stated.bc:
        return None
    if stated.grain == "Y" and _sentence_breaks(s.text, stated.pos, c.start) > 1:
        return None
    return _Year(stated.date.year, "narrative", stated.evidence, tuple(s.tense.steps()))


def _by_tense(c: Cand, s: Scene) -> _Year | None:
    if s.pub is None:
        return None
    year, steps = year_by_tense(c, s.pub, s.tense, s)
    by_tense = any(rule.startswith("times.tense.") for rule, _ in steps)
    return _Year(year, "published", s.tense.evidence if by_tense else None, tuple(steps))


def _story_day(c: Cand, s: Scene) -> _Year | None:
    """A time of day (or a quarter) with no date of its own, in a story: the narrated day."""
    last = s.last
    if last is None or c.month is not None or c.season is not None or c.day is not None or last.grain != "D":
        return None
    return _Year(last.date.year, "narrative", last.evidence, value=with_tod(last.date.isoformat(), c.tod))


def year_by_tense(c: Cand, pub: dt.date, tense: Tense, s: Scene) -> tuple[int, list[Step]]:
    """The year of a yearless date seen from the publication date: past points back, future forward,
    otherwise the nearest; a day within a month of publication is in its year. With the steps that decided."""
    month = c.month or _SEASON_MONTH.get(c.season or "", 3 * (c.quarter or 0) - 1 if c.quarter else pub.month)
    day = c.day or 15
    if c.day and s.on("times.resolve.year.near_publication"):
        try:
            if abs((dt.date(pub.year, month, min(day, 28)) - pub).days) <= s.settings.near_publication_days:
                return pub.year, [("times.resolve.year.near_publication", None)]
        except ValueError:
            pass
    here = (month, day if c.day else 0)
    now = (pub.month, pub.day if c.day else 0)
    if tense.name == "past":
        return (pub.year if here <= now else pub.year - 1), tense.steps()
    if tense.name in ("future", "by"):
        return (pub.year if here >= now else pub.year + 1), tense.steps()
    best, best_d = pub.year, 10**9
    for y in (pub.year, pub.year - 1, pub.year + 1):
        try:
            d = abs((dt.date(y, month, min(day, 28)) - pub).days)
        except ValueError:
            continue
        if d < best_d:
            best, best_d = y, d
    return best, []


def _sentence_breaks(text: str, start: int, end: int) -> int:
    return len(_SENTENCE_BREAK_RE.findall(text, start, end))


# ------------------------------------------------------------------------ counting units from a date

Counter = Callable[[Anchor, int, str, str | None, bool], tuple[str, bool]]


def _days(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    d = base.date
    if base.grain != "D" and coarse:
        return (f"{d.year:04d}-XX-XX" if base.grain == "Y" else f"{d.year:04d}-{d.month:02d}-XX"), True
    return with_tod((d + dt.timedelta(days=n)).isoformat(), tod), False


def _weeks(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    if base.grain != "D" and coarse:
        return f"{base.date.year:04d}-WXX", True
    y, w, _ = (base.date + dt.timedelta(weeks=n)).isocalendar()
    return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else ""), False


def _months(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    d = base.date
    if base.grain == "Y" and coarse:
        return f"{d.year:04d}-XX", True
    total = d.year * 12 + d.month - 1 + n
    return f"{year4(total // 12)}-{total % 12 + 1:02d}", False


def _quarters(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    q = (base.date.year * 4 + (base.date.month - 1) // 3) + n
    return f"{year4(q // 4)}-Q{q % 4 + 1}", False


def _years(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    if base.bc:  # years before Christ count down
        return f"BC{year4(base.date.year - n)}", False
    return year4(base.date.year + n), False


def _decades(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    return year4((base.date.year + 10 * n) // 10, 3), False


def _centuries(base: Anchor, n: int, unit: str, tod: str | None, coarse: bool) -> tuple[str, bool]:
    return year4((base.date.year + 100 * n) // 100, 2), False


_COUNTERS: dict[str, Counter] = {"D": _days, "W": _weeks, "WE": _weeks, "M": _months, "Q": _quarters,
                                 "Y": _years, "DE": _decades, "CE": _centuries}


# ------------------------------------------------------------------------------------------ writing


def calendar(year: int | None, c: Cand, bc: bool) -> str:
    """The TIMEX3 value of a calendar date: 1975-01-06, 2024-SU, 2008-H1, XXXX-06, 1791-06-20TNI."""
    ys = "XXXX" if year is None else (f"BC{year4(year)}" if bc else year4(year))
    if c.season:
        return f"{ys}-{c.season}"
    if c.quarter:
        return f"{ys}-Q{c.quarter}"
    if c.half:
        return f"{ys}-H{c.half}"
    if c.month is None:
        return with_tod(f"{ys}-XX-XX", c.tod) if c.tod else ys
    if c.day is None:
        return f"{ys}-{c.month:02d}"
    if year is not None and not bc:
        try:
            dt.date(year, c.month, c.day)
        except ValueError:
            return f"{ys}-{c.month:02d}"
    return with_tod(f"{ys}-{c.month:02d}-{c.day:02d}", c.tod)


def with_tod(date: str, tod: str | None) -> str:
    return f"{date}T{tod}" if tod else date


def year4(y: int, digits: int = 4) -> str:
    """A year (a decade: 3 digits, a century: 2) as TIMEX3 writes it. One its digits cannot hold ("next year"
    said on 9999-12-31, "ten years ago" in year 5, "the next decade" after 9990: not "1000", which reads as a
    year) raises OverflowError, as date arithmetic past 9999 does, so the caller says what the words say."""
    if not 0 <= y < 10**digits:
        raise OverflowError(f"year {y} has no {digits}-digit TIMEX3 form")
    return f"{y:0{digits}d}"


def unknown(unit: str, tod: str | None) -> str:
    """A count of this unit from an unknown date: XXXX-WXX, XXXX-XX-XX."""
    return {"D": with_tod("XXXX-XX-XX", tod), "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
            "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX-XX-XX")


RESOLVERS: dict[str, Callable[[Cand, Scene], Value | None]] = {
    "relative": relative_value, "weekday": weekday_value, "named": named_value, "day": day_value,
    "calendar": calendar_value}
