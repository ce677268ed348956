"""Named rules: tables with one name per rule, switches, the first rule that finds something, traces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from newsgraph.nlp.rules import REGISTRY, Rule, RuleTable, UnknownRule, fired

TABLE = RuleTable("demo", [Rule("demo.target.object", "the verb's object"),
                           Rule("demo.target.place", "a place acted upon stands for its state")])


@dataclass
class Item:
    rule: str | None = None
    trace: list[list[Any]] = field(default_factory=list)


def test_rules_are_registered_by_name_and_must_carry_their_stage() -> None:
    assert REGISTRY["demo.target.place"].what.startswith("a place")
    with pytest.raises(ValueError, match=r"must be named 'other\.<step>\.<rule>'"):
        RuleTable("other", [Rule("demo.x.y", "misnamed")])


def test_first_takes_the_first_rule_that_finds_something_and_skips_rules_switched_off() -> None:
    tried: list[str] = []

    def attempt(name: str, result: Any) -> tuple[str, Any]:
        return name, lambda: tried.append(name) or result

    candidates = [attempt("demo.target.object", []), attempt("demo.target.place", ["UKR"])]
    assert TABLE.first(candidates) == ("demo.target.place", ["UKR"])
    assert tried == ["demo.target.object", "demo.target.place"]
    off = TABLE.switched_off(["demo.target.place", "events.other.rule"])
    assert off.first(candidates) is None and TABLE.on("demo.target.place")
    with pytest.raises(UnknownRule, match=r"no rule 'demo\.target\.typo'"):
        TABLE.switched_off(["demo.target.typo"])


def test_an_item_records_the_rule_that_made_it_and_every_rule_that_fired() -> None:
    item = Item()
    fired(item, "demo.target.object", (4, 9))
    fired(item, "demo.target.place")
    assert item.rule == "demo.target.object"
    assert item.trace == [["demo.target.object", 4, 9], ["demo.target.place", None, None]]
    with pytest.raises(UnknownRule):
        fired(item, "demo.nothing.here")
