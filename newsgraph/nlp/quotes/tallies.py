"""Figures a source sets or disputes without a verb of saying: "The police put the number at 139", "He put it
at more than 1,300", "Banda Aceh police estimated the crowd at about 500", "the commissioner rejected the figure
of 3,000". The subject of such a verb gives the figure, as a reporting verb's subject gives its clause; each is
an attribution whose speaker is resolved like any other ('he', 'the agency', 'the police').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.context import Attribution, QuoteContext, trim
from newsgraph.nlp.quotes.sources import can_speak, cue_span, subject_np

TALLY_RULE = "quotes.clause.tally_setter"
DISPUTE_RULE = "quotes.clause.tally_disputed"
CLIMB = 3  # how far above the figure its "at", "to" or "of" may hang


def tally_attributions(ctx: QuoteContext) -> list[Attribution]:
    """One attribution per verb that sets or disputes a figure of the quantities stage."""
    doc = ctx.doc
    found: dict[int, Attribution] = {}
    for q in doc._.quantities or []:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        setter = _setter(ctx, span)
        if setter is None or setter[1].i in found:
            continue
        rule, verb = setter
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not ctx.on(rule):
            continue
        source = subject_np(ctx, verb, subject)
        if not (can_speak(ctx, source) or ctx.lex.is_class(source.root.lemma_, "document")):
            continue  # ("The landing brings to 1,543 the number of ...": no source)
        # (the verb's own words, not a clause joined to it: "raised its aid to €120m, and said a conference ...")
        last = max([verb] + [t for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")
                             for t in c.subtree])
        start, end = trim(ctx.text, source.end_char, last.idx + len(last.text))
        if end <= start:
            continue
        modality = "negated" if rule == DISPUTE_RULE else "asserted"
        att = Attribution(start, end, "indirect", cue_span(ctx, verb), modality, source, (start, end), rule,
                          cue_pos=verb.idx)
        found[verb.i] = att
    return list(found.values())


def _setter(ctx: QuoteContext, figure: Span) -> tuple[str, Token] | None:
    """The verb that sets the figure ("put ... at 139") or disputes it ("rejected the figure of 3,000")."""
    # (up from the figure: "the figure of [3,000 Rohingya leaving by boat]" hangs it on a clause after "of")
    for tok in [figure.root, *list(figure.root.ancestors)[:CLIMB]]:
        prep = tok.head if tok.dep_ in ("pobj", "pcomp") else None
        if prep is not None and prep.lower_ in ("at", "to") and prep.head.pos_ == "VERB" \
                and ctx.lex.is_class(prep.head.lemma_, "tally_verb"):
            return TALLY_RULE, prep.head
        if prep is not None and prep.lower_ == "of" and ctx.lex.is_class(prep.head.lemma_, "tally_noun") \
                and prep.head.dep_ == "dobj" and ctx.lex.is_class(prep.head.head.lemma_, "dispute_verb"):
            return DISPUTE_RULE, prep.head.head
    return None
