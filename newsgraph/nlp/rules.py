"""Named rules: every decision a stage makes has a name, and every item says which rules made it.

A stage declares its rules once, in order, as a table (``RuleTable``): each rule a dotted name
(``events.target.place_object``: the stage, the step, the rule) and one line saying what it does, with an
example. While it works, the stage asks ``rules.on(name)`` before it applies a rule (so a config can switch
any rule off: ``bench/ablate.py`` does, one at a time) and, when the rule made or changed an item, calls
``fired(item, name, evidence)``. The item's ``rule`` is then the rule that produced it, and its ``trace``
every rule that fired on it, in order, with the span of text each used as evidence; ``newsgraph explain``
prints both. A fallback cascade is an ordered list of such rules (``first``): the first that finds
something wins, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    name: str  # "<stage>.<step>.<rule>"
    what: str  # what it does, with an example


class Traced(Protocol):
    rule: str | None
    trace: list[list[Any]]


# Every rule of every stage that has been imported, by name: what `explain` and `ablate` read.
REGISTRY: dict[str, Rule] = {}


class UnknownRule(KeyError):
    """A rule name no table declares: a typo in code or in a config's list of rules to switch off."""


class RuleTable:
    """A stage's rules, in the order it tries them, and the ones a config switches off."""

    def __init__(self, stage: str, rules: Sequence[Rule]) -> None:
        self.stage = stage
        self.rules = {r.name: r for r in rules}
        for r in rules:
            if not r.name.startswith(f"{stage}."):
                raise ValueError(f"rule {r.name!r} of the {stage} stage must be named '{stage}.<step>.<rule>'")
            REGISTRY[r.name] = r
        self.off: frozenset[str] = frozenset()

    def switched_off(self, names: Iterable[str]) -> RuleTable:
        """This table with these rules off (names of other stages' rules are left to those stages)."""
        mine = {n for n in names if n.startswith(f"{self.stage}.")}
        unknown = mine - set(self.rules)
        if unknown:
            raise UnknownRule(f"no rule {sorted(unknown)[0]!r} in the {self.stage} stage")
        table = RuleTable.__new__(RuleTable)
        table.stage, table.rules, table.off = self.stage, self.rules, frozenset(mine)
        return table

    def on(self, name: str) -> bool:
        if name not in self.rules:
            raise UnknownRule(f"no rule {name!r} in the {self.stage} stage")
        return name not in self.off

    def first(self, candidates: Sequence[tuple[str, Callable[[], T]]]) -> tuple[str, T] | None:
        """The first rule (in the order given) that is on and finds something (a truthy result)."""
        for name, attempt in candidates:
            if self.on(name):
                found = attempt()
                if found:
                    return name, found
        return None


def fired(item: Traced, rule: str, evidence: tuple[int, int] | None = None) -> None:
    """Record that ``rule`` produced (the first call) or changed ``item``, using this span as evidence."""
    if rule not in REGISTRY:
        raise UnknownRule(f"no rule {rule!r} is declared")
    if item.rule is None:
        item.rule = rule
    item.trace.append([rule, *(evidence or (None, None))])


def changed(item: Traced, rule: str, evidence: tuple[int, int] | None = None) -> None:
    """Record that ``rule`` changed an item another stage made: the rule goes on its trace, and its ``rule``
    stays the maker's (even when the maker named none)."""
    maker = item.rule
    fired(item, rule, evidence)
    item.rule = maker
