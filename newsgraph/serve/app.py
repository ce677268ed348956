"""`newsgraph serve`: a JSON API over the store's queries and one static page that reads it.

Read-only by construction: each request opens the store with SQLite's ``mode=ro``, so the web view can run
beside an ingest (WAL lets readers and the writer go on together) and can never change what is stored.

Every error, whatever the route, has one JSON shape, ``{"error": {"status": 404, "message": "..."}}``,
where the message is one sentence that says what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http import HTTPStatus
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote
from wsgiref.simple_server import WSGIRequestHandler, make_server

from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.store.sqlite import Store

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]

DEFAULT_LIMIT, MAX_LIMIT = 100, 2000
# The store queries the API exposes, as /api/<name>; `map` and `articles` are the web view's own.
QUERIES = ("events", "clusters", "quotes", "claims", "quantities", "places", "actors", "search", "map", "articles")
# Query-string parameter -> keyword of the store's query functions.
PARAMS = {"actor": "actor", "type": "event_type", "speaker": "speaker", "name": "name", "article": "article",
          "q": "text", "since": "since", "until": "until", "limit": "limit", "order": "newest_first"}


class ApiError(Exception):
    """An error the client caused or can act on; becomes the one JSON error shape."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def make_app(db: str | Path) -> Callable[[Environ, StartResponse], Iterable[bytes]]:
    """The WSGI application for the store at ``db`` (which must exist)."""
    path = Path(db)
    if not path.is_file():
        raise StoreError(f"{db}: no store here; create one with `newsgraph ingest PATH --db {db}`")

    def app(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        try:
            if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
                raise ApiError(HTTPStatus.METHOD_NOT_ALLOWED, "the web view is read-only; use GET")
            status, headers, body = _route(path, environ.get("PATH_INFO") or "/", environ.get("QUERY_STRING", ""))
        except ApiError as e:
            status, headers, body = _error(e.status, e.message)
        except NewsgraphError as e:
            status, headers, body = _error(HTTPStatus.BAD_REQUEST, str(e))
        start_response(f"{status.value} {status.phrase}", headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the web view until interrupted."""
    app = make_app(db)
    with make_server(host, port, app, handler_class=_QuietHandler) as server:
        print(f"newsgraph: serving {db} on http://{host}:{server.server_port}/ (Ctrl-C stops)", flush=True)
        server.serve_forever()


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


# ---------------------------------------------------------------- routing


def _route(db: Path, path: str, query_string: str) -> tuple[HTTPStatus, list[tuple[str, str]], bytes]:
    parts = [unquote(p) for p in path.strip("/").split("/") if p]
    if not parts:
        return _static("index.html")
    if parts[0] == "static" and len(parts) == 2:
        return _static(parts[1])
    if parts[0] != "api" or len(parts) < 2:
        raise ApiError(HTTPStatus.NOT_FOUND, f"no page at {path}; the API is under /api/ (try /api/summary)")
    with _open(db) as store:
        if parts[1:] == ["summary"]:
            return _json(_summary(store))
        if parts[1] == "articles" and len(parts) == 3:
            try:
                return _json(store.article_record(parts[2]))
            except StoreError as e:
                raise ApiError(HTTPStatus.NOT_FOUND, str(e)) from e
        if len(parts) == 2 and parts[1] in QUERIES:
            rows = store.query(parts[1], **_filters(query_string))
            return _json({"rows": rows, "count": len(rows)})
    raise ApiError(HTTPStatus.NOT_FOUND, f"no API route {path}; routes: /api/summary, /api/articles/ID, "
                   + ", ".join(f"/api/{q}" for q in QUERIES))


@contextmanager
def _open(db: Path) -> Iterator[Store]:
    """A read-only connection for one request, closed whatever happens."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise StoreError(f"{db}: cannot open the store read-only ({e})") from e
    conn.row_factory = sqlite3.Row
    store = Store(conn, str(db))
    try:
        yield store
    finally:
        store.close()


def _filters(query_string: str) -> dict[str, Any]:
    """The store-query keywords for a query string; unknown or malformed parameters are the client's error."""
    given = parse_qs(query_string, keep_blank_values=False)
    unknown = sorted(set(given) - set(PARAMS))
    if unknown:
        raise ApiError(HTTPStatus.BAD_REQUEST, f"unknown parameter {unknown[0]!r}; known: {', '.join(PARAMS)}")
    out: dict[str, Any] = {"limit": DEFAULT_LIMIT}
    for name, values in given.items():
        value = values[-1]
        if name in ("since", "until"):
            try:
                out[PARAMS[name]] = dt.date.fromisoformat(value)
            except ValueError:
                raise ApiError(HTTPStatus.BAD_REQUEST, f"{name}={value!r} is not a YYYY-MM-DD date") from None
        elif name == "order":
            if value not in ("newest", "oldest"):
                raise ApiError(HTTPStatus.BAD_REQUEST, f"order={value!r} must be newest or oldest")
            out["newest_first"] = value == "newest"
        elif name == "limit":
            if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
                raise ApiError(HTTPStatus.BAD_REQUEST, f"limit={value!r} must be a whole number from 1 to {MAX_LIMIT}")
            out["limit"] = int(value)
        else:
            out[PARAMS[name]] = value
    return out


def _summary(store: Store) -> dict[str, Any]:
    counts = {t: store.count(t) for t in ("articles", "actors", "events", "event_clusters", "quotes", "claims",
                                          "quantities", "places", "times")}
    published = next(store.rows("SELECT min(published) AS first, max(published) AS last FROM articles"))
    return {"store": Path(store.path).name, "counts": counts, "published": published}


# ---------------------------------------------------------------- responses


def _json(payload: Any, status: HTTPStatus = HTTPStatus.OK) -> tuple[HTTPStatus, list[tuple[str, str]], bytes]:
    body = json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8")
    return status, [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))], body


def _error(status: HTTPStatus, message: str) -> tuple[HTTPStatus, list[tuple[str, str]], bytes]:
    return _json({"error": {"status": status.value, "message": message}}, status)


def _static(name: str) -> tuple[HTTPStatus, list[tuple[str, str]], bytes]:
    folder = resources.files("newsgraph.serve") / "static"
    target = folder / name
    if "/" in name or name.startswith(".") or not target.is_file():
        raise ApiError(HTTPStatus.NOT_FOUND, f"no static file {name!r}")
    body = target.read_bytes()
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind.endswith(("javascript", "json")):
        kind += "; charset=utf-8"
    return HTTPStatus.OK, [("Content-Type", kind), ("Content-Length", str(len(body)))], body
