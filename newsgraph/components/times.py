"""The times stage (scaffold: replaced by the real component)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import extensions  # noqa: F401


class TimesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc


@Language.factory(
    "newsgraph_times",
    requires=["token.pos", "token.dep", "doc.ents"],
    assigns=["doc._.times"],
    default_config={},
)
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()
