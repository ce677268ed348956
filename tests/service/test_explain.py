"""`newsgraph explain`: an item's sentence, the rules that fired and the evidence each used."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsgraph.nlp.rules import Rule, RuleTable
from newsgraph.store import Store
from tests.helpers import cli_run

TEXT = "Russian forces shelled Kharkiv on Monday, officials said. More than 3,000 troops moved to Kursk."
RuleTable("demo", [Rule("demo.found.name", "a name the gazetteer knows, after a locative preposition")])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, extract_text: Any) -> Path:
    ext = extract_text(TEXT, "2024-03-04")
    place = ext.places[0]
    place.rule, place.trace = "demo.found.name", [["demo.found.name", place.start, place.end],
                                                  ["demo.gone.rule", None, None]]
    path = tmp_path_factory.mktemp("explain") / "s.db"
    with Store.open(path) as store:
        store.write(replace(ext, article=replace(ext.article, id="a1")))
    return path


def test_every_item_with_the_rule_that_made_it(db: Path) -> None:
    code, out, err = cli_run("explain", "a1", "--db", str(db))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["item", "rule", "what", "text"]
    assert any(line.split()[:2] == ["place:0", "demo.found.name"] for line in lines)
    assert any(line.startswith("E1 ") for line in lines)


def test_one_item_with_its_sentence_rules_and_evidence(db: Path) -> None:
    code, out, _ = cli_run("explain", "a1", "place:0", "--db", str(db))
    assert code == 0
    assert out.splitlines() == [
        "place:0  Kharkiv (UKR, admin1)",
        "  text      “Kharkiv”  [23:30]",
        "  sentence  Russian forces shelled Kharkiv on Monday, officials said.",
        "  made by   demo.found.name",
        "  rules that fired, in order, with the text each used:",
        "    demo.found.name  “Kharkiv” [23:30]",
        "        a name the gazetteer knows, after a locative preposition",
        "    demo.gone.rule  (no span)",
        "        (a rule this version no longer has)",
    ]
    code, out, _ = cli_run("explain", "a1", "place:0", "--db", str(db), "--json")
    record = json.loads(out)
    assert record["steps"][0] == {"rule": "demo.found.name", "what": "a name the gazetteer knows, after a locative "
                                  "preposition", "start": 23, "end": 30, "evidence": "Kharkiv"}


def test_an_unknown_item_names_the_items_there_are(db: Path) -> None:
    code, _, err = cli_run("explain", "a1", "E99", "--db", str(db))
    assert code == 1
    assert err.startswith("newsgraph: no item 'E99' in article 'a1'; its items: time:0, place:0, place:1, ")


RICH = ("NATO chief Mark Rutte said on Monday that more than 3,000 North Korean troops had moved to Russia's Kursk "
        "region. \"This is a dangerous escalation,\" Rutte told reporters in Brussels.")


@pytest.fixture(scope="module")
def rich_db(tmp_path_factory: pytest.TempPathFactory, extract_text: Any) -> Path:
    path = tmp_path_factory.mktemp("explain-rich") / "s.db"
    with Store.open(path) as store:
        ext = extract_text(RICH, "2024-10-28")
        store.write(replace(ext, article=replace(ext.article, id="r1")))
    return path


@pytest.mark.parametrize(("item", "stage"), [
    ("time:0", "times"), ("place:0", "places"), ("quantity:0", "quantities"), ("A1", "actors"),
    ("E1", "events"), ("Q1", "quotes"), ("C1", "quotes"),
])
def test_every_kind_of_item_is_explained_by_its_own_stage_s_rules(rich_db: Path, item: str, stage: str) -> None:
    code, out, err = cli_run("explain", "r1", item, "--db", str(rich_db), "--json")
    assert (code, err) == (0, ""), err
    record = json.loads(out)
    assert record["rule"].split(".")[0] == stage
    assert record["steps"] and record["steps"][0]["rule"] == record["rule"]
    for step in record["steps"]:
        if step["start"] is not None:
            assert RICH[step["start"] : step["end"]] == step["evidence"]
