"""What every step of the events stage shares: the event while it is built, the document's context, and
the helpers that record on an event the rules that made and changed it.

``Found`` is one event while it is read off the parse (its trigger, the PLOVER entry, its participants and
the tokens that make its evidence); it carries ``rule`` and ``trace`` like the Event it becomes, so each
rule records itself as it fires (``note``). ``Context`` is what the rules of one document read: the
lexicon, the rule table as configured, the actor index of the document, the settings; a component keeps
none of it between documents. ``Hit`` is what a finder of participants found, applied by ``apply``: a
finder only looks, the caller changes the event and records the rule. ``first_hit`` runs an ordered table
of such rules for one side of the event until one fills it (a fallback cascade, each step named).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.model import Actor
from newsgraph.nlp.events.lexicon import Entry, Lexicon
from newsgraph.nlp.events.participants import ActorIndex, real_id
from newsgraph.nlp.rules import RuleTable, fired

Span = tuple[int, int]


@dataclass
class Found:
    """An event while it is being built: the trigger and what was read off the parse."""

    trigger: Token
    entry: Entry
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    parts: list[Token] = field(default_factory=list)  # tokens whose subtrees make the evidence
    clause_verb: Token | None = None  # the verb whose clause gives status and time
    support_verb: bool = False  # a nominal whose governing verb only carries it ("held talks")
    target_named: bool = False  # the parse names a target that no actor codes: no guessing by position
    rule: str | None = None  # the rule that produced it (the trigger rule)
    trace: list[list[Any]] = field(default_factory=list)  # [rule, start, end] of every rule that fired on it

    def own_ids(self) -> set[str]:
        """The sources' ids, and those of the actors their stand-ins stand for: never the act's target."""
        return {a.id for a in self.sources} | {real_id(a) for a in self.sources}


@dataclass(frozen=True)
class Settings:
    """The stage's tunables (the factory's config)."""

    keep_unreal: bool = False  # code what did not or might happen too (negated, hypothetical)
    restatement_sentences: int = 1  # statements this many sentences apart may be one event with a side unstated
    restatement_stem: int = 5  # letters of a trigger lemma that name one word family ("deploy", "deployment")
    pronoun_sentences: int = 1  # how many sentences back a pronoun's antecedent may be named


@dataclass
class Context:
    """What the rules read while they work on one document."""

    doc: Doc
    lex: Lexicon
    rules: RuleTable
    index: ActorIndex
    code_of: Callable[[Actor], str | None]
    settings: Settings = field(default_factory=Settings)

    def on(self, name: str) -> bool:
        return self.rules.on(name)

    def code(self, actor: Actor) -> str | None:
        return self.code_of(actor)

    def codes(self, actors: Sequence[Actor]) -> set[str | None]:
        return {self.code_of(a) for a in actors}


@dataclass
class Hit:
    """What a finder of participants found: actors for one side, and the tokens it read them from."""

    actors: list[Actor] = field(default_factory=list)
    parts: list[Token] = field(default_factory=list)  # tokens to add to the evidence
    evidence: Token | Span | None = None  # the phrase (or characters) the rule used; else the first part
    named: bool | None = None  # whether the parse names a target no actor codes (set when not None)

    def __bool__(self) -> bool:
        return bool(self.actors or self.parts or self.named)


def token_span(tok: Token) -> Span:
    return tok.idx, tok.idx + len(tok.text)


def phrase_span(tok: Token) -> Span:
    """The characters of a token's subtree: the phrase it heads."""
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right.text)


def note(item: Any, rule: str, evidence: Token | Span | None = None, phrase: bool = False) -> None:
    """Record a rule on an event (a Found or an Event): a token's own characters as evidence, or its
    phrase's (``phrase``), or a character span."""
    if isinstance(evidence, Token):
        evidence = phrase_span(evidence) if phrase else token_span(evidence)
    fired(item, rule, evidence)


def apply(f: Found, rule: str, hit: Hit | None, side: str = "targets") -> bool:
    """Add what a finder found to one side of the event, and record the rule when it named someone (the
    tokens it read join the evidence either way); whether it found anything."""
    if not hit:
        return False
    getattr(f, side).extend(hit.actors)
    f.parts.extend(hit.parts)
    if hit.named is not None:
        f.target_named = hit.named
    if hit.actors or hit.named:
        evidence = hit.evidence if hit.evidence is not None else (hit.parts[0] if hit.parts else None)
        note(f, rule, evidence, phrase=True)
    return True


def first_hit(ctx: Context, f: Found, table: Sequence[tuple[str, Callable[[], Hit | None]]],
                 side: str = "targets") -> str | None:
    """An ordered table of rules for one side of the event (its targets, or its sources): while that side
    is empty, the next rule that is on looks; the name of the rule that filled it comes back (a rule may
    add evidence and find no actor)."""
    for name, finder in table:
        if getattr(f, side):
            break
        if ctx.on(name) and apply(f, name, finder(), side) and getattr(f, side):
            return name
    return None
