"""Clock times: "3:30 p.m.", "2am", "5 o'clock", "1922 UTC", "at noon"; with the day they name right after
them ("1922 UTC yesterday", "5:03 AM, February 10, 2019") they make one TIME."""

from __future__ import annotations

import re

from newsgraph.nlp.times.calendar import Found, day_month, month_first
from newsgraph.nlp.times.reader import Cand, Reader

_CLOCK_RE = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:hrs|h|am|pm|a\.m\.|p\.m\.)?$", re.I)
_HOUR_AMPM_RE = re.compile(r"^(\d{1,2})(am|pm|a\.m\.|p\.m\.)$", re.I)
DAY_OFFSETS = {"TODAY": 0, "YESTERDAY": -1, "TOMORROW": 1}  # deictic codes of a day


def clock(r: Reader, i: int) -> Found | None:
    """A clock time at token i (with a day or date right after it, one TIME)."""
    w = r.w(i)
    if w in ("noon", "midnight", "midday") and r.w(i - 1) in r.vocab.before_noon:
        if not r.on("times.found.noon"):
            return None
        return i + 1, r.cand("times.found.noon", i, i + 1, "TIME", tod=r.vocab.pods[w][1:])
    read = _reading(r, i)
    if read is None:
        return None
    hour, minute, clockish, rule = read
    if not r.on(rule) or hour > 24 or minute > 59:
        return None
    j = i + 1
    am_pm = r.vocab.am_pm
    if r.w(j) in am_pm:
        if am_pm[r.w(j)] and hour < 12:
            hour += 12
        j += 1
    elif r.w(j) == "o'clock":
        j += 1
    elif r.on("times.not.decimal_number") and (not clockish or (
            ":" not in w and not w.endswith(("hrs", "am", "pm", "a.m.", "p.m."))
            and not (w.isdigit() and r.w(j) in r.vocab.military_time_zones))):
        return None  # "3.5" is a number, not a time
    if r.w(j) in r.vocab.military_time_zones:
        j += 1
    c = r.cand(rule, i, j, "TIME", tod=f"{hour:02d}:{minute:02d}{_seconds(r, i)}")  # "10:32:15": T10:32:15
    return _with_day(r, j, c)


def _reading(r: Reader, i: int) -> tuple[int, int, bool, str] | None:
    """(hour, minute, written as a clock ("3:30", "1922 UTC"), the rule) of the clock time at i."""
    w = r.w(i)
    m = _CLOCK_RE.match(w)
    if m:
        hour = int(m.group(1))
        if w.endswith(("pm", "p.m.")) and hour < 12:
            hour += 12
        return hour, int(m.group(2)), True, "times.found.clock"
    return _hour_only(r, i)


def _seconds(r: Reader, i: int) -> str:
    """The seconds of the clock time at i, as TIMEX3 writes them (":15"), or "" when it gives none."""
    m = _CLOCK_RE.match(r.w(i))
    return f":{int(m.group(3)):02d}" if m and m.group(3) and int(m.group(3)) < 60 else ""


def _hour_only(r: Reader, i: int) -> tuple[int, int, bool, str] | None:
    """(hour, minute, clockish, rule) of "2am", "5 o'clock", "1922 UTC"."""
    w = r.w(i)
    m2 = _HOUR_AMPM_RE.match(w)
    if m2:
        hour = int(m2.group(1))
        if m2.group(2).lower().startswith("p") and hour < 12:
            hour += 12
        return hour, 0, False, "times.found.clock"
    if (w.isdigit() and r.w(i + 1) in r.vocab.am_pm) or r.w(i + 1) == "o'clock":
        return (int(w), 0, False, "times.found.clock") if w.isdigit() else None
    if len(w) == 4 and w.isdigit() and r.w(i + 1) in r.vocab.military_time_zones:
        return int(w[:2]), int(w[2:]), True, "times.found.military_time"  # "1922 UTC", "0600 GMT"
    return None


def _with_day(r: Reader, j: int, c: Cand) -> Found:
    """ "1922 UTC yesterday", "8.10am today", "5:03 AM, February 10, 2019": one TIMEX3 (TimeML). A date
    after "at 11 a.m. on" stays apart ("on 11 November": two expressions)."""
    day = r.vocab.deictic.get(r.w(j))
    if day in DAY_OFFSETS and r.on("times.found.clock_with_day"):
        c.end, c.unit, c.offset, c.anchor = r.doc[j].idx + len(r.doc[j]), "D", DAY_OFFSETS[day], "published"
        c.deictic = c.pub_only = True
        r.fire(c, "times.found.clock_with_day", j, j + 1)
        return j + 1, c
    k = j + 1 if r.w(j) == "," else j
    dated = None
    if k < r.n and r.on("times.found.clock_with_date"):
        dated = day_month(r, k) or month_first(r, k, need_number=True)
    if dated is not None and dated[1].day is not None:  # "5:03 AM, February 10, 2019"
        end, d = dated
        d.start, d.type, d.tod, d.tok = c.start, "TIME", c.tod, c.tok
        d.rule, d.trace = c.rule, [*c.trace, *d.trace]  # (the clock time found it; the date joined)
        r.fire(d, "times.found.clock_with_date", k, end)
        return end, d
    return j, c
