"""'According to X': the clause it vouches for (``according_to``), and the phrase next to a direct quote
('"...," according to a tweet by X' / 'According to eyewitness X, "..."').

The source is the object of 'to'; the content is the words on the side of the phrase that has them
('X, according to Y' / 'According to Y, X'), else the whole clause around it; a clause joined after the
phrase, or past a semicolon, has its own attribution.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.context import (
    SENTENCE_END,
    SUBJECT_DEPS,
    Attribution,
    QuoteContext,
    Trail,
    mark_token,
    trim,
    words,
)
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage
from newsgraph.nlp.quotes.sources import can_speak, np

Cited = tuple[tuple[int, int], Span]  # the cue 'according to', and the source


def according_to(ctx: QuoteContext, candidates: list[Token]) -> list[Attribution]:
    """'Fighter pilots are among them, according to the defense ministry': the clause, with the cited
    source; PARC's modality of such a report is 'reported'."""
    if not ctx.on("quotes.according_to.clause"):
        return []
    return [att for tok in candidates if (att := _attribution(ctx, tok)) is not None]


def by_reckoning(ctx: QuoteContext, candidates: list[Token]) -> list[Attribution]:
    """'By the count of the WHO regional office, 15 countries have reported mpox', 'by the army's tally':
    a source's own reckoning vouches for its clause as 'according to' does."""
    if not ctx.on("quotes.according_to.reckoning"):
        return []
    found = []
    for by in candidates:
        noun = next((c for c in by.children if c.dep_ == "pobj"), None)
        if noun is None or not ctx.lex.is_class(noun.lemma_, "reckoning") or by.head.pos_ not in ("VERB", "AUX"):
            continue  # (on a clause; "a total by NBC's reckoning of 279" vouches for a noun phrase only)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
            (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj"), None)
        if owner is None or not can_speak(ctx, np(ctx, owner)):
            continue  # ("cut by the count of sheep")
        att = _vouched(ctx, by, noun, owner, "quotes.according_to.reckoning")
        if att is not None:
            found.append(att)
    return found


def _attribution(ctx: QuoteContext, tok: Token) -> Attribution | None:
    doc = ctx.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    obj = _cited(ctx, tok, to)
    return _vouched(ctx, tok, to, obj, "quotes.according_to.clause") if obj is not None else None


def _vouched(ctx: QuoteContext, tok: Token, to: Token, obj: Token, rule: str) -> Attribution | None:
    """The attribution of the phrase from ``tok`` to ``to`` (the cue) citing ``obj``: its clause, or its side."""
    doc = ctx.doc
    trail = Trail()
    source = np(ctx, obj, trail)
    phrase_start, phrase_end = tok.i, max(source.end, to.i + 1)
    sent = _clause_of_according(ctx, tok, phrase_end, trail)
    before = doc[sent.start : phrase_start] if phrase_start > sent.start else doc[sent.start : sent.start]
    after = doc[phrase_end : sent.end] if phrase_end < sent.end else doc[sent.end : sent.end]
    side = _side(ctx, before, after)
    content = sent if side is None else side[1]
    s, e = trim(ctx.text, content.start_char, content.end_char)
    if e - s < 3:
        return None
    if side is not None:
        trail.add(side[0], content)
    cue = (tok.idx, to.idx + len(to.text))
    att = Attribution(s, e, "indirect", cue, "reported", source, (s, e), rule, trail, cue_pos=tok.idx,
                      according=True)
    return att


def _cited(ctx: QuoteContext, according: Token, to: Token) -> Token | None:
    """The object of 'according to' (the parser hangs it on either word), when it can be cited."""
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    if not objs:
        return None
    if ctx.on("quotes.according_to.skip_not_source") and ctx.lex.is_class(objs[0].lemma_, "not_source"):
        return None  # 'according to plan', 'each according to their choice' cite no one
    return objs[0]


def _side(ctx: QuoteContext, before: Span, after: Span) -> tuple[str, Span] | None:
    """The words the phrase vouches for when they stand on one side of it only."""
    if ctx.on("quotes.according_to.trailing") and len(words(after)) <= 1:
        return "quotes.according_to.trailing", before  # 'X, according to Y.'
    if ctx.on("quotes.according_to.leading") and len(words(before)) <= 1:
        return "quotes.according_to.leading", after  # 'According to Y, X.'
    return None


def _clause_of_according(ctx: QuoteContext, according: Token, phrase_end: int, trail: Trail) -> Span:
    """The stretch 'according to X' vouches for: its sentence, but not a clause joined after the phrase
    ('Trump has admitted it, according to prosecutors, but the department maintains ...')."""
    doc = according.doc
    sent = according.sent
    if ctx.on("quotes.according_to.semicolon_part"):
        part = _semicolon_part(sent, according.i)
        if (part.start, part.end) != (sent.start, sent.end):
            trail.add("quotes.according_to.semicolon_part", part)
        sent = part
    head = according.head
    if head.pos_ not in ("VERB", "AUX") or not sent.start <= head.i < sent.end or according.i < head.i:
        return sent  # ('According to X, A and B': X vouches for both)
    if not ctx.on("quotes.according_to.cut_joined_clause"):
        return sent
    end = sent.end
    for child in head.children:
        if child.dep_ == "conj" and child.i >= phrase_end and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            cut = child.left_edge.i
            while cut > phrase_end and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            end = min(end, cut)
    if end < sent.end:
        trail.add("quotes.according_to.cut_joined_clause", doc[end : sent.end])
    return doc[sent.start : end]


def _semicolon_part(sent: Span, i: int) -> Span:
    """The part of a sentence between semicolons that holds token i: 'X suggested A; according to Y, B'
    vouches for B only (the clause before it has its own attribution)."""
    doc = sent.doc
    start, end = sent.start, sent.end
    for tok in sent:
        if tok.text == ";":
            if tok.i < i:
                start = tok.i + 1
            elif tok.i > i:
                end = tok.i
                break
    return doc[start:end]


# -- next to a direct quote -------------------------------------------------------------------------


def according_after(ctx: QuoteContext, p: QuotedPassage) -> Cited | None:
    """'"...," according to a tweet by X'."""
    doc = ctx.doc
    after = mark_token(doc, p, closing=True)
    if after is None or after.end + 2 >= len(doc):
        return None
    i = after.end
    if doc[i].is_punct:
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ != "according" or doc[i + 1].lower_ != "to":
        return None
    objs = [c for c in doc[i + 1].children if c.dep_ == "pobj"]
    if not objs:
        return None
    return (doc[i].idx, doc[i + 1].idx + 2), np(ctx, objs[0])


def according_before(ctx: QuoteContext, p: QuotedPassage) -> Cited | None:
    """'According to eyewitness Vinnie DeVita, "..."'."""
    doc = ctx.doc
    mark = mark_token(doc, p)
    if mark is None or mark.start < 4 or doc[mark.start - 1].text not in (",", ":"):
        return None
    for tok in reversed(doc[max(0, mark.start - ctx.settings.before_window) : mark.start - 1]):
        if tok.text in MARKS or tok.text in SENTENCE_END or "\n" in tok.text:
            return None
        if tok.lower_ == "according" and tok.i + 1 < mark.start and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            obj = _cited(ctx, tok, to)
            return ((tok.idx, to.idx + len(to.text)), np(ctx, obj)) if obj is not None else None
    return None
