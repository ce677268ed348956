"""`newsgraph export`: every format of a real store (a few Wikinews texts ingested through the whole pipeline),
each checked against the store itself and against what a reader of the format needs."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.service.exports import FORMATS, ExportError, ExportFilters, export
from newsgraph.service.exports.selection import TABLES
from newsgraph.store import Store
from tests.helpers import ROOT, cli

# Short Wikinews texts (data/corpus, CC BY 2.5): Iran, Ukraine, Russia and Germany, Indonesia, Jan 2020 and after.
CORPUS_IDS = ("wn-en-3f8459d48b72", "wn-en-b181a7ab00e3", "wn-en-351468125eba", "wn-en-28108ad63c0e",
              "wn-en-5f59f378b725")
# A text and title with every character CSV must quote: commas, quotes, line breaks (LF and CRLF).
AWKWARD = {"id": "awkward", "title": 'Kyiv, "the march"\nday two', "published": "2020-02-03", "url": None,
           "text": 'Protesters marched in Kyiv on Monday, police said.\n"We will not stop," said one, "not now, '
                   'not ever."\r\nRussian troops shelled Kharkiv on Sunday.'}
DATES = {"articles": ["published"], "events": ["time_start", "time_end"], "event_clusters": ["time_start", "time_end"],
         "series": ["first_published", "last_published"], "series_points": ["published", "time_start", "time_end"],
         "stories": ["first_published", "last_published"]}
SCHEMA = ROOT / "docs" / "plover_export.schema.json"


def input_records() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (ROOT / "data" / "corpus" / "conflict.jsonl").open(encoding="utf-8")]
    by_id = {r["id"]: r for r in rows}
    picked = [{k: by_id[i][k] for k in ("id", "title", "text", "published", "url")} for i in CORPUS_IDS]
    return [*picked, AWKWARD]


def build_store(folder: Path) -> tuple[Path, Path]:
    """Ingest the texts into folder/s.db and extract them to folder/extract.jsonl, both through the CLI."""
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in input_records()), encoding="utf-8")
    db, extracted = folder / "s.db", folder / "extract.jsonl"
    assert cli("ingest", str(source), "--db", str(db), "--no-progress").returncode == 0
    assert cli("extract", "-i", str(source), "-o", str(extracted)).returncode == 0
    return db, extracted


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_store(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def db(built: tuple[Path, Path]) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def full(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format, unfiltered."""
    out = tmp_path_factory.mktemp("full")
    with Store.open_existing(db) as store:
        export(store, out, FORMATS)
    return out


def exported(db: Path, out: Path, filters: ExportFilters) -> Path:
    with Store.open_existing(db) as store:
        export(store, out, FORMATS, filters)
    return out


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- Parquet and CSV


def test_every_parquet_file_has_the_store_rows_with_typed_columns(db: Path, full: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table in TABLES:
        arrow = pq.read_table(full / f"{table}.parquet")
        assert arrow.num_rows == count(db, f"SELECT count(*) FROM {table}"), table
        for column in DATES.get(table, []):
            assert arrow.schema.field(column).type == pa.date32(), (table, column)
    articles = pq.read_table(full / "articles.parquet")
    assert articles.schema.field("ingested_at").type == pa.timestamp("ms", tz="UTC")
    assert articles.schema.field("story_id").type == pa.int64() and articles.schema.field("text").type == pa.string()
    events = pq.read_table(full / "events.parquet")
    assert events.schema.field("idx").type == pa.int64() and events.schema.field("data").type == pa.string()
    assert pq.read_table(full / "quantities.parquet").schema.field("value").type == pa.float64()
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT id, published FROM articles"))
    assert {r["id"]: r["published"] for r in articles.to_pylist()} == {
        k: dt.date.fromisoformat(v) for k, v in stored.items()}
    assert json.loads(events.to_pylist()[0]["data"])["type"] == events.to_pylist()[0]["type"]  # JSON stays JSON


def test_every_csv_loads_in_pandas_with_the_store_rows(db: Path, full: Path) -> None:
    import pandas as pd

    for table in TABLES:
        frame = pd.read_csv(full / f"{table}.csv")
        assert len(frame) == count(db, f"SELECT count(*) FROM {table}"), table
        assert list(frame.columns) == [c[1] for c in sqlite3.connect(db).execute(f"PRAGMA table_info({table})")]


def test_csv_round_trips_commas_quotes_and_line_breaks(db: Path, full: Path) -> None:
    import pandas as pd

    frame = pd.read_csv(full / "articles.csv", dtype=str, keep_default_na=False).set_index("id")
    assert frame.loc["awkward", "title"] == AWKWARD["title"]
    assert frame.loc["awkward", "text"] == AWKWARD["text"]
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT id, text FROM articles"))
    assert frame["text"].to_dict() == texts
    raw = (full / "articles.csv").read_bytes()
    assert raw.startswith(b"id,text_sha1,") and raw.split(b"\r\n")[0].count(b",") == 11  # CRLF records, no BOM


def test_an_empty_table_keeps_its_typed_schema(db: Path, full: Path) -> None:
    import pyarrow.parquet as pq

    assert count(db, "SELECT count(*) FROM article_aliases") == 0
    aliases = pq.read_table(full / "article_aliases.parquet")
    assert aliases.num_rows == 0 and aliases.schema.names == ["alias", "article_id", "origin"]


# ---------------------------------------------------------------- GeoJSON


def check_geojson(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """RFC 7946's required members for a FeatureCollection of Points; returns the features."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        geometry = f["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, float | int) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90, f["properties"]
    return list(doc["features"])


def test_places_geojson_has_one_point_per_resolved_place_lon_first(db: Path, full: Path) -> None:
    features = check_geojson(json.loads((full / "places.geojson").read_text(encoding="utf-8")))
    with sqlite3.connect(db) as conn:
        stored = {gid: (lat, lon) for gid, lat, lon in conn.execute(
            "SELECT geonameid, lat, lon FROM places WHERE geonameid IS NOT NULL")}
        resolved = conn.execute("SELECT count(DISTINCT coalesce(geonameid, name)) FROM places "
                                "WHERE lat IS NOT NULL AND json_extract(data, '$.stands_for') IS NULL").fetchone()[0]
    assert len(features) == resolved
    for f in features:
        if f["properties"]["geonameid"] is not None:
            lat, lon = stored[f["properties"]["geonameid"]]
            assert f["geometry"]["coordinates"] == [lon, lat], f["properties"]["name"]  # [lon, lat], RFC 7946
    jakarta = next(f for f in features if f["properties"]["name"] == "Jakarta")
    assert jakarta["geometry"]["coordinates"][0] > 100  # east of Greenwich, south of the equator
    tehran = next(f for f in features if f["properties"]["name"] == "Tehran")
    assert tehran["properties"]["articles"] == 2 and tehran["properties"]["mentions"] >= 2
    assert {e["type"] for e in tehran["properties"]["events"]} == {"ASSAULT", "ACCUSE"}


def test_events_geojson_has_each_event_with_a_point_at_its_place(db: Path, full: Path) -> None:
    features = check_geojson(json.loads((full / "events.geojson").read_text(encoding="utf-8")))
    with sqlite3.connect(db) as conn:
        placed = {f"{a}:{e}": [lon, lat] for a, e, lat, lon in conn.execute(
            "SELECT e.article_id, e.local_id, p.lat, p.lon FROM events e JOIN places p ON p.article_id = e.article_id "
            "AND p.idx = e.place_idx WHERE p.lat IS NOT NULL")}
        names = dict(conn.execute("SELECT article_id || ':' || local_id, name FROM article_actors"))
    assert {f["id"]: f["geometry"]["coordinates"] for f in features} == placed
    shelled = next(f["properties"] for f in features if f["properties"]["text"] == "Russian troops shelled Kharkiv")
    assert (shelled["type"], shelled["source"], shelled["target"], shelled["place"]) == (
        "ASSAULT", ["RUS"], ["UKR"], "Kharkiv")
    assert shelled["date"] == "2020-02-02" and shelled["article_id"] == "awkward"
    for f in features:
        for actor in f["properties"]["source_actors"] + f["properties"]["target_actors"]:
            assert names[f"{f['properties']['article_id']}:{actor['id']}"] == actor["name"]


# ---------------------------------------------------------------- PLOVER and JSONL


def test_every_plover_line_validates_against_the_schema(db: Path, full: Path) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    records = lines(full / "events.plover.jsonl")
    assert len(records) == count(db, "SELECT count(*) FROM events")
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record["Event ID"], errors)
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT id, text FROM articles"))
    for r in records:
        assert texts[r["newsgraph_article_id"]][r["newsgraph_start"]:r["newsgraph_end"]] == r["newsgraph_text"]
    shelled = next(r for r in records if r["newsgraph_text"] == "Russian troops shelled Kharkiv")
    assert (shelled["Event Type"], shelled["Event Mode"], shelled["Actor Country"], shelled["Recipient Country"]) == (
        "ASSAULT", "heavy-weapons", "RUS", "UKR")
    assert (shelled["Placename"], shelled["Country"], shelled["Event Date"], shelled["Publication Date"]) == (
        "Kharkiv", "UKR", "2020-02-02", "2020-02-03")
    assert shelled["Intensity"] is None and shelled["Quad Code"] is None and shelled["Language"] is None


def test_a_line_the_schema_refuses_is_refused() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert not validator.is_valid({"Event ID": "x"})  # fields missing
    assert list(validator.schema["required"])[:3] == ["Event ID", "Event Date", "Event Type"]


def test_the_jsonl_dump_is_extracts_output(built: tuple[Path, Path], full: Path) -> None:
    _, extracted = built
    assert (full / "extract.jsonl").read_bytes() == extracted.read_bytes()
    assert len(lines(full / "extract.jsonl")) == len(input_records())


# ---------------------------------------------------------------- filters


FILTERS = {
    "since-until": ExportFilters(since=dt.date(2020, 1, 10), until=dt.date(2020, 1, 31)),
    "actor": ExportFilters(actor="irn"),
    "place": ExportFilters(place="tehran"),
    "geonameid": ExportFilters(place="112931"),  # Tehran's GeoNames id
}


def file_rows(out: Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    rows = {f"{t}.parquet": pq.read_table(out / f"{t}.parquet").num_rows for t in TABLES}
    rows |= {f"{t}.csv": len((out / f"{t}.csv").read_text(encoding="utf-8").splitlines()) for t in TABLES}
    rows |= {name: len(json.loads((out / name).read_text(encoding="utf-8"))["features"])
             for name in ("places.geojson", "events.geojson")}
    rows |= {name: len(lines(out / name)) for name in ("events.plover.jsonl", "extract.jsonl")}
    return rows


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_narrows_every_format(name: str, db: Path, full: Path, tmp_path: Path) -> None:
    out = exported(db, tmp_path, FILTERS[name])
    before, after = file_rows(full), file_rows(out)
    assert after.keys() == before.keys()
    assert all(after[f] <= before[f] for f in before), {f: (before[f], after[f]) for f in before}
    for narrowed in ("articles.parquet", "articles.csv", "events.parquet", "events.csv", "places.geojson",
                     "events.geojson", "events.plover.jsonl", "extract.jsonl"):
        assert 0 < after[narrowed] < before[narrowed], (narrowed, before[narrowed], after[narrowed])


def test_since_until_takes_articles_by_date_and_events_by_their_own_days(db: Path, tmp_path: Path) -> None:
    out = exported(db, tmp_path, FILTERS["since-until"])
    assert {r["id"] for r in lines(out / "extract.jsonl")} == {"wn-en-351468125eba", "wn-en-28108ad63c0e"}
    records = lines(out / "events.plover.jsonl")
    assert records and all(r["newsgraph_date_end"] >= "2020-01-10" and r["newsgraph_date_start"] <= "2020-01-31"
                           for r in records)
    # the funeral report of Jan 9 names last week's airstrike: neither the article nor that event is in the range
    assert not any(r["newsgraph_article_id"] == "wn-en-b181a7ab00e3" for r in records)


def test_an_event_is_taken_by_its_own_day_not_its_reports(db: Path, tmp_path: Path) -> None:
    # "Russian troops shelled Kharkiv on Sunday" (Feb 2), in a report of Monday (Feb 3)
    sunday = dt.date(2020, 2, 2)
    out = exported(db, tmp_path / "sunday", ExportFilters(since=sunday, until=sunday))
    assert lines(out / "extract.jsonl") == []
    assert [r["newsgraph_text"] for r in lines(out / "events.plover.jsonl")] == ["Russian troops shelled Kharkiv"]
    monday = dt.date(2020, 2, 3)
    out = exported(db, tmp_path / "monday", ExportFilters(since=monday, until=monday))
    assert [r["id"] for r in lines(out / "extract.jsonl")] == ["awkward"]
    assert [r["newsgraph_text"] for r in lines(out / "events.plover.jsonl")] == ["Protesters marched in Kyiv"]


def test_actor_keeps_the_events_it_is_part_of(db: Path, tmp_path: Path) -> None:
    out = exported(db, tmp_path, FILTERS["actor"])
    records = lines(out / "events.plover.jsonl")
    assert records and all("IRN" in r["newsgraph_source_codes"] + r["newsgraph_target_codes"] for r in records)
    assert len(records) == count(db, "SELECT count(*) FROM (SELECT DISTINCT article_id, event_idx FROM event_actors "
                                     "WHERE code = 'IRN')")
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert all("IRN" in f["properties"]["source"] + f["properties"]["target"] for f in features)


@pytest.mark.parametrize("name", ["place", "geonameid"])
def test_place_keeps_that_place_and_its_events(name: str, db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = exported(db, tmp_path, FILTERS[name])
    assert set(pq.read_table(out / "places.parquet").column("name").to_pylist()) == {"Tehran"}
    places = json.loads((out / "places.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["name"] for f in places] == ["Tehran"]
    assert {r["Placename"] for r in lines(out / "events.plover.jsonl")} == {"Tehran"}


def test_a_filter_matching_nothing_writes_empty_files_with_their_schemas(db: Path, full: Path,
                                                                         tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    with Store.open_existing(db) as store:
        report = export(store, tmp_path, FORMATS, ExportFilters(actor="XXX"))
    assert report.empty() and report.line(tmp_path, ExportFilters(actor="XXX")).startswith("nothing matches")
    assert set(file_rows(tmp_path).values()) == {0, 1}  # a CSV keeps its header line
    for table in TABLES:
        assert pq.read_schema(tmp_path / f"{table}.parquet") == pq.read_schema(full / f"{table}.parquet"), table
        header = (tmp_path / f"{table}.csv").read_bytes()
        assert header == (full / f"{table}.csv").read_bytes().split(b"\r\n")[0] + b"\r\n"
    assert json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8")) == {
        "type": "FeatureCollection", "features": []}


# ---------------------------------------------------------------- errors and atomic files


def test_a_stored_date_that_is_no_date_is_named_and_the_old_file_kept(db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    shutil.copy(db, broken)
    with sqlite3.connect(broken) as conn:
        conn.execute("UPDATE articles SET published = 'soon' WHERE id = 'awkward'")
    out = tmp_path / "out"
    with Store.open_existing(db) as store:
        export(store, out, ("parquet",))
    before = (out / "articles.parquet").read_bytes()
    with Store.open_existing(broken) as store, pytest.raises(ExportError) as caught:
        export(store, out, ("parquet",))
    assert str(caught.value).startswith("articles.published: the stored value 'soon' is not a date")
    assert (out / "articles.parquet").read_bytes() == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".partial")]


def test_export_leaves_the_store_as_it_was(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    exported(db, tmp_path, FILTERS["actor"])
    assert db.read_bytes() == before
