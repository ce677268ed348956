"""The one reader of every lexicon file: the word lists and tables under ``newsgraph/resources/``.

One comment rule for all: a line whose first non-blank character is ``#`` is a comment, and blank lines
are skipped; a data line that must begin with ``#`` (the number sign of "#5") is written ``\\#``.
Tables (``.tsv``) split on tabs (``sep=None`` splits on runs of spaces instead). A row with a wrong number
of fields, a file that is missing or JSON that does not parse raises ``LexiconError`` naming the file and
the line, so a slip in a data file is found at load time with its place, not as a wrong reading later.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError

RESOURCES = Path(str(resources.files("newsgraph.resources")))


class LexiconError(NewsgraphError):
    """A lexicon file that cannot be read as its reader expects: the message names file and line."""


def path_of(name: str) -> Path:
    """A resource file by its path under newsgraph/resources ("lexicons/actors/states.tsv")."""
    return RESOURCES / name


def rows(name: str, columns: int | tuple[int, int] | None = None, sep: str | None = "\t") -> list[list[str]]:
    """The rows of a table, each a list of its fields. ``columns``: the number of fields every row must
    have, or (fewest, most)."""
    fewest, most = (columns, columns) if isinstance(columns, int) else columns or (1, None)
    out = []
    for number, line in _lines(name):
        fields = line.split(sep) if sep is None else line.rstrip("\r\n").split(sep)
        if len(fields) < fewest or (most is not None and len(fields) > most):
            wanted = str(fewest) if fewest == most else f"{fewest} to {most if most is not None else 'any'}"
            raise LexiconError(f"{name}:{number}: {len(fields)} fields, {wanted} expected: {line.strip()[:60]!r}")
        out.append(fields)
    return out


def entries(name: str) -> list[str]:
    """A list with one entry a line (the line stripped)."""
    return [line.strip() for _, line in _lines(name)]


def data(name: str) -> Any:
    """A JSON document."""
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as e:
        raise LexiconError(f"{name}:{e.lineno}: not valid JSON ({e.msg}, column {e.colno})") from None


def _lines(name: str) -> list[tuple[int, str]]:
    return [(number, line.replace("\\#", "#", 1) if line.lstrip().startswith("\\#") else line)
            for number, line in enumerate(_read(name).splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def _read(name: str) -> str:
    try:
        return path_of(name).read_text(encoding="utf-8")
    except OSError as e:
        raise LexiconError(f"{name}: cannot read the lexicon file ({e.strerror})") from None
