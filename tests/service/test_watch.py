"""`newsgraph watch`: polls feeds, ingests what is new, keeps its state in the store, resumes without fetching
anything twice, asks feeds conditionally, and names every failure in one line.

Against the local test server (tests/webserver.py), pages made of Wikinews articles (CC BY 2.5); the real
pipeline stores them."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from newsgraph.ingest.web.fetch import FetchPolicy
from newsgraph.ingest.web.urls import normalize_url
from newsgraph.model import Article
from newsgraph.service.ingest import ingest_articles
from newsgraph.service.watch import MAX_TRIES, FeedPoll, parse_interval, watch
from tests.helpers import cli
from tests.webserver import Request, Response, WebServer, corpus_page, html, rss

POLICY = FetchPolicy(per_host_delay=0, retries=0, timeout=5)
STAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"
PAGES = (3, 5, 7)  # articles of data/corpus/sample.jsonl


class Feed:
    """An RSS feed that answers a conditional request with 304 while its items are unchanged."""

    def __init__(self, server: WebServer, paths: list[str]) -> None:
        self.server, self.paths, self.version = server, list(paths), 1

    def add(self, path: str) -> None:
        self.paths.append(path)
        self.version += 1

    @property
    def etag(self) -> str:
        return f'"v{self.version}"'

    def __call__(self, request: Request) -> Response:
        if request.headers.get("if-none-match") == self.etag:
            return Response(304, {"ETag": self.etag})
        when = dt.datetime(2020, 1, 2, tzinfo=dt.UTC)
        answer = rss([(self.server.url(path), f"Story {path}", when) for path in self.paths])
        answer.headers.update({"ETag": self.etag, "Last-Modified": "Thu, 02 Jan 2020 00:00:00 GMT"})
        return answer


class Lines:
    """A WatchLog that keeps what the CLI would print."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.polls: list[FeedPoll] = []

    def polled(self, poll: FeedPoll) -> None:
        self.polls.append(poll)
        self.lines.append(str(poll))

    def say(self, message: str) -> None:
        self.lines.append(message)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def site(web_server: WebServer) -> Feed:
    for n in (*PAGES, 9):
        web_server.routes[f"/news/{n}"] = html(corpus_page(n)[1])
    feed = Feed(web_server, [f"/news/{n}" for n in PAGES])
    web_server.routes["/feed.xml"] = feed
    return feed


def run(db: Path, server: WebServer, polls: int = 1, **options: Any) -> tuple[Any, Lines]:
    lines = Lines()
    report = watch(db, [server.url("/feed.xml")], every=0, polls=polls, policy=POLICY, log=lines, **options)
    return report, lines


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def page_hits(server: WebServer) -> dict[str, int]:
    return {path: server.hits(path) for path in server.routes if path.startswith("/news/") and server.hits(path)}


def test_a_poll_stores_every_entry_and_keeps_its_state(db_path: Path, web_server: WebServer, site: Feed) -> None:
    report, log = run(db_path, web_server)
    feed = web_server.url("/feed.xml")
    assert (report.polls, report.stored, report.rejected) == (1, 3, 0)
    [line] = log.lines
    assert re.fullmatch(rf"{STAMP} {re.escape(feed)}: 3 entries, 3 new, 3 stored, 0 already in, 0 rejected", line)
    urls = sorted(normalize_url(web_server.url(f"/news/{n}")) for n in PAGES)
    assert sorted(r[0] for r in rows(db_path, "SELECT id FROM articles")) == urls
    assert rows(db_path, "SELECT url, feed, tries, outcome, article_id FROM watched_entries ORDER BY url") == [
        (url, feed, 1, "stored", url) for url in urls]
    assert rows(db_path, "SELECT url, etag, last_modified, last_status, polls, stored, rejected FROM watched_feeds") \
        == [(feed, '"v1"', "Thu, 02 Jan 2020 00:00:00 GMT", "ok", 1, 3, 0)]


def test_an_unchanged_feed_is_asked_conditionally_and_costs_nothing(
        db_path: Path, web_server: WebServer, site: Feed) -> None:
    report, log = run(db_path, web_server, polls=2)
    assert report.polls == 2 and report.stored == 3
    feed_requests = [r for r in web_server.requests if r.path == "/feed.xml"]
    assert [r.headers.get("if-none-match") for r in feed_requests] == [None, '"v1"']
    assert feed_requests[1].headers.get("if-modified-since") == "Thu, 02 Jan 2020 00:00:00 GMT"
    assert re.fullmatch(rf"{STAMP} {re.escape(web_server.url('/feed.xml'))}: not modified", log.lines[1])
    assert all(n == 1 for n in page_hits(web_server).values())
    assert rows(db_path, "SELECT polls, last_status FROM watched_feeds") == [(2, "not modified")]


def test_a_restart_resumes_and_fetches_only_what_is_new(db_path: Path, web_server: WebServer, site: Feed) -> None:
    run(db_path, web_server)
    site.add("/news/9")
    report, log = run(db_path, web_server)  # a new run: all it knows is in the store
    assert report.stored == 1
    assert log.lines[0].endswith(": 4 entries, 1 new, 1 stored, 0 already in, 0 rejected")
    assert page_hits(web_server) == {f"/news/{n}": 1 for n in (*PAGES, 9)}


def test_an_entry_already_stored_is_not_fetched(db_path: Path, web_server: WebServer, site: Feed) -> None:
    first = normalize_url(web_server.url(f"/news/{PAGES[0]}"))
    second = normalize_url(web_server.url(f"/news/{PAGES[1]}"))
    record = corpus_page(PAGES[1])[0]
    ingest_articles(db_path, [Article(first, "Some other text about a council meeting.", None),
                              Article(record["id"], record["text"], None)])
    ingest_articles(db_path, [Article(second, record["text"], None)])  # its URL is now an alias of record["id"]
    report, log = run(db_path, web_server)
    assert report.stored == 1
    assert log.lines[0].endswith(": 3 entries, 1 new, 1 stored, 0 already in, 0 rejected")
    assert page_hits(web_server) == {f"/news/{PAGES[2]}": 1}
    assert rows(db_path, "SELECT url, outcome, tries, article_id FROM watched_entries WHERE outcome != 'stored' "
                         "ORDER BY url") == [(first, "already stored", 0, first),
                                             (second, "already stored", 0, record["id"])]


def test_a_failing_page_is_tried_at_later_polls_then_given_up(
        db_path: Path, web_server: WebServer, site: Feed) -> None:
    web_server.routes["/news/bad"] = Response(503, {"Content-Type": "text/plain"}, b"busy")
    site.add("/news/bad")
    bad = normalize_url(web_server.url("/news/bad"))
    report, log = run(db_path, web_server, polls=MAX_TRIES + 2)
    assert web_server.hits("/news/bad") == MAX_TRIES
    assert report.rejected == MAX_TRIES and report.stored == 3
    said = [line for line in log.lines if line.startswith(bad)]
    assert said == [f"{bad}: HTTP 503 (try 1 of 3; tried again at the next poll) — skipped",
                    f"{bad}: HTTP 503 (try 2 of 3; tried again at the next poll) — skipped",
                    f"{bad}: HTTP 503 (try 3 of 3; given up) — skipped"]
    assert log.lines[-1].endswith(": not modified")  # asked conditionally again only once nothing is pending
    assert rows(db_path, f"SELECT outcome, tries, reason FROM watched_entries WHERE url = '{bad}'") == [
        ("given up", 3, "HTTP 503")]
    assert all(n == 1 for path, n in page_hits(web_server).items() if path != "/news/bad")


def test_a_page_without_text_is_one_line(db_path: Path, web_server: WebServer, site: Feed) -> None:
    web_server.routes["/news/empty"] = html("<html><head><title>Soon</title></head><body></body></html>")
    site.add("/news/empty")
    _, log = run(db_path, web_server)
    empty = normalize_url(web_server.url("/news/empty"))
    assert [line for line in log.lines if line.startswith(empty)] == [
        f"{empty}: no article text found in the HTML (try 1 of 3; tried again at the next poll) — skipped"]
    assert log.lines[-1].endswith(": 4 entries, 4 new, 3 stored, 0 already in, 1 rejected")


@pytest.mark.parametrize(("route", "problem"), [
    (Response(500, {"Content-Type": "text/plain"}, b"oops"), "HTTP 500"),
    (html("<html><body><p>a page</p></body></html>"), "not an RSS or Atom feed (content type text/html)"),
])
def test_a_feed_that_cannot_be_read_is_one_line_and_polled_again(
        db_path: Path, web_server: WebServer, route: Response, problem: str) -> None:
    web_server.routes["/feed.xml"] = route
    report, log = run(db_path, web_server, polls=2)
    feed = web_server.url("/feed.xml")
    assert report.failed_polls == 2 and web_server.hits("/feed.xml") == 2
    assert all(re.fullmatch(rf"{STAMP} {re.escape(feed)}: {re.escape(problem)} — tried again at the next poll", line)
               for line in log.lines)
    assert len(log.lines) == 2
    assert rows(db_path, "SELECT last_status, polls, etag FROM watched_feeds") == [(problem, 2, None)]


def test_a_stop_finishes_the_page_in_hand_and_the_next_run_does_the_rest(
        db_path: Path, web_server: WebServer, site: Feed) -> None:
    stop = threading.Event()
    second = web_server.routes[f"/news/{PAGES[1]}"]

    def stop_while_serving(request: Request) -> Any:
        stop.set()  # as SIGTERM would, while this page is in flight
        return second

    web_server.routes[f"/news/{PAGES[1]}"] = stop_while_serving
    report, log = run(db_path, web_server, polls=3, stop=stop)  # bounded: the stop comes in the first
    assert report.stopped and report.stored == 2  # the page in hand was finished and stored
    assert log.lines[-1].endswith(": 3 entries, 2 new, 2 stored, 0 already in, 0 rejected; stopped before the rest")
    assert web_server.hits(f"/news/{PAGES[2]}") == 0
    assert rows(db_path, "SELECT last_status, etag FROM watched_feeds") == [("stopped", None)]
    report, log = run(db_path, web_server)
    assert report.stored == 1
    assert page_hits(web_server) == {f"/news/{n}": 1 for n in PAGES}
    assert [r.headers.get("if-none-match") for r in web_server.requests if r.path == "/feed.xml"] == [None, None]


@pytest.mark.parametrize(("value", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400),
                                                ("2m5s", 125), (" 1H ", 3600)])
def test_intervals(value: str, seconds: int) -> None:
    assert parse_interval(value) == seconds


@pytest.mark.parametrize("value", ["15", "m", "", "1.5h", "30m1h", "0s", "-5m", "5 m", "ten minutes"])
def test_a_bad_interval_is_a_usage_error_with_an_example(value: str) -> None:
    with pytest.raises(ValueError, match="write it as 30s, 15m, 1h or 1h30m"):
        parse_interval(value)
    result = cli("watch", "http://127.0.0.1:9/feed.xml", f"--every={value}")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith(
        f"newsgraph watch: error: argument --every: {value!r} is ")
    assert result.stderr.strip().endswith("write it as 30s, 15m, 1h or 1h30m")


def test_watch_needs_feeds_and_web_urls() -> None:
    none = cli("watch")
    assert none.returncode == 2
    assert none.stderr.strip().splitlines()[-1] == "newsgraph watch: error: the following arguments are required: FEED"
    local = cli("watch", "news/feed.xml")
    assert (local.returncode, local.stderr) == (2, "newsgraph: watch: 'news/feed.xml' is not an http or https feed "
                                                   "URL\n")


def test_watch_once_from_the_command_line(db_path: Path, web_server: WebServer, site: Feed) -> None:
    feed = web_server.url("/feed.xml")
    result = cli("watch", feed, "--once", "--db", str(db_path), "--delay", "0")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert re.fullmatch(rf"newsgraph: {STAMP} {re.escape(feed)}: 3 entries, 3 new, 3 stored, 0 already in, "
                        "0 rejected", lines[0])
    assert lines[1] == "newsgraph: done after 1 poll(s): 3 stored, 0 rejected"
    again = cli("watch", feed, "--max-polls", "1", "--db", str(db_path), "--delay", "0")
    assert again.stderr.strip().splitlines()[0].endswith(": not modified")
    web_server.routes["/news/bad"] = Response(404, {"Content-Type": "text/plain"}, b"")
    site.add("/news/bad")
    third = cli("watch", feed, "--once", "--db", str(db_path), "--delay", "0")
    assert third.returncode == 3  # a page rejected in a bounded run, as ingest says it
    assert third.stderr.splitlines()[0] == (f"newsgraph: {web_server.url('/news/bad')}: HTTP 404 (try 1 of 3; "
                                            "tried again at the next poll) — skipped")
