"""The one lexicon reader: one comment rule, and errors that name the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.nlp import lexicon


@pytest.fixture
def resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(lexicon, "RESOURCES", tmp_path)
    return tmp_path


def test_comments_and_blank_lines_are_skipped_the_same_everywhere(resources: Path) -> None:
    (resources / "t.tsv").write_text("# a comment\n\nUSA\tUnited States\n  # indented comment\nRUS\tRussia\n",
                                     encoding="utf-8")
    assert lexicon.rows("t.tsv", columns=2) == [["USA", "United States"], ["RUS", "Russia"]]
    assert lexicon.entries("t.tsv") == ["USA\tUnited States", "RUS\tRussia"]


def test_a_data_line_can_begin_with_a_number_sign(resources: Path) -> None:
    (resources / "w.txt").write_text("# identifiers\nflight\n\\#\n", encoding="utf-8")
    assert lexicon.entries("w.txt") == ["flight", "#"]


def test_a_row_with_the_wrong_number_of_fields_is_named_by_file_and_line(resources: Path) -> None:
    (resources / "t.tsv").write_text("# states\nUSA\tUnited States\nRUS Russia\n", encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"^t\.tsv:3: 1 fields, 2 expected: 'RUS Russia'$"):
        lexicon.rows("t.tsv", columns=2)


def test_fields_split_on_spaces_where_asked(resources: Path) -> None:
    (resources / "v.tsv").write_text("say   asserted  -\n", encoding="utf-8")
    assert lexicon.rows("v.tsv", columns=(2, 3), sep=None) == [["say", "asserted", "-"]]


def test_missing_files_and_bad_json_are_named(resources: Path) -> None:
    with pytest.raises(lexicon.LexiconError, match=r"^nowhere\.tsv: cannot read the lexicon file"):
        lexicon.rows("nowhere.tsv")
    (resources / "d.json").write_text('{"a": 1,\n "b": }', encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match=r"^d\.json:2: not valid JSON"):
        lexicon.data("d.json")


def test_every_lexicon_of_the_project_reads() -> None:
    files = sorted(p for p in lexicon.RESOURCES.rglob("*") if p.suffix in (".tsv", ".txt"))
    assert len(files) > 20
    for path in files:
        assert lexicon.rows(path.relative_to(lexicon.RESOURCES).as_posix(), sep=None if "quotes" in path.parts
                            else "\t")
