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

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", INITIAL),
    ("0002_event_clusters", EVENT_CLUSTERS),
]


def applied(conn: sqlite3.Connection) -> set[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return {row[0] for row in conn.execute("SELECT name FROM _migrations")}


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration this store lacks; returns the names applied."""
    done = applied(conn)
    new = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        # executescript commits first; wrapping in BEGIN/COMMIT keeps each migration all-or-nothing.
        conn.executescript(
            f"BEGIN;\n{sql}\nINSERT INTO _migrations VALUES ('{name}', datetime('now'));\nCOMMIT;"
        )
        new.append(name)
    return new
