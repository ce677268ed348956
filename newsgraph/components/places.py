"""The places stage (scaffold: replaced by the real component)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class PlacesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.places = []
        return doc


@Language.factory(
    "newsgraph_places",
    requires=["doc.ents", "doc._.actors"],
    assigns=["doc._.places"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
