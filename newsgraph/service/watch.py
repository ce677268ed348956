"""Watch: poll RSS/Atom feeds on an interval and ingest the pages they list that are new.

The state lives in the store (migration ``0007_watch``), so a restart resumes where the last run was:
- ``watched_feeds``: each feed's ETag and Last-Modified, sent back as If-None-Match / If-Modified-Since (an
  answer 304 costs no parsing and no page), with when it was last polled, how, and counts. A feed's validators
  are saved only once every entry of that poll has been handled for good: a run stopped or killed half way,
  or one with a page to try again, asks for the whole feed next time, rather than being told "not modified"
  about entries it has yet to fetch.
- ``watched_entries``: every entry URL (normalised: the id its article is stored under) handled, with its
  outcome: ``stored``, ``already stored`` (its text or its URL was in the store), ``rejected`` (tried again at
  later polls while the feed lists it, up to MAX_TRIES fetches in all: a server error or an empty page is
  often passing) or ``given up`` (after MAX_TRIES; never fetched again), with the last reason.
An entry whose URL is an article id or alias in the store, or is in ``watched_entries`` other than as
``rejected``, is never fetched again.

Each article commits with all its items in one transaction (``service.ingest``), and its entry row is written
right after, so ``kill -9`` at any moment loses at most the article in flight: a restart finds every stored
article by its URL (``Store.resolve_id``) and fetches only the page that was in flight, if any, again. A stop
asked through ``stop`` (the CLI sets it on SIGINT and SIGTERM with ``stop_on_signals``) is seen between two
pages and during every wait, the fetcher's politeness and retry waits included: a page whose fetch is waiting
is abandoned, one being fetched or extracted is finished and stored.

This module prints nothing: each poll of a feed goes to ``WatchLog.polled`` and each rejected page to
``WatchLog.say``; the totals come back in a ``WatchReport``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from newsgraph.ingest.records import MAX_CHARS, Rejected
from newsgraph.ingest.web.feeds import FeedEntry, feed_entries, is_feed
from newsgraph.ingest.web.fetch import Fetcher, FetchPolicy
from newsgraph.ingest.web.pages import page_article
from newsgraph.ingest.web.urls import normalize_url
from newsgraph.model import Article, text_sha1
from newsgraph.store.sqlite import Store

DEFAULT_POLICY = FetchPolicy()
MAX_TRIES = 3  # fetches of one entry, at successive polls, before it is given up
_INTERVAL = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
INTERVAL_EXAMPLE = "write it as 30s, 15m, 1h or 1h30m"


def parse_interval(value: str) -> float:
    """``30s``, ``15m``, ``1h``, ``1h30m`` as seconds; ValueError with an example for anything else."""
    match = _INTERVAL.fullmatch(value.strip().lower())
    if match is None or not any(match.groups()):
        raise ValueError(f"{value!r} is not an interval; {INTERVAL_EXAMPLE}")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < 1:
        raise ValueError(f"{value!r} is no time at all; {INTERVAL_EXAMPLE}")
    return float(total)


@dataclass
class FeedPoll:
    """One poll of one feed: what its log line says."""

    feed: str
    at: str  # UTC, ISO 8601 with Z
    entries: int = 0
    new: int = 0  # fetched in this poll: met for the first time, or a rejected one tried again
    stored: int = 0
    already: int = 0  # fetched, but its text was in the store already (its URL is now an alias)
    rejected: int = 0
    not_modified: bool = False
    problem: str | None = None  # the feed itself could not be read
    stopped: bool = False  # a stop came before every entry was handled
    retry: int = 0  # rejected entries to be tried again at the next poll

    def __str__(self) -> str:
        head = f"{self.at} {self.feed}: "
        if self.problem:
            return head + f"{self.problem} — tried again at the next poll"
        if self.not_modified:
            return head + "not modified"
        tail = "; stopped before the rest" if self.stopped else ""
        return head + (f"{self.entries} entries, {self.new} new, {self.stored} stored, {self.already} already in, "
                       f"{self.rejected} rejected{tail}")

    @property
    def status(self) -> str:
        """What ``watched_feeds.last_status`` keeps."""
        return self.problem or ("not modified" if self.not_modified else "stopped" if self.stopped else "ok")


@dataclass
class WatchReport:
    polls: int = 0  # rounds over every feed
    stored: int = 0
    rejected: int = 0  # pages
    failed_polls: int = 0  # polls of a feed that could not be read
    stopped: bool = False  # ended by ``stop``, not by ``polls``


class WatchLog(Protocol):
    def polled(self, poll: FeedPoll) -> None: ...
    def say(self, message: str) -> None: ...


class Quiet:
    def polled(self, poll: FeedPoll) -> None:
        pass

    def say(self, message: str) -> None:
        pass


class Stopped(Exception):
    """A stop was asked during a wait: the page in flight is abandoned."""


def watch(db: str | Path, feeds: Iterable[str], *, every: float, polls: int | None = None,
          policy: FetchPolicy = DEFAULT_POLICY, max_chars: int = MAX_CHARS, stop: threading.Event | None = None,
          log: WatchLog | None = None) -> WatchReport:
    """Poll every feed, then wait until ``every`` seconds after the round began, until ``stop`` is set or
    ``polls`` rounds are done (None: no end)."""
    stop, log, report = stop or threading.Event(), log or Quiet(), WatchReport()
    urls = list(dict.fromkeys(normalize_url(feed) for feed in feeds))
    with Store.open(db) as store, Fetcher(policy, sleep=_sleeper(stop)) as fetcher:
        state = WatchState(store.conn)
        while not stop.is_set():
            began = time.monotonic()
            report.polls += 1
            seen: set[str] = set()  # entries met in this round: one listed by two feeds is handled once
            for feed in urls:
                if stop.is_set():
                    break
                poll = Poller(store, state, fetcher, log, max_chars, stop).poll(feed, seen)
                report.stored += poll.stored
                report.rejected += poll.rejected
                report.failed_polls += poll.problem is not None
                log.polled(poll)
            if polls is not None and report.polls >= polls:
                break
            stop.wait(max(0.0, every - (time.monotonic() - began)))
    report.stopped = stop.is_set()
    return report


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[list[str]]:
    """While inside, SIGINT and SIGTERM set ``stop`` (a second one raises KeyboardInterrupt: stop at once, the
    article in flight rolled back); yields the names of the signals caught. For the main thread of a CLI."""
    caught: list[str] = []

    def on_signal(number: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        caught.append(signal.Signals(number).name)
        stop.set()

    before = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield caught
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _sleeper(stop: threading.Event) -> Callable[[float], None]:
    """The fetcher's waits (politeness, retry backoff), cut short by a stop."""

    def sleep(seconds: float) -> None:
        if stop.wait(seconds):
            raise Stopped

    return sleep


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Poller:
    """One poll of one feed: fetch it (conditionally), then handle each of its entries."""

    store: Store
    state: WatchState
    fetcher: Fetcher
    log: WatchLog
    max_chars: int
    stop: threading.Event

    def poll(self, feed: str, seen: set[str]) -> FeedPoll:
        poll = FeedPoll(feed, utc_now())
        validators: dict[str, str | None] | None = None
        try:
            got = self._entries(feed, poll)
            if got is not None:
                entries, fresh = got
                poll.entries = len(entries)
                for entry in entries:
                    if self.stop.is_set():
                        raise Stopped
                    if entry.link not in seen:
                        seen.add(entry.link)
                        self._entry(feed, entry, poll)
                # every entry handled for good: the next poll may be told "not modified"; else it must see them
                validators = None if poll.retry else fresh
        except Stopped:
            poll.stopped = True
        self.state.polled(poll, validators)
        return poll

    def _entries(self, feed: str, poll: FeedPoll) -> tuple[list[FeedEntry], dict[str, str | None]] | None:
        """The feed's entries and validators (etag, last_modified); None when it is not modified or cannot be
        read (``poll`` says which)."""
        page = self.fetcher.fetch(feed, self.state.conditional(feed))
        if isinstance(page, Rejected):
            poll.problem = page.reason
            return None
        if page.status == 304:
            poll.not_modified = True
            return None
        if not is_feed(page):
            poll.problem = f"not an RSS or Atom feed (content type {page.content_type or 'none'})"
            return None
        entries = feed_entries(page)
        if isinstance(entries, Rejected):
            poll.problem = entries.reason
            return None
        return entries, {"etag": page.headers.get("etag"), "last_modified": page.headers.get("last-modified")}

    def _entry(self, feed: str, entry: FeedEntry, poll: FeedPoll) -> None:
        url = entry.link
        done = self.state.entry(url)
        if done is not None and done["outcome"] != "rejected":
            return
        if done is None and (own := self.store.resolve_id(url)) is not None:
            self.state.record(url, feed, "already stored", tries=0, article_id=own)
            return
        tries = (done["tries"] if done is not None else 0) + 1
        poll.new += 1
        page = self.fetcher.fetch(url)
        if isinstance(page, Rejected):
            self._failed(url, feed, page.reason, tries, poll)
            return
        if is_feed(page):  # not followed: a feed of feeds could lead anywhere
            self._failed(url, feed, f"a feed listed in the feed {feed}; watch it to read it", tries, poll, final=True)
            return
        article = page_article(page, published=entry.published, title=entry.title, max_chars=self.max_chars)
        if isinstance(article, Rejected):
            self._failed(url, feed, article.reason, tries, poll)
            return
        self._store(url, feed, article, tries, poll)

    def _store(self, url: str, feed: str, article: Article, tries: int, poll: FeedPoll) -> None:
        from newsgraph.service.ingest import ingest_articles

        report = ingest_articles(self.store.path, [article])
        if report.stored:
            poll.stored += 1
            self.state.record(url, feed, "stored", tries=tries, article_id=article.id)
        elif report.skipped:
            poll.already += 1
            own = self.store.resolve_id(article.id) or self.store.id_of_digest(text_sha1(article.text))
            self.state.record(url, feed, "already stored", tries=tries, article_id=own)
        else:  # the pipeline failed on the text, or the URL is stored with another text
            line = (report.conflicts or report.rejected or ["not stored"])[0]
            self._failed(url, feed, line.removeprefix(f"{article.origin}: ").removesuffix(" — skipped"), tries, poll)

    def _failed(self, url: str, feed: str, reason: str, tries: int, poll: FeedPoll, final: bool = False) -> None:
        poll.rejected += 1
        final = final or tries >= MAX_TRIES
        poll.retry += not final
        self.state.record(url, feed, "given up" if final else "rejected", tries=tries, reason=reason)
        then = f"try {tries} of {MAX_TRIES}; " + ("given up" if final else "tried again at the next poll")
        self.log.say(str(Rejected(url, f"{reason} ({then})")))


class WatchState:
    """The watch tables of one store (see the module's docstring). Each write is one statement, so one
    transaction on the store's autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def conditional(self, feed: str) -> dict[str, str]:
        """The headers of a conditional request for this feed (none the first time)."""
        row = self.conn.execute("SELECT etag, last_modified FROM watched_feeds WHERE url = ?", (feed,)).fetchone()
        headers = {}
        if row is not None and row["etag"]:
            headers["If-None-Match"] = row["etag"]
        if row is not None and row["last_modified"]:
            headers["If-Modified-Since"] = row["last_modified"]
        return headers

    def polled(self, poll: FeedPoll, validators: dict[str, str | None] | None) -> None:
        """Record a poll; ``validators`` (etag, last_modified) replace the kept ones only when given: after a
        poll that handled every entry."""
        fresh = validators or {}
        self.conn.execute(
            "INSERT INTO watched_feeds (url, etag, last_modified, last_polled_at, last_status, polls, stored, already,"
            " rejected) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
            "etag = CASE WHEN ? THEN excluded.etag ELSE etag END, "
            "last_modified = CASE WHEN ? THEN excluded.last_modified ELSE last_modified END, "
            "last_polled_at = excluded.last_polled_at, last_status = excluded.last_status, polls = polls + 1, "
            "stored = stored + excluded.stored, already = already + excluded.already, "
            "rejected = rejected + excluded.rejected",
            (poll.feed, fresh.get("etag"), fresh.get("last_modified"), poll.at, poll.status, poll.stored,
             poll.already, poll.rejected, validators is not None, validators is not None))

    def entry(self, url: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT outcome, tries FROM watched_entries WHERE url = ?", (url,)).fetchone()
        return row

    def record(self, url: str, feed: str, outcome: str, *, tries: int, reason: str | None = None,
               article_id: str | None = None) -> None:
        now = utc_now()
        self.conn.execute(
            "INSERT INTO watched_entries (url, feed, first_seen, last_tried_at, tries, outcome, reason, article_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET last_tried_at = excluded.last_tried_at, "
            "tries = excluded.tries, outcome = excluded.outcome, reason = excluded.reason, "
            "article_id = excluded.article_id",
            (url, feed, now, now if tries else None, tries, outcome, reason, article_id))
