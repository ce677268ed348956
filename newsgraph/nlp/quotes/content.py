"""What a reporting verb reports through a clause: its complement ('said (that) ...', 'vowed to ...'), and
the edges of that clause's words as content.

``complement`` finds the clause (two named rules: a finite or that-clause, an infinitive) past the
complements that are no report (a circumstance, an open question, ...). ``content_span`` then shapes its
words, one named rule a step: each step that changes the span says so on the attribution's trail, with
the words it cut off or took in as evidence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.context import (
    SUBJECT_DEPS,
    QuoteContext,
    Trail,
    cut_at,
    has_that,
    is_infinitive,
    span_without_mark,
)
from newsgraph.nlp.quotes.lexicon import VerbCue

# Dependents that complete a clause's verb; without any, a transitive verb's object was hung elsewhere.
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


# -- the clause -------------------------------------------------------------------------------------


def complement(ctx: QuoteContext, verb: Token, cue: VerbCue) -> tuple[str, Token] | None:
    """The clause a reporting verb reports, with the rule that found it: its ccomp ('said (that) ...'),
    or 'vowed to ...' for the verbs that take an infinitive."""
    if ctx.on("quotes.clause.complement"):
        # A clause after the verb before one in front of it ('minutes before X voted, Trump claimed Y').
        ccomps = sorted((c for c in verb.children if c.dep_ == "ccomp"), key=lambda c: (c.i < verb.i, c.i))
        for child in ccomps:
            if child.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN", "PRON") and _reports(ctx, verb, cue, child):
                return "quotes.clause.complement", child
    if ctx.on("quotes.clause.unmarked_clause") and not cue.needs_that:
        clause = _unmarked_clause(verb)
        if clause is not None and _reports(ctx, verb, cue, clause):
            return "quotes.clause.unmarked_clause", clause
    if ctx.on("quotes.clause.infinitive") and cue.takes_xcomp:
        infinitive = _infinitive(verb)
        if infinitive is not None:
            return "quotes.clause.infinitive", infinitive
    return None


def _unmarked_clause(verb: Token) -> Token | None:
    """'Mr. Ertan said since the first day the teams have rescued 9,215', parsed with the clause as an
    adverbial one: a finite clause after the verb, with a subject of its own and no word such as 'as' or
    'because' leading it, is what a verb that has no complement says."""
    if any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        return None
    for child in verb.rights:
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and child.tag_ != "VBG" \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children) \
                and not any(c.dep_ in ("mark", "advmod") and c.i < child.i and c.tag_ in ("IN", "WRB")
                            for c in child.children) \
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def _reports(ctx: QuoteContext, verb: Token, cue: VerbCue, clause: Token) -> bool:
    """The clause is what the verb reports, not one of the clauses that only look like it."""
    return not any(ctx.on(rule) and test(ctx, verb, cue, clause) for rule, test in NOT_REPORTED)


def _own_pronoun_object(ctx: QuoteContext, verb: Token, cue: VerbCue, clause: Token) -> bool:
    """'..., I mentioned them earlier': the pronoun, not the clause before, is what was said."""
    return clause.i < verb.i and any(c.dep_ == "dobj" and ctx.lex.listed(c.lower_, "own_object")
                                     for c in verb.children)


def _past_semicolon(ctx: QuoteContext, verb: Token, cue: VerbCue, clause: Token) -> bool:
    """'The war has gone on for years; the Taliban wants ...': a clause of its own."""
    return clause.i < verb.i and any(t.text == ";" for t in verb.doc[clause.right_edge.i : verb.i])


def _circumstance(ctx: QuoteContext, verb: Token, cue: VerbCue, clause: Token) -> bool:
    """'before the committee voted', 'because X': a circumstance the parser hung here."""
    return any(c.dep_ == "mark" and ctx.lex.listed(c.lower_, "circumstance") for c in clause.children)


def _no_that(ctx: QuoteContext, verb: Token, cue: VerbCue, clause: Token) -> bool:
    """'show the way' has no clause; 'ruled the draft violated ...' has one, and so has 'ordered the flags
    be lowered' (a subjunctive whose subject the parser hung on the cue as its object)."""
    return cue.needs_that and not has_that(clause) and not (cue.takes_xcomp and is_infinitive(clause)) \
        and not has_own_subject(clause) and not _subjunctive(ctx, verb, clause)


def _subjunctive(ctx: QuoteContext, verb: Token, clause: Token) -> bool:
    """'ordered the flags be lowered', 'demanded the minister resign': after a verb of demand, a bare verb
    (no 'to') with a subject of its own, or after the cue's object (which the parser may take for the cue's),
    is a subjunctive clause; not after a verb of perception ('saw people run': no report)."""
    if not ctx.lex.listed(verb.lemma_, "mandative"):
        return False
    bare = clause.tag_ == "VB" or any(a.tag_ == "VB" and a.dep_ in ("aux", "auxpass") for a in clause.children)
    if not bare or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    return any(c.dep_ in SUBJECT_DEPS for c in clause.children) or any(
        c.dep_ == "dobj" and c.i < clause.i for c in verb.children)


def _open_question(ctx: QuoteContext, verb: Token, cue: VerbCue, clause: Token) -> bool:
    """'did not announce whom they would support': an open question, not a claim ('asked whether' may
    report one)."""
    return is_open_question(clause) and not cue.asks


NOT_REPORTED: tuple[tuple[str, Callable[[QuoteContext, Token, VerbCue, Token], bool]], ...] = (
    ("quotes.clause.skip_pronoun_object", _own_pronoun_object),
    ("quotes.clause.skip_past_semicolon", _past_semicolon),
    ("quotes.clause.skip_circumstance", _circumstance),
    ("quotes.clause.that_only", _no_that),
    ("quotes.clause.skip_open_question", _open_question),
)


def _infinitive(verb: Token) -> Token | None:
    """'vowed to retaliate'; not 'is intended to' (a passive)."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    has_object = any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
    for child in verb.children:
        # 'mandating priests to report', parsed with the infinitive as an adverbial clause
        infinitive_deps = ("xcomp", "advcl") if has_object else ("xcomp",)
        if child.dep_ in infinitive_deps and child.i > verb.i and is_infinitive(child):
            return child
    return None


def has_own_subject(clause: Token) -> bool:
    """'ruled [the draft violated the law]', 'found [it to be unlawful]': a clause with its own subject,
    finite or a to-infinitive, as opposed to a bare object ('showed the way')."""
    if not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children):
        return False
    return is_infinitive(clause) or clause.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in clause.children
    )


def is_open_question(clause: Token) -> bool:
    """'whom they would support', 'whether they would support it': a question, not a claim."""
    first = clause.left_edge  # ('that' tagged WDT but attached as the clause's mark is no question word)
    if first.i < clause.head.i:
        return False  # 'which Republicans say [will cut taxes]': a relative pronoun moved out, no question
    return (first.tag_ in ("WP", "WDT", "WRB", "WP$") and first.lower_ != "that") or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children
    )


# -- its words --------------------------------------------------------------------------------------


def changed_part(old: Span, new: Span) -> Span:
    """The words a step cut off or took in (the evidence of a shaping rule)."""
    doc = old.doc
    if new.end != old.end:
        return doc[min(old.end, new.end) : max(old.end, new.end)]
    return doc[min(old.start, new.start) : max(old.start, new.start)]


def shape(ctx: QuoteContext, trail: Trail, rule: str, span: Span, step: Callable[[Span], Span]) -> Span:
    """Apply one shaping rule (when it is on), and record it when it changed the span."""
    if not ctx.on(rule):
        return span
    new = step(span)
    if (new.start, new.end) != (span.start, span.end):
        trail.add(rule, changed_part(span, new))
    return new


def content_span(ctx: QuoteContext, verb: Token, comp: Token, trail: Trail) -> Span:
    """The complement's words, shaped: see each rule below."""
    span = span_without_mark(comp)
    span = shape(ctx, trail, "quotes.clause.cut_joined_report", span, lambda s: _cut_joined_report(ctx, comp, s))
    span = shape(ctx, trail, "quotes.clause.cut_main_clause", span, lambda s: _cut_main_clause(ctx, verb, s))
    if span.start < verb.i:
        span = shape(ctx, trail, "quotes.clause.relative_report", span, lambda s: _relative_report(verb, comp, s))
    if comp.dep_ == "ccomp" and comp.i > verb.i:
        span = shape(ctx, trail, "quotes.clause.subject_taken_for_object", span,
                     lambda s: _with_subject_taken_for_object(verb, comp, s))
        return span
    if comp.dep_ not in ("xcomp", "advcl"):
        return span
    return shape(ctx, trail, "quotes.clause.infinitive_subject", span,
                 lambda s: _with_infinitive_subject(ctx, verb, comp, s))


def _with_infinitive_subject(ctx: QuoteContext, verb: Token, comp: Token, span: Span) -> Span:
    """'urged residents to stay indoors', 'ordered the army to withdraw', 'called on Congress to pass the
    bill': the one the infinitive is about belongs to the content."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i), None)
    if obj is None:
        on = next((c for c in verb.children if c.dep_ == "prep" and (verb.lemma_, c.lower_) in ctx.lex.phrasal
                   and c.i < comp.i), None)
        obj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    if obj is None:
        return span
    return verb.doc[obj.left_edge.i : span.end]


def _relative_report(verb: Token, comp: Token, span: Span) -> Span:
    """'The bill, which Republicans say will cut taxes, passed': the relative pronoun is the claim's
    subject, so the content runs from it over the source and cue (PARC's content is split around them;
    one span keeps both parts) and ends with the relative clause, at its comma."""
    doc = verb.doc
    if verb.dep_ != "relcl" or doc[span.start].tag_ not in ("WDT", "WP"):
        return span
    end = next((t.i for t in doc[comp.i : span.end] if t.text == ","), span.end)
    return doc[span.start : end]


def _cut_main_clause(ctx: QuoteContext, verb: Token, span: Span) -> Span:
    """'After the governor suggested that A, [the debate centered on B]': a report in an opening
    subordinate clause cannot run to the end of the sentence, where its main clause stands; the parser
    sometimes hangs that main clause inside the report, so the content ends at its last comma."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and ctx.lex.listed(c.lower_, "circumstance")), None)
    sent = verb.sent
    if mark is None or mark.i != sent.start or span.end < sent.end - 1:
        return span
    comma = next((t.i for t in reversed(span) if t.text == ","), None)
    return cut_at(span, comma) if comma is not None and comma > span.start + 1 else span


def _with_subject_taken_for_object(verb: Token, comp: Token, span: Span) -> Span:
    """'announced [the recorder] [has been recovered]': the parser made the clause's subject the cue's
    object; a finite clause with no subject of its own right after it takes it back."""
    if any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj", "mark") for c in comp.children):
        return span
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    if obj is None:
        return span
    # (its modifiers may have been hung on the cue: 'the recorder [from Flight 610] has been recovered')
    between = verb.doc[obj.right_edge.i + 1 : span.start]
    hung_on_cue = [t for t in between if t.head == verb and t.dep_ == "prep"]
    if any(t.is_punct or not (t in hung_on_cue or between.start <= t.head.i < span.start) for t in between):
        return span
    return verb.doc[obj.left_edge.i : span.end]


def _cut_joined_report(ctx: QuoteContext, comp: Token, span: Span) -> Span:
    """'agreed [the book may have contained classified materials] but ruled that ...': a reporting verb
    with its own clause, joined to the complement with no subject of its own, is the source's next report
    (the parser hangs it inside the first one); the content ends before it."""
    for conj in comp.children:
        if conj.dep_ != "conj" or conj.lemma_ not in ctx.lex.verbs or not span.start < conj.i < span.end:
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in conj.children) or not any(c.dep_ == "ccomp" for c in conj.children):
            continue
        end = conj.left_edge.i
        while end > span.start and (span.doc[end - 1].dep_ == "cc" or span.doc[end - 1].is_punct):
            end -= 1
        return span.doc[span.start : end]
    return span


# -- what does not belong to it ---------------------------------------------------------------------


def cut_added(ctx: QuoteContext, content: Span, trail: Trail) -> Span:
    """'... will discuss X, adding that Y': the participle's report is an attribution of its own; 'said X,
    speaking at a rally' / 'said X, before leaving for Texas': the trailing participle tells where or when
    the source spoke, and 'X, according to AP' names the outer source: none of them is content."""
    for tok in content:
        for rule, test in TRAILING_ADJUNCTS:
            cut = test(ctx, content, tok) if ctx.on(rule) else None
            if cut is not None:
                new = cut_at(content, cut)
                trail.add(rule, changed_part(content, new))
                return new
    if ctx.on("quotes.clause.cut_added_report"):
        for tok in content:
            if _adds_report(ctx, content, tok):
                new = cut_at(content, tok.left_edge.i)
                trail.add("quotes.clause.cut_added_report", changed_part(content, new))
                return new
    return content


def _according_to(ctx: QuoteContext, content: Span, tok: Token) -> int | None:
    """'X, according to AP': where the outer source's phrase starts."""
    doc = content.doc
    if tok.lower_ == "according" and tok.i > content.start + 2 and tok.i + 1 < content.end \
            and doc[tok.i + 1].lower_ == "to" and doc[tok.i - 1].text == ",":
        return tok.i
    return None


def _speaking_setting(ctx: QuoteContext, content: Span, tok: Token) -> int | None:
    """'said X, speaking at a rally', 'said X, before leaving for Texas': where the cue's adjunct starts."""
    doc = content.doc
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > content.start + 2 \
            and doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i >= content.end - 1 \
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children) and (
                ctx.lex.listed(tok.lemma_, "speaking_setting")
                or any(c.dep_ == "mark" and ctx.lex.listed(c.lower_, "cue_adjunct") for c in tok.children)):
        return tok.left_edge.i
    if tok.dep_ == "prep" and ctx.lex.listed(tok.lower_, "cue_adjunct") and doc[tok.i - 1].text == "," \
            and tok.i > content.start + 2 and tok.right_edge.i >= content.end - 1 \
            and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in tok.children):
        return tok.i  # (the same, parsed as a preposition with a gerund)
    return None


TRAILING_ADJUNCTS: tuple[tuple[str, Callable[[QuoteContext, Span, Token], int | None]], ...] = (
    ("quotes.clause.cut_according_to", _according_to),
    ("quotes.clause.cut_speaking_setting", _speaking_setting),
)


def _adds_report(ctx: QuoteContext, content: Span, tok: Token) -> bool:
    """', adding that Y' closing the content: a cue participle with a report of its own."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.i <= content.start + 2 or tok.lemma_ not in ctx.lex.verbs:
        return False
    return complement(ctx, tok, ctx.lex.verbs[tok.lemma_]) is not None and tok.right_edge.i >= content.end - 1
