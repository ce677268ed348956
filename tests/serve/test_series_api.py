"""/api/series and /api/series/ID on a real store written with SQL (tests/store/test_series_queries.py): the rows
the CLI gives, the filters the routes take, and the one JSON error shape for everything else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.serve.app import make_app
from newsgraph.store import Store
from tests.serve.test_serve import assert_error, call, call_raw
from tests.store.test_series_queries import SERIES, write_series_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_series_store(tmp_path_factory.mktemp("series_api") / "s.db")


@pytest.fixture(scope="module")
def app(db: Path) -> Callable[..., Any]:
    return make_app(db)


def test_series_lists_every_series_as_the_store_query_does(app: Callable[..., Any], db: Path) -> None:
    status, kind, body = call(app, "/api/series")
    assert status == 200 and kind.startswith("application/json")
    with Store.open_existing(db) as store:
        expected = store.query("series", limit=100)
    assert body == {"rows": expected, "count": len(SERIES)}


def test_series_about_and_limit(app: Callable[..., Any]) -> None:
    body = call(app, "/api/series", "about=westland")[2]
    assert [r["id"] for r in body["rows"]] == [3, 4] and body["count"] == 2
    assert [r["id"] for r in call(app, "/api/series", "limit=1")[2]["rows"]] == [2]
    assert call(app, "/api/series", "about=%25")[2] == {"rows": [], "count": 0}  # a literal %, no wildcard


def test_one_series_by_id(app: Callable[..., Any]) -> None:
    status, _, row = call(app, "/api/series/2")
    assert status == 200
    assert (row["id"], row["label"]) == (2, SERIES[2][0])
    assert [(d["a"]["source"], d["b"]["source"]) for d in row["disagreements"]] == [("Pentagon", "Ministry")]
    assert [(r["from"]["value"], r["to"]["value"]) for r in row["revisions"]] == [(3000, 2500)]
    assert row == call(app, "/api/series", "limit=1")[2]["rows"][0]


@pytest.mark.parametrize("path", ["/api/series/99", "/api/series/abc", "/api/series/-1", "/api/series/%C2%B2"])
def test_an_unknown_series_is_a_404_that_says_where_ids_are(app: Callable[..., Any], path: str) -> None:
    got = call_raw(app, path)  # "²" is a digit to str.isdigit, and no id
    assert_error(got, 404)
    assert got[2]["error"]["message"].endswith("; list the ids at /api/series")


def test_the_404_names_the_id_and_not_the_store_path(app: Callable[..., Any], db: Path) -> None:
    message = call(app, "/api/series/99")[2]["error"]["message"]
    assert message == "no series with id '99'; list the ids at /api/series"
    assert str(db.parent) not in message


@pytest.mark.parametrize(("path", "query", "message"), [
    ("/api/series", "name=troops", "name does not apply to /api/series; it applies to /api/quantities, "
     "/api/places, /api/map, /api/articles, /api/actors"),
    ("/api/series", "since=2024-01-01",
     "since does not apply to /api/series; it applies to /api/events, /api/clusters, /api/quantities"),
    ("/api/series/2", "about=troops", "about does not apply to /api/series/ID; it applies to /api/series"),
    ("/api/series/2", "limit=3", "limit does not apply to /api/series/ID; it applies to /api/events, "
     "/api/clusters, /api/quotes, /api/claims, /api/quantities, /api/places, /api/actors, /api/search, /api/map, "
     "/api/articles, /api/series"),
    ("/api/events", "about=troops", "about does not apply to /api/events; it applies to /api/series"),
])
def test_a_parameter_the_route_does_not_take_is_a_400(app: Callable[..., Any], path: str, query: str,
                                                       message: str) -> None:
    assert_error(call(app, path, query), 400, message)


def test_a_bad_limit_is_a_400(app: Callable[..., Any]) -> None:
    assert_error(call(app, "/api/series", "limit=0"), 400, "limit='0' must be a whole number from 1 to 2000")


def test_a_store_without_series_lists_none(tmp_path: Path) -> None:
    Store.open(tmp_path / "e.db").close()
    empty = make_app(tmp_path / "e.db")
    assert call(empty, "/api/series")[2] == {"rows": [], "count": 0}
    assert_error(call(empty, "/api/series/1"), 404, "no series with id '1'; list the ids at /api/series")
