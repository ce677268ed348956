"""Hostile records never stop the rest, and never poison the store.

One batch mixes good records with every kind found to abort a batch, crash a command or break the store:
a lone surrogate (in the text, the id, the title), a number of 300+ digits, one of 300+ zeros, extreme
publication dates on articles with events, a boolean id, an empty id, a byte-order mark, and a text
already stored under another id. Every good record is stored, every bad one gets one line, the exit
status is 3, and afterwards every query kind, summary, export and every API endpoint answers.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Article, Extraction
from newsgraph.nlp.pipeline import extract
from newsgraph.store import Store
from newsgraph.store.queries import QUERY_KINDS
from tests.helpers import cli_run as run

KURSK = "North Korean troops moved to Russia’s Kursk region last week, NATO said on Monday."
GOOD = [
    {"id": "good-1", "text": "Russian forces shelled Kharkiv on Monday, officials said.", "published": "2024-05-06"},
    {"id": "huge-number", "text": "Officials said " + "9" * 320 + " troops were sent to Kursk last week.",
     "published": "2024-05-06"},
    {"id": "tiny-number", "text": "The dose was 0." + "0" * 330 + "1 grams, officials said on Friday.",
     "published": "2024-05-06"},
    {"id": "year-9999", "text": "Russia attacked Ukraine yesterday, and " + KURSK, "published": "9999-12-31"},
    {"id": "year-1", "text": "Russia attacked Ukraine last week, and " + KURSK, "published": "0001-01-01"},
    {"id": "good-2", "text": "The United States sent 200 advisers to Poland last week, the Pentagon said.",
     "published": "2024-05-20"},
    {"id": "a copy of good-1", "text": "Russian forces shelled Kharkiv on Monday, officials said.",
     "published": "2024-05-06"},
]
BAD = [
    ({"id": "surrogate-text", "text": "Troops \ud800 moved to Kursk."},
     '(id "surrogate-text"): "text" holds a lone surrogate (U+D800) at character 7, which is not a character; '
     "fix the source's encoding — skipped"),
    ({"id": "surrogate-title", "title": "Kursk \udfff", "text": "Troops moved to Kursk."},
     '(id "surrogate-title"): "title" holds a lone surrogate (U+DFFF) at character 6, which is not a character; '
     "fix the source's encoding — skipped"),
    ({"id": "\udc80", "text": "Troops moved to Kursk."},
     ': "id" holds a lone surrogate (U+DC80) at character 0, which is not a character; '
     "fix the source's encoding — skipped"),
    ({"id": True, "text": "Troops moved to Kursk."}, ': "id" must be a string, not a boolean — skipped'),
    ({"id": "  ", "text": "Troops moved to Kursk."},
     ': "id" is empty; give the record an id or leave "id" out — skipped'),
]



def write_batch(path: Path) -> list[str]:
    """The mixed batch, a BOM first; returns the expected rejection lines."""
    records: list[Any] = []
    for good, bad in zip(GOOD, BAD + [None] * len(GOOD), strict=False):
        records.append(good)
        if bad is not None:
            records.append(bad[0])
    lines = [json.dumps(r) for r in records]  # json.dumps escapes lone surrogates: valid JSON, as found in feeds
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    expected = []
    for number, record in enumerate(records, 1):
        for bad, message in BAD:
            if record is bad:
                expected.append(f"newsgraph: {path}: record {number}" + (message if message.startswith(":")
                                                                         else " " + message))
    return expected


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("hostile") / "batch.jsonl"
    return path, write_batch(path)


@pytest.fixture(scope="module")
def stored(batch: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    db = tmp_path_factory.mktemp("hostile-db") / "store.db"
    code, _, err = run("ingest", str(batch[0]), "--db", str(db), "--no-progress")
    return db, code, err


def test_every_good_record_is_stored_and_every_bad_one_named(stored: tuple[Path, int, str],
                                                              batch: tuple[Path, list[str]]) -> None:
    db, code, err = stored
    assert code == 3
    assert err.splitlines()[:-1] == batch[1]
    assert err.splitlines()[-1] == (f"newsgraph: {len(GOOD) - 1} stored, 1 already in {db} (1 under another id, "
                                    f"kept as an alias), {len(BAD)} rejected")
    with Store.open_existing(db) as store:
        assert sorted(store.article_ids()) == sorted(r["id"] for r in GOOD[:-1])


def test_nothing_non_finite_is_stored(stored: tuple[Path, int, str]) -> None:
    db = stored[0]
    conn = sqlite3.connect(db)
    for table in ("quantities", "places", "events", "times", "quotes", "claims"):
        for (data,) in conn.execute(f"SELECT data FROM {table}"):
            json.loads(data, parse_constant=_refuse)  # strict JSON: no Infinity, no NaN
    values = [v for (v,) in conn.execute("SELECT value FROM quantities")]
    assert values and all(math.isfinite(v) for v in values)


def test_every_query_summary_and_export_answer_afterwards(stored: tuple[Path, int, str], tmp_path: Path) -> None:
    db = str(stored[0])
    for what in ("events", "clusters", "quotes", "claims", "quantities", "places", "actors"):
        for extra in ([], ["--json"]):
            code, out, err = run("query", what, "--db", db, *extra)
            assert (code, err) == (0, ""), what
            if extra:
                for line in out.splitlines():
                    json.loads(line, parse_constant=_refuse)
    assert run("query", "search", "Kursk", "--db", db)[0] == 0
    assert run("summary", "--db", db)[0] == 0
    assert run("show", "year-9999", "--db", db, "--json")[0] == 0
    code, _, err = run("export", str(tmp_path / "parquet"), "--db", db)
    assert code == 0, err


def test_every_api_endpoint_answers_afterwards(stored: tuple[Path, int, str]) -> None:
    from newsgraph.serve.app import make_app

    app = make_app(stored[0])
    paths = ["/", "/api/summary", "/api/articles/good-1", "/api/articles/a copy of good-1",
             *(f"/api/{what}" for what in QUERY_KINDS if what != "search"), "/api/search?q=Kursk"]
    for path in paths:
        status, body = _get(app, path)
        assert status == 200, (path, body[:300])
        if path.startswith("/api/"):
            json.loads(body, parse_constant=_refuse)


def test_a_copy_under_another_id_is_found_by_that_id(stored: tuple[Path, int, str]) -> None:
    code, out, _ = run("show", "a copy of good-1", "--db", str(stored[0]), "--json")
    assert code == 0
    record = json.loads(out)
    assert (record["id"], record["aliases"]) == ("good-1", ["a copy of good-1"])


def test_a_rerun_stops_nowhere_and_stores_nothing_twice(stored: tuple[Path, int, str],
                                                        batch: tuple[Path, list[str]]) -> None:
    db = stored[0]
    code, _, err = run("ingest", str(batch[0]), "--db", str(db), "--no-progress")
    assert code == 3
    assert err.splitlines()[-1] == (f"newsgraph: 0 stored, {len(GOOD)} already in {db}, {len(BAD)} rejected")


def test_extract_output_is_strict_json(batch: tuple[Path, list[str]], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = run("extract", "--input", str(batch[0]), "--output", str(out))
    assert code == 3
    assert err.splitlines() == batch[1]
    rows = [json.loads(line, parse_constant=_refuse) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in GOOD]
    huge = next(r for r in rows if r["id"] == "huge-number")
    assert all(len(str(q["value"])) < 30 for q in huge["quantities"])  # the 320 digits are no figure


# ------------------------------------------------------------------------------------------------
# one text's failure is that text's rejection only
# ------------------------------------------------------------------------------------------------


def test_a_stage_failing_on_one_text_rejects_only_that_text(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    places = nlp.get_pipe("newsgraph_places")
    original = type(places).__call__

    def fragile(self: Any, doc: Any) -> Any:
        if "Zanzibar" in doc.text:
            raise IndexError("planted")
        return original(self, doc)

    monkeypatch.setattr(type(places), "__call__", fragile)
    articles = [Article("a", "Troops moved to Kursk."), Article("b", "A storm hit Zanzibar.", origin="in.jsonl: 2"),
                Article("c", "Talks were held in Geneva.")]
    results = list(extract(articles))
    assert [type(r).__name__ for r in results] == ["Extraction", "Rejected", "Extraction"]
    assert str(results[1]) == ("in.jsonl: 2: newsgraph failed on this text (IndexError: planted); please report it "
                               "— skipped")
    assert [r.article.id for r in results if isinstance(r, Extraction)] == ["a", "c"]


def test_a_result_that_breaks_the_output_promises_is_refused(extract_text: Any) -> None:
    ext = extract_text("More than 3,000 troops moved to Kursk on Monday.")
    assert ext.problems() == []
    bad = dataclasses.replace(ext, quantities=[dataclasses.replace(ext.quantities[0], value=math.inf)],
                              places=[dataclasses.replace(ext.places[0], start=ext.places[0].start + 1)])
    assert bad.problems() == ["places[0]: span 33-37 does not match the text",
                              "quantities[0]: a number that is not finite"]


def _refuse(constant: str) -> None:
    raise ValueError(f"non-standard JSON constant {constant}")


def _get(app: Any, path: str) -> tuple[int, bytes]:
    seen: dict[str, Any] = {}
    route, _, query = path.partition("?")

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"] = int(status.split()[0])

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": route, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1:8765",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8765"}
    body = b"".join(app(environ, start_response))
    return seen["status"], body



# ------------------------------------------------------------------------------------------------
# small input defects
# ------------------------------------------------------------------------------------------------


def test_a_missing_input_path_creates_no_store(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    code, _, err = run("ingest", str(tmp_path / "nowhere.jsonl"), "--db", str(db))
    assert (code, err) == (1, f"newsgraph: {tmp_path / 'nowhere.jsonl'}: no such file or directory\n")
    assert not db.exists()


def test_a_folder_reads_json_and_names_what_it_leaves(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "list.json").write_text(json.dumps([GOOD[0], GOOD[5]]), encoding="utf-8")
    (folder / "one.json").write_text("\ufeff" + json.dumps({"id": "solo", "text": "Troops moved to Kursk."}),
                                     encoding="utf-8")
    (folder / "bom.txt").write_text("\ufeffRebels shelled Aleppo on Sunday.", encoding="utf-8")
    (folder / "README.md").write_text("# Notes\nNot an article.", encoding="utf-8")
    (folder / "ids.tsv").write_text("a\tb\n", encoding="utf-8")
    (folder / ".hidden.jsonl").write_text("not read", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run("extract", "--input", str(folder / "one.json"), "--output", str(out))
    assert (code, err) == (0, "")
    code, _, err = run("ingest", str(folder), "--db", str(tmp_path / "s.db"), "--no-progress")
    assert code == 0
    assert err.splitlines() == [
        f"newsgraph: note: {folder}: 2 file(s) not read, of kinds ingest does not take from a folder: README.md, "
        "ids.tsv (reads .htm, .html, .json, .jsonl, .ndjson, .txt, .urls, .warc, .warc.gz; name a file to read it)",
        f"newsgraph: 4 stored, 0 already in {tmp_path / 's.db'}, 0 rejected",
    ]
    with Store.open_existing(tmp_path / "s.db") as store:
        texts = [r["text"] for r in store.rows("SELECT text FROM articles")]
    assert "Rebels shelled Aleppo on Sunday." in texts  # the BOM is not part of the text


def test_a_markdown_file_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    note = tmp_path / "story.md"
    note.write_text("Rebels shelled Aleppo on Sunday.", encoding="utf-8")
    code, out, _ = run("extract", "--input", str(note), "--output", "-")
    assert code == 0
    assert json.loads(out)["sentences"][0]["text"] == "Rebels shelled Aleppo on Sunday."


def test_max_chars_has_a_ceiling() -> None:
    code, _, err = run("extract", "--input", "-", "--output", "-", "--max-chars", "20000000")
    assert code == 2
    assert "'20000000' is over 10,000,000, the longest text newsgraph takes in one piece" in err


# ------------------------------------------------------------------------------------------------
# filters a query does not take
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "message"), [
    (["events", "troops"], "query events does not take a text; it applies to: search"),
    (["quotes", "--type", "ASSAULT"], "query quotes does not take --type; it applies to: events, clusters"),
    (["actors", "--since", "2024-01-01"],
     "query actors does not take --since; it applies to: events, clusters, quantities"),
    (["places", "--speaker", "Rutte"], "query places does not take --speaker; it applies to: quotes, claims"),
])
def test_a_filter_a_query_does_not_take_is_refused(stored: tuple[Path, int, str],
                                                   argv: list[str], message: str) -> None:
    code, out, err = run("query", *argv, "--db", str(stored[0]))
    assert (code, out, err) == (2, "", f"newsgraph: {message}\n")


def test_like_wildcards_match_only_themselves(stored: tuple[Path, int, str]) -> None:
    for wildcard in ("%", "_"):
        code, out, _ = run("query", "quotes", "--speaker", wildcard, "--db", str(stored[0]), "--json")
        assert (code, out) == (0, "")
