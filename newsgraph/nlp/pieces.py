"""Very long texts in pieces: cut at paragraph breaks, extracted piece by piece, merged into one result.

spaCy holds a whole text in memory while it parses it (measured here: 3.5 GB of resident memory for one
text of a million characters, against about 1 GB for 200,000), so a text longer than ``PIECE_CHARS`` is
cut into pieces no longer than that, each at the last paragraph break (else sentence end, else space)
before the limit. Every offset of a piece's result is moved by the piece's start, so the merged result
points into the whole text as given; ids are renumbered in text order and every reference follows them.
An actor named in several pieces (same kind and code, or same kind and name when it has no code; a person
named by surname alone, as the one person met whose name ends with it) is one actor with all its mentions.
What a piece cannot see is lost: a pronoun whose antecedent lies in the piece before, an event mentioned in
two pieces (two events then). News articles are far shorter than a piece: this is for the book-length text
a user raises ``--max-chars`` for (measured: 5 million characters in 7.6 minutes, 0.9 GB resident).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from newsgraph.model import Actor, Article, Extraction, Mention

PIECE_CHARS = 100_000
# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def cut(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each piece: no piece longer than ``size``, ends at the best break in its second half."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start + size // 2 : start + size]
        end = start + size  # no break at all (one long token): a hard cut
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(window)]
            if found:
                end = start + size // 2 + found[-1]
                break
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def piece_article(article: Article, start: int, end: int) -> Article:
    return dataclasses.replace(article, text=article.text[start:end])


def merge(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction of the whole ``article`` from (piece start, piece Extraction) in text order."""
    whole = Extraction(article)
    ids = _Renumbering()
    for offset, part in parts:
        merged = {a.id: (a.code, ids.actor(whole, _moved_actor(a, offset))) for a in part.actors}
        actor_ids = {old: actor.id for old, (_, actor) in merged.items()}
        # an event names its participants by code too: a person merged under another code follows
        codes = {code: actor.code for code, actor in merged.values() if code and actor.code and code != actor.code}
        claim_ids = {c.id: ids.next("C") for c in part.claims}
        event_ids = {e.id: ids.next("E") for e in part.events}
        places, quantities = len(whole.places), len(whole.quantities)

        def actor(x: str | None, table: dict[str, str] = actor_ids) -> str | None:
            return table.get(x, x) if x is not None else None

        def actors(xs: list[str], table: dict[str, str] = actor_ids) -> list[str]:
            return [table.get(x, x) for x in xs]

        whole.sentences += [_moved(s, offset) for s in part.sentences]
        whole.times += [_moved(t, offset) for t in part.times]
        whole.places += [_moved(p, offset) for p in part.places]
        whole.quantities += [_moved(q, offset, claim=claim_ids.get(q.claim or ""), event=event_ids.get(q.event or ""))
                             for q in part.quantities]
        whole.claims += [_moved(c, offset, id=claim_ids[c.id], speaker=actor(c.speaker),
                                chain=[_moved(link, offset, actor=actor(link.actor)) for link in c.chain])
                         for c in part.claims]
        whole.quotes += [_moved(q, offset, id=ids.next("Q"), speaker=actor(q.speaker),
                                claim=claim_ids.get(q.claim or ""), source=_pair(q.source, offset),
                                cue=_pair(q.cue, offset))
                         for q in part.quotes]
        whole.events += [_moved(e, offset, id=event_ids[e.id], claim=claim_ids.get(e.claim or ""),
                                source_actors=actors(e.source_actors), target_actors=actors(e.target_actors),
                                source=_recoded(e.source, codes), target=_recoded(e.target, codes),
                                trigger=_pair(e.trigger, offset),
                                place=None if e.place is None else e.place + places,
                                size=[i + quantities for i in e.size],
                                mentions=[[s + offset, t + offset] for s, t in e.mentions])
                         for e in part.events]
    return whole


def extract_in_pieces(article: Article, extract_piece: Callable[[Article], Any], size: int = PIECE_CHARS) -> Any:
    """``extract_piece`` on every piece; the merged Extraction, or the first piece's failure as it came."""
    parts = []
    for start, end in cut(article.text, size):
        result = extract_piece(piece_article(article, start, end))
        if not isinstance(result, Extraction):
            return result
        parts.append((start, result))
    return merge(article, parts)


class _Renumbering:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.actors: dict[tuple[str, str], Actor] = {}

    def next(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def actor(self, whole: Extraction, actor: Actor) -> Actor:
        """The merged actor for a piece's actor: the one already met under the same identity (or, for a
        person named by one word, the one person met whose name ends with it: "Rutte" after "Mark
        Rutte"), with this one's mentions added; or this one, under a new id."""
        known = self.actors.get((actor.kind, actor.code or actor.name)) or self._surname_of(actor)
        if known is not None:
            known.mentions += actor.mentions
            return known
        actor.id = self.next("A")
        self.actors[(actor.kind, actor.code or actor.name)] = actor
        whole.actors.append(actor)
        return actor

    def _surname_of(self, actor: Actor) -> Actor | None:
        if actor.kind != "person" or " " in actor.name.strip():
            return None
        namesakes = [a for (kind, _), a in self.actors.items()
                     if kind == "person" and a.name.endswith(" " + actor.name.strip())]
        return namesakes[0] if len(namesakes) == 1 else None


def _recoded(codes: list[str], table: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(table.get(c, c) for c in codes))


def _moved(item: Any, offset: int, **changes: Any) -> Any:
    if hasattr(item, "trace"):
        changes["trace"] = _moved_trace(item.trace, offset)
    return dataclasses.replace(item, start=item.start + offset, end=item.end + offset, **changes)


def _moved_actor(actor: Actor, offset: int) -> Actor:
    mentions = [Mention(m.start + offset, m.end + offset, m.text, m.form) for m in actor.mentions]
    return dataclasses.replace(actor, mentions=mentions, trace=_moved_trace(actor.trace, offset))


def _moved_trace(trace: list[list[Any]], offset: int) -> list[list[Any]]:
    """[rule, start, end] with the evidence span moved (None stays None)."""
    return [[rule, *(x + offset if isinstance(x, int) else x for x in span)] for rule, *span in trace]


def _pair(pair: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if pair is None else (pair[0] + offset, pair[1] + offset)
