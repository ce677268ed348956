"""Indirect speech and mixed quotes: what a reporting verb governs ('said that ...', 'vowed to ...',
'accused X of Y', 'called the move a "significant escalation"').

For each cue verb: the filters (``CUE_FILTERS``) drop the verbs that report nothing here (a question, a
condition, an order to the reader ...); the content is the first of the content rules that finds one
(``clause_content``); quoted fragments the verb governs (``fragments_by_cue``) make it a mixed quote, or,
when they make up most of the clause, stand as quotes of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.model import QuoteKind
from newsgraph.nlp.quotes.content import complement, content_span, cut_added, shape
from newsgraph.nlp.quotes.context import (
    SUBJECT_DEPS,
    WORD,
    Attribution,
    QuoteContext,
    Trail,
    first,
    inside,
    overlaps_any,
    trim,
)
from newsgraph.nlp.quotes.lexicon import VerbCue
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage
from newsgraph.nlp.quotes.objects import (
    noun_object,
    object_clause,
    object_with_reason,
    parenthetical,
    phrasal_object,
    trailing_report,
)
from newsgraph.nlp.quotes.sources import cue_span, source_of

FRAGMENT_JOINERS = re.compile(r"^[\s,]*(?:(?:and|or|but)\s*)?$")


@dataclass
class _Quoted:
    """The quoted stretches of the document, and where each fragment's governing cue is."""

    direct_spans: list[tuple[int, int]]
    direct_cues: set[int]
    spans: list[tuple[int, int]]  # direct quotes and fragments, sorted
    starts: list[int]
    by_cue: dict[int, list[QuotedPassage]]


def clause_attributions(
    ctx: QuoteContext,
    fragments: list[QuotedPassage],
    direct_spans: list[tuple[int, int]],
    direct_cues: set[int],
    verbs: list[Token],
) -> list[Attribution]:
    """Indirect speech and mixed quotes: what a reporting verb governs."""
    spans = sorted(direct_spans + [(f.open, f.close + 1) for f in fragments])
    quoted = _Quoted(direct_spans, direct_cues, spans, [s for s, _ in spans],
                     fragments_by_cue(ctx, fragments, direct_spans))
    found: list[Attribution] = []
    for tok in verbs:
        cue = ctx.lex.verbs.get(tok.lemma_)
        if cue is None or cue.direct_only:
            continue
        verb_rule = _verb_rule(ctx, tok)
        if verb_rule is None or _skipped(ctx, tok, quoted):
            continue
        found += _attributions_of(ctx, tok, cue, quoted, verb_rule)
    return found


def _verb_rule(ctx: QuoteContext, tok: Token) -> str | None:
    """None when the word is no verb here; the rule that took it for one when the tagger did not."""
    if tok.pos_ in ("VERB", "AUX"):
        return ""
    if ctx.on("quotes.clause.noun_tagged_verb") and tok.dep_ == "ROOT" and tok.tag_ in ("NN", "NNS") \
            and any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children):
        return "quotes.clause.noun_tagged_verb"  # 'Estimates by X state [that] ...'
    return None


def _attributions_of(ctx: QuoteContext, tok: Token, cue: VerbCue, quoted: _Quoted, verb_rule: str) -> list[Attribution]:
    frags = quoted.by_cue.get(tok.i, [])
    shaped = Trail()  # the rules that shaped the content
    found = clause_content(ctx, tok, cue, frags, shaped)
    if found is not None and overlaps_any(found[1], quoted.direct_spans) and ctx.on("quotes.filter.over_direct_quote"):
        found = None
    if found is None and not frags:
        return []
    if ctx.on("quotes.clause.skip_sourceless_participle") and not _has_source_slot(tok):
        return []
    shared = Trail()  # what every attribution of this cue shares: how the verb was read, and its source
    if verb_rule:
        shared.add(verb_rule, tok)
    made = _Made(ctx, tok, cue, source_of(ctx, tok, shared), shared)
    if found is None:
        return made.pieces(frags)
    rule, content = found
    if made.source is not None and "quotes.source.trailing_name" in {step[0] for step in shared.steps} \
            and content.end <= made.source.start:
        # (the count the parser took for the source belongs to what is said: up to the comma before the name)
        content = shape(ctx, shaped, "quotes.source.trailing_name", content,
                        lambda c: c.doc[c.start : made.source.start - 1] if made.source is not None else c)
    if frags:
        content = shape(ctx, shaped, "quotes.clause.adjacent_fragments", content,
                        lambda s: _over_adjacent_fragments(ctx, s, frags))
    within = [f for f in frags if content.start_char <= f.open < content.end_char]
    if ctx.on("quotes.kind.quoted_pieces") and _mostly_quoted(ctx, content, within):
        claimed = Trail()  # (the pieces within the clause keep it as their claim, with how it was found)
        claimed.add(rule, content)
        claimed.extend(shaped)
        claimed.add("quotes.kind.quoted_pieces", content)
        return made.pieces(frags, (content.start_char, content.end_char), within, claimed)
    return [made.clause(rule, content, within, shaped), *made.pieces([f for f in frags if f not in within])]


@dataclass
class _Made:
    """What every attribution of one cue verb shares: the cue, its source, the rules that found them."""

    ctx: QuoteContext
    tok: Token
    cue: VerbCue
    source: Span | None
    shared: Trail

    def _new(self, start: int, end: int, kind: QuoteKind, clause: tuple[int, int], rule: str) -> Attribution:
        return Attribution(start, end, kind, cue_span(self.ctx, self.tok), self.cue.modality, self.source, clause,
                           rule, cue_pos=self.tok.idx)

    def clause(self, rule: str, content: Span, within: list[QuotedPassage], shaped: Trail) -> Attribution:
        """The whole clause: a mixed quote when quoted words make up enough of it, else indirect speech."""
        s, e = trim(self.ctx.text, content.start_char, content.end_char)
        mixed = self.ctx.on("quotes.kind.mixed_clause") and \
            _quoted_share(self.ctx, content, within) >= self.ctx.settings.mixed_clause
        att = self._new(s, e, "mixed" if mixed else "indirect", (s, e), rule)
        att.trail.extend(shaped)
        if mixed:
            att.trail.add("quotes.kind.mixed_clause", content)
        att.trail.extend(self.shared)
        return att

    def pieces(self, frags: list[QuotedPassage], clause: tuple[int, int] | None = None,
               within: list[QuotedPassage] | None = None, claimed: Trail | None = None) -> list[Attribution]:
        """Quoted fragments as mixed quotes of their own; those within the clause keep it as their claim."""
        out = []
        for f in sorted(frags, key=lambda f: f.open):
            s, e = trim(self.ctx.text, *f.content)
            in_clause = clause is not None and within is not None and f in within
            claim = clause if in_clause and clause is not None else (s, e)
            att = self._new(s, e, "mixed", claim, "quotes.fragment.under_cue")
            if in_clause and claimed is not None:
                att.trail.extend(claimed)
            att.trail.extend(self.shared)
            out.append(att)
        return out


def clause_content(ctx: QuoteContext, tok: Token, cue: VerbCue, frags: list[QuotedPassage],
                   trail: Trail) -> tuple[str, Span] | None:
    """The content rules in order: a clausal complement; a clause taken for an object; a cue's object
    (not when quoted words are the content); a parenthetical cue's clause."""
    comp = complement(ctx, tok, cue)
    if comp is not None:
        rule, clause = comp
        return rule, cut_added(ctx, content_span(ctx, tok, clause, trail), trail)
    found = first(ctx, [
        ("quotes.clause.object_clause", lambda: object_clause(ctx, tok)),
        ("quotes.clause.phrasal_object", lambda: None if frags else phrasal_object(ctx, tok, trail)),
        ("quotes.clause.object_with_reason", lambda: None if frags else object_with_reason(ctx, tok, cue)),
    ])
    if found is None:
        found = noun_object(ctx, tok, cue, trail, allow_plain=not frags)
    if found is None and tok.dep_ == "parataxis" and not cue.needs_that:
        found = first(ctx, [("quotes.clause.parenthetical", lambda: parenthetical(ctx, tok))])
    if found is None and not cue.needs_that and _closes_after_comma(tok):
        found = first(ctx, [("quotes.clause.trailing_conjunct", lambda: trailing_report(ctx, tok))])
    return found


def _closes_after_comma(verb: Token) -> bool:
    """'A cholera outbreak has killed 389 people, WHO chief Tedros told reporters in Geneva.', parsed with
    'told' joined to 'killed': a verb with its own subject that closes the sentence, after a comma and no
    'and' or 'but'."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or verb.right_edge.i + 2 < verb.sent.end:
        return False
    between = verb.doc[head.i + 1 : verb.left_edge.i]
    return any(c.dep_ == "nsubj" for c in verb.children) and any(t.text == "," for t in between) \
        and not any(t.dep_ == "cc" and t.head == head for t in between)


# -- the cue verbs that report nothing here ---------------------------------------------------------


def _skipped(ctx: QuoteContext, tok: Token, quoted: _Quoted) -> bool:
    if ctx.on("quotes.clause.skip_direct_cue") and tok.idx in quoted.direct_cues:
        return True  # a direct quote's cue reports that quote, not a clause the parser hung on it
    if ctx.on("quotes.clause.skip_quoted_cue") and inside(tok.idx, quoted.spans, quoted.starts):
        return True  # a cue inside quoted words is the quoted speaker's
    return any(ctx.on(rule) and test(tok) for rule, test in CUE_FILTERS)


def _infinitive_adjunct(verb: Token) -> bool:
    """'(examined) to determine if ...', 'something to say': purposes and modifiers, not reports.
    ('is expected to announce that ...', an xcomp, stays a report.)"""
    return verb.dep_ in ("advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _in_question(verb: Token) -> bool:
    """'What do you think might account for them?' asks; it does not report."""
    sent = verb.sent
    last = sent[-1]
    while last.i > sent.start and (last.is_space or last.text in MARKS):
        last = verb.doc[last.i - 1]
    return last.text == "?"


def _conditional(verb: Token) -> bool:
    """'if we confirm that ...', 'unless they announce ...': a report that may not happen is none."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _imperative(verb: Token) -> bool:
    """An order to the reader ('Imagine that ...'; 'Just don't tell anyone', a title, is no report either)."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and not _subjects(verb) and not any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ != "do" for c in verb.children
    )


def _that_said(verb: Token) -> bool:
    """The linker 'That said,'."""
    doc = verb.doc
    return verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and any(
        c.lower_ in ("that", "this") and c.i == verb.i - 1 for c in _subjects(verb)
    )


def _inverted_question(verb: Token) -> bool:
    """A question with its auxiliary before the subject ('Can we expect X to ...')."""
    subjects = _subjects(verb)
    return bool(subjects) and any(c.dep_ == "aux" and c.i < subjects[0].i for c in verb.children)


CUE_FILTERS: tuple[tuple[str, Callable[[Token], bool]], ...] = (
    ("quotes.clause.skip_infinitive_adjunct", _infinitive_adjunct),
    ("quotes.clause.skip_question", _in_question),
    ("quotes.clause.skip_conditional", _conditional),
    ("quotes.clause.skip_imperative", _imperative),
    ("quotes.clause.skip_that_said", _that_said),
    ("quotes.clause.skip_inverted_question", _inverted_question),
)


def _has_source_slot(verb: Token) -> bool:
    """Participles on a bare noun ('weeks of reports suggesting that') do not name a source."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # 'a program called "Learning Together"', 'the weapons described as ...'
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        head = verb.head
        return any(c.dep_ == "det" for c in head.children) and head.tag_ == "NN"
    return True


# -- quoted fragments -------------------------------------------------------------------------------


def fragments_by_cue(
    ctx: QuoteContext, fragments: list[QuotedPassage], direct_spans: list[tuple[int, int]]
) -> dict[int, list[QuotedPassage]]:
    """Each quoted fragment under the nearest cue verb that governs it (not through the cue's subject)."""
    out: dict[int, list[QuotedPassage]] = {}
    if not ctx.on("quotes.fragment.under_cue"):
        return out
    starts = [s for s, _ in direct_spans]
    for f in fragments:
        if inside(f.open, direct_spans, starts):
            continue
        span = ctx.doc.char_span(*f.content, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cue = _governing_cue(ctx, span.root)
        if cue is not None:
            out.setdefault(cue.i, []).append(f)
    return out


def _governing_cue(ctx: QuoteContext, node: Token) -> Token | None:
    """The cue verb up the parse from a fragment that takes it as what was said."""
    while node.head != node:
        arrived_by = node.dep_
        node = node.head
        cue = ctx.lex.verbs.get(node.lemma_)
        if cue is not None and not cue.direct_only and node.pos_ in ("VERB", "AUX") \
                and arrived_by not in (*SUBJECT_DEPS, "csubj"):
            if ctx.on("quotes.fragment.skip_passive_naming") and _is_passive_naming(node):
                return None  # 'This phase is called "the development phase"': a name, nobody says it
            if cue.takes_fragment or (arrived_by in ("ccomp", "xcomp") and complement(ctx, node, cue) is not None):
                return node
        if node.pos_ == "VERB" and node.dep_ in ("advcl", "acl", "relcl") and arrived_by not in SUBJECT_DEPS \
                and ctx.on("quotes.fragment.stop_at_adjunct"):
            return None  # 'criticized X, pointing to the "ballot box"': the words belong to the adjunct
    return None


def _is_passive_naming(verb: Token) -> bool:
    """'is called X', 'was dubbed X' with no one doing the calling."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _over_adjacent_fragments(ctx: QuoteContext, content: Span, frags: list[QuotedPassage]) -> Span:
    """'arguing Trump was "sow[ing] chaos" and "mak[ing] matters worse"': the parser hangs the quoted
    pieces apart from the clause they finish; pieces that follow it, joined only by 'and' or a comma,
    are part of it."""
    end = content.end_char
    for f in sorted(frags, key=lambda f: f.open):
        if f.open >= end and FRAGMENT_JOINERS.match(ctx.text[end : f.open]):
            end = f.close + 1
    if end == content.end_char:
        return content
    span = ctx.doc.char_span(content.start_char, end, alignment_mode="expand")
    return span if span is not None else content


def _quoted_share(ctx: QuoteContext, content: Span, frags: list[QuotedPassage]) -> float:
    total = len(WORD.findall(content.text)) or 1
    quoted = sum(len(WORD.findall(ctx.text[slice(*f.content)])) for f in frags)
    return quoted / total


def _mostly_quoted(ctx: QuoteContext, content: Span, frags: list[QuotedPassage]) -> bool:
    """A clause made mostly of quoted pieces is reported as those pieces (mixed quotes), else as a whole."""
    share = _quoted_share(ctx, content, frags)
    return (len(frags) >= 2 and share >= ctx.settings.mixed_coverage) or share >= ctx.settings.mixed_single

