"""Ingest survives SIGKILL: a rerun completes with every article exactly once, as in a clean run.

The killed ingest is a real process; the clean run and the reruns go through the CLI in this process."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, cli

pytestmark = pytest.mark.integration

N_ARTICLES = 40
TABLES = ("articles", "sentences", "times", "places", "quantities", "quotes", "claims", "events",
          "article_actors", "mentions", "event_actors")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "part.jsonl"
    with (ROOT / "data" / "corpus" / "sample.jsonl").open(encoding="utf-8") as src:
        path.write_text("".join(itertools.islice(src, N_ARTICLES)), encoding="utf-8")
    return path


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def test_sigkill_mid_ingest_then_rerun(corpus: Path, tmp_path: Path) -> None:
    clean_db = tmp_path / "clean.db"
    clean = cli("ingest", str(corpus), "--db", str(clean_db), "--no-progress")
    assert clean.returncode == 0, clean.stderr
    expected = counts(clean_db)
    assert expected["articles"] == N_ARTICLES

    crash_db = tmp_path / "crash.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", str(crash_db), "--no-progress"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while stored_articles(crash_db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = stored_articles(crash_db)
    assert 3 <= partial < N_ARTICLES, "the kill should land mid-run"

    # Nothing half-written: every stored article has all its sentences.
    conn = sqlite3.connect(crash_db)
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
    ).fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert orphans == 0

    rerun = cli("ingest", str(corpus), "--db", str(crash_db), "--no-progress")
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.splitlines()[-1] == (
        f"newsgraph: {N_ARTICLES - partial} stored, {partial} already in {crash_db}, 0 rejected")
    assert counts(crash_db) == expected

    again = cli("ingest", str(corpus), "--db", str(crash_db), "--no-progress")
    assert again.stderr.splitlines()[-1] == f"newsgraph: 0 stored, {N_ARTICLES} already in {crash_db}, 0 rejected"
    assert counts(crash_db) == expected
