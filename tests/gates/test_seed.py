"""Quality gate: the founding article, scored by the shared scorer through the real CLI.

The floors are pinned just below what the pipeline reaches, so any regression fails CI.
Raise them when a stage improves; never lower them to make a change pass.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT, needs_shared
from tests.gates import scorers

# Reached on 2026-11-25 (session 3): times 1.00, places 1.00, quantities 1.00, actors 1.00, quotes 1.00,
# events 0.95, overall 0.99 (one unmatched event left: "Russia intended to deploy troops", which the gold
# does not list; one more unmatched event would be 0.90).
# The spine's own bar is overall >= 0.60 with every part above zero.
FLOORS = {
    "times": 1.0,
    "places": 1.0,
    "quantities": 1.0,
    "actors": 0.95,
    "quotes": 0.95,
    "events": 0.90,
    "overall": 0.95,
}


def test_founding_article_meets_its_floors() -> None:
    scorer = needs_shared("eval/score_seed.py")
    cmd = f"{sys.executable} -m newsgraph extract --input {{input}} --output {{output}}"
    proc = subprocess.run([sys.executable, str(scorer), "--cmd", cmd], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    headline = proc.stdout.strip().splitlines()[-1]
    scores = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", headline)}
    assert set(FLOORS) <= set(scores), proc.stdout + proc.stderr
    below = {k: (scores[k], floor) for k, floor in FLOORS.items() if scores[k] < floor}
    assert not below, f"below floor (score, floor): {below}\n{proc.stdout}"


# The stages one by one, on the same article through the pipeline in this process.


@pytest.mark.slow
def test_seed_actors_floor(seed_extraction, seed_text):
    scorer = scorers.shared("score_seed")
    gold = scorers.seed_gold()
    assert seed_extraction.article.published.isoformat() == gold["article"]["published"]
    record = seed_extraction.to_json()
    score, notes = scorer.score_actors(seed_text, gold["actors"], record["actors"])
    assert score >= 0.95, notes


@pytest.mark.slow
def test_seed_places_floor(seed_extraction, seed_text):
    scorer = scorers.shared("score_seed")
    gold = scorers.seed_gold()
    assert seed_extraction.article.published.isoformat() == gold["article"]["published"]
    record = seed_extraction.to_json()
    score, notes = scorer.score_places(seed_text, gold["places"], record["places"])
    assert score == 1.0, notes


def test_seed_quotes_floor(seed_extraction, seed_text):
    gold = scorers.seed_gold()
    scorer = scorers.shared("score_seed")
    ext = seed_extraction
    record = ext.to_json()
    actors = {a["id"]: a for a in record["actors"]}
    score, notes = scorer.score_quotes(seed_text, gold["quotes"], record["quotes"], actors)
    assert score >= 0.95, notes
    assert all(q.speaker is not None for q in ext.quotes)
