"""The Doc extensions our components read and write, registered once per process.

Each stage writes one list of model items to ``doc._.<stage>``; later stages read earlier ones.
``doc._.published`` (a date or None) is set by the pipeline before the components run.
"""

from __future__ import annotations

from spacy.tokens import Doc

STAGES = ("times", "actors", "places", "quantities", "quotes", "claims", "events")


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


register_extensions()
