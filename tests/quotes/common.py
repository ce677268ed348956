"""Helpers for the quotes tests: actors with their mentions, and the words of a quote's parts."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.model import Actor, Mention, Quote


def actor(text: str, name: str, kind: str = "person", aid: str = "A1", **kw) -> Actor:
    """An actor with a mention on every whole-word occurrence of its name's words in ``text``."""
    mentions = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(re.escape(name), text)]
    return Actor(aid, name, kind, mentions=mentions, **kw)  # type: ignore[arg-type]


def content(doc: Doc, q: Quote) -> str:
    return doc.text[q.start : q.end]


def speaker_name(doc: Doc, q: Quote) -> str | None:
    return next((a.name for a in doc._.actors if a.id == q.speaker), None)


def only(doc: Doc) -> Quote:
    assert len(doc._.quotes) == 1, [content(doc, q) for q in doc._.quotes]
    return doc._.quotes[0]


def only_of(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def span_text(doc: Doc, pair: tuple[int, int] | list[int] | None) -> str | None:
    return doc.text[pair[0] : pair[1]] if pair else None
