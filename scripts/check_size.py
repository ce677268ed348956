"""Size limits a newcomer can rely on: no module over 600 lines, no function over 60 lines or over a
cyclomatic complexity of 25 (radon's measure, which counts every ``and``/``or`` as a branch: stricter
than ruff's C901, which `make lint` also runs).

The exceptions kept on purpose are listed in ``scripts/size_exceptions.txt``, one per line with the
reason (``path`` or ``path::function  # why``); an exception that no longer exceeds its limits is reported
too, so the list only shrinks.

    python scripts/check_size.py            # exit 1 and one line per breach
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MAX_COMPLEXITY = 25
EXCEPTIONS = ROOT / "scripts" / "size_exceptions.txt"


def breaches(package: Path) -> dict[str, str]:
    """key ("path" or "path::qualified.name") -> what is too long."""
    out: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n")
        if lines > MAX_MODULE_LINES:
            out[rel] = f"module of {lines} lines (limit {MAX_MODULE_LINES})"
        complexity = _complexities(source)
        for name, length in _functions(ast.parse(source)):
            too = [f"{length} lines (limit {MAX_FUNCTION_LINES})"] if length > MAX_FUNCTION_LINES else []
            if complexity.get(name, 0) > MAX_COMPLEXITY:
                too.append(f"complexity {complexity[name]} (limit {MAX_COMPLEXITY})")
            if too:
                out[f"{rel}::{name}"] = "function of " + ", ".join(too)
    return out


def _complexities(source: str) -> dict[str, int]:
    """Qualified function name -> radon's cyclomatic complexity."""
    from radon.complexity import cc_visit
    from radon.visitors import Class, Function

    out: dict[str, int] = {}

    def walk(blocks: list[Function | Class], prefix: str) -> None:
        for b in blocks:
            if isinstance(b, Class):
                walk(b.methods + b.inner_classes, f"{prefix}{b.name}.")
            else:
                out[prefix + b.name] = b.complexity
                walk(b.closures, f"{prefix}{b.name}.")

    walk([b for b in cc_visit(source) if isinstance(b, Class) or not b.is_method], "")
    return out


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, int]]:
    found = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            found.append((prefix + node.name, length))
            found += _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            found += _functions(node, f"{prefix}{node.name}.")
    return found


def exceptions() -> dict[str, str]:
    if not EXCEPTIONS.exists():
        return {}
    out = {}
    for line in EXCEPTIONS.read_text(encoding="utf-8").splitlines():
        key, _, why = line.partition("#")
        if key.strip():
            out[key.strip()] = why.strip()
    return out


def main() -> int:
    found, allowed = breaches(ROOT / "newsgraph"), exceptions()
    problems = [f"{key}: {what}" for key, what in found.items() if key not in allowed]
    problems += [f"{key}: listed in {EXCEPTIONS.name} but within its limit now; remove the line"
                 for key in allowed if key not in found]
    problems += [f"{key}: listed in {EXCEPTIONS.name} without a reason" for key, why in allowed.items() if not why]
    for p in problems:
        print(f"check_size: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
