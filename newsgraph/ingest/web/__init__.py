"""Ingest from the web: http(s) pages, RSS/Atom feeds and ``.urls`` lists, fetched politely and safely.

- ``urls``: ``is_web_url``, ``normalize_url`` (the article's identity), ``.urls`` lists;
- ``fetch``: ``Fetcher`` under a ``FetchPolicy`` (User-Agent, robots.txt, per-host delay, timeouts, retries,
  size, content type and redirect limits) -> ``Page`` or ``Rejected``; never raises;
- ``feeds``: ``is_feed``, ``feed_entries`` (feedparser);
- ``pages``: ``page_article`` (one page -> Article through ``ingest.html``), ``read_urls`` (URLs and feeds,
  each URL once, the store's URLs skipped before any request), ``WebReader`` (what ``read_paths`` uses).
Modules import httpx and feedparser; ``ingest.readers`` imports this package only when it meets a URL.
"""
