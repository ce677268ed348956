"""A toponym as recognition finds it (token bounds, what the text says about it, the rules that found and
marked it), and the spans the rules cite as evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsgraph.nlp.places.gazetteer import GeoEntry
from newsgraph.nlp.rules import fired

Span = tuple[int, int]  # char offsets into the article


@dataclass
class Toponym:
    start: int  # token indices
    end: int
    text: str
    suffix: bool  # followed by an administrative word: a division is meant
    spacy_place: bool  # spaCy said GPE/LOC
    seat_of: str | None = None  # ISO3 when the name is a seat of government ("the White House")
    locative: bool = False  # written where only a place fits ("near Raqqah"): a place even if taken for a person
    division: bool = False  # stands after "Town," so means a first-level division ("Churchill, Man.")
    variant: bool = False  # found only under another spelling (set by ``readings``)
    facility_of: str | None = None  # "Incirlik Air Base": the town the facility is named after
    dotted: bool = True  # written with a full stop after it, as abbreviations are ("Ky.")
    town: bool = False  # named as a town ("the city of Omsk"): the town, not the division named like it
    listed_with: str | None = None  # a small town listed with this place ("Ingham or Townsville")
    street: bool = False  # a street or road ("Hertford Road"): no gazetteer has it; kept without coordinates
    country_of: str | None = None  # ISO3 of a demonym before a division word ("Russian territory"): somewhere there
    rule: str | None = None  # the rule that found it, and every rule that marked it since (nlp.rules.fired)
    trace: list[list[Any]] = field(default_factory=list)
    entries: list[GeoEntry] | None = None  # its candidate readings, once asked for (``readings.entries``)
    entries_by: list[tuple[str, Span | None]] = field(default_factory=list)  # the rules that shaped them

    def fired(self, rule: str, evidence: Span | None = None) -> None:
        fired(self, rule, evidence)


def chars(doc: Doc, start: int, end: int) -> Span:
    """The char span of tokens ``start:end``."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def token_span(doc: Doc, i: int) -> Span:
    return chars(doc, i, i + 1)


def place_span(doc: Doc, t: Toponym) -> Span:
    """The char span of the toponym's text (a prefix of its token for "U.S." of "U.S.-led")."""
    start = doc[t.start].idx
    end = start + len(t.text) if t.end == t.start + 1 else doc[t.end - 1].idx + len(doc[t.end - 1])
    return start, end
