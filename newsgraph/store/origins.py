"""Who published an article, and where each of its claims comes from.

``outlet_of``: the URL's host (without ``www.``); for a text without one, the wire agency its dateline
names ("SEOUL, South Korea (AP) —" gives "AP"); else None.

``claim_origin``: the origin of a claim is the last link of its source chain (links run from the
immediate source to the origin), named by the registry actor it resolves to, else by the link's own
text; a claim with neither chain nor speaker is the outlet's own reporting. Its ``key`` says what counts
as one origin: ``actor:<registry id>``, ``name:<normalised text>``, or ``report:<root article id>`` for
the outlet's own voice, where the root is the article itself or the article it is a wire copy of, so
the same wire text in ten outlets is one origin (``newsgraph.store.corroboration`` counts them).
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

from newsgraph.model import Article, Claim, Extraction
from newsgraph.nlp.words import DATELINE_DASHES

_DASHES = "|".join(re.escape(d) for d in sorted(DATELINE_DASHES, key=len, reverse=True))
# A dateline opening the text: the town in capitals ("SEOUL", "NEW DELHI", "ST. PETERSBURG"), maybe a
# comma and its region or date ("South Korea", "Ky.", "Oct 28"), the outlet in brackets (a name: it
# opens with a capital), then a dash.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’-]*\s+|[A-Z][A-Z.'’-]*(?=[,(]))+"
    r"(?:,\s*(?:(?:[A-Z][\w.]*|\d{1,4}),?\s*){1,5})?(?:" + _DASHES + r")?"
    r"\(\s*(?P<outlet>[A-Z][^()]{0,60}?)\s*\)\s*(?:" + _DASHES + r")")
# Inside the brackets the outlet may carry a date or a ticker: "(Marketwire - December 23, 2010)".
_OUTLET_END = re.compile(r"\s+(?:" + _DASHES + r")\s+|,|;|:")


@dataclass(frozen=True)
class Origin:
    """A claim's origin: ``name`` to show, ``key`` to count (equal keys are one origin)."""

    name: str
    key: str


def outlet_of(article: Article) -> str | None:
    """The publisher: the URL's host without ``www.``, else the outlet a dateline names, else None."""
    host = urlparse(article.url).hostname if article.url else None
    if host:
        return host.lower().removeprefix("www.")
    return dateline_outlet(article.text)


# Host labels that name no outlet: sub-sites, language editions, registry suffixes, documentation hosts.
_GENERIC_LABELS = frozenset({"www", "m", "amp", "news", "live", "edition", "en", "com", "org", "net", "co", "uk",
                             "info", "int", "gov", "ac", "example", "invalid", "test", "localhost"})
# A name in the text: capitalised words, with the small words names carry ("Horn and Sahel Policy Centre").
# ("Centre for Health Security in Africa" is "example-chsa.org")
_NAME = re.compile(r"\b(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|the|in|&)\s+)?[A-Z][\w'’-]*)*")
_SMALL_WORDS = frozenset({"the", "and", "of", "for", "in", "&"})
# Words that, after a host's own word, name the outlet or body it is: "Tideway News", "Causeway Institute".
_OUTLET_WORDS = frozenset({
    "news", "times", "post", "herald", "tribune", "broadcasting", "radio", "tv", "television", "daily", "gazette",
    "journal", "courier", "chronicle", "standard", "press", "wire", "express", "telegraph", "observer", "mail",
    "media", "magazine", "review", "monitor", "agency", "institute", "centre", "center", "trust", "foundation",
    "network", "group", "council", "forum", "initiative", "project", "watch", "factcheck", "check"})


def outlet_name(host: str | None, text: str) -> str | None:
    """A readable name for the outlet at ``host``: the name the text itself gives it when one matches the
    host ("example-hspc.org" and "the Horn and Sahel Policy Centre": its initials; "harbourside-times" and
    "The Harbourside Times"), else the host's own name in words ("news.channel-eleven.example" gives
    "Channel Eleven", "bbc.co.uk" "BBC"). None without a host."""
    if not host:
        return None
    labels = [lab for lab in host.lower().split(".") if lab not in _GENERIC_LABELS and not lab.isdigit()]
    if not labels:
        return host
    words = [w for w in max(labels, key=len).split("-") if w and w not in _GENERIC_LABELS]
    if not words:
        return host
    compact = "".join(words)
    names = [m.group(0) for m in _NAME.finditer(text)]  # (one pass over the text for both readings)
    named = _named_whole(names, compact) or _named_by_first_word(names, words[0])
    if named is not None:
        return named
    if len(words) == 1 and len(compact) <= 4:
        return compact.upper()  # "bbc", "cnn", "hspc": an acronym
    return " ".join(w.capitalize() for w in words)


def _named_whole(names: list[str], compact: str) -> str | None:
    """A name of the text (``names``) that is the host's words run together, or their initials ("The Harbourside Times",
    "the Horn and Sahel Policy Centre" for "hspc")."""
    for found in names:
        core = [w for w in re.split(r"[\s-]+", found.lower()) if w and w not in _SMALL_WORDS]
        if "".join(core) == compact or (len(core) >= 3 and "".join(w[0] for w in core) == compact):
            return found
    return None


def _named_by_first_word(names: list[str], first: str) -> str | None:
    """A name of the text (``names``) that opens with the host's own first word and goes on with words that
    name an outlet or a body ("tideway-broadcasting" and "Tideway News", "example-causeway" and "the Causeway
    Institute"), up to the first word that names none ("Meridian News in Port-au-Prince" is Meridian News)."""
    if len(first) < 4 or first in _OUTLET_WORDS:
        return None  # ("daily-star" shares a word with "The Daily Mail", no more)
    for found in names:
        named = re.sub(r"^The\s+", "", found).split()
        kept = named[:1] + list(itertools.takewhile(lambda w: w.lower() in _OUTLET_WORDS, named[1:]))
        if len(kept) >= 2 and kept[0].lower() == first:
            return " ".join(kept)
    return None


def dateline_outlet(text: str) -> str | None:
    """The outlet named in brackets in the dateline that opens a text ("KABUL (Reuters) -" gives "Reuters")."""
    match = _DATELINE.match(text[:200])
    if match is None:
        return None
    name = _OUTLET_END.split(match.group("outlet"), maxsplit=1)[0].strip()
    return name or None


def normalised_name(text: str) -> str:
    """A source's text as a key: lowercase, no punctuation, no leading article, one space between words
    ("the Interior Ministry's" and "Interior Ministry" are one)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"\w+", text)
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def claim_origin(claim: Claim, registry: Mapping[str, tuple[int, str]], report: Origin) -> Origin:
    """The origin of a claim. ``registry`` maps the article's local actor ids to (registry id, name);
    ``report`` is the outlet's own reporting (``own_report``), the origin of an unsourced claim."""
    if claim.chain:
        link = claim.chain[-1]
        if link.actor and link.actor in registry:
            return _actor_origin(registry[link.actor])
        key = normalised_name(link.text)
        if key:
            return Origin(link.text, f"name:{key}")
    if claim.speaker and claim.speaker in registry:
        return _actor_origin(registry[claim.speaker])
    # no usable source named: what the outlet itself reports (or a speaker the registry never saw, which
    # the store cannot tell apart from it)
    return report


def _actor_origin(entry: tuple[int, str]) -> Origin:
    registry_id, name = entry
    return Origin(name, f"actor:{registry_id}")


def own_report(conn: sqlite3.Connection, article_id: str) -> Origin:
    """The outlet's own reporting as an origin: keyed by the root article (the article, or the one it is a
    wire copy of), named by the root's outlet (else its id)."""
    row = conn.execute(
        "SELECT r.id, r.outlet, r.title, r.text FROM articles a JOIN articles r ON r.id = coalesce(a.copy_of, a.id) "
        "WHERE a.id = ?", (article_id,)).fetchone()
    if row is None:
        raise LookupError(f"article {article_id!r} is not stored; write it before its claims' origins")
    root, outlet = str(row[0]), row[1]
    return Origin(outlet_name(outlet, f"{row[2] or ''}\n{row[3]}") or root, f"report:{root}")


def registry_of(conn: sqlite3.Connection, article_id: str) -> dict[str, tuple[int, str]]:
    """The article's local actor ids with their registry ids and names (written by ``_write_actors``)."""
    rows = conn.execute(
        "SELECT aa.local_id, r.id, r.name FROM article_actors aa JOIN actors r ON r.id = aa.actor_id "
        "WHERE aa.article_id = ?", (article_id,))
    return {str(local): (int(rid), str(name)) for local, rid, name in rows}


def write_claim_origins(conn: sqlite3.Connection, ext: Extraction) -> None:
    """Set ``claims.origin`` and ``claims.origin_key`` for every claim of a stored article: after its
    actors (the registry ids) and its ``copy_of`` are written."""
    article_id = ext.article.id
    registry, report = registry_of(conn, article_id), own_report(conn, article_id)
    rows = []
    for idx, claim in enumerate(ext.claims):
        origin = claim_origin(claim, registry, report)
        rows.append((origin.name, origin.key, article_id, idx))
    conn.executemany("UPDATE claims SET origin = ?, origin_key = ? WHERE article_id = ? AND idx = ?", rows)
