"""The house rules a newcomer relies on, checked: size limits, declared reads, stages apart, named rules."""

from __future__ import annotations

import ast
import importlib.util
import inspect

import pytest
from spacy.language import Language

from newsgraph.nlp.pipeline import COMPONENTS
from newsgraph.nlp.rules import REGISTRY
from tests.conftest import ROOT

STAGES = sorted(p.name for p in (ROOT / "newsgraph" / "nlp").iterdir() if (p / "component.py").exists())


def test_size_limits_hold_and_every_exception_says_why() -> None:
    spec = importlib.util.spec_from_file_location("check_size", ROOT / "scripts" / "check_size.py")
    assert spec is not None and spec.loader is not None
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    assert check.main() == 0  # prints what breaks them
    assert all("TODO" not in why for why in check.exceptions().values())


def test_analyze_pipes_finds_no_undeclared_read(nlp: Language) -> None:
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert {name: p for name, p in problems.items() if p} == {}


@pytest.mark.parametrize("stage", STAGES)
def test_no_stage_imports_another_stage_s_component(stage: str) -> None:
    for path in (ROOT / "newsgraph" / "nlp" / stage).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph.nlp."):
                parts = node.module.split(".")
                other = parts[2] if len(parts) > 2 else None
                imports_component = parts[-1] == "component" or "component" in {a.name for a in node.names}
                assert not (other in STAGES and other != stage and imports_component), f"{path}: {node.module}"


def test_every_stage_takes_a_list_of_rules_to_switch_off(nlp: Language) -> None:
    for name in COMPONENTS:
        assert nlp.get_factory_meta(name).default_config.get("rules_off") == [], name


def test_every_rule_has_a_stage_name_and_says_what_it_does(nlp: Language) -> None:
    assert len(REGISTRY) > 100
    stages = {name.split(".")[0] for name in REGISTRY}
    assert stages >= {"times", "actors", "places", "quantities", "quotes", "events", "links"}
    for name, rule in REGISTRY.items():
        assert name.count(".") >= 2 and rule.what.strip(), name


def test_no_component_keeps_state_between_documents(nlp: Language, extract_text) -> None:
    """A component's attributes are the same after two documents as after one: nothing of a Doc stays."""
    extract_text("Russian forces shelled Kharkiv on Monday, officials said.")
    before = {name: dict(vars(pipe)) for name, pipe in nlp.pipeline if name.startswith("newsgraph_")}
    extract_text("NATO chief Mark Rutte said 3,000 North Korean troops had moved to Kursk.")
    after = {name: dict(vars(pipe)) for name, pipe in nlp.pipeline if name.startswith("newsgraph_")}
    for name, attrs in before.items():
        changed = [k for k in attrs if attrs[k] is not after[name].get(k)]
        assert not changed, f"{name} changed {changed} between documents"
    assert inspect.isclass(type(nlp.get_pipe("newsgraph_events")))
