"""The web view on a real store: JSON API routes, the one error shape, read-only access, and a real server."""

from __future__ import annotations

import json
import sqlite3
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from wsgiref.simple_server import make_server

import pytest

from newsgraph.serve.app import _open, make_app
from newsgraph.store import Store
from tests.helpers import run_cli

FIRST = ("Russian forces attacked the Ukrainian city of Kharkiv on Monday, officials said. "
         "“We will not give up,” the mayor said.")
SECOND = ("The United States sent 200 military advisers to Poland last week, the Pentagon said. "
          "Defence ministers met in Brussels to discuss the deployment.")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, extract_text: Callable[..., Any]) -> Path:
    path = tmp_path_factory.mktemp("serve") / "web.db"
    with Store.open(path) as store:
        for n, (text, day) in enumerate([(FIRST, "2024-03-04"), (SECOND, "2024-05-20")]):
            ext = extract_text(text, day)
            store.write(replace(ext, article=replace(ext.article, id=f"art{n}", title=f"Article {n}")))
    return path


@pytest.fixture(scope="module")
def app(db: Path) -> Callable[..., Any]:
    return make_app(db)


def call(app: Callable[..., Any], path: str, query: str = "", method: str = "GET") -> tuple[int, str, Any]:
    """One request through the WSGI app: (status code, content type, parsed JSON or raw bytes)."""
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(app({"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query}, start_response))
    kind = seen["headers"]["Content-Type"]
    return seen["status"], kind, json.loads(body) if kind.startswith("application/json") else body


def test_summary_counts_what_is_stored(app: Callable[..., Any]) -> None:
    status, _, body = call(app, "/api/summary")
    assert status == 200
    assert body["counts"]["articles"] == 2
    assert body["published"] == {"first": "2024-03-04", "last": "2024-05-20"}


def test_every_listed_row_points_back_to_its_characters(app: Callable[..., Any]) -> None:
    texts = {"art0": FIRST, "art1": SECOND}
    for what in ("events", "claims", "quotes", "quantities", "places"):
        status, _, body = call(app, f"/api/{what}", "limit=100")
        assert status == 200 and body["count"] == len(body["rows"]) > 0, what
        for row in body["rows"]:
            assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"], (what, row)


def test_timeline_rows_carry_the_event_period(app: Callable[..., Any]) -> None:
    _, _, body = call(app, "/api/events", "type=assault")
    assault = body["rows"][0]
    assert assault["type"] == "ASSAULT" and assault["article_id"] == "art0"
    assert assault["time_start"] == assault["time_end"] == "2024-03-04"  # "on Monday" before 4 March 2024 (Mon)


def test_timeline_order_newest_first(app: Callable[..., Any]) -> None:
    newest = [r["time_start"] for r in call(app, "/api/events", "order=newest")[2]["rows"]]
    oldest = [r["time_start"] for r in call(app, "/api/events", "order=oldest")[2]["rows"]]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest) and newest[0] > oldest[0]


def test_map_lists_only_resolved_places_once_each(app: Callable[..., Any]) -> None:
    _, _, body = call(app, "/api/map")
    names = [r["name"] for r in body["rows"]]
    assert len(names) == len(set(names))
    assert all(r["lat"] is not None and r["lon"] is not None for r in body["rows"])
    kharkiv = next(r for r in body["rows"] if r["name"] == "Kharkiv")
    assert kharkiv["country"] == "UKR" and kharkiv["articles"] == 1


def test_article_route_returns_the_text_the_spans_index(app: Callable[..., Any]) -> None:
    status, _, body = call(app, "/api/articles/art1")
    assert status == 200 and body["text"] == SECOND
    assert any(q["unit"] == "advisers" and q["value"] == 200 for q in body["quantities"])


def test_articles_list_with_item_counts(app: Callable[..., Any]) -> None:
    _, _, body = call(app, "/api/articles", "name=Article%201")
    assert [r["id"] for r in body["rows"]] == ["art1"]
    assert body["rows"][0]["quantities"] >= 1


@pytest.mark.parametrize(("path", "query", "method", "status", "message"), [
    ("/api/nothing", "", "GET", 404, "no API route /api/nothing; routes: /api/summary, /api/articles/ID, "
     "/api/events, /api/clusters, /api/quotes, /api/claims, /api/quantities, /api/places, /api/actors, "
     "/api/search, /api/map, /api/articles"),
    ("/api/events", "colour=red", "GET", 400,
     "unknown parameter 'colour'; known: actor, type, speaker, name, article, q, since, until, limit, order"),
    ("/api/events", "order=random", "GET", 400, "order='random' must be newest or oldest"),
    ("/api/events", "since=last+week", "GET", 400, "since='last week' is not a YYYY-MM-DD date"),
    ("/api/events", "limit=0", "GET", 400, "limit='0' must be a whole number from 1 to 2000"),
    ("/api/search", "q=%22troops", "GET", 400, "search query '\"troops' is not valid FTS5 syntax "
     "(unterminated string); quote phrases with \"...\""),
    ("/api/articles/nope", "", "GET", 404, None),
    ("/api/summary", "", "POST", 405, "the web view is read-only; use GET"),
    ("/static/..%2Fapp.py", "", "GET", 404, None),
])
def test_errors_have_one_json_shape(app: Callable[..., Any], path: str, query: str, method: str, status: int,
                                    message: str | None) -> None:
    got_status, kind, body = call(app, path, query, method)
    assert got_status == status and kind.startswith("application/json")
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    if message is not None:
        assert body["error"]["message"] == message


def test_the_web_view_cannot_write_the_store(db: Path) -> None:
    with _open(db) as store, pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM articles")
    with Store.open_existing(db) as store:
        assert store.count("articles") == 2


def test_a_missing_store_is_refused_with_the_fix(tmp_path: Path) -> None:
    proc = run_cli("serve", "--db", str(tmp_path / "none.db"))
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"newsgraph: {tmp_path / 'none.db'}: no store here; create one with "
                           f"`newsgraph ingest PATH --db {tmp_path / 'none.db'}`")


def test_a_bad_port_is_a_usage_error(db: Path) -> None:
    proc = run_cli("serve", "--db", str(db), "--port", "http")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == ("newsgraph serve: error: argument --port: 'http' is not a port number "
                                            "(0-65535; 0 picks a free one)")


@pytest.fixture
def server(app: Callable[..., Any]) -> Iterator[str]:
    httpd = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_a_real_server_serves_the_page_its_script_and_the_api(server: str) -> None:
    with urllib.request.urlopen(f"{server}/") as page:
        assert page.headers["Content-Type"] == "text/html; charset=utf-8"
        html = page.read().decode()
    assert '<script src="/static/app.js">' in html
    for asset in ("app.js", "style.css", "countries-110m.json"):
        with urllib.request.urlopen(f"{server}/static/{asset}") as res:
            assert res.status == 200 and int(res.headers["Content-Length"]) > 1000
    with urllib.request.urlopen(f"{server}/api/claims?speaker=Pentagon") as res:
        claims = json.load(res)["rows"]
    assert claims and all(c["speaker_name"] == "Pentagon" for c in claims)
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{server}/api/events?limit=abc")
    assert err.value.code == 400 and json.load(err.value)["error"]["status"] == 400
