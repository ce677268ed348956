"""Several worker processes give exactly the output of one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli, run_cli

pytestmark = pytest.mark.integration

ARTICLE = {"id": "x1", "text": "NATO chief Mark Rutte said on Monday that 3,000 troops had moved to Kursk.",
           "published": "2024-10-28"}


def test_two_workers_give_the_same_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [dict(ARTICLE, id=f"x{i}", text=ARTICLE["text"] + f" Item {i}.") for i in range(6)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    one = cli("extract", "--input", str(src), "--output", "-")
    two = run_cli("extract", "--input", str(src), "--output", "-", "--workers", "2")  # a real pool of processes
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
