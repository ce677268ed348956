"""Rejection (``places.not.*``): toponyms that are not places after all. A name the actors stage found
as a person, an organization or a group, a body the lexicons list, a building acting as its government,
a news medium, generic words, heavenly bodies and words of faith; and, after resolution, an unknown name
that is a person's. A rule that tested a name and found evidence to keep it says so in the trace."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.model import Actor, Place
from newsgraph.nlp.places.cues import residence, residence_span
from newsgraph.nlp.places.gazetteer import normalize
from newsgraph.nlp.places.stage import Stage
from newsgraph.nlp.places.toponym import Toponym, chars
from newsgraph.nlp.places.words import GENERIC_NAME_WORDS, MEDIUM_NOUNS


@dataclass(frozen=True)
class ActorSpan:
    """A char span that names an actor and not a place."""

    start: int
    end: int
    inside: bool  # names inside it are blocked too (a person's or an armed group's name; not an organization's)
    rule: str  # places.not.actor, places.not.listed_body (no locative makes it a place) or places.not.seat_building


def reject(st: Stage, doc: Doc, toponyms: list[Toponym], actors: list[Actor]) -> list[Toponym]:
    """The toponyms that survive the rejection rules."""
    blocked = actor_spans(st, actors)
    kept = [t for t in toponyms if not _blocked(st, doc, t, blocked) and not _named_medium(st, doc, t)]
    return [t for t in kept if not _no_place(st, doc, t, kept)]


def actor_spans(st: Stage, actors: list[Actor]) -> list[ActorSpan]:
    """Char spans that name an actor and not a place: persons, organizations and groups, and buildings
    that stand for a government ("the Kremlin said"). A capital standing for its government ("Ottawa
    intends to ...") stays a place as well: see ``resolve.stands_for``."""
    out = []
    for a in actors:
        for m in a.mentions:
            seat = m.form == "seat"
            if a.kind != "state" or (seat and _bare(m.text) in st.buildings):
                out.append(ActorSpan(m.start, m.end, a.kind in ("person", "group"), _rule(st, a, seat)))
    return out


def _rule(st: Stage, actor: Actor, seat: bool) -> str:
    """The rule by which a mention is no place: a building of government, a listed body, else an actor."""
    if seat and st.on("places.not.seat_building"):
        return "places.not.seat_building"
    if listed_body(actor) and st.on("places.not.listed_body"):
        return "places.not.listed_body"
    return "places.not.actor"


def listed_body(actor: Actor) -> bool:
    """An organization or armed group the actor lexicons list by code (NATO, UN, Hamas): its name is no
    place even after a locative ("at NATO headquarters"), whatever town shares it (Nato, Philippines).
    Stable codes made up for unlisted names ("ORG:...") carry no such knowledge."""
    return actor.kind in ("organization", "group") and bool(actor.code) and ":" not in (actor.code or "")


def _bare(text: str) -> str:
    """A name without its article: "the Kremlin" -> "Kremlin"."""
    return text[4:] if text.lower().startswith("the ") else text


def _blocked(st: Stage, doc: Doc, t: Toponym, blocked: list[ActorSpan]) -> bool:
    """Whether an actor span rules the toponym out. A name written where only a place fits ("near
    Raqqah") stays a place even if taken for a person or an organization, and so does where a person
    lives ("Riley Smith, 70, of Paris"); a listed body or a seat acting as its government ("Moscow said")
    only the latter."""
    s, e = chars(doc, t.start, t.end)
    lives = residence(st, doc, t)
    for b in blocked:
        if not ((b.start, b.end) == (s, e) or (b.inside and b.start <= s and e <= b.end)):
            continue
        if b.rule == "places.not.actor":
            if not st.on(b.rule):
                continue
            if not (t.locative or lives):
                return True
        elif not lives:
            return True
        if not any(step[0] == b.rule for step in t.trace):  # kept: where only a place fits, or a person lives
            t.fired(b.rule, residence_span(doc, t.start - 1) if lives else _found_evidence(t))
    return False


def _found_evidence(t: Toponym) -> tuple[int, int] | None:
    """The evidence of the rule that found the toponym (what shows it written as a place)."""
    step = t.trace[0] if t.trace else None
    return (step[1], step[2]) if step and step[1] is not None else None


def _named_medium(st: Stage, doc: Doc, t: Toponym) -> bool:
    """Whether the name is that of a news medium: "state-owned Iranian news agency Fars reported"."""
    return t.start > 0 and doc[t.start - 1].lower_ in MEDIUM_NOUNS and t.seat_of is None \
        and st.on("places.not.medium")


def _no_place(st: Stage, doc: Doc, t: Toponym, toponyms: list[Toponym]) -> bool:
    """Generic words alone ("a former City councillor", "Central"); a heavenly body, a word of faith or
    a feast ("Jupiter", "God", "over Easter"), unless a division pins it right after a comma ("Jupiter,
    Fla.")."""
    words = t.text.split()
    if not t.suffix and all(w.lower() in GENERIC_NAME_WORDS for w in words) \
            and not (len(words) > 1 and st.knows(t.text)) and st.on("places.not.generic_words"):
        return True
    if normalize(t.text) not in st.non_places or not st.on("places.not.non_place"):
        return False
    pin = next((u for u in toponyms if u.start == t.end + 1), None) \
        if t.end < len(doc) and doc[t.end].text == "," else None
    if pin is None:
        return True
    t.fired("places.not.non_place", chars(doc, pin.start, pin.end))
    return False


def drop_person_names(st: Stage, places: list[Place | None], actors: list[Actor]) -> list[Place]:
    """The places but an unknown name that is also a person's in the article ("Hagan, North Carolina's
    senator"); and no None."""
    people = _person_names(actors) if st.on("places.not.person_name") else frozenset()
    return [p for p in places if p is not None and not (p.lat is None and p.level is None and p.text in people)]


def _person_names(actors: list[Actor]) -> frozenset[str]:
    """Every word of the persons' names and the text of their mentions."""
    names: set[str] = set()
    for a in actors:
        if a.kind == "person":
            names.update(a.name.split())
            names.update(m.text for m in a.mentions)
    return frozenset(names)
