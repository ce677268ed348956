"""Fetching one web page politely and safely: a Page, or a Rejected that says why not. Never raises.

Politeness: an identifying User-Agent; robots.txt read once per host and run, and obeyed (RFC 9309: one that
answers 4xx allows everything; one that cannot be read — 5xx, a timeout, no connection — allows nothing,
said by name, as the RFC asks of an unreachable robots.txt; its Crawl-delay is honoured up to a minute); at
least ``per_host_delay`` seconds between two requests to one host; retries with exponential backoff only
on what may pass (connection errors, timeouts, 429, 5xx), honouring Retry-After up to a minute.
Safety: only http and https, on every redirect too, at most ``max_redirects`` of them; the content type
checked before the body is read; the body streamed and cut off at ``max_bytes`` (after decompression, so a
small gzip bomb is cut as well), never read whole first, and given ``max_seconds`` to arrive in full.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph import __version__
from newsgraph.ingest.records import Rejected
from newsgraph.ingest.web.urls import is_web_url, normalize_url

USER_AGENT = f"newsgraph/{__version__} (+news research; respects robots.txt)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Feeds by their own types, and the generic XML types feeds are often served as (feeds.is_feed sniffs those).
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
                        "text/xml"})
RETRY_AFTER_CAP = 60.0  # seconds: a longer Retry-After is cut to this (a run must end)
CRAWL_DELAY_CAP = 60.0  # seconds: the most a robots.txt Crawl-delay makes us wait between two requests
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB; more is ignored


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds, connect and each read
    max_bytes: int = 10_000_000  # body streamed and cut off: over it the page is refused by name
    max_redirects: int = 5
    per_host_delay: float = 1.0  # seconds between two requests to one host (politeness)
    retries: int = 2  # on connection errors, timeouts, 429 and 5xx, with exponential backoff
    backoff: float = 1.0  # first wait; Retry-After is honoured up to RETRY_AFTER_CAP
    respect_robots: bool = True
    max_seconds: float = 120.0  # for a whole body to arrive: a server dripping bytes cannot hold a run forever


@dataclass(frozen=True)
class Page:
    url: str  # as asked, normalised (the identity)
    final_url: str  # after redirects
    status: int  # 2xx, or 304 for a conditional request whose answer is "not modified" (empty body)
    content_type: str  # lower-case media type without parameters
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case keys (etag, last-modified ...)


class _Refused(Exception):
    """A reason to give up on this URL (turned into a Rejected at the top of ``fetch``)."""


@dataclass
class _Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class Fetcher:
    """Fetches pages under a FetchPolicy; a context manager around one httpx client (made at the first fetch).
    robots.txt is cached per host for the Fetcher's life, so one run asks each host once."""

    def __init__(self, policy: FetchPolicy = FetchPolicy(), accept: frozenset[str] = HTML_TYPES | FEED_TYPES,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy
        self.accept = accept
        self._sleep = sleep
        self._client: httpx.Client | None = None
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # origin -> rules, or why none
        self._last: dict[str, float] = {}  # host -> when its last request ended

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Page | Rejected:
        """The page at ``url``, following redirects, or why not. ``headers`` are sent as well (If-None-Match,
        If-Modified-Since: an answer 304 is then a Page with status 304 and an empty body)."""
        if not is_web_url(url):
            return Rejected(url, "not http or https")
        try:
            return self._follow(url, dict(headers or {}))
        except _Refused as e:
            return Rejected(url, str(e))
        except ValueError as e:  # urllib's parsers on a malformed address or Location ("Invalid IPv6 URL")
            return Rejected(url, f"not a usable URL ({e})")

    def _follow(self, url: str, headers: dict[str, str]) -> Page:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            _check_address(current)
            self._check_robots(current)
            answer = self._get(current, headers)
            location = answer.headers.get("location")
            if 300 <= answer.status < 400 and answer.status != 304:
                if not location:
                    raise _Refused(f"HTTP {answer.status} without a Location to go to")
                target = urljoin(current, location.strip())
                if not is_web_url(target):
                    raise _Refused(f"redirect to a {urlsplit(target).scheme or 'schemeless'}: URL")
                current = target
                continue
            return self._page(url, current, answer, conditional=_is_conditional(headers))
        raise _Refused(f"more than {self.policy.max_redirects} redirects")

    def _page(self, url: str, final: str, answer: _Answer, conditional: bool) -> Page:
        if answer.status == 304 and conditional:
            body = b""
        elif 200 <= answer.status < 300:
            body = answer.body
        else:
            raise _Refused(f"HTTP {answer.status}")
        return Page(normalize_url(url), final, answer.status, _media_type(answer.headers), body, answer.headers)

    # ------------------------------------------------------------ one request, with retries

    def _get(self, url: str, headers: dict[str, str], robots: bool = False) -> _Answer:
        """One GET (no redirect followed), retried on what may pass; the last failure is raised as _Refused.
        A page's type is checked and its body refused over the size limit; a robots.txt is cut at 500 kB."""
        tries = self.policy.retries + 1
        for attempt in range(tries):
            try:
                answer = self._once(url, headers, robots)
            except httpx.TransportError as e:  # timeouts too
                if attempt + 1 == tries:
                    raise _Refused(self._transport_reason(e, tries)) from None
                self._sleep(self.policy.backoff * 2 ** attempt)
                continue
            if (answer.status == 429 or answer.status >= 500) and attempt + 1 < tries:
                wait = _retry_after(answer.headers.get("retry-after"))
                self._sleep(wait if wait is not None else self.policy.backoff * 2 ** attempt)
                continue
            return answer
        raise AssertionError("unreachable")  # pragma: no cover  (the loop returns or raises)

    def _once(self, url: str, headers: dict[str, str], robots: bool) -> _Answer:
        host = (urlsplit(url).hostname or "").lower()
        self._wait(host)
        try:
            with self._http().stream("GET", url, headers=headers) as response:
                got = {k.lower(): v for k, v in response.headers.items()}
                if not 200 <= response.status_code < 300:
                    return _Answer(response.status_code, got, b"")
                if not robots:
                    self._check_type(got)
                limit = ROBOTS_MAX_BYTES if robots else self.policy.max_bytes
                body = _read_capped(response, limit, self.policy.max_seconds, cut=robots)
                return _Answer(response.status_code, got, body)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError, ValueError) as e:
            raise _Refused(f"not a usable URL ({e})") from None
        except httpx.DecodingError as e:
            raise _Refused(f"could not decode the answer ({e})") from None
        finally:
            self._last[host] = time.monotonic()

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.policy.user_agent}, timeout=self.policy.timeout,
                follow_redirects=False, trust_env=False)
        return self._client

    def _check_type(self, headers: dict[str, str]) -> None:
        media = _media_type(headers)
        if media not in self.accept:
            raise _Refused(f"content type {media or '(none)'} is not a web page or a feed")

    def _transport_reason(self, error: Exception, tries: int) -> str:
        after = f" ({tries} tries)" if tries > 1 else ""
        if isinstance(error, httpx.TimeoutException):
            return f"timed out after {self.policy.timeout:g} s{after}"
        if isinstance(error, httpx.ConnectError):
            return f"could not connect ({error}){after}"
        return f"connection failed ({type(error).__name__}: {error}){after}"

    def _wait(self, host: str) -> None:
        """Politeness: at least the policy's delay (or the host's Crawl-delay) since the last request ended."""
        last = self._last.get(host)
        if last is None:
            return
        wait = self._delay(host) - (time.monotonic() - last)
        if wait > 0:
            self._sleep(wait)

    def _delay(self, host: str) -> float:
        delay = self.policy.per_host_delay
        for origin, rules in self._robots.items():
            if isinstance(rules, urllib.robotparser.RobotFileParser) and urlsplit(origin).hostname == host:
                crawl = rules.crawl_delay(self.policy.user_agent)
                if crawl:
                    delay = max(delay, min(float(crawl), CRAWL_DELAY_CAP))
        return delay

    # ------------------------------------------------------------ robots.txt

    def _check_robots(self, url: str) -> None:
        if not self.policy.respect_robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            raise _Refused(f"robots.txt of {parts.netloc} could not be read ({rules}), so nothing there is fetched "
                           "(--no-robots to ignore)")
        if not rules.can_fetch(self.policy.user_agent, url):
            raise _Refused(f"robots.txt of {parts.netloc} disallows it (--no-robots to ignore)")

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's rules; a 4xx answer allows everything (RFC 9309); anything else unreadable is a reason."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        url = f"{origin}/robots.txt"
        try:
            for _ in range(self.policy.max_redirects + 1):
                answer = self._get(url, {}, robots=True)
                location = answer.headers.get("location")
                if 300 <= answer.status < 400 and location and is_web_url(urljoin(url, location)):
                    url = urljoin(url, location)
                    continue
                break
            else:
                return "too many redirects"
        except _Refused as e:
            return str(e)
        if 400 <= answer.status < 500:
            rules.parse([])  # no rules: everything allowed
        elif 200 <= answer.status < 300:
            rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        else:
            return f"HTTP {answer.status}"
        rules.modified()  # robotparser allows nothing until it is marked as read
        return rules


def _check_address(url: str) -> None:
    """A host, and a port that is one: checked here, as httpx would wrap a port over 65535 and try it."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise _Refused("no host in the URL")
    parts.port  # noqa: B018  (raises ValueError, "Port out of range 0-65535", for a bad one)


def _read_capped(response: Any, limit: int, seconds: float, cut: bool = False) -> bytes:
    """The body, streamed; over ``limit`` bytes (declared or received) the page is refused without reading on
    (``cut``: its first ``limit`` bytes are kept instead), and so is a body still arriving after ``seconds``."""
    deadline = time.monotonic() + seconds
    declared = response.headers.get("content-length", "")
    if not cut and declared.isdigit() and int(declared) > limit:
        raise _Refused(f"over {limit:,} bytes (Content-Length {int(declared):,})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # as it arrives (a chunk_size would wait to fill it)
        if time.monotonic() > deadline:
            raise _Refused(f"the body was still arriving after {seconds:g} s")
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            if cut:
                break
            raise _Refused(f"over {limit:,} bytes")
    return b"".join(chunks)[:limit]


def _media_type(headers: Mapping[str, str]) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _is_conditional(headers: Mapping[str, str]) -> bool:
    return any(k.lower() in ("if-none-match", "if-modified-since") for k in headers)


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (a number or an HTTP date), at most RETRY_AFTER_CAP; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), RETRY_AFTER_CAP)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return min(max(when.timestamp() - time.time(), 0.0), RETRY_AFTER_CAP)
