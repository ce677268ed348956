"""Readers never write, and a file that is not a newsgraph store is refused by name and left as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from newsgraph.store import Store
from newsgraph.store.migrations import MIGRATIONS
from tests.helpers import cli_run as run

READ_COMMANDS = [
    *(["query", what] for what in ("events", "clusters", "quotes", "claims", "quantities", "places", "actors")),
    ["query", "search", "troops"],
    ["show", "some-id"],
    ["explain", "some-id"],
    ["summary"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()



@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Somebody else's SQLite file, in rollback-journal mode."""
    path = tmp_path / "theirs.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("argv", [*READ_COMMANDS, ["export", "OUT"], ["ingest", "IN"]], ids=" ".join)
def test_a_foreign_sqlite_file_is_refused_and_left_byte_identical(foreign: Path, tmp_path: Path,
                                                                   argv: list[str]) -> None:
    before, files = digest(foreign), sorted(p.name for p in tmp_path.iterdir())
    if argv[0] == "ingest":
        (tmp_path / "in.jsonl").write_text('{"id": "x", "text": "Troops moved to Kursk."}\n', encoding="utf-8")
    argv = [str(tmp_path / {"OUT": "out", "IN": "in.jsonl"}[a]) if a in ("OUT", "IN") else a for a in argv]
    code, out, err = run(*argv, "--db", str(foreign))
    assert code == 1
    expected = f"{foreign} is not a newsgraph store" + (
        "; give --db a new file name or an existing store" if argv[0] == "ingest"
        else " (SQLite, but without newsgraph's tables)")
    assert (out, err) == ("", f"newsgraph: {expected}\n")
    assert digest(foreign) == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "in.jsonl")
    assert left == files  # no journal, no WAL, no export folder


@pytest.mark.parametrize("argv", READ_COMMANDS, ids=" ".join)
def test_a_file_that_is_not_sqlite_is_refused_by_every_reader(tmp_path: Path, argv: list[str]) -> None:
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"just some text, not a database\n" * 50)
    code, out, err = run(*argv, "--db", str(junk))
    assert (code, out, err) == (1, "", f"newsgraph: {junk} is not a newsgraph store (not an SQLite database)\n")
    assert junk.read_bytes() == b"just some text, not a database\n" * 50


def test_readers_leave_a_store_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()  # closing the last connection checkpoints the WAL into the file
    before = digest(db)
    for argv in READ_COMMANDS:
        run(*argv, "--db", str(db))
    assert digest(db) == before


def test_a_store_from_an_older_newsgraph_asks_for_migrate(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.executescript("DROP TABLE article_aliases; DELETE FROM _migrations WHERE name = '0003_article_aliases';")
    conn.close()
    code, _, err = run("summary", "--db", str(db))
    assert (code, err) == (1, f"newsgraph: {db} was made by an older newsgraph; upgrade it with `newsgraph migrate "
                              f"--db {db}` (it then lacks 0003_article_aliases)\n")
    assert run("migrate", "--db", str(db)) == (0, "", f"newsgraph: {db} is up to date\n")
    assert run("summary", "--db", str(db))[0] == 0


def test_migrate_needs_a_store(tmp_path: Path) -> None:
    code, _, err = run("migrate", "--db", str(tmp_path / "none.db"))
    assert (code, err) == (1, f"newsgraph: {tmp_path / 'none.db'}: no store here; create one with "
                              f"`newsgraph ingest PATH --db {tmp_path / 'none.db'}`\n")
    assert not (tmp_path / "none.db").exists()


def test_two_writers_creating_one_store_at_once_both_succeed(tmp_path: Path) -> None:
    """Each round starts two connections on a new file at the same instant (threads: SQLite locks files
    for connections as for processes). Before migrations took the write lock first and switching to WAL
    was retried, about one round in fifteen failed ("table articles already exists", "database is locked")."""
    for attempt in range(100):
        db, errors = tmp_path / f"new-{attempt}.db", []
        barrier = threading.Barrier(2)

        def open_store(path: Path = db, errors: list[Exception] = errors, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            try:
                Store.open(path).close()
            except Exception as e:
                errors.append(e)

        threads = [threading.Thread(target=open_store) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [], f"round {attempt}: {errors[0]}"
    with Store.open_existing(db) as store:
        assert [r["name"] for r in store.rows("SELECT name FROM _migrations ORDER BY name")] == \
            [name for name, _ in MIGRATIONS]
