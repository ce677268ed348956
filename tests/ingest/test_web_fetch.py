"""The Fetcher's politeness and safety rules, each against the local test server (tests/webserver.py).

Waits go through an injected sleep that records them, so the delays and backoffs are asserted, not waited."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterable
from typing import Any

import pytest

from newsgraph.ingest.records import Rejected
from newsgraph.ingest.web.fetch import HTML_TYPES, USER_AGENT, Fetcher, FetchPolicy, Page
from tests.webserver import Response, WebServer, atom, html, huge, news_page, redirect, sequence

PAGE = news_page("Council approves budget", ["The city council approved the budget on Tuesday."])


class Recorder:
    """A fake sleep: records each wait instead of waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def fetcher(sleep: Recorder | None = None, **policy: Any) -> Fetcher:
    policy.setdefault("per_host_delay", 0.0)
    return Fetcher(FetchPolicy(**policy), sleep=sleep or Recorder())


def robots(text: str) -> Response:
    return Response(200, {"Content-Type": "text/plain"}, text.encode())


def test_a_page_is_fetched_with_an_identifying_user_agent(web_server: WebServer) -> None:
    web_server.routes["/a"] = html(PAGE)
    with fetcher() as f:
        page = f.fetch(web_server.url("/a?utm_source=x#top"))
    assert isinstance(page, Page)
    assert (page.url, page.status, page.content_type) == (web_server.url("/a"), 200, "text/html")
    assert page.body == PAGE.encode() and page.headers["content-type"] == "text/html; charset=utf-8"
    assert USER_AGENT == "newsgraph/0.1.0 (+news research; respects robots.txt)"
    assert {r.headers["user-agent"] for r in web_server.requests} == {USER_AGENT}


@pytest.mark.parametrize("status", [404, 410, 403])
def test_an_http_error_is_named_and_not_retried(web_server: WebServer, status: int) -> None:
    web_server.routes["/gone"] = Response(status, {"Content-Type": "text/html"}, b"no")
    with fetcher(retries=2) as f:
        assert f.fetch(web_server.url("/gone")) == Rejected(web_server.url("/gone"), f"HTTP {status}")
    assert web_server.hits("/gone") == 1


# ---------------------------------------------------------------- robots.txt


def test_robots_txt_is_obeyed_and_read_once_per_host(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": robots("User-agent: newsgraph\nDisallow: /private\n"),
                              "/private/a": html(PAGE), "/a": html(PAGE), "/b": html(PAGE)})
    host = web_server.base.removeprefix("http://")
    with fetcher() as f:
        refused = f.fetch(web_server.url("/private/a"))
        assert isinstance(f.fetch(web_server.url("/a")), Page) and isinstance(f.fetch(web_server.url("/b")), Page)
    reason = f"robots.txt of {host} disallows it (--no-robots to ignore)"
    assert refused == Rejected(web_server.url("/private/a"), reason)
    assert web_server.paths() == ["/robots.txt", "/a", "/b"]


def test_robots_rules_for_every_agent_apply_too(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": robots("User-agent: *\nDisallow: /\n"), "/a": html(PAGE)})
    with fetcher() as f:
        assert isinstance(f.fetch(web_server.url("/a")), Rejected)
    assert web_server.hits("/a") == 0


def test_robots_rules_for_another_agent_do_not_apply(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": robots("User-agent: otherbot\nDisallow: /\n"), "/a": html(PAGE)})
    with fetcher() as f:
        assert isinstance(f.fetch(web_server.url("/a")), Page)


def test_a_missing_robots_txt_allows_everything(web_server: WebServer) -> None:
    web_server.routes["/a"] = html(PAGE)  # /robots.txt answers 404
    with fetcher() as f:
        assert isinstance(f.fetch(web_server.url("/a")), Page)
    assert web_server.paths() == ["/robots.txt", "/a"]


def test_an_unreadable_robots_txt_allows_nothing_and_says_so(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": Response(503, {}, b"busy"), "/a": html(PAGE)})
    host = web_server.base.removeprefix("http://")
    with fetcher(retries=0) as f:
        refused = f.fetch(web_server.url("/a"))
        again = f.fetch(web_server.url("/a"))
    reason = f"robots.txt of {host} could not be read (HTTP 503), so nothing there is fetched (--no-robots to ignore)"
    assert refused == again == Rejected(web_server.url("/a"), reason)
    assert web_server.paths() == ["/robots.txt"]  # cached for the run, and the page never asked for


def test_a_robots_txt_that_times_out_allows_nothing(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": Response(200, {}, b"", delay=2.0), "/a": html(PAGE)})
    with fetcher(retries=0, timeout=0.3) as f:
        refused = f.fetch(web_server.url("/a"))
    assert isinstance(refused, Rejected)
    assert "robots.txt of" in refused.reason and "could not be read (timed out after 0.3 s)" in refused.reason
    assert web_server.hits("/a") == 0


def test_no_robots_neither_asks_for_nor_obeys_robots_txt(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": robots("User-agent: *\nDisallow: /\n"), "/a": html(PAGE)})
    with fetcher(respect_robots=False) as f:
        assert isinstance(f.fetch(web_server.url("/a")), Page)
    assert web_server.paths() == ["/a"]


def test_a_redirect_into_a_disallowed_path_is_refused(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": robots("User-agent: *\nDisallow: /private\n"),
                              "/a": redirect("/private/a"), "/private/a": html(PAGE)})
    with fetcher() as f:
        refused = f.fetch(web_server.url("/a"))
    assert isinstance(refused, Rejected) and "disallows it" in refused.reason
    assert web_server.hits("/private/a") == 0


# ---------------------------------------------------------------- delay, retries, timeouts


def test_requests_to_one_host_wait_the_per_host_delay(web_server: WebServer) -> None:
    web_server.routes.update({"/a": html(PAGE), "/b": html(PAGE)})
    sleep = Recorder()
    with fetcher(sleep, per_host_delay=1.5, respect_robots=False) as f:
        f.fetch(web_server.url("/a"))
        assert sleep.waits == []  # the first request to a host does not wait
        f.fetch(web_server.url("/b"))
    assert len(sleep.waits) == 1 and 1.0 < sleep.waits[0] <= 1.5


def test_the_delay_is_per_host(web_server: WebServer) -> None:
    web_server.routes["/a"] = html(PAGE)
    sleep = Recorder()
    with fetcher(sleep, per_host_delay=1.5, respect_robots=False) as f:
        f.fetch(web_server.url("/a"))
        other = f.fetch(web_server.url("/a").replace("127.0.0.1", "localhost"))
    assert isinstance(other, Page) and sleep.waits == []


def test_a_robots_crawl_delay_longer_than_ours_is_honoured(web_server: WebServer) -> None:
    web_server.routes.update({"/robots.txt": robots("User-agent: *\nCrawl-delay: 5\n"), "/a": html(PAGE)})
    sleep = Recorder()
    with fetcher(sleep, per_host_delay=1.0) as f:
        f.fetch(web_server.url("/a"))  # robots.txt, then the page: 5 s apart
    assert len(sleep.waits) == 1 and 4.0 < sleep.waits[0] <= 5.0


def test_a_slow_server_times_out_by_name(web_server: WebServer) -> None:
    web_server.routes["/slow"] = Response(200, {"Content-Type": "text/html"}, PAGE.encode(), delay=2.0)
    started = time.monotonic()
    with fetcher(retries=1, timeout=0.3, respect_robots=False) as f:
        refused = f.fetch(web_server.url("/slow"))
    assert refused == Rejected(web_server.url("/slow"), "timed out after 0.3 s (2 tries)")
    assert time.monotonic() - started < 1.5
    assert web_server.hits("/slow") == 2  # a timeout is retried


def test_5xx_is_retried_with_exponential_backoff(web_server: WebServer) -> None:
    web_server.routes["/a"] = sequence(Response(503), Response(502), html(PAGE))
    sleep = Recorder()
    with fetcher(sleep, retries=2, backoff=1.0, respect_robots=False) as f:
        page = f.fetch(web_server.url("/a"))
    assert isinstance(page, Page) and page.status == 200
    assert sleep.waits == [1.0, 2.0] and web_server.hits("/a") == 3


def test_retries_end_with_the_last_answer(web_server: WebServer) -> None:
    web_server.routes["/a"] = Response(500)
    with fetcher(retries=2, respect_robots=False) as f:
        assert f.fetch(web_server.url("/a")) == Rejected(web_server.url("/a"), "HTTP 500")
    assert web_server.hits("/a") == 3


@pytest.mark.parametrize(("retry_after", "wait"), [("7", 7.0), ("100000", 60.0)])
def test_429_honours_retry_after_up_to_a_cap(web_server: WebServer, retry_after: str, wait: float) -> None:
    web_server.routes["/a"] = sequence(Response(429, {"Retry-After": retry_after}), html(PAGE))
    sleep = Recorder()
    with fetcher(sleep, respect_robots=False) as f:
        assert isinstance(f.fetch(web_server.url("/a")), Page)
    assert sleep.waits == [wait]


def test_a_refused_connection_is_retried_then_named() -> None:
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sleep = Recorder()
    url = f"http://127.0.0.1:{port}/a"
    with fetcher(sleep, retries=2, backoff=0.5, respect_robots=False) as f:
        refused = f.fetch(url)
    assert isinstance(refused, Rejected) and refused.where == url
    assert refused.reason.startswith("could not connect (") and refused.reason.endswith(" (3 tries)")
    assert sleep.waits == [0.5, 1.0]


# ---------------------------------------------------------------- size, type, redirects, schemes


def test_a_huge_body_is_cut_off_while_streaming(web_server: WebServer) -> None:
    size = 1_000_000_000  # a gigabyte, made as it is sent
    web_server.routes["/huge"] = huge(size)
    started = time.monotonic()
    with fetcher(max_bytes=200_000, respect_robots=False) as f:
        refused = f.fetch(web_server.url("/huge"))
    assert refused == Rejected(web_server.url("/huge"), "over 200,000 bytes")
    assert time.monotonic() - started < 5
    time.sleep(0.2)  # let the server notice the closed connection
    assert web_server.sent["/huge"] < 50_000_000  # the rest of the gigabyte was never sent


def test_a_body_dripping_in_is_cut_off_at_the_time_limit(web_server: WebServer) -> None:
    def drip() -> Iterable[bytes]:
        for _ in range(40):
            time.sleep(0.05)
            yield b"<p>x</p>"

    web_server.routes["/drip"] = Response(200, {"Content-Type": "text/html"}, drip)
    started = time.monotonic()
    with fetcher(timeout=1.0, max_seconds=0.5, respect_robots=False) as f:
        refused = f.fetch(web_server.url("/drip"))
    assert refused == Rejected(web_server.url("/drip"), "the body was still arriving after 0.5 s")
    assert time.monotonic() - started < 1.5


def test_a_robots_txt_over_500_kb_is_read_up_to_there(web_server: WebServer) -> None:
    rules = "User-agent: *\nDisallow: /private\n" + "# padding\n" * 100_000  # 1 MB
    web_server.routes.update({"/robots.txt": robots(rules), "/a": html(PAGE), "/private/a": html(PAGE)})
    with fetcher() as f:
        assert isinstance(f.fetch(web_server.url("/a")), Page)
        assert isinstance(f.fetch(web_server.url("/private/a")), Rejected)


def test_a_declared_length_over_the_limit_is_refused_before_the_body(web_server: WebServer) -> None:
    web_server.routes["/big"] = huge(20_000_000, declare_length=True)
    with fetcher(max_bytes=1_000_000, respect_robots=False) as f:
        refused = f.fetch(web_server.url("/big"))
    assert refused == Rejected(web_server.url("/big"), "over 1,000,000 bytes (Content-Length 20,000,000)")


def test_a_body_at_the_limit_is_taken(web_server: WebServer) -> None:
    web_server.routes["/a"] = Response(200, {"Content-Type": "text/html"}, b"x" * 1000)
    with fetcher(max_bytes=1000, respect_robots=False) as f:
        page = f.fetch(web_server.url("/a"))
    assert isinstance(page, Page) and len(page.body) == 1000


@pytest.mark.parametrize(("content_type", "taken"), [
    ("application/pdf", False), ("image/png", False), ("application/json", False), (None, False),
    ("text/html; charset=iso-8859-1", True), ("application/xhtml+xml", True), ("application/rss+xml", True),
    ("application/atom+xml", True), ("text/xml", True), ("TEXT/HTML", True),
])
def test_only_pages_and_feeds_are_taken(web_server: WebServer, content_type: str | None, taken: bool) -> None:
    web_server.routes["/a"] = Response(200, {"Content-Type": content_type} if content_type else {}, b"%PDF-1.4")
    with fetcher(respect_robots=False) as f:
        got = f.fetch(web_server.url("/a"))
    if taken:
        assert isinstance(got, Page)
    else:
        media = (content_type or "(none)").split(";")[0]
        assert got == Rejected(web_server.url("/a"), f"content type {media} is not a web page or a feed")


def test_accept_narrows_the_types_taken(web_server: WebServer) -> None:
    web_server.routes["/feed"] = atom([])
    with Fetcher(FetchPolicy(respect_robots=False), accept=HTML_TYPES) as f:
        refused = f.fetch(web_server.url("/feed"))
    assert refused == Rejected(web_server.url("/feed"),
                               "content type application/atom+xml is not a web page or a feed")


def test_redirects_are_followed_and_the_identity_is_the_url_asked(web_server: WebServer) -> None:
    web_server.routes.update({"/old": redirect("/older", 301), "/older": redirect(web_server.url("/new"), 308),
                              "/new": html(PAGE)})
    with fetcher(respect_robots=False) as f:
        page = f.fetch(web_server.url("/old?utm_medium=x"))
    assert isinstance(page, Page)
    assert (page.url, page.final_url) == (web_server.url("/old"), web_server.url("/new"))


def test_a_redirect_loop_stops_at_the_limit(web_server: WebServer) -> None:
    web_server.routes["/loop"] = redirect("/loop")
    with fetcher(max_redirects=5, respect_robots=False) as f:
        assert f.fetch(web_server.url("/loop")) == Rejected(web_server.url("/loop"), "more than 5 redirects")
    assert web_server.hits("/loop") == 6


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/file.html", "file:///etc/passwd"])
def test_a_redirect_out_of_the_web_is_refused(web_server: WebServer, target: str) -> None:
    web_server.routes["/out"] = redirect(target)
    with fetcher(respect_robots=False) as f:
        refused = f.fetch(web_server.url("/out"))
    scheme = target.split(":")[0]
    assert refused == Rejected(web_server.url("/out"), f"redirect to a {scheme}: URL")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "javascript:alert(1)", "127.0.0.1/a"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with fetcher() as f:
        assert f.fetch(url) == Rejected(url, "not http or https")


@pytest.mark.parametrize(("url", "reason"), [
    ("http://", "no host in the URL"), ("https:///a", "no host in the URL"),
    ("http://[::1/a", "not a usable URL (Invalid IPv6 URL)"),
    ("http://127.0.0.1:99999/a", "not a usable URL (Port out of range 0-65535)"),
])
def test_a_malformed_url_is_refused_not_raised(url: str, reason: str) -> None:
    with fetcher(respect_robots=False, retries=0) as f:
        assert f.fetch(url) == Rejected(url, reason)


def test_a_conditional_request_can_answer_not_modified(web_server: WebServer) -> None:
    def answer(request: Any) -> Response:
        if request.headers.get("if-none-match") == '"v1"':
            return Response(304, {"ETag": '"v1"'})
        return Response(200, {"Content-Type": "text/html", "ETag": '"v1"'}, PAGE.encode())

    web_server.routes["/a"] = answer
    with fetcher(respect_robots=False) as f:
        first = f.fetch(web_server.url("/a"))
        again = f.fetch(web_server.url("/a"), headers={"If-None-Match": '"v1"'})
    assert isinstance(first, Page) and first.headers["etag"] == '"v1"'
    assert isinstance(again, Page) and (again.status, again.body) == (304, b"")


def test_not_modified_without_a_condition_is_refused(web_server: WebServer) -> None:
    web_server.routes["/a"] = Response(304)
    with fetcher(respect_robots=False) as f:
        assert f.fetch(web_server.url("/a")) == Rejected(web_server.url("/a"), "HTTP 304")
