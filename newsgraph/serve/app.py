"""`newsgraph serve`: a JSON API over the store's queries and one static page that reads it.

Read-only by construction: each request opens the store with ``Store.open_existing`` (SQLite's ``mode=ro``), so
the web view can run beside an ingest (WAL lets readers and the writer go on together) and can never change what
is stored; a file that stops being a newsgraph store while served is refused per request, untouched.

Every error, whatever the route, has one JSON shape, ``{"error": {"status": 404, "message": "..."}}``, where the
message is one sentence that says what to do and names the store by its file name only, never its full path. A
parameter the route does not take is a 400 that names the routes that take it.

Every response carries ``SECURITY_HEADERS``: a Content-Security-Policy that lets the page load its script, style
and data from this server only (no inline code, no framing), ``X-Content-Type-Options: nosniff``,
``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``.

The ``Host`` header must name this server: ``localhost``, ``127.0.0.1``, the address it listens on, or a name
added with ``allowed_hosts`` (any port). A DNS-rebinding page, whose requests carry its own host name, gets a 403.

Paths are split on ``/`` before they are percent-decoded, exactly once, as UTF-8, so an article id may hold any
character, ``/`` included (sent as ``%2F``); the server hands the app the still-encoded path as ``RAW_URI``.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import sqlite3
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, unquote_to_bytes
from wsgiref import simple_server

from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.store import queries
from newsgraph.store.queries import FilterNotApplicable
from newsgraph.store.sqlite import Store

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]
App = Callable[[Environ, StartResponse], Iterable[bytes]]
Headers = list[tuple[str, str]]
Response = tuple[HTTPStatus, Headers, bytes]

DEFAULT_LIMIT, MAX_LIMIT = 100, 2000
# The store queries the API exposes, as /api/<name>; `map` and `articles` are the web view's own.
QUERIES = ("events", "clusters", "quotes", "claims", "quantities", "places", "actors", "search", "map", "articles",
           "series")
# Query-string parameter -> keyword of the store's query functions.
PARAMS = {"actor": "actor", "type": "event_type", "speaker": "speaker", "name": "name", "article": "article",
          "q": "text", "since": "since", "until": "until", "limit": "limit", "order": "newest_first", "about": "about"}
_PARAM_OF = {keyword: param for param, keyword in PARAMS.items()}

# The page is one HTML file, one script and one style sheet from this server, and JSON it fetches from it: nothing
# inline, nothing from elsewhere, so an article text that slipped past the page's text-node rendering still could
# not run. form-action 'none': the filter form is handled by the script and never submitted.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS: Headers = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
    ("Referrer-Policy", "no-referrer"),  # an article link opened from the trail does not tell its site about us
]
# The names this server always answers to; the address it listens on and `allowed_hosts` are added to them.
DEFAULT_HOSTS = ("localhost", "127.0.0.1")


class ApiError(Exception):
    """An error the client caused or can act on; becomes the one JSON error shape."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def make_app(db: str | Path, allowed_hosts: Iterable[str] | None = None) -> App:
    """The WSGI application for the newsgraph store at ``db``.

    Raises StoreError when there is no store at ``db``, NotAStore when the file is not one (left byte-identical).
    Requests are answered when their Host is ``localhost``, ``127.0.0.1`` or one of ``allowed_hosts`` (names added
    to those two, with or without a port; any port matches); any other Host gets a 403."""
    Store.open_existing(db).close()
    path = Path(db)
    hosts = _host_names([*DEFAULT_HOSTS, *(allowed_hosts or ())])

    def app(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        status, headers, body = _respond(path, hosts, environ)
        start_response(f"{status.value} {status.phrase}", [*headers, *SECURITY_HEADERS])
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    return app


def make_server(db: str | Path, host: str = "127.0.0.1", port: int = 8765,
                allowed_hosts: Iterable[str] | None = None) -> simple_server.WSGIServer:
    """A server for the web view listening on ``host:port`` (port 0 picks a free one), not yet serving.

    Answers Host ``localhost``, ``127.0.0.1``, ``host`` itself and each of ``allowed_hosts``."""
    app = make_app(db, [host, *(allowed_hosts or ())])
    return simple_server.make_server(host, port, app, server_class=_Server, handler_class=_QuietHandler)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8765,
          allowed_hosts: Iterable[str] | None = None, on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the web view until interrupted; ``allowed_hosts`` are host names answered besides the defaults.
    ``on_ready`` gets the URL once the server listens (the CLI prints it)."""
    with make_server(db, host, port, allowed_hosts) as server:
        if on_ready is not None:
            on_ready(f"http://{host}:{server.server_port}/")
        server.serve_forever()


class _Server(ThreadingMixIn, simple_server.WSGIServer):
    """One thread per request: a browser's idle preconnected socket, or any slow client, cannot hold up the rest.
    Each request opens its own read-only connection, so nothing is shared between threads."""

    daemon_threads = True


class _QuietHandler(simple_server.WSGIRequestHandler):
    """wsgiref's handler, without a log line per request, giving the app the raw path, and answering the requests
    it refuses itself (a malformed request line, a URI over 64 KiB) in the one JSON shape with the same headers."""

    def get_environ(self) -> Environ:
        environ: Environ = super().get_environ()
        # Still percent-encoded: PATH_INFO is decoded, so an encoded '/' in an article id is lost there.
        environ["RAW_URI"] = self.path
        return environ

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        status = HTTPStatus(code)
        _, headers, body = _error(status, f"{message or status.phrase}; send a well-formed HTTP/1.1 request")
        self.close_connection = True
        # A request line refused before its version was read leaves the HTTP/0.9 default, under which http.server
        # sends no status line and no headers; no client of this century wants that.
        if getattr(self, "request_version", "") == "HTTP/0.9":
            self.request_version = "HTTP/1.0"
        self.send_response(code)
        for name, value in [*headers, *SECURITY_HEADERS, ("Connection", "close")]:
            self.send_header(name, value)
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":
            self.wfile.write(body)


# ---------------------------------------------------------------- requests


def _respond(db: Path, hosts: frozenset[str], environ: Environ) -> Response:
    """The route's response, or the one JSON error shape for whatever went wrong, the store named by file name."""
    try:
        _check_host(environ.get("HTTP_HOST"), hosts)
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            raise ApiError(HTTPStatus.METHOD_NOT_ALLOWED, "the web view is read-only; use GET")
        return _route(db, _segments(environ), environ.get("QUERY_STRING", ""))
    except ApiError as e:
        return _error(e.status, _public(e.message, db))
    except FilterNotApplicable as e:
        return _error(HTTPStatus.BAD_REQUEST, _not_applicable(_PARAM_OF.get(e.keyword, e.keyword), f"/api/{e.what}"))
    except NewsgraphError as e:
        return _error(HTTPStatus.BAD_REQUEST, _public(str(e), db))
    except sqlite3.Error as e:  # the file changed under us (replaced, truncated) or stayed locked
        unreadable = f"{db.name} could not be read ({e}); try again, and if it persists check the store with "
        return _error(HTTPStatus.SERVICE_UNAVAILABLE, _public(unreadable + "`newsgraph summary`", db))
    except Exception:  # a bug: the client gets the JSON shape, the server's error stream the traceback
        traceback.print_exc(file=environ.get("wsgi.errors", sys.stderr))
        return _error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error; the server's error output has the details")


def _host_names(hosts: Iterable[str]) -> frozenset[str]:
    return frozenset(name for name in map(_host_name, hosts) if name)


def _host_name(host: str) -> str:
    """The name in a Host header or an allowed host, lowercased, without its port: '[::1]:8765' -> '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.split(":", 1)[0] if host.count(":") == 1 else host  # more colons: a bare IPv6 address


def _check_host(header: str | None, allowed: frozenset[str]) -> None:
    """Refuse a Host this server does not answer to: a DNS-rebinding page reaches 127.0.0.1 under its own name.
    A request without Host (HTTP/1.0) passes: browsers always send one, so no page can make such a request."""
    if header is None or _host_name(header) in allowed:
        return
    raise ApiError(HTTPStatus.FORBIDDEN, f"host {_host_name(header)[:100]!r} is not allowed (a guard against DNS "
                   "rebinding); to serve under that name, start the server with `newsgraph serve --allow-host HOST`")


def _segments(environ: Environ) -> list[str]:
    """The path's segments, split on '/' first, then percent-decoded exactly once, as UTF-8.

    From the raw path when the server gives it (RAW_URI, as gunicorn names it; REQUEST_URI elsewhere). Else from
    PATH_INFO, already decoded by the server and carried as latin-1 (PEP 3333): its bytes are read as UTF-8 and
    not decoded again; an encoded '/' cannot be told from a real one there."""
    raw = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if raw:
        parts = [unquote_to_bytes(p) for p in _wsgi_bytes(raw.split("?", 1)[0]).split(b"/") if p]
    else:
        parts = [p for p in _wsgi_bytes(environ.get("PATH_INFO") or "/").split(b"/") if p]
    try:
        return [p.decode("utf-8") for p in parts]
    except UnicodeDecodeError:
        raise ApiError(HTTPStatus.BAD_REQUEST, "the path is not UTF-8; percent-encode ids as UTF-8 "
                       "(encodeURIComponent)") from None


def _wsgi_bytes(text: str) -> bytes:
    """The bytes a WSGI string stands for (latin-1 by PEP 3333); text beyond latin-1 came decoded as UTF-8."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


# ---------------------------------------------------------------- routing


def _route(db: Path, parts: list[str], query_string: str) -> Response:
    path = "/" + "/".join(parts)
    if not parts:
        return _static("index.html")
    if parts[0] == "static" and len(parts) == 2:
        return _static(parts[1])
    if parts[0] != "api" or len(parts) < 2:
        raise ApiError(HTTPStatus.NOT_FOUND, f"no page at {path}; the API is under /api/ (try /api/summary)")
    if parts[1:] == ["summary"]:
        _no_parameters(query_string, "/api/summary")
        with _open(db) as store:
            return _json(_summary(store))
    if parts[1] == "articles" and len(parts) == 3:
        _no_parameters(query_string, "/api/articles/ID")
        with _open(db) as store:
            return _json(_article(store, parts[2]))
    if parts[1] == "series" and len(parts) == 3:
        _no_parameters(query_string, "/api/series/ID")
        with _open(db) as store:
            return _json(_series(store, parts[2]))
    if len(parts) == 2 and parts[1] in QUERIES:
        filters = _filters(parts[1], query_string)
        with _open(db) as store:
            rows = store.query(parts[1], **filters)
        return _json({"rows": rows, "count": len(rows)})
    raise ApiError(HTTPStatus.NOT_FOUND, f"no API route {path}; routes: /api/summary, /api/articles/ID, "
                   "/api/series/ID, " + ", ".join(f"/api/{q}" for q in QUERIES))


@contextmanager
def _open(db: Path) -> Iterator[Store]:
    """A read-only connection for one request, closed whatever happens. The store is checked each time, so a file
    replaced by something else while served is refused (503), never read as a store."""
    try:
        store = Store.open_existing(db)
    except StoreError as e:
        raise ApiError(HTTPStatus.SERVICE_UNAVAILABLE, str(e)) from e
    try:
        yield store
    finally:
        store.close()


def _public(message: str, db: Path) -> str:
    """The message with the store's path, as given or resolved, replaced by its file name: a client learns nothing
    of the server's folders."""
    spelled = {str(db), str(db.resolve()), db.resolve().as_uri()}
    for text in sorted(spelled, key=len, reverse=True):  # the longest first: the URI holds the resolved path
        message = message.replace(text, db.name)
    return message


def _given(query_string: str) -> dict[str, list[str]]:
    """The query string's parameters; one the API does not know is the client's error."""
    given = parse_qs(query_string, keep_blank_values=False)
    unknown = sorted(set(given) - set(PARAMS))
    if unknown:
        raise ApiError(HTTPStatus.BAD_REQUEST, f"unknown parameter {unknown[0]!r}; known: {', '.join(PARAMS)}")
    return given


def _not_applicable(param: str, route: str) -> str:
    keyword = PARAMS.get(param, param)
    takers = QUERIES if keyword == "limit" else [q for q in queries.queries_taking(keyword) if q in QUERIES]
    return f"{param} does not apply to {route}; it applies to " + (", ".join(f"/api/{q}" for q in takers) or "none")


def _no_parameters(query_string: str, route: str) -> None:
    """A route that takes no parameter refuses any, rather than ignore a filter the client thinks applies."""
    given = _given(query_string)
    if given:
        raise ApiError(HTTPStatus.BAD_REQUEST, _not_applicable(next(iter(given)), route))


def _filters(what: str, query_string: str) -> dict[str, Any]:
    """The store-query keywords for a query string; unknown, inapplicable or malformed parameters are the client's
    error."""
    given = _given(query_string)
    # By presence, whatever the value: the store ignores newest_first=False, yet order=oldest does not apply either.
    queries.check_filters(what, {PARAMS[name]: True for name in given if name != "limit"})
    out: dict[str, Any] = {"limit": DEFAULT_LIMIT}
    for name, values in given.items():
        out[PARAMS[name]] = _value(name, values[-1])
    return out


def _value(name: str, value: str) -> Any:
    """One parameter's value as the store's keyword takes it."""
    if name in ("since", "until"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ApiError(HTTPStatus.BAD_REQUEST, f"{name}={value!r} is not a YYYY-MM-DD date") from None
    if name == "order":
        if value not in ("newest", "oldest"):
            raise ApiError(HTTPStatus.BAD_REQUEST, f"order={value!r} must be newest or oldest")
        return value == "newest"
    if name == "limit":
        if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
            raise ApiError(HTTPStatus.BAD_REQUEST, f"limit={value!r} must be a whole number from 1 to {MAX_LIMIT}")
        return int(value)
    return value


def _article(store: Store, article_id: str) -> dict[str, Any]:
    try:
        return store.article_record(article_id)
    except StoreError as e:
        raise ApiError(HTTPStatus.NOT_FOUND, str(e)) from e


def _series(store: Store, series_id: str) -> dict[str, Any]:
    """One figure series by its id; an id that is no whole number names no series either."""
    unknown = f"no series with id {series_id[:40]!r}; list the ids at /api/series"
    if not series_id.isascii() or not series_id.isdigit():
        raise ApiError(HTTPStatus.NOT_FOUND, unknown)
    try:
        return queries.series_record(store.conn, int(series_id), Path(store.path).name)
    except queries.SeriesNotFound as e:
        raise ApiError(HTTPStatus.NOT_FOUND, unknown) from e


def _summary(store: Store) -> dict[str, Any]:
    counts = {t: store.count(t) for t in ("articles", "actors", "events", "event_clusters", "quotes", "claims",
                                          "quantities", "places", "times")}
    published = next(store.rows("SELECT min(published) AS first, max(published) AS last FROM articles"))
    return {"store": Path(store.path).name, "counts": counts, "published": published}


# ---------------------------------------------------------------- responses


def _json(payload: Any, status: HTTPStatus = HTTPStatus.OK) -> Response:
    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    return status, [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))], body


def _error(status: HTTPStatus, message: str) -> Response:
    return _json({"error": {"status": status.value, "message": message}}, status)


def _static(name: str) -> Response:
    folder = resources.files("newsgraph.serve") / "static"
    target = folder / name
    if "/" in name or name.startswith(".") or not target.is_file():
        raise ApiError(HTTPStatus.NOT_FOUND, f"no static file {name!r}")
    body = target.read_bytes()
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind.endswith(("javascript", "json")):
        kind += "; charset=utf-8"
    return HTTPStatus.OK, [("Content-Type", kind), ("Content-Length", str(len(body)))], body
