"""Quality gate: PLOVER events on the GSR records through the whole pipeline, as score_events.py runs it.
(tests/events/test_events.py keeps the stage's own gate, with the gold actors given.)"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.model import Article
from tests.conftest import needs_shared
from tests.gates import scorers


@pytest.mark.slow
def test_plover_gsr_floor_full_pipeline(nlp: Language) -> None:
    """The whole pipeline (our actors, places, claims) on all GSR sentences, as score_events.py runs it.
    Reached when pinned (round 3): accuracy 87.2, macro-F1 85.7, set-F1 80.2, source 85.4, target 83.7,
    joint 74.2 (round 2: 84.9 / 83.3 / 79.1 / 84.4 / 76.4 / 66.9). Split by md5(id) % 2: the tuning half
    (even, 154 records) 89.5 / 88.3 / 82.6 / 88.5 / 87.8 / 80.6; the check half (odd, 162 records)
    84.9 / 84.0 / 78.0 / 82.4 / 79.9 / 68.2 (round 2: 81.1 / 80.4 / 75.6 / 82.4 / 71.1 / 60.1). In round 3
    the check half was split again by sha1(id) % 2: its even part's errors were read, its odd part (69
    records) was not: 79.7 / 75.4 / - / 81.2 / 79.4 / 69.4."""
    from newsgraph.nlp.pipeline import extract_one

    data = needs_shared("data/plover-gsr/plover_gsr.jsonl")
    se = scorers.shared("score_events")
    records = se.load_records(str(data))
    articles = [Article(r["id"], r["text"], None) for r in records]
    docs = [extract_one(a, nlp).to_json() for a in articles]
    m = se.evaluate(records, docs)
    assert m["accuracy"] >= 85, m
    assert m["macro_f1"] >= 83, m
    assert m["set_f1"] >= 78, m
    assert m["source"] >= 83, m
    assert m["target"] >= 81, m
    assert m["joint"] >= 71, m
