"""How many independent origins stand behind a set of claims or figures.

Ten outlets repeating one intelligence service are one origin, and the same wire text in ten outlets is
one report: what counts is the distinct ``origin_key`` (``newsgraph.store.origins``), never the number
of articles or outlets. A figure's origin is the origin of the claim it belongs to
(``quantities.claim_id``), else the outlet's own reporting of its root article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# A claim's stored origin key; an article's own reporting keyed by its root (itself or what it copies),
# for a claim stored before origins were kept or a figure outside any claim.
_KEY = "coalesce(c.origin_key, 'report:' || coalesce(a.copy_of, a.id))"


def independent_origins(keys: Iterable[str | None]) -> int:
    """The number of independent origins among ``origin_key`` values: distinct keys, None ignored.

    The keys are those stored in ``claims.origin_key`` (and copied into ``series_points.origin_key``):
    ``actor:<registry id>``, ``name:<normalised source text>`` or ``report:<root article id>``. Equal keys
    are one origin however many articles or outlets carry them."""
    return len({k for k in keys if k})


def origin_key(conn: sqlite3.Connection, article_id: str, claim_id: str | None) -> str:
    """The origin key of what an article states in a claim (its local id), or outside any (None)."""
    row = conn.execute(
        f"SELECT {_KEY} FROM articles a LEFT JOIN claims c ON c.article_id = a.id AND c.local_id = ? "
        "WHERE a.id = ?", (claim_id, article_id)).fetchone()
    return str(row[0]) if row is not None else f"report:{article_id}"


def claim_origin_keys(conn: sqlite3.Connection, claims: Iterable[tuple[str, str]]) -> list[str]:
    """The origin keys of claims given as (article id, claim local id), in order; an unknown claim gives
    none."""
    out = []
    for article_id, local_id in claims:
        row = conn.execute(
            f"SELECT {_KEY} FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE c.article_id = ? AND c.local_id = ?", (article_id, local_id)).fetchone()
        if row is not None:
            out.append(str(row[0]))
    return out


def figure_origin_keys(conn: sqlite3.Connection, figures: Iterable[tuple[str, int]]) -> list[str]:
    """The origin keys of figures given as (article id, quantity idx): their claim's, else the report's."""
    out = []
    for article_id, idx in figures:
        row = conn.execute(
            f"SELECT {_KEY} FROM quantities q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN claims c ON c.article_id = q.article_id AND c.local_id = q.claim_id "
            "WHERE q.article_id = ? AND q.idx = ?", (article_id, idx)).fetchone()
        if row is not None:
            out.append(str(row[0]))
    return out


def corroboration(conn: sqlite3.Connection, claims: Iterable[tuple[str, str]] = (),
                  figures: Iterable[tuple[str, int]] = ()) -> int:
    """The number of independent origins behind these claims ((article id, local id)) and figures
    ((article id, quantity idx)) together."""
    return independent_origins([*claim_origin_keys(conn, claims), *figure_origin_keys(conn, figures)])
