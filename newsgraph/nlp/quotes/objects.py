"""What a reporting verb reports without a clause of its own: through its object ('accused Democrats of
lying', 'called for a ceasefire', 'expressed concern about X', 'announced his resignation'), through a
clause the parser took for its object ('ruled [the draft] violated ...'), or as a parenthetical around
the clause it interrupts ('The economy, he said, is strong').

Each finder returns the named rule that found the content with it, or None.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.quotes.content import FINITE_TAGS
from newsgraph.nlp.quotes.context import SUBJECT_DEPS, QuoteContext, Trail, words
from newsgraph.nlp.quotes.inverted import inverted_source
from newsgraph.nlp.quotes.lexicon import VerbCue
from newsgraph.nlp.quotes.sources import np

Found = tuple[str, Span]


def object_clause(ctx: QuoteContext, verb: Token) -> Span | None:
    """'ruled the male-only draft violated the Constitution', parsed as 'ruled [dobj] ... violated [advcl]':
    a that-less clause whose subject the parser took for the cue's object. The finite verb after the
    object, with no subject, conjunction or subordinator of its own, shows the clause."""
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj") or child.i <= obj.right_edge.i:
            continue
        if child.tag_ not in FINITE_TAGS and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in child.children
        ):
            continue
        if any(c.dep_ in (*SUBJECT_DEPS, "mark", "cc", "expl") for c in child.children):
            continue
        if any(t.dep_ == "cc" or t.text in (";", ":") for t in doc[obj.right_edge.i + 1 : child.left_edge.i]):
            continue  # 'accused the minister and resigned': two actions
        return doc[obj.left_edge.i : child.right_edge.i + 1]
    return None


def phrasal_object(ctx: QuoteContext, verb: Token, trail: Trail) -> Span | None:
    """'called for a ceasefire', 'warned of shortages': the object of the cue's own preposition
    ('called on X to Y' is left to the infinitive, whose content it is)."""
    phrasal = next((p for p in verb.children if p.dep_ == "prep" and p.i == verb.i + 1 and p.lower_ != "on"
                    and (verb.lemma_, p.lower_) in ctx.lex.phrasal), None)
    if phrasal is None:
        return None
    obj = next((c for c in phrasal.children if c.dep_ in ("pobj", "pcomp")), None)
    return np(ctx, obj, trail) if obj is not None else None


def object_with_reason(ctx: QuoteContext, verb: Token, cue: VerbCue) -> Span | None:
    """'accused Democrats of lying', 'blamed X for the shutdown', 'described the budget as a gamble': the
    object with the phrase that says what it is accused or praised of. Bare objects ('praised the
    troops') report no proposition."""
    if not cue.takes_object:
        return None
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((p for p in verb.children if p.dep_ == "prep" and p.i > verb.i and _reason_prep(ctx, p)), None)
    if prep is None and obj is not None:  # 'accused the governor of abusing ...', the 'of' hung on the object
        prep = next((p for p in obj.children if p.dep_ == "prep" and p.i > obj.i and _reason_prep(ctx, p)), None)
    if obj is None or prep is None or prep.i < obj.i:
        return None
    end = prep.right_edge.i + 1
    while end > obj.left_edge.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[obj.left_edge.i : end]


def _reason_prep(ctx: QuoteContext, prep: Token) -> bool:
    return ctx.lex.listed(prep.lower_, "object_prep") and any(c.dep_ in ("pobj", "pcomp") for c in prep.children)


def noun_object(ctx: QuoteContext, verb: Token, cue: VerbCue, trail: Trail, allow_plain: bool = True) -> Found | None:
    """A noun-phrase object that is itself what the source holds or makes known: an attitude noun
    ('expressed a desire to work with X', 'signaled an intent to run', 'voiced opposition to the plan'),
    what a denial or an admission is about ('denied any wrongdoing'), or, for the few cues whose object
    is an announcement ('announced his resignation', 'pledged a review'), any noun phrase that is not a
    pronoun pointing elsewhere."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or ctx.lex.listed(obj.lower_, "pronoun_object") or obj.pos_ == "PRON":
        return None
    if inverted_source(ctx, verb) is not None:
        return None  # ("..., announced on Thursday the prefecture": the object is who speaks)
    if any(c.dep_ == "det" and ctx.lex.listed(c.lower_, "pronoun_object") for c in obj.children):
        return None  # 'rejected this argument:' points to words given elsewhere (there, the content)
    rule = _object_rule(ctx, obj, cue, allow_plain)
    if rule is None:
        return None
    shaped = Trail()
    span = _object_phrase(ctx, verb, obj, rule != "quotes.clause.announced_object", shaped)
    if span is None or len(words(span)) < 2:
        return None
    trail.extend(shaped)
    return rule, span


def _object_rule(ctx: QuoteContext, obj: Token, cue: VerbCue, allow_plain: bool) -> str | None:
    """Which idea makes the object content, if any."""
    lex = ctx.lex
    # ('gathered eight million views', 'repeated his commitment': a that-verb reports nothing without 'that')
    # (not for verbs that judge their object, 'criticized the support': the object is what is judged)
    if ctx.on("quotes.clause.attitude_object") and not cue.needs_that and not cue.takes_object and (
            lex.is_class(obj.lower_, "attitude") or lex.is_class(obj.lemma_, "attitude")):
        return "quotes.clause.attitude_object"
    if ctx.on("quotes.clause.stance_object") and cue.modality in ("negated", "confirmed") and any(
            lex.is_class(obj.lower_, c) for c in ("stance", "noun_cue")):
        return "quotes.clause.stance_object"  # 'denied any wrongdoing', 'rejected the allegations'
    if ctx.on("quotes.clause.announced_object") and cue.takes_np and allow_plain:
        return "quotes.clause.announced_object"
    return None


def _object_phrase(ctx: QuoteContext, verb: Token, obj: Token, held: bool, trail: Trail) -> Span | None:
    """The object's words: with a prepositional tail hung on the verb ('expressed opposition [to the
    plan]'), without a comma-set participle or a contrasting 'but' clause after it."""
    doc = verb.doc
    end = obj.right_edge.i + 1
    if end < len(doc) and doc[end].tag_ in FINITE_TAGS:
        return None  # 'announced the recorder has been recovered': a clause's subject, not an object
    end = _with_tail(ctx, verb, end, held, trail)
    # ('her willingness to accept the role, writing, "..."': a participle after a comma is the source's)
    cut = next((t.i - 1 for t in doc[obj.i + 1 : end] if t.dep_ == "acl" and t.lower_.endswith("ing")
                and doc[t.i - 1].text == ","), None)
    if cut is not None and ctx.on("quotes.clause.cut_object_participle"):
        trail.add("quotes.clause.cut_object_participle", doc[cut:end])
        end = cut
    # 'signaled an intent to run but decided against it': the parser often hangs the subject's next
    # action on the infinitive; after a contrasting 'but' the verb is the source's, not the intent's.
    cut = next((t.i for t in doc[obj.i : end] if t.lower_ == "but" and t.dep_ == "cc" and any(
        c.dep_ == "conj" and c.pos_ == "VERB" and c.i > t.i for c in t.head.children)), None)
    if cut is not None and ctx.on("quotes.clause.cut_object_but"):
        trail.add("quotes.clause.cut_object_but", doc[cut:end])
        end = cut
    while end > obj.left_edge.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[obj.left_edge.i : end]


def _with_tail(ctx: QuoteContext, verb: Token, end: int, held: bool, trail: Trail) -> int:
    """The prepositional phrase the parser hung on the verb right after the object ('expressed opposition
    [to the plan]', 'announced Harris [as his choice]'): still what is held or announced."""
    if not ctx.on("quotes.clause.object_tail"):
        return end
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i == end and ctx.lex.listed(prep.lower_, "object_tail") and (
            held or prep.lower_ == "as"
        ):
            trail.add("quotes.clause.object_tail", verb.doc[end : prep.right_edge.i + 1])
            end = prep.right_edge.i + 1
    return end


def parenthetical(ctx: QuoteContext, cue: Token) -> Span | None:
    """'The economy, he said, is strong' / 'X was planned, officials said': the clause around the cue."""
    head = cue.head
    if head.pos_ not in ("VERB", "AUX") or head == cue or any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
        return None
    if any(c.dep_ == "dobj" and ctx.lex.listed(c.lower_, "own_object") for c in cue.children):
        return None
    doc = cue.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if cue.right_edge.i + 1 >= end - 1:  # the cue closes the clause: cut it off
        end = cue.left_edge.i
    elif cue.left_edge.i <= start:  # the cue opens it
        start = cue.right_edge.i + 1
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end - start >= 2 else None


TITLE_WORDS = 4  # the most words of a title between the comma and the name ("WHO chief", "the agency's head")


def trailing_report(ctx: QuoteContext, cue: Token) -> Span | None:
    """The clause before a closing report joined by a comma ('X has killed 389 people, WHO chief Tedros told
    reporters'): up to the comma, leaving out a title the parser cut from the name ('WHO chief')."""
    found = parenthetical(ctx, cue)
    if found is None:
        return None
    doc = cue.doc
    comma = max((t.i for t in doc[found.start : cue.left_edge.i] if t.text == ","), default=None)
    title = doc[comma + 1 : cue.left_edge.i] if comma is not None else None
    if comma is not None and title is not None and len(title) <= TITLE_WORDS \
            and not any(t.is_punct or t.dep_ == "cc" for t in title):
        found = doc[found.start : comma]
    return found if len(found) >= 2 else None
