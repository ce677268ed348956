"""The events tests' model: the spaCy model plus the events component alone (its actors are given by hand)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsgraph.nlp.pipeline import MODEL_NAME


@pytest.fixture(scope="session")
def events_nlp() -> Language:
    from newsgraph.nlp.events import component  # noqa: F401  (registers the factory)

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_events", config={"keep_unreal": True})  # the status logic is tested in full
    return nlp
