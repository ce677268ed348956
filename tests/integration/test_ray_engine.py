"""The Ray Data engine on a real local Ray instance: the same results as the local engine, in input order,
with bad records named and skipped on the driver exactly as before."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import ray  # in requirements.lock: a missing ray must fail here, never skip

from newsgraph.model import Article
from newsgraph.nlp.pipeline import extract
from newsgraph.service.ingest import ingest_articles
from newsgraph.store import Store
from tests.helpers import cli, run_cli

pytestmark = pytest.mark.integration

TEXTS = [
    "Russian forces shelled the city of Kharkiv on Monday, killing three civilians, the governor said.",
    "NATO Secretary General Mark Rutte met Ukrainian President Volodymyr Zelensky in Kyiv last week.",
    "The United States will send 500 more troops to Poland by March, the Pentagon announced.",
    "No quotes, places or numbers here at all, just words.",
    "“We will not retreat,” the commander told reporters in Donetsk Oblast on 3 May 2024.",
]


def articles() -> list[Article]:
    return [Article(f"r{i}", text, dt.date(2024, 6, 1 + i)) for i, text in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One Ray instance for the module; the engine joins it instead of starting its own."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.mark.slow
def test_ray_results_equal_local_results_in_input_order(local_ray: None) -> None:
    local = [e.to_json() for e in extract(articles())]
    # a window smaller than the input, so results are reassembled across several Ray datasets
    from newsgraph.nlp.engines import extract_on_ray

    distributed = [e.to_json() for e in extract_on_ray(articles(), workers=2, window=3, batch_size=2)]
    assert [r["id"] for r in distributed] == [f"r{i}" for i in range(len(TEXTS))]
    assert distributed == local
    assert ray.is_initialized()  # it joined the running instance, so it must not have shut it down


@pytest.mark.slow
def test_ray_ingest_stores_the_same_as_local(local_ray: None, tmp_path: Path) -> None:
    counts = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.db"
        report = ingest_articles(db, articles(), workers=1 if engine == "local" else 2, engine=engine)
        assert report.stored == len(TEXTS)
        with Store.open_existing(db) as store:
            counts[engine] = {t: store.count(t) for t in ("articles", "events", "quotes", "claims", "places",
                                                          "quantities", "times", "mentions")}
    assert counts["ray"] == counts["local"]


@pytest.mark.slow
def test_cli_extract_on_ray_names_bad_records_and_keeps_the_rest(tmp_path: Path) -> None:
    lines = [json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat()}) for a in articles()]
    lines.insert(2, '{"id": "broken", "text": ')
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = {}
    for engine in ("local", "ray"):
        out = tmp_path / f"{engine}.jsonl"
        # the Ray run in a real process of its own, where the command starts (and stops) its own Ray
        run = run_cli if engine == "ray" else cli
        proc = run("extract", "--input", str(source), "--output", str(out), "--engine", engine)
        assert proc.returncode == 3, proc.stderr
        assert f"newsgraph: {source}: record 3: malformed JSON (Expecting value at column 26) — skipped" in proc.stderr
        outputs[engine] = out.read_text(encoding="utf-8")
    assert outputs["ray"] == outputs["local"]
    assert len(outputs["ray"].splitlines()) == len(TEXTS)
