"""The tense of the clause that governs a time expression: "past", "future", "present", "by" (a deadline,
"by December": forward) or None.

The governing verb is the nearest verb at or above the expression in the dependency tree. The rules
(``times.tense.*``) are tried in order; the first that applies decides, and the verb (or the preposition
"by") it read is the evidence a time's trace shows when its value depended on the tense.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.rules import RuleTable
from newsgraph.nlp.times.reader import Cand
from newsgraph.nlp.times.vocabulary import Vocabulary

Evidence = tuple[int, int] | None
Step = tuple[str, Evidence]  # a rule that fired, and the span of text it used


@dataclass(frozen=True)
class Tense:
    name: str | None  # "past", "future", "present", "by" or None
    rule: str | None = None  # the rule that decided it
    evidence: Evidence = None  # the verb (or preposition) it read

    def steps(self) -> list[Step]:
        """The tense rule as a step of a time's trace (nothing when no rule decided)."""
        return [(self.rule, self.evidence)] if self.rule else []


NO_TENSE = Tense(None)


@dataclass(frozen=True)
class _Clause:
    verb: Token  # the governing verb (or the root, when no verb governs)
    is_verb: bool
    auxes: frozenset[str]  # its auxiliaries, lowercased
    prep: Token | None  # the preposition heading the expression ("by December")
    words: Vocabulary

    @property
    def deadline(self) -> bool:
        return self.prep is not None and self.prep.lower_ in self.words.deadline_prepositions


def tense_of(doc: Doc, c: Cand, words: Vocabulary, rules: RuleTable) -> Tense:
    """The tense of the clause governing ``c`` (``NO_TENSE`` when no rule can tell)."""
    if not 0 <= c.tok < len(doc):
        return NO_TENSE
    tok: Token = doc[c.tok]
    prep = tok.head if tok.head.dep_ == "prep" or tok.head.pos_ == "ADP" else None
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    is_verb = t.pos_ in ("VERB", "AUX")
    auxes = frozenset(a.lower_ for a in t.children if a.dep_ in ("aux", "auxpass")) if is_verb else frozenset()
    g = _Clause(t, is_verb, auxes, prep, words)
    hit = rules.first([
        ("times.tense.delayed_until", lambda: _delayed_until(g)),
        ("times.tense.future_auxiliary", lambda: _future_auxiliary(g)),
        ("times.tense.past", lambda: _past(g)),
        ("times.tense.future_verb", lambda: _future_verb(g)),
        ("times.tense.present", lambda: _present(g)),
        ("times.tense.infinitive", lambda: _infinitive(g)),
        ("times.tense.deadline", lambda: "by" if g.deadline else None),
    ])
    if hit is None:
        return NO_TENSE
    rule, name = hit
    evidence = g.prep if rule == "times.tense.deadline" or name == "by" else g.verb
    assert evidence is not None
    return Tense(name, rule, (evidence.idx, evidence.idx + len(evidence.text)))


def _delayed_until(g: _Clause) -> str | None:
    """ "postponed until Friday", "extended to March", "adjourned till Monday": what a delay moves a thing to lies
    ahead of when it was said, though the verb is past."""
    if not g.is_verb or g.prep is None or g.prep.lower_ not in ("until", "till", "to", "through"):
        return None
    return "future" if g.verb.lemma_.lower() in g.words.delay_verbs and g.prep.head.i == g.verb.i else None


def _future_auxiliary(g: _Clause) -> str | None:
    """ "will attack", "is going to attack"."""
    return "future" if g.is_verb and (g.auxes & g.words.future_auxiliaries or "going" in g.auxes) else None


def _past(g: _Clause) -> str | None:
    """ "attacked", "had met"."""
    return "past" if g.is_verb and (g.verb.tag_ == "VBD" or g.auxes & g.words.past_auxiliaries) else None


def _future_verb(g: _Clause) -> str | None:
    """ "(troops) expected by December", "is due in May", "plans to withdraw in June": a verb of plan or
    expectation as a participle or with what it plans; not one that acts on an object ("On 14 July, the
    insurgents set their eye on ...": the parser's present-tense "set" is no plan)."""
    t = g.verb
    if not g.is_verb or t.lemma_ not in g.words.future_verbs:
        return None
    planned = t.tag_ == "VBN" or t.pos_ == "ADJ" or t.lower_ == "due" or "auxpass" in {c.dep_ for c in t.children} \
        or any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
    return "future" if planned else None


def _present(g: _Clause) -> str | None:
    """ "talks are held", "leaders are meeting" ("by" before the time: a deadline)."""
    if not g.is_verb or not (g.verb.tag_ in ("VBZ", "VBP") or g.auxes & g.words.present_auxiliaries):
        return None
    return "by" if g.deadline else "present"


def _infinitive(g: _Clause) -> str | None:
    """ "began to withdraw": the tense of the verb the infinitive depends on."""
    t = g.verb
    if not g.is_verb or t.tag_ != "VB" or "to" not in g.auxes or t.head is t:
        return None
    head = t.head
    hx = {a.lower_ for a in head.children if a.dep_ in ("aux", "auxpass")}
    if head.tag_ == "VBD" or hx & g.words.past_auxiliaries:
        return "past"
    if hx & g.words.future_auxiliaries or head.lemma_ in g.words.future_verbs:
        return "future"
    return None
