"""The cue verb of a direct quote: where it may stand next to the quotation marks.

Four places, tried in this order by the direct-quote finder (each a named rule): touching the opening
mark ('they said "..."'), just after the closing mark ('"...," Singh said'), before a quote led by a
colon, comma or dash ('He said: "..."'), and a few words before a capitalised quote ('said on Friday
"We ..."'). Each finder records on the trail the extra rules it used to accept a word as the cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.quotes.context import SENTENCE_END, QuoteContext, Trail, mark_token
from newsgraph.nlp.quotes.lexicon import VerbCue
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage

DASHES = frozenset({"—", "–"})


def is_cue_verb(ctx: QuoteContext, tok: Token) -> bool:
    cue = ctx.lex.verbs.get(tok.lemma_)
    return cue is not None and tok.pos_ in ("VERB", "AUX") and not cue.needs_that


def cue_of(ctx: QuoteContext, tok: Token) -> VerbCue:
    """The lexicon's entry for a cue word (a participle taken for a noun, too; 'say' for any other)."""
    return ctx.lex.verbs.get(tok.lemma_) or participle_cue(ctx, tok) or ctx.lex.verbs["say"]


def participle_cue(ctx: QuoteContext, tok: Token) -> VerbCue | None:
    """'..., writing, "..."' with 'writing' tagged as a noun: the participle of a cue verb all the same."""
    if not ctx.on("quotes.direct.participle_noun_cue"):
        return None
    low = tok.lower_
    if tok.pos_ != "NOUN" or not low.endswith("ing") or len(low) < 6:
        return None
    if tok.i == 0 or tok.doc[tok.i - 1].text != "," or any(c.dep_ in ("det", "poss", "amod") for c in tok.children):
        return None  # 'issued a warning, "..."', 'the hearing, "..."': a real noun
    stem = low[:-3]
    for lemma in (stem, stem + "e", stem[:-1]):
        cue = ctx.lex.verbs.get(lemma)
        if cue is not None and not cue.needs_that:
            return cue
    return None


def cue_touching(ctx: QuoteContext, p: QuotedPassage, trail: Trail) -> Token | None:
    """'they said "..."' / 'said, "..."': a cue verb touching the opening mark."""
    doc = ctx.doc
    mark = mark_token(doc, p)
    if mark is None or mark.start == 0:
        return None
    lead = doc[mark.start - 1]
    if lead.text == "," and mark.start > 1:
        lead = doc[mark.start - 2]
    if is_cue_verb(ctx, lead):
        return lead
    if participle_cue(ctx, lead) is not None:
        trail.add("quotes.direct.participle_noun_cue", lead)
        return lead
    return None


def cue_near_before(ctx: QuoteContext, p: QuotedPassage) -> Token | None:
    """'said on Friday "We are ..."': a cue verb a few words before the mark, no punctuation between."""
    doc = ctx.doc
    mark = mark_token(doc, p)
    if mark is None:
        return None
    for tok in reversed(doc[max(0, mark.start - ctx.settings.near_window) : mark.start]):
        if tok.is_punct or "\n" in tok.text:
            return None
        if is_cue_verb(ctx, tok):
            return tok
    return None


def cue_after(ctx: QuoteContext, p: QuotedPassage, trail: Trail) -> Token | None:
    """'"...," Singh said' / '"...?" asked the minister': a cue verb just after a quote not ending a sentence."""
    doc = ctx.doc
    # '"... trial." Pelosi said.': only a bare tag may follow a closed sentence
    closed = ctx.text[p.open + 1 : p.close].rstrip().endswith(".") and ctx.on("quotes.direct.closed_sentence_tag")
    after = mark_token(doc, p, closing=True)
    if after is None:
        return None
    window = ctx.settings.tag_window if closed else ctx.settings.after_window
    for tok in doc[after.end : after.end + window]:
        if tok.text in MARKS or tok.text in SENTENCE_END or "\n" in tok.text or tok.dep_ == "cc":
            return None
        if tok.tag_ == "VBG" and tok.head.idx < p.close and ctx.on("quotes.direct.skip_added_participle"):
            return None  # 'X said, "...", calling it ...': the participle adds to the cue before the quote
        tag = not is_cue_verb(ctx, tok) and ctx.on("quotes.direct.tag_verb") and _is_tag_verb(ctx, tok)
        if is_cue_verb(ctx, tok) or tag:
            if closed and not _ends_sentence(tok):
                return None
            if closed:
                trail.add("quotes.direct.closed_sentence_tag", tok)
            if tag:
                trail.add("quotes.direct.tag_verb", tok)
            return tok
    return None


def _is_tag_verb(ctx: QuoteContext, tok: Token) -> bool:
    """'"...," she recalls': a that-verb used as a quote's tag, with no object or clause of its own."""
    return tok.lemma_ in ctx.lex.verbs and tok.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children
    )


def _ends_sentence(verb: Token) -> bool:
    """The verb (with its particle) is the last word before the sentence's full stop: 'Pelosi said.'"""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "prt":
        i += 1
    return i >= len(doc) or doc[i].text in SENTENCE_END or "\n" in doc[i].text


def cue_before(ctx: QuoteContext, p: QuotedPassage, trail: Trail) -> Token | None:
    """'He said: "..."' / ', he said, "..."': the nearest cue verb before a quote led by a colon or comma."""
    doc = ctx.doc
    mark = mark_token(doc, p)
    if mark is None or mark.start == 0:
        return None
    lead = doc[mark.start - 1]
    dash = lead.text in DASHES and ctx.on("quotes.direct.dash_aside")
    if lead.text not in (":", ",") and not dash and not is_cue_verb(ctx, lead):
        return None
    i = mark.start - 1
    floor = max(0, mark.start - ctx.settings.before_window)
    if dash:  # 'commented on the matter — which the BBC noted as unusual — "..."'
        opening = next((t.i for t in reversed(doc[lead.sent.start : lead.i]) if t.text in DASHES), None)
        if opening is None:
            return None
        i, floor = opening, max(0, opening - ctx.settings.before_window)
    for tok in reversed(doc[floor:i]):
        if tok.i != mark.start - 1 and (tok.text in MARKS or tok.text in SENTENCE_END or "\n" in tok.text):
            return None
        if is_cue_verb(ctx, tok):
            return _noted(trail, tok, "quotes.direct.dash_aside" if dash else None)
        if lead.text in (",", ":") and ctx.on("quotes.direct.report_root_before") \
                and _is_report_root(ctx, tok, mark.start):
            return _noted(trail, tok, "quotes.direct.report_root_before")
    return None


def _noted(trail: Trail, tok: Token, rule: str | None) -> Token:
    if rule is not None:
        trail.add(rule, tok)
    return tok


def _is_report_root(ctx: QuoteContext, tok: Token, quote_at: int) -> bool:
    """'The court decided, according to the summary, "..."' / 'posting on Twitter, "..."': a that-verb
    set off from the quote it introduces, with no object or clause of its own before the quote."""
    return tok.lemma_ in ctx.lex.verbs and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "advcl", "conj") and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and tok.i < c.i < quote_at for c in tok.children
    )
