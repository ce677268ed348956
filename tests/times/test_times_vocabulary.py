"""The stage's words (times/vocabulary.py, resources/lexicons/times/times.json): every table is read, and the
cue words are written as the grammar compares them (lowercase tokens)."""

from __future__ import annotations

from dataclasses import fields

from newsgraph.nlp import lexicon
from newsgraph.nlp.times.vocabulary import LEXICON, Vocabulary


def test_every_table_of_the_file_is_read() -> None:
    data = lexicon.data(LEXICON)
    read = {"months", "month_abbreviations", "weekdays", "seasons", "parts_of_day", "holidays", "number_words",
            "vague_numbers", "ordinal_words", "units", "modifiers_before", "approximators", "relative_words",
            "shift_after", "deictic", "deictic_phrases", "set_adverbs", "am_pm", "not_year_after"}
    lists = {k for k, v in data.items() if isinstance(v, list)} - read
    names = {f.name for f in fields(Vocabulary)}
    assert lists <= names  # every other list is a field of the same name
    assert set(data) - {"_comment"} == read | lists
    assert "source" in data["_comment"] or "newsgraph" in data["_comment"]


def test_cue_words_are_lowercase_tokens() -> None:
    words = Vocabulary.load()
    for f in fields(Vocabulary):
        value = getattr(words, f.name)
        if isinstance(value, frozenset) and f.name != "triggers":
            assert value, f.name
            assert all(isinstance(w, str) and w == w.lower() and " " not in w for w in value), f.name
    assert words.months["june"] == 6 and ("christmas", "eve") in words.holidays
    assert "km" in words.not_year_after  # (with the units of the quantities stage)
    assert {"june", "the", "every", "once"} <= words.triggers
