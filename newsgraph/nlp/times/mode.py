"""News or history? The mode a document is read in, decided once per document (``times.mode.*``).

A document is read in *narrative* mode when it has no publication date, or on strong evidence that it is
a history: many explicit years far from the publication date and next to no deictic cue ("last week",
"on Monday", "yesterday"; cues inside quotations do not count). Otherwise it is news (TimeML / TempEval-3
conventions): old years alone do not make a history, since reports recall earlier events and obituaries
tell lives.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgraph.nlp.rules import RuleTable
from newsgraph.nlp.times.reader import Cand

_QUOTE_RE = re.compile('[“”"\n]')


@dataclass(frozen=True)
class ModeSettings:
    """The news/history thresholds. Measured on the WikiWars histories (9 to 126 far dates, at most one
    deictic cue per 17) and on Wikinews reports (none of them passes)."""

    min_far: int = 8  # far years that, with no deictic cue and at most one recent year, make a history
    long_far: int = 30  # far years that make a history with a few deictic cues ...
    far_per_deictic: int = 16  # ... at most one per this many far years


def narrative_rule(cands: list[Cand], published: dt.date | None, text: str, rules: RuleTable,
                   settings: ModeSettings) -> str | None:
    """The rule that makes the document a story told in the past (narrative mode), or None: news."""
    if published is None:
        return "times.mode.undated" if rules.on("times.mode.undated") else None
    quoted = _quoted_ranges(text) if rules.on("times.mode.quoted_cues_ignored") else []
    # "today" in a quoted speech of 1935 says nothing about the writer's time: only narration counts
    near = sum(1 for c in cands if c.deictic and not _inside(quoted, c.start))
    recent = sum(1 for c in cands if c.year is not None and abs(c.year - published.year) <= 1)
    far = sum(1 for c in cands if c.year is not None and abs(c.year - published.year) > 1)
    far += sum(1 for c in cands if c.decade or c.century)
    if near == 0 and recent <= 1 and far >= settings.min_far and rules.on("times.mode.history"):
        return "times.mode.history"  # a dozen old dates and not one "last week" or recent year
    # a long history of a recent war ("in 2007 ... in 2008") has recent years too, but few deictic cues
    if far >= settings.long_far and near * settings.far_per_deictic <= far and rules.on("times.mode.long_history"):
        return "times.mode.long_history"
    return None


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
