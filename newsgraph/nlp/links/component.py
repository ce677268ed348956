"""The links stage: ties figures to the events they size ("MOBILIZE with 3,000 troops").

Runs last, when events and quantities both exist. A quantity sizes an event when

- its counted noun (or the number itself when it has no noun: "with more than 12,000 expected") is
  joined to the event's trigger by a short dependency path inside one clause: the theme, object or
  subject of the trigger ("sent 3,000 troops", "3,000 troops were sent"), a nominal modifier of it ("the
  deployment of 5,000 soldiers", "an attack that killed 12") or a phrase of the trigger's predicate
  ("hundreds died in the assault"); or, failing any such path, it lies inside the event's evidence span;
- and its category fits the event type (quantities_event_links.tsv): troops size a MOBILIZE, casualties
  an ASSAULT, weapons and money an AID, arrests a COERCE. A share or a plain measure ("52%", "12 km")
  sizes nothing; goods by measure ("500 tonnes of grain") may size an AID.

Each quantity sizes at most one event (the nearest trigger by path length, then the smallest evidence
span); the event lists it in ``size`` and the quantity points back through ``event``.
"""

from __future__ import annotations

import functools
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Event, Quantity
from newsgraph.nlp import (
    extensions,  # noqa: F401  (registers the Doc._ extensions)
    lexicon,
)
from newsgraph.nlp.quantities.lexicon import load_lexicon

# Longest dependency path (in arcs) between a counted noun and a trigger that still sizes it.
MAX_PATH = 3
# A path that leaves the clause (reported speech, a separate sentence glued by the parser) relates
# nothing: "officials said 12 were killed" does not size the saying.
CLAUSE_BREAKS = frozenset({"ccomp", "parataxis", "csubj", "punct", "meta", "dep"})
# The fallback (containment in the evidence span, no path) ranks after every path.
CONTAINED_ONLY = MAX_PATH + 1
MEASURE_UNITS = frozenset({"percent", "percentage point", "fraction"})


@functools.cache
def event_link_table() -> dict[str, frozenset[str]]:
    """Event type -> the quantity categories that can size it (quantities_event_links.tsv)."""
    table: dict[str, frozenset[str]] = {}
    for event_type, categories in lexicon.rows("lexicons/links/event_links.tsv", columns=2):
        table[event_type] = frozenset(categories.split())
    return table


class LinksComponent:
    def __call__(self, doc: Doc) -> Doc:
        link_quantities(doc)
        copy_claim_times_to_quotes(doc)
        return doc


def copy_claim_times_to_quotes(doc: Doc) -> None:
    """Each quote takes the time of the claim it states (``Quote.time`` / ``time_from``): the times stage
    runs before quotes exist, and the claim already holds the governing time of the quoted content."""
    claims = {c.id: c for c in doc._.claims or []}
    for quote in doc._.quotes or []:
        claim = claims.get(quote.claim) if quote.claim is not None else None
        if claim is not None and quote.time is None:
            quote.time, quote.time_from = claim.time, claim.time_from


def link_quantities(doc: Doc) -> None:
    """Set Quantity.event and Event.size for the figures that size an event."""
    quantities: list[Quantity] = doc._.quantities or []
    events: list[Event] = doc._.events or []
    if not quantities or not events:
        return
    table = event_link_table()
    starts = [t.idx for t in doc]
    triggers = {ev.id: _token_at(doc, starts, ev.trigger[0]) for ev in events if ev.trigger}
    for i, q in enumerate(quantities):
        if q.event is not None:
            continue
        kind = size_kind(q)
        if kind is None:
            continue
        focus = _focus_tokens(doc, starts, q)
        best: tuple[int, int, Event] | None = None
        for ev in events:
            if kind not in table.get(ev.type, ()):
                continue
            rank = _rank(focus, triggers.get(ev.id), ev, q)
            if rank is not None and (best is None or (rank, ev.end - ev.start) < best[:2]):
                best = (rank, ev.end - ev.start, ev)
        if best is not None:
            best[2].size.append(i)
            q.event = best[2].id


def size_kind(q: Quantity) -> str | None:
    """The kind of figure for quantities_event_links.tsv: its category, "people" for an uncategorised
    count of people, "crowd" for a bare number with no noun, None for shares and measures ("52%",
    "12 km"), which describe and size nothing."""
    if q.category != "other":
        return q.category
    if q.unit is None:
        return "crowd" if q.counted is None else None  # "thousands protested"; too vague for the rest
    if q.unit in MEASURE_UNITS:
        return None
    lex = load_lexicon()
    word = q.unit.lower()
    cue = lex.nouns.get(word) or lex.nouns.get(word.removesuffix("s"))
    if cue is not None and cue.category == "person":
        return "people"
    # goods by measure ("500 tonnes of grain"); a plain count of things ("5 towns") sizes nothing
    return "other" if q.counted is not None and q.unit in _measure_names() else None


@functools.cache
def _measure_names() -> frozenset[str]:
    return frozenset(u.name for u in load_lexicon().units.values() if u.kind == "measure")


def _rank(focus: list[Token], trigger: Token | None, ev: Event, q: Quantity) -> int | None:
    """Path length from the figure to the trigger; CONTAINED_ONLY when only the evidence holds it."""
    if trigger is not None and focus and focus[0].sent == trigger.sent:
        # "six were killed in the attack, and seven more were injured": one attack, both tolls
        same_toll = q.category == "casualties"
        lengths = [n for tok in focus if (n := path_length(tok, trigger, same_toll)) is not None]
        if lengths:
            return min(lengths)
    if ev.start <= q.start and q.end <= ev.end:
        return CONTAINED_ONLY
    return None


def _token_at(doc: Doc, starts: list[int], char: int) -> Token:
    return doc[max(0, bisect_right(starts, char) - 1)]


def _focus_tokens(doc: Doc, starts: list[int], q: Quantity) -> list[Token]:
    """The number's last token and what it counts: "3,000 North Korean troops" -> 3,000, troops;
    "hundreds of soldiers" -> hundreds, soldiers."""
    number = _token_at(doc, starts, max(q.start, q.end - 1))
    out = [number]
    if number.dep_ in ("nummod", "quantmod", "compound") and number.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        out.append(number.head)
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def path_length(a: Token, b: Token, across_conjuncts: bool = False) -> int | None:
    """Arcs between two tokens through their lowest common head, or None when the path is longer than
    MAX_PATH or crosses a clause break (or, unless ``across_conjuncts``, joins two predicates that
    have their own subjects)."""
    up_a = _ancestors(a)
    up_b = _ancestors(b)
    depth_b = {tok.i: n for n, tok in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in depth_b:
            m = depth_b[tok.i]
            if n + m > MAX_PATH:
                return None
            if any(t.dep_ in CLAUSE_BREAKS for t in (*up_a[:n], *up_b[:m])):
                return None
            if not across_conjuncts and _separate_clauses(up_a[:n], up_b[:m]):
                return None
            return n + m
    return None


def _ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to MAX_PATH arcs."""
    out = [tok]
    while len(out) <= MAX_PATH and out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _separate_clauses(side_a: list[Token], side_b: list[Token]) -> bool:
    """Conjoined predicates with their own subjects are separate events: "Russia sent 3,000 troops
    and Ukraine shot down 40 drones"."""
    for tok in (*side_a, *side_b):
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
        ):
            return True
    return False


@Language.factory(
    "newsgraph_links",
    requires=["doc._.events", "doc._.quantities", "doc._.quotes", "doc._.claims"],
    assigns=["doc._.events", "doc._.quantities", "doc._.quotes"],
    default_config={},
)
def make_links(nlp: Language, name: str) -> LinksComponent:
    return LinksComponent()
