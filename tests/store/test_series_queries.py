"""Figure series, the reading side: `query_series` on a real store whose `series` and `series_points` rows are
written here with SQL (the ingest that fills them is tested with it), and the rules of
newsgraph.store.series_report (latest, disagreements, revisions) case by case, with the cases that must not be
flagged."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import Store
from newsgraph.store.queries import FilterNotApplicable, SeriesNotFound, series_record
from newsgraph.store.series_report import (
    as_of,
    compatible,
    conflict,
    disagreements,
    interval,
    latest,
    revisions,
    window,
)


@dataclass
class P:
    """One figure of a series, as the fixture writes it: its text in the article, what it says, who says it."""

    series: int
    article: str
    text: str
    value: float
    bound: str = "="
    high: float | None = None
    status: str = "occurred"
    source: str | None = None
    origin: str | None = None
    time: str | None = None
    days: tuple[str, str] | None = None
    chain: list[str] = field(default_factory=list)

    @property
    def key(self) -> str | None:
        return f"org:{self.source.lower()}" if self.source else None


# article id -> (published, outlet)
ARTICLES = {
    "a1": ("2024-10-18", "Wire One"), "a2": ("2024-10-23", "Wire One"), "a3": ("2024-10-28", "Wire Two"),
    "a4": ("2024-11-11", "Wire Three"), "a5": ("2024-10-24", "Wire One"), "a6": ("2024-10-28", "Wire One"),
    "a7": ("2024-11-12", "Wire Four"), "a8": ("2024-03-02", "Wire Two"), "a9": ("2024-03-05", "Wire Three"),
}
# id -> (label, counted, owner, place, measure)
SERIES = {
    1: ("confirmed cases in Eastland", "cases", "confirmed", "Eastland", "total"),
    2: ("Northland troops in Southland", "troops", "NRL", "Southland", "stock"),
    3: ("killed in Westland", "killed", None, "Westland", "total"),
    4: ("displaced in Westland", "displaced", None, "Westland", "stock"),
    5: ("confirmed deaths in Eastland", "deaths", "confirmed", "Eastland", "total"),
}
POINTS = [
    P(2, "a1", "1,500 troops", 1500, source="NIS", origin="NIS", time="2024-10-18",
      days=("2024-10-18", "2024-10-18"), chain=["NIS"]),
    P(2, "a2", "3,000 troops", 3000, source="NIS", origin="NIS", time="2024-10-23",
      days=("2024-10-23", "2024-10-23"), chain=["NIS"]),
    P(2, "a2", "12,000 more", 12000, status="planned", source="NIS", origin="NIS", time="2024-12",
      days=("2024-12-01", "2024-12-31"), chain=["NIS"]),
    P(2, "a3", "about 10,000 troops", 10000, bound="~", source="Pentagon", origin="Pentagon", chain=["Pentagon"]),
    P(2, "a4", "11,000 to 12,000 troops", 11000, high=12000, source="Pentagon", origin="Pentagon",
      time="2024-11-11", days=("2024-11-11", "2024-11-11"), chain=["Pentagon"]),
    P(2, "a5", "2,500 troops", 2500, source="NIS", origin="NIS", time="2024-10-23",
      days=("2024-10-23", "2024-10-23"), chain=["NIS"]),
    P(2, "a6", "more than 3,000 troops", 3000, bound=">", source="NIS", origin="NIS", time="2024-10-28",
      days=("2024-10-28", "2024-10-28"), chain=["NIS"]),
    P(2, "a7", "8,000 troops", 8000, source="Ministry", origin="NIS", time="2024-11-11",
      days=("2024-11-11", "2024-11-11"), chain=["Ministry", "NIS"]),
    P(1, "a8", "40 confirmed cases", 40, source="Health office", origin="Health office"),
    P(3, "a8", "12 people were killed", 12, source="Police", origin="Police"),
    P(3, "a9", "15 people were killed", 15, source="Army", origin="Army"),
    P(4, "a8", "2,000 displaced", 2000, source="Police", origin="Police"),
    P(4, "a9", "2,100 displaced", 2100, source="Police", origin="Police"),
    P(5, "a9", "300 confirmed deaths", 300, source="Health office", origin="Health office"),
]


def article_text(article: str) -> str:
    """An article made of its figures, one sentence each."""
    return " ".join(f"Officials reported {p.text} on the day." for p in POINTS if p.article == article)


def write_series_store(path: Path) -> Path:
    """A store holding ARTICLES, one quantities row per point, and SERIES with POINTS, written with SQL."""
    with Store.open(path) as store:
        c = store.conn
        c.execute("BEGIN")
        for sid, (label, counted, owner, place, measure) in SERIES.items():
            mine = [p for p in POINTS if p.series == sid]
            c.execute("INSERT INTO series (id, key, base_key, label, counted, owner, place, measure, points, sources, "
                      "origins, first_published, last_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (sid, f"key-{sid}", f"key-{sid}", label, counted, owner, place, measure, len(mine),
                       len({p.key for p in mine}), len({p.origin for p in mine}),
                       min(ARTICLES[p.article][0] for p in mine), max(ARTICLES[p.article][0] for p in mine)))
        for article, (published, outlet) in ARTICLES.items():
            text = article_text(article)
            c.execute("INSERT INTO articles (id, text_sha1, title, url, published, origin, text, schema_version, "
                      "ingested_at, outlet) VALUES (?, ?, ?, NULL, ?, NULL, ?, '1.3', '2024-12-01', ?)",
                      (article, f"sha-{article}", f"Report {article}", published, text, outlet))
            _write_figures(c, article, text)
        c.execute("COMMIT")
    return path


def _write_figures(c: sqlite3.Connection, article: str, text: str) -> None:
    published, outlet = ARTICLES[article]
    sentence_start = 0
    for idx, p in enumerate(p for p in POINTS if p.article == article):
        sentence = f"Officials reported {p.text} on the day."
        start = text.index(p.text, sentence_start)
        c.execute('INSERT INTO sentences (article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                  (article, idx, sentence_start, sentence_start + len(sentence), sentence))
        c.execute("INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (article, idx, start, start + len(p.text), p.text, idx, json.dumps({"text": p.text}),
                   p.value, p.bound, None, None, None, None))
        c.execute("INSERT INTO series_points VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (p.series, article, idx, p.value, p.high, p.bound, p.status, p.source, p.key, p.origin,
                   f"org:{p.origin.lower()}" if p.origin else None, json.dumps(p.chain), outlet, published,
                   p.time, *(p.days or (None, None))))
        sentence_start += len(sentence) + 1


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_series_store(tmp_path_factory.mktemp("series") / "s.db")


@pytest.fixture
def store(db: Path) -> Any:
    with Store.open_existing(db) as s:
        yield s


def by_id(store: Store, sid: int) -> dict[str, Any]:
    return series_record(store.conn, sid, "s.db")


def where(point: dict[str, Any]) -> tuple[str, int]:
    return point["article_id"], point["idx"]


# ---------------------------------------------------------------- query_series on the store


def test_series_are_ordered_by_points_then_sources_then_id(store: Store) -> None:
    rows = store.query("series", limit=10)
    expected = sorted(SERIES, key=lambda sid: (-sum(p.series == sid for p in POINTS),
                                               -len({p.key for p in POINTS if p.series == sid}), sid))
    assert [r["id"] for r in rows] == expected
    assert [r["id"] for r in store.query("series", limit=2)] == expected[:2]


def test_a_row_carries_the_fields_an_evaluation_reads(store: Store) -> None:
    row = by_id(store, 2)
    assert list(row)[:12] == ["id", "label", "counted", "owner", "place", "measure", "points", "sources",
                              "origins", "latest", "disagreements", "revisions"]
    assert (row["label"], row["counted"], row["owner"], row["place"], row["measure"]) == SERIES[2]
    assert (row["sources"], row["origins"]) == (3, 2)
    for point in row["points"]:
        assert {"article_id", "start", "end", "value", "high", "bound", "status", "source", "origin", "published",
                "time", "text", "outlet", "chain", "sentence"} <= set(point)


def test_points_point_back_to_their_characters_and_sentence(store: Store) -> None:
    for row in store.query("series", limit=10):
        for point in row["points"]:
            text = article_text(point["article_id"])
            assert text[point["start"]:point["end"]] == point["text"]
            assert point["text"] in point["sentence"]
            assert point["outlet"] == ARTICLES[point["article_id"]][1]
    troops = by_id(store, 2)
    assert next(p for p in troops["points"] if p["article_id"] == "a7")["chain"] == ["Ministry", "NIS"]


def test_points_follow_the_date_they_refer_to_then_publication(store: Store) -> None:
    points = by_id(store, 2)["points"]
    keys = [(as_of(p), p["published"], p["article_id"], p["idx"]) for p in points]
    assert keys == sorted(keys)
    # a5 (published Oct 24) speaks of Oct 23: before a3, published Oct 28 with no date of its own
    order = [p["article_id"] for p in points]
    assert order.index("a5") < order.index("a3") and order[-1] == "a2"  # the December plan comes last


@pytest.mark.parametrize(("about", "ids"), [
    ("westland", {3, 4}),          # the place, whatever the case
    ("CONFIRMED", {1, 5}),         # the owner (a modifier)
    ("nrl", {2}),                  # the owner (an actor code)
    ("troops", {2}),               # what is counted
    ("deaths in east", {5}),       # the label
    ("%", set()), ("_", set()),    # no wildcards
])
def test_about_matches_label_counted_owner_and_place_literally(store: Store, about: str, ids: set[int]) -> None:
    assert {r["id"] for r in store.query("series", limit=10, about=about)} == ids


def test_id_gives_one_series_and_an_unknown_id_is_named(store: Store) -> None:
    assert [r["id"] for r in store.query("series", limit=10, id=3)] == [3]
    assert store.query("series", limit=10, id=99) == []
    with pytest.raises(SeriesNotFound, match=r"no series with id 99 in s\.db; list the ids with `newsgraph query "
                                             r"series --db s\.db`"):
        by_id(store, 99)


def test_series_filters_are_refused_elsewhere_and_others_refused_here(store: Store) -> None:
    with pytest.raises(FilterNotApplicable, match="it applies to: series"):
        store.query("events", limit=5, about="troops")
    with pytest.raises(FilterNotApplicable, match="'name'"):
        store.query("series", limit=5, name="troops")


def test_the_troop_series_reads_its_latest_disagreement_and_revision(store: Store) -> None:
    row = by_id(store, 2)
    assert [(p["source"], p["article_id"]) for p in row["latest"]] == [("NIS", "a6"), ("Pentagon", "a4"),
                                                                       ("Ministry", "a7")]
    assert [(where(d["a"]), where(d["b"])) for d in row["disagreements"]] == [(("a4", 0), ("a7", 0))]
    assert [(r["source"], where(r["from"]), where(r["to"])) for r in row["revisions"]] == [
        ("NIS", ("a2", 0), ("a5", 0))]
    assert where(row["newest"]) == ("a7", 0)


def test_an_empty_store_has_no_series(tmp_path: Path) -> None:
    Store.open(tmp_path / "e.db").close()
    with Store.open_existing(tmp_path / "e.db") as store:
        assert store.query("series", limit=5) == []


# ---------------------------------------------------------------- the rules, case by case


def point(value: float, bound: str = "=", high: float | None = None, status: str = "occurred",
          day: str | None = "2024-10-23", until: str | None = None, published: str | None = "2024-10-25",
          source: str | None = "org:a", n: int = 0) -> dict[str, Any]:
    return {"article_id": f"x{n}", "idx": 0, "value": value, "bound": bound, "high": high, "status": status,
            "source": source, "source_key": source, "published": published, "time": day,
            "time_start": day, "time_end": until or day}


@pytest.mark.parametrize(("p", "low", "high"), [
    (point(3000), 3000, 3000),
    (point(11000, high=12000), 11000, 12000),
    (point(3000, ">"), 3000, float("inf")), (point(3000, ">="), 3000, float("inf")),
    (point(500, "<"), 0, 500), (point(500, "<="), 0, 500),
    (point(10000, "~"), 9000, 11000),
    (point(10000, "~", high=12000), 9000, 13200),
])
def test_interval(p: dict[str, Any], low: float, high: float) -> None:
    assert interval(p) == pytest.approx((low, high))


@pytest.mark.parametrize(("p", "days"), [
    (point(1, day="2024-10-23"), ("2024-10-23", "2024-10-23")),
    (point(1, day="2024-10-01", until="2024-10-31"), ("2024-10-01", "2024-10-31")),
    (point(1, day=None, published="2024-10-28"), ("2024-10-27", "2024-10-29")),  # published ±1 day
    (point(1, day=None, published=None), None),
])
def test_window(p: dict[str, Any], days: tuple[str, str] | None) -> None:
    expected = tuple(dt.date.fromisoformat(d) for d in days) if days else None
    assert window(p) == expected


# (a, b, flagged): two figures from different sources
CASES = [
    # cannot both hold
    (point(3000), point(10000), True),
    (point(10000, "~"), point(8000), True),                       # 8,000 is below 9,000
    (point(10000, "~"), point(11001), True),                      # just past 10 %
    (point(500, "<"), point(1500), True),
    (point(5000, ">"), point(3000), True),
    (point(11000, high=12000), point(8000), True),
    (point(3000, status="estimated"), point(9000), True),          # an estimate is a figure too
    (point(3000, day="2024-10-01", until="2024-10-31"), point(9000, day="2024-10-23"), True),  # inside the month
    (point(3000, day=None, published="2024-10-24"), point(9000), True),  # undated: its day before counts
    # can both hold
    (point(10000, "~"), point(9500), False),
    (point(10000, "~"), point(11000), False),                     # exactly 10 %
    (point(3000, ">"), point(10000, "~"), False),
    (point(5000, "<="), point(4000), False),
    (point(11000, high=12000), point(11500), False),
    (point(3000), point(3000), False),
    (point(3000, ">="), point(3000, "<="), False),                 # they meet at 3,000
    # not about the same days
    (point(1500, day="2024-10-18"), point(3000, day="2024-10-23"), False),
    (point(3000, day=None, published="2024-10-20"), point(9000), False),  # three days before
    (point(3000, day=None, published=None), point(9000), False),   # no date at all: about no known day
    # not both counted
    (point(12000, status="planned"), point(3000), False),
    (point(12000, status="expected"), point(3000), False),
    (point(12000, status="denied"), point(3000), False),
]


@pytest.mark.parametrize(("a", "b", "flagged"), CASES)
def test_conflict(a: dict[str, Any], b: dict[str, Any], flagged: bool) -> None:
    assert conflict(a, b) is flagged
    assert conflict(b, a) is flagged  # the rule is symmetric


@pytest.mark.parametrize(("a", "b", "flagged"), CASES)
def test_disagreement_between_sources_is_a_conflict_and_never_a_revision(a: dict[str, Any], b: dict[str, Any],
                                                                         flagged: bool) -> None:
    a, b = {**a, "source_key": "org:a", "article_id": "x1"}, {**b, "source_key": "org:b", "article_id": "x2"}
    assert len(disagreements([a, b])) == int(flagged)
    assert revisions([a, b]) == []


@pytest.mark.parametrize(("a", "b", "flagged"), CASES)
def test_revision_by_one_source_is_a_conflict_and_never_a_disagreement(a: dict[str, Any], b: dict[str, Any],
                                                                       flagged: bool) -> None:
    a, b = {**a, "article_id": "x1"}, {**b, "article_id": "x2"}
    assert len(revisions([a, b])) == int(flagged)
    assert disagreements([a, b]) == []


def test_compatible_is_about_values_only() -> None:
    assert compatible(point(3000, day="2024-01-01"), point(3000, day="2024-12-01"))
    assert not compatible(point(3000), point(3001))


def test_the_later_published_figure_revises_the_earlier_whatever_the_order_given() -> None:
    early = point(3000, published="2024-10-23", n=1)
    late = point(2500, published="2024-10-24", n=2)
    for given in ([early, late], [late, early]):
        (rev,) = revisions(given)
        assert (rev["from"]["article_id"], rev["to"]["article_id"]) == ("x1", "x2")
        assert rev["source_key"] == "org:a"


def test_unattributed_figures_are_told_from_known_sources_but_not_from_each_other() -> None:
    a, b = point(3000, source=None, n=1), point(9000, source=None, n=2)
    assert disagreements([a, b]) == [] and revisions([a, b]) == []
    assert len(disagreements([a, point(9000, n=3)])) == 1


def test_latest_per_source_prefers_what_there_is_over_what_is_planned() -> None:
    points = [
        point(1500, day="2024-10-18", n=1), point(3000, day="2024-10-23", n=2),
        point(12000, status="planned", day="2024-12-01", n=3),                         # later, but a plan
        point(2500, day="2024-10-23", published="2024-10-26", n=4),                    # same day, published later
        point(10000, "~", day=None, published="2024-10-20", source="org:b", n=5),
        point(20000, status="expected", day="2025-01-01", source="org:c", n=6),        # all it gives is a forecast
        point(7, source=None, n=7),                                                    # no source: no entry
    ]
    assert [(p["source_key"], p["article_id"]) for p in latest(points)] == [
        ("org:b", "x5"), ("org:a", "x4"), ("org:c", "x6")]


@pytest.mark.parametrize(("point", "day"), [
    # "at least 3,000 moved in October", reported on Oct 25: as of Oct 25, not Oct 1
    ({"time_start": "2024-10-01", "time_end": "2024-10-31", "published": "2024-10-25"}, "2024-10-25"),
    # a day the text gives, before its report
    ({"time_start": "2024-10-18", "time_end": "2024-10-18", "published": "2024-10-23"}, "2024-10-18"),
    # a plan for December, reported in October: at December
    ({"time_start": "2024-12-01", "time_end": "2024-12-31", "published": "2024-10-23"}, "2024-12-01"),
    # no date in the text: its report's day
    ({"time_start": None, "time_end": None, "published": "2024-10-23"}, "2024-10-23"),
])
def test_the_day_a_figure_stands_as_of(point: dict, day: str) -> None:
    assert as_of(point) == day
