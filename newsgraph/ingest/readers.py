"""One reader per format. Each yields Article or Rejected and never raises on one bad record.

- ``.jsonl`` / ``.ndjson``: one article a line, as in the evaluation contract.
- ``.json``: one article (an object), a list of them, or JSON lines under that name.
- ``.txt`` / ``.md``: the whole file is the text; ``--published`` gives the date.
- ``.html`` / ``.htm``: main text, title and date through trafilatura.
- ``.warc`` / ``.warc.gz``: every HTML page a web archive captured, its URL its id (``ingest/warc.py``).
- ``http://`` / ``https://`` addresses of pages or RSS/Atom feeds, and ``.urls`` files listing them (one a line,
  also read in folders: a list is made for ingest), fetched through ``ingest/web`` (the Fetcher and the store's
  ``known`` check come from the caller; without a Fetcher one with the default policy is made at the first URL).
Directories are walked recursively, in sorted order, so runs are repeatable; hidden files are left out,
and files of other kinds are named in one note (``Skipped``), as are ``.md`` files, which in a folder
are more often its README than an article (name one on the command line to read it).
A UTF-8 byte-order mark is read as such, not as part of the first record.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newsgraph.errors import InputNotFound
from newsgraph.ingest.html import html_to_article
from newsgraph.ingest.records import (
    MAX_CHARS,
    Rejected,
    check_text,
    record_to_article,
    text_id,
)
from newsgraph.ingest.warc import WARC_SUFFIXES, is_warc, read_warc
from newsgraph.ingest.web.urls import URL_LIST_SUFFIXES, looks_like_url
from newsgraph.model import Article

if TYPE_CHECKING:
    from newsgraph.ingest.web.fetch import Fetcher
    from newsgraph.ingest.web.pages import WebReader

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = (JSONL_SUFFIXES | JSON_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | set(WARC_SUFFIXES)
                  | URL_LIST_SUFFIXES)
# Read when named, but not when met in a folder: a folder's .md files are its README and notes.
NOT_FROM_FOLDERS = {".md"}
BOM = "\ufeff"


@dataclass(frozen=True)
class Skipped:
    """Files of a folder that were not read, named in one note (they are not records: no exit 3)."""

    folder: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.names[:5]) + (f" and {len(self.names) - 5} more" if len(self.names) > 5 else "")
        return (f"note: {self.folder}: {len(self.names)} file(s) not read, of kinds ingest does not take from a "
                f"folder: {shown} (reads {', '.join(sorted(KNOWN_SUFFIXES - NOT_FROM_FOLDERS))}; name a file to "
                "read it)")


Item = Article | Rejected | Skipped


def check_paths(paths: Iterable[str]) -> None:
    """Raise InputNotFound for the first path that does not exist, before anything is opened or created.
    An address (``https://...``, ``ftp://...``) is no path: it is fetched, or refused by name, later."""
    missing = [p for p in paths if p != "-" and not looks_like_url(p) and not Path(p).exists()]
    if missing:
        raise InputNotFound(f"{missing[0]}: no such file or directory")


def read_paths(
    paths: Iterable[str], published: dt.date | None = None, max_chars: int = MAX_CHARS, *,
    fetcher: Fetcher | None = None, known: Callable[[str], bool] | None = None,
) -> Iterator[Item]:
    """Every article in these files, directories and web addresses ("-" is JSONL on stdin). ``known(url)``
    True skips a URL without fetching it (the store has it already)."""
    paths = list(paths)
    check_paths(paths)  # before reading anything, so a typo costs nothing
    web = _Web(fetcher, known, published, max_chars)
    try:
        yield from _read_each(paths, published, max_chars, web)
    finally:
        web.close()


def _read_each(paths: list[str], published: dt.date | None, max_chars: int, web: _Web) -> Iterator[Item]:
    for raw in paths:
        if raw == "-":
            yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", published, max_chars)
            continue
        if looks_like_url(raw):
            yield from web.reader().urls([raw])
            continue
        path = Path(raw)
        if not path.exists():
            raise InputNotFound(f"{raw}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            taken = [p for p in files if p.suffix.lower() in KNOWN_SUFFIXES - NOT_FROM_FOLDERS or is_warc(p)]
            left = tuple(str(p.relative_to(path)) for p in files if p not in taken)
            if left:
                yield Skipped(raw, left)
            for child in taken:
                yield from _file_or_list(child, published, max_chars, web)
        else:
            yield from _file_or_list(path, published, max_chars, web)


def _file_or_list(path: Path, published: dt.date | None, max_chars: int, web: _Web) -> Iterator[Item]:
    if path.suffix.lower() in URL_LIST_SUFFIXES:
        yield from web.reader().url_list(path)
    else:
        yield from read_file(path, published, max_chars)


class _Web:
    """The web reader of one run, made at the first URL or ``.urls`` list (httpx is imported only then)."""

    def __init__(self, fetcher: Fetcher | None, known: Callable[[str], bool] | None, published: dt.date | None,
                 max_chars: int) -> None:
        self.options = (fetcher, known, published, max_chars)
        self._reader: WebReader | None = None

    def reader(self) -> WebReader:
        if self._reader is None:
            from newsgraph.ingest.web.pages import WebReader

            self._reader = WebReader(*self.options)
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()


def read_file(path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if is_warc(path):  # before the suffix: that of x.warc.gz is .gz
        yield from read_warc(path, published, max_chars)
    elif suffix in HTML_SUFFIXES:
        yield read_html(path, published, max_chars)
    elif suffix in TEXT_SUFFIXES:
        yield read_text(path, published, max_chars)
    elif suffix in JSON_SUFFIXES:
        yield from read_json(path, published, max_chars)
    else:  # JSONL is the default: it is the contract's format
        with path.open("rb") as stream:
            yield from read_jsonl_stream(stream, str(path), published, max_chars)


def read_jsonl_stream(
    stream: BinaryIO, name: str, published: dt.date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Item]:
    """Lines are read as bytes so that one line of invalid UTF-8 rejects that record only."""
    for number, raw in enumerate(stream, 1):
        where = f"{name}: record {number}"
        if number == 1:
            raw = raw.removeprefix(BOM.encode("utf-8"))
        if not raw.strip():
            continue
        try:
            line = raw.rstrip(b"\r\n").decode("utf-8")
        except UnicodeDecodeError as e:
            yield Rejected(where, f"invalid UTF-8 at byte {e.start} of the line")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejected(where, f"malformed JSON ({e.msg.removesuffix(' at')} at column {e.colno})")
            continue
        yield record_to_article(record, where, max_chars, published)


def read_json(path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """A .json file: one record, a list of records, or (often so named) JSON lines."""
    where = str(path)
    try:
        content = path.read_bytes().decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as e:
        yield Rejected(where, f"invalid UTF-8 at byte {e.start}; save the file as UTF-8")
        return
    try:
        document = json.loads(content)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several documents: JSON lines
            with path.open("rb") as stream:
                yield from read_jsonl_stream(stream, where, published, max_chars)
        else:
            yield Rejected(where, f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno})")
        return
    if isinstance(document, list):
        for number, record in enumerate(document, 1):
            yield record_to_article(record, f"{where}: record {number}", max_chars, published)
    else:
        yield record_to_article(document, where, max_chars, published)


def read_text(path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS) -> Item:
    where = str(path)
    try:
        text = path.read_bytes().decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError as e:
        return Rejected(where, f"invalid UTF-8 at byte {e.start}; save the file as UTF-8")
    problem = check_text(text, max_chars)
    if problem:
        return Rejected(where, problem)
    return Article(text_id(text), text, published, path.stem, None, where)


def read_html(path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS) -> Item:
    return html_to_article(path.read_bytes(), str(path), title=path.stem, published=published, max_chars=max_chars)
