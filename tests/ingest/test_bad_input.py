"""Bad records are named on stderr, one line each; good records still go through; the exit code says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.store import Store
from tests.helpers import cli

GOOD_1 = {"id": "good-1", "text": "Russian forces shelled Kharkiv on Monday, officials said.",
          "published": "2024-05-06"}
GOOD_2 = {"id": "good-2", "text": "NATO ministers met in Brussels.", "published": None}


def write_bad_file(path: Path) -> None:
    lines: list[bytes] = [
        json.dumps(GOOD_1).encode(),                                           # 1 good
        json.dumps({"id": "empty", "text": "   "}).encode(),                   # 2 empty text
        json.dumps({"id": "binary", "text": "\x00\x01\x02\x03garbage\x04\x05"}).encode(),  # 3 binary
        b'{"id": "broken", "text": "unterminated',                             # 4 malformed JSON
        json.dumps({"id": "notext", "title": "no text here"}).encode(),        # 5 missing text
        b'{"id": "latin1", "text": "caf\xe9 au lait"}',                        # 6 invalid UTF-8
        json.dumps({"id": "huge", "text": "word " * 1_100_000}).encode(),      # 7 a 5.5 MB article
        json.dumps(GOOD_2).encode(),                                           # 8 good
        json.dumps(["not", "an", "object"]).encode(),                          # 9 not an object
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")


EXPECTED_ERRORS = [
    'newsgraph: {f}: record 2 (id "empty"): text is empty — skipped',
    'newsgraph: {f}: record 3 (id "binary"): text looks like binary data, not prose — skipped',
    "newsgraph: {f}: record 4: malformed JSON (Unterminated string starting at column 26) — skipped",
    'newsgraph: {f}: record 5 (id "notext"): no "text" field — skipped',
    "newsgraph: {f}: record 6: invalid UTF-8 at byte 29 of the line — skipped",
    'newsgraph: {f}: record 7 (id "huge"): text is 5,500,000 characters, over the limit of 1,000,000 '
    "(raise it with --max-chars) — skipped",
    "newsgraph: {f}: record 9: a record must be a JSON object, not list — skipped",
]


@pytest.fixture(scope="module")
def bad_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bad") / "bad.jsonl"
    write_bad_file(path)
    return path


def test_extract_names_each_bad_record_and_keeps_the_good(bad_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = cli("extract", "--input", str(bad_file), "--output", str(out))
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr.splitlines() == [e.format(f=bad_file) for e in EXPECTED_ERRORS]
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["good-1", "good-2"]
    for part in ("times", "places", "quantities", "actors", "quotes", "events"):
        assert isinstance(results[0][part], list)


def test_ingest_stores_the_good_records_and_reports_the_bad(bad_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    proc = cli("ingest", str(bad_file), "--db", str(db), "--no-progress")
    assert proc.returncode == 3
    lines = proc.stderr.splitlines()
    assert lines[:-1] == [e.format(f=bad_file) for e in EXPECTED_ERRORS]
    assert lines[-1] == f"newsgraph: 2 stored, 0 already in {db}, 7 rejected"
    with Store.open_existing(db) as store:
        assert sorted(store.article_ids()) == ["good-1", "good-2"]
    again = cli("ingest", str(bad_file), "--db", str(db), "--no-progress")
    assert again.stderr.splitlines()[-1] == f"newsgraph: 0 stored, 2 already in {db}, 7 rejected"


def test_all_good_input_exits_zero(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD_2) + "\n", encoding="utf-8")
    proc = cli("extract", "--input", str(src), "--output", "-")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "good-2"


def test_max_chars_can_be_raised(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "long", "text": "Troops moved. " * 20}) + "\n", encoding="utf-8")
    refused = cli("extract", "--input", str(src), "--output", "-", "--max-chars", "100")
    assert refused.returncode == 3
    assert "over the limit of 100" in refused.stderr
    accepted = cli("extract", "--input", str(src), "--output", "-", "--max-chars", "1000")
    assert accepted.returncode == 0
