"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.model import Article, Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_TEXT = ROOT / "data" / "seed" / "rferl-2024-10-28.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsgraph.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def qnlp() -> Language:
    """The base model plus the quantities stage alone, so other stages cannot move its tests."""
    import spacy

    from newsgraph.components import quantities  # noqa: F401  (registers the factory)
    from newsgraph.pipeline import MODEL_NAME

    qnlp = spacy.load(MODEL_NAME)
    qnlp.add_pipe("newsgraph_quantities")
    return qnlp


@pytest.fixture(scope="session")
def extract_text(nlp: Language):
    """extract_text("text", "2024-10-28") -> Extraction, through the full pipeline."""
    from newsgraph.pipeline import extract_one

    def run(text: str, published: str | None = "2024-10-28") -> Extraction:
        date = dt.date.fromisoformat(published) if published else None
        return extract_one(Article("t", text, date), nlp)

    return run


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


def needs_shared(path: str) -> Path:
    """A file from ../shared, or skip the test when the checkout has no shared folder beside it."""
    p = SHARED / path
    if not p.exists():
        pytest.skip(f"{p} not present")
    return p
