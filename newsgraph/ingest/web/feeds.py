"""RSS and Atom feeds: is this page one, and which articles does it list (with their dates, the fallback for
pages that carry none)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from newsgraph.ingest.records import Rejected
from newsgraph.ingest.web.fetch import Page
from newsgraph.ingest.web.urls import is_web_url, normalize_url

# Types that name a feed outright; the generic ones are sniffed (many feeds are served as text/xml).
OWN_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
GENERIC_TYPES = frozenset({"application/xml", "text/xml", "text/plain", "application/octet-stream", ""})
# The root element after an optional BOM, XML declaration, processing instructions, comments and doctype.
_FEED_ROOT = re.compile(rb"^\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>/]",
                        re.DOTALL | re.IGNORECASE)
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class FeedEntry:
    link: str  # normalised
    published: dt.date | None  # the entry's own date (published, else updated)
    title: str | None


def is_feed(page: Page) -> bool:
    """A feed by its content type, or, when the type is generic XML or text, by its root element."""
    if page.content_type in OWN_FEED_TYPES:
        return True
    if page.content_type not in GENERIC_TYPES:
        return False
    return bool(_FEED_ROOT.match(page.body[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")))


def feed_entries(page: Page) -> list[FeedEntry] | Rejected:
    """The entries of a feed, in its order; an entry without an http(s) link is left out. A feed that cannot be
    read at all is one Rejected (a feed with some broken markup but readable entries is read)."""
    import feedparser  # imported here: only feeds need it

    # A stream, never a string: feedparser would fetch a string that looks like a URL itself.
    parsed = feedparser.parse(io.BytesIO(page.body), response_headers={
        "content-location": page.final_url, "content-type": page.headers.get("content-type", page.content_type)})
    if parsed.get("bozo") and not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        return Rejected(page.url, f"not a readable RSS or Atom feed ({problem or 'no entries'})")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str) and is_web_url(link.strip()):
            entries.append(FeedEntry(normalize_url(link), _entry_date(entry), _text(entry.get("title"))))
    return entries


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _text(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None
