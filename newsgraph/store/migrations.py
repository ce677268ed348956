"""Named schema migrations, applied in order, each once, each in its own transaction.

Never edit a migration that has shipped: add a new one. ``_migrations`` records what a store has.
Every item table keeps the queryable fields as columns and the whole item, as ``newsgraph extract``
writes it, in ``data`` (JSON), so new item fields need no migration and ``show`` returns them.
"""

from __future__ import annotations

import sqlite3

_ITEM_COLUMNS = """
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence_idx INTEGER,
    data TEXT NOT NULL,
"""

INITIAL = f"""
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    text_sha1 TEXT NOT NULL UNIQUE,
    title TEXT,
    url TEXT,
    published TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- The actor registry: one row per real-world actor across articles.
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT,
    country TEXT
);
CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
-- An actor as it appears in one article: its local id, role and affiliation there.
CREATE TABLE article_actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    name TEXT NOT NULL,
    role TEXT,
    affiliation TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (article_id, local_id) REFERENCES article_actors(article_id, local_id) ON DELETE CASCADE
);

CREATE TABLE times ({_ITEM_COLUMNS}
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE places ({_ITEM_COLUMNS}
    name TEXT NOT NULL,
    country TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    level TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE quantities ({_ITEM_COLUMNS}
    value REAL NOT NULL,
    bound TEXT NOT NULL,
    unit TEXT,
    counted TEXT,
    category TEXT,
    claim_id TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE claims ({_ITEM_COLUMNS}
    local_id TEXT NOT NULL,
    modality TEXT NOT NULL,
    speaker TEXT,
    time TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE quotes ({_ITEM_COLUMNS}
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    claim_id TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events ({_ITEM_COLUMNS}
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    status TEXT NOT NULL,
    time TEXT,
    time_start TEXT,
    time_end TEXT,
    place_idx INTEGER,
    claim_id TEXT,
    PRIMARY KEY (article_id, idx)
);
-- One row per coded participant, so events can be found by actor code.
CREATE TABLE event_actors (
    article_id TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('source', 'target')),
    code TEXT NOT NULL,
    FOREIGN KEY (article_id, event_idx) REFERENCES events(article_id, idx) ON DELETE CASCADE
);

CREATE INDEX mentions_article ON mentions(article_id, local_id);
CREATE INDEX article_actors_actor ON article_actors(actor_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_time ON events(time_start, time_end);
CREATE INDEX event_actors_code ON event_actors(code);
CREATE INDEX places_name ON places(name);
CREATE INDEX quotes_speaker ON quotes(article_id, speaker);
"""

# Cross-article event merging: reports of the same real-world event share a cluster (see store/clusters.py).
EVENT_CLUSTERS = """
CREATE TABLE event_clusters (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    polarity TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    time_start TEXT,
    time_end TEXT,
    country TEXT,
    label TEXT NOT NULL,
    reports INTEGER NOT NULL DEFAULT 0,
    sources INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE events ADD COLUMN cluster_id INTEGER REFERENCES event_clusters(id);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX event_clusters_type ON event_clusters(type, time_start);
"""

# A record whose text is already stored under another id: the second id finds the stored article.
ARTICLE_ALIASES = """
CREATE TABLE article_aliases (
    alias TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin TEXT
);
CREATE INDEX article_aliases_article ON article_aliases(article_id);
"""

# Across reports: who published an article and whether it is a copy of another (store/copies.py), where
# each claim comes from (store/origins.py), why the registry holds two names as one actor
# (store/identity.py), and figure series (store/series.py).
ACROSS_REPORTS = """
ALTER TABLE articles ADD COLUMN outlet TEXT;
ALTER TABLE articles ADD COLUMN copy_of TEXT;
CREATE INDEX articles_copy_of ON articles(copy_of);
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL,
    shingles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_hash ON article_bands(band, hash);
CREATE INDEX article_bands_article ON article_bands(article_id);

ALTER TABLE claims ADD COLUMN origin TEXT;
ALTER TABLE claims ADD COLUMN origin_key TEXT;
CREATE INDEX claims_origin ON claims(origin_key);
ALTER TABLE event_clusters ADD COLUMN origins INTEGER NOT NULL DEFAULT 0;
-- the outlets and origins a cluster has counted, so a new report adds to its counts without rereading them
CREATE TABLE cluster_voices (
    cluster_id INTEGER NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('outlet', 'origin')),
    key TEXT NOT NULL,
    PRIMARY KEY (cluster_id, kind, key)
) WITHOUT ROWID;
CREATE INDEX event_clusters_recent ON event_clusters(type, polarity, id);

ALTER TABLE actor_aliases ADD COLUMN reason TEXT;

CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    base_key TEXT NOT NULL,
    label TEXT NOT NULL,
    counted TEXT NOT NULL,
    owner TEXT,
    place TEXT,
    measure TEXT NOT NULL,
    points INTEGER NOT NULL DEFAULT 0,
    sources INTEGER NOT NULL DEFAULT 0,
    origins INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published TEXT
);
CREATE TABLE series_points (
    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    value REAL NOT NULL,
    high REAL,
    bound TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT,
    source_key TEXT,
    origin TEXT,
    origin_key TEXT,
    chain TEXT,
    outlet TEXT,
    published TEXT,
    time TEXT,
    time_start TEXT,
    time_end TEXT,
    PRIMARY KEY (article_id, idx),
    FOREIGN KEY (article_id, idx) REFERENCES quantities(article_id, idx) ON DELETE CASCADE
);
CREATE INDEX series_points_series ON series_points(series_id, time_start);
CREATE INDEX series_points_source ON series_points(series_id, source_key);
CREATE INDEX series_points_origin ON series_points(series_id, origin_key);
CREATE INDEX series_points_source_key ON series_points(source_key);
CREATE INDEX series_points_origin_key ON series_points(origin_key);
CREATE INDEX series_label ON series(counted, owner, place);
CREATE INDEX series_base ON series(base_key, id);
CREATE INDEX actors_code ON actors(code);
"""

# The registry's lookup keys (store/identity.py): each registered actor's transliteration, surname, given-name
# and initials keys and its known country, affiliation and role, so a new name finds the few registered
# actors it may be by index, never by a scan. The actors stored before it are marked 'pending:': their keys
# are made (in Python: transliteration is no SQL) by the next write.
ACTOR_KEYS = """
CREATE TABLE actor_keys (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX actor_keys_key ON actor_keys(key);
INSERT INTO actor_keys (actor_id, key) SELECT id, 'pending:' FROM actors;
"""

# Stories (store/stories.py): the reports of many outlets on one matter, found through the places and actors
# each article names most (article_terms, by index), so a figure whose report leaves its place unsaid is
# followed in its story.
# Articles stored before it belong to no story (their figures stay in their reports) until ingested again.
STORIES = """
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL DEFAULT 1,
    first_published TEXT,
    last_published TEXT
);
CREATE TABLE article_terms (
    term TEXT NOT NULL,
    article INTEGER NOT NULL,  -- the article's rowid
    PRIMARY KEY (term, article)
) WITHOUT ROWID;
ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
CREATE INDEX articles_story ON articles(story_id);
"""

# `newsgraph watch` (service/watch.py): the feeds it polls, with what their servers said last (ETag and
# Last-Modified, for conditional requests), and every entry URL it has handled and how, so that a restart
# fetches nothing twice. An entry's url is its normalised link, the id its article is stored under.
WATCH = """
CREATE TABLE watched_feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled_at TEXT,
    last_status TEXT,
    polls INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    already INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watched_entries (
    url TEXT PRIMARY KEY,
    feed TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_tried_at TEXT,
    tries INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL CHECK (outcome IN ('stored', 'already stored', 'rejected', 'given up')),
    reason TEXT,
    article_id TEXT
);
CREATE INDEX watched_entries_feed ON watched_entries(feed, outcome);
"""

# Indexes for a store of hundreds of thousands of articles (bench/scale.py measures it). Event clusters by the
# days they cover, in three tiers of span (store/clusters.py: a report's candidates are found by index in each,
# never by walking every cluster of its type).
SCALE_INDEXES = """
CREATE INDEX event_clusters_day ON event_clusters(type, polarity, time_start, time_end)
    WHERE coalesce(julianday(time_end) - julianday(time_start), 1e9) <= 15;
CREATE INDEX event_clusters_short ON event_clusters(type, polarity, time_start, time_end)
    WHERE coalesce(julianday(time_end) - julianday(time_start), 1e9) > 15
    AND coalesce(julianday(time_end) - julianday(time_start), 1e9) <= 62;
CREATE INDEX event_clusters_medium ON event_clusters(type, polarity, time_start, time_end)
    WHERE coalesce(julianday(time_end) - julianday(time_start), 1e9) > 62
    AND coalesce(julianday(time_end) - julianday(time_start), 1e9) <= 400;
CREATE INDEX event_clusters_long ON event_clusters(type, polarity, time_start, time_end)
    WHERE coalesce(julianday(time_end) - julianday(time_start), 1e9) > 400;
-- the day events are listed by (when it happened, else its report's date), so a page of them is read by index
ALTER TABLE events ADD COLUMN day TEXT;
UPDATE events SET day = coalesce(time_start, (SELECT a.published FROM articles a WHERE a.id = events.article_id));
CREATE INDEX events_day ON events(day, article_id, idx);
-- an event's actor by code, to the event: "is USA in this report" is one search, not a walk of USA's reports
DROP INDEX event_actors_code;
CREATE INDEX event_actors_code ON event_actors(code, article_id, event_idx);
-- the orders lists are shown in, so the first page is read by index, not by sorting every row
CREATE INDEX articles_published ON articles(published, id, title);
-- who speaks, by name: a speaker filter reads this index, then the quotes and claims of the speakers found
CREATE INDEX article_actors_name ON article_actors(name, article_id, local_id);
CREATE INDEX claims_speaker ON claims(article_id, speaker);
CREATE INDEX event_clusters_rank ON event_clusters(origins DESC, sources DESC, reports DESC, id);
CREATE INDEX series_rank ON series(sources DESC, points DESC, id);
-- the map's places with what it groups and counts, so it reads this index and not the places' rows
CREATE INDEX places_map ON places(name, country, level, lat, lon, article_id, text)
    WHERE lat IS NOT NULL AND json_extract(data, '$.stands_for') IS NULL;
-- each registered actor's mentions, counted as they are written (query_actors lists the most named first)
ALTER TABLE actors ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
UPDATE actors SET mention_count = (SELECT count(*) FROM mentions m JOIN article_actors aa
    ON aa.article_id = m.article_id AND aa.local_id = m.local_id WHERE aa.actor_id = actors.id),
    article_count = (SELECT count(DISTINCT aa.article_id) FROM article_actors aa WHERE aa.actor_id = actors.id);
CREATE INDEX actors_rank ON actors(mention_count DESC, name);
-- the roles an actor was given (query_actors), without reading the many rows that give it none (a state's)
CREATE INDEX article_actors_role ON article_actors(actor_id, role) WHERE role IS NOT NULL;
-- the summary's counts: actors by the articles naming them (report.top_actors), events by type and status,
-- and each category's figures by value, read from indexes rather than the item rows
CREATE INDEX actors_docs ON actors(article_count DESC, mention_count DESC);
DROP INDEX events_type;
CREATE INDEX events_type ON events(type, status);
CREATE INDEX quantities_category ON quantities(category, value);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", INITIAL),
    ("0002_event_clusters", EVENT_CLUSTERS),
    ("0003_article_aliases", ARTICLE_ALIASES),
    ("0004_across_reports", ACROSS_REPORTS),
    ("0005_actor_keys", ACTOR_KEYS),
    ("0006_stories", STORIES),
    ("0007_watch", WATCH),
    ("0008_scale_indexes", SCALE_INDEXES),
]
FIRST_MIGRATION = MIGRATIONS[0][0]
MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


def applied(conn: sqlite3.Connection) -> set[str]:
    """The migrations this store has; empty for a file without our ``_migrations`` table (read-only safe)."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    return {row[0] for row in conn.execute("SELECT name FROM _migrations")} if has_table else set()


def pending(conn: sqlite3.Connection) -> list[str]:
    done = applied(conn)
    return [name for name, _ in MIGRATIONS if name not in done]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration this store lacks, all in one write transaction; returns the names applied.

    ``BEGIN IMMEDIATE`` takes the write lock before looking at what is applied, so two processes opening
    a new store at once cannot both create it: the second waits, then finds nothing left to do. (The
    connection must be in autocommit mode, ``isolation_level=None``.)"""
    if not pending(conn):  # the common case: no write lock needed
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(MIGRATIONS_TABLE)
        done = applied(conn)  # again, now that we hold the lock
        new = [(name, sql) for name, sql in MIGRATIONS if name not in done]
        for name, sql in new:
            for statement in statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (name,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return [name for name, _ in new]


def statements(script: str) -> list[str]:
    """A script cut into whole statements (a trigger's body keeps its own semicolons), so that they run
    inside our transaction: ``executescript`` would commit it first."""
    out, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \n;"):
                out.append(current.strip())
            current = ""
    if current.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement in a migration: {current.strip()[:60]!r}")
    return out
