"""`newsgraph ingest` with URLs, feeds and .urls lists, through the real pipeline, against the local test server:
the exact line of a failed URL, exit 3 with the rest stored, and a rerun that fetches nothing twice."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from tests.helpers import cli
from tests.webserver import WebServer, corpus_page, html, rss

UTC = dt.UTC
FAST = ("--no-progress", "--delay", "0")


def site(server: WebServer) -> WebServer:
    """Three Wikinews articles (CC BY 2.5) as pages; an RSS feed lists two of them."""
    for n in range(3):
        server.routes[f"/news/{n}"] = html(corpus_page(n)[1])
    server.routes["/feed.xml"] = rss([(server.url("/news/1?utm_source=rss"), "One", None),
                                      (server.url("/news/2"), "Two", dt.datetime(2019, 1, 6, tzinfo=UTC))])
    return server


def stored(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, url, outlet FROM articles ORDER BY id").fetchall()


def test_ingest_takes_a_page_and_a_feed_and_a_rerun_fetches_nothing_twice(web_server: WebServer,
                                                                          tmp_path: Path) -> None:
    server, db = site(web_server), tmp_path / "s.db"
    proc = cli("ingest", server.url("/news/0"), server.url("/feed.xml"), "--db", str(db), *FAST)
    assert (proc.returncode, proc.stderr) == (0, f"newsgraph: 3 stored, 0 already in {db}, 0 rejected\n")
    assert stored(db) == [(server.url(f"/news/{n}"), server.url(f"/news/{n}"), "127.0.0.1") for n in range(3)]
    assert server.paths() == ["/robots.txt", "/news/0", "/feed.xml", "/news/1", "/news/2"]

    server.requests.clear()
    again = cli("ingest", server.url("/news/0?utm_source=x"), server.url("/feed.xml"), "--db", str(db), *FAST)
    assert (again.returncode, again.stderr) == (0, f"newsgraph: 0 stored, 3 already in {db}, 0 rejected\n")
    assert server.paths() == ["/robots.txt", "/feed.xml"]  # the feed is read again, no article page

    show = cli("show", server.url("/news/2"), "--db", str(db), "--json")
    assert show.returncode == 0 and json.loads(show.stdout)["published"] == corpus_page(2)[0]["published"]


def test_a_failed_url_is_one_line_and_the_rest_is_stored(web_server: WebServer, tmp_path: Path) -> None:
    server, db = site(web_server), tmp_path / "s.db"
    records = tmp_path / "more.jsonl"
    records.write_text(json.dumps({"id": "local-1", "text": "The council met in Riga on Monday."}) + "\n")
    proc = cli("ingest", server.url("/news/missing"), server.url("/news/0"), "ftp://127.0.0.1/news/1", str(records),
               "--db", str(db), *FAST)
    assert proc.returncode == 3
    assert proc.stderr.splitlines() == [
        f"newsgraph: {server.url('/news/missing')}: HTTP 404 — skipped",
        "newsgraph: ftp://127.0.0.1/news/1: not http or https — skipped",
        f"newsgraph: 2 stored, 0 already in {db}, 2 rejected",
    ]
    assert [row[0] for row in stored(db)] == [server.url("/news/0"), "local-1"]


def test_url_lists_are_read_named_or_in_a_folder(web_server: WebServer, tmp_path: Path) -> None:
    server, db = site(web_server), tmp_path / "s.db"
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "wire.urls").write_text(f"# two pages\n\n{server.url('/news/0')}\nnews/1\n{server.url('/news/0#x')}\n")
    (tmp_path / "feeds.urls").write_text(f"{server.url('/feed.xml')}\n")
    proc = cli("ingest", str(folder), str(tmp_path / "feeds.urls"), "--db", str(db), *FAST)
    assert proc.returncode == 3
    assert proc.stderr.splitlines() == [
        f"newsgraph: {folder / 'wire.urls'}: line 4: 'news/1' is not an http or https URL — skipped",
        f"newsgraph: 3 stored, 0 already in {db}, 1 rejected",
    ]
    assert server.hits("/news/0") == 1


def test_robots_txt_is_obeyed_unless_no_robots(web_server: WebServer, tmp_path: Path) -> None:
    server, db = site(web_server), tmp_path / "s.db"
    server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: newsgraph\nDisallow: /news/\n")
    host = server.base.removeprefix("http://")
    proc = cli("ingest", server.url("/news/0"), "--db", str(db), *FAST)
    assert (proc.returncode, proc.stderr.splitlines()) == (3, [
        f"newsgraph: {server.url('/news/0')}: robots.txt of {host} disallows it (--no-robots to ignore) — skipped",
        f"newsgraph: 0 stored, 0 already in {db}, 1 rejected"])
    assert server.hits("/news/0") == 0
    proc = cli("ingest", server.url("/news/0"), "--db", str(db), "--no-robots", "--user-agent", "tester/1", *FAST)
    assert (proc.returncode, proc.stderr) == (0, f"newsgraph: 1 stored, 0 already in {db}, 0 rejected\n")
    assert server.requests[-1].headers["user-agent"] == "tester/1"


def test_a_bad_delay_is_a_usage_error(tmp_path: Path) -> None:
    proc = cli("ingest", "http://127.0.0.1:9/a", "--delay", "-1", "--db", str(tmp_path / "s.db"))
    assert proc.returncode == 2 and "argument --delay: '-1' must be between 0 and 3600 seconds" in proc.stderr
    assert not (tmp_path / "s.db").exists()
