"""Where a source got it: the next link of a claim's source chain ('reports, which originated from
South Korea's National Intelligence Service'; 'politicians who had been briefed by the spy agency').

Any source may name its origin in a relative clause. Only a document's own modifiers name its origin ('a
Pentagon statement', 'the ministry's report', 'reports from Seoul', 'the party released a statement');
on a person or body they are part of the name or an affiliation ('Mark Rutte', 'Russia's army').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.context import QuoteContext
from newsgraph.nlp.quotes.pronouns import SPEAKER_PRONOUNS

Origin = tuple[str, str, Span]  # the rule, the relation ("origin" / "briefed_by"), the phrase naming it


def origin(ctx: QuoteContext, head: Token, document: bool) -> Origin | None:
    """The origin a source phrase (by its head word) names, with the rule that found it."""
    found = _relative_clause(ctx, head)
    if found is not None or not document:
        return found
    return _publisher(ctx, head) or _document_modifier(ctx, head)


def _relative_clause(ctx: QuoteContext, head: Token) -> Origin | None:
    """'which originated from X', 'who had been briefed by X'."""
    if not ctx.on("quotes.chain.relative_clause"):
        return None
    for tok in head.subtree:
        if tok.dep_ in ("relcl", "acl") and tok.head == head:
            for relation in ("briefed_by", "origin"):
                if ctx.lex.is_class(tok.lemma_, relation):
                    target = _agent_of(tok)
                    if target is not None:
                        return "quotes.chain.relative_clause", relation, target
    return None


def _publisher(ctx: QuoteContext, head: Token) -> Origin | None:
    """'The party released a statement which said ...': who released, issued or published it."""
    verb = head.head
    if not ctx.on("quotes.chain.publisher") or head.dep_ != "dobj" or not ctx.lex.is_class(verb.lemma_, "origin"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in SPEAKER_PRONOUNS):
        return "quotes.chain.publisher", "origin", head.doc[subject.left_edge.i : subject.i + 1]
    return None


def _document_modifier(ctx: QuoteContext, head: Token) -> Origin | None:
    """'reports from X' / 'a statement by X', "the ministry's report", 'a Pentagon statement'."""
    doc = head.doc
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by") and ctx.on("quotes.chain.from_by"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return "quotes.chain.from_by", "origin", _subtree_span(obj)
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") and ctx.on("quotes.chain.possessor"):
            return "quotes.chain.possessor", "origin", doc[child.left_edge.i : child.i + 1]
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < head.i \
                and ctx.on("quotes.chain.compound_name"):
            return "quotes.chain.compound_name", "origin", doc[child.left_edge.i : child.i + 1]
    return None


def _agent_of(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _subtree_span(obj)
        if child.dep_ == "dobj" and child.lemma_ not in ("it", "that"):
            return _subtree_span(child)
    return None


def _subtree_span(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
