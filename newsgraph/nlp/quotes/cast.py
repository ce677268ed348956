"""The actors of one document as the speaker resolution looks them up: every mention by position, the
actor a word belongs to, the last place an actor was named before a point, and who is a person."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from newsgraph.model import Actor, Mention

Mentioned = tuple[int, int, Actor]  # a mention's start and end, and its actor


class Cast:
    """The document's actors (``doc._.actors``, which the resolution adds to) and their mentions, sorted."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        if doc._.actors is None:
            doc._.actors = []
        self.actors: list[Actor] = doc._.actors
        self.by_id = {a.id: a for a in self.actors}
        self.mentions: list[Mentioned] = sorted(
            ((m.start, m.end, a) for a in self.actors for m in a.mentions), key=lambda m: (m[0], m[1])
        )
        self.starts = [m[0] for m in self.mentions]

    def add(self, actor: Actor) -> None:
        """A new actor (its mentions are not indexed: the resolution looks new actors up by name)."""
        self.actors.append(actor)
        self.by_id[actor.id] = actor

    def covering(self, tok: Token) -> Mentioned | None:
        """The mention (of the actors the earlier stages found) that holds this word."""
        start, end = tok.idx, tok.idx + len(tok.text)
        i = bisect.bisect_right(self.starts, start)
        for m_start, m_end, actor in reversed(self.mentions[max(0, i - 20) : i]):
            if m_start <= start and end <= m_end:
                return m_start, m_end, actor
        return None

    def between(self, start: int, end: int) -> list[Mentioned]:
        """The mentions that start in [start, end)."""
        i, j = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self.mentions[i:j]

    def from_(self, start: int) -> list[Mentioned]:
        """The mentions that start at or after a point."""
        return self.mentions[bisect.bisect_left(self.starts, start) :]

    def is_person(self, actor: Actor, start: int, end: int) -> bool:
        """A person actor, or a name the parser's entity tagger calls a person (the actors stage can take a
        person for a body: trust the words at the mention as well)."""
        if actor.kind == "person":
            return True
        words = self.doc.char_span(start, end, alignment_mode="expand")
        return words is not None and actor.kind == "organization" and words.root.ent_type_ == "PERSON"

    @staticmethod
    def last_mention_before(actor: Actor, position: int) -> Mention | None:
        """Where the actor was last named before a point."""
        before = [m for m in actor.mentions if m.start < position]
        return max(before, key=lambda m: m.start) if before else None

    def fresh_id(self) -> str:
        numbers = [int(a.id[1:]) for a in self.actors if a.id[:1] == "A" and a.id[1:].isdigit()]
        return f"A{max(numbers, default=0) + 1}"
