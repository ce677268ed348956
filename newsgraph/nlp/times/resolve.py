"""Values of time expressions: TIMEX3 strings from the fields a ``Cand`` states, in text order.

Two anchors: the publication date (``doc._.published``) and the last narrated date (the most recent
date the text stated, at the precision it stated). The mode of the document (``mode.py``: news, or a
story told in the past) is decided once; then each candidate, in text order, is resolved against a
``Scene`` (the publication date, the mode, the last narrated date, the last date with a written year,
the tense of its clause: ``tense.py``) by the named steps of ``values.py``.

In news mode yearless dates ("in June") take the publication year, moved by tense (past: the latest June
up to publication; future: the next one; within a month of publication: that one), except right after an
old stated date ("The offensive of 1943 stalled. In June, ..."), whose year they share; weekdays ("on
Monday") are the nearest such day before publication in a past clause, after it in a future or present
one ("talks are held on Friday"). In narrative mode yearless dates take the year of the narrated date,
unless their clause speaks of the future ("will", "is due"). Relative chains ("the next day", "two weeks
later") follow the narrated date in both modes. A clock time followed closely by a named day takes that
day ("at 3:30 p.m. on Friday"). Without any anchor a value stays underspecified ("XXXX-06"); nothing is
guessed.

Each ``Time`` keeps the rule that found it and the trace of the grammar, then records the mode (when the
document is read as a story), every resolution rule that decided its value and anchor, and the evidence
each used (the governing verb whose tense decided, the narrated date it counted from).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.tokens import Doc

from newsgraph.model import Time
from newsgraph.nlp.rules import RuleTable, fired
from newsgraph.nlp.times.grammar import split_ranges
from newsgraph.nlp.times.mode import narrative_rule
from newsgraph.nlp.times.reader import Cand
from newsgraph.nlp.times.rules import RULES
from newsgraph.nlp.times.tense import tense_of
from newsgraph.nlp.times.values import Anchor, Scene, Settings, Value, calendar, underspecified, unknown, value_of
from newsgraph.nlp.times.vocabulary import Vocabulary

_DAY_VALUE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@functools.cache
def _vocabulary() -> Vocabulary:
    return Vocabulary.load()


def resolve_all(doc: Doc, cands: list[Cand], published: dt.date | None, *, rules: RuleTable = RULES,
                settings: Settings | None = None, words: Vocabulary | None = None) -> list[Time]:
    """The ``Time`` of every candidate (in text order), resolved against ``published`` and the story."""
    settings = settings or Settings()
    words = words or _vocabulary()
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    cands = split_ranges(text, cands)
    mode = narrative_rule(cands, published, text, rules, settings.mode)
    # the last narrated date, at any precision (preferring the last month- or day-precise date when a
    # bare year was long ago made no difference on WikiWars)
    last: Anchor | None = None
    stated: Anchor | None = None  # the last date with its year written out
    out: list[Time] = []
    bare_clock: list[bool] = []  # out[i] is a clock time with no day of its own
    for c in cands:
        if not 0 <= c.start < c.end <= len(text):
            continue
        if c.bc_only and not _keep_bc_year(c, last, rules):
            continue
        scene = Scene(published, mode is not None, last, stated, tense_of(doc, c, words, rules), text, rules,
                      settings)
        res = _resolve(c, scene)
        if res is None:
            continue  # (a rule that would have kept it switched off)
        new_anchor = _anchor_from(c, res.value)
        if new_anchor is not None and mode is not None and res.anchor == "published" \
                and rules.on("times.resolve.story_ignores_publication"):
            # ("today" in a history's quotation does not move its story to the publication date)
            res.steps.append(("times.resolve.story_ignores_publication", None))
        elif new_anchor is not None:
            new_anchor.pos, new_anchor.end = c.start, c.end
            # (keeping flashbacks, "had met in 1614", from moving the anchor did worse on WikiWars)
            last = new_anchor
            if c.year is not None:
                stated = new_anchor
        out.append(_time(c, res, text, mode))
        bare_clock.append(bool(c.tod and c.tod[:1].isdigit() and c.unit is None and c.year is None
                               and c.month is None and c.day is None and c.weekday is None))
    _date_clocks_by_following_day(out, bare_clock, text, rules, settings.clock_day_reach)
    return out


def _keep_bc_year(c: Cand, last: Anchor | None, rules: RuleTable) -> bool:
    """ "in 490" is a year only in a story told in years before Christ ("499 BC ... In 490, ...")."""
    if last is None or not last.bc or not rules.on("times.resolve.bc_short_year"):
        return False
    c.bc = True
    fired(c, "times.resolve.bc_short_year", last.evidence)
    return True


def _resolve(c: Cand, scene: Scene) -> Value | None:
    """The value of ``c``; past year 1 or 9999, or with no rule to decide, what the words say."""
    try:
        res = value_of(c, scene)
    except (OverflowError, ValueError):  # arithmetic past year 1 or 9999: say what the words say
        if not scene.on("times.resolve.out_of_range"):
            return None
        value = unknown(c.unit or "D", c.tod) if c.unit else calendar(None, c, False)
        return Value(value, None, [("times.resolve.out_of_range", None)])
    if res is not None:
        return res
    if not scene.on("times.resolve.underspecified"):
        return None
    return Value(underspecified(c), None, [("times.resolve.underspecified", None)])


def _time(c: Cand, res: Value, text: str, mode: str | None) -> Time:
    """The output item, with the grammar's trace and the resolution's steps (after the mode of a story)."""
    t = Time(c.start, c.end, text[c.start : c.end], c.type, res.value, c.mod, res.anchor)  # type: ignore[arg-type]
    t.rule = c.rule
    t.trace = [list(step) for step in c.trace]
    steps = [(mode, None), *res.steps] if mode is not None and res.steps else res.steps
    for rule, evidence in steps:
        fired(t, rule, evidence)
    return t


def _date_clocks_by_following_day(times: list[Time], bare_clock: list[bool], text: str, rules: RuleTable,
                                  reach: int) -> None:
    """ "at 3:30 p.m. on Friday", "at 2am local time (0100 UTC) on Friday": a clock time takes the day
    named right after it, in the same clause (TimeML keeps them two TIMEX3s)."""
    if not rules.on("times.resolve.clock.following_day"):
        return
    for i, t in enumerate(times):
        if not bare_clock[i]:
            continue
        for nxt in times[i + 1 : i + 3]:
            gap = text[t.end : nxt.start]
            if nxt.start - t.end > reach or any(ch in gap for ch in ".;\n"):
                break
            if nxt.type == "DATE" and _DAY_VALUE_RE.match(nxt.value):
                t.value, t.anchor = f"{nxt.value}T{t.value.split('T', 1)[1]}", nxt.anchor
                fired(t, "times.resolve.clock.following_day", (nxt.start, nxt.end))
                break


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
