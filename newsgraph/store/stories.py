"""Stories: the reports of many outlets on one matter, so a figure whose report leaves its place unsaid is
followed with the story's figures of the same thing, not alone in its report.

An article's *terms* are the places and actors it names most: a place's GeoNames id (or name) and its
country, an actor's code (or name). Its salient terms are the ``SALIENT`` named most often. A new article
joins the stored story with which it shares the most salient terms, when they are at least ``MIN_SHARED``
and the story's reports run to within ``WINDOW`` of its date; else it starts a story. Candidate
stories are found through ``story_terms(term, story_id)`` under an index, reading at most ``PER_TERM`` of
the most recent stories per term, so the cost per article grows like log n with the store, not n.

Two reports of a dam burst that name the same two towns and the same relief body are one story; a report
that shares only its countries, or one body, with them is another (a story must share ``MIN_SHARED`` terms,
one of which is no country). Its story is a figure's place of last resort: "300 people are missing", in a
report that names two countries equally, is the next point of "120 missing" in the story's earlier report,
and not of a "missing" in another story's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter

from newsgraph.model import Extraction

SALIENT = 15  # terms that say what an article is about: its most named places and actors
MIN_SHARED = 2  # salient terms an article shares with a story to join it (one country or one agency is not enough)
PER_TERM = 32  # the most recent stories read per term: a country named by thousands of stories costs 32 rows
WINDOW = dt.timedelta(days=120)  # as series.EPISODE_GAP: a matter may go unreported for a season


def story_terms(ext: Extraction) -> list[str]:
    """The ``SALIENT`` places and actors an article names most, as terms: "p:2643743", "c:GBR", "a:UNHCR"."""
    counts: Counter[str] = Counter()
    for p in ext.places:
        if p.stands_for:
            counts[f"c:{p.stands_for}"] += 1  # ("Moscow said": the state, not the city)
            continue
        if p.country and p.level == "country":
            counts[f"c:{p.country}"] += 1  # (a country named as a place and as a state is one term)
            continue
        counts[f"p:{p.geonameid}" if p.geonameid else f"p:{p.name.casefold()}"] += 1
        if p.country:
            counts[f"c:{p.country}"] += 1
    for a in ext.actors:
        if a.anonymous or (a.code is None and a.name.islower()):
            continue  # ("officials", "scientists": nobody in particular)
        term = f"c:{a.code}" if a.kind == "state" and a.code else f"a:{a.code or a.name.casefold()}"
        counts[term] += max(1, len(a.mentions))
    # (most named first; a tie goes to the one named first, which is the likelier subject)
    return [term for term, _ in counts.most_common(SALIENT)]


def assign_story(conn: sqlite3.Connection, ext: Extraction) -> int | None:
    """Put a stored article in its story, creating one as needed; returns the story's id (None for an
    article that names no place and no actor, which is no story's)."""
    terms = story_terms(ext)
    if not terms:
        return None
    published = ext.article.published
    story_id = _best_story(conn, terms, published)
    day = published.isoformat() if published else None
    if story_id is None:
        story_id = int(conn.execute("INSERT INTO stories (first_published, last_published) VALUES (?, ?)",
                                    (day, day)).lastrowid or 0)
    else:
        conn.execute("UPDATE stories SET articles = articles + 1, "
                     "first_published = min(coalesce(first_published, ?), coalesce(?, first_published)), "
                     "last_published = max(coalesce(last_published, ?), coalesce(?, last_published)) WHERE id = ?",
                     (day, day, day, day, story_id))
    conn.executemany("INSERT OR IGNORE INTO story_terms (term, story_id) VALUES (?, ?)",
                     [(t, story_id) for t in terms])
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, ext.article.id))
    return story_id


def _best_story(conn: sqlite3.Connection, terms: list[str], published: dt.date | None) -> int | None:
    shared: Counter[int] = Counter()
    particular: set[int] = set()  # stories sharing a term that is no country: a town, a body, a person
    for term in terms:
        rows = conn.execute("SELECT story_id FROM story_terms WHERE term = ? ORDER BY story_id DESC LIMIT ?",
                            (term, PER_TERM)).fetchall()
        shared.update(int(r[0]) for r in rows)
        if not term.startswith("c:"):
            particular.update(int(r[0]) for r in rows)
    for story_id, n in sorted(shared.items(), key=lambda kv: (-kv[1], -kv[0])):
        if n < MIN_SHARED:
            return None
        if story_id in particular and (published is None or _within(conn, story_id, published)):
            return story_id
    return None


def _within(conn: sqlite3.Connection, story_id: int, day: dt.date) -> bool:
    row = conn.execute("SELECT first_published, last_published FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None or row[0] is None or row[1] is None:
        return True
    return dt.date.fromisoformat(row[0]) - WINDOW <= day <= dt.date.fromisoformat(row[1]) + WINDOW

