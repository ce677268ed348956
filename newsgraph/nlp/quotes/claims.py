"""The stage's output: a Quote for every attribution and a Claim for every content (one claim for the
quoted pieces of one clause), each recording the rules that made it; plus the claims the outlet makes
itself, sentences with a figure or a hedge and no attribution; and every figure inside a claim points
to it.

A claim's time is the time expression governing its clause, else the publication date (saying so).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from newsgraph.model import Claim, Quote, SourceLink
from newsgraph.nlp.quotes.context import Attribution, QuoteContext, Step, Trail, trim
from newsgraph.nlp.quotes.interviews import FIRST_PERSON, Answer, interview_answers
from newsgraph.nlp.quotes.marks import MARKS
from newsgraph.nlp.quotes.modality import combine, content_modality
from newsgraph.nlp.rules import Traced, changed, fired
from newsgraph.nlp.times.clauses import governing_time


def build_items(ctx: QuoteContext, attributions: list[Attribution]) -> tuple[list[Quote], list[Claim]]:
    quotes: list[Quote] = []
    claims: list[Claim] = []
    claim_ids: dict[tuple[int, int], str] = {}
    for att in attributions:
        cid = claim_ids.get(att.clause)
        if cid is None:
            cid = f"C{len(claims) + 1}"
            claim_ids[att.clause] = cid
            claims.append(_claim(ctx, cid, att))
        source = clean_span(ctx.text, att.source.start_char, att.source.end_char) if att.source is not None else None
        quote = Quote(
            id=f"Q{len(quotes) + 1}", start=att.start, end=att.end, text=ctx.text[att.start : att.end],
            kind=att.kind, speaker=att.speaker, source=source, cue=att.cue, claim=cid,
        )
        _record(quote, att.rule, att.cue or (att.start, att.end), att.trail.steps + att.resolved.steps)
        quotes.append(quote)
    answers = interview_answers(ctx.text, ctx.doc._.actors or [], ctx.on("quotes.interview.label"),
                                ctx.on("quotes.interview.answer"))
    for claim in claims:  # ('We think the real number is higher': in an interview, "we" is the one answering)
        answer = _answer_at(answers, claim.start)
        if answer is not None and claim.speaker is None and claim.chain and \
                claim.chain[0].text.lower() in FIRST_PERSON:
            _answered(ctx, claim, answer)
    claims += outlet_claims(ctx, attributions, len(claims), answers)
    link_quantities(ctx, claims)
    link_object_quantities(ctx, quotes, claims)
    return quotes, claims


def _record(item: Traced, rule: str, evidence: tuple[int, int] | None, steps: list[Step]) -> None:
    fired(item, rule, evidence)
    for name, start, end in steps:
        fired(item, name, (start, end) if start is not None and end is not None else None)


def _claim(ctx: QuoteContext, cid: str, att: Attribution) -> Claim:
    """The claim of an attribution: its clause, its speaker and source chain, how sure, and when."""
    start, end = att.clause
    decided = Trail()
    modality = combine(ctx, att.cue_modality, att.cue, _content_modality(ctx, start, end), att.second_hand, decided)
    time, time_from = claim_time(ctx, start, end, decided)
    claim = Claim(cid, start, end, ctx.text[start:end], modality, list(att.chain), att.speaker, time, time_from)
    _record(claim, att.rule, att.cue or (att.start, att.end), att.trail.steps + att.resolved.steps + decided.steps)
    return claim


def _content_modality(ctx: QuoteContext, start: int, end: int) -> tuple[str, str, tuple[int, int]] | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return content_modality(ctx, span) if span is not None and len(span) else None


def claim_time(ctx: QuoteContext, start: int, end: int, trail: Trail) -> tuple[str | None, str | None]:
    """The TIMEX3 value governing a claim and where it came from ("text" / "published")."""
    if ctx.on("quotes.claim.time_in_text"):
        time = governing_time(ctx.doc, start, end)
        if time is not None and time.value:
            trail.add("quotes.claim.time_in_text", (time.start, time.end))
            return time.value, "text"
    published = ctx.doc._.published
    if published is not None and ctx.on("quotes.claim.time_published"):
        trail.add("quotes.claim.time_published")
        return published.isoformat(), "published"
    return None, None


# -- the outlet's own claims ------------------------------------------------------------------------


def outlet_claims(ctx: QuoteContext, attributions: list[Attribution], n: int, answers: list[Answer] | None = None
                  ) -> list[Claim]:
    """Sentences the outlet states itself that carry a figure or a hedge: claims with no source."""
    doc, text = ctx.doc, ctx.text
    covered = sorted((a.start, a.end) for a in attributions)
    covered += sorted(a.cue for a in attributions if a.cue)
    quantities = sorted((q.start, q.end) for q in (doc._.quantities or []))
    q_starts = [s for s, _ in quantities]
    out: list[Claim] = []
    for sent in doc.sents:
        s, e = trim(text, sent.start_char, sent.end_char)
        if e <= s or any(a < e and s < b for a, b in covered):
            continue
        i = bisect.bisect_left(q_starts, s)
        figure = quantities[i] if i < len(quantities) and quantities[i][0] < e else None
        hedge = next((t for t in sent if ctx.lex.hedges.get(t.lower_) in ("hedged", "reported")), None)
        if figure is not None and ctx.on("quotes.outlet.figure"):
            found: tuple[str, tuple[int, int]] = ("quotes.outlet.figure", figure)
        elif hedge is not None and ctx.on("quotes.outlet.hedge"):
            found = ("quotes.outlet.hedge", (hedge.idx, hedge.idx + len(hedge.text)))
        else:
            continue
        claim = _outlet_claim(ctx, f"C{n + len(out) + 1}", s, e, *found)
        answer = _answer_at(answers or [], s)
        if answer is not None:
            _answered(ctx, claim, answer)
        out.append(claim)
    return out


def _answer_at(answers: list[Answer], position: int) -> Answer | None:
    return next((a for a in answers if a.start <= position < a.end), None)


def _answered(ctx: QuoteContext, claim: Claim, answer: Answer) -> None:
    """An interview's answer is the interviewee's claim, not the outlet's."""
    start, end = answer.evidence
    claim.speaker = answer.actor.id
    claim.chain = [SourceLink(start, end, ctx.text[start:end], answer.actor.id)]
    fired(claim, answer.rule, answer.evidence)


def _outlet_claim(ctx: QuoteContext, cid: str, start: int, end: int, rule: str, evidence: tuple[int, int]) -> Claim:
    decided = Trail()
    modality = combine(ctx, None, None, _content_modality(ctx, start, end), None, decided)
    time, time_from = claim_time(ctx, start, end, decided)
    claim = Claim(cid, start, end, ctx.text[start:end], modality, [], None, time, time_from)
    _record(claim, rule, evidence, decided.steps)
    return claim


def link_quantities(ctx: QuoteContext, claims: list[Claim]) -> None:
    """A figure stated inside a claim points to it (the innermost claim when they nest)."""
    if not ctx.on("quotes.claim.quantity_link"):
        return
    doc: Doc = ctx.doc
    for q in doc._.quantities or []:
        inner = [c for c in claims if c.start <= q.start and q.end <= c.end]
        if inner and getattr(q, "claim", None) is None:
            claim = min(inner, key=lambda c: c.end - c.start)
            q.claim = claim.id
            changed(q, "quotes.claim.quantity_link", (claim.start, claim.end))


OBJECT_DEPS = frozenset({"dobj", "oprd", "dative"})  # what a cue's object may be parsed as: "called the figure X"


def link_object_quantities(ctx: QuoteContext, quotes: list[Quote], claims: list[Claim]) -> None:
    """A figure in the object of a cue is what its source speaks of: "called the figure of 10,000 another
    fabrication", "dismissed the estimate of 3,000 as propaganda". It points to that attribution's claim."""
    if not ctx.on("quotes.claim.quantity_object"):
        return
    doc: Doc = ctx.doc
    by_id = {c.id: c for c in claims}
    objects: list[tuple[int, int, Claim]] = []
    for quote in quotes:
        claim = by_id.get(quote.claim or "")
        cue = doc.char_span(*quote.cue, alignment_mode="expand") if quote.cue else None
        if claim is None or cue is None:
            continue
        for obj in (t for t in cue.root.children if t.dep_ in OBJECT_DEPS):
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
            if end <= quote.start or start >= quote.end:  # (the parser may take either noun as the object)
                objects.append((start, end, claim))
    for q in doc._.quantities or []:
        if getattr(q, "claim", None) is None:
            claim = next((c for s, e, c in objects if s <= q.start and q.end <= e), None)
            if claim is not None:
                q.claim = claim.id
                changed(q, "quotes.claim.quantity_object", (claim.start, claim.end))


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A source span without stray quote marks or line breaks at its edges, and within one paragraph (the
    name next to the cue; a parse run across a paragraph break takes in the paragraph before)."""
    if "\n" in text[start:end]:
        start = text.rindex("\n", start, end) + 1
    while start < end and (text[start].isspace() or text[start] in MARKS or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in MARKS or text[end - 1] in ",;:—–-"):
        end -= 1
    return (start, end) if end > start else None
