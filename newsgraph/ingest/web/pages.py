"""Web pages and feeds as Articles: each URL fetched once, a feed expanded to the pages it lists, a URL the
store already holds skipped before any request.

An article from the web has its normalised URL as its id (``urls.normalize_url``: the identity, so two
spellings of one address are one article and a rerun fetches nothing twice) and the normalised address it
was finally served from (after redirects) as its ``url``, from which the store derives its outlet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsgraph.ingest.html import html_to_article
from newsgraph.ingest.records import MAX_CHARS, Rejected
from newsgraph.ingest.web.feeds import feed_entries, is_feed
from newsgraph.ingest.web.fetch import HTML_TYPES, Fetcher, Page
from newsgraph.ingest.web.urls import is_web_url, normalize_url, read_url_list
from newsgraph.model import Article

Known = Callable[[str], bool]


def page_article(page: Page, *, published: dt.date | None = None, title: str | None = None,
                 max_chars: int = MAX_CHARS) -> Article | Rejected:
    """The page's article (through ``html_to_article``), or why not. The page's own date wins, else
    ``published`` (a feed entry's date, or --published); the page's own title wins, else ``title``."""
    if page.status == 304:
        return Rejected(page.url, "not modified since it was last fetched (HTTP 304)")
    if page.content_type not in HTML_TYPES:
        return Rejected(page.url, f"content type {page.content_type or '(none)'} is not a web page")
    return html_to_article(_decoded(page), page.url, url=normalize_url(page.final_url), article_id=page.url,
                           title=title, published=published, max_chars=max_chars)


def _decoded(page: Page) -> bytes | str:
    """The body as text when the server names its charset (which wins over the page's own <meta>, as in a
    browser); else the bytes, for trafilatura to detect."""
    params = page.headers.get("content-type", "").split(";")[1:]
    charsets = [p.split("=", 1)[1].strip().strip('"') for p in params if p.strip().lower().startswith("charset=")]
    if charsets:
        try:
            return page.body.decode(charsets[0])
        except (LookupError, UnicodeDecodeError):
            pass
    return page.body


def read_urls(urls: Iterable[str], fetcher: Fetcher, *, known: Known | None = None, published: dt.date | None = None,
              max_chars: int = MAX_CHARS, seen: set[str] | None = None) -> Iterator[Article | Rejected]:
    """An Article (or why not) for each URL; a URL that answers with a feed gives one for each page it lists.

    Each normalised URL is fetched once: ``seen`` (shared between calls of one run when given) holds those
    met; ``known(url)`` True (the store has it, as id or alias) skips it without any request."""
    seen = set() if seen is None else seen
    for raw in urls:
        if not is_web_url(raw):
            yield Rejected(raw, "not http or https")
            continue
        url = normalize_url(raw)
        if not _first_time(url, seen, known):
            continue
        page = fetcher.fetch(url)
        if isinstance(page, Rejected):
            yield page
        elif is_feed(page):
            yield from _feed_articles(page, fetcher, known, published, max_chars, seen)
        else:
            yield page_article(page, published=published, max_chars=max_chars)


def _feed_articles(feed: Page, fetcher: Fetcher, known: Known | None, published: dt.date | None, max_chars: int,
                   seen: set[str]) -> Iterator[Article | Rejected]:
    entries = feed_entries(feed)
    if isinstance(entries, Rejected):
        yield entries
        return
    for entry in entries:
        if not _first_time(entry.link, seen, known):
            continue
        page = fetcher.fetch(entry.link)
        if isinstance(page, Rejected):
            yield page
        elif is_feed(page):  # not followed: a feed of feeds could lead anywhere
            yield Rejected(entry.link, f"a feed listed in the feed {feed.url}; name it to read it")
        else:
            yield page_article(page, published=entry.published or published, title=entry.title,
                               max_chars=max_chars)


def _first_time(url: str, seen: set[str], known: Known | None) -> bool:
    if url in seen:
        return False
    seen.add(url)
    return not (known is not None and known(url))


class WebReader:
    """The web part of one reading run (``readers.read_paths``): one Fetcher, made at the first URL unless
    one is given (then the caller closes it), and one set of the URLs met, so each is fetched once."""

    def __init__(self, fetcher: Fetcher | None = None, known: Known | None = None,
                 published: dt.date | None = None, max_chars: int = MAX_CHARS) -> None:
        self._given = fetcher
        self._own: Fetcher | None = None
        self.known = known
        self.published = published
        self.max_chars = max_chars
        self.seen: set[str] = set()

    def urls(self, values: Iterable[str]) -> Iterator[Article | Rejected]:
        yield from read_urls(values, self._fetcher(), known=self.known, published=self.published,
                             max_chars=self.max_chars, seen=self.seen)

    def url_list(self, path: Path) -> Iterator[Article | Rejected]:
        """The articles of a ``.urls`` file; each bad line is one Rejected naming the file and line."""
        for item in read_url_list(path):
            if isinstance(item, Rejected):
                yield item
            else:
                yield from self.urls([item])

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None

    def _fetcher(self) -> Fetcher:
        if self._given is not None:
            return self._given
        if self._own is None:
            self._own = Fetcher()
        return self._own
