"""Who holds a count of no owned kind: "Sanders has 914 delegates", "Biden won 22 delegates", "Sanders
trailed him with a total of 815" (links.figure.owner_holder, read by figures.py)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token


def holder(noun: Token, by_char: dict[int, str], holder_verbs: Collection[str]) -> tuple[str, Token] | None:
    """The person (their code and first token) who is the subject of a verb of holding whose object, or whose
    "with" phrase, is the count ``noun``; None when there is none. ``by_char``: actor codes by mention start."""
    node = noun
    while node.dep_ in ("pobj", "prep") and node.head != node and node.head.pos_ != "VERB":
        node = node.head  # "with a total of 815": up to the verb the phrase hangs on
    verb = node.head if node.dep_ in ("dobj", "pobj", "prep") else None
    if verb is not None and verb.pos_ == "ADP":
        verb = verb.head
    if verb is None or verb.lemma_.lower() not in holder_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    person = next((t for t in subject.subtree if by_char.get(t.idx, "").startswith("PER:")), None)
    return (by_char[person.idx], person) if person is not None else None
