"""The actor lexicons and the stage's cue words (newsgraph/nlp/actors/lexicon.py, resources/lexicons/actors/)."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.nlp import lexicon
from newsgraph.nlp.actors.lexicon import ActorWords, load_actor_lexicon, load_actor_words


def test_every_cue_word_list_is_filled_from_the_data_file() -> None:
    words = load_actor_words()
    for f in dataclasses.fields(ActorWords):
        assert getattr(words, f.name), f"{f.name} is empty"
    assert "avenue" in words.non_person_head and "Air Force" in words.service
    assert words.surname_prefix[0] == "al-" and words.portfolios["defence"] == words.portfolios["defense"]
    assert "defense" in load_actor_lexicon().title_words  # a title modifier of cue_words.tsv


def test_a_list_the_code_does_not_know_is_an_error_naming_the_file(monkeypatch) -> None:
    rows = lexicon.rows

    def with_typo(name: str, *args, **kwargs):
        found = rows(name, *args, **kwargs)
        return [*found, ["honorifc", "sir"]] if name.endswith("cue_words.tsv") else found

    monkeypatch.setattr(lexicon, "rows", with_typo)
    with pytest.raises(lexicon.LexiconError, match=r"cue_words\.tsv: lists \['honorifc'\] are unknown"):
        load_actor_words.__wrapped__()
