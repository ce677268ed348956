"""Actors known by a description ("the spy agency", "officials"), and the named body a description
stands for when the text ties it to one.

A description is no name: "officials" in one report are not those of another, so the registry keeps it
per report (``sqlite.actor_key``). A description of a body ("the spy agency", "the ministry") right after
the text names exactly one organization ("South Korea's National Intelligence Service said ... The spy
agency said") is that organization: the registry files it under it, and its claims are the
organization's (``voices.named_speaker``).
"""

from __future__ import annotations

import functools

from newsgraph.model import Actor, Extraction
from newsgraph.nlp import lexicon

# How far back a description looks for the body it stands for: its own sentence and the two before.
SENTENCES_BACK = 2


def named(actor: Actor) -> bool:
    """A proper name ("National Intelligence Service", "NIS", "Pentagon"), not a description ("spy agency")."""
    words = actor.name.split()
    return bool(words) and words[-1][:1].isupper()


def described(actor: Actor) -> bool:
    """Known only by a description: no code, and its name's last word is not capitalised ("officials")."""
    return not actor.code and not named(actor)


@functools.cache
def body_nouns() -> frozenset[str]:
    return frozenset(dict(lexicon.rows("lexicons/series/voices.tsv", columns=2))["body_nouns"].split())


@functools.cache
def group_nouns() -> frozenset[str]:
    return frozenset(dict(lexicon.rows("lexicons/series/voices.tsv", columns=2))["group_nouns"].split())


def describes_a_body(actor: Actor) -> bool:
    words = actor.name.split()
    return described(actor) and bool(words) and words[-1].lower() in body_nouns() | group_nouns()


def recent_body(ext: Extraction, before: int, kind: str = "organization", head: str | None = None) -> Actor | None:
    """The one named organization (or armed group, for ``kind`` "group") mentioned in the ``SENTENCES_BACK``
    sentences before ``before`` (or earlier in its own sentence); None when there is none or more than one.
    With the description's ``head`` ("agency"), a body whose name says it is another kind ("Ministry of
    Health") is not the one meant."""
    starts = [s.start for s in ext.sentences if s.start <= before]
    window = starts[-1 - SENTENCES_BACK] if len(starts) > SENTENCES_BACK else 0
    found = {a.id: a for a in ext.actors if a.kind == kind and named(a)
             and any(window <= m.start < before for m in a.mentions) and not _another_kind(a, head)}
    return next(iter(found.values())) if len(found) == 1 else None


# Kinds of body a description and a name may each say: "the spy agency" may be a "Service", not a "Ministry".
BODY_CLASSES = {**dict.fromkeys(("ministry", "department"), "ministry"),
                **dict.fromkeys(("army", "military", "command", "staff"), "armed forces"),
                **dict.fromkeys(("council", "committee", "commission"), "council"),
                "company": "company"}


def _another_kind(actor: Actor, head: str | None) -> bool:
    """Whether the body's name says it is another kind of body than the description does."""
    if head is None or head not in body_nouns():
        return False
    kinds = {BODY_CLASSES.get(w.lower(), "agency") for w in actor.name.split() if w.lower() in body_nouns()}
    return bool(kinds) and BODY_CLASSES.get(head, "agency") not in kinds


def body_kind(actor: Actor) -> str:
    """What kind of named actor a description stands for: "the paramilitary group" an armed group, "the
    spy agency" an organization."""
    words = actor.name.split()
    return "group" if words and words[-1].lower() in group_nouns() else "organization"


def body_described(ext: Extraction, actor: Actor) -> Actor | None:
    """The named organization a description of a body stands for, at its first mention."""
    if not describes_a_body(actor) or not actor.mentions:
        return None
    return recent_body(ext, min(m.start for m in actor.mentions), body_kind(actor), actor.name.split()[-1].lower())
