"""The events stage (scaffold: replaced by the real component)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory(
    "newsgraph_events",
    requires=["token.dep", "doc._.actors", "doc._.places", "doc._.times", "doc._.claims"],
    assigns=["doc._.events"],
    default_config={},
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
