"""Who gives a figure (newsgraph/store/series.py): the source named by the claim it is stated in, the reporter
of the figure itself, or the outlet; with the origin at the end of its chain."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from newsgraph.model import Claim, Extraction, Quantity
from newsgraph.store.descriptions import body_kind, describes_a_body, named, recent_body

FIRST_PERSON = frozenset({"we", "i", "us"})  # a source the report's own authors are
OWN_PEOPLE = frozenset({"our", "my"})  # a source that is the authors' own people: "Our monitors estimate"
# a source that is the report itself: "An earlier version of this article said"
OWN_WORK = re.compile(r"\b(?:this|the present) (?:article|report|story|page|brief|note)\b", re.IGNORECASE)


@dataclass
class Voice:
    """Who gives a figure: the source, the origin of its claim and the chain between them."""

    source: str
    source_key: str
    origin: str
    origin_key: str
    chain: list[str]


def voice_of(conn: sqlite3.Connection, ext: Extraction, claim: Claim | None, outlet: str | None,
             outlet_shown: str | None = None) -> Voice:
    """Who gives a figure stated in ``claim`` (None: the outlet itself). ``outlet`` is the outlet's key (its
    host), ``outlet_shown`` the name it is shown by (``origins.outlet_name``)."""
    article_id = ext.article.id
    # the outlet's own voice; an article with no URL or dateline names no outlet: it is its own source
    name, key = (outlet_shown or outlet, f"outlet:{outlet}") if outlet else ("the report", f"report:{article_id}")
    own = Voice(name, key, name, key, [])
    if claim is None:
        return own
    chain = [link.text for link in claim.chain]
    row = conn.execute("SELECT origin, origin_key FROM claims WHERE article_id = ? AND local_id = ?",
                       (article_id, claim.id)).fetchone()
    origin, origin_key = (row[0], row[1]) if row and row[0] else (None, None)
    if chain and (chain[0].split()[0].lower() in OWN_PEOPLE or OWN_WORK.search(chain[0])):
        return own  # ("Our monitors in the camps estimate ...": the report's authors, whom the outlet stands for)
    speaker = named_speaker(ext, claim)
    if speaker is not None:
        found = registry_actor(conn, article_id, speaker)
        if found:
            source, source_key = _body_of_state(found[2], str(found[1]), chain) or (
                _speaking_for(found[2], chain) or str(found[1]), f"actor:{found[0]}")
            if speaker != claim.speaker and len(chain) <= 1:  # the claim's origin was the description
                origin, origin_key = source, source_key
            return Voice(source, source_key, origin or source, origin_key or source_key, chain)
    if chain and chain[0].strip().lower() not in FIRST_PERSON:
        name = " ".join(chain[0].split())
        key = f"name:{name.lower()}"
        return Voice(name, key, origin or name, origin_key or key, chain)
    # ("We estimate that ...", outside quotes: the report's own authors, whom the outlet stands for)
    return Voice(own.source, own.source_key, origin or own.origin, origin_key or own.origin_key, [])


def registry_actor(conn: sqlite3.Connection, article_id: str, local_id: str) -> tuple[int, str, str] | None:
    """The registry row (id, name, kind) of an actor of a stored article, by its local id."""
    row = conn.execute("SELECT r.id, r.name, r.kind FROM article_actors aa JOIN actors r ON r.id = aa.actor_id "
                       "WHERE aa.article_id = ? AND aa.local_id = ?", (article_id, local_id)).fetchone()
    return None if row is None else (int(row[0]), str(row[1]), str(row[2]))


def figure_voice(conn: sqlite3.Connection, ext: Extraction, q: Quantity, claim: Claim | None, outlet: str | None,
                 outlet_shown: str | None = None) -> Voice:
    """Who gives a figure: who reports the figure itself ("the WHO reported 1,051,635 cases"), unless its
    sentence puts that report in another source's mouth ("The DRC has recorded 14,000 cases, the WHO said";
    "Tedros says Burundi has confirmed 170 cases": the WHO's, Tedros's); else the claim's source."""
    reporter = reporter_voice(conn, ext, q)
    if reporter is None or claim is None or claim.speaker is None or claim.speaker == q.source:
        return reporter or voice_of(conn, ext, claim, outlet, outlet_shown)
    spoken = voice_of(conn, ext, claim, outlet, outlet_shown)
    return reporter if spoken.source_key.startswith(("outlet:", "report:")) else spoken


def reporter_voice(conn: sqlite3.Connection, ext: Extraction, q: Quantity) -> Voice | None:
    """Who reports the figure itself ("the WHO reported 1,051,635 cases"): its source and its origin."""
    if q.source is None:
        return None
    found = registry_actor(conn, ext.article.id, q.source)
    if found is None:
        return None
    name, key = str(found[1]), f"actor:{found[0]}"
    return Voice(name, key, name, key, [name])


def named_speaker(ext: Extraction, claim: Claim) -> str | None:
    """The local id of who gives a claim, by name where the text names them: "the official WHO report" is
    the WHO's; "the spy agency" is the one named organization the last sentences mentioned (the NIS)."""
    actors = {a.id: a for a in ext.actors}
    speaker = actors.get(claim.speaker) if claim.speaker else None
    if speaker is None or named(speaker):
        return claim.speaker
    link = claim.chain[0] if claim.chain else None
    if link is not None:
        inside = sorted((m.start, a.id) for a in ext.actors if a.id != speaker.id and a.kind != "state" and named(a)
                        for m in a.mentions if link.start <= m.start and m.end <= link.end)
        if inside:
            return inside[0][1]
    if describes_a_body(speaker):
        body = recent_body(ext, claim.start, body_kind(speaker), speaker.name.split()[-1].lower())
        return body.id if body is not None else claim.speaker
    return claim.speaker


# Who speaks for a body: "a UN spokesperson", "a WHO official" are shown as the text names them.
SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "officials", "representative",
                          "envoy", "source", "sources"})


def _speaking_for(kind: str, chain: list[str]) -> str | None:
    """"a UN spokesperson said": the body's voice as the text names it ("UN spokesperson"), though the
    registry files the figure under the body (one origin with the body's own statements)."""
    if kind in ("person", "state") or not chain:
        return None
    if "," in chain[0]:
        return None  # ("the agency's spokesperson, Nadia Karim": a person named, who is the source)
    # ("a UN official who spoke on condition of anonymity": the description before what it says of them)
    words = re.split(r"\s(?:who|that|speaking|familiar)\s", chain[0], maxsplit=1)[0].split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if not 2 <= len(words) <= 4 or words[-1].lower() not in SPOKESPEOPLE or not words[0][:1].isupper():
        return None  # (the body named by its own name: "UN official", "WHO spokesman")
    return " ".join(words)


def _body_of_state(kind: str, name: str, chain: list[str]) -> tuple[str, str] | None:
    """A state's body speaking ("South Korea's military", "the spy agency") is its own source: the
    registry files it under its state, but the military and the spy agency are two voices."""
    if kind != "state" or not chain:
        return None
    said = " ".join(chain[0].split())
    said = said[4:] if said.lower().startswith("the ") else said
    if said.lower() == name.lower() or len(said) <= len(name):
        return None
    return said, f"name:{said.lower()}"
