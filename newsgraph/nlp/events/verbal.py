"""Participants of a verbal event: who does it and to whom, read off the verb's clause.

First the clause's own arguments, each a named rule: the subject of an active verb (or the "by" agent of
a passive) is the source, the object (or the subject of a passive) the target, a place acted upon stands
for its state; of a moved or given thing (a theme: "North Korean troops moved to Russia") the demonym or
possessor is the source and its preposition names the target. Then, while the event has no target, an
ordered table of target rules (``_target_rules``, then the joint-act and place rules, then the last
resort), each recording itself when it finds one: a target preposition, people met at a place, a control verb's
complement, who is summoned, the party of what a demand asks for, the subject of a demanded clause, the
author of what a response answers, who must act on a condition, what the purpose names, the two sides of
a joint act, the place where the act lands, the protesters' own government, the people a state's police
act on, and last the first other actor named in the clause. Training another's forces is military
cooperation (``events.type.training``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events import targets as T
from newsgraph.nlp.events.found import Context, Found, Hit, apply, first_hit, note
from newsgraph.nlp.events.lexicon import Entry
from newsgraph.nlp.events.participants import GRP_ID, SUB_ID, codes_of
from newsgraph.nlp.syntax import SUMMON_VERBS, agent_of, is_passive, pobjs, subject_of
from newsgraph.nlp.words import SUBJECT_DEPS

# Types whose object is a thing moved or given: its demonym or possessor names the source.
THEME_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT", "COOPERATE"})
# Types whose addressee can be the subject of their "that"-clause.
CLAUSE_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
# Responses: aimed at the author of what they answer ("rejected a U.S. request").
RESPONSE_TYPES = frozenset({"REJECT", "SUPPORT", "CONCEDE", "ACCUSE"})
# Theme classes of people an act moves rather than acts upon ("withdrew its observers from X": X is the target).
MOVED_THEMES = frozenset({"mission_staff"})
# Noun classes of what is moved or given ("troops", "weapons", "aid").
THEME_CLASSES = ("military", "weapon", "aid", "police", "armed_groups", "mission_staff")
# What a demand asks for is aimed at the party its act is on or against ("called for pressure on the junta",
# "urged sanctions against Russia").
ASKED_OF_PREPS = frozenset({"on", "against"})


@dataclass
class Clause:
    """What the verbal rules read off one verb's clause."""

    verb: Token
    entry: Entry
    passive: bool
    subject: Token | None
    agent: Token | None
    objects: list[Token] = field(default_factory=list)  # objects that are not events themselves
    theme: Token | None = None  # the thing moved or given


def verbal(ctx: Context, verb: Token, entry: Entry, rule: str) -> Found:
    f = Found(verb, entry, clause_verb=verb)
    note(f, rule, verb)
    c = _clause(ctx, f, verb, entry)
    _subject_and_agent(ctx, f, c)
    _objects(ctx, f, c)
    if c.theme is not None:
        _theme(ctx, f, c)
    first_hit(ctx, f, _target_rules(ctx, f, c))
    T.met_both_ways(ctx, f)
    first_hit(ctx, f, [
        (R.JOINT, lambda: T.joint_hit(ctx, f)),
        (R.RECIPROCAL, lambda: T.reciprocal_hit(ctx, f)),
        (R.PLACE, lambda: T.place_hit(ctx, f, _place_heads(c))),
        (R.DOMESTIC, lambda: T.domestic_hit(ctx, f, c.agent if c.passive else c.subject)),
    ])
    if not c.passive and all(a.id.startswith(GRP_ID) and a.country is None for a in f.targets):
        T.home_front(ctx, f, verb, c.subject)  # (a collective with no state may be placed)
    first_hit(ctx, f, [(R.CLAUSE_ACTOR, lambda: T.clause_actor_hit(ctx, f, verb))])
    _training(ctx, f, c)
    return f


def _target_rules(ctx: Context, f: Found, c: Clause) -> list[tuple[str, Callable[[], Hit | None]]]:
    """The ordered table of target rules tried while the event has none (after the clause's own arguments)."""
    verb = c.verb
    return [
        (R.PREP_OBJECT, lambda: T.prep_hit(ctx, f, verb)),
        (R.MET_AT, lambda: _met_at(ctx, c)),
        (R.CONTROL_OBJECT, lambda: _control_object(ctx, f, c)),
        (R.SUMMONED, lambda: _summoned(ctx, c)),
        (R.ASKED_OF, lambda: _asked_of(ctx, f, c)),
        (R.CLAUSE_SUBJECT, lambda: _clause_subject(ctx, c)),
        (R.AUTHOR, lambda: T.author_hit(ctx, f, verb) if c.entry.type in RESPONSE_TYPES else None),
        (R.CONDITION, lambda: T.condition_hit(ctx, f, verb)),
        (R.PURPOSE, lambda: T.purpose_hit(ctx, f, verb)),
    ]


def _clause(ctx: Context, f: Found, verb: Token, entry: Entry) -> Clause:
    subject = subject_of(verb)
    if ctx.on(R.TEXT_AUTHOR) and subject is not None and verb.dep_ == "acl" and subject == verb.head and any(
            ctx.lex.in_class(subject.lemma_, c) for c in ("statement", "weapon")):
        # "issued a declaration demanding ...", "in a statement accusing ...": the text's author acts;
        # "fired missiles targeting US troops": the one who fires them
        carrier = subject.head.head if subject.dep_ == "pobj" else subject.head
        if carrier.pos_ in ("VERB", "AUX") and subject.dep_ in ("dobj", "pobj"):
            author = subject_of(carrier)
            if author is not None:
                note(f, R.TEXT_AUTHOR, author, phrase=True)
                subject = author
    # Objects that are events themselves ("discuss the deployment of X") are not participants.
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"
               and c.lemma_.lower() not in ctx.lex.nouns]
    return Clause(verb, entry, is_passive(verb), subject, agent_of(verb), objects)


def is_theme(ctx: Context, tok: Token, entry: Entry) -> bool:
    """Whether a noun is a thing moved or given (troops, weapons, aid) by an act that moves or gives."""
    if entry.type not in THEME_TYPES and not entry.light and entry.theme not in MOVED_THEMES:
        return False
    nouns = [tok, *pobjs(tok, {"of"})]  # "a first patch of Bangladeshi troops"
    return any(ctx.lex.in_class(n.lemma_.lower(), c) for n in nouns for c in THEME_CLASSES)


def _subject_and_agent(ctx: Context, f: Found, c: Clause) -> None:
    subject, np = c.subject, ctx.index.np_actors
    if c.passive:
        if subject is not None and is_theme(ctx, subject, c.entry):
            c.theme = subject
        elif subject is not None and ctx.on(R.PASSIVE_SUBJECT):
            apply(f, R.PASSIVE_SUBJECT, Hit(np(subject, deep=True), [subject]))  # "Ukraine was attacked"
        if c.agent is not None and ctx.on(R.AGENT):
            apply(f, R.AGENT, Hit(np(c.agent), [c.agent]), "sources")  # "... by Russia"
    elif subject is not None:
        actors = np(subject)
        if not actors and is_theme(ctx, subject, c.entry):
            c.theme = subject  # "troops moved": what moves, its demonym the source
        elif ctx.on(R.SUBJECT):
            apply(f, R.SUBJECT, Hit(actors, evidence=subject), "sources")  # "Russia attacked ..."
        f.parts.append(subject)


def _objects(ctx: Context, f: Found, c: Clause) -> None:
    for obj in c.objects:
        if is_theme(ctx, obj, c.entry) or (c.entry.light and obj.pos_ == "NOUN" and obj.dep_ == "dobj"):
            c.theme = c.theme or obj
            f.parts.append(obj)
            continue
        # "offered its troops to X", "closed its borders with Iran": the subject's own is not a target
        # (a group inside the source's state is not the source: "Serbia prosecutes Serbian extremists")
        own = f.own_ids()
        actors = [a for a in ctx.index.np_actors(obj, deep=True) if a.id not in own] if ctx.on(R.OBJECT) else []
        if actors:
            apply(f, R.OBJECT, Hit(actors, [obj]))
        elif ctx.on(R.PLACE_OBJECT):
            # "shelled Juba", "visited Amman": a place acted upon stands for its state
            own_codes = set(codes_of([a for a in f.sources if not a.id.startswith(SUB_ID)], ctx.code_of))
            places = [a for a in ctx.index.place_actors(obj) if ctx.code(a) not in own_codes][:1]
            apply(f, R.PLACE_OBJECT, Hit(places, [obj]) if places else None)


def _theme(ctx: Context, f: Found, c: Clause) -> None:
    """A thing moved or given: its demonym or possessor is the source ("North Korean troops", "one third
    of Albanian guerrillas"), its preposition names the target ("sent troops to Russia")."""
    theme, np = c.theme, ctx.index.np_actors
    assert theme is not None
    f.parts.append(theme)
    of = [(p, a) for p in pobjs(theme, {"of"}) for a in np(p)]
    first_hit(ctx, f, [
        (R.THEME_SOURCE, lambda: Hit(np(theme), evidence=theme)),
        # "one third of ethnic Albanian guerrillas", "a patch of Bangladeshi troops"
        (R.THEME_OF, lambda: Hit([a for _, a in of], evidence=of[0][0]) if of else None),
    ], "sources")
    operating = [t for t in theme.subtree if t.dep_ == "acl" and t.pos_ == "VERB"]
    first_hit(ctx, f, [
        (R.THEME_PREP, lambda: _theme_prep(ctx, f, theme)),
        # "guerrillas operating in Macedonia have been demobilized": they stand down where they were
        (R.STAND_DOWN_PLACE, lambda: T.place_hit(ctx, f, operating) if c.entry.type == "RETREAT" else None),
    ])


def _theme_prep(ctx: Context, f: Found, theme: Token) -> Hit | None:
    """The first target preposition of the theme that names an actor (the ones before it join the evidence)."""
    read: list[Token] = []
    for p in pobjs(theme, T.preps(ctx, f)):
        read.append(p)
        actors = ctx.index.np_actors(p)
        if actors:
            return Hit(actors, read, evidence=p)
    return Hit(parts=read) if read else None


def _met_at(ctx: Context, c: Clause) -> Hit | None:
    """"addressed officials at NATO headquarters": the people met belong to where they are met."""
    if not any(o.lemma_.lower() in ctx.index.group_heads for o in c.objects):
        return None
    places = pobjs(c.verb, {"at"})
    actors = [a for p in places for a in ctx.index.np_actors(p)]
    return Hit(actors, [x for p in places for x in (p, *c.objects)]) if places else None


def _control_object(ctx: Context, f: Found, c: Clause) -> Hit | None:
    """A control verb's complement names the target: its object ("agreed to help Ukraine") or, else, its
    target preposition ("vowed to cooperate with Serbia")."""
    if not c.entry.control:
        return None
    comp = next((x for x in c.verb.children if x.dep_ == "xcomp"), None)
    if comp is None:
        return None
    objs = [o for o in comp.children if o.dep_ in ("dobj", "dative") and o.lemma_.lower() not in ctx.lex.nouns]
    actors = [a for o in objs for a in ctx.index.np_actors(o)]
    if actors:
        return Hit(actors, objs)
    hit = T.prep_hit(ctx, f, comp)
    if hit is not None:
        return Hit(hit.actors, objs + hit.parts, evidence=hit.parts[0])
    return Hit(parts=objs) if objs else None


def _summoned(ctx: Context, c: Clause) -> Hit | None:
    """"summoned the ambassador to complain": the one who summons complains, to the one summoned."""
    verb = c.verb
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.lemma_.lower() not in SUMMON_VERBS:
        return None
    objs = [o for o in verb.head.children if o.dep_ == "dobj"]
    return Hit([a for o in objs for a in ctx.index.np_actors(o)], objs) if objs else None


def _asked_of(ctx: Context, f: Found, c: Clause) -> Hit | None:
    """What a demand asks for (its object, or "called for X") is aimed at the party its act is on or
    against: "called for international pressure on the junta" is aimed at the junta, "urged sanctions
    against Russia" at Russia (the adjective "international" names no one). People named there without a
    code ("pressure on the two countries") are still the ones named: no other actor is guessed by position
    in their place. A thing the act is on ("a ruling on the prorogation") is no party."""
    if c.entry.type != "REQUEST":
        return None
    asked = [x for x in c.verb.children if x.dep_ == "dobj"] + pobjs(c.verb, {"for"})
    own = f.own_ids()
    for party in (p for thing in asked for p in pobjs(thing, ASKED_OF_PREPS)):
        actors = [a for a in ctx.index.np_actors(party) if a.id not in own]
        if actors:
            return Hit(actors, [party])
        if party.pos_ == "PROPN" or ctx.index.names_people(party):
            return Hit(parts=[party], named=True)
    return None


def _clause_subject(ctx: Context, c: Clause) -> Hit | None:
    """"demanded that Hamas renounce ...", "accused Moscow of ...": the addressee is the clause's subject
    ("alleged the central government is hiding ...": the target is named, with no code)."""
    if c.entry.type not in CLAUSE_TARGET_TYPES:
        return None
    hit = Hit()
    for comp in (x for x in c.verb.children if x.dep_ == "ccomp"):
        subject = next((x for x in comp.children if x.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            hit.actors += ctx.index.np_actors(subject)
            hit.parts.append(subject)
            hit.named = subject.pos_ == "PROPN" or ctx.index.names_people(subject)
    return hit or None


def _place_heads(c: Clause) -> list[Token]:
    xcomps = [x for x in c.verb.children if x.dep_ == "xcomp"]
    return [c.verb, *c.objects, *xcomps, *(o for x in xcomps for o in x.children if o.dep_ == "dobj")]


def _training(ctx: Context, f: Found, c: Clause) -> None:
    """"the US trained Ukrainian soldiers": building up another's force is military cooperation (PLOVER
    COOPERATE, mode military); "North Korea trained hackers" builds up its own (MOBILIZE)."""
    if not ctx.on(R.TRAINING) or c.entry.type != "MOBILIZE" or not ctx.lex.in_class(c.verb.lemma_, "training_verbs"):
        return
    own = {a.id for a in f.sources}
    others = [(o, a) for o in c.objects for a in ctx.index.np_actors(o) if a.id not in own and ctx.code(a)
              and not a.id.startswith(GRP_ID)]  # (its own hackers are not another's force)
    if f.sources and others:
        f.entry = dataclasses.replace(c.entry, type="COOPERATE", mode="military")
        f.targets = [a for _, a in others]
        note(f, R.TRAINING, others[0][0], phrase=True)
