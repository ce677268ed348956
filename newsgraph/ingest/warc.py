"""Web archives: every HTML page captured in a WARC file (``.warc``, ``.warc.gz``) as an Article.

A page is a ``response`` record with HTTP status 200 and an HTML content type; its identity (id and url)
is its ``WARC-Target-URI`` normalised as a fetched page's is (``ingest.web.urls.normalize_url``), so a page
read from an archive and the same page fetched later are one article. Its date is the page's own, else the
capture's (``WARC-Date``). Every other record (requests, metadata, revisits, images, redirects, 404s) is
passed over without a word: an archive is mostly such records.

A broken record, a truncated file, or a file that is not a WARC at all is one ``Rejected`` naming the file
and the record; reading then goes on at the next record that can be found (the next gzip member, or the
next ``WARC/1.x`` line), so one bad byte costs one record, not the archive. warcio writes its own warnings
to stderr; they are captured and turned into those lines, since library code never prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import zlib
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from newsgraph.ingest.html import html_to_article
from newsgraph.ingest.records import MAX_CHARS, Rejected
from newsgraph.model import Article

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = {"text/html", "application/xhtml+xml"}
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
# What can start a record again after a broken one: a gzip member (each record is one in a .warc.gz), or a
# WARC version line (WARC/1.0, WARC/1.1) at the start of a line.
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
T = TypeVar("T")


def is_warc(path: Path) -> bool:
    """A WARC file by name (``Path.suffix`` of ``x.warc.gz`` is ``.gz``, hence the name's end)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS
              ) -> Iterator[Article | Rejected]:
    """Every HTML page in this WARC file; ``published`` dates a page when neither it nor its record has a
    date."""
    where = str(path)
    try:
        stream = path.open("rb")
    except OSError as e:
        yield Rejected(where, f"cannot be read ({e.strerror})")
        return
    with stream:
        compressed, problem = _sniff(stream, path)
        if problem:
            yield Rejected(where, problem)
            return
        yield from _read_records(stream, where, compressed, published, max_chars)


def _sniff(stream: BinaryIO, path: Path) -> tuple[bool, str | None]:
    """Whether the file is gzip-compressed, and why it is not a WARC file (None when it looks like one)."""
    head = stream.read(_CHUNK)
    stream.seek(0)
    if not head.strip():
        return False, "the file is empty, not a WARC file"
    compressed = head.startswith(GZIP_MAGIC)
    if compressed:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
        except zlib.error as e:
            return True, f"the gzip data is corrupt at its start ({e}); not a readable WARC file"
    if head.lstrip().startswith(b"WARC/"):
        return compressed, None
    if path.name.lower().endswith(".gz") and not compressed:
        return False, "not gzip-compressed, and not a WARC file either (a WARC starts with a WARC/1.0 line)"
    inside = "its gzip content does" if compressed else "it does"
    return compressed, f"not a WARC file: {inside} not start with a WARC/1.0 line"


def _read_records(stream: BinaryIO, where: str, compressed: bool, published: dt.date | None, max_chars: int
                  ) -> Iterator[Article | Rejected]:
    """The records from the start of the file; after a broken one, from the next record start found."""
    from warcio.archiveiterator import ArchiveIterator

    size = stream.seek(0, io.SEEK_END)
    offset: int | None = 0
    number = 0  # records met so far, broken ones included: "record N" in messages
    while offset is not None and offset < size:
        stream.seek(offset)
        records = ArchiveIterator(stream)
        try:
            while True:
                record, said = _quietly(partial(next, records, None))
                if said:  # about the end of the record before: bytes where the next record should start
                    yield Rejected(f"{where}: record {number}", f"followed by stray bytes ({said}); its "
                                   "Content-Length may be wrong")
                if record is None:
                    break
                number += 1
                if item := _item_of(record, f"{where}: record {number}", published, max_chars):
                    yield item
            if records.offset >= size or not _rest_is_data(stream, records.offset):
                return
            number += 1
            named, reason = f"{where}: record {number}", "not a whole record (the file is truncated or corrupt here)"
        except _Unbounded as e:  # counted already, and named with its URI
            named, reason = e.where, str(e)
        except Exception as e:  # warcio raises many kinds on bad bytes; the record is what matters
            number += 1
            named, reason = f"{where}: record {number}", f"unreadable ({_describe(e)})"
        broken_at = records.offset  # where the broken record starts
        offset = _next_start(stream, broken_at + 1, compressed)
        then = "; read on from the next record" if offset is not None else ""
        yield Rejected(f"{named} (at byte {broken_at:,})", reason + then)


class _Unbounded(Exception):
    """A record without a usable Content-Length: where it ends, and so where the next one starts, is unknown."""

    def __init__(self, reason: str, where: str = "") -> None:
        super().__init__(reason)
        self.where = where


def _quietly(step: Callable[[], T]) -> tuple[T, str]:
    """``step()``, and the first line warcio wrote to stderr meanwhile ("" if none): library code prints
    nothing, and such a write means the file is broken at this point."""
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        result = step()
    lines = said.getvalue().strip().splitlines()
    return result, " ".join(lines[0].split())[:120] if lines else ""


def _item_of(record: Any, where: str, published: dt.date | None, max_chars: int) -> Article | Rejected | None:
    """``_record_item`` with whatever goes wrong in the record as its one line."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if uri:
        where = f"{where} ({uri})"
    try:
        item, said = _quietly(partial(_record_item, record, where, published, max_chars))
    except _Unbounded as e:
        raise _Unbounded(str(e), where) from None
    except Exception as e:  # a broken chunked or compressed body, bad headers: this record only
        return Rejected(where, f"unreadable record ({_describe(e)})")
    return Rejected(where, f"broken record ({said})") if said else item


def _record_item(record: Any, where: str, published: dt.date | None, max_chars: int) -> Article | Rejected | None:
    """The record's page as an Article, why it is broken, or None for a record that holds no page."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    length = record.rec_headers.get_header("Content-Length")
    if length is None or not length.strip().isdigit():
        said = "it has no Content-Length" if length is None else f"its Content-Length is {length!r}, not a number"
        raise _Unbounded(f"broken record: {said}, so where it ends is unknown")
    body = _payload(record) if _is_html_page(record) else None
    left = _drain(record)
    if left:
        return Rejected(where, f"truncated: the file ends {left:,} bytes before the end of this record")
    if body is None:
        return None
    if not uri:
        return Rejected(where, "an HTML response without a WARC-Target-URI; no identity to store it under")
    from newsgraph.ingest.web.urls import is_web_url, normalize_url

    if not is_web_url(uri):
        return Rejected(where, f"target URI {uri[:80]!r} is not an http(s) URL")
    url = normalize_url(uri)
    date = _warc_date(record.rec_headers.get_header("WARC-Date")) or published
    return html_to_article(body, where, url=url, article_id=url, published=date, max_chars=max_chars)


def _is_html_page(record: Any) -> bool:
    """A response record of HTTP 200 with an HTML content type."""
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return False
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in HTML_TYPES


def _payload(record: Any) -> bytes | None:
    """The page's bytes with HTTP transfer and content encodings undone."""
    return bytes(record.content_stream().read())


def _drain(record: Any) -> int:
    """Read the rest of the record; how many of its bytes the file lacks (0 for a whole record)."""
    while record.raw_stream.read(_CHUNK):
        pass
    return int(getattr(record.raw_stream, "limit", 0))


def _warc_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _rest_is_data(stream: BinaryIO, offset: int) -> bool:
    """Whether anything but blank space is left from ``offset`` on (after the last record there may be a few
    newlines)."""
    stream.seek(offset)
    while chunk := stream.read(_CHUNK):
        if chunk.strip():
            return True
    return False


def _next_start(stream: BinaryIO, offset: int, compressed: bool) -> int | None:
    """The offset of the next record start at or after ``offset``, or None when there is none."""
    marker = _GZIP_MEMBER if compressed else _WARC_LINE
    skip = 0 if compressed else 1  # the newline before WARC/1. is not part of the record
    stream.seek(offset)
    carry = b""
    base = offset
    while chunk := stream.read(_CHUNK):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return base + found + skip
        carry = data[-(len(marker) - 1):]
        base += len(data) - len(carry)
    return None


def _describe(error: Exception) -> str:
    """The error's kind and message, up to the first byte that is not printable text (warcio quotes the bad
    bytes it met, which are noise in a message)."""
    text = " ".join(str(error).split())
    printable = re.match(r"[ -~]*", text)
    text = (printable.group() if printable else "").rstrip(" :")
    return f"{type(error).__name__}: {text[:100]}" if text else type(error).__name__
