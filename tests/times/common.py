"""Helpers for the times tests: the times the stage alone finds in a text (``tnlp``: the base model plus the
times component), as (text, type, value)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from newsgraph.model import Time

PUB = dt.date(2024, 10, 28)  # a Monday


def times(tnlp: Language, text: str, published: dt.date | None = PUB) -> list[Time]:
    doc = tnlp.make_doc(text)
    doc._.published = published
    return list(tnlp(doc)._.times)


def tag(tnlp: Language, text: str, published: dt.date | None = PUB) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in times(tnlp, text, published)]
