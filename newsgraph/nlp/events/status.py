"""The status of an event: whether it happened, did not, might, is planned, expected or reported.

Status is read off the event's clause: the verb and the "to"-complement chain above it ("plans to
deploy", "agreed to withdraw"), or the noun alone. ``STATUS_RULES`` is an ordered table of named rules
(``events.status.*``), the first that is on and holds decides, with the word it read as evidence:
negation ("did not", "no troops"), failure ("failed to reach"), an act called off ("stop attacking"), an
imperative, a plot ("plans to attack"), a condition ("if", "unless"), the future ("will"), a modal ("could"),
a forecast ("is expected to"), an intention ("intends to"), the future in the past ("said it would"), a
reporting adverb ("reportedly"), the modality of the claim that contains it, "according to", and what
reports say ("reports suggesting that"). None holding, it occurred.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Claim, EventStatus
from newsgraph.nlp.events import rules as R
from newsgraph.nlp.events.found import Context, Found, Span, token_span
from newsgraph.nlp.syntax import is_imperative, is_passive, to_infinitive
from newsgraph.nlp.words import FUTURE_AUX, SUBJECT_DEPS

HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may"})  # ("would" is the future in the past, below)
# Auxiliaries of an actor's own will: "will not accept", "would not meet", "can't agree" ("wo", "ca": "won't").
VOLITION_AUX = frozenset({"will", "would", "wo", "can", "could", "ca"})
# Dependency labels through which a clause's status reaches down to the verb ("plans to attack if ...").
STATUS_CHAIN_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl"})
# A claim's modality carries over to the events inside it; negation and conditions are read off the
# event's own clause instead (a negated claim can hold an event that happened: "the soldiers sent to
# Russia had not been deployed").
CLAIM_STATUS: dict[str, EventStatus] = {"reported": "reported", "hedged": "reported", "expected": "expected"}

Reading = tuple[EventStatus, Span]  # a status and the characters it was read from


@dataclass
class Scope:
    """The clause a status is read from."""

    trig: Token
    verb: Token  # the verb of the event's clause
    verbal: bool  # a verb, or a noun a support verb carries: the clause's auxiliaries are its own
    chain: list[Token]  # the verb and the "to"-complement chain above it (or the noun alone)
    kids: list[Token]  # their dependents
    claim: Claim | None


def status(ctx: Context, f: Found) -> tuple[EventStatus, Claim | None, str | None, Span | None]:
    """The event's status, the claim that contains it, and the rule that decided (None: it occurred)."""
    sc = _scope(ctx.doc, f)
    hit = ctx.rules.first([(name, functools.partial(test, ctx, sc)) for name, test in STATUS_RULES])
    if hit is None or hit[1] is None:
        return "occurred", sc.claim, None, None
    name, (value, evidence) = hit[0], hit[1]
    return value, sc.claim, name, evidence


def _scope(doc: Doc, f: Found) -> Scope:
    trig = f.trigger
    verb = f.clause_verb if f.clause_verb is not None else trig
    verbal = trig.pos_ in ("VERB", "AUX") or f.support_verb
    chain = [verb] if verbal else [trig]
    if verbal:
        # The verb and the "to"-complement chain above it ("plans to deploy", "agreed to withdraw").
        v = verb
        while v.dep_ in ("xcomp", "conj") and v.head != v:
            v = v.head
            chain.append(v)
    kids = [c for s in chain for c in s.children]
    if trig not in chain:
        kids += list(trig.children)  # "indicated no support"
    return Scope(trig, verb, verbal, chain, kids, claim_at(doc, trig.idx))


def _negation(ctx: Context, sc: Scope) -> Reading | None:
    """"did not attack", "indicated no support"."""
    c = next((c for c in sc.kids if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")), None)
    return ("negated", token_span(c)) if c is not None else None


def _no_participant(ctx: Context, sc: Scope) -> Reading | None:
    """"no troops were deployed", "deployed no troops"."""
    d = next((d for c in sc.kids if c.dep_ in SUBJECT_DEPS | {"dobj"} for d in c.children
              if d.dep_ == "det" and d.lower_ == "no"), None)
    return ("negated", token_span(d)) if d is not None else None


def _failed(ctx: Context, sc: Scope) -> Reading | None:
    """"failed to reach an agreement"."""
    s = next((s for s in sc.chain[1:] if ctx.lex.in_class(s.lemma_, "negating_verbs")), None)
    return ("negated", token_span(s)) if s is not None else None


def _called_off(ctx: Context, sc: Scope) -> Reading | None:
    """"stop attacking each other", "ceased shelling": the act is called off."""
    s = next((s for s in sc.chain if s.tag_ == "VBG" and s.dep_ in ("xcomp", "pcomp", "dobj")
              and ctx.lex.in_class(s.head.lemma_, "cessation_verbs")), None)
    return ("negated", token_span(s.head)) if s is not None else None


def _imperative(ctx: Context, sc: Scope) -> Reading | None:
    """An imperative ("Stop the war", "Withdraw your troops"): asked for, not done."""
    top = sc.chain[-1]
    return ("hypothetical", token_span(top)) if is_imperative(top) else None


def _plot(ctx: Context, sc: Scope) -> Reading | None:
    """"was developing plans to attack", "a plot to kill"."""
    top = sc.chain[-1]
    if top.dep_ == "acl" and ctx.lex.in_class(top.head.lemma_, "intention") and to_infinitive(top):
        return "planned", token_span(top.head)
    return None


def _condition(ctx: Context, sc: Scope) -> Reading | None:
    """"if Russia attacks", "unless ...", "whether ..." on the clause or a clause it hangs from."""
    for s in sc.chain:
        for anc in [s, *s.ancestors]:
            mark = next((c for c in anc.children if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS), None)
            if mark is not None:
                return "hypothetical", token_span(mark)
            if anc.dep_ not in STATUS_CHAIN_DEPS:
                break
    return None


def _aux(sc: Scope, words: frozenset[str]) -> Token | None:
    if not sc.verbal:
        return None
    return next((c for c in sc.kids if c.dep_ in ("aux", "auxpass") and c.lower_ in words), None)


def _future(ctx: Context, sc: Scope) -> Reading | None:
    """"will meet", "shall"."""
    aux = _aux(sc, FUTURE_AUX)
    return ("planned", token_span(aux)) if aux is not None else None


def _modal(ctx: Context, sc: Scope) -> Reading | None:
    """"could send troops", "might", "may"."""
    aux = _aux(sc, HYPOTHETICAL_MODALS)
    return ("hypothetical", token_span(aux)) if aux is not None else None


def _heads(sc: Scope) -> list[Token]:
    """The predicates above the verb ("expected to", "plans to") and its adjectival complements."""
    return [*sc.chain[1:], *(c for c in sc.kids if c.dep_ == "acomp")] if sc.verbal else []


def _expected(ctx: Context, sc: Scope) -> Reading | None:
    """"is expected to visit", "likely to", "set to", "due to"."""
    h = next((h for h in _heads(sc) if ctx.lex.in_class(h.lemma_, "expect_predicates")), None)
    return ("expected", token_span(h)) if h is not None else None


def _intention(ctx: Context, sc: Scope) -> Reading | None:
    """"plans to deploy", "is willing to withdraw"."""
    h = next((h for h in _heads(sc) if ctx.lex.in_class(h.lemma_, "intention")), None)
    return ("planned", token_span(h)) if h is not None else None


def _future_in_past(ctx: Context, sc: Scope) -> Reading | None:
    """"said it would withdraw": the future of a reported clause."""
    aux = _aux(sc, frozenset({"would"}))
    return ("planned", token_span(aux)) if aux is not None and _reported_clause(ctx, sc.verb) else None


def _report_adverb(ctx: Context, sc: Scope) -> Reading | None:
    """"reportedly" on the verb or on a verb above it ("X reportedly said Y attacked"); not one in another
    clause ("Serbians protested; the protest has reportedly expanded", "who allegedly were ...")."""
    above = {sc.trig.i, *(a.i for a in sc.trig.ancestors)}
    adverb = next((c for c in sc.kids if ctx.lex.in_class(c.lower_, "report_adverbs")), None) or next(
        (t for t in sc.trig.sent if ctx.lex.in_class(t.lower_, "report_adverbs") and t.head.i in above), None)
    return ("reported", token_span(adverb)) if adverb is not None else None


def _claim_modality(ctx: Context, sc: Scope) -> Reading | None:
    """The modality of the claim that contains the trigger (reported, hedged: reported; expected). An
    "expected" claim dates its verb, not a noun it mentions ("will discuss the deployment")."""
    claim = sc.claim
    if claim is not None and claim.modality in CLAIM_STATUS and (sc.verbal or claim.modality != "expected"):
        return CLAIM_STATUS[claim.modality], (claim.start, claim.end)
    return None


def _according_to(ctx: Context, sc: Scope) -> Reading | None:
    """"according to X" anywhere in the sentence."""
    sent = sc.trig.sent
    t = next((t for t in sent if t.lower_ == "according" and t.i + 1 < sent.end
              and sent.doc[t.i + 1].lower_ == "to"), None)
    return ("reported", token_span(t)) if t is not None else None


def _under_report(ctx: Context, sc: Scope) -> Reading | None:
    """The trigger sits in what reports say: "reports suggesting that X ...", "rumours that X ...",
    "Reports say X ..." (the clause of a report noun, or of a verb whose subject is one)."""
    lex = ctx.lex
    for anc in sc.trig.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        if anc.dep_ in ("acl", "relcl") and lex.in_class(anc.head.lemma_, "report_nouns"):
            return "reported", token_span(anc.head)
        subj = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and lex.in_class(subj.lemma_, "report_nouns") and lex.in_class(anc.lemma_, "speech"):
            return "reported", token_span(subj)
    # "the report that X attacked Y": a report noun's own clause
    clause = next((a for a in [sc.trig, *sc.trig.ancestors] if a.pos_ in ("VERB", "AUX")
                   and a.dep_ in ("acl", "ccomp") and lex.in_class(a.head.lemma_, "report_nouns")), None)
    return ("reported", token_span(clause.head)) if clause is not None else None


# The status rules in the order they are tried: the first that holds decides.
STATUS_RULES: list[tuple[str, Callable[[Context, Scope], Reading | None]]] = [
    (R.NEGATION, _negation),
    (R.NO_PARTICIPANT, _no_participant),
    (R.FAILED, _failed),
    (R.CALLED_OFF, _called_off),
    (R.IMPERATIVE, _imperative),
    (R.PLOT, _plot),
    (R.HYPOTHETICAL_CONDITION, _condition),
    (R.FUTURE, _future),
    (R.MODAL, _modal),
    (R.EXPECTED, _expected),
    (R.INTENTION_STATUS, _intention),
    (R.FUTURE_IN_PAST, _future_in_past),
    (R.REPORT_ADVERB, _report_adverb),
    (R.CLAIM_MODALITY, _claim_modality),
    (R.ACCORDING_TO, _according_to),
    (R.UNDER_REPORT, _under_report),
]


def _reported_clause(ctx: Context, verb: Token) -> bool:
    """Whether the clause is the complement of a reporting verb ("X said that ...")."""
    for anc in [verb, *verb.ancestors]:
        if anc.dep_ == "ccomp":
            return ctx.lex.in_class(anc.head.lemma_, "speech")
        if anc.dep_ not in ("xcomp", "conj"):
            return False
    return False


def claim_at(doc: Doc, char: int) -> Claim | None:
    """The smallest claim that contains a character."""
    best: Claim | None = None
    for claim in doc._.claims or []:
        if claim.start <= char < claim.end and (best is None or claim.end - claim.start < best.end - best.start):
            best = claim
    return best


def refusal(ctx: Context, f: Found) -> bool:
    """A negation by the actor of its own act ("will not accept", "would not meet", "failed to reach"),
    not a report that something did not happen to someone ("had not been deployed")."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    if is_passive(verb):
        return False
    if verb.dep_ == "xcomp" and ctx.lex.in_class(verb.head.lemma_, "failure_verbs"):
        return True
    return any(c.lower_ in VOLITION_AUX for c in verb.children if c.dep_ == "aux")


def preparing(ctx: Context, f: Found) -> bool:
    """Whether the act is the "to"-complement of the verb "prepare" ("prepared to attack"), not of the
    adjective of readiness ("is prepared to impose martial law", a threat)."""
    verb = f.clause_verb if f.clause_verb is not None else f.trigger
    while verb.dep_ == "xcomp" and not ctx.lex.in_class(verb.head.lemma_, "readying_verbs") and verb.head != verb:
        verb = verb.head  # "prepared to resume shelling"
    head = verb.head
    return verb.dep_ == "xcomp" and ctx.lex.in_class(head.lemma_, "readying_verbs") and head.pos_ == "VERB" and not any(
        c.dep_ in ("auxpass", "acomp") or (c.dep_ == "aux" and c.lemma_ == "be") for c in head.children)
