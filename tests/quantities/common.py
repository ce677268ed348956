"""Helpers for the quantities tests: the quantities the stage finds in a text (``qnlp``: the base model plus
the quantities component alone)."""

from __future__ import annotations

from spacy.language import Language

from newsgraph.model import Quantity


def quantities(qnlp: Language, text: str) -> list[Quantity]:
    return list(qnlp(text)._.quantities)


def only(qnlp: Language, text: str) -> Quantity:
    found = quantities(qnlp, text)
    assert len(found) == 1, [(q.text, q.value) for q in found]
    return found[0]


def summary(q: Quantity) -> tuple:
    return (q.text, q.value, q.bound, q.unit)

