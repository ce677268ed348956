"""What the grammar works on and what it makes: a ``Reader`` (one document being read) and ``Cand`` (a time
expression found in it, before its value is known).

A ``Reader`` is made for each document and dropped after it: it holds the tokens (lowercased once), the
stage's ``Vocabulary`` and its ``RuleTable`` (with the rules a config switched off), so the component
keeps no per-document state. The construction functions (``calendar.py``, ``clock.py``,
``relative.py``, ``durations.py``, ``grammar.py``) all take the reader and a token index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.nlp.rules import RuleTable, fired
from newsgraph.nlp.times.vocabulary import Vocabulary


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
    rule: str | None = None  # the construction that found it (newsgraph.nlp.rules)
    trace: list[list[Any]] = field(default_factory=list)  # [rule, start, end] of every rule that fired on it


class Reader:
    """One document being read: its tokens and the stage's words and rules."""

    def __init__(self, doc: Doc, vocab: Vocabulary, rules: RuleTable) -> None:
        self.doc = doc
        self.vocab = vocab
        self.rules = rules
        self.low = [t.lower_ for t in doc]
        self.n = len(doc)

    def w(self, k: int) -> str:
        """The lowercased token at k ("" outside the document)."""
        return self.low[k] if 0 <= k < self.n else ""

    def token(self, k: int) -> Token | None:
        return self.doc[k] if 0 <= k < self.n else None

    def starts(self, i: int, phrase: tuple[str, ...]) -> bool:
        """Do the tokens from i spell ``phrase``? (The first word first: most phrases fail there.)"""
        return 0 <= i < self.n and self.low[i] == phrase[0] and tuple(self.low[i : i + len(phrase)]) == phrase

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens i..j-1."""
        last = self.doc[j - 1]
        return self.doc[i].idx, last.idx + len(last.text)

    def on(self, rule: str) -> bool:
        return self.rules.on(rule)

    def cand(self, rule: str, i: int, j: int, type_: str, **fields: Any) -> Cand:
        """A candidate over tokens i..j-1, found by ``rule`` (recorded, with that span as evidence)."""
        s, e = self.span(i, j)
        c = Cand(s, e, type_, fields.pop("tok", i), **fields)
        fired(c, rule, (s, e))
        return c

    def fire(self, c: Cand, rule: str, i: int, j: int) -> None:
        """Record that ``rule`` changed ``c``, with tokens i..j-1 as evidence."""
        fired(c, rule, self.span(i, j))
