"""A colon as the cue: 'Rutte: "We ..."' (a bare name), 'Biden released a statement: "..."' (the subject
of the clause the colon closes), and the block quote, a paragraph set without marks after a line that
ends with a colon ('Marrero rejected this argument:').
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.quotes.context import WORD, Attribution, QuoteContext, Trail, mark_token, trim
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage
from newsgraph.nlp.quotes.sources import can_speak, source_of

Sourced = tuple[str, Span]  # the rule that found the source, and the source


def colon_source(ctx: QuoteContext, p: QuotedPassage, trail: Trail) -> Sourced | None:
    """The source before a colon that leads a quote (across a line break: 'denied any allegation:\\n"..."')."""
    doc = ctx.doc
    mark = mark_token(doc, p)
    if mark is None or mark.start < 2:
        return None
    lead = mark.start - 1
    while lead > 0 and doc[lead].is_space:
        lead -= 1
    if doc[lead].text != ":":
        return None
    return source_before_colon(ctx, doc[lead], trail)


def colon_span(text: str, open_at: int) -> tuple[int, int]:
    i = text.rindex(":", 0, open_at)
    return i, i + 1


def source_before_colon(ctx: QuoteContext, colon: Token, trail: Trail) -> Sourced | None:
    """A bare name closed by the colon ('Rutte:'), or the subject of the clause it closes."""
    doc = colon.doc
    sent = colon.sent
    phrase = doc[max(sent.start, _line_start(doc, colon.i)) : colon.i]
    if not phrase or any(t.text in MARKS for t in phrase):
        return None
    # The clause's own verbs: those whose head lies outside the phrase (the parser often makes the
    # quoted sentence the root and hangs 'X disagreed with these findings:' under it).
    verbs = [t for t in phrase if t.pos_ in ("VERB", "AUX") and (
        t.dep_ in ("ROOT", "conj", "advcl") or not phrase.start <= t.head.i < phrase.end)]
    if not verbs:
        if ctx.on("quotes.colon.name") and len(phrase) <= ctx.settings.colon_name_tokens \
                and any(t.pos_ == "PROPN" for t in phrase):
            return "quotes.colon.name", phrase
        return None
    if not ctx.on("quotes.colon.clause"):
        return None
    source = source_of(ctx, verbs[-1] if verbs[-1].dep_ == "ROOT" else verbs[0], trail)
    return ("quotes.colon.clause", source) if source is not None else None


def _line_start(doc: Doc, i: int) -> int:
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def block_quotes(ctx: QuoteContext, passages: list[QuotedPassage]) -> list[Attribution]:
    """'Marrero rejected this argument:' and then the quoted text set as its own paragraph, without marks
    (how block quotes come out of HTML): a direct quote of that paragraph, with the colon as its cue."""
    if not ctx.on("quotes.block.paragraph_after_colon"):
        return []
    found = []
    for line_end in (m.start() for m in re.finditer(r":[ \t]*\n", ctx.text)):
        att = _block_quote(ctx, passages, line_end)
        if att is not None:
            found.append(att)
    return found


def _block_quote(ctx: QuoteContext, passages: list[QuotedPassage], line_end: int) -> Attribution | None:
    text, doc = ctx.text, ctx.doc
    start = _next_paragraph(text, line_end)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    start, end = trim(text, start, end)
    if end <= start or text[start] in MARKS or len(WORD.findall(text[start:end])) < ctx.settings.block_min_words:
        return None
    if any(p.open < end and start <= p.close for p in passages):
        return None  # a paragraph with quotes in it is the writer's, or a quote found already
    colon = doc.char_span(line_end, line_end + 1, alignment_mode="expand")
    if colon is None:
        return None
    found = Trail()
    sourced = source_before_colon(ctx, doc[colon.start], found)
    if sourced is None or not can_speak(ctx, sourced[1]) or text[start] == "(":
        return None  # ('((WN)) How would you ...': an interview transcript's next turn)
    rule, source = sourced
    if not any(t.lemma_ in ctx.lex.verbs and t.pos_ == "VERB" for t in doc[source.end : colon.start]):
        return None  # 'X rejected this argument:' / 'as reported by CNN:' -- but not 'Some considerations include:'
    att = Attribution(start, end, "direct", (line_end, line_end + 1), None, source, (start, end),
                      "quotes.block.paragraph_after_colon")
    att.trail.add(rule, source)
    att.trail.extend(found)
    return att


def _next_paragraph(text: str, i: int) -> int:
    j = text.find("\n", i)
    while j >= 0 and j < len(text) and text[j].isspace():
        j += 1
    return j if j >= 0 else len(text)
