"""Finders of an event's target that verbal and nominal events share, each the body of a named rule.

Each finder looks (it returns a ``Hit`` or None) and the caller applies it and records its rule: the
first actor named by a target preposition (``events.target.prep_object``), the state of the place where
the act lands (``events.target.place``), what an act's purpose names (``events.target.purpose``), the
author of what a response answers (``events.target.author``), who must act on a condition
(``events.target.condition``), the protesters' own government (``events.target.domestic``), the two sides
of a joint act (``events.target.joint``, ``events.target.reciprocal``), and, as last resorts, the first
other actor after the trigger in its clause (``events.target.clause_actor``) or in its phrase at any depth
(``events.target.sentence_actor``). ``home_front`` places the people a state's police act on.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from newsgraph.model import Actor
from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events.found import Context, Found, Hit, note, token_span
from newsgraph.nlp.events.participants import GOVERNMENT_ID, GRP_ID, PLACE_ID, SUB_ID, codes_of, real_id
from newsgraph.nlp.syntax import agent_of, in_nested_clause, pobjs, to_infinitive
from newsgraph.nlp.words import SUBJECT_DEPS, SYMMETRIC_TYPES

# Acts a government does to its own population, at home (PLOVER COERCE: curfews, arrests, bans; CONCEDE:
# easing them), so a place of its own state can be their target.
HOME_TYPES = frozenset({"COERCE", "CONCEDE"})
# Prepositions whose place object can stand for the state acted upon.
PLACE_PREPS = frozenset({"in", "to", "into", "at", "inside"})
CONDITION_MARKS = ("if", "unless")


def preps(ctx: Context, f: Found) -> frozenset[str]:
    """The prepositions whose object is the target of this event's type."""
    return ctx.lex.preps_for(f.entry.type)


def prep_hit(ctx: Context, f: Found, head: Token) -> Hit | None:
    """The first actor named by a target preposition of the head, else of its object ("shared evidence
    with the U.S.", "closed its borders with Iran")."""
    wanted = preps(ctx, f)
    heads = [head]
    if head.pos_ in ("VERB", "AUX"):
        # "launched artillery, mortar and rocket fire against X": the objects' conjuncts too
        heads += [o for c in head.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    own, np = f.own_ids(), ctx.index.np_actors
    for h in heads:
        for p in pobjs(h, wanted):
            actors = [a for a in np(p, deep=True) if a.id not in own]
            if not actors and np(p, deep=True):
                # "reneged on his commitment to the Zambian people": past the source's own "his"
                actors = [a for q in pobjs(p, wanted | {"to"}) for a in np(q, deep=True) if a.id not in own]
            if actors:
                return Hit(actors, [p])
    return None


def place_hit(ctx: Context, f: Found, heads: list[Token]) -> Hit | None:
    """The state of the place where the act lands, when no actor is its target: "arrived in Amman",
    "evacuate settlements in the Gaza Strip" (not the source's own country)."""
    # a group inside a state acts on places of its own state ("Sudanese rebels shelled Juba"); so does a
    # government restricting or easing life at home ("lifted the state of emergency in West Darfur")
    own = set() if f.entry.type in HOME_TYPES else set(
        codes_of([a for a in f.sources if not a.id.startswith(SUB_ID)], ctx.code_of))
    # "withdrew from X", "withdrew its observers from X"
    wanted = PLACE_PREPS | {"from"} if f.entry.type in ("RETREAT", "SANCTION") else PLACE_PREPS
    for h in heads:
        for p in pobjs(h, wanted):
            states = ctx.index.place_actors(p) or [a for a in ctx.index.np_actors(p) if a.kind == "state"]
            states = [a for a in states if ctx.code(a) not in own]
            if states:
                return Hit(states[:1], [p])
    return None


def purpose_hit(ctx: Context, f: Found, verb: Token) -> Hit | None:
    """"staged a hunger strike to protest President Assad's failure", "demonstrated ... calling for
    independence from Iraq": an act with no target of its own is aimed at whom its purpose names."""
    own, wanted = f.own_ids(), preps(ctx, f)
    for comp in verb.children:
        if comp.dep_ not in ("advcl", "acl") or comp.pos_ not in ("VERB", "AUX"):
            continue  # (a noun's own purpose: "demonstrations to demand reforms")
        if ctx.lex.in_class(comp.lemma_, "speech"):
            continue  # "voiced support for X, telling the Nevada Independent": whom one tells is no purpose
        if not (comp.tag_ == "VBG" or to_infinitive(comp)):
            continue  # "when", "after" clauses are other events, not the purpose
        heads = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
        heads += pobjs(comp, wanted | {"for"})
        for h in heads:
            actors = [a for a in ctx.index.np_actors(h, deep=True) if a.id not in own]
            if not actors:  # "to show their anger at France": past the protesters' own "their"
                actors = [a for p in pobjs(h, wanted) for a in ctx.index.np_actors(p) if a.id not in own]
            if actors:
                return Hit(actors, [h])
    return None


def author_hit(ctx: Context, f: Found, verb: Token) -> Hit | None:
    """"rejected a U.S. request", "rejected North Korea's demand", "rejected calls by Belarus's rulers",
    "is opposed to French mediation": a response is aimed at the author of what it answers."""
    said = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    said += pobjs(verb, {"to"})
    np = ctx.index.np_actors
    for obj in said:
        if obj.lemma_.lower() not in ctx.lex.nouns and not ctx.lex.in_class(obj.lemma_, "statement"):
            continue
        authors = [a for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod") for a in np(c)]
        authors += [a for p in pobjs(obj, {"by", "from"}) for a in np(p)]
        # "violated a ban imposed by X", "rejected the plan put forward by X"
        authors += [a for acl in obj.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                    for ag in [agent_of(acl)] if ag is not None for a in np(ag)]
        if authors:
            return Hit(authors, [obj])
    return None


def condition(f: Found) -> str | None:
    """"if" or "unless" when the event's clause has a condition clause of its own ("will withdraw unless
    the president arranges a ceasefire")."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    for c in verb.children:
        if c.dep_ == "advcl":
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS), None)
            if mark is not None:
                return mark
    return None


def condition_hit(ctx: Context, f: Found, verb: Token) -> Hit | None:
    """"threatened to strike unless Israel rescinded ...": the one who must act is addressed."""
    if f.entry.type not in ("THREATEN", "AGREE") and condition(f) is None:
        return None
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            subj = next((s for s in c.children if s.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                actors = ctx.index.np_actors(subj)
                if actors:
                    return Hit(actors, [subj])
    return None


def domestic_hit(ctx: Context, f: Found, source_head: Token | None) -> Hit | None:
    """A protest that names no target is aimed at the government of the protesters' own state
    ("Thousands of Iraqi Kurds demonstrated ...": Iraq). PLOVER's PROTEST is collective action
    against a target actor, and CAMEO codes a domestic protest as aimed at its government. Not when the
    government itself is the subject ("Iraq protested")."""
    index = ctx.index
    if f.entry.type != "PROTEST" or (source_head is not None and source_head.i in index.by_token
                                      and index.form_by_token.get(source_head.i) != "demonym"):
        return None  # "Serbians protested" are its people; "Serbia protested" is its government
    for a in f.sources:
        code = ctx.code(a)
        if code is not None and (a.kind == "state" or a.id.startswith(SUB_ID)) and len(code) == 3:
            government = Actor(f"{GOVERNMENT_ID}{code}", code, "state", code=code)
            return Hit([government], evidence=source_head if source_head is not None else token_span(f.trigger))
    return None


def joint_hit(ctx: Context, f: Found) -> Hit | None:
    """"Putin and Kim met": each side of a joint act (CONSULT, AGREE, COOPERATE) is the other's target."""
    if f.entry.type in SYMMETRIC_TYPES and len({a.id for a in f.sources}) > 1:
        return Hit(list(f.sources), evidence=token_span(f.trigger))
    return None


def reciprocal_hit(ctx: Context, f: Found) -> Hit | None:
    """"Armenia and Azerbaijan fought": the sides of a reciprocal verb act on each other."""
    if f.entry.type not in SYMMETRIC_TYPES and len({a.id for a in f.sources}) > 1 and ctx.lex.in_class(
            f.trigger.lemma_, "reciprocal"):
        return Hit(list(f.sources), evidence=token_span(f.trigger))
    return None


def met_both_ways(ctx: Context, f: Found) -> None:
    """A meeting is mutual: "Putin met Kim" makes each both source and target."""
    if (ctx.on(R.MET_BOTH_WAYS) and f.targets and f.entry.type == "CONSULT"
            and f.trigger.lemma_ in ctx.lex.words("meeting_words")):
        f.sources, f.targets = f.sources + f.targets, f.targets + f.sources
        note(f, R.MET_BOTH_WAYS, f.trigger)


def home_front(ctx: Context, f: Found, verb: Token, subject: Token | None) -> None:
    """The police or the authorities of a state acting on people the text does not place elsewhere
    ("Egyptian police opened fire to disperse demonstrators", "Turkish police prevented the
    demonstration staged by students") act on their own state's people, as CAMEO codes domestic
    repression. Not for armies: troops often act abroad. A collective with no state of its own is this
    state's (it keeps its own code and is placed); people of no collective are a group of the state."""
    states = _home_states(ctx, f, subject)
    if not states:
        return
    for obj in _people_acted_on(verb):
        people = [t for t in obj.subtree if t.lemma_.lower() in ctx.index.non_state] if obj.pos_ == "NOUN" else []
        actors = ctx.index.np_actors(obj, deep=True)
        if not people or any(not a.id.startswith(GRP_ID) for a in actors):
            continue
        code = ctx.code(states[0]) or ""
        loose = [a for a in actors if a.country is None]
        if loose:  # a collective with no state of its own is this state's: keep it, place it
            ids = {a.id for a in loose}
            f.targets = [a for a in f.targets if a.id not in ids]
            f.targets += [dataclasses.replace(a, country=code) for a in loose]
            for a in loose:
                ctx.index.group_country.setdefault(a.id, code)
        else:
            f.targets.append(ctx.index.sub_state(people[0], states[0]))
        f.parts.append(obj)
        note(f, R.HOME_FRONT, obj, phrase=True)
        return


def _home_states(ctx: Context, f: Found, subject: Token | None) -> list[Actor]:
    """The states whose police or authorities (the subject) act: "Egyptian police" (EGY)."""
    if not ctx.on(R.HOME_FRONT) or subject is None or not ctx.lex.in_class(subject.lemma_, "domestic_forces"):
        return []
    return [a for a in f.sources if a.kind == "state" and (ctx.code(a) or "").isupper()
            and len(ctx.code(a) or "") == 3]


def _people_acted_on(verb: Token) -> list[Token]:
    comps = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ in ("VERB", "AUX")]
    return [obj for comp in comps
            for obj in [c for c in comp.children if c.dep_ in ("dobj", "dative")] + pobjs(comp, {"against", "on"})]


def clause_actor_hit(ctx: Context, f: Found, verb: Token) -> Hit | None:
    """Last resort: the first other coded actor named after the trigger in its own clause, outside any
    clause nested in it ("Russia closed its southern borders with Iran", "X reneged on his commitment
    to the Zambian people"): in a news sentence the other party of an act is named in its clause."""
    if not f.sources:
        return None
    own, by_token = f.own_ids(), ctx.index.by_token
    for tok in verb.subtree:
        if tok.i <= f.trigger.i or tok.i not in by_token:
            continue
        actor = by_token[tok.i]
        if actor.id in own or in_nested_clause(tok, verb) or attribution(tok) or origin(ctx, tok, f.entry.type) \
                or reporter(ctx, tok):
            continue
        return Hit([actor], [tok])
    return None


def sentence_actor_hit(ctx: Context, f: Found) -> Hit | None:
    """Last resort, after every reading of the parse: the first other actor named after the trigger in the
    act's own phrase, at any depth ("rejected an invitation to a meeting of Palestinian factions",
    "trained hackers capable of launching cyber warfare against the United States"). News sentences
    name the party an act is aimed at after the act, even where the parse hangs it in a clause of its
    own; the sentence's reporter, what someone says in passing ("adding that ...") and the agents of
    other acts ("a ban by X") are not it. Only for an act with a known source: an act with nobody
    doing it is too loose to be aimed by position alone."""
    if not f.sources or f.target_named:
        return None
    scope = f.clause_verb if f.support_verb and f.clause_verb is not None else f.trigger
    own = f.own_ids()
    own_codes = set(codes_of(f.sources, ctx.code_of))
    index = ctx.index
    for tok in scope.subtree:
        if tok.i <= f.trigger.i:
            continue
        actor = index.by_token.get(tok.i) or index.generic.get(tok.i) or index.places.get(tok.i)
        if actor is None or actor.id in own or real_id(actor) in own:
            continue
        if actor.id.startswith(PLACE_ID) and ctx.code(actor) in own_codes:
            continue
        if attribution(tok) or origin(ctx, tok, f.entry.type) or reporter(ctx, tok) or said_aside(ctx, tok, scope):
            continue
        return Hit([actor], [tok])
    return None


def said_aside(ctx: Context, tok: Token, scope: Token) -> bool:
    """Whether a token sits in what a verb of speech below ``scope`` reports ("..., adding that ..."),
    or in a clause or phrase that only dates or explains the act ("after the recording was uploaded on
    YouTube", "because of ...", "during the war"): another event's participants, not this one's."""
    lex = ctx.lex
    for anc in [tok, *tok.ancestors]:
        if anc == scope:
            return False
        if anc.pos_ in ("VERB", "AUX") and lex.in_class(anc.lemma_, "speech"):
            return True
        if anc.pos_ == "NOUN" and anc != tok and lex.in_class(anc.lemma_, "statement") and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in anc.children):
            return True  # "in a video broadcast to the U.S.": the audience of a statement
        if anc.dep_ == "prep" and lex.in_class(anc.lower_, "circumstance_words"):
            return True
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and lex.in_class(c.lower_, "circumstance_words")
                                       for c in anc.children):
            return True
    return False


def reporter(ctx: Context, tok: Token) -> bool:
    """Whether a token names who reports ("..., Dutch Foreign Minister X said", "reported by The
    Guardian"): the subject or agent of a verb of speech, not a party to the act reported."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ in SUBJECT_DEPS:
            return ctx.lex.in_class(anc.head.lemma_, "speech")
        if anc.dep_ == "pobj" and anc.head.dep_ == "agent":
            return ctx.lex.in_class(anc.head.head.lemma_, "speech")
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def origin(ctx: Context, tok: Token, type_: str) -> bool:
    """Whether a token's phrase hangs from a preposition of agency or comparison ("a ban by X", "like most
    members"), or of origin for an act that moves or gives something ("deploy troops from North Korea"):
    not the one an act is aimed at (unlike "demanded support from X", "withdrew from X")."""
    from_origin = type_ in ("MOBILIZE", "AID", "CONSULT")
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "pobj":
            prep = anc.head.lower_
            return (from_origin and prep == "from") or ctx.lex.in_class(prep, "non_party_preps")
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def attribution(tok: Token) -> bool:
    """Whether a token names a source ("according to X", "X said") rather than a participant."""
    for anc in [tok, *tok.ancestors]:
        if anc.lower_ == "according" or (anc.dep_ == "pobj" and anc.head.lower_ == "to"
                                          and anc.head.head.lower_ == "according"):
            return True
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False
