"""The Doc extensions our components read and write, registered once per process.

Each stage writes one list of model items to ``doc._.<stage>``; later stages read earlier ones.
``doc._.published`` (a date or None) is set by the pipeline before the components run.
"""

from __future__ import annotations

from spacy.tokens import Doc

STAGES = ("times", "actors", "places", "quantities", "quotes", "claims", "events")
_TEXT_KEY = "newsgraph_text"


def register_extensions() -> None:
    """Idempotent: safe to call from every component module."""
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    if not Doc.has_extension("article_id"):
        Doc.set_extension("article_id", default=None)
    for stage in STAGES:
        if not Doc.has_extension(stage):
            # A getter-less default would share one list between Docs; None means "stage did not run".
            Doc.set_extension(stage, default=None)


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy joins every token each time the property is read."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


register_extensions()
