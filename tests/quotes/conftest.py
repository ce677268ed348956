"""The quotes stage on its own: the bare spaCy model plus the quotes component, on tiny texts with the
actors set by the test, so the tests do not depend on the other stages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pytest
from spacy.tokens import Doc

from newsgraph.model import Actor, Place, Quantity, Time
from newsgraph.nlp.quotes.component import QuotesComponent

Run = Callable[..., Doc]


@pytest.fixture(scope="session")
def parse() -> Callable[[str], Doc]:
    """The bare spaCy model's parse of a text, the dates and earlier stages' lists set empty."""
    from newsgraph.nlp.pipeline import build_base_nlp

    base = build_base_nlp()

    def _parse(text: str) -> Doc:
        doc = base(text)
        doc._.published = dt.date(2024, 10, 28)
        doc._.times = []
        doc._.quantities = []
        return doc

    return _parse


@pytest.fixture(scope="session")
def run(parse) -> Run:
    """run(text, actors=None, rules_off=(), times=(), quantities=()) -> the Doc after the quotes component
    (the earlier stages' actors, times and figures as given)."""
    components: dict[tuple[str, ...], QuotesComponent] = {}

    def _run(text: str, actors: list[Actor] | None = None, rules_off: tuple[str, ...] = (),
             times: Sequence[Time] = (), quantities: Sequence[Quantity] = (), places: Sequence[Place] = ()) -> Doc:
        component = components.setdefault(rules_off, QuotesComponent(rules_off))
        doc = parse(text)
        doc._.actors = actors if actors is not None else []
        doc._.times, doc._.quantities, doc._.places = list(times), list(quantities), list(places)
        return component(doc)

    return _run
