"""Participants of a nominal event ("Russia's invasion of Ukraine", "talks with X", "the delivery of
North Korean ammunition to Russia"), read off the noun's phrase and then off the clause that carries it.

The noun's own phrase first: the possessor or an actor modifier does it (a person's killing or arrest is
undergone), a "by" agent does it, the "of" object is the target (for a thing moved or given, the source),
the sides of "between" are both. Then where the noun sits: the object of a support verb ("X launched an
attack on Y": X does it; "Tunisia is facing attacks": Tunisia suffers it), "the target of" a noun, the
protests during which stones are thrown, the act one takes part in ("were engaged in ethnic
cleansing"). Last, the shared target rules (place, the protesters' own government).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events import targets as T
from newsgraph.nlp.events.found import Context, Found, Hit, apply, first_hit, note
from newsgraph.nlp.events.lexicon import Entry
from newsgraph.nlp.events.triggers import noun_entry, verb_entry
from newsgraph.nlp.events.verbal import CLAUSE_TARGET_TYPES, THEME_TYPES
from newsgraph.nlp.syntax import agent_of, governing_verb, is_passive, pobjs, subject_of
from newsgraph.nlp.words import SUBJECT_DEPS

# "engaged in", "remained on alert", "gathered for a rally": the subject takes part in the noun's event
# (not "during the fighting", "after the attack": those only date the clause).
PARTICIPATION_PREPS = frozenset({"in", "on", "for", "into"})


def nominal(ctx: Context, noun: Token, entry: Entry, rule: str) -> Found:
    f = Found(noun, entry, clause_verb=governing_verb(noun))
    note(f, rule, noun)
    f.parts.append(noun)
    anchor = _anchor(ctx, f, noun)
    _own_phrase(ctx, f, noun, anchor)
    head = anchor.head
    if anchor.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        _support_verb(ctx, f, anchor, head)
    elif not f.targets and ctx.on(R.TARGET_NOUN) and (victim := _target_of(ctx, anchor)) is not None:
        # "the region that was the target of a Ukrainian incursion": the one targeted is the target
        apply(f, R.TARGET_NOUN, Hit(ctx.index.np_actors(victim, deep=True), [victim]))
    elif (anchor.dep_ == "pobj" and entry.type == "PROTEST" and head.lemma_.lower() == "during"
          and head.head.pos_ in ("VERB", "AUX") and not f.sources):
        _during_protest(ctx, f, head.head)
    elif _participation(ctx, anchor, entry):
        _participant(ctx, f, head.head)
    T.met_both_ways(ctx, f)
    first_hit(ctx, f, [
        (R.JOINT, lambda: T.joint_hit(ctx, f)),
        (R.RECIPROCAL, lambda: T.reciprocal_hit(ctx, f)),
        (R.PLACE, lambda: T.place_hit(ctx, f, [anchor] + ([f.clause_verb] if f.clause_verb is not None else []))),
        # "Russia's protest" is the government's own; "Egyptian demonstrations" are its people's
        (R.DOMESTIC, lambda: T.domestic_hit(ctx, f, next((c for c in anchor.children if c.dep_ == "poss"), None))),
    ])
    return f


def _anchor(ctx: Context, f: Found, noun: Token) -> Token:
    """The noun whose phrase carries the arguments: the head of a compound ("a mediation effort between X
    and Y"), a span of time of the act ("launched 10 days of war games")."""
    anchor = noun
    if ctx.on(R.COMPOUND_HEAD):
        while anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
            anchor = anchor.head
        if anchor != noun:
            note(f, R.COMPOUND_HEAD, anchor)
    if ctx.on(R.SPAN_OF_TIME):
        start = anchor
        while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and ctx.lex.in_class(
                anchor.head.head.lemma_, "span_nouns"):
            anchor = anchor.head.head
        if anchor != start:
            note(f, R.SPAN_OF_TIME, anchor)
    return anchor


def _own_phrase(ctx: Context, f: Found, noun: Token, anchor: Token) -> None:
    """The participants the noun's own phrase names."""
    np = ctx.index.np_actors
    of_objects = pobjs(anchor, {"of"})
    _possessor_and_modifiers(ctx, f, noun, anchor, bool(of_objects))
    if ctx.on(R.BY_AGENT):
        for agent in pobjs(anchor, {"by"}):
            apply(f, R.BY_AGENT, Hit(np(agent), evidence=agent), "sources")
    if f.entry.type in THEME_TYPES:
        for theme in of_objects:
            if not f.sources and ctx.on(R.NOUN_THEME):
                # "the deployment of North Korean soldiers": their demonym names who deploys them
                apply(f, R.NOUN_THEME, Hit(np(theme, own_head=False), evidence=theme), "sources")
            if ctx.on(R.THEME_PREP):
                for p in pobjs(theme, T.preps(ctx, f)):
                    apply(f, R.THEME_PREP, Hit(np(p), evidence=p))
    elif ctx.on(R.OF_OBJECT):
        for obj in of_objects:
            apply(f, R.OF_OBJECT, Hit(np(obj), evidence=obj))  # "the invasion of Ukraine"
    first_hit(ctx, f, [
        (R.PREP_OBJECT, lambda: T.prep_hit(ctx, f, anchor)),
        (R.CLAUSE_SUBJECT, lambda: _content_subject(ctx, f, noun)),
    ])
    if ctx.on(R.BETWEEN):
        for between in pobjs(anchor, {"between", "among"}):
            both = np(between)
            if f.entry.mode != "third-party":  # a mediator is not one of the sides it mediates between
                f.sources += both
            apply(f, R.BETWEEN, Hit(both, evidence=between))


def _possessor_and_modifiers(ctx: Context, f: Found, noun: Token, anchor: Token, has_of: bool) -> None:
    """"Russia's invasion", "a Ukrainian incursion": the possessor or an actor modifier does it; "Navalny's
    arrest" (a person's, with no "of" object): undergone, not done."""
    np = ctx.index.np_actors
    patient_noun = ctx.on(R.PATIENT_POSSESSOR) and ctx.lex.in_class(noun.lemma_, "patient_nouns") and not has_of
    for c in anchor.children:
        if c.dep_ == "poss" and patient_noun and any(a.kind == "person" for a in np(c)):
            apply(f, R.PATIENT_POSSESSOR, Hit(np(c), evidence=c))
        elif (c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c != noun)) and ctx.on(R.POSSESSOR):
            apply(f, R.POSSESSOR, Hit(np(c), evidence=c), "sources")


def _content_subject(ctx: Context, f: Found, noun: Token) -> Hit | None:
    """"its demand that Israel ease restrictions", "a declaration demanding that the government ...": the
    one the clause asks to act is addressed."""
    if f.entry.type not in CLAUSE_TARGET_TYPES:
        return None
    hit = Hit()
    for comp in content_clauses(noun):
        subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            hit.actors += ctx.index.np_actors(subj)
            hit.parts.append(subj)
    return hit or None


def _support_verb(ctx: Context, f: Found, anchor: Token, head: Token) -> None:
    """The noun is the object (or passive subject) of a verb: "X launched an attack on Y", "X held talks
    with Y" (the verb's subject is the source), "Tunisia is facing terrorist attacks" (it suffers it)."""
    np = ctx.index.np_actors
    if anchor.dep_ == "dobj" and ctx.on(R.VICTIM_SUBJECT) and ctx.lex.in_class(head.lemma_, "victim_verbs"):
        subj = subject_of(head)
        if subj is not None and not f.targets:
            apply(f, R.VICTIM_SUBJECT, Hit(np(subj), [subj]))
    elif not f.sources and ctx.on(R.SUPPORT_SUBJECT) and not _other_act(ctx, head, f.entry):
        # (not "France condemned the attack": the subject of another act did not do this one)
        subj = subject_of(head) if anchor.dep_ == "dobj" else agent_of(head)
        if subj is not None:
            apply(f, R.SUPPORT_SUBJECT, Hit(np(subj), [subj]), "sources")
    datives = [c for c in head.children if c.dep_ == "dative"]
    first_hit(ctx, f, [
        (R.DATIVE, lambda: Hit([a for d in datives for a in np(d)], datives) if datives else None),
        (R.PREP_OBJECT, lambda: T.prep_hit(ctx, f, head)),
        (R.PURPOSE, lambda: T.purpose_hit(ctx, f, head)),  # "staged demonstrations to demand reforms by X"
        (R.PURPOSE, lambda: T.purpose_hit(ctx, f, anchor)),
    ])
    if ctx.on(R.SUPPORT_CLAUSE):
        head_entry = verb_entry(ctx, head)
        f.support_verb = head_entry is None or head_entry[1].light or head_entry[1].type == f.entry.type
        if f.support_verb:
            f.clause_verb = head
            note(f, R.SUPPORT_CLAUSE, head)


def _other_act(ctx: Context, verb: Token, entry: Entry) -> bool:
    """Whether a verb is an event of another type than a noun it governs ("condemned the attack",
    "investigate the killings") or a verb of speech about it ("characterized the attack as ..."), rather
    than a support verb that carries the noun ("launched an attack")."""
    lex = ctx.lex
    if lex.in_class(verb.lemma_, "support_verbs"):
        return False  # "declared a ceasefire", "announced sanctions"
    if lex.in_class(verb.lemma_, "speech") or lex.in_class(verb.lemma_, "describe_verbs"):
        return True
    found = verb_entry(ctx, verb)
    if found is None:
        return False
    head_entry = found[1]
    return not head_entry.light and head_entry.type != entry.type and not head_entry.control


def _during_protest(ctx: Context, f: Found, verb: Token) -> None:
    """"Palestinian youths threw stones during demonstrations against X": the protesters."""
    subj = subject_of(verb)
    if ctx.on(R.DURING_PROTEST) and subj is not None and not is_passive(verb):
        apply(f, R.DURING_PROTEST, Hit(ctx.index.np_actors(subj), [subj]), "sources")


def _participation(ctx: Context, anchor: Token, entry: Entry) -> bool:
    """Whether the noun is what a verb with no event of its own takes part in ("were engaged in ethnic
    cleansing", "remained on alert", "converged for a rally"); not "launched an investigation into the
    attack" (the verb carries an event of another type), while "staged a hunger strike in protest against
    X" is one protest."""
    head = anchor.head
    if not ctx.on(R.PARTICIPATION) or anchor.dep_ != "pobj" or head.lemma_.lower() not in PARTICIPATION_PREPS:
        return False
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX") or verb_entry(ctx, verb) is not None:
        return False
    return not any(c.dep_ == "dobj" and (e := noun_entry(ctx, c)) is not None and e[1].type != entry.type
                   for c in verb.children)


def _participant(ctx: Context, f: Found, verb: Token) -> None:
    """The subject of the verb one takes part by takes part; one who dies in it suffers it."""
    np = ctx.index.np_actors
    if ctx.on(R.VICTIM_SUBJECT) and ctx.lex.in_class(verb.lemma_, "victim_verbs"):
        # "eight Mexicans died in the attack": the subject suffered it
        subj = subject_of(verb)
        if subj is not None and not f.targets:
            apply(f, R.VICTIM_SUBJECT, Hit(np(subj), [subj]))
    elif not f.sources:
        subj = subject_of(verb)
        if subj is not None and (not is_passive(verb) or ctx.lex.in_class(verb.lemma_, "participation_passives")):
            apply(f, R.PARTICIPATION, Hit(np(subj), [subj]), "sources")
    first_hit(ctx, f, [(R.PREP_OBJECT, lambda: T.prep_hit(ctx, f, verb))])
    f.clause_verb, f.support_verb = verb, True
    note(f, R.PARTICIPATION, verb)


def _target_of(ctx: Context, noun: Token) -> Token | None:
    """X in "X was the target of <noun>" / "<noun> targeted X": the phrase the event's "target" noun
    is predicated of (through a copula, a relative clause or an apposition)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lemma_.lower() != "of" or not ctx.lex.in_class(prep.head.lemma_, "target_nouns"):
        return None
    role = prep.head
    if role.dep_ == "attr":
        return subject_of(role.head)
    if role.dep_ == "appos":
        return role.head
    return None


def content_clauses(noun: Token) -> list[Token]:
    """The "that"-clauses stating what a statement noun says: its own ("the demand that X leave"), or,
    for the object of a verb with no clause of its own, the verb's ("reiterated its demand today that X
    leave", where the parser hangs the clause on the verb)."""
    def content(c: Token, marks: frozenset[str] | None = None) -> bool:
        return c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and (marks is None or m.lower_ in marks)
                                                 for m in c.children)

    own = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and content(c)]
    if own or noun.dep_ != "dobj":
        return own
    return [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i and content(c, frozenset({"that"}))]
