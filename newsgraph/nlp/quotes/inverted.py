"""Reports whose verb comes after the content and before its source, the parser taking the source for the
verb's object: "The police have killed 112 gang members since March, declared the spokesman of the
institution", "... prevented 28 000 migrants from crossing, announced on Thursday the prefecture" (a word
order of French and of wire copy written from it; "X, said the bank" parses as a subject and needs no help).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.quotes.context import Attribution, QuoteContext, trim
from newsgraph.nlp.quotes.sources import can_speak, cue_span, np

RULE = "quotes.clause.inverted_object"


def inverted_attributions(ctx: QuoteContext, verbs: list[Token]) -> list[Attribution]:
    """One attribution per reporting verb set after its content's comma, with no subject and a speaker as its
    object; the content runs from its sentence's start (or its last semicolon) to that comma."""
    if not ctx.on(RULE):
        return []
    found = []
    for verb in verbs:
        source = inverted_source(ctx, verb)
        if source is None:
            continue
        sent = verb.sent
        start = max([t.i + 1 for t in sent if t.text == ";" and t.i < verb.i], default=sent.start)
        s, e = trim(ctx.text, verb.doc[start].idx, verb.doc[verb.i - 1].idx)
        if e - s < 3:
            continue
        found.append(Attribution(s, e, "indirect", cue_span(ctx, verb), "asserted", np(ctx, source), (s, e), RULE,
                                 cue_pos=verb.idx))
    return found


def inverted_source(ctx: QuoteContext, verb: Token) -> Token | None:
    """The object of a verb of saying that follows a comma closing a clause it is joined to, when the verb
    has no subject and no content of its own and its object can speak ("declared the spokesman")."""
    doc = verb.doc
    if verb.pos_ != "VERB" or not ctx.lex.is_class(verb.lemma_, "inverted_cue") or verb.i == 0 \
            or doc[verb.i - 1].text != "," or verb.dep_ not in ("conj", "advcl") or verb.head.i >= verb.i \
            or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None  # (a finite verb, or one the tagger took for a participle: no auxiliary below)
    if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp", "mark", "aux", "auxpass") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and can_speak(ctx, np(ctx, obj)) else None
