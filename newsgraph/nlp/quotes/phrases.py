"""Cues that are not a reporting verb's clause: 'citing X' after a clause, 'made (it) clear that', and the
attributions whose source is left unsaid: an impersonal passive ('X is projected to win', 'he is widely
suspected of asking ...') and a hearsay adverb framing its sentence ('Reportedly, X ...'). PARC's
convention for these: the source is null, the cue and content are there. ('It is said that ...' is a
reporting verb's clause and is found with the others.)
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
    words,
)
from newsgraph.nlp.quotes.sources import agent, cue_span, names_a_source, np, source_of


def citing(ctx: QuoteContext, candidates: list[Token]) -> list[Attribution]:
    """'The deal has collapsed, citing two people familiar with the matter': the clause, with the cited
    person or document as its source. A cited reason ('cut jobs, citing weak demand') is not a source, and
    under a reporting verb ('X reported ..., citing Y') the citing only says where X's report came from."""
    if not ctx.on("quotes.citing.clause"):
        return []
    return [att for tok in candidates if (att := _citing(ctx, tok)) is not None]


def _citing(ctx: QuoteContext, tok: Token) -> Attribution | None:
    if tok.lower_ != "citing" or tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    head = tok.head
    if ctx.on("quotes.citing.skip_under_report") and (
            head.lemma_ in ctx.lex.verbs or any(a.lemma_ in ctx.lex.verbs for a in head.ancestors)):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or not names_a_source(ctx, obj):
        return None
    doc = ctx.doc
    start, end = head.left_edge.i, tok.left_edge.i
    if end <= start + 1:
        return None
    s, e = trim(ctx.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
    cue = (tok.idx, tok.idx + len(tok.text))
    trail = Trail()
    source = np(ctx, obj, trail)
    return Attribution(s, e, "indirect", cue, "reported", source, (s, e), "quotes.citing.clause", trail,
                       cue_pos=tok.idx)


def made_clear(ctx: QuoteContext, direct_spans: list[tuple[int, int]], candidates: list[Token]) -> list[Attribution]:
    """'The senator made (it) clear that she would oppose the nominee': a light verb and an adjective that
    together report; the cue is the group 'made (it) clear'."""
    if not ctx.on("quotes.made_clear.clause"):
        return []
    found = []
    for clear in candidates:
        make = clear.head
        if make.lemma_ != "make" or make.pos_ not in ("VERB", "AUX") or clear.i < make.i:
            continue
        clause = next((c for node in (clear, make) for c in node.children
                       if c.i > clear.i and has_that(c)), None)
        if clause is None:
            continue
        content = span_without_mark(clause)
        if ctx.on("quotes.filter.over_direct_quote") and overlaps_any(content, direct_spans):
            continue
        s, e = trim(ctx.text, content.start_char, content.end_char)
        start = cue_span(ctx, make)[0]
        trail = Trail()
        source = source_of(ctx, make, trail)
        found.append(Attribution(s, e, "indirect", (start, clear.idx + len(clear.text)), "asserted", source, (s, e),
                                 "quotes.made_clear.clause", trail, cue_pos=make.idx))
    return found


# -- sources left unsaid ----------------------------------------------------------------------------


def implicit_sources(ctx: QuoteContext, direct_spans: list[tuple[int, int]], candidates: list[Token]
                     ) -> list[Attribution]:
    """'X is projected to win', 'is suspected of asking ...' (an impersonal passive; a 'by' phrase names
    its source) and 'Reportedly, X ...' (a hearsay adverb framing the sentence)."""
    found = []
    for tok in candidates:
        implicit = _impersonal_passive(ctx, tok) if _is_impersonal(ctx, tok) else _hearsay_adverb(ctx, tok)
        if implicit is None:
            continue
        content, att = implicit
        if len(words(content)) < 2 or (ctx.on("quotes.filter.over_direct_quote")
                                       and overlaps_any(content, direct_spans)):
            continue
        found.append(att)
    return found


Implicit = tuple[Span, Attribution]  # the content as the parse gives it, and the attribution


def _is_impersonal(ctx: QuoteContext, tok: Token) -> bool:
    return ctx.on("quotes.implicit.impersonal_passive") and tok.tag_ == "VBN" \
        and ctx.lex.is_class(tok.lemma_, "impersonal") and any(c.dep_ == "auxpass" for c in tok.children)


def _impersonal_passive(ctx: QuoteContext, tok: Token) -> Implicit | None:
    content = _raised_content(tok)
    if content is None:
        return None
    trail = Trail()
    # 'was projected by multiple media outlets to have won': a named source
    source = agent(ctx, tok, trail) if ctx.on("quotes.source.agent") else None
    if source is not None:
        trail.steps.insert(0, ("quotes.source.agent", source.start_char, source.end_char))
    lex = ctx.lex
    modality = lex.verbs[tok.lemma_].modality if tok.lemma_ in lex.verbs else "reported"
    s, e = trim(ctx.text, content.start_char, content.end_char)
    return content, Attribution(s, e, "indirect", cue_span(ctx, tok), modality, source, (s, e),
                                "quotes.implicit.impersonal_passive", trail, cue_pos=tok.idx)


def _hearsay_adverb(ctx: QuoteContext, tok: Token) -> Implicit | None:
    if not (ctx.on("quotes.implicit.hearsay_adverb") and ctx.lex.is_class(tok.lower_, "hearsay")
            and _frames_sentence(tok)):
        return None
    content = _clause_without(tok.head, tok)
    if content is None:
        return None
    s, e = trim(ctx.text, content.start_char, content.end_char)
    return content, Attribution(s, e, "indirect", (tok.idx, tok.idx + len(tok.text)), "reported", None, (s, e),
                                "quotes.implicit.hearsay_adverb", cue_pos=tok.idx)


def _frames_sentence(adverb: Token) -> bool:
    """'Reportedly, most residents vote by mail': the adverb opens the sentence, set off by a comma, and so
    frames all of it as hearsay. Inside the clause ('their dealings reportedly include ...') it only hedges
    the outlet's own statement, which becomes a claim with the modality 'reported'."""
    doc = adverb.doc
    return adverb.dep_ == "advmod" and adverb.i == adverb.sent.start and adverb.i + 1 < len(doc) \
        and doc[adverb.i + 1].text == "," and adverb.head.pos_ in ("VERB", "AUX") and adverb.head.dep_ == "ROOT"


def _raised_content(verb: Token) -> Span | None:
    """'is projected [to win the college]', 'is suspected [of asking for ...]'."""
    for child in verb.children:
        # ('was projected by two networks to win': after a 'by' phrase the parser makes it an adverbial)
        if child.dep_ in ("xcomp", "advcl") and child.i > verb.i and is_infinitive(child):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
        if child.dep_ == "prep" and child.lower_ == "of":
            comp = next((c for c in child.children if c.dep_ == "pcomp"), None)
            if comp is not None:  # ('of A, and of B': the second charge hangs on the first 'of')
                more = [c for c in (*child.children, *verb.children) if c.dep_ == "conj" and c.lower_ == "of"]
                end = max([comp.right_edge.i] + [c.right_edge.i for c in more])
                return verb.doc[comp.left_edge.i : end + 1]
    return None


def _clause_without(head: Token, adverb: Token) -> Span | None:
    """The clause 'Reportedly, most residents vote by mail' reports, without the adverb and its comma."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if adverb.i == start:
        start += 1
        while start < end and doc[start].is_punct:
            start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else None
