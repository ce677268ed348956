"""The quantities stage (scaffold: replaced by the real component)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class QuantitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = []
        return doc


@Language.factory(
    "newsgraph_quantities",
    requires=["doc.ents", "doc._.times"],
    assigns=["doc._.quantities"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    return QuantitiesComponent()
