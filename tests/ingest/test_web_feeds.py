"""Feeds and pages as Articles: feed detection and entries, the expansion of a feed into its pages (entry dates
as the fallback), each URL fetched once, and URLs the store holds skipped without any request."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.ingest.records import Rejected
from newsgraph.ingest.web.feeds import FeedEntry, feed_entries, is_feed
from newsgraph.ingest.web.fetch import Fetcher, FetchPolicy, Page
from newsgraph.ingest.web.pages import page_article, read_urls
from newsgraph.model import Article, Extraction
from newsgraph.service.ingest import KnownUrls
from newsgraph.store import Store
from tests.webserver import Response, WebServer, atom, corpus_page, html, news_page, rss

UTC = dt.UTC
# Texts without a year in them: trafilatura may take any year it finds in a text as the page's date.
STORY_A = ["The harbour authority reopened the northern pier on Tuesday after repairs that took eight weeks.",
           "Fishing crews said the closure had cost them a large share of their catch this season."]
STORY_B = ["Volunteers planted four hundred trees along the river path at the weekend, the council said.",
           "The planting is the first part of a plan to shade the path during the summer months."]


def fetcher() -> Fetcher:
    return Fetcher(FetchPolicy(per_host_delay=0.0), sleep=lambda s: None)


def feed_page(body: bytes, content_type: str, url: str = "http://127.0.0.1:9/feed") -> Page:
    return Page(url, url, 200, content_type, body, {"content-type": content_type})


# ---------------------------------------------------------------- feeds


@pytest.mark.parametrize(("content_type", "body", "feed"), [
    ("application/rss+xml", b"", True),
    ("application/atom+xml", b"", True),
    ("text/xml", b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- by hand -->\n<rss version="2.0"><channel/></rss>', True),
    ("application/xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', True),
    ("text/plain", b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', True),
    ("application/xml", b'<?xml version="1.0"?><sitemap><url/></sitemap>', False),
    ("text/html", b"<rss version='2.0'></rss>", False),
    ("text/xml", b"<html><body><p>not a feed, it says <rss</p></body></html>", False),
])
def test_is_feed_by_type_or_by_its_root_element(content_type: str, body: bytes, feed: bool) -> None:
    assert is_feed(feed_page(body, content_type)) is feed


def test_rss_entries_with_links_normalised_dates_and_titles() -> None:
    response = rss([
        ("http://127.0.0.1:9/a?utm_source=rss#x", "Pier reopens", dt.datetime(2024, 3, 5, 23, 30, tzinfo=UTC)),
        ("/b", "Trees planted", None),  # relative: resolved against the feed's address
        ("mailto:desk@example.org", "Write to us", None),  # no page: left out
    ])
    assert isinstance(response.body, bytes)
    assert feed_entries(feed_page(response.body, "application/rss+xml")) == [
        FeedEntry("http://127.0.0.1:9/a", dt.date(2024, 3, 5), "Pier reopens"),
        FeedEntry("http://127.0.0.1:9/b", None, "Trees planted"),
    ]


def test_atom_entries() -> None:
    response = atom([("http://127.0.0.1:9/a", "Pier reopens", dt.datetime(2024, 3, 5, 8, tzinfo=UTC))])
    assert isinstance(response.body, bytes)
    assert feed_entries(feed_page(response.body, "application/atom+xml")) == [
        FeedEntry("http://127.0.0.1:9/a", dt.date(2024, 3, 5), "Pier reopens")]


def test_a_broken_feed_is_one_rejection() -> None:
    got = feed_entries(feed_page(b"\x00\x01 this is no XML at all <<<", "application/rss+xml"))
    assert isinstance(got, Rejected) and got.where == "http://127.0.0.1:9/feed"
    assert got.reason.startswith("not a readable RSS or Atom feed (")


# ---------------------------------------------------------------- pages


def test_a_page_becomes_an_article_with_its_url_as_id_and_its_own_date() -> None:
    url = "http://127.0.0.1:9/news/pier"
    page = Page(url, url, 200, "text/html", news_page("Pier reopens", STORY_A, "2024-03-06").encode(), {})
    article = page_article(page, published=dt.date(2024, 1, 1), title="from the feed")
    assert isinstance(article, Article)
    assert (article.id, article.url, article.origin) == (url, url, url)
    assert (article.published, article.title) == (dt.date(2024, 3, 6), "Pier reopens")
    assert "northern pier" in article.text


def test_the_served_charset_decodes_the_page() -> None:
    body = news_page("Café reopens", ["The café on the quay reopened its doors on Tuesday morning."])
    body = body.replace('<meta charset="utf-8">', "")
    page = Page("http://127.0.0.1:9/a", "http://127.0.0.1:9/a", 200, "text/html", body.encode("iso-8859-1"),
                {"content-type": "text/html; charset=iso-8859-1"})
    article = page_article(page)
    assert isinstance(article, Article) and "The café on the quay" in article.text


def test_a_page_that_is_no_html_is_refused_by_name() -> None:
    page = feed_page(b"<rss/>", "application/rss+xml", "http://127.0.0.1:9/x")
    assert page_article(page) == Rejected("http://127.0.0.1:9/x", "content type application/rss+xml is not a web page")


# ---------------------------------------------------------------- read_urls


@pytest.fixture
def site(web_server: WebServer) -> WebServer:
    """A news site: two pages without a date of their own, one with, an RSS and an Atom feed listing them."""
    s = web_server
    s.routes.update({
        "/pier": html(news_page("Pier reopens", STORY_A)),
        "/trees": html(news_page("Trees planted", STORY_B)),
        "/dated": html(news_page("Dated story", STORY_A[:1] + STORY_B[1:], "2024-02-01")),
        "/missing": Response(404),
    })
    s.routes["/rss"] = rss([(s.url("/pier?utm_source=rss"), "Pier reopens (feed)", dt.datetime(2024, 3, 5, tzinfo=UTC)),
                            (s.url("/trees"), "Trees planted", None),
                            (s.url("/dated"), "Dated story", dt.datetime(2024, 3, 9, tzinfo=UTC)),
                            (s.url("/missing"), "Gone", dt.datetime(2024, 3, 9, tzinfo=UTC))])
    s.routes["/atom"] = atom([(s.url("/pier"), "Pier reopens", dt.datetime(2024, 3, 5, tzinfo=UTC))],
                             content_type="text/xml")
    return s


def test_a_feed_expands_to_its_pages_with_entry_dates_as_the_fallback(site: WebServer) -> None:
    with fetcher() as f:
        items = list(read_urls([site.url("/rss")], f, published=dt.date(2000, 1, 1)))
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.id, a.published) for a in articles] == [
        (site.url("/pier"), dt.date(2024, 3, 5)),  # the entry's date: the page has none
        (site.url("/trees"), dt.date(2000, 1, 1)),  # neither has one: --published
        (site.url("/dated"), dt.date(2024, 2, 1)),  # the page's own date wins
    ]
    assert items[3] == Rejected(site.url("/missing"), "HTTP 404")
    assert site.paths() == ["/robots.txt", "/rss", "/pier", "/trees", "/dated", "/missing"]


def test_an_atom_feed_served_as_text_xml_is_expanded(site: WebServer) -> None:
    with fetcher() as f:
        items = list(read_urls([site.url("/atom")], f))
    assert [(i.id, i.published) for i in items if isinstance(i, Article)] == [(site.url("/pier"), dt.date(2024, 3, 5))]


def test_a_year_in_the_text_is_not_the_page_s_date(web_server: WebServer) -> None:
    _, page = corpus_page(0, published=False)  # its text names "2007", no date of the page
    web_server.routes["/a"] = html(page)
    web_server.routes["/feed"] = rss([(web_server.url("/a"), "A", dt.datetime(2019, 1, 4, tzinfo=UTC))])
    with fetcher() as f:
        (article,) = list(read_urls([web_server.url("/feed")], f))
    assert isinstance(article, Article) and article.published == dt.date(2019, 1, 4)


def test_each_url_is_fetched_once_however_spelled(site: WebServer) -> None:
    spellings = [site.url("/pier"), site.url("/pier#top"), site.url("/pier?utm_campaign=x"), site.url("/atom")]
    with fetcher() as f:
        items = list(read_urls(spellings, f))
    assert [i.id for i in items if isinstance(i, Article)] == [site.url("/pier")]  # the feed lists it again
    assert site.hits("/pier") == 1


def test_known_urls_are_skipped_without_a_request(site: WebServer) -> None:
    asked: list[str] = []

    def known(url: str) -> bool:
        asked.append(url)
        return url in (site.url("/pier"), site.url("/dated"))

    with fetcher() as f:
        items = list(read_urls([site.url("/dated"), site.url("/rss")], f, known=known))
    assert [i.id for i in items if isinstance(i, Article)] == [site.url("/trees")]
    assert site.hits("/pier") == 0 and site.hits("/dated") == 0
    assert asked == [site.url(p) for p in ("/dated", "/rss", "/pier", "/trees", "/missing")]


def test_a_feed_listed_in_a_feed_is_not_followed(web_server: WebServer) -> None:
    web_server.routes["/inner"] = rss([])
    web_server.routes["/outer"] = rss([(web_server.url("/inner"), "Inner", None)])
    with fetcher() as f:
        items = list(read_urls([web_server.url("/outer")], f))
    assert items == [Rejected(web_server.url("/inner"), f"a feed listed in the feed {web_server.url('/outer')}; "
                                                        "name it to read it")]


def test_a_broken_feed_and_a_bad_address_do_not_stop_the_rest(site: WebServer) -> None:
    site.routes["/broken"] = Response(200, {"Content-Type": "application/rss+xml"}, b"<<< not xml \x00")
    with fetcher() as f:
        items = list(read_urls(["ftp://127.0.0.1/x", site.url("/broken"), site.url("/pier")], f))
    assert items[0] == Rejected("ftp://127.0.0.1/x", "not http or https")
    assert isinstance(items[1], Rejected) and items[1].where == site.url("/broken")
    assert isinstance(items[2], Article) and items[2].id == site.url("/pier")


def test_the_article_url_is_where_the_page_was_served_from(web_server: WebServer) -> None:
    from tests.webserver import redirect

    web_server.routes.update({"/short": redirect(web_server.url("/story?utm_source=x").replace("127.0.0.1",
                                                                                               "localhost")),
                              "/story": html(news_page("Pier reopens", STORY_A))})
    with fetcher() as f:
        (article,) = list(read_urls([web_server.url("/short")], f))
    assert isinstance(article, Article)
    assert article.id == web_server.url("/short")  # the identity: the address asked for
    assert article.url == web_server.url("/story").replace("127.0.0.1", "localhost")  # its outlet's address


def test_known_urls_reads_ids_and_aliases_from_the_store(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with KnownUrls(db) as known:
        assert not known("http://127.0.0.1:9/a") and not db.exists()  # no store: nothing known, none made
    with Store.open(db) as store:
        store.write(Extraction(Article("http://127.0.0.1:9/a", "The pier reopened on Tuesday.", None)))
        store.add_alias("http://127.0.0.1:9/a-copy", store_digest(store, "http://127.0.0.1:9/a"))
    with KnownUrls(db) as known:
        assert known("http://127.0.0.1:9/a") and known("http://127.0.0.1:9/a-copy")
        assert not known("http://127.0.0.1:9/b")
        assert known.hits == 2


def store_digest(store: Store, article_id: str) -> str:
    row = store.conn.execute("SELECT text_sha1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0])
