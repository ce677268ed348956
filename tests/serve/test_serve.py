"""The web view on a real store: JSON API routes, the one error shape, read-only access, the security headers,
the Host check, ids that need encoding, and a real server."""

from __future__ import annotations

import json
import re
import shutil
import socket
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from newsgraph.errors import NotAStore
from newsgraph.serve.app import _open, make_app
from newsgraph.store import Store
from tests.helpers import run_cli, running

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


def respond(app: Callable[..., Any], path: str, query: str = "", method: str = "GET",
            **environ: str) -> tuple[int, dict[str, str], bytes]:
    """One request through the WSGI app, with PATH_INFO as a WSGI server makes it (percent-decoded, as latin-1)
    and any other environ keys given (HTTP_HOST, RAW_URI): (status code, headers, body)."""
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    env = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, **environ}
    body = b"".join(app(env, start_response))
    return seen["status"], seen["headers"], body


def call(app: Callable[..., Any], path: str, query: str = "", method: str = "GET",
         **environ: str) -> tuple[int, str, Any]:
    """One request through the WSGI app: (status code, content type, parsed JSON or raw bytes)."""
    status, headers, body = respond(app, path, query, method, **environ)
    kind = headers["Content-Type"]
    return status, kind, json.loads(body) if kind.startswith("application/json") else body


def call_raw(app: Callable[..., Any], target: str, **environ: str) -> tuple[int, str, Any]:
    """A request as wsgiref's server (and ours) hands it over: PATH_INFO percent-decoded as latin-1, and (ours)
    RAW_URI, the request line's target as sent."""
    path, _, query = target.partition("?")
    return call(app, unquote(path, "latin-1"), query, RAW_URI=target, **environ)


def assert_error(got: tuple[int, str, Any], status: int, message: str | None = None) -> None:
    """The one JSON error shape, with this status (and this message)."""
    got_status, kind, body = got
    assert got_status == status and kind.startswith("application/json"), got
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    if message is not None:
        assert body["error"]["message"] == message


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
     "/api/series/ID, /api/events, /api/clusters, /api/quotes, /api/claims, /api/quantities, /api/places, "
     "/api/actors, /api/search, /api/map, /api/articles, /api/series"),
    ("/api/events", "colour=red", "GET", 400,
     "unknown parameter 'colour'; known: actor, type, speaker, name, article, q, since, until, limit, order, "
     "about"),
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
def server(db: Path) -> Iterator[str]:
    with running(db) as url:
        yield url


def test_a_real_server_serves_the_page_its_script_and_the_api(server: str) -> None:
    with urllib.request.urlopen(f"{server}/") as page:
        assert page.headers["Content-Type"] == "text/html; charset=utf-8"
        assert_security_headers(page.headers)
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


# ---------------------------------------------------------------- security headers


def assert_security_headers(headers: Any) -> None:
    """The headers every response carries: a CSP that allows this server's own files only (nothing inline, no
    eval, no framing), nosniff, no framing for older browsers, no referrer."""
    directives = [d.split() for d in headers["Content-Security-Policy"].split(";") if d.strip()]
    csp = {d[0]: d[1:] for d in directives}
    assert csp["default-src"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"]
    assert all(source in ("'self'", "'none'") for sources in csp.values() for source in sources), csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(("path", "method", "host", "status"), [
    ("/", "GET", "localhost", 200),
    ("/static/app.js", "GET", "localhost", 200),
    ("/api/summary", "HEAD", "127.0.0.1:8765", 200),
    ("/api/nothing", "GET", "localhost", 404),
    ("/api/events", "GET?speaker=x", "localhost", 400),
    ("/api/summary", "POST", "localhost", 405),
    ("/api/summary", "GET", "evil.example", 403),
])
def test_every_response_carries_the_security_headers(app: Callable[..., Any], path: str, method: str, host: str,
                                                      status: int) -> None:
    method, _, query = method.partition("?")
    got, headers, _ = respond(app, path, query, method, HTTP_HOST=host)
    assert got == status
    assert_security_headers(headers)


class _InlineCode(HTMLParser):
    """What a strict CSP would block in a page: inline scripts and styles, style attributes, event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        self.found += [f"<{tag} {name}=...>" for name in sorted(names) if name.startswith("on") or name == "style"]
        if tag == "style" or (tag == "script" and "src" not in names):
            self.found.append(f"inline <{tag}>")


def test_the_page_has_no_inline_code_the_csp_would_block(app: Callable[..., Any]) -> None:
    finder = _InlineCode()
    finder.feed(call(app, "/")[2].decode())
    assert finder.found == []
    script = re.sub(r"(^|\s)//.*", "", call(app, "/static/app.js")[2].decode())  # the code, not its comments
    for blocked in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                    'setAttribute("style"', "style:"):
        assert blocked not in script, blocked


# ---------------------------------------------------------------- the Host check (DNS rebinding)


@pytest.mark.parametrize("host", ["localhost", "localhost:8765", "127.0.0.1", "127.0.0.1:1", "LocalHost:8765"])
def test_localhost_and_127_0_0_1_are_answered_on_any_port(app: Callable[..., Any], host: str) -> None:
    assert call(app, "/api/summary", HTTP_HOST=host)[0] == 200


@pytest.mark.parametrize(("host", "name"), [
    ("evil.example", "evil.example"), ("evil.example:8765", "evil.example"),
    ("localhost.evil.example", "localhost.evil.example"), ("127.0.0.1.nip.io:80", "127.0.0.1.nip.io"),
    ("[::1]:8765", "::1"), ("", ""),
])
def test_a_dns_rebinding_host_is_refused_with_how_to_allow_it(app: Callable[..., Any], host: str, name: str) -> None:
    for path in ("/", "/api/summary"):
        assert_error(call(app, path, HTTP_HOST=host), 403,
                     f"host {name!r} is not allowed (a guard against DNS rebinding); to serve under that name, "
                     "start the server with `newsgraph serve --allow-host HOST`")


def test_allowed_hosts_are_added_to_the_defaults(db: Path) -> None:
    app = make_app(db, allowed_hosts=["News.LAN", "[::1]:8765"])
    for host in ("news.lan", "news.lan:8080", "[::1]", "localhost:8765", "127.0.0.1"):
        assert call(app, "/api/summary", HTTP_HOST=host)[0] == 200, host
    assert_error(call(app, "/api/summary", HTTP_HOST="evil.example"), 403)


def test_the_server_answers_its_own_address_and_the_allowed_hosts(db: Path) -> None:
    # "127.1" is 127.0.0.1 in its short form: a name the server listens on that is not among the defaults
    with running(db, host="127.1", allowed_hosts=["news.lan"]) as url:
        port = url.rsplit(":", 1)[1]
        for host in (f"127.1:{port}", "news.lan", f"localhost:{port}"):
            request = urllib.request.Request(f"{url}/api/summary", headers={"Host": host})
            with urllib.request.urlopen(request, timeout=10) as res:
                assert res.status == 200, host
        request = urllib.request.Request(f"{url}/api/summary", headers={"Host": f"evil.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=10)
        assert err.value.code == 403 and json.load(err.value)["error"]["status"] == 403
        assert_security_headers(err.value.headers)


# ---------------------------------------------------------------- ids with any character

SLASHED = "Київ/звіт 1"  # non-ASCII, a slash and a space
PERCENT = "été 100%25"  # a literal "%25": decoded twice it would become "%"
ODD = [(SLASHED, "Officials in Kyiv said the bridge over the Dnipro was repaired on Friday.", "javascript:alert(1)"),
       (PERCENT, "The ministry said 100 drones were shot down overnight.", "https://example.org/drones")]


@pytest.fixture(scope="module")
def odd_db(tmp_path_factory: pytest.TempPathFactory, extract_text: Callable[..., Any]) -> Path:
    path = tmp_path_factory.mktemp("odd") / "odd.db"
    with Store.open(path) as store:
        for article_id, text, url in ODD:
            ext = extract_text(text, "2024-06-01")
            store.write(replace(ext, article=replace(ext.article, id=article_id, url=url, title=article_id)))
    return path


@pytest.mark.parametrize("article_id", [SLASHED, PERCENT])
def test_an_id_is_split_from_the_raw_path_then_decoded_once(odd_db: Path, article_id: str) -> None:
    status, _, body = call_raw(make_app(odd_db), "/api/articles/" + quote(article_id, safe=""))
    assert status == 200 and body["id"] == article_id


def test_without_the_raw_path_path_info_is_read_as_utf8_and_not_decoded_again(odd_db: Path) -> None:
    path_info = ("/api/articles/" + PERCENT).encode("utf-8").decode("latin-1")  # as PEP 3333 carries it
    status, _, body = call(make_app(odd_db), path_info)
    assert status == 200 and body["id"] == PERCENT


def test_a_path_that_is_not_utf8_or_climbs_out_is_refused(app: Callable[..., Any]) -> None:
    assert_error(call_raw(app, "/api/articles/%FF"), 400,
                 "the path is not UTF-8; percent-encode ids as UTF-8 (encodeURIComponent)")
    assert_error(call_raw(app, "/static/..%2Fapp.py"), 404, "no static file '../app.py'")


def test_a_real_server_opens_an_id_with_a_slash_and_non_ascii(odd_db: Path) -> None:
    with running(odd_db) as url:
        with urllib.request.urlopen(f"{url}/api/articles/{quote(SLASHED, safe='')}", timeout=10) as res:
            assert json.load(res)["id"] == SLASHED
        with pytest.raises(urllib.error.HTTPError) as err:  # the slash unencoded: two segments, no such route
            urllib.request.urlopen(f"{url}/api/articles/{quote(SLASHED, safe='/')}", timeout=10)
        assert err.value.code == 404


# ---------------------------------------------------------------- errors: the store, the server


def foreign_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    return path


def test_make_app_refuses_a_foreign_file_and_leaves_it_untouched(tmp_path: Path) -> None:
    foreign = foreign_sqlite(tmp_path / "notes.db")
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    before = {p: p.read_bytes() for p in (foreign, text)}
    with pytest.raises(NotAStore, match=r"notes\.db is not a newsgraph store \(SQLite, but without newsgraph's"):
        make_app(foreign)
    with pytest.raises(NotAStore, match=r"notes\.txt is not a newsgraph store \(not an SQLite database\)"):
        make_app(text)
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db", "notes.txt"]  # no -wal, no -shm


def test_serve_refuses_a_foreign_file_in_one_line(tmp_path: Path) -> None:
    foreign = foreign_sqlite(tmp_path / "notes.db")
    proc = run_cli("serve", "--db", str(foreign), "--port", "0", timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"newsgraph: {foreign} is not a newsgraph store (SQLite, but without newsgraph's "
                                   "tables)")


@pytest.mark.parametrize(("replacement", "message"), [
    ("foreign", "served.db is not a newsgraph store (SQLite, but without newsgraph's tables)"),
    ("text", "served.db is not a newsgraph store (not an SQLite database)"),
    ("gone", "served.db: no store here; create one with `newsgraph ingest PATH --db served.db`"),
])
def test_a_store_replaced_while_served_gets_the_json_error(db: Path, tmp_path: Path, replacement: str,
                                                           message: str) -> None:
    served = tmp_path / "served.db"
    shutil.copy(db, served)
    app = make_app(served)
    assert call(app, "/api/summary")[0] == 200
    served.unlink()
    if replacement == "foreign":
        foreign_sqlite(served)
    elif replacement == "text":
        served.write_text("not a database\n")
    assert_error(call(app, "/api/summary"), 503, message)
    assert_error(call(app, "/api/events"), 503, message)


def test_a_store_that_cannot_be_read_gets_the_json_error(db: Path, tmp_path: Path) -> None:
    served = tmp_path / "broken.db"
    shutil.copy(db, served)
    conn = sqlite3.connect(served)
    conn.execute("DROP TABLE quotes")
    conn.commit()
    conn.close()
    assert_error(call(make_app(served), "/api/quotes"), 503,
                 "broken.db could not be read (no such table: quotes); try again, and if it persists check the "
                 "store with `newsgraph summary`")


def test_no_error_message_carries_the_store_path(db: Path) -> None:
    app = make_app(db.resolve())
    assert_error(call(app, "/api/articles/nope"), 404,
                 "no article with id 'nope' in web.db; list ids with `newsgraph query search`")


def read_response(sock: socket.socket) -> tuple[str, dict[str, str], bytes]:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    return status, dict(line.split(": ", 1) for line in lines), body


def test_requests_the_http_server_refuses_itself_get_the_json_shape(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET / HTTP/9.9\r\n\r\n")
        status, headers, body = read_response(sock)
    assert status.split()[1] == "505" and headers["Content-Type"] == "application/json; charset=utf-8"
    assert_security_headers(headers)
    assert json.loads(body) == {"error": {"status": 505, "message": "Invalid HTTP version (9.9); send a well-formed "
                                          "HTTP/1.1 request"}}


def test_an_idle_connection_does_not_hold_up_the_server(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    # the first connection stays silent, as a browser's preconnect does
    with (socket.create_connection(("127.0.0.1", port), timeout=10),
          urllib.request.urlopen(f"{server}/api/summary", timeout=10) as res):
        assert res.status == 200


# ---------------------------------------------------------------- filters


def test_a_like_wildcard_in_a_filter_matches_only_itself(app: Callable[..., Any]) -> None:
    speakers = [r["speaker_name"] for r in call(app, "/api/quotes")[2]["rows"]]
    assert [s for s in speakers if s]  # quotes a wildcard would match
    for wildcard in ("%25", "_", "%25%25"):
        assert call(app, "/api/quotes", f"speaker={wildcard}")[2]["count"] == 0, wildcard
    assert [r["speaker_name"] for r in call(app, "/api/quotes", "speaker=MAY")[2]["rows"]] == ["mayor"]


@pytest.mark.parametrize(("path", "query", "message"), [
    ("/api/events", "speaker=Rutte", "speaker does not apply to /api/events; it applies to /api/quotes, /api/claims"),
    ("/api/quotes", "order=oldest", "order does not apply to /api/quotes; it applies to /api/events"),
    ("/api/claims", "since=2024-01-01",
     "since does not apply to /api/claims; it applies to /api/events, /api/clusters, /api/quantities"),
    ("/api/map", "q=Kharkiv", "q does not apply to /api/map; it applies to /api/search"),
    ("/api/articles", "actor=RUS", "actor does not apply to /api/articles; it applies to /api/events, /api/clusters"),
    ("/api/clusters", "article=art0", "article does not apply to /api/clusters; it applies to /api/events, "
     "/api/quotes, /api/claims, /api/quantities, /api/places, /api/map, /api/search"),
    ("/api/articles/art0", "name=x", "name does not apply to /api/articles/ID; it applies to /api/quantities, "
     "/api/places, /api/map, /api/articles, /api/actors"),
    ("/api/summary", "limit=5", "limit does not apply to /api/summary; it applies to /api/events, /api/clusters, "
     "/api/quotes, /api/claims, /api/quantities, /api/places, /api/actors, /api/search, /api/map, /api/articles, "
     "/api/series"),
])
def test_a_filter_the_route_does_not_take_is_refused(app: Callable[..., Any], path: str, query: str,
                                                     message: str) -> None:
    assert_error(call(app, path, query), 400, message)


def test_allow_host_on_the_command_line_reaches_the_server(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.serve
    from newsgraph.cli import main

    seen: dict[str, Any] = {}
    monkeypatch.setattr(newsgraph.serve, "serve", lambda *args, **kwargs: seen.update(kwargs))
    assert main(["serve", "--db", str(db), "--allow-host", "news.lan", "--allow-host", "10.0.0.5:8765"]) == 0
    assert seen["allowed_hosts"] == ["news.lan", "10.0.0.5:8765"]
