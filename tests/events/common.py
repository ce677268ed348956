"""Helpers of the events tests: the stage alone on a text with actors given by hand (``code``), and the
look-ups the tests share.

The unit tests run the bare spaCy model plus our events component on tiny texts, with doc._.actors set
by hand, so they test the event logic alone (the actors stage is tested in its own directory).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language

from newsgraph.model import Actor, Claim, Event, Mention

# name -> (kind, code, affiliation)
ACTORS: dict[str, tuple[str, str | None, str | None]] = {
    "North Korean": ("state", "PRK", None),
    "North Korea": ("state", "PRK", None),
    "South Korean": ("state", "KOR", None),
    "Russian": ("state", "RUS", None),
    "Russia": ("state", "RUS", None),
    "Ukrainian": ("state", "UKR", None),
    "Ukraine": ("state", "UKR", None),
    "NATO": ("organization", "NATO", None),
    "Israel": ("state", "ISR", None),
    "Hamas": ("group", None, "PSE"),
    "Putin": ("person", None, "RUS"),
    "Kim Jong Un": ("person", None, "PRK"),
    "Blinken": ("person", None, "USA"),
    "Navalny": ("person", None, "RUS"),
    "Palestinian": ("state", "PSE", None),
    "France": ("state", "FRA", None),
    "Germany": ("state", "DEU", None),
    "Mali": ("state", "MLI", None),
    "Malian": ("state", "MLI", None),
    "Serbia": ("state", "SRB", None),
    "Serbian": ("state", "SRB", None),
}


def hand_actors(text: str) -> list[Actor]:
    """Actors for every name of ACTORS in the text, longest names first, one actor per name."""
    taken: set[int] = set()
    actors: dict[str, Actor] = {}
    for name in sorted(ACTORS, key=len, reverse=True):
        kind, code, affiliation = ACTORS[name]
        for m in re.finditer(r"\b" + re.escape(name) + r"(?!\w)", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            key = code or name
            actor = actors.setdefault(
                key, Actor(f"A{len(actors) + 1}", name, kind, code=code, affiliation=affiliation))  # type: ignore[arg-type]
            actor.mentions.append(Mention(m.start(), m.end(), name))
    return list(actors.values())


def code(nlp: Language, text: str, claims: list[Claim] | None = None) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2024, 10, 28)
    for _name, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    doc._.actors = hand_actors(text)
    doc._.claims = claims or []
    doc = nlp.pipeline[-1][1](doc)
    events: list[Event] = doc._.events
    for ev in events:
        assert text[ev.start:ev.end] == ev.text
        assert ev.trigger is not None and ev.start <= ev.trigger[0] < ev.trigger[1] <= ev.end
    return events


def event_types(nlp: Language, text: str) -> list[str]:
    return [e.type for e in code(nlp, text)]


def find(events: list[Event], type_: str) -> Event:
    hits = [e for e in events if e.type == type_]
    assert hits, f"no {type_} in {[(e.type, e.source, e.target) for e in events]}"
    return hits[0]


def sides(ext, type_: str) -> tuple[list[str], list[str]]:
    ev = next(e for e in ext.events if e.type == type_)
    return ev.source, ev.target
