"""The links stage: ties figures to the events they size ("MOBILIZE with 3,000 troops").

Runs last, when events and quantities both exist. A quantity sizes an event when it lies inside the
event's evidence span; the event lists it in ``size`` and the quantity points back through ``event``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class LinksComponent:
    def __call__(self, doc: Doc) -> Doc:
        quantities = doc._.quantities or []
        for event in doc._.events or []:
            for i, q in enumerate(quantities):
                if q.event is None and event.start <= q.start and q.end <= event.end:
                    event.size.append(i)
                    q.event = event.id
        return doc


@Language.factory(
    "newsgraph_links",
    requires=["doc._.events", "doc._.quantities"],
    assigns=["doc._.events", "doc._.quantities"],
    default_config={},
)
def make_links(nlp: Language, name: str) -> LinksComponent:
    return LinksComponent()
