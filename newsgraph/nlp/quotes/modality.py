"""How sure the text is of a claim (its modality), from what its cue and its content say.

``content_modality`` reads the content's first sentence: a conditional ('if', 'unless') beats a modal on
the main verb ("may not be aware" is hedged), which beats negation, which beats other hedges ("reportedly"
is 'reported'), which beat the future. ``combine`` then weighs it against the cue's own modality
('denied that' negates, 'suggested that' hedges, 'confirmed that' confirms) and a second-hand source
('according to', a document, an anonymous source: 'reported'). Each returns the rule that decided, with
its evidence, so the claim can say why.
"""

from __future__ import annotations

from typing import Any, cast

from spacy.tokens import Span, Token

from newsgraph.model import Modality
from newsgraph.nlp.quotes.context import QuoteContext, Trail

CONDITIONAL_MARKS = frozenset({"if", "unless"})
# The content's labels, strongest first ("hedged_main": a modal on the main verb, reported as "hedged").
PRECEDENCE = ("hypothetical", "hedged_main", "negated", "reported", "hedged", "expected")

Marked = tuple[str, str, tuple[int, int]]  # the label, the rule that found it, the word


def content_modality(ctx: QuoteContext, span: Span) -> Marked | None:
    """What the words of the content say about its certainty; None when they say nothing."""
    found: dict[str, tuple[str, Token]] = {}  # label -> the first rule and word that found it
    tokens = _first_sentence(span) if ctx.on("quotes.modality.first_sentence") else list(span)
    for i, tok in enumerate(tokens):
        marked = _marker(ctx, span, tokens, i)
        if marked is not None:
            found.setdefault(marked[0], (marked[1], tok))
    if "hedged_main" in found:
        found.setdefault("hedged", found["hedged_main"])
    for label in PRECEDENCE:
        if label in found:
            rule, tok = found[label]
            return ("hedged" if label == "hedged_main" else label), rule, (tok.idx, tok.idx + len(tok.text))
    return None


def _marker(ctx: QuoteContext, span: Span, tokens: list[Any], i: int) -> tuple[str, str] | None:
    """The label one word gives the content, and the rule that reads it so."""
    lex, tok = ctx.lex, tokens[i]
    low = tok.lower_
    if low in CONDITIONAL_MARKS and (tok.dep_ == "mark" or i == 0) and ctx.on("quotes.modality.conditional"):
        return "hypothetical", "quotes.modality.conditional"
    if tok.dep_ == "neg" and _is_main_predicate(tok.head, span) and ctx.on("quotes.modality.negation"):
        return "negated", "quotes.modality.negation"
    if i + 1 < len(tokens) and (low, tokens[i + 1].lower_) in lex.hedge_phrases \
            and ctx.on("quotes.modality.hedge_phrase"):
        return lex.hedge_phrases[(low, tokens[i + 1].lower_)], "quotes.modality.hedge_phrase"
    if low in lex.hedges and lex.hedges[low] != "hypothetical" and tok.pos_ != "PROPN" \
            and ctx.on("quotes.modality.hedge_word"):  # (not 'May 1')
        label = lex.hedges[low]
        if label == "hedged" and tok.dep_ == "aux" and _is_main_predicate(tok.head, span) \
                and ctx.on("quotes.modality.modal_main"):
            return "hedged_main", "quotes.modality.modal_main"
        return label, "quotes.modality.hedge_word"
    return None


def _first_sentence(span: Span) -> list[Any]:
    """Only the content's first sentence counts (a long quote is not hypothetical for an "if" in its fifth
    sentence)."""
    tokens = list(span)
    if not tokens:
        return tokens
    first = tokens[0].sent
    return [t for t in tokens if t.sent == first] if first.end < span.end else tokens


def _is_main_predicate(tok: Any, span: Span) -> bool:
    """The content's own predicate (or one conjoined with it), not a verb in a clause inside it."""
    root = span.root
    return bool(tok == root or (tok.dep_ == "conj" and tok.head == root))


def combine(ctx: QuoteContext, cue: str | None, cue_at: tuple[int, int] | None, content: Marked | None,
            second_hand: tuple[int, int] | None, trail: Trail) -> Modality:
    """The claim's modality from its cue's and its content's; second-hand sources make it "reported".
    The rule that decided goes on ``trail`` (nothing for a plain assertion). A content's rule was checked
    when the content was read."""
    label, rule, word = content if content is not None else (None, None, None)
    if cue == "negated" and ctx.on("quotes.modality.cue_negated"):
        return _decided(trail, "quotes.modality.cue_negated", cue_at, "negated")
    if rule is not None and label in ("hypothetical", "negated", "hedged", "reported"):
        return _decided(trail, rule, word, label)
    if cue == "hedged" and ctx.on("quotes.modality.cue"):
        return _decided(trail, "quotes.modality.cue", cue_at, "hedged")
    if rule is not None and label == "expected":
        return _decided(trail, rule, word, "expected")
    if cue == "expected" and ctx.on("quotes.modality.cue"):
        return _decided(trail, "quotes.modality.cue", cue_at, "expected")
    if cue == "confirmed" and ctx.on("quotes.modality.cue"):
        return _decided(trail, "quotes.modality.cue", cue_at, "confirmed")
    if second_hand is not None and ctx.on("quotes.modality.second_hand"):
        return _decided(trail, "quotes.modality.second_hand", second_hand, "reported")
    if cue == "reported" and ctx.on("quotes.modality.cue"):
        return _decided(trail, "quotes.modality.cue", cue_at, "reported")
    return "asserted"


def _decided(trail: Trail, rule: str, evidence: tuple[int, int] | None, modality: str) -> Modality:
    trail.add(rule, evidence)
    return cast(Modality, modality)
