"""From a found event to the Event written out: filters, status, type changes, time, place.

``to_event`` drops an actor from its own targets, places collectives acted upon in a state, drops what
nobody named does (``events.filter.nobody``), a CONSULT with nobody met and a campaign rally, then reads the
status (newsgraph/nlp/events/status.py), the mode, the PLOVER type changes the manual asks for (a refusal
is a REJECT, a conditional act a THREATEN or an offer, a stated intention a promise or a threat ...), the
time (the event's own clause, else the publication date) and the place. Each rule that changes the event
records itself on it, with the words it read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.model import Event, EventStatus, Place, Time
from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events import status as S
from newsgraph.nlp.events.found import Context, Found, Span, note, phrase_span, token_span
from newsgraph.nlp.events.lexicon import INTENT_TYPES
from newsgraph.nlp.events.overlaps import CONTENT_OF_PROTEST
from newsgraph.nlp.events.participants import GRP_ID, PLACE_ID, SUB_ID, codes_of, ids_of, named_in_text, real_id
from newsgraph.nlp.events.targets import condition, place_hit
from newsgraph.nlp.extensions import doc_text
from newsgraph.nlp.syntax import NESTED_CLAUSE_DEPS, pobjs, to_infinitive
from newsgraph.nlp.times.clauses import governing_time, is_datable
from newsgraph.nlp.words import SYMMETRIC_TYPES

# Cooperative acts whose refusal ("would not meet their demands") is a REJECT.
REFUSABLE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
# Acts offered, not held over someone: on a condition they are a promise (AGREE), the rest a threat.
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
# Prepositions of where a missile lands ("launched a missile into the sea").
LANDING_PREPS = frozenset({"into", "in", "toward", "towards", "over", "off"})

Typing = tuple[str, str | None, EventStatus]  # type, mode, status


def to_event(ctx: Context, f: Found) -> Event | None:
    """The Event a found event states, or None when a filter drops it."""
    _own_targets(ctx, f)
    _locate_groups(ctx, f)
    _actor_rules(ctx, f)
    source = codes_of(f.sources, ctx.code_of)
    target = codes_of(f.targets, ctx.code_of)
    if not _kept(ctx, f, source, target):
        return None
    start, end = evidence(f)
    status, claim, rule, span = S.status(ctx, f)
    if rule is not None:
        note(f, rule, span)
    if claim is not None and ctx.on(R.CLAIM_LINK):
        note(f, R.CLAIM_LINK, (claim.start, claim.end))
    type_, mode, status = _retype(ctx, f, (f.entry.type, _mode(ctx, f), status), span, target)
    time, time_from = _time(ctx, f)
    if status == "occurred" and time_from == "text" and ctx.on(R.FUTURE_DATE) and _after(time, ctx.doc._.published):
        status = "planned"  # "talks next month": the clause is dated after publication
        note(f, R.FUTURE_DATE, f.trigger)
    trig = f.trigger
    return Event(
        id="",
        type=type_,
        start=start,
        end=end,
        text=doc_text(ctx.doc)[start:end],
        status=status,
        mode=mode,
        source=source,
        target=target,
        source_actors=ids_of(f.sources),
        target_actors=ids_of(f.targets),
        trigger=(trig.idx, trig.idx + len(trig.text)),
        place=_place(ctx, f, start, end),
        time=time,
        time_from=time_from,
        claim=claim.id if claim is not None and ctx.on(R.CLAIM_LINK) else None,
        rule=f.rule,
        trace=f.trace,
    )


def _own_targets(ctx: Context, f: Found) -> None:
    if f.entry.type not in SYMMETRIC_TYPES and not ctx.lex.in_class(f.trigger.lemma_, "reciprocal"):
        if not ctx.on(R.OWN_TARGET):
            return
        own = {a.id for a in f.sources}
        # an actor is not its own target, nor is a person's own state ("Trump withdrew the US from ...")
        own_states = {ctx.code(a) for a in f.sources if a.kind == "person"}
        kept = [a for a in f.targets if a.id not in own and not (a.kind == "state" and ctx.code(a) in own_states)]
        if len(kept) != len(f.targets):
            f.targets = kept
            note(f, R.OWN_TARGET, f.trigger)
    elif len({a.id for a in f.sources}) == 1 and {a.id for a in f.sources} == {a.id for a in f.targets} and ctx.on(
            R.LONE_SIDE):
        f.targets = []  # "X and Y met" names each side as the other's target; X alone meets no one
        note(f, R.LONE_SIDE, f.trigger)


def _locate_groups(ctx: Context, f: Found) -> None:
    """A collective with no state of its own acted upon in a place ("police arrested students in
    Jakarta", "troops fired on protesters in Cairo") is that state's: it keeps its GRP code and takes the
    state's code too, as CAMEO codes domestic groups by their country. Its own sources stay as named."""
    loose = [n for n, a in enumerate(f.targets) if a.id.startswith(GRP_ID) and a.country is None]
    if not loose or not ctx.on(R.LOCATE_GROUP):
        return
    heads = [f.trigger] + ([f.clause_verb] if f.clause_verb is not None and f.clause_verb != f.trigger else [])
    probe = Found(f.trigger, dataclasses.replace(f.entry, type="COERCE"))  # (a group is at home there)
    hit = place_hit(ctx, probe, heads)
    code = ctx.code(hit.actors[0]) if hit is not None else None
    if hit is not None and code is not None and len(code) == 3:
        for n in loose:
            ctx.index.group_country.setdefault(f.targets[n].id, code)
            f.targets[n] = dataclasses.replace(f.targets[n], country=code)
        note(f, R.LOCATE_GROUP, hit.parts[0], phrase=True)


def _actor_rules(ctx: Context, f: Found) -> None:
    """Record the actor rules that named the event's participants: collectives, groups of a state, places
    standing for their state, the actors a phrase or a pronoun stands for."""
    ids = {a.id for a in f.sources + f.targets} | {real_id(a) for a in f.sources + f.targets}
    # the phrases read (a verb's subtree is its whole clause: only a noun trigger's phrase is its own)
    phrases = f.parts + ([f.trigger] if f.trigger.pos_ not in ("VERB", "AUX") else [])
    tokens = sorted({t.i for p in phrases for t in (p.subtree if p.i != f.trigger.i or p.pos_ != "VERB" else [p])})
    index = ctx.index
    for i in tokens:
        # (one step for a rule that named several actors with the same words: "the two countries")
        for rule, span in dict.fromkeys((rule, span) for rule, span, aid in index.notes.get(i, []) if aid in ids):
            note(f, rule, span)
        actor = index.generic.get(i)
        if actor is not None and actor.id in ids and not any(r == R.COLLECTIVE for r, *_ in f.trace):
            note(f, R.COLLECTIVE, token_span(ctx.doc[i]))
    for a in f.sources + f.targets:
        if a.id.startswith(PLACE_ID) and a.id[len(PLACE_ID):].isdigit():
            place = (ctx.doc._.places or [])[int(a.id[len(PLACE_ID):])]
            note(f, R.PLACE_STATE, (place.start, place.end))
        elif a.id.startswith(SUB_ID) and not any(r == R.GROUP_OF_STATE for r, *_ in f.trace):
            note(f, R.GROUP_OF_STATE, phrase_span(ctx.doc[int(a.id.split(":")[1])]))


def _kept(ctx: Context, f: Found, source: list[str], target: list[str]) -> bool:
    """The filters: nobody named, a CONSULT with nobody met, a rally that is campaigning."""
    if not source and not target and ctx.on(R.NOBODY):
        named = next((a for a in f.sources + f.targets if named_in_text(ctx.doc, a)), None)
        if named is None:
            return False  # nobody named does it to anybody named
        note(f, R.NOBODY, (named.mentions[0].start, named.mentions[0].end))
    if f.entry.type == "CONSULT" and ctx.on(R.CONSULT_PARTY):
        if not _consults(ctx, f) or not f.sources:
            # "hosted the championship", "gave a talk": nobody met or talked to; "people visiting Hong Kong":
            # nobody named visits
            return False
        note(f, R.CONSULT_PARTY, f.trigger)
    if f.entry.type == "PROTEST" and ctx.lex.in_class(f.trigger.lemma_, "rally_nouns") and ctx.on(R.RALLY):
        why = _rally_protests(ctx, f)
        if why is None:
            return False  # "Trump held a rally in Nevada", "at a Biden rally": campaigning, not protest
        note(f, R.RALLY, why)
    return True


def _consults(ctx: Context, f: Found) -> bool:
    """PLOVER CONSULT is parties meeting or talking: it needs someone met (a target actor, or two sides
    that meet each other); a place alone will do only for a visit ("visited Amman"), not for a talk or
    a hosting whose object is no party ("hosted the championship")."""
    if len({a.id for a in f.sources}) > 1:
        return True
    real = [a for a in f.targets if not a.id.startswith(PLACE_ID)]
    return bool(real) or (bool(f.targets) and f.entry.mode == "visit"
                          and not ctx.lex.in_class(f.trigger.lemma_, "host_verbs"))


def _rally_protests(ctx: Context, f: Found) -> Span | None:
    """A rally is PLOVER's PROTEST when a collective holds it (a group, a people, a state's people) or it
    is against someone or to protest something; one held by a person alone, or by nobody named, is a
    campaign or a celebration ("Trump held a rally", "at one Biden rally"). The words that show it."""
    collective = next((a for a in f.sources if a.kind != "person"), None)
    if collective is not None:
        return (collective.mentions[0].start, collective.mentions[0].end) if collective.mentions else \
            token_span(f.trigger)
    carriers = [f.trigger] + ([f.clause_verb] if f.clause_verb is not None else [])
    against = next((p for c in carriers for p in pobjs(c, {"against"})), None)
    if against is not None:
        return phrase_span(against)
    for c in (c for carrier in carriers for c in carrier.children if c.dep_ in ("advcl", "acl", "relcl")):
        if any(e.type in CONTENT_OF_PROTEST for e in ctx.lex.verbs.get(c.lemma_.lower(), ())):
            return token_span(c)  # "rallied ... to protest the results"
    return None


def evidence(f: Found) -> tuple[int, int]:
    """The evidence span: the trigger and the phrases of what was read, inside the sentence, trimmed of
    punctuation at both ends."""
    sent = f.trigger.sent
    toks = [f.trigger]
    for p in f.parts:
        toks += [p.left_edge, p.right_edge] if p.i != f.trigger.i or p.pos_ != "VERB" else [p]
    if f.trigger.pos_ not in ("VERB", "AUX"):
        toks += [f.trigger.left_edge, f.trigger.right_edge]
    lo = max(min(t.i for t in toks), sent.start)
    hi = min(max(t.i for t in toks), sent.end - 1)
    doc = f.trigger.doc
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _mode(ctx: Context, f: Found) -> str | None:
    """The lexicon's mode, refined by what the text shows (aerial attacks, troops vs weapons moved)."""
    lex = ctx.lex
    near = [*f.trigger.children, *(t for p in f.parts for t in p.subtree)]
    if f.entry.type == "ASSAULT" and ctx.on(R.MODE_AERIAL):
        aerial = next((t for t in near if lex.in_class(t.lemma_, "aerial")), None)
        if aerial is not None:
            note(f, R.MODE_AERIAL, aerial)
            return "aerial"
    if f.entry.type == "MOBILIZE":
        weapon = next((t for t in near if lex.in_class(t.lemma_, "weapon")), None)
        if weapon is not None and not any(lex.in_class(t.lemma_, "military") for t in near) and ctx.on(R.MODE_WEAPONS):
            note(f, R.MODE_WEAPONS, weapon)
            return "weapons"
        police = next((t for t in near if lex.in_class(t.lemma_, "police")), None)
        if police is not None and ctx.on(R.MODE_POLICE):
            note(f, R.MODE_POLICE, police)
            return "police"
    return f.entry.mode


def _retype(ctx: Context, f: Found, typing: Typing, status_span: Span | None, target: list[str]) -> Typing:
    """The PLOVER type changes: a refusal is a REJECT; then the first of the rules in ``_type_rules``."""
    type_, mode, status = typing
    if status == "negated" and type_ in REFUSABLE and ctx.on(R.REFUSAL) and S.refusal(ctx, f):
        # "will not accept more refugees", "failed to reach agreement": PLOVER codes a refusal as REJECT
        type_, mode, status = "REJECT", None, "occurred"
        note(f, R.REFUSAL, status_span)
    # "will withdraw unless ...", "may halt mediation if ...": a conditional act is held over someone
    cond = condition(f) if status in ("planned", "hypothetical") else None
    hit = ctx.rules.first([(name, functools.partial(test, ctx, f, (type_, mode, status), cond, target))
                           for name, test in _TYPE_RULES])
    if hit is None or hit[1] is None:
        return type_, mode, status
    name, (typing, evidence_) = hit[0], hit[1]
    note(f, name, evidence_ if evidence_ is not None else status_span)
    return typing


TypeChange = tuple[Typing, Span | None] | None


def _conditional_threat(ctx: Context, f: Found, t: Typing, cond: str | None, target: list[str]) -> TypeChange:
    """"will withdraw its force unless ...", "would attack if ...": an act held over someone."""
    if cond is not None and (cond == "unless" or t[0] not in COOPERATIVE):
        return ("THREATEN", None, "occurred"), _mark_span(f, cond)
    return None


def _conditional_offer(ctx: Context, f: Found, t: Typing, cond: str | None, target: list[str]) -> TypeChange:
    """"would meet him if ...": a conditional offer."""
    if cond == "if" and t[0] in COOPERATIVE:
        return ("AGREE", None, "occurred"), _mark_span(f, cond)
    return None


def _verbal_attack(ctx: Context, f: Found, t: Typing, cond: str | None, target: list[str]) -> TypeChange:
    """"Biden attacked Trump for the deaths": one named person attacking another, with no weapon or
    force in sight, attacks in words (PLOVER ACCUSE), as politicians do (CAMEO 111)."""
    trig = f.trigger
    if t[0] != "ASSAULT" or not ctx.lex.in_class(trig.lemma_, "verbal_attack_verbs") or trig.pos_ != "VERB":
        return None
    if not f.sources or not f.targets or any(a.kind != "person" for a in f.sources + f.targets):
        return None
    if any(ctx.lex.in_class(x.lemma_, c) for x in trig.subtree for c in ("weapon", "military", "police")):
        return None
    return ("ACCUSE", "disapprove", t[2]), token_span(trig)


def _show_of_force(ctx: Context, f: Found, t: Typing, cond: str | None, target: list[str]) -> TypeChange:
    """"launched a missile into the sea": a show of force (MOBILIZE, weapons)."""
    if t[0] != "ASSAULT" or target:
        return None
    water = next((p for p in pobjs(f.trigger, LANDING_PREPS) if ctx.lex.in_class(p.lemma_, "open_water")), None)
    return (("MOBILIZE", "weapons", t[2]), phrase_span(water)) if water is not None else None


def _readying(ctx: Context, f: Found, t: Typing, cond: str | None, target: list[str]) -> TypeChange:
    """"the army prepared to resume shelling": readying force is PLOVER's MOBILIZE, not yet an attack."""
    if t[2] == "planned" and t[0] == "ASSAULT" and S.preparing(ctx, f):
        return ("MOBILIZE", None, "occurred"), None
    return None


def _intention(ctx: Context, f: Found, t: Typing, cond: str | None, target: list[str]) -> TypeChange:
    """PLOVER codes a stated intention as the promise or threat it is, not as the act itself."""
    if t[2] == "planned" and f.trigger.pos_ in ("VERB", "AUX", "NOUN") and t[0] in INTENT_TYPES:
        return (INTENT_TYPES[t[0]], None, "occurred"), None
    return None


_TYPE_RULES: list[tuple[str, Callable[[Context, Found, Typing, str | None, list[str]], TypeChange]]] = [
    (R.CONDITIONAL_THREAT, _conditional_threat),
    (R.CONDITIONAL_OFFER, _conditional_offer),
    (R.VERBAL_ATTACK, _verbal_attack),
    (R.SHOW_OF_FORCE, _show_of_force),
    (R.READYING, _readying),
    (R.INTENTION, _intention),
]


def _mark_span(f: Found, mark: str) -> Span | None:
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    tok = next((m for c in verb.children if c.dep_ == "advcl" for m in c.children
                if m.dep_ == "mark" and m.lower_ == mark), None)
    return token_span(tok) if tok is not None else None


def _time(ctx: Context, f: Found) -> tuple[str | None, str | None]:
    """The date of the event's own clause, else the publication date."""
    doc = ctx.doc

    def governing() -> Time | None:
        t = governing_time(doc, f.trigger.idx, f.trigger.idx + len(f.trigger.text))
        # (not a date of another clause: "the region that was the target of an incursion in August")
        return t if t is not None and _time_in_clause(doc, t, f) else None

    hit = ctx.rules.first([
        (R.TIME_GOVERNING, governing),
        (R.TIME_CLAUSE, lambda: _clause_time(doc, f)),
        (R.TIME_PUBLISHED, lambda: doc._.published),
    ])
    if hit is None:
        return None, None
    name, value = hit
    if isinstance(value, dt.date):
        note(f, name, None)
        return value.isoformat(), "published"
    note(f, name, (value.start, value.end))
    return value.value, "text"


def _clause_time(doc: Doc, f: Found) -> Time | None:
    """A time expression inside the trigger's own clause (not in a clause nested in it), nearest first."""
    times: list[Time] = [t for t in doc._.times or [] if is_datable(t)]  # "for three months" dates nothing
    sent = f.trigger.sent
    mine = [t for t in times if sent.start_char <= t.start < sent.end_char and _time_in_clause(doc, t, f)]
    return min(mine, key=lambda t: abs(t.start - f.trigger.idx), default=None)


def _purpose_clause(verb: Token) -> bool:
    """"visited X to hold talks ... in 2000": an infinitive of purpose shares its main clause's time."""
    return verb.dep_ == "advcl" and to_infinitive(verb)


def _time_in_clause(doc: Doc, t: Time, f: Found) -> bool:
    """Whether a time expression hangs (through the parse) from the trigger or its clause's verb without
    crossing into a clause of its own (a relative clause, a reported clause, a participle)."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    anchors = {f.trigger.i} | ({f.clause_verb.i} if f.clause_verb is not None else set())
    node = span.root
    while True:
        if node.i in anchors:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ in NESTED_CLAUSE_DEPS and not _purpose_clause(node):
            return False
        if node.head == node:
            return False
        node = node.head


def _after(value: str | None, published: dt.date | None) -> bool:
    """Whether a TIMEX3 value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) starts after the publication date."""
    if not value or published is None:
        return False
    try:
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            start = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            start = dt.date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            start = dt.date(int(value[:4]), int(value[5:7]), 1)
        elif re.fullmatch(r"\d{4}", value):
            start = dt.date(int(value), 1, 1)
        else:
            return False
    except ValueError:
        return False
    return start > published


def _place(ctx: Context, f: Found, start: int, end: int) -> int | None:
    """The first place inside the evidence that stands for no actor (not "Moscow" said)."""
    if not ctx.on(R.PLACE_IN_EVIDENCE):
        return None
    places: list[Place] = ctx.doc._.places or []
    for n, place in enumerate(places):
        if start <= place.start and place.end <= end and place.stands_for is None:
            note(f, R.PLACE_IN_EVIDENCE, (place.start, place.end))
            return n
    return None
