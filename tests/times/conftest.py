"""The times tests' model: the spaCy model with only the times stage (fast, and independent of the other
stages: the times come first in the pipeline, so they are the same as in the whole pipeline)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsgraph.nlp.pipeline import MODEL_NAME


@pytest.fixture(scope="session")
def tnlp() -> Language:
    import newsgraph.nlp.times.component  # noqa: F401  (registers the factory)

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("newsgraph_times")
    return nlp
