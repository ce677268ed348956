"""A full name registered after its bare surname: the earlier "Soleimani" rows join "Qasem Soleimani".

The registry files a person named by surname alone under the one registered person of that surname
(identity.find). When the surname comes first (an article that only says "Soleimani" stored before the
one that introduces "Qasem Soleimani"), it got a row of its own; once the full name is registered, that
row joins it, under the same cautions: the full name is the only registered person of that surname, their
countries, affiliations and roles do not conflict, and no article names both as two actors. What the store
keyed by the old row (its articles' actors, aliases, claim origins and figure series' sources) moves with
it, and the series it touched recount their sources and origins.
"""

from __future__ import annotations

import sqlite3

from newsgraph.model import Actor
from newsgraph.store.identity import Name, conflict, translit_key

# A surname is looked up under this key; only bare-surname rows carry it.
BARE = "bs:"
MAX_BARE = 8  # bare rows of one surname considered at most (more: too common to choose)


def bare_key(name: Name) -> str:
    return f"{BARE}{translit_key(name.surname)}"


def remember_bare(conn: sqlite3.Connection, actor_id: int, actor: Actor) -> None:
    """Keep the surname key of a row registered for a bare surname, so a full name can adopt it later."""
    name = Name.of(actor.name, actor.kind)
    if actor.kind == "person" and name.given is None and name.surname:
        conn.execute("INSERT OR IGNORE INTO actor_keys (actor_id, key) VALUES (?, ?)", (actor_id, bare_key(name)))


def adopt_bare_surnames(conn: sqlite3.Connection, actor_id: int, actor: Actor, taken: set[int]) -> list[int]:
    """Join the bare-surname rows that can only be this newly registered full name into its row; returns
    the rows joined. ``taken``: the rows the article's other actors are (never one of them)."""
    name = Name.of(actor.name, actor.kind)
    if actor.kind != "person" or name.given is None or not name.surname:
        return []
    # (whether there is one, not how many: a common surname's rows are not counted at every registration)
    namesakes = conn.execute("SELECT 1 FROM actor_keys WHERE key = ? LIMIT 1",
                             (f"sn:{translit_key(name.surname)}",)).fetchone()
    if namesakes is not None:
        return []  # another registered person of that surname (this one's keys are not kept yet): either
    bare = [int(r[0]) for r in conn.execute("SELECT actor_id FROM actor_keys WHERE key = ? LIMIT ?",
                                            (bare_key(name), MAX_BARE + 1))]
    if len(bare) > MAX_BARE:
        return []
    joined = []
    for old in bare:
        if old == actor_id or old in taken or _apart(conn, old, actor_id, actor):
            continue
        _move(conn, old, actor_id, f"surname of {actor.name}, registered after it")
        joined.append(old)
    return joined


def _apart(conn: sqlite3.Connection, old: int, new: int, actor: Actor) -> bool:
    known = {r[0] for r in conn.execute("SELECT key FROM actor_keys WHERE actor_id = ?", (old,))}
    if conflict(actor, known, bare=True) is not None:
        return True
    both = conn.execute("SELECT 1 FROM article_actors a JOIN article_actors b ON a.article_id = b.article_id "
                        "WHERE a.actor_id = ? AND b.actor_id = ? LIMIT 1", (old, new)).fetchone()
    return both is not None


def _move(conn: sqlite3.Connection, old: int, new: int, reason: str) -> None:
    """Everything keyed by registry row ``old`` now points at ``new``; ``old`` is deleted."""
    conn.execute("UPDATE article_actors SET actor_id = ? WHERE actor_id = ?", (new, old))
    conn.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias, reason) "
                 "SELECT ?, alias, ? FROM actor_aliases WHERE actor_id = ?", (new, reason, old))
    conn.execute("INSERT OR IGNORE INTO actor_keys (actor_id, key) SELECT ?, key FROM actor_keys "
                 "WHERE actor_id = ? AND key NOT LIKE ?", (new, old, f"{BARE}%"))
    old_key, new_key = f"actor:{old}", f"actor:{new}"
    conn.execute("UPDATE claims SET origin_key = ? WHERE origin_key = ?", (new_key, old_key))
    touched = [r[0] for r in conn.execute("SELECT DISTINCT series_id FROM series_points WHERE source_key = ? "
                                          "UNION SELECT DISTINCT series_id FROM series_points WHERE origin_key = ?",
                                          (old_key, old_key))]
    conn.execute("UPDATE series_points SET source_key = ? WHERE source_key = ?", (new_key, old_key))
    conn.execute("UPDATE series_points SET origin_key = ? WHERE origin_key = ?", (new_key, old_key))
    for series_id in touched:
        conn.execute("UPDATE series SET sources = (SELECT count(DISTINCT source_key) FROM series_points "
                     "WHERE series_id = ?), origins = (SELECT count(DISTINCT origin_key) FROM series_points "
                     "WHERE series_id = ?) WHERE id = ?", (series_id, series_id, series_id))
    # (the two are never named in one article: _apart)
    conn.execute("UPDATE actors SET (mention_count, article_count) = (SELECT a.mention_count + o.mention_count, "
                 "a.article_count + o.article_count FROM actors a, actors o WHERE a.id = ? AND o.id = ?) WHERE id = ?",
                 (new, old, new))
    conn.execute("DELETE FROM actors WHERE id = ?", (old,))
