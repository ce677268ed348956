"""Stories: the reports of many outlets on one matter, so a figure whose report leaves its place unsaid is
followed with the story's figures of the same thing, not alone in its report.

An article's *terms* are the places and actors it names most: a place's GeoNames id (or name) and its
country, an actor's code (or name); its ``SALIENT`` most named are kept in ``article_terms(term, article)``
under an index. A new article joins the story of the stored article with which it shares the most terms,
when they weigh at least ``MIN_SHARED`` (a country ``COUNTRY_WEIGHT``, any other term 1) and that article is
dated within ``WINDOW`` of it; else it starts a story. Each article is compared with single articles, not
with the union of a story's terms, which would grow with every report until it drew in everything.

Candidates are found per term, reading at most ``PER_TERM`` of the most recent articles; a term that fills
its ``PER_TERM`` (the United States, the Associated Press in a large store) is common and counts for
nothing. So the cost per article stays bounded, growing like log n with the store, not n.

Two reports of a dam burst that name the same two towns and the same relief body are one story; a report
that shares only its countries, or one body, with them is another. Its story is a figure's place of last
resort: "300 people are missing", in a report that names two countries equally, is the next point of "120
missing" in the story's earlier report, and not of a "missing" in another story's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter, defaultdict

from newsgraph.model import Extraction

SALIENT = 15  # terms that say what an article is about: its most named places and actors
MIN_SHARED = 2.0  # the weight of the terms an article shares with a stored one to join its story
COUNTRY_WEIGHT = 0.5  # a country shared says half as much of the matter as a town, a body or a person
PER_TERM = 32  # the most recent articles read per term; a term found in as many is common and counts for nothing
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
        if a.anonymous or (a.code is None and a.name.islower()) or (a.code or "").startswith("GRP:"):
            continue  # ("officials", "scientists", "police": nobody in particular)
        term = f"c:{a.code}" if a.kind == "state" and a.code else f"a:{a.code or a.name.casefold()}"
        counts[term] += max(1, len(a.mentions))
    # (most named first; a tie goes to the one named first, which is the likelier subject)
    return [term for term, _ in counts.most_common(SALIENT)]


def assign_story(conn: sqlite3.Connection, ext: Extraction, rowid: int) -> int | None:
    """The story of an article being stored (``rowid``, its row's), creating one as needed and indexing the
    article's terms; None for an article that names no place and no actor, which is no story's. The caller
    records it in ``articles.story_id``."""
    terms = story_terms(ext)
    if not terms:
        return None
    published = ext.article.published
    story_id = _nearest_story(conn, terms, published)
    day = published.isoformat() if published else None
    if story_id is None:
        story_id = int(conn.execute("INSERT INTO stories (first_published, last_published) VALUES (?, ?)",
                                    (day, day)).lastrowid or 0)
    else:
        conn.execute("UPDATE stories SET articles = articles + 1, "
                     "first_published = min(coalesce(first_published, ?), coalesce(?, first_published)), "
                     "last_published = max(coalesce(last_published, ?), coalesce(?, last_published)) WHERE id = ?",
                     (day, day, day, day, story_id))
    conn.executemany("INSERT OR IGNORE INTO article_terms (term, article) VALUES (?, ?)",
                     [(t, rowid) for t in terms])
    return story_id


def _nearest_story(conn: sqlite3.Connection, terms: list[str], published: dt.date | None) -> int | None:
    """The story of the stored article sharing the most uncommon terms with these (weighing ``MIN_SHARED`` or
    more), dated within ``WINDOW``; ties go to the most recent."""
    shared: dict[int, float] = defaultdict(float)
    for term in terms:
        rows = conn.execute("SELECT article FROM article_terms WHERE term = ? ORDER BY article DESC LIMIT ?",
                            (term, PER_TERM)).fetchall()
        if len(rows) >= PER_TERM:
            continue  # a common term (the United States, a wire agency) says nothing of the matter
        weight = COUNTRY_WEIGHT if term.startswith("c:") else 1.0
        for r in rows:
            shared[int(r[0])] += weight
    for article, n in sorted(shared.items(), key=lambda kv: (-kv[1], -kv[0])):
        if n < MIN_SHARED:
            return None
        row = conn.execute("SELECT story_id, published FROM articles WHERE rowid = ?", (article,)).fetchone()
        if row is None or row[0] is None:
            continue
        if published is None or row[1] is None or abs(dt.date.fromisoformat(row[1][:10]) - published) <= WINDOW:
            return int(row[0])
    return None
