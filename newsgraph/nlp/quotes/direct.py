"""Direct quotes: which quoted passages are quoted sentences (``passage_rule``), and who said each
(``direct_quotes``).

A passage is attributed by the first of ``ATTRIBUTORS`` that finds something: a cue verb next to it (four
places, see cues.py), 'according to X' right after or before it, a colon after a name or a clause, or
the attribution of the direct quote just before it, which it continues. A quoted sentence none of them
attributes stays a direct quote with no source.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.according import according_after, according_before
from newsgraph.nlp.quotes.colon import colon_source, colon_span
from newsgraph.nlp.quotes.context import WORD, Attribution, QuoteContext, Trail, first, mark_token, trim
from newsgraph.nlp.quotes.cues import cue_after, cue_before, cue_near_before, cue_of, cue_touching, is_cue_verb
from newsgraph.nlp.quotes.marks import MARKS, QuotedPassage
from newsgraph.nlp.quotes.sources import cue_span, np, source_of

# A quoted passage that follows one of these (or opens a paragraph) stands as a direct quote.
DIRECT_LEAD = frozenset(".:,!?;—–-(")


def passage_rule(ctx: QuoteContext, p: QuotedPassage) -> str | None:
    """The rule that makes a quoted passage a direct quote: a quoted sentence (or more), as opposed to a
    quoted word or phrase inside the writer's sentence (None)."""
    doc, text = ctx.doc, ctx.text
    start, end = p.content
    if len(WORD.findall(text[start:end])) < ctx.settings.min_direct_words:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    i = p.open - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if (i < 0 or text[i] == "\n" or text[i] in DIRECT_LEAD) and ctx.on("quotes.passage.sentence_lead"):
        return "quotes.passage.sentence_lead"
    mark = mark_token(doc, p)
    if mark is None or mark.start == 0:
        return None
    if ctx.on("quotes.passage.after_cue_verb") and is_cue_verb(ctx, doc[mark.start - 1]):
        return "quotes.passage.after_cue_verb"
    # 'Pelosi said on Friday "We are ..."': a capitalised sentence a few words after a cue verb.
    if not text[start : start + 1].isupper():
        return None
    if ctx.on("quotes.passage.capital_after_cue") and cue_near_before(ctx, p) is not None:
        return "quotes.passage.capital_after_cue"
    return None


def direct_quotes(ctx: QuoteContext, passages: list[tuple[QuotedPassage, str]]) -> list[Attribution]:
    """Each direct quote with its attribution (see ATTRIBUTORS), in text order."""
    found: list[Attribution] = []
    previous: Attribution | None = None
    for p, rule in passages:
        start, end = trim(ctx.text, *p.content)
        att = _attribute(ctx, p, start, end, previous)
        att.trail.steps.insert(0, (rule, p.open, p.close + 1))
        found.append(att)
        previous = att
    return found


def _attribute(ctx: QuoteContext, p: QuotedPassage, start: int, end: int, previous: Attribution | None
               ) -> Attribution:
    for attribute in ATTRIBUTORS:
        att = attribute(ctx, p, start, end, previous)
        if att is not None:
            return att
    return Attribution(start, end, "direct", None, None, None, (start, end), "quotes.direct.unattributed")


Attributor = Callable[[QuoteContext, QuotedPassage, int, int, Attribution | None], Attribution | None]


def _by_cue_verb(ctx: QuoteContext, p: QuotedPassage, start: int, end: int, previous: Attribution | None
                 ) -> Attribution | None:
    trail = Trail()
    found = first(ctx, [
        ("quotes.direct.cue_touching", lambda: cue_touching(ctx, p, trail)),
        ("quotes.direct.cue_after", lambda: cue_after(ctx, p, trail)),
        ("quotes.direct.cue_before", lambda: cue_before(ctx, p, trail)),
        ("quotes.direct.cue_near_before", lambda: cue_near_before(ctx, p)),
    ])
    if found is None:
        return None
    rule, cue = found
    source = source_outside(ctx, p, cue, trail)
    return Attribution(start, end, "direct", cue_span(ctx, cue), cue_of(ctx, cue).modality, source, (start, end),
                       rule, trail, cue_pos=cue.idx)


def _by_according(ctx: QuoteContext, p: QuotedPassage, start: int, end: int, previous: Attribution | None
                  ) -> Attribution | None:
    found = first(ctx, [
        ("quotes.according_to.after_quote", lambda: according_after(ctx, p)),
        ("quotes.according_to.before_quote", lambda: according_before(ctx, p)),
    ])
    if found is None:
        return None
    rule, (cue, source) = found
    return Attribution(start, end, "direct", cue, "reported", source, (start, end), rule, cue_pos=cue[0],
                       according=True)


def _by_colon(ctx: QuoteContext, p: QuotedPassage, start: int, end: int, previous: Attribution | None
              ) -> Attribution | None:
    trail = Trail()
    found = colon_source(ctx, p, trail)
    if found is None:
        return None
    rule, source = found
    return Attribution(start, end, "direct", colon_span(ctx.text, p.open), None, source, (start, end), rule, trail)


def _by_continuation(ctx: QuoteContext, p: QuotedPassage, start: int, end: int, previous: Attribution | None
                     ) -> Attribution | None:
    if previous is None or not ctx.on("quotes.direct.continues") or not _continues(ctx, previous, p):
        return None
    return Attribution(start, end, "direct", previous.cue, previous.cue_modality, previous.source, (start, end),
                       "quotes.direct.continues", continues=previous)


ATTRIBUTORS: tuple[Attributor, ...] = (_by_cue_verb, _by_according, _by_colon, _by_continuation)


def _continues(ctx: QuoteContext, previous: Attribution, p: QuotedPassage) -> bool:
    """A quoted sentence right after an attributed direct quote, in the same or the next paragraph."""
    if previous.source is None and previous.continues is None:
        return False
    between = ctx.text[previous.end : p.open]
    if between.count("\n") > 1 or len(WORD.findall(between)) > ctx.settings.continue_gap_words:
        return False
    if "\n" in between:  # a new paragraph must open with the quote to carry the speaker on
        return is_quote_paragraph(ctx.text, p)
    return True


def is_quote_paragraph(text: str, p: QuotedPassage) -> bool:
    line_start = text.rfind("\n", 0, p.open) + 1
    return not text[line_start : p.open].strip()


# -- the source of a quote's cue --------------------------------------------------------------------


def source_outside(ctx: QuoteContext, p: QuotedPassage, cue: Token, trail: Trail) -> Span | None:
    """The cue's subject, unless the parser took it from inside the quote: then the rules of
    OUTSIDE_SOURCES ('"...," Day said': the words between; '"...," said Bash': the name after the cue)."""
    found = Trail()
    source = source_of(ctx, cue, found)
    if source is not None and (source.end_char <= p.open or source.start_char > p.close
                               or not ctx.on("quotes.direct.source_outside_quote")):
        trail.extend(found)
        return source
    for rule, find in OUTSIDE_SOURCES:
        outside = find(ctx, p, cue) if ctx.on(rule) else None
        if outside is not None:
            trail.add(rule, outside)
            return outside
    return None


def _saying_subject(ctx: QuoteContext, p: QuotedPassage, cue: Token) -> Span | None:
    """'X has yet to concede, saying "I WON ..."', with the quote as the root: the subject of the clause
    the participle hangs on."""
    if cue.dep_ != "advcl" or cue.idx >= p.open:
        return None
    subject = next((c for c in cue.head.children if c.dep_ == "nsubj" and c.idx < p.open), None)
    return np(ctx, subject) if subject is not None else None


def _between_quote_and_cue(ctx: QuoteContext, p: QuotedPassage, cue: Token) -> Span | None:
    """'"...," Day said': the words between the closing mark and the cue."""
    if cue.idx <= p.close:
        return None
    doc = ctx.doc
    after = mark_token(doc, p, closing=True)
    if after is None:
        return None
    words = [t for t in doc[after.end : cue.i] if not t.is_punct and not t.is_space]
    return doc[words[0].i : words[-1].i + 1] if words else None


def _name_after_cue(ctx: QuoteContext, p: QuotedPassage, cue: Token) -> Span | None:
    """'"...," tweeted Mayor of London Sadiq Khan' / '"...," said study co-author Ted Scambos' / '"...",
    reads an AEW press release': the name (or description) right after the cue."""
    doc = ctx.doc
    names: list[Token] = []
    for tok in doc[cue.i + 1 : cue.i + 1 + ctx.settings.source_window]:
        title_word = tok.pos_ in ("NOUN", "ADJ") or tok.text in ("-", "–") or tok.lower_ in ("of", "the")
        opening = not names and tok.pos_ == "DET"
        if tok.text in MARKS or not (
            tok.pos_ in ("PROPN", "PRON") or opening or (title_word and (tok.dep_ != "dobj" or names))
        ):
            break
        names.append(tok)
        if tok.pos_ == "PRON":
            break
    # a name ends on a name; a description ('the warning', 'a spokesman') on its noun
    ends = ("PROPN", "PRON", "NOUN") if names and names[0].pos_ == "DET" else ("PROPN", "PRON")
    while names and names[-1].pos_ not in ends:
        names.pop()
    if not names or (len(names) == 1 and names[0].pos_ == "DET"):
        return None
    return doc[names[0].i : names[-1].i + 1]


OUTSIDE_SOURCES: tuple[tuple[str, Callable[[QuoteContext, QuotedPassage, Token], Span | None]], ...] = (
    ("quotes.source.saying_subject", _saying_subject),
    ("quotes.source.between_quote_and_cue", _between_quote_and_cue),
    ("quotes.source.name_after_cue", _name_after_cue),
)
