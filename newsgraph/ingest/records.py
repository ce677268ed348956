"""Turning one raw record into an Article, or into a Rejected with a reason a person can act on."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Article, text_sha1

# spaCy's own default limit; a news article is far below it. Longer texts are refused by name.
MAX_CHARS = 1_000_000
# The most --max-chars may be. A text longer than a piece is extracted in pieces (newsgraph.nlp.pieces), so
# memory stays flat (measured: 0.8 GB resident for a text of a million characters); time grows with length,
# about a minute a million characters, so beyond this a text is refused by name: split it.
HARD_MAX_CHARS = 10_000_000
# Share of characters that are control or unassigned code points above which a text is not prose.
BINARY_SHARE = 0.10
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Rejected:
    """A record that could not be used. ``where`` names it (file and line, or id); ``reason`` says why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason} — skipped"


def text_id(text: str) -> str:
    """A stable id for a text with no id of its own: the same text always gets the same id."""
    return "sha1-" + text_sha1(text)[:16]


def parse_published(value: Any) -> dt.date | None:
    """"YYYY-MM-DD" (or a longer ISO timestamp) as a date; raises ValueError with a readable message."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f'"published" must be a YYYY-MM-DD string or null, not {type(value).__name__}')
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f'"published" is {value[:40]!r}, not a YYYY-MM-DD date') from None


def check_text(text: Any, max_chars: int = MAX_CHARS) -> str | None:
    """Why this text cannot be processed, or None when it can."""
    if not isinstance(text, str):
        return f'"text" must be a string, not {type(text).__name__}'
    if not text.strip():
        return "text is empty"
    if len(text) > max_chars:
        hint = "raise it with --max-chars" if max_chars < HARD_MAX_CHARS else "split the text"
        return f"text is {len(text):,} characters, over the limit of {max_chars:,} ({hint})"
    if problem := unicode_problem(text, '"text"'):
        return problem
    if "\x00" in text or _binary_share(text) > BINARY_SHARE:
        return "text looks like binary data, not prose"
    if not any(ch.isalpha() for ch in text):
        return "text has no words"
    return None


def unicode_problem(value: str, what: str) -> str | None:
    """A lone surrogate ("\\ud800" in JSON is valid JSON, but no character): nothing can encode it, so the
    record is refused by name rather than failing later in a hash, a file or the store."""
    m = _SURROGATE.search(value)
    if m is None:
        return None
    return (f"{what} holds a lone surrogate (U+{ord(m.group()):04X}) at character {m.start():,}, which is not "
            "a character; fix the source's encoding")


def _binary_share(text: str) -> float:
    sample = text[:20_000]
    bad = sum(1 for ch in sample if _is_garbage(ch))
    return bad / len(sample)


def _is_garbage(ch: str) -> bool:
    if ch in "\n\r\t":
        return False
    category = unicodedata.category(ch)
    # Cc: control characters; Cn: unassigned; Co: private use; Cs: lone surrogates (from bad decoding).
    return category in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd"


def record_to_article(
    record: Any, where: str, max_chars: int = MAX_CHARS, published: dt.date | None = None
) -> Article | Rejected:
    """A JSON object from a JSONL line as an Article, or why not."""
    if not isinstance(record, dict):
        return Rejected(where, f"a record must be a JSON object, not {type(record).__name__}")
    rid = record.get("id")
    # bool is an int to Python, but `"id": true` is a mistake, not the id "True"
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, str | int)):
        return Rejected(where, f'"id" must be a string, not {_json_type(rid)}')
    if isinstance(rid, str) and (problem := unicode_problem(rid, '"id"')):
        return Rejected(where, problem)
    if isinstance(rid, str) and not rid.strip():
        return Rejected(where, '"id" is empty; give the record an id or leave "id" out')
    if rid is not None:
        where = f'{where} (id "{rid}")'
    if "text" not in record:
        return Rejected(where, 'no "text" field')
    problem = check_text(record["text"], max_chars)
    if problem:
        return Rejected(where, problem)
    text: str = record["text"]
    try:
        date = parse_published(record.get("published")) or published
    except ValueError as e:
        return Rejected(where, str(e))
    for field in ("title", "url"):
        value = record.get(field)
        if isinstance(value, str) and (problem := unicode_problem(value, f'"{field}"')):
            return Rejected(where, problem)
    return Article(
        id=str(rid) if rid is not None else text_id(text),
        text=text,
        published=date,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        origin=where,
    )


def _json_type(value: Any) -> str:
    """A Python value's JSON type name, as the user wrote it."""
    names = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _optional_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
