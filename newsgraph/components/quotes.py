"""The quotes stage (scaffold: replaced by the real component)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        doc._.claims = []
        return doc


@Language.factory(
    "newsgraph_quotes",
    requires=["token.dep", "doc._.actors", "doc._.times", "doc._.quantities"],
    assigns=["doc._.quotes", "doc._.claims"],
    default_config={},
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
