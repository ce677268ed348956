"""Finding the attributions of one document: the list of finders (``find_attributions``), then only the
outermost of overlapping ones (``outermost``), then quoted sentences standing alone after an attributed
one (``carry_over``); and each attribution's speaker (``resolve_speaker``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.quotes.according import according_to, by_reckoning
from newsgraph.nlp.quotes.clauses import clause_attributions
from newsgraph.nlp.quotes.colon import block_quotes
from newsgraph.nlp.quotes.context import WORD, Attribution, QuoteContext
from newsgraph.nlp.quotes.direct import direct_quotes, is_quote_paragraph, passage_rule
from newsgraph.nlp.quotes.inverted import inverted_attributions
from newsgraph.nlp.quotes.marks import QuotedPassage, find_quoted_passages
from newsgraph.nlp.quotes.nouns import noun_cues
from newsgraph.nlp.quotes.phrases import citing, implicit_sources, made_clear
from newsgraph.nlp.quotes.speakers import SpeakerResolver
from newsgraph.nlp.quotes.tallies import tally_attributions
from newsgraph.nlp.syntax import dateline_end


def find_attributions(ctx: QuoteContext) -> list[Attribution]:
    passages = find_quoted_passages(ctx.text)
    direct = [(p, rule) for p in passages if (rule := passage_rule(ctx, p)) is not None]
    quoted = {p for p, _ in direct}
    fragments = [p for p in passages if p not in quoted]
    direct_spans = [(p.open, p.close + 1) for p, _ in direct]
    found = direct_quotes(ctx, direct)
    direct_cues = {a.cue_pos for a in found if a.cue_pos >= 0}
    cues = cue_candidates(ctx)
    found += clause_attributions(ctx, fragments, direct_spans, direct_cues, cues["verb"])
    found += according_to(ctx, cues["according"])
    found += by_reckoning(ctx, cues["by"])
    found += noun_cues(ctx, direct_spans, cues["noun"])
    found += citing(ctx, cues["citing"])
    found += made_clear(ctx, direct_spans, cues["clear"])
    found += implicit_sources(ctx, direct_spans, cues["implicit"])
    found += block_quotes(ctx, passages)
    found += tally_attributions(ctx)
    found += inverted_attributions(ctx, cues["verb"])
    kept = outermost(ctx, found)
    past_dateline(ctx, kept)
    carry_over(ctx, kept)
    if not ctx.on("quotes.direct.unattributed"):
        kept = [a for a in kept if a.rule != "quotes.direct.unattributed"]
    return kept


def past_dateline(ctx: QuoteContext, found: list[Attribution]) -> None:
    """"SEOUL (Reuters) - South Korea's spy agency said ...": the dateline is a place and an outlet, never
    part of what was said nor of who said it; a source or content that runs into it starts after it."""
    doc = ctx.doc
    end = dateline_end(doc, [(p.start, p.end) for p in doc._.places or []]) \
        if ctx.on("quotes.source.past_dateline") else None
    if end is None or end >= len(doc):
        return
    after = doc[end].idx  # the first character after the dateline
    for att in found:
        if att.source is not None and att.source.start < end:
            att.source = doc[end : att.source.end] if att.source.end > end else None
            att.trail.add("quotes.source.past_dateline", doc[:end])
        if att.start < after < att.end:
            att.start = after
            att.trail.add("quotes.source.past_dateline", doc[:end])
        if att.clause[0] < after < att.clause[1]:
            att.clause = (after, att.clause[1])


def cue_candidates(ctx: QuoteContext) -> dict[str, list[Token]]:
    """The tokens each finder looks at, gathered in one pass over the doc (the finders used to walk all
    tokens each, which made them the stage's main cost)."""
    out: dict[str, list[Token]] = {"verb": [], "according": [], "citing": [], "noun": [], "implicit": [],
                                   "clear": [], "by": []}
    verbs, classes = ctx.lex.verbs, ctx.lex.classes
    for tok in ctx.doc:
        lemma, low = tok.lemma_, tok.lower_
        if lemma in verbs:
            out["verb"].append(tok)
        if low == "according":
            out["according"].append(tok)
        elif low == "clear":
            out["clear"].append(tok)
        elif low == "citing":
            out["citing"].append(tok)
        elif low == "by":
            out["by"].append(tok)
        word_classes = classes.get(low)
        if word_classes and ("noun_cue" in word_classes or "hearsay" in word_classes):
            out["noun" if "noun_cue" in word_classes else "implicit"].append(tok)
        if tok.tag_ == "VBN" and "impersonal" in classes.get(lemma.lower(), ()):
            out["implicit"].append(tok)
    return out


# -- overlaps ---------------------------------------------------------------------------------------


def outermost(ctx: QuoteContext, found: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue sits inside another's content, and duplicates of one content."""
    keep = [att for att in found if not (ctx.on("quotes.filter.outermost") and _cue_inside_another(att, found))]
    # One cue read twice ('According to X, "..."' as a direct quote and as an according-to clause):
    # keep the direct quote, else the longer content.
    keep.sort(key=lambda a: (a.kind != "direct", -(a.end - a.start)))
    unique: list[Attribution] = []
    for att in keep:
        other = next((o for o in unique if o.cue_pos == att.cue_pos and o.start < att.end and att.start < o.end),
                     None) if att.cue_pos >= 0 and ctx.on("quotes.filter.same_cue") else None
        if other is None:
            unique.append(att)
        else:
            other.trail.add("quotes.filter.same_cue", (att.start, att.end))
    unique.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Attribution] = []
    for att in unique:
        if out and out[-1].start == att.start and out[-1].end == att.end and ctx.on("quotes.filter.same_content"):
            out[-1].trail.add("quotes.filter.same_content", att.cue)
            continue
        out.append(att)
    return out


def _cue_inside_another(att: Attribution, found: list[Attribution]) -> bool:
    # (two that hold each other's cue, a parse gone round in a circle, do not knock each other out)
    return att.cue_pos >= 0 and any(
        o is not att and o.start <= att.cue_pos < o.end and o.cue_pos != att.cue_pos
        and not (o.cue_pos >= 0 and att.start <= o.cue_pos < att.end)
        for o in found
    )


def carry_over(ctx: QuoteContext, found: list[Attribution]) -> None:
    """A quoted sentence standing on its own right after an attributed sentence is the same source going
    on ('Zapata said, adding it required endurance. "It's an isometric exercise ..."')."""
    if not ctx.on("quotes.direct.carry_over"):
        return
    attributed = sorted((a for a in found if a.source is not None), key=lambda a: a.end)
    for att in found:
        if att.kind != "direct" or att.cue is not None or att.source is not None or att.continues is not None:
            continue
        before = [a for a in attributed if a.end <= att.start and (a.cue_pos < 0 or a.cue_pos < att.start)]
        if not before:
            continue
        prev = before[-1]
        source_end = prev.source.end_char if prev.source is not None else prev.end
        gap = ctx.text[max(prev.end, prev.cue[1] if prev.cue else prev.end, source_end) : att.start]
        if gap.count("\n") > 1 or len(WORD.findall(gap)) > ctx.settings.orphan_gap_words:
            continue
        if "\n" in gap and not is_quote_paragraph(ctx.text, QuotedPassage(att.start - 1, att.end)):
            continue
        att.cue, att.cue_modality, att.source, att.continues = prev.cue, prev.cue_modality, prev.source, prev
        att.rule = "quotes.direct.carry_over"


# -- speakers ---------------------------------------------------------------------------------------


def resolve_speaker(att: Attribution, resolver: SpeakerResolver) -> None:
    if att.continues is not None and resolver.ctx.on("quotes.speaker.continued"):
        previous = att.continues
        att.speaker, att.chain, att.second_hand = previous.speaker, previous.chain, previous.second_hand
        att.resolved.add("quotes.speaker.continued", (previous.start, previous.end))
        att.resolved.extend(previous.resolved)
        resolver.remember(att.start, att.speaker)
        return
    position = att.source.start_char if att.source is not None else att.start
    res = resolver.resolve(att.source, position, att.resolved)
    att.speaker, att.chain = res.speaker, res.chain
    att.second_hand = att.cue if att.according else res.second_hand
