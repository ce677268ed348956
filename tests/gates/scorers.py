"""The one loader of every scorer the gates use: the shared evaluation scripts (``../shared/eval``) and
our own (``bench/score_*.py``), each loaded once per test session."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT, needs_shared


def shared(name: str) -> ModuleType:
    """``../shared/eval/<name>.py`` (score_seed, score_times, score_places, score_events)."""
    return _load(name, needs_shared(f"eval/{name}.py"))


def ours(name: str) -> ModuleType:
    """``bench/<name>.py`` (score_quantities, score_attributions)."""
    return _load(name, ROOT / "bench" / f"{name}.py")


@functools.cache
def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # (their dataclasses look their module up while being defined)
    spec.loader.exec_module(module)
    return module


def seed_gold() -> dict:
    import json

    return json.loads(needs_shared("seed/rferl-2024-10-28.gold.json").read_text(encoding="utf-8"))
