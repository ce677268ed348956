"""Values of time expressions: TIMEX3 strings from the fields a ``Cand`` states, in text order.

Two anchors: the publication date (``doc._.published``) and the last narrated date (the most recent
date the text stated, at the precision it stated). A document is read in *narrative* mode when it
has no publication date, or on strong evidence that it is a history: many explicit years far from
the publication date and next to no deictic cue ("last week", "on Monday", "yesterday"; cues inside
quotations do not count). Otherwise it is news (TimeML / TempEval-3 conventions): old years alone
do not make a history, since reports recall earlier events and obituaries tell lives. In news mode
yearless dates ("in June") take the publication year, moved by tense (past: the latest June up to
publication; future: the next one; within a month of publication: that one), except right after an
old stated date ("The offensive of 1943 stalled. In June, ..."), whose year they share; weekdays
("on Monday") are the nearest such day before publication in a past clause, after it in a future or
present one ("talks are held on Friday"). In narrative mode yearless dates take the year of the
narrated date, unless their clause speaks of the future ("will", "is due"). Relative chains ("the
next day", "two weeks later") follow the narrated date in both modes. A clock time followed closely
by a named day takes that day ("at 3:30 p.m. on Friday"). Without any anchor a value stays
underspecified ("XXXX-06"); nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Time
from newsgraph.nlp.times.grammar import Cand, split_ranges

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
_PRESENT_AUX = {"is", "are", "am", "'s", "'re", "’s", "’re"}
_PAST_AUX = {"had", "was", "were", "did", "has", "have", "'d"}
_FUTURE_LEMMAS = {"expect", "plan", "schedule", "due", "intend", "aim", "set", "hope", "vow", "promise", "pledge"}
_FUTURE_PREPS = {"by", "until", "till", "before"}
# A clock time this close after a narrated day is on that day ("on Monday ... at 6 a.m.").
CLOCK_REACH = 150
_SENTENCE_BREAK_RE = re.compile(r"[.!?][”\"]?\s+[A-Z“\"]")
# A clock time this close before a named day is on that day ("at 3:30 p.m. on Friday").
CLOCK_DAY_REACH = 40
_DAY_VALUE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# In a news report, a yearless past date this close after an old stated year (in the same or the next
# sentence) belongs to that year's story.
STORY_REACH = 200
# A yearless date this close to publication is in the publication's year, whatever the tense
# ("announced his resignation effective July 31", published July 28).
NEAR_PUBLICATION_DAYS = 31
# The news/history decision (see _is_narrative). Measured on the WikiWars histories (9 to 126 far
# dates, at most one deictic cue per 17) and on Wikinews reports (none of them passes).
NARRATIVE_MIN_FAR = 8
NARRATIVE_LONG_FAR = 30
NARRATIVE_FAR_PER_DEICTIC = 16
_QUOTE_RE = re.compile('[“”"\n]')
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass
class Anchor:
    date: dt.date
    grain: str  # "Y", "M", "D"
    bc: bool = False
    pos: int = 0  # where the text stated it


def resolve_all(doc: Doc, cands: list[Cand], published: dt.date | None) -> list[Time]:
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    cands = split_ranges(text, cands)
    narrative_mode = _is_narrative(cands, published, text)
    # the last narrated date, at any precision (preferring the last month- or day-precise date when a
    # bare year was long ago made no difference on WikiWars)
    last: Anchor | None = None
    stated: Anchor | None = None  # the last date with its year written out
    out: list[Time] = []
    bare_clock: list[bool] = []  # out[i] is a clock time with no day of its own
    for c in cands:
        if not 0 <= c.start < c.end <= len(text):
            continue
        if c.bc_only:
            if last is None or not last.bc:
                continue
            c.bc = True
        tense = _tense(doc, c)
        try:
            value, anchor_kind = _value(c, published, last, narrative_mode, tense, stated, text)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999: say what the words say
            value, anchor_kind = _unknown(c.unit or "D", c.tod) if c.unit else _calendar(None, c, False), None
        new_anchor = _anchor_from(c, value)
        if new_anchor is not None and not (narrative_mode and anchor_kind == "published"):
            # ("today" in a history's quotation does not move its story to the publication date)
            new_anchor.pos = c.start
            # (keeping flashbacks, "had met in 1614", from moving the anchor did worse on WikiWars)
            last = new_anchor
            if c.year is not None:
                stated = new_anchor
        out.append(Time(c.start, c.end, text[c.start : c.end], c.type, value,  # type: ignore[arg-type]
                        c.mod, anchor_kind))
        bare_clock.append(bool(c.tod and c.tod[:1].isdigit() and c.unit is None and c.year is None
                               and c.month is None and c.day is None and c.weekday is None))
    _date_clocks_by_following_day(out, bare_clock, text)
    return out


def _date_clocks_by_following_day(times: list[Time], bare_clock: list[bool], text: str) -> None:
    """ "at 3:30 p.m. on Friday", "at 2am local time (0100 UTC) on Friday": a clock time takes the day
    named right after it, in the same clause (TimeML keeps them two TIMEX3s)."""
    for i, t in enumerate(times):
        if not bare_clock[i]:
            continue
        for nxt in times[i + 1 : i + 3]:
            gap = text[t.end : nxt.start]
            if nxt.start - t.end > CLOCK_DAY_REACH or any(ch in gap for ch in ".;\n"):
                break
            if nxt.type == "DATE" and _DAY_VALUE_RE.match(nxt.value):
                t.value, t.anchor = f"{nxt.value}T{t.value.split('T', 1)[1]}", nxt.anchor
                break


def _is_narrative(cands: list[Cand], published: dt.date | None, text: str) -> bool:
    """A history rather than a report. With a publication date, news is the default: old years alone
    are no evidence (reports recall earlier events, obituaries tell lives, campaign reports cite past
    elections), so it takes many far years and next to no deictic cue to read the text as a history."""
    if published is None:
        return True
    quoted = _quoted_ranges(text)
    # "today" in a quoted speech of 1935 says nothing about the writer's time: only narration counts
    near = sum(1 for c in cands if c.deictic and not _inside(quoted, c.start))
    recent = sum(1 for c in cands if c.year is not None and abs(c.year - published.year) <= 1)
    far = sum(1 for c in cands if c.year is not None and abs(c.year - published.year) > 1)
    far += sum(1 for c in cands if c.decade or c.century)
    if near == 0 and recent <= 1 and far >= NARRATIVE_MIN_FAR:
        return True  # a dozen old dates and not one "last week" or recent year
    # a long history of a recent war ("in 2007 ... in 2008") has recent years too, but few deictic cues
    return far >= NARRATIVE_LONG_FAR and near * NARRATIVE_FAR_PER_DEICTIC <= far


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Spans between paired double quotes (curly or straight) within a paragraph."""
    out: list[tuple[int, int]] = []
    open_at = -1
    for m in _QUOTE_RE.finditer(text):
        ch = m.group()
        if ch == "\n":  # an unpaired quote does not carry over into the next paragraph
            open_at = -1
        elif open_at < 0 and ch in "“\"":
            open_at = m.start()
        elif open_at >= 0 and ch in "”\"":
            out.append((open_at, m.end()))
            open_at = -1
    return out


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    k = bisect_right(ranges, (pos, 1 << 62)) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


# ------------------------------------------------------------------------------------------- tense


def _tense(doc: Doc, c: Cand) -> str | None:
    """"past", "future", "present", "by" (a deadline: "by December", forward) or None, from the verb
    that governs the expression."""
    if not 0 <= c.tok < len(doc):
        return None
    tok: Token = doc[c.tok]
    prep = tok.head.lower_ if tok.head.dep_ == "prep" or tok.head.pos_ == "ADP" else ""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    if t.pos_ not in ("VERB", "AUX"):
        return "by" if prep in _FUTURE_PREPS else None
    auxes = {a.lower_ for a in t.children if a.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX or "going" in auxes:
        return "future"
    if t.tag_ == "VBD" or auxes & _PAST_AUX:
        return "past"
    if t.lemma_ in _FUTURE_LEMMAS:  # "(troops) expected by December", "is due in May"
        return "future"
    if t.tag_ in ("VBZ", "VBP") or auxes & _PRESENT_AUX:  # "talks are held", "leaders are meeting"
        return "present" if prep not in _FUTURE_PREPS else "by"
    if t.tag_ == "VB" and "to" in auxes and t.head is not t:
        head = t.head
        hx = {a.lower_ for a in head.children if a.dep_ in ("aux", "auxpass")}
        if head.tag_ == "VBD" or hx & _PAST_AUX:
            return "past"
        if hx & _FUTURE_AUX or head.lemma_ in _FUTURE_LEMMAS:
            return "future"
    return "by" if prep in _FUTURE_PREPS else None


# ------------------------------------------------------------------------------------------- values


def _sentence_breaks(text: str, start: int, end: int) -> int:
    return len(_SENTENCE_BREAK_RE.findall(text, start, end))


def _value(c: Cand, pub: dt.date | None, last: Anchor | None, narrative: bool,
           tense: str | None, stated: Anchor | None = None, text: str = "") -> tuple[str, str | None]:
    if c.literal is not None:
        return c.literal, None
    if c.decade is not None:
        return c.decade, None
    if c.century is not None:
        return ("BC" if c.bc else "") + c.century, None
    if c.unit is not None and c.month is None and c.weekday is None and c.season is None:
        if c.by_tense and pub is not None and c.unit == "WE":
            saturday = pub + dt.timedelta(days=5 - pub.weekday())  # this week's weekend
            past = tense not in ("future", "by", "present")
            c.offset = -1 if past and pub < saturday else (1 if not past and pub.weekday() == 6 else 0)
        return _relative(c, pub, last, narrative)
    if c.weekday is not None and c.month is None:
        return _weekday(c, pub, last, narrative, tense)
    if c.offset is not None and c.anchor is not None and (c.month or c.season):
        return _relative_named(c, pub, last, narrative)
    if c.day is not None and c.month is None and c.year is None:
        return _day_of_month(c, pub, last, narrative, tense)
    # a calendar date, with or without a year
    year, anchor_kind = c.year, None
    if c.tod and c.month is None and c.season is None and c.day is None and c.year is None \
            and last is not None and last.grain == "D" and c.start - last.pos <= CLOCK_REACH:
        return _with_tod(last.date.isoformat(), c.tod), "narrative"  # "on August 2 at 5 p.m."
    if year is None and (c.month or c.season or c.day or c.tod or c.quarter or c.half):
        if c.year_shift is not None and pub is not None:
            year, anchor_kind = pub.year + c.year_shift, "published"
        elif c.that_year and last is not None:
            year, anchor_kind = last.date.year, "narrative"
        elif pub is not None and stated is not None and not narrative and tense == "past" \
                and c.start - stated.pos <= STORY_REACH and stated.date.year < pub.year - 1 and not stated.bc \
                and (stated.grain != "Y" or _sentence_breaks(text, stated.pos, c.start) <= 1):
            # (a full date sets a story's time; a year named in passing, "the accords of 2014", only nearby)
            # a report recalling an old story: "The offensive of 1943 stalled. In June, the army withdrew."
            year, anchor_kind = stated.date.year, "narrative"
        elif pub is not None and (not narrative or tense == "future"):
            # a history tells its story in the past; a future clause ("will", "is due") speaks from publication
            year, anchor_kind = _year_by_tense(c, pub, tense), "published"
        elif last is not None:
            year, anchor_kind = last.date.year, "narrative"
            if c.month is None and c.season is None and c.day is None and last.grain == "D":
                return _with_tod(last.date.isoformat(), c.tod), "narrative"
        elif pub is not None:
            year, anchor_kind = _year_by_tense(c, pub, tense), "published"
    if c.month is None and c.season is None and c.day is None and c.tod and year is not None:
        base = pub if (not narrative and pub is not None) else (
            last.date if last is not None and last.grain == "D" else None)
        if base is not None:
            return _with_tod(base.isoformat(), c.tod), anchor_kind
    return _calendar(year, c, bool(c.bc or (last and last.bc and year is not None and c.year is None))), \
        anchor_kind


def _day_of_month(c: Cand, pub: dt.date | None, last: Anchor | None, narrative: bool,
                  tense: str | None) -> tuple[str, str | None]:
    """ "on the 20th": the month of the narrated date in a story, of publication (moved by tense) in news."""
    day = c.day or 1
    if narrative or pub is None:
        if last is None or last.grain == "Y":
            return f"XXXX-XX-{day:02d}", None
        return f"{last.date.year:04d}-{last.date.month:02d}-{day:02d}", "narrative"
    total = pub.year * 12 + pub.month - 1
    if tense in ("future", "by") and day < pub.day:
        total += 1
    elif tense not in ("future", "by", "present") and day > pub.day:
        total -= 1
    return f"{_year(total // 12)}-{total % 12 + 1:02d}-{day:02d}", "published"


def _calendar(year: int | None, c: Cand, bc: bool) -> str:
    ys = "XXXX" if year is None else (f"BC{_year(year)}" if bc else _year(year))
    if c.season:
        return f"{ys}-{c.season}"
    if c.quarter:
        return f"{ys}-Q{c.quarter}"
    if c.half:
        return f"{ys}-H{c.half}"
    if c.month is None:
        return _with_tod(f"{ys}-XX-XX", c.tod) if c.tod else ys
    if c.day is None:
        return f"{ys}-{c.month:02d}"
    if year is not None and not bc:
        try:
            dt.date(year, c.month, c.day)
        except ValueError:
            return f"{ys}-{c.month:02d}"
    return _with_tod(f"{ys}-{c.month:02d}-{c.day:02d}", c.tod)


def _with_tod(date: str, tod: str | None) -> str:
    return f"{date}T{tod}" if tod else date


def _year_by_tense(c: Cand, pub: dt.date, tense: str | None) -> int:
    """The year of a yearless date seen from the publication date: past points back, future forward,
    otherwise the nearest."""
    month = c.month or _SEASON_MONTH.get(c.season or "", 3 * (c.quarter or 0) - 1 if c.quarter else pub.month)
    day = c.day or 15
    try:
        if abs((dt.date(pub.year, month, min(day, 28)) - pub).days) <= NEAR_PUBLICATION_DAYS and c.day:
            return pub.year
    except ValueError:
        pass
    here = (month, day if c.day else 0)
    now = (pub.month, pub.day if c.day else 0)
    if tense == "past":
        return pub.year if here <= now else pub.year - 1
    if tense in ("future", "by"):
        return pub.year if here >= now else pub.year + 1
    best, best_d = pub.year, 10**9
    for y in (pub.year, pub.year - 1, pub.year + 1):
        try:
            d = abs((dt.date(y, month, min(day, 28)) - pub).days)
        except ValueError:
            continue
        if d < best_d:
            best, best_d = y, d
    return best


def _base(c: Cand, pub: dt.date | None, last: Anchor | None, narrative: bool) -> tuple[Anchor | None, str | None]:
    """The date a relative expression counts from, and its name."""
    if c.anchor == "published" and pub is not None and (c.pub_only or not narrative):
        return Anchor(pub, "D"), "published"
    if (c.anchor == "narrative" or narrative) and last is not None:
        return last, "narrative"
    if pub is not None:
        return Anchor(pub, "D"), "published"
    return None, None


def _relative(c: Cand, pub: dt.date | None, last: Anchor | None, narrative: bool) -> tuple[str, str | None]:
    base, kind = _base(c, pub, last, narrative)
    unit = c.unit or "D"
    if base is None or c.offset is None:
        return _unknown(unit, c.tod), None
    d, n = base.date, c.offset
    if unit == "D":
        if base.grain != "D":
            return f"{d.year:04d}-XX-XX" if base.grain == "Y" else f"{d.year:04d}-{d.month:02d}-XX", kind
        return _with_tod((d + dt.timedelta(days=n)).isoformat(), c.tod), kind
    if unit in ("W", "WE"):
        if base.grain != "D":
            return f"{d.year:04d}-WXX", kind
        y, w, _ = (d + dt.timedelta(weeks=n)).isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else ""), kind
    if unit == "M":
        if base.grain == "Y":
            return f"{d.year:04d}-XX", kind
        total = d.year * 12 + d.month - 1 + n
        return f"{_year(total // 12)}-{total % 12 + 1:02d}", kind
    if unit == "Q":
        q = (d.year * 4 + (d.month - 1) // 3) + n
        return f"{_year(q // 4)}-Q{q % 4 + 1}", kind
    if unit == "Y":
        if base.bc:  # years before Christ count down
            return f"BC{_year(d.year - n)}", kind
        return _year(d.year + n), kind
    if unit == "DE":
        return _year((d.year + 10 * n) // 10, 3), kind
    if unit == "CE":
        return _year((d.year + 100 * n) // 100, 2), kind
    return _unknown(unit, c.tod), None


def _year(y: int, digits: int = 4) -> str:
    """A year (a decade: 3 digits, a century: 2) as TIMEX3 writes it. One its digits cannot hold ("next year"
    said on 9999-12-31, "ten years ago" in year 5, "the next decade" after 9990: not "1000", which reads as a
    year) raises OverflowError, as date arithmetic past 9999 does, so the caller says what the words say."""
    if not 0 <= y < 10**digits:
        raise OverflowError(f"year {y} has no {digits}-digit TIMEX3 form")
    return f"{y:0{digits}d}"


def _unknown(unit: str, tod: str | None) -> str:
    return {"D": _with_tod("XXXX-XX-XX", tod), "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX",
            "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX-XX-XX")


def _weekday(c: Cand, pub: dt.date | None, last: Anchor | None, narrative: bool,
             tense: str | None) -> tuple[str, str | None]:
    wd = c.weekday or 0
    if c.anchor in (None, "published") and not narrative and pub is not None:
        base, kind = pub, "published"
    elif last is not None and last.grain == "D":
        base, kind = last.date, "narrative"
    elif pub is not None and not narrative:
        base, kind = pub, "published"
    else:
        return _with_tod(f"XXXX-WXX-{wd + 1}", c.tod), None
    delta = (wd - base.weekday()) % 7  # days forward to the next such weekday (0 = same day)
    if c.offset is not None and c.offset > 0:
        d = base + dt.timedelta(days=delta or 7)
    elif c.offset is not None and c.offset < 0:
        d = base - dt.timedelta(days=(7 - delta) % 7 or 7)
    elif tense in ("future", "by") or (tense == "present" and kind == "published") \
            or (kind == "narrative" and tense != "past"):
        d = base + dt.timedelta(days=delta)  # ("talks are held on Friday": a timetable, ahead)
    else:
        d = base - dt.timedelta(days=(7 - delta) % 7)
    return _with_tod(d.isoformat(), c.tod), kind


def _relative_named(c: Cand, pub: dt.date | None, last: Anchor | None,
                    narrative: bool) -> tuple[str, str | None]:
    """ "last summer", "the previous April", "next March"."""
    base, kind = _base(c, pub, last, narrative)
    if base is None:
        return _calendar(None, c, False), None
    month = c.month or _SEASON_MONTH[c.season or "SU"]
    y = base.date.year
    if c.offset is not None and c.offset < 0 and month >= base.date.month:
        y -= 1
    elif c.offset is not None and c.offset > 0 and month <= base.date.month:
        y += 1
    return _calendar(y, c, base.bc), kind


def _anchor_from(c: Cand, value: str) -> Anchor | None:
    """The narrated date a resolved value sets, or None when it sets none (durations, refs, X values)."""
    if c.type not in ("DATE", "TIME") or c.literal is not None or "X" in value[:4]:
        return None
    bc = value.startswith("BC")
    v = value[2:] if bc else value
    try:
        y = int(v[:4])
        if len(v) >= 10 and v[4] == "-" and v[7] == "-":
            return Anchor(dt.date(max(1, y), int(v[5:7]), int(v[8:10])), "D", bc)
        if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
            return Anchor(dt.date(max(1, y), int(v[5:7]), 1), "M", bc)
        if len(v) == 4 or (len(v) > 4 and v[4] == "-"):
            return Anchor(dt.date(max(1, y), 1, 1), "Y", bc)
    except ValueError:
        return None
    return None
