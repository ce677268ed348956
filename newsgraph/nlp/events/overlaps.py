"""One event per statement: the triggers of a sentence that state one event become one.

A support verb gives way to its event noun ("imposed sanctions": the SANCTION), a verb that absorbs its
noun object keeps it ("lifted the blockade"), a control verb takes in the acts of its complement
("agreed to withdraw": one AGREE; "vowed to retaliate": a THREATEN), a statement noun takes in its
"that"-clause ("its demand that Israel ease restrictions"); same-type triggers linked by coordination or a
complement are one ("killed or wounded"), what a protest demands is its content, sending people to
investigate is the investigation. The event that stays records the rule, with the absorbed trigger as
evidence; an accusation is aimed at the doer of the act complained of, a demand at the one asked to act.
Then the sentence- and document-level target rules: a material act takes its source's other target, a
denial answers the last accusation against its source.
"""

from __future__ import annotations

import dataclasses
import functools

from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events.found import Context, Found, first_hit, note
from newsgraph.nlp.events.lexicon import INTENT_TYPES
from newsgraph.nlp.events.nominal import content_clauses
from newsgraph.nlp.events.participants import codes_of, unique_actors
from newsgraph.nlp.events.targets import sentence_actor_hit
from newsgraph.nlp.events.triggers import OBJECT_DEPS
from newsgraph.nlp.events.verbal import THEME_TYPES
from newsgraph.nlp.syntax import governing_verb, pobjs, to_infinitive

# Nominal statements whose "that"-clause is their content ("the demand that X withdraw").
CONTROL_NOUN_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"})
# What a protest's purpose clause can say without being another event: "marched to demand reforms".
CONTENT_OF_PROTEST = frozenset({"REQUEST", "ACCUSE", "REJECT", "PROTEST"})
# Prepositions of what an accusation is about ("complained to the UN over Israeli air raids").
COMPLAINT_PREPS = frozenset({"over", "about", "for", "against"})

Found_ = dict[int, Found]  # the sentence's events by trigger token


def resolve_overlaps(ctx: Context, found: Found_) -> None:
    """One event per statement: support verbs give way to their noun, control verbs absorb their complement."""
    for i in sorted(found):
        f = found.get(i)
        if f is None or f.trigger.pos_ not in ("VERB", "AUX"):
            continue
        if not _verb_and_noun_objects(ctx, found, i, f):
            continue
        if f.entry.control and ctx.on(R.CONTROL):
            _control(ctx, found, i, f)
    if ctx.on(R.CONTENT_CLAUSE):
        for i in sorted(found):
            f = found.get(i)
            if f is None or f.trigger.pos_ in ("VERB", "AUX") or f.entry.type not in CONTROL_NOUN_TYPES:
                continue
            # "its demand that Israel ease restrictions": the clause is what is demanded, not an event
            for comp in content_clauses(f.trigger):
                for t in comp.subtree:
                    if t.i in found and t.i != i:
                        borrow(f, found.pop(t.i), R.CONTENT_CLAUSE)
    if ctx.on(R.BARE_SUPPORT_VERB):
        for i in list(found):
            f = found[i]
            # A support verb with no object is too vague to be an event ("the aid they provide").
            if f.trigger.pos_ in ("VERB", "AUX") and f.entry.light and not any(
                    c.dep_ in OBJECT_DEPS for c in f.trigger.children):
                del found[i]


def _noun_objects(found: Found_, f: Found) -> list[Found]:
    """The events stated by the verb's objects (or its passive subject)."""
    objects = [c for c in f.trigger.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
    noun_objs = [found[c.i] for c in objects if c.i in found and c.pos_ != "VERB"]
    # "halted mediation efforts": the noun trigger can be the compound of the object
    noun_objs += [found[m.i] for c in objects if c.i not in found for m in c.children
                  if m.dep_ == "compound" and m.i in found and m.pos_ == "NOUN"]
    return noun_objs


def _accused_doer(found: Found_, f: Found, noun_objs: list[Found]) -> None:
    """"condemned the attack by Hamas on Israel", "complained to the UN over Israeli air raids": the one
    accused is who did the act complained of, not its victim or the one told."""
    own = {a.id for a in f.sources}
    acts = noun_objs + [found[p.i] for p in pobjs(f.trigger, COMPLAINT_PREPS) if p.i in found and p.pos_ != "VERB"]
    doers = [(n, a) for n in acts for a in n.sources if a.id not in own]
    if doers:
        f.targets = unique_actors([a for _, a in doers])
        note(f, R.ACCUSED_DOER, doers[0][0].trigger)


def _request_doer(f: Found, noun_objs: list[Found]) -> None:
    """"demanded the withdrawal of Serbian forces": asked of the one who is to do it."""
    own = {a.id for a in f.sources}
    doers = [a for a in noun_objs[0].sources if a.id not in own]
    if doers:
        f.targets = doers
        note(f, R.REQUEST_DOER, noun_objs[0].trigger)


def _verb_and_noun_objects(ctx: Context, found: Found_, i: int, f: Found) -> bool:
    """A verb over event nouns as its objects: whether the verb's event stays."""
    tok = f.trigger
    noun_objs = _noun_objects(found, f)
    if f.entry.type == "ACCUSE" and ctx.on(R.ACCUSED_DOER):
        _accused_doer(found, f, noun_objs)
    if f.entry.type == "REQUEST" and noun_objs and ctx.on(R.REQUEST_DOER):
        _request_doer(f, noun_objs)
    if noun_objs and f.entry.absorb and ctx.on(R.ABSORB_NOUN):
        for n in noun_objs:
            del found[n.trigger.i]
            absorb(f, n, R.ABSORB_NOUN)  # "lifted the blockade": the verb's own type
    elif noun_objs and (f.entry.light or noun_objs[0].entry.type == f.entry.type) and ctx.on(R.NOUN_EVENT):
        del found[i]  # "imposed sanctions", "signed an agreement": the noun is the event
        note(noun_objs[0], R.NOUN_EVENT, tok)
        return False
    return True


def _control(ctx: Context, found: Found_, i: int, f: Found) -> None:
    """A control verb takes in the acts of its complement ("agreed to withdraw"); a demand takes in what
    it demands ("demanded the withdrawal of X", which has not happened)."""
    for comp in f.trigger.children:
        # ("have sworn to fight": the parser may hang the "to"-complement as an adverbial clause)
        if not (comp.dep_ in ("xcomp", "ccomp", "prep", "dobj") or (
                comp.dep_ == "advcl" and comp.i > i and to_infinitive(comp))):
            continue
        for t in comp.subtree:
            if t.i == i or t.i not in found:
                continue
            inner = found.pop(t.i)
            if comp.dep_ == "ccomp":
                # "demanding that the Turkish government provide ...": the one who is to act in a
                # that-clause is the one addressed, never the one who demands
                if not f.targets and ctx.on(R.CLAUSE_ADDRESSEE):
                    f.targets = [a for a in inner.sources if a.id not in f.own_ids()]
                    if f.targets:
                        note(f, R.CLAUSE_ADDRESSEE, inner.trigger)
                continue
            absorb(f, inner, R.CONTROL)
            if (f.entry.type == "AGREE" and t == comp and INTENT_TYPES.get(inner.entry.type) == "THREATEN"
                    and ctx.on(R.VOW_THREAT)):
                # "vowed to retaliate": a promise of violence is a threat
                f.entry = dataclasses.replace(f.entry, type="THREATEN", mode=None)
                note(f, R.VOW_THREAT, inner.trigger)


def absorb(f: Found, inner: Found, rule: str) -> None:
    """A control verb takes in the act it governs. A demand is addressed to the one who is to act
    ("demanded the resignation of X", "the withdrawal of Serbian forces"): the demanded act's doer is the
    demand's target, never its source."""
    f.parts.append(inner.trigger)  # ("signed an agreement": the evidence keeps what was signed)
    note(f, rule, inner.trigger)
    if f.entry.type != "REQUEST":
        borrow(f, inner)
    elif not f.targets:
        own = {a.id for a in f.sources}
        f.targets = [a for a in inner.sources if a.id not in own] or [a for a in inner.targets if a.id not in own]
        f.parts += inner.parts


def borrow(f: Found, inner: Found, rule: str | None = None) -> None:
    """An event with no target (or source) of its own takes those of the event it takes in."""
    if rule is not None:
        note(f, rule, inner.trigger)
    if not f.targets and inner.targets:
        f.targets = list(inner.targets)
        f.parts += inner.parts
    if not f.sources and inner.sources:
        f.sources = list(inner.sources)


def merge_linked(ctx: Context, found: Found_) -> None:
    """Same-type triggers that state one event: "killed or wounded", "visited X to hold talks with Y"."""
    for i in sorted(found):
        f = found.get(i)
        if f is None:
            continue
        verbal = f.trigger.pos_ in ("VERB", "AUX")
        if verbal and ctx.on(R.OWN_NOUN):
            _own_noun(found, i, f)
        if verbal and f.entry.type in ("MOBILIZE", "AID") and ctx.on(R.INVESTIGATION) and _investigation(found, i, f):
            continue
        if f.entry.type == "PROTEST" and ctx.on(R.PROTEST_CONTENT):
            _protest_content(found, f)
        if ctx.on(R.LINKED):
            _linked(found, i, f)


def _own_noun(found: Found_, i: int, f: Found) -> None:
    """"marched in London during an anti-Brexit march": the noun names the verb's event."""
    for t in f.trigger.subtree:
        inner = found.get(t.i)
        if (inner is not None and t.i != i and t.pos_ == "NOUN" and inner.entry.type == f.entry.type
                and governing_verb(t) == f.trigger):
            borrow(f, inner, R.OWN_NOUN)
            del found[t.i]


def _investigation(found: Found_, i: int, f: Found) -> bool:
    """"sent 21 personnel to Bosnia to investigate ...": sending people to look into something is the
    investigation (PLOVER ACCUSE, mode investigate), which takes the sending's participants."""
    purpose = next((found[c.i] for c in f.trigger.children if c.dep_ == "advcl" and c.i in found
                    and found[c.i].entry.mode == "investigate"), None)
    if purpose is None:
        return False
    purpose.sources = purpose.sources or f.sources
    purpose.targets = purpose.targets or f.targets
    purpose.parts += f.parts
    note(purpose, R.INVESTIGATION, f.trigger)
    del found[i]
    return True


def _protest_content(found: Found_, f: Found) -> None:
    """"marched to demand reforms", "staged demonstrations to protest X": what a protest asks or denounces
    is its content, not another event (PLOVER PROTEST)."""
    carriers = [f.trigger] + ([f.clause_verb] if f.clause_verb is not None and f.support_verb else [])
    for c in [c for carrier in carriers for c in carrier.children]:
        inner = found.get(c.i)
        if inner is not None and c.dep_ in ("advcl", "acl") and inner.entry.type in CONTENT_OF_PROTEST and (
                c.tag_ == "VBG" or to_infinitive(c)):
            borrow(f, inner, R.PROTEST_CONTENT)
            del found[c.i]


def _linked(found: Found_, i: int, f: Found) -> None:
    """Same-type triggers in a coordination or a complement: "killed or wounded", "visited X to hold talks"."""
    for comp in [c for c in f.trigger.children if c.dep_ in ("conj", "xcomp", "advcl")]:
        for t in comp.subtree if comp.dep_ != "conj" else [comp]:
            inner = found.get(t.i)
            if inner is not None and t.i != i and inner.entry.type == f.entry.type:
                borrow(f, inner, R.LINKED)
                del found[t.i]


def share_targets(ctx: Context, found: Found_) -> None:
    """A material act with no stated target takes the target of its source's other act in the sentence
    ("X was sending troops to Y in a sign of ties that include the delivery of X's weapons")."""
    if not ctx.on(R.SHARED):
        return
    for f in found.values():
        if f.targets or not f.sources or f.entry.type not in THEME_TYPES:
            continue
        ids = {a.id for a in f.sources}
        for other in found.values():
            if other is not f and other.targets and ids & {a.id for a in other.sources} and not (
                    ids & {a.id for a in other.targets}):
                f.targets = list(other.targets)
                note(f, R.SHARED, other.trigger)
                break


def sentence_targets(ctx: Context, found: Found_) -> None:
    """The last resort for each event still without a target (``events.target.sentence_actor``)."""
    for f in found.values():
        first_hit(ctx, f, [(R.SENTENCE_ACTOR, functools.partial(sentence_actor_hit, ctx, f))])


def answer_accusations(ctx: Context, found: list[Found]) -> None:
    """"Iran denied the accusation", "rejected the claims": a denial with no target named answers the
    last accusation made against its source, so it is aimed at the accuser."""
    if not ctx.on(R.ANSWERED_ACCUSATION):
        return
    for n, f in enumerate(found):
        if f.entry.type != "REJECT" or f.targets or not f.sources:
            continue
        if not any(c.dep_ in ("dobj", "nsubjpass") and ctx.lex.in_class(c.lemma_, "accusations")
                   for c in f.trigger.children):
            continue
        codes = set(codes_of(f.sources, ctx.code_of))
        accusation = next((a for a in reversed(found[:n]) if a.entry.type == "ACCUSE" and a.sources
                           and codes & set(codes_of(a.targets, ctx.code_of))), None)
        if accusation is not None:
            f.targets = list(accusation.sources)
            note(f, R.ANSWERED_ACCUSATION, accusation.trigger)
