"""What every finder of the quotes stage works with: the per-document context (``QuoteContext``), the
trail of rules that fired on one attribution (``Trail``), and the attribution itself while the stage
builds it (``Attribution``), with the small span helpers the finders share.

Nothing here keeps state between documents: the component makes one ``QuoteContext`` per Doc.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from newsgraph.model import QuoteKind, SourceLink
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.quotes.lexicon import QuoteLexicon
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage
from newsgraph.nlp.rules import RuleTable

T = TypeVar("T")
WORD = re.compile(r"\w+")
SENTENCE_END = frozenset({".", "!", "?", ";"})
# Dependency labels of a clause's subject (without 'csubj': a clause is never who speaks).
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class Settings:
    """The stage's tunables (the factory's config; these are the defaults)."""

    min_direct_words: int = 4  # a quoted passage shorter than this is a fragment, never a direct quote
    tag_window: int = 6  # tokens after a quote closing its own sentence in which a bare tag may stand
    after_window: int = 14  # tokens after a quote in which its cue may stand ("..., spokeswoman X said")
    before_window: int = 12  # tokens before a quote in which its cue may stand ('He said: "..."')
    near_window: int = 5  # tokens between a cue verb and a capitalised quote ('said on Friday "We ..."')
    source_window: int = 9  # tokens after a cue in which a quote's source may be named ('said Bash')
    colon_name_tokens: int = 6  # a bare name before a colon ('Rutte: "..."') is at most this long
    continue_gap_words: int = 12  # words between two direct quotes that still let the second continue
    orphan_gap_words: int = 25  # words between an attribution and an orphan quote that still carries it
    block_min_words: int = 15  # a paragraph after 'X rejected this argument:' shorter than this is a list item
    # Quoted words / content words: from mixed_coverage (two pieces or more) or mixed_single (one piece) a
    # clause is reported as its quoted pieces; from mixed_clause it is a mixed quote, below an indirect one.
    # Both thresholds stay above 1/3, so the pieces still match a whole-clause annotation (PARC: the
    # content is the attributed clause) at word-token F1 >= 0.5; measured on
    # tests/data/attributions_tuning.jsonl, any value from 0.34 up scores the same there, while reporting
    # every mixed quote as its whole clause loses the founding article's one-word pieces ("desperation").
    mixed_coverage: float = 0.4
    mixed_single: float = 0.75
    mixed_clause: float = 0.25
    pronoun_sentences: int = 3  # how many sentences back a pronoun may reach for its antecedent
    title_window: int = 4  # tokens around a name in which its title may stand ('German Chancellor Olaf Scholz')


@dataclass
class QuoteContext:
    """One document as the finders see it: the Doc and its text, the word lists, the rules that are on."""

    doc: Doc
    lex: QuoteLexicon
    rules: RuleTable
    settings: Settings
    text: str = ""

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)

    def on(self, rule: str) -> bool:
        return self.rules.on(rule)


Evidence = Span | Token | tuple[int, int] | None
Step = tuple[str, int | None, int | None]


def chars(evidence: Evidence) -> tuple[int | None, int | None]:
    """Character offsets of a piece of evidence (a span, a token, a pair of offsets, or none)."""
    if evidence is None:
        return None, None
    if isinstance(evidence, Span):
        return evidence.start_char, evidence.end_char
    if isinstance(evidence, Token):
        return evidence.idx, evidence.idx + len(evidence.text)
    return evidence


class Trail:
    """The rules that fired on one attribution, in order, each with the text it used as evidence; the
    stage copies them into the trace of the Quote and the Claim it becomes (``nlp.rules.fired``)."""

    def __init__(self) -> None:
        self.steps: list[Step] = []

    def add(self, rule: str, evidence: Evidence = None) -> None:
        self.steps.append((rule, *chars(evidence)))

    def extend(self, other: Trail) -> None:
        self.steps += other.steps


def first(ctx: QuoteContext, candidates: Sequence[tuple[str, Callable[[], T | None]]]) -> tuple[str, T] | None:
    """The first rule (in the order given) that is on and finds something. Unlike ``RuleTable.first``,
    finding means "not None": a token or an empty span found is still a finding."""
    for name, attempt in candidates:
        if ctx.on(name):
            found = attempt()
            if found is not None:
                return name, found
    return None


@dataclass
class Attribution:
    start: int  # content
    end: int
    kind: QuoteKind
    cue: tuple[int, int] | None
    cue_modality: str | None
    source: Span | None
    clause: tuple[int, int]  # the claim's span (the whole clause for a quoted fragment)
    rule: str  # the rule that found it
    trail: Trail = field(default_factory=Trail)  # the rules that shaped it after that (content, kind, source)
    resolved: Trail = field(default_factory=Trail)  # the rules that resolved its speaker and source chain
    cue_pos: int = -1  # char index of the cue, to keep only outermost attributions
    continues: Attribution | None = None  # a direct quote carrying on an earlier one's attribution
    according: bool = False
    speaker: str | None = None
    chain: list[SourceLink] = field(default_factory=list)
    second_hand: tuple[int, int] | None = None  # the words that make the source second-hand ('according to'...)


# -- spans --------------------------------------------------------------------------------------------


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, quote marks and sentence punctuation that is not part of the content."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def words(span: Span) -> list[str]:
    return WORD.findall(span.text)


def inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def overlaps_any(span: Span, spans: list[tuple[int, int]]) -> bool:
    return any(s < span.end_char and span.start_char < e for s, e in spans)


def mark_token(doc: Doc, p: QuotedPassage, closing: bool = False) -> Span | None:
    """The token(s) of a passage's opening (or closing) quotation mark."""
    at = p.close if closing else p.open
    return doc.char_span(at, at + 1, alignment_mode="expand")


def is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def span_without_mark(clause: Token) -> Span:
    """A clause's words without its subordinator ('that') and leading punctuation (an opening quotation
    mark stays)."""
    doc = clause.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    while start < end and ((doc[start].dep_ == "mark" and doc[start].head == clause) or (
            doc[start].is_punct and doc[start].text not in MARKS)):
        start += 1
    return doc[start:end]


def cut_at(content: Span, i: int) -> Span:
    """The span up to token i, without the punctuation before it."""
    end = i
    while end > content.start and content.doc[end - 1].is_punct:
        end -= 1
    return content.doc[content.start : end]
