"""Writing an export's files: each in full under a hidden name, then renamed, so a reader never sees half a file
and a failed export leaves the file it would have replaced as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from newsgraph.errors import StoreError


def folder(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{out}: cannot create the export folder ({e.strerror})") from e
    return out


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block ends without error."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        yield tmp
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write it ({e.strerror or e})") from e
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def text_file(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text file written atomically."""
    with atomic(path) as tmp, tmp.open("w", encoding="utf-8", newline=newline) as stream:
        yield stream


def json_line(record: Any) -> str:
    """Strict JSON (never NaN or Infinity), non-ASCII kept as is, as ``newsgraph extract`` writes."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n"
