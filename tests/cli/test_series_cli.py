"""`newsgraph query series`, `newsgraph show-series` and the summary's figure series, as a user meets them: exact
lines, exact errors, exit codes, JSON. The store is written with SQL (tests/store/test_series_queries.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli
from tests.store.test_series_queries import POINTS, SERIES, write_series_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_series_store(tmp_path_factory.mktemp("series_cli") / "s.db"))


def test_query_series_table(db: str) -> None:
    proc = cli("query", "series", "--db", db, "--limit", "3")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines() == [
        "id  label                          measure  points  sources  origins  latest",
        "--  -----------------------------  -------  ------  -------  -------  ------------------------",
        "2   Northland troops in Southland  stock    8       3        2        8,000 (Ministry, Nov 11)",
        "3   killed in Westland             total    2       2        2        15 (Army, Mar 5)",
        "4   displaced in Westland          stock    2       1        1        2,100 (Police, Mar 5)",
        "(3 series)",
    ]


def test_query_series_about_and_id(db: str) -> None:
    about = cli("query", "series", "--db", db, "--about", "WESTLAND", "--json")
    assert [json.loads(line)["id"] for line in about.stdout.splitlines()] == [3, 4]
    one = cli("query", "series", "--db", db, "--id", "5", "--json")
    (row,) = [json.loads(line) for line in one.stdout.splitlines()]
    assert (row["id"], row["label"], len(row["points"])) == (5, SERIES[5][0], 1)
    none = cli("query", "series", "--db", db, "--about", "nothing like it")
    assert (none.returncode, none.stdout) == (0, "(no series)\n")


def test_query_series_json_rows_carry_points_and_readings(db: str) -> None:
    proc = cli("query", "series", "--db", db, "--json", "--limit", "1")
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert row["id"] == 2 and len(row["points"]) == sum(p.series == 2 for p in POINTS)
    assert {"latest", "disagreements", "revisions"} <= set(row)
    assert [p["value"] for p in row["points"]][:2] == [1500, 3000]


@pytest.mark.parametrize(("args", "line"), [
    (("query", "events", "--about", "troops"), "newsgraph: query events does not take --about; it applies to: series"),
    (("query", "quotes", "--id", "2"), "newsgraph: query quotes does not take --id; it applies to: series"),
    (("query", "series", "--name", "troops"),
     "newsgraph: query series does not take --name; it applies to: quantities, places, map, articles, actors"),
])
def test_a_series_filter_elsewhere_or_another_filter_here_is_refused(db: str, args: tuple[str, ...],
                                                                    line: str) -> None:
    proc = cli(*args, "--db", db)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", line + "\n")


def test_show_series_prints_a_dated_table_then_what_the_points_show(db: str) -> None:
    proc = cli("show-series", "2", "--db", db)
    assert (proc.returncode, proc.stderr) == (0, "")
    lines = proc.stdout.splitlines()
    assert lines[:3] == ["series 2: Northland troops in Southland",
                         "  counted troops, owner NRL, place Southland, measure stock; 8 points from 3 sources "
                         "(2 origins)", ""]
    assert lines[3].split("  ")[0] == "date" and "source ← origin" in lines[3]
    rows = [line.split() for line in lines[5:13]]
    assert [r[-1] for r in rows] == ["a1", "a2", "a5", "a3", "a6", "a4", "a7", "a2"]
    assert rows[3][:3] == ["(2024-10-28)", "~10,000", "occurred"]  # no date in the text: the article's
    assert rows[5][:3] == ["2024-11-11", "11,000–12,000", "occurred"]
    assert rows[6][3:6] == ["Ministry", "←", "NIS"]
    assert rows[7][:3] == ["2024-12-01…2024-12-31", "12,000", "PLANNED"]
    tail = lines[lines.index("(8 points)"):]
    assert tail == [
        "(8 points)",
        "(a date in parentheses is the article's: the text gives none for that figure)",
        "",
        "Latest by source",
        "  NIS: >3,000 (Oct 28, occurred)",
        "  Pentagon: 11,000–12,000 (Nov 11, occurred)",
        "  Ministry: 8,000 (Nov 11, occurred)",
        "",
        "Disagreements (different sources, same dates, figures that cannot both hold)",
        "  11,000–12,000 (Pentagon, Nov 11) vs 8,000 (Ministry, Nov 11)",
        "",
        "Revisions (a source changing its own figure for the same dates)",
        "  NIS: 3,000 (2024-10-23, a2) → 2,500 (2024-10-24, a5)",
    ]


def test_show_series_with_nothing_to_flag_says_so(db: str) -> None:
    out = cli("show-series", "3", "--db", db).stdout.splitlines()
    assert out[out.index("Disagreements (different sources, same dates, figures that cannot both hold)") + 1] == "  -"
    assert out[-2:] == ["Revisions (a source changing its own figure for the same dates)", "  -"]


def test_show_series_json_is_the_query_row(db: str) -> None:
    shown = json.loads(cli("show-series", "4", "--db", db, "--json").stdout)
    queried = json.loads(cli("query", "series", "--id", "4", "--db", db, "--json").stdout)
    assert shown == queried and shown["id"] == 4


def test_show_series_unknown_id_says_how_to_list_them(db: str) -> None:
    proc = cli("show-series", "99", "--db", db)
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == (f"newsgraph: no series with id 99 in {db}; list the ids with "
                           f"`newsgraph query series --db {db}`\n")


@pytest.mark.parametrize("bad", ["abc", "0", "-3"])
def test_show_series_id_must_be_a_whole_number(db: str, bad: str) -> None:
    proc = cli("show-series", bad, "--db", db)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith("newsgraph show-series: error: argument ID: ")


def test_show_series_without_a_store(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    proc = cli("show-series", "1", "--db", str(db))
    assert (proc.returncode, proc.stderr) == (
        1, f"newsgraph: {db}: no store here; create one with `newsgraph ingest PATH --db {db}`\n")


def test_summary_lists_series_of_two_or_more_points(db: str) -> None:
    lines = cli("summary", "--db", db).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Figure series"))
    section = lines[start + 1:lines.index("", start)]
    assert section == [
        "  Northland troops in Southland: 1,500 (NIS, Oct 18) → 3,000 (NIS, Oct 23) → + 2 more → "
        ">3,000 (NIS, Oct 28) → 11,000–12,000 (Pentagon, Nov 11) → 8,000 (Ministry, Nov 11); "
        "planned: 12,000 (NIS, Dec)",
        "  killed in Westland: 12 (Police, Mar 2) → 15 (Army, Mar 5)",
        "  displaced in Westland: 2,000 (Police, Mar 2) → 2,100 (Police, Mar 5)",
    ]
    assert "confirmed cases" not in "\n".join(section)  # one point is no series to follow


def test_summary_top_limits_the_series(db: str) -> None:
    lines = cli("summary", "--db", db, "--top", "1").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Figure series"))
    assert lines[start + 1].startswith("  Northland troops in Southland: ") and lines[start + 2] == ""


def test_summary_of_a_store_without_series(tmp_path: Path) -> None:
    from newsgraph.store import Store

    Store.open(tmp_path / "e.db").close()
    lines = cli("summary", "--db", str(tmp_path / "e.db")).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Figure series"))
    assert lines[start + 1] == "  (no figure followed across two reports yet)"


def fig(value: float, day: str | None, source: str | None = "Agency", status: str = "occurred", bound: str = "=",
        until: str | None = None, high: float | None = None, published: str = "2024-10-30") -> dict[str, object]:
    return {"value": value, "high": high, "bound": bound, "status": status, "source": source,
            "time_start": day, "time_end": until or day, "published": published}


@pytest.mark.parametrize(("points", "line"), [
    # one report carried twice is one entry with its count; a figure with no source gives only its date
    ([fig(1500, "2024-10-18"), fig(1500, "2024-10-18"), fig(3000, "2024-10-23", source=None)],
     "X: 1,500 (Agency, Oct 18) ×2 → 3,000 (Oct 23)"),
    # a whole month, a period within a month, across months; no date in the text: the article's
    ([fig(3000, "2024-10-01", until="2024-10-31", bound=">="), fig(9000, "2024-10-21", until="2024-10-27", bound="~"),
      fig(5, "2024-10-30", until="2024-11-02", bound="<"), fig(7, None, published="2024-11-05")],
     "X: ≥3,000 (Agency, Oct) → ~9,000 (Agency, Oct 21–27) → <5 (Agency, Oct 30–Nov 2) → 7 (Agency, Nov 5)"),
    # figures over two years carry the year
    ([fig(10, "2024-12-30"), fig(20, "2025-01-02", high=25)],
     "X: 10 (Agency, Dec 30 2024) → 20–25 (Agency, Jan 2 2025)"),
    # what is not there yet, or said not to be, comes after the counted figures, each after its word
    ([fig(12000, "2024-12-01", status="planned"), fig(3000, "2024-10-23", status="estimated", bound="~"),
      fig(8000, "2024-11-01", status="expected"), fig(100, "2024-10-20", status="denied")],
     "X: ~3,000 (Agency, Oct 23); planned: 12,000 (Agency, Dec 1); expected: 8,000 (Agency, Nov 1); "
     "denied: 100 (Agency, Oct 20)"),
    # long: the first two, how many are left out, the last three
    ([fig(n, f"2024-10-{n:02d}") for n in range(1, 9)],
     "X: 1 (Agency, Oct 1) → 2 (Agency, Oct 2) → + 3 more → 6 (Agency, Oct 6) → 7 (Agency, Oct 7) → "
     "8 (Agency, Oct 8)"),
])
def test_a_series_summary_line(points: list[dict[str, object]], line: str) -> None:
    from newsgraph.report import series_line

    assert series_line({"label": "X", "points": points}) == line
