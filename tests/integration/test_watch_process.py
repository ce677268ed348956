"""`newsgraph watch` as a real process: SIGTERM and SIGINT stop it cleanly with one line (exit 0), and after a
`kill -9` mid-ingest a restart stores the rest without duplicating an article or fetching a page twice, bar
the one in flight.

The feed and its pages (Wikinews articles, CC BY 2.5) come from the local test server in this process."""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.webserver import Request, WebServer, corpus_page, html, rss

pytestmark = pytest.mark.integration

START_S = 180  # the model loads before the first poll; CI machines are slow
STOP_S = 60


class Watcher:
    """A running `newsgraph watch`, its stderr read line by line in a thread so that every wait has a bound."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "watch", *args], cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, text: str, timeout: float) -> str:
        """The first line (from now on) containing ``text``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"watch exited ({self.proc.wait(5)}) before saying {text!r}: {self.lines}")
            self.lines.append(line)
            if text in line:
                return line
        pytest.fail(f"watch did not say {text!r} within {timeout} s: {self.lines}")

    def finish(self, timeout: float) -> int:
        code = self.proc.wait(timeout)
        while (line := self._queue.get(timeout=5)) is not None:
            self.lines.append(line)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture
def watcher_processes() -> Iterator[list[Watcher]]:
    """Every Watcher a test starts is killed at its end, whatever happened."""
    started: list[Watcher] = []
    yield started
    for watcher in started:
        watcher.kill()


def serve_feed(server: WebServer, pages: range, delay: float = 0.0) -> None:
    for n in pages:
        page = html(corpus_page(n)[1])
        page.delay = delay
        server.routes[f"/news/{n}"] = page
    server.routes["/feed.xml"] = rss([(server.url(f"/news/{n}"), f"Story {n}", None) for n in pages])


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_it_cleanly_with_one_line(
        tmp_path: Path, web_server: WebServer, watcher_processes: list[Watcher], sig: signal.Signals) -> None:
    serve_feed(web_server, range(3))
    db = tmp_path / "store.db"
    watcher = Watcher(web_server.url("/feed.xml"), "--every", "1s", "--db", str(db), "--delay", "0")
    watcher_processes.append(watcher)
    watcher.wait_for("3 stored", START_S)
    watcher.wait_for("3 entries, 0 new", STOP_S)  # it goes on polling, and fetches no page again
    os.kill(watcher.proc.pid, sig)
    assert watcher.finish(STOP_S) == 0, watcher.lines
    last = watcher.lines[-1]
    assert last.startswith(f"newsgraph: stopped by {sig.name} after ") and last.endswith(": 3 stored, 0 rejected")
    assert not any("Traceback" in line for line in watcher.lines)
    assert stored(db) == 3


def test_kill_9_mid_ingest_then_a_restart_fetches_nothing_twice(
        tmp_path: Path, web_server: WebServer, watcher_processes: list[Watcher]) -> None:
    pages = range(12)
    serve_feed(web_server, pages, delay=0.3)  # slow pages, so that the kill lands mid-ingest
    requests: list[Request] = web_server.requests
    db = tmp_path / "store.db"
    args = (web_server.url("/feed.xml"), "--every", "1h", "--db", str(db), "--delay", "0")
    first = Watcher(*args)
    watcher_processes.append(first)
    deadline = time.monotonic() + START_S
    while stored(db) < 3:
        assert time.monotonic() < deadline, f"nothing stored within {START_S} s: {first.lines}"
        assert first.proc.poll() is None, first.lines
        time.sleep(0.05)
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(STOP_S)
    before = stored(db)
    assert 3 <= before < len(pages), "the kill should land mid-ingest"
    fetched_before = Counter(r.path for r in requests if r.path.startswith("/news/"))

    second = Watcher(*args, "--once")
    watcher_processes.append(second)
    assert second.finish(START_S) == 0, second.lines
    assert second.lines[-1] == f"newsgraph: done after 1 poll(s): {len(pages) - before} stored, 0 rejected"

    conn = sqlite3.connect(db)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        digests = [row[0] for row in conn.execute("SELECT text_sha1 FROM articles")]
        outcomes = Counter(row[0] for row in conn.execute("SELECT outcome FROM watched_entries"))
    finally:
        conn.close()
    assert sorted(ids) == sorted(web_server.url(f"/news/{n}") for n in pages)
    assert len(set(digests)) == len(pages)  # no article twice
    # a kill between an article's commit and its entry row leaves one that the restart finds stored by URL
    assert outcomes["stored"] + outcomes["already stored"] == len(pages) and outcomes["already stored"] <= 1
    fetched = Counter(r.path for r in requests if r.path.startswith("/news/"))
    assert set(fetched) == {f"/news/{n}" for n in pages}
    twice = [path for path, n in fetched.items() if n > 1]
    assert len(twice) <= 1 and all(fetched[path] == 2 for path in twice)  # at most the page in flight
    assert all(fetched_before[path] == 1 for path in twice)
