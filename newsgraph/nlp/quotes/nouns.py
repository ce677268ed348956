"""Reporting nouns: "Trump's claim that the election was stolen" (a noun cue with its 'that' clause),
"the governor's plan to close the schools" (an intention noun with its infinitive).

The holder of the claim is its possessor, its 'by'/'from' phrase, a name compounded with the noun ('the
New York Times report that'), or the subject of the verb that carries the noun ('X issued a statement
that'). A noun with no holder and no 'that' is maybe no one's claim; 'There are concerns that ...' is the
outlet's summary of a mood. ("amid reports that ...", a 'that' clause with no holder, is PARC's implicit
source: the source is left null.)
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.context import (
    Attribution,
    QuoteContext,
    Trail,
    has_that,
    is_infinitive,
    overlaps_any,
    span_without_mark,
    trim,
)
from newsgraph.nlp.quotes.sources import np, source_of

Sourced = tuple[str, Span | None]


def noun_cues(ctx: QuoteContext, direct_spans: list[tuple[int, int]], candidates: list[Token]) -> list[Attribution]:
    """"Trump's claim that the election was stolen": a reporting noun with a source and a 'that' clause;
    "the governor's plan to close the schools": an intention noun with a holder and an infinitive."""
    found = []
    for tok in candidates:
        if tok.pos_ != "NOUN" or not ctx.lex.is_class(tok.lower_, "noun_cue"):
            continue
        att = _attribution(ctx, tok, direct_spans)
        if att is not None:
            found.append(att)
    return found


def _clause(ctx: QuoteContext, tok: Token) -> tuple[str, Token] | None:
    """The clause the noun reports, with the rule that found it."""
    if ctx.on("quotes.noun_cue.that_clause"):
        # ('relcl': the parser's reading of 'the report that Russians were paying ...' with 'that' as a mark)
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and has_that(c)
                       and c.i > tok.i), None)
        if clause is not None:
            return "quotes.noun_cue.that_clause", clause
    if ctx.on("quotes.noun_cue.intention") and ctx.lex.is_class(tok.lower_, "intention"):
        clause = next((c for c in tok.children if c.dep_ == "acl" and c.i > tok.i and is_infinitive(c)), None)
        if clause is not None:
            return "quotes.noun_cue.intention", clause
    return None


def _attribution(ctx: QuoteContext, tok: Token, direct_spans: list[tuple[int, int]]) -> Attribution | None:
    found = _clause(ctx, tok)
    if found is None:
        return None
    rule, clause = found
    trail = Trail()
    source = _holder(ctx, tok, trail)
    if source is None and _no_ones_claim(ctx, tok, clause):
        return None
    content = span_without_mark(clause)
    if ctx.on("quotes.filter.over_direct_quote") and overlaps_any(content, direct_spans):
        return None
    s, e = trim(ctx.text, content.start_char, content.end_char)
    modality = "asserted"
    if ctx.on("quotes.modality.noun_cue") and tok.lemma_ in ctx.lex.noun_modality:
        modality = ctx.lex.noun_modality[tok.lemma_]
        trail.add("quotes.modality.noun_cue", tok)
    cue = (tok.idx, tok.idx + len(tok.text))
    return Attribution(s, e, "indirect", cue, modality, source, (s, e), rule, trail, cue_pos=tok.idx)


def _no_ones_claim(ctx: QuoteContext, tok: Token, clause: Token) -> bool:
    """'the plan to close schools': with no holder and no 'that', maybe no one's claim; 'There are rising
    concerns that ...': the outlet's own summary of a mood, no attribution."""
    if ctx.on("quotes.noun_cue.skip_holderless") and not has_that(clause):
        return True
    return ctx.on("quotes.noun_cue.skip_existential") and _is_existential(tok)


def _holder(ctx: QuoteContext, tok: Token, trail: Trail) -> Span | None:
    """Who holds the claim (the last of the noun's own possessor and 'by' phrase; else a name or the
    subject of the verb carrying the noun)."""
    found: Sourced | None = None
    for child in tok.children:
        if child.dep_ == "poss" and child.tag_ != "EX" and ctx.on("quotes.source.possessor"):
            # (not a misparsed 'There are concerns that'; without the "'s")
            found = "quotes.source.possessor", tok.doc[child.left_edge.i : child.i + 1]
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and ctx.on("quotes.source.by_phrase"):
            found = "quotes.source.by_phrase", next((np(ctx, o) for o in child.children if o.dep_ == "pobj"), None)
    if found is None or found[1] is None:
        found = _compound_name(ctx, tok) or _carrier_subject(ctx, tok, trail)
    if found is None or found[1] is None:
        return None
    trail.steps.insert(0, (found[0], found[1].start_char, found[1].end_char))
    return found[1]


def _compound_name(ctx: QuoteContext, tok: Token) -> Sourced | None:
    """'the New York Times report that ...', 'a Pentagon statement that ...'."""
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names or tok.lower_.endswith("ing") or not ctx.on("quotes.source.compound_name"):
        return None
    return "quotes.source.compound_name", tok.doc[names[0].left_edge.i : names[-1].i + 1]


def _carrier_subject(ctx: QuoteContext, tok: Token, trail: Trail) -> Sourced | None:
    """'X issued a ruling finding that ...' (a participle the tagger took for a noun), 'X made an
    announcement that ...', 'X issued a statement that ...': the subject of the verb speaks."""
    if not (tok.lower_.endswith("ing") or (tok.dep_ == "dobj" and ctx.lex.listed(tok.head.lemma_, "light_verb"))):
        return None
    if not ctx.on("quotes.source.light_verb_subject"):
        return None
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return "quotes.source.light_verb_subject", source_of(ctx, verb, trail) if verb is not None else None


def _is_existential(noun: Token) -> bool:
    """'There are concerns that ...', 'There have been reports that ...'."""
    head = noun.head
    if noun.dep_ in ("attr", "nsubj") and any(c.dep_ == "expl" for c in head.children):
        return True
    # (the parser also reads 'There are rising concerns' as a noun phrase with 'There' hung on it)
    return any(t.tag_ == "EX" for t in noun.doc[max(noun.sent.start, noun.i - 4) : noun.i])
