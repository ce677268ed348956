"""Two whole ingests at once into a new store (creating it at once is tested in tests/test_store_safety.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.store import Store
from tests.helpers import ROOT

pytestmark = pytest.mark.integration

def test_two_ingests_into_a_new_store_store_the_union(tmp_path: Path) -> None:
    texts = ["Russian forces shelled Kharkiv on Monday, officials said.",
             "NATO ministers met in Brussels on Tuesday.",
             "The United States sent 200 advisers to Poland last week.",
             "Rebels attacked a convoy near Goma on Sunday, the army said."]
    shared = {"id": "shared", "text": "North Korean troops moved to Russia's Kursk region, NATO said."}
    inputs = []
    for n, part in enumerate((texts[:2], texts[2:])):
        path = tmp_path / f"in-{n}.jsonl"
        rows = [{"id": f"p{n}-{i}", "text": t} for i, t in enumerate(part)] + [shared]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        inputs.append(path)
    db = tmp_path / "both.db"
    procs = [subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(p), "--db", str(db), "--no-progress"],
                              cwd=ROOT, stderr=subprocess.PIPE, text=True) for p in inputs]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    with Store.open_existing(db) as store:
        assert sorted(store.article_ids()) == ["p0-0", "p0-1", "p1-0", "p1-1", "shared"]
    summaries = sorted(e.strip().splitlines()[-1].split(": ", 1)[1].split(",")[0] for e in errs)
    assert summaries == ["2 stored", "3 stored"]  # "shared" is stored once, by whichever came first
