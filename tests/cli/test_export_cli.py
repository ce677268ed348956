"""`newsgraph export DIR [--format ...] [--since/--until/--actor/--place]`: the one line it prints and its exit
codes, on a real store (the texts of tests/service/test_export.py, ingested through the CLI)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.service.exports.selection import TABLES
from tests.helpers import cli_run
from tests.service.test_export import build_store

USAGE_ERROR = 2


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("export_cli"))[0]


def scalar(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def table_counts(db: Path) -> str:
    """What the line says of the tables: each with rows, with its count, in the order written."""
    counts = {t: scalar(db, f"SELECT count(*) FROM {t}") for t in TABLES}
    return ", ".join(f"{t} {n}" for t, n in counts.items() if n)


def test_default_writes_every_table_as_parquet(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x"
    code, stdout, stderr = cli_run("export", str(out), "--db", str(db))
    assert (code, stdout) == (0, "")
    assert stderr == f"newsgraph: wrote parquet to {out} (19 files): {table_counts(db)}\n"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)


def test_all_formats_name_every_file_and_what_was_left_out(db: Path, tmp_path: Path) -> None:
    places = scalar(db, "SELECT count(DISTINCT coalesce(geonameid, name)) FROM places WHERE lat IS NOT NULL "
                        "AND json_extract(data, '$.stands_for') IS NULL")
    unplaced = scalar(db, "SELECT count(*) FROM (SELECT DISTINCT name, country FROM places WHERE lat IS NULL "
                          "AND json_extract(data, '$.stands_for') IS NULL)")
    events = scalar(db, "SELECT count(*) FROM events")
    placed = scalar(db, "SELECT count(*) FROM events e JOIN places p ON p.article_id = e.article_id "
                        "AND p.idx = e.place_idx WHERE p.lat IS NOT NULL")
    assert unplaced and events > placed  # the line has something to say of both
    code, _, stderr = cli_run("export", str(tmp_path), "--db", str(db), "--format", "all")
    assert code == 0
    assert stderr == (f"newsgraph: wrote parquet, csv, geojson, plover, jsonl to {tmp_path} (42 files): "
                      f"{table_counts(db)}, places.geojson {places} places ({unplaced} without a point left out), "
                      f"events.geojson {placed} events ({events - placed} without a point left out), "
                      f"events.plover.jsonl {events} events, extract.jsonl 6 articles\n")


def test_the_filters_given_are_named_in_the_line(db: Path, tmp_path: Path) -> None:
    code, _, stderr = cli_run("export", str(tmp_path), "--db", str(db), "--format", "jsonl,plover",
                              "--since", "2020-01-01", "--place", "Tehran")
    assert code == 0
    assert stderr == (f"newsgraph: wrote jsonl, plover to {tmp_path} (2 files, --since 2020-01-01 --place Tehran): "
                      "events.plover.jsonl 2 events, extract.jsonl 2 articles\n")


def test_a_filter_matching_nothing_says_so(db: Path, tmp_path: Path) -> None:
    code, _, stderr = cli_run("export", str(tmp_path), "--db", str(db), "--format", "parquet,csv", "--actor", "XXX")
    assert code == 0
    assert stderr == (f"newsgraph: nothing matches --actor XXX: wrote parquet, csv to {tmp_path} (38 files), "
                      "each empty with its schema\n")
    assert len(list(tmp_path.iterdir())) == 38


@pytest.mark.parametrize(("args", "line"), [
    (["--format", "xml"], "newsgraph export: error: argument --format: 'xml' is not an export format; formats: "
                          "parquet, csv, geojson, plover, jsonl (comma-separated), or all"),
    (["--format", "csv,geojsn"], "newsgraph export: error: argument --format: 'geojsn' is not an export format; "
                                 "formats: parquet, csv, geojson, plover, jsonl (comma-separated), or all"),
    (["--since", "2020-13-01"], "newsgraph export: error: argument --since: '2020-13-01' is not a YYYY-MM-DD date"),
    (["--until", "yesterday"], "newsgraph export: error: argument --until: 'yesterday' is not a YYYY-MM-DD date"),
    (["--since", "2020-02-01", "--until", "2020-01-01"],
     "newsgraph: --since 2020-02-01 is after --until 2020-01-01: no date is in that range"),
])
def test_bad_usage_is_refused_before_anything_is_written(args: list[str], line: str, db: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "x"
    code, stdout, stderr = cli_run("export", str(out), "--db", str(db), *args)
    assert (code, stdout, stderr.splitlines()[-1]) == (USAGE_ERROR, "", line)
    assert not out.exists()


def test_no_store_is_one_line_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    code, _, stderr = cli_run("export", str(tmp_path / "x"), "--db", str(missing))
    assert (code, stderr) == (1, f"newsgraph: {missing}: no store here; create one with "
                                 f"`newsgraph ingest PATH --db {missing}`\n")
