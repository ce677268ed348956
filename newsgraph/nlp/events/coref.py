"""Within-article event coreference: one real event stated several times is one Event.

News restates its main event ("North Korean troops have moved to Russia", "the soldiers sent to Russia",
"the deployment of North Korean soldiers"). Two statements are taken as one event when nothing they say
tells them apart:

- the same PLOVER type;
- the same status class: what happened (occurred), what someone reports happened (reported), what is
  planned or expected, and what did not or might happen never mix;
- compatible participants: per role, one side unstated or the two sharing a code (for joint acts, the
  participants of both sides together);
- compatible times: dates stated in the text that cannot hold together (2023-09 and 2024-06) keep
  statements apart; the publication date is no evidence either way;
- compatible places: two places below country level that are neither the same nor one inside the other.

The event keeps the most specific statement as its evidence (both participants named, then a figure or a
date inside the statement, then the first), merges the participants, and lists every statement in
``Event.mentions``; it records, for each statement joined to it, the rule that linked them
(``events.coref.same_dyad``, ``events.coref.near``, ``events.coref.same_word``) with that statement as
evidence. How near "close" is (``near``, in sentences) and how many letters name a word family (``stem``)
are the component's config.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.model import Event, Place, Quantity, Time
from newsgraph.nlp.events import rules as R
from newsgraph.nlp.rules import RuleTable, fired
from newsgraph.nlp.words import SYMMETRIC_TYPES

# Statuses that can name the same real event.
STATUS_CLASS = {"occurred": "real", "reported": "reported", "planned": "future", "expected": "future",
                "negated": "negated", "hypothetical": "hypothetical"}


@dataclass(frozen=True)
class Anchor:
    """Where a statement is: its trigger's lemma and its sentence's number."""

    lemma: str
    sentence: int


@dataclass
class Restatements:
    """What the linking reads: where each statement is, the places, the rules and the tunables."""

    anchors: dict[int, Anchor]  # by id(event)
    places: Sequence[Place]
    rules: RuleTable = R.RULES
    near: int = 1  # statements this many sentences apart (or fewer) are close
    stem: int = 5  # letters of a trigger lemma that name one word family ("deploy", "deployment")
    links: dict[int, tuple[str, Event]] = field(default_factory=dict)  # id(statement) -> (rule, statement linked)


def corefer(events: list[Event], ctx: Restatements, times: Sequence[Time],
            quantities: Sequence[Quantity]) -> list[Event]:
    """The events with restatements merged; ``events`` must be in text order. A statement joins a group
    when it fits every member and is linked to one of them."""
    clusters: list[list[Event]] = []
    for ev in events:
        home = next((c for c in clusters if _joinable([ev], c, ctx)), None)
        if home is None:
            clusters.append([ev])
        else:
            home.append(ev)
    # a statement may link to a group only through a later one ("the deployment" ... "were deployed")
    merged = True
    while merged:
        merged = False
        pairs = [(i, j) for i in range(len(clusters)) for j in range(i + 1, len(clusters))]
        hit = next(((i, j) for i, j in pairs if _joinable(clusters[j], clusters[i], ctx)), None)
        if hit is not None:
            i, j = hit
            clusters[i] = sorted(clusters[i] + clusters.pop(j), key=lambda e: e.start)
            merged = True
    return [_merge(c, times, quantities, ctx) for c in clusters]


def _joinable(group: list[Event], other: list[Event], ctx: Restatements) -> bool:
    if not all(_compatible(a, b, ctx) for a in group for b in other):
        return False
    link = next(((rule, b) for a in group for b in other if (rule := _linked(a, b, ctx)) is not None), None)
    if link is None:
        return False
    for a in group:
        ctx.links.setdefault(id(a), link)
    return True


def _linked(a: Event, b: Event, ctx: Restatements) -> str | None:
    """Two fitting statements name one event when they share the whole dyad, anywhere in the article;
    with a side unstated (or one joint participant in common) only when they are close (the same or the
    next sentence) or use the same word for it ("the deployment" ... "were deployed"). The rule that
    links them."""
    if ctx.rules.on(R.SAME_DYAD):
        if a.type in SYMMETRIC_TYPES:
            if len(set(a.source + a.target) & set(b.source + b.target)) >= 2:
                return R.SAME_DYAD
        elif a.source and a.target and b.source and b.target:
            return R.SAME_DYAD
    x, y = ctx.anchors.get(id(a)), ctx.anchors.get(id(b))
    if x is None or y is None:
        return None
    if abs(x.sentence - y.sentence) <= ctx.near and ctx.rules.on(R.NEAR):
        return R.NEAR
    # the same word, for a dyad (two agreements that share one party are often two agreements)
    if a.type not in SYMMETRIC_TYPES and x.lemma[:ctx.stem] == y.lemma[:ctx.stem] and ctx.rules.on(R.SAME_WORD):
        return R.SAME_WORD
    return None


def _compatible(a: Event, b: Event, ctx: Restatements) -> bool:
    if a.type != b.type or STATUS_CLASS.get(a.status) != STATUS_CLASS.get(b.status):
        return False
    if a.type in SYMMETRIC_TYPES:
        if not _codes_fit(a.source + a.target, b.source + b.target):
            return False
    elif not (_codes_fit(a.source, b.source) and _codes_fit(a.target, b.target)):
        return False
    if a.type in SYMMETRIC_TYPES:
        shared = set(a.source + a.target) & set(b.source + b.target)
    else:
        shared = (set(a.source) & set(b.source)) | (set(a.target) & set(b.target))
    if not shared:
        return False  # nothing but a type in common
    return (_times_fit(a, b) or not ctx.rules.on(R.TIMES_APART)) and (
        _places_fit(a.place, b.place, ctx.places) or not ctx.rules.on(R.PLACES_APART))


def _codes_fit(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _times_fit(a: Event, b: Event) -> bool:
    """Dates from the text must agree where both have one: the same value, or one a prefix of the other
    (2024-10 and 2024-10-27). Week values are compared by their year only (their days are not at hand)."""
    if a.time_from != "text" or b.time_from != "text" or not a.time or not b.time:
        return True
    x, y = a.time, b.time
    if "-W" in x or "-W" in y:
        return x[:4] == y[:4]
    return x.startswith(y) or y.startswith(x)


def _places_fit(a: int | None, b: int | None, places: Sequence[Place]) -> bool:
    """Two places below country level that are neither the same nor one inside the other keep statements
    apart (a country named in a statement is usually one of its actors, so it separates nothing)."""
    if a is None or b is None or a == b:
        return True
    pa, pb = places[a], places[b]
    if pa.name == pb.name or pa.level in (None, "country") or pb.level in (None, "country"):
        return True
    for wide, narrow in ((pa, pb), (pb, pa)):
        if wide.level in ("admin1", "region") and narrow.admin1 and narrow.admin1 == wide.name:
            return True
    return False


def _specificity(ev: Event, times: Sequence[Time], quantities: Sequence[Quantity]) -> tuple[int, int, int]:
    """How much a statement says: participants named, a figure inside it, a date inside it."""
    roles = bool(ev.source) + bool(ev.target)
    figure = any(ev.start <= q.start and q.end <= ev.end for q in quantities)
    dated = any(ev.start <= t.start and t.end <= ev.end for t in times)
    return roles, int(figure), int(dated)


def _merge(cluster: list[Event], times: Sequence[Time], quantities: Sequence[Quantity], ctx: Restatements) -> Event:
    # max() keeps the first of equals: the earliest statement among the most specific
    best = max(cluster, key=lambda e: _specificity(e, times, quantities))
    best.mentions = sorted([e.start, e.end] for e in cluster)
    for ev in cluster:
        if ev is best:
            continue
        rule = ctx.links.get(id(ev), (None, None))[0] or ctx.links.get(id(best), (None, None))[0]
        if rule is not None:
            fired(best, rule, (ev.start, ev.end))
        best.source += [c for c in ev.source if c not in best.source]
        best.target += [c for c in ev.target if c not in best.target]
        best.source_actors += [a for a in ev.source_actors if a not in best.source_actors]
        best.target_actors += [a for a in ev.target_actors if a not in best.target_actors]
        if best.place is None:
            best.place = ev.place
        if best.time_from != "text" and ev.time_from == "text" and _specificity(ev, times, quantities)[2] \
                and ctx.rules.on(R.DATED_RESTATEMENT):
            best.time, best.time_from = ev.time, ev.time_from
            fired(best, R.DATED_RESTATEMENT, (ev.start, ev.end))
    return best
