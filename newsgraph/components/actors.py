"""The actors stage (scaffold: replaced by the real component)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class ActorsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = []
        return doc


@Language.factory(
    "newsgraph_actors",
    requires=["doc.ents", "token.dep", "doc._.times"],
    assigns=["doc._.actors"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent()
