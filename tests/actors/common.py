"""Helpers of the actors stage's tests."""

from __future__ import annotations

from newsgraph.model import Actor, Extraction


def by_name(ext: Extraction, name: str) -> Actor:
    found = [a for a in ext.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in ext.actors]}"
    return found[0]


def mention_texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def people(ext: Extraction) -> dict[str, Actor]:
    """The group actors the actors stage found from the peoples lexicon, by code."""
    return {a.code: a for a in ext.actors if a.kind == "group" and a.code and a.code.startswith("GRP:")
            and any(m.form == "demonym" for m in a.mentions)}
