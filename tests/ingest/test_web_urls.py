"""A web address's identity (normalize_url) and the .urls lists: pure functions, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest.records import Rejected
from newsgraph.ingest.web.urls import is_web_url, looks_like_url, normalize_url, read_url_list


@pytest.mark.parametrize(("value", "web"), [
    ("http://example.org/a", True), ("https://example.org/a", True), ("HTTPS://Example.org/", True),
    ("ftp://example.org/a", False), ("file:///etc/passwd", False), ("example.org/a", False), ("news.jsonl", False),
    ("httpx://example.org", False), ("http:/example.org", False),
])
def test_is_web_url(value: str, web: bool) -> None:
    assert is_web_url(value) is web


def test_addresses_of_other_schemes_look_like_urls_but_files_do_not() -> None:
    assert looks_like_url("ftp://example.org/a") and looks_like_url("s3://bucket/key")
    assert not looks_like_url("data/corpus/sample.jsonl") and not looks_like_url("C:\\news\\a.txt")


@pytest.mark.parametrize(("given", "identity"), [
    # case of scheme and host, default ports, fragment; path case kept
    ("HTTPS://WWW.Example.ORG:443/News/Story?id=7#comments", "https://www.example.org/News/Story?id=7"),
    ("http://example.org:80/a", "http://example.org/a"),
    ("http://example.org:8080/a", "http://example.org:8080/a"),
    ("https://example.org:80/a", "https://example.org:80/a"),
    ("http://example.org", "http://example.org/"),
    ("http://example.org./a", "http://example.org/a"),
    # tracking parameters out, the rest sorted, their bytes kept
    ("https://example.org/a?utm_source=rss&utm_Medium=feed&b=2&a=1", "https://example.org/a?a=1&b=2"),
    ("https://example.org/a?fbclid=X&gclid=Y&dclid=Z&mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc&cmpid=4&ocid=5",
     "https://example.org/a"),
    ("https://example.org/a?q=a+b&p=%2F", "https://example.org/a?p=%2F&q=a+b"),
    ("https://example.org/a?ref=home", "https://example.org/a?ref=home"),
    # AMP versions of a page are the page
    ("https://example.org/world/story/amp", "https://example.org/world/story"),
    ("https://example.org/2024/10/story/amp/", "https://example.org/2024/10/story/"),
    ("https://example.org/world/story?amp=1", "https://example.org/world/story"),
    ("https://example.org/world/story?outputType=amp&page=2", "https://example.org/world/story?page=2"),
    ("https://amp.example.org/world/story", "https://example.org/world/story"),
    ("https://example.org/world/story.amp.html", "https://example.org/world/story.html"),
    ("https://amp.com/a", "https://amp.com/a"),  # a site named amp, not an AMP host
    ("https://example.org/ampersand", "https://example.org/ampersand"),
    ("http://[::1]:80/a", "http://[::1]/a"),
])
def test_normalize_url(given: str, identity: str) -> None:
    assert normalize_url(given) == identity
    assert normalize_url(identity) == identity  # idempotent


def test_spellings_of_one_article_are_one_identity() -> None:
    spellings = ["https://amp.example.org/news/rally/amp/?utm_source=tw#top",
                 "HTTPS://example.org:443/news/rally/?amp=1", "https://example.org/news/rally/"]
    assert {normalize_url(s) for s in spellings} == {"https://example.org/news/rally/"}


def test_a_malformed_address_does_not_raise() -> None:
    assert normalize_url("http://example.org:abc/a") == "http://example.org:abc/a"
    assert normalize_url(" http://[::1/a ") == "http://[::1/a"


def test_url_list_skips_blanks_and_comments_and_names_each_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.urls"
    path.write_text("\ufeff# my sources\n\nhttps://example.org/a\n  http://example.org/b  \nftp://example.org/c\n"
                    "example.org/d\nhttps://example.org/e f\n", encoding="utf-8")
    assert list(read_url_list(path)) == [
        "https://example.org/a", "http://example.org/b",
        Rejected(f"{path}: line 5", "'ftp://example.org/c' is not an http or https URL"),
        Rejected(f"{path}: line 6", "'example.org/d' is not an http or https URL"),
        Rejected(f"{path}: line 7", "'https://example.org/e f' is not an http or https URL"),
    ]


def test_url_list_in_another_encoding_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "latin.urls"
    path.write_bytes(b"https://example.org/caf\xe9\n")
    assert list(read_url_list(path)) == [Rejected(str(path), "invalid UTF-8 at byte 23; save the list as UTF-8")]
