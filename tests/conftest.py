"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import copy
import datetime as dt
import os
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.model import Article, Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_TEXT = ROOT / "data" / "seed" / "rferl-2024-10-28.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsgraph.nlp.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def qnlp() -> Language:
    """The base model plus the quantities stage alone, so other stages cannot move its tests."""
    import spacy

    from newsgraph.nlp.pipeline import MODEL_NAME
    from newsgraph.nlp.quantities import component  # noqa: F401  (registers the factory)

    qnlp = spacy.load(MODEL_NAME)
    qnlp.add_pipe("newsgraph_quantities")
    return qnlp


@pytest.fixture(scope="session")
def extract_text(nlp: Language):
    """extract_text("text", "2024-10-28") -> Extraction, through the full pipeline."""
    from newsgraph.nlp.pipeline import extract_one

    def run(text: str, published: str | None = "2024-10-28") -> Extraction:
        date = dt.date.fromisoformat(published) if published else None
        return extract_one(Article("t", text, date), nlp)

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


# Set by .ci/run: there a gate whose input is missing fails; elsewhere it skips (a checkout without ../shared).
REQUIRE_GATES = os.environ.get("NEWSGRAPH_REQUIRE_GATES") == "1"


def needs_shared(path: str) -> Path:
    """A file from ../shared; when it is missing, the test fails under NEWSGRAPH_REQUIRE_GATES=1 (CI) and
    skips otherwise."""
    p = SHARED / path
    if not p.exists():
        message = f"{p} not present"
        if REQUIRE_GATES:
            pytest.fail(f"{message}, and NEWSGRAPH_REQUIRE_GATES=1 forbids skipping a gate", pytrace=False)
        pytest.skip(message)
    return p


@pytest.fixture(scope="session")
def _seed_extraction(extract_text, seed_text: str) -> Extraction:
    return extract_text(seed_text, "2024-10-28")


@pytest.fixture
def seed_extraction(_seed_extraction: Extraction) -> Extraction:
    """The founding article through the full pipeline, published 2024-10-28 (its gold's date): extracted once
    per session, each test given its own copy."""
    return copy.deepcopy(_seed_extraction)


@pytest.fixture
def web_server():
    """A started tests.webserver.WebServer on 127.0.0.1 with no routes (add them to ``.routes``); stopped after
    the test. Its docstring says how to route pages, feeds, redirects, slow and huge answers."""
    from tests.webserver import WebServer

    with WebServer() as server:
        yield server
