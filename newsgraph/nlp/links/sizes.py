"""Which event a figure sizes ("MOBILIZE with 3,000 troops"): the ``links.size.*`` rules.

A quantity sizes an event when

- its kind fits the event type (event_links.tsv): its category, "people" for an uncategorised count of
  people, "crowd" for a bare number with no noun, "other" for goods by measure ("500 tonnes of grain");
  troops size a MOBILIZE, casualties an ASSAULT, weapons and money an AID, arrests a COERCE. A share or a
  plain measure ("52%", "12 km") and a plain count of things ("5 towns") size nothing;
- and its counted noun (or the number itself when it has no noun: "with more than 12,000 expected") is
  joined to the event's trigger by a short dependency path inside one clause (paths.py): the theme,
  object or subject of the trigger ("sent 3,000 troops", "3,000 troops were sent"), a nominal modifier of
  it ("the deployment of 5,000 soldiers", "an attack that killed 12") or a phrase of the trigger's
  predicate ("hundreds died in the assault"); or, failing any such path, it lies inside the event's
  evidence span.

Each quantity sizes at most one event (the nearest trigger by path length, then the smallest evidence
span); the event lists it in ``size`` and the quantity points back through ``event``. Both record the
rules that tied them, with the other's span as evidence.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Event, Quantity
from newsgraph.nlp import lexicon
from newsgraph.nlp.links.paths import Paths
from newsgraph.nlp.links.rules import changed
from newsgraph.nlp.quantities.lexicon import load_lexicon
from newsgraph.nlp.rules import RuleTable


@functools.cache
def event_link_table() -> dict[str, frozenset[str]]:
    """Event type -> the quantity kinds that can size it (event_links.tsv)."""
    table: dict[str, frozenset[str]] = {}
    for event_type, categories in lexicon.rows("lexicons/links/event_links.tsv", columns=2):
        table[event_type] = frozenset(categories.split())
    return table


@functools.cache
def _measure_names() -> frozenset[str]:
    return frozenset(u.name for u in load_lexicon().units.values() if u.kind == "measure")


@dataclass(frozen=True)
class Tie:
    """What ties a figure to one event: the rank (path length; past every path for containment only),
    the rule that found it and whether casualties crossed conjoined clauses to reach it."""

    rank: int
    rule: str
    event: Event
    same_toll: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return self.rank, self.event.end - self.event.start


class Sizer:
    """The size rules of the links stage."""

    def __init__(self, rules: RuleTable, paths: Paths) -> None:
        self.rules = rules
        self.paths = paths
        self.contained_only = paths.max_path + 1  # containment ranks after every path

    def link(self, doc: Doc) -> None:
        """Set Quantity.event and Event.size for the figures that size an event."""
        quantities: list[Quantity] = doc._.quantities or []
        events: list[Event] = doc._.events or []
        if not quantities or not events:
            return
        starts = [t.idx for t in doc]
        triggers = {ev.id: token_at(doc, starts, ev.trigger[0]) for ev in events if ev.trigger}
        for i, q in enumerate(quantities):
            if q.event is not None:
                continue
            kind = self.kind(q)
            if kind is None:
                continue
            focus = self._focus_tokens(doc, starts, q)
            ties = [
                tie for ev in events
                if self._fits(kind[0], ev) and (tie := self._tie(focus, triggers.get(ev.id), ev, q)) is not None
            ]
            if ties:
                self._record(q, i, kind, ties)

    def kind(self, q: Quantity) -> tuple[str, str | None] | None:
        """The kind of figure for event_links.tsv and the rule that said so (None: its category)."""
        if q.category != "other":
            return (q.category, None) if q.category is not None else None
        if q.unit is None:
            # "thousands protested"; a bare number with a noun of its own is too vague for the rest
            crowd = q.counted is None and self.rules.on("links.size.crowd")
            return ("crowd", "links.size.crowd") if crowd else None
        cue = load_lexicon().unit_cue(q.unit)
        if cue is not None and cue.category == "person" and self.rules.on("links.size.people"):
            return "people", "links.size.people"
        # goods by measure ("500 tonnes of grain"); a plain count of things ("5 towns") or a share sizes nothing
        if q.counted is not None and q.unit in _measure_names() and self.rules.on("links.size.goods"):
            return "other", "links.size.goods"
        return None

    def _fits(self, kind: str, ev: Event) -> bool:
        return kind in event_link_table().get(ev.type, ()) or not self.rules.on("links.size.type_fit")

    def _tie(self, focus: list[Token], trigger: Token | None, ev: Event, q: Quantity) -> Tie | None:
        """The path from the figure to the trigger, or containment in the evidence span, if either."""
        if trigger is not None and focus and focus[0].sent == trigger.sent and self.rules.on("links.size.path"):
            # "six were killed in the attack, and seven more were injured": one attack, both tolls
            same_toll = q.category == "casualties" and self.rules.on("links.size.same_toll")
            lengths = [n for tok in focus if (n := self.paths.length(tok, trigger, same_toll)) is not None]
            if lengths:
                crossed = same_toll and all(self.paths.length(tok, trigger) is None for tok in focus)
                return Tie(min(lengths), "links.size.path", ev, crossed)
        if ev.start <= q.start and q.end <= ev.end and self.rules.on("links.size.contained"):
            return Tie(self.contained_only, "links.size.contained", ev)
        return None

    def _record(self, q: Quantity, i: int, kind: tuple[str, str | None], ties: list[Tie]) -> None:
        """Link the figure to the event of the chosen tie, and say why on both."""
        nearest = len(ties) > 1 and self.rules.on("links.size.nearest")
        tie = min(ties, key=lambda t: t.key) if nearest else ties[0]  # (the first of equals wins)
        ev = tie.event
        ev.size.append(i)
        q.event = ev.id
        where = ev.trigger if ev.trigger is not None and tie.rule == "links.size.path" else (ev.start, ev.end)
        if kind[1] is not None:
            changed(q, kind[1], (q.start, q.end))
        if self.rules.on("links.size.type_fit"):
            changed(q, "links.size.type_fit", where)
        changed(q, tie.rule, where)
        if tie.same_toll:
            changed(q, "links.size.same_toll", where)
        if nearest:
            changed(q, "links.size.nearest", where)
        changed(ev, tie.rule, (q.start, q.end))

    def _focus_tokens(self, doc: Doc, starts: list[int], q: Quantity) -> list[Token]:
        """The number's last token and what it counts: "3,000 North Korean troops" -> 3,000, troops;
        "hundreds of soldiers" -> hundreds, soldiers."""
        number = token_at(doc, starts, max(q.start, q.end - 1))
        out = [number]
        if not self.rules.on("links.size.counted_noun"):
            return out
        if number.dep_ in ("nummod", "quantmod", "compound") and number.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            out.append(number.head)
        for child in number.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                out.extend(c for c in child.children if c.dep_ == "pobj")
        return out


def token_at(doc: Doc, starts: list[int], char: int) -> Token:
    return doc[max(0, bisect_right(starts, char) - 1)]
