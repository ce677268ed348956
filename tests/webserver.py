"""A small HTTP server for tests, on 127.0.0.1 (a free port) in a thread: routes in, every request recorded.

    from tests.webserver import WebServer, Response, html, redirect, sequence, huge, rss, atom, news_page

    with WebServer({"/a": html(news_page("Title", ["First paragraph ...", "..."]))}) as server:
        url = server.url("/a")                    # http://127.0.0.1:PORT/a
        ...                                       # fetch it
        assert server.hits("/a") == 1             # requests for that path (query ignored)
        assert server.requests[0].headers["user-agent"].startswith("newsgraph/")

Or use the ``web_server`` fixture of tests/conftest.py (started, no routes; add them: ``web_server.routes[...]``).

A route maps a path (with its query string, else without it) to one of:
- a ``Response(status, headers, body, delay)``; ``body`` is bytes, or a function returning an iterable of
  byte chunks (streamed as they come, with no Content-Length unless given: a huge body costs no memory);
  ``delay`` seconds pass before the answer (a slow server, for timeouts);
- a tuple ``(status, headers, body)``;
- a function ``Request -> Response | tuple``, called for each request (``sequence(...)`` answers 503 then 200).
Unknown paths answer 404 (so ``/robots.txt`` is absent unless routed). ``server.sent[path]`` counts the body
bytes that reached the socket (a client that cuts a huge body short leaves it far below the body's size).
Helpers: ``html``, ``redirect``, ``sequence``, ``huge``, ``rss``, ``atom``, ``news_page``, ``corpus_page``.
The server speaks HTTP/1.0 (one request per connection) and never talks to any other address.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html as html_escape
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "sample.jsonl"


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the query string
    headers: Mapping[str, str]  # lower-case names


@dataclass
class Response:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Iterable[bytes]] = b""
    delay: float = 0.0  # seconds before answering


Route = Response | tuple[int, Mapping[str, str], bytes] | Callable[[Request], Any]


class WebServer:
    """See the module's docstring."""

    def __init__(self, routes: Mapping[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[Request] = []
        self.sent: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # a client gone
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        """How many requests asked for this path (query string ignored unless ``path`` has one)."""
        return sum(1 for r in self.requests if r.path == path or ("?" not in path and r.path.split("?")[0] == path))

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def start(self) -> WebServer:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> WebServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _answer(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(request)
        route = self.routes.get(request.path) or self.routes.get(request.path.split("?")[0])
        if route is None:
            return Response(404, {"Content-Type": "text/plain"}, b"not found")
        if callable(route) and not isinstance(route, Response):
            route = route(request)
        if isinstance(route, tuple):
            status, headers, body = route
            return Response(status, dict(headers), body)
        assert isinstance(route, Response), route
        return route


def _handler_for(server: WebServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            request = Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
            response = server._answer(request)
            if response.delay:
                time.sleep(response.delay)
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            if isinstance(response.body, bytes) and "content-length" not in {k.lower() for k in response.headers}:
                self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            chunks = [response.body] if isinstance(response.body, bytes) else response.body()
            try:
                for chunk in chunks:
                    self.wfile.write(chunk)
                    with server._lock:
                        server.sent[request.path] += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what a size limit does

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: tests read server.requests instead

    return Handler


# ---------------------------------------------------------------- responses


def html(page: str | bytes, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    body = page.encode("utf-8") if isinstance(page, str) else page
    return Response(status, {"Content-Type": "text/html; charset=utf-8", **(headers or {})}, body)


def redirect(location: str, status: int = 302) -> Response:
    return Response(status, {"Location": location}, b"")


def sequence(*responses: Response) -> Callable[[Request], Response]:
    """A route answering each request with the next response, the last one from then on (503, 503, 200)."""
    answers = list(responses)

    def answer(request: Request) -> Response:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    return answer


def huge(size: int, content_type: str = "text/html", declare_length: bool = False) -> Response:
    """A body of ``size`` bytes made as it is sent (64 KiB chunks); with ``declare_length`` a Content-Length."""
    def chunks() -> Iterable[bytes]:
        block = b"<p>" + b"x" * 65_529 + b"</p>"
        for start in range(0, size, len(block)):
            yield block[: size - start]

    headers = {"Content-Type": content_type} | ({"Content-Length": str(size)} if declare_length else {})
    return Response(200, headers, chunks)


def rss(items: Iterable[tuple[str, str, dt.datetime | None]], title: str = "Test News") -> Response:
    """An RSS 2.0 feed of (link, title, pubDate) items."""
    entries = "".join(
        f"<item><title>{html_escape.escape(t)}</title><link>{html_escape.escape(link)}</link>"
        + (f"<pubDate>{email.utils.format_datetime(when)}</pubDate>" if when else "") + "</item>"
        for link, t, when in items)
    body = (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>Test feed</description>{entries}</channel></rss>")
    return Response(200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body.encode("utf-8"))


def atom(entries: Iterable[tuple[str, str, dt.datetime | None]], title: str = "Test News",
         content_type: str = "application/atom+xml") -> Response:
    """An Atom feed of (link, title, published) entries; ``content_type`` "text/xml" makes the reader sniff."""
    parts = "".join(
        f'<entry><title>{html_escape.escape(t)}</title><link rel="alternate" href="{html_escape.escape(link)}"/>'
        f"<id>{html_escape.escape(link)}</id>"
        + (f"<published>{when.isoformat()}</published><updated>{when.isoformat()}</updated>" if when else "")
        + "</entry>"
        for link, t, when in entries)
    body = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}'
            f"</title><id>urn:test</id><updated>2024-01-01T00:00:00Z</updated>{parts}</feed>")
    return Response(200, {"Content-Type": content_type}, body.encode("utf-8"))


def news_page(title: str, paragraphs: Iterable[str], published: str | None = None) -> str:
    """A news article page as sites make them: navigation, a headline, a dated byline, the text, a footer."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    byline = f'<p class="byline">By Staff Reporter, <time datetime="{published}">{published}</time></p>' \
        if published else ""
    text = "".join(f"<p>{html_escape.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html_escape.escape(title)}'
            f"</title>{meta}</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> "
            f'<a href="/sport">Sport</a></nav></header><main><article><h1>{html_escape.escape(title)}</h1>'
            f'{byline}{text}</article></main><footer><p>© Test News. All rights reserved.</p>'
            "<a href=\"/about\">About us</a></footer></body></html>")


def corpus_page(index: int, published: bool = True) -> tuple[dict[str, Any], str]:
    """Article ``index`` of data/corpus/sample.jsonl (Wikinews, CC BY 2.5) and a news page made of it."""
    with CORPUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number == index:
                record = json.loads(line)
                break
        else:
            raise IndexError(f"{CORPUS} has no article {index}")
    paragraphs = [p for p in record["text"].split("\n") if p.strip()]
    return record, news_page(record.get("title") or "Untitled", paragraphs,
                             record.get("published") if published else None)
