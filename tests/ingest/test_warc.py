"""WARC files in `newsgraph ingest`: every HTML page of an archive an article under its URL, every other record
passed over, a broken record or file one line and the rest read on.

The archives are written here with warcio's WARCWriter; the pages are Wikinews articles (CC BY 2.5) from
data/corpus/sample.jsonl wrapped in simple HTML."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import itertools
import json
import zlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.ingest import Rejected, Skipped, read_paths
from newsgraph.ingest.warc import read_warc
from newsgraph.ingest.web.urls import normalize_url
from newsgraph.model import Article
from tests.helpers import ROOT, cli

BASE = "http://127.0.0.1:8123/news/"
CAPTURED = "2026-11-30T10:00:00Z"


def corpus(n: int) -> list[dict[str, str]]:
    with (ROOT / "data" / "corpus" / "sample.jsonl").open(encoding="utf-8") as src:
        return [json.loads(line) for line in itertools.islice(src, n)]


ARTICLES = corpus(4)


def page(article: dict[str, str], date: str | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{html.escape(article['title'])}</title>{meta}</head><body>"
            f"<article><h1>{html.escape(article['title'])}</h1>{paragraphs}</article></body></html>").encode()


def response(writer: WARCWriter, uri: str, body: bytes, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8", date: str = CAPTURED) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def request(writer: WARCWriter, uri: str) -> None:
    http = StatusAndHeaders(f"GET /{uri.split('/', 3)[3]} HTTP/1.1", [("Host", "127.0.0.1:8123")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", http_headers=http))


# What the archive holds, in order: (what, uri); pages are the records that become articles.
PAGES = {
    "a": (BASE + "pelosi?utm_source=feed#top", ARTICLES[0], "2020-01-04"),
    "b": (BASE + "b", ARTICLES[1], None),  # no date of its own: the capture's
    "c": (BASE + "c", ARTICLES[2], "2020-01-06"),
}


def write_archive(path: Path, gz: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsgraph tests"}))
        request(writer, PAGES["a"][0])
        response(writer, PAGES["a"][0], page(PAGES["a"][1], PAGES["a"][2]))
        response(writer, BASE + "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
        response(writer, BASE + "gone", page(ARTICLES[3], None), status="404 Not Found")
        response(writer, PAGES["b"][0], page(PAGES["b"][1], None))
        writer.write_record(writer.create_revisit_record(PAGES["a"][0], digest="sha1:AAAA", refers_to_uri=PAGES["a"][0],
                                                         refers_to_date=CAPTURED))
        writer.write_record(writer.create_warc_record(PAGES["b"][0], "metadata", payload=io.BytesIO(b"via: feed\n"),
                                                      warc_content_type="application/warc-fields"))
        response(writer, PAGES["c"][0], page(PAGES["c"][1], PAGES["c"][2]), content_type="application/xhtml+xml")
    return path


RECORDS = 9  # warcinfo, request, a, png, 404, b, revisit, metadata, c


@pytest.fixture(params=[True, False], ids=["gz", "plain"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return write_archive(tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc"), request.param)


def articles(items: list[object]) -> dict[str, Article]:
    return {item.id: item for item in items if isinstance(item, Article)}


def rejected(items: list[object]) -> list[str]:
    return [str(item) for item in items if isinstance(item, Rejected)]


def test_every_html_page_is_an_article_under_its_url(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = list(read_paths([str(archive)]))
    got = articles(items)
    assert rejected(items) == []
    assert set(got) == {normalize_url(uri) for uri, _, _ in PAGES.values()}
    assert len(items) == 3  # the request, image, 404, revisit, metadata and warcinfo records: nothing
    for uri, source, date in PAGES.values():
        article = got[normalize_url(uri)]
        assert article.url == article.id
        assert source["text"].split("\n")[0] in article.text
        assert article.title == source["title"]
        # the page's own date, else the day it was captured
        assert article.published == dt.date.fromisoformat(date or CAPTURED[:10])
        assert article.origin.startswith(f"{archive}: record ")
    assert capsys.readouterr().err == ""  # warcio's own warnings never reach the terminal


def test_the_url_is_normalised(archive: Path) -> None:
    items = articles(list(read_warc(archive)))
    uri = PAGES["a"][0]
    assert normalize_url(uri) != uri  # the tracking parameter and the fragment go
    assert "utm_source" not in normalize_url(uri) and "#" not in normalize_url(uri)
    assert normalize_url(uri) in items


def test_a_folder_takes_warc_files(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    (folder / "deep").mkdir(parents=True)
    write_archive(folder / "one.warc.gz", gz=True)
    write_archive(folder / "deep" / "two.WARC", gz=False)
    (folder / "index.cdx").write_text("not read\n")
    items = list(read_paths([str(folder)]))
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert [s.names for s in skipped] == [("index.cdx",)]
    assert ".warc.gz" in str(skipped[0]) and ".warc," in str(skipped[0])
    origins = sorted({item.origin.split(": record")[0] for item in items if isinstance(item, Article)})
    assert origins == [str(folder / "deep" / "two.WARC"), str(folder / "one.warc.gz")]


def test_truncated_plain_file_is_one_line_and_the_pages_before_it_are_read(tmp_path: Path) -> None:
    path = write_archive(tmp_path / "cut.warc", gz=False)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - 500])  # inside the last page
    items = list(read_warc(path))
    assert set(articles(items)) == {normalize_url(PAGES["a"][0]), normalize_url(PAGES["b"][0])}
    [line] = rejected(items)
    assert line.startswith(f"{path}: record {RECORDS} ({PAGES['c'][0]}): truncated: the file ends ")
    assert line.endswith(" bytes before the end of this record — skipped")


def test_truncated_gz_file_is_one_line_and_the_pages_before_it_are_read(tmp_path: Path) -> None:
    path = write_archive(tmp_path / "cut.warc.gz", gz=True)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) - 300])  # the last page's text cut short
    items = list(read_warc(path))
    assert set(articles(items)) == {normalize_url(PAGES["a"][0]), normalize_url(PAGES["b"][0])}
    [line] = rejected(items)
    assert line.startswith(f"{path}: record {RECORDS} ({PAGES['c'][0]}): truncated: the file ends ")
    last = member_starts(data)[-1]
    path.write_bytes(data[:last + 20])  # the last record's headers cut short: no URI to name
    items = list(read_warc(path))
    assert len(articles(items)) == 2
    [line] = rejected(items)
    assert line == (f"{path}: record {RECORDS} (at byte {last:,}): not a whole record (the file is truncated or "
                    "corrupt here) — skipped")


def member_starts(data: bytes) -> list[int]:
    """Where each gzip member (one record each) starts."""
    starts, offset = [], 0
    while offset < len(data):
        starts.append(offset)
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        member.decompress(data[offset:])
        offset = len(data) - len(member.unused_data)
    return starts


def test_a_corrupt_record_in_a_gz_file_costs_that_record_only(tmp_path: Path) -> None:
    path = write_archive(tmp_path / "bad.warc.gz", gz=True)
    data = bytearray(path.read_bytes())
    starts = member_starts(bytes(data))
    assert len(starts) == RECORDS
    b = starts[5]  # page b's member: its compressed bytes garbled
    data[b + 40:b + 120] = b"\x00" * 80
    path.write_bytes(bytes(data))
    items = list(read_warc(path))
    assert set(articles(items)) == {normalize_url(PAGES["a"][0]), normalize_url(PAGES["c"][0])}
    [line] = rejected(items)
    assert line.startswith(f"{path}: record 6 ")
    assert "read on from the next record" in line


def test_a_broken_record_header_in_a_plain_file_costs_that_record_only(tmp_path: Path) -> None:
    path = write_archive(tmp_path / "bad.warc", gz=False)
    data = path.read_bytes()
    at = data.index(b"WARC-Target-URI: " + PAGES["b"][0].encode())
    record_start = data.rindex(b"WARC/1.", 0, at)
    data = data[:record_start] + b"WARC/1.0\r\nthis is no header line at all\r\n\r\n" + data[record_start + 9:]
    path.write_bytes(data)
    items = list(read_warc(path))
    assert set(articles(items)) == {normalize_url(PAGES["a"][0]), normalize_url(PAGES["c"][0])}
    [line] = rejected(items)
    assert line.startswith(f"{path}: record 6 (at byte {record_start:,}): ")
    assert line.endswith("; read on from the next record — skipped")


def test_a_bad_content_length_is_named(tmp_path: Path) -> None:
    path = write_archive(tmp_path / "len.warc", gz=False)
    data = path.read_bytes()
    at = data.index(b"WARC-Target-URI: " + PAGES["b"][0].encode())
    length = data.index(b"Content-Length: ", at)
    end = data.index(b"\r\n", length)
    path.write_bytes(data[:length] + b"Content-Length: many" + data[end:])
    items = list(read_warc(path))
    assert set(articles(items)) == {normalize_url(PAGES["a"][0]), normalize_url(PAGES["c"][0])}
    [line] = rejected(items)
    start = data.rindex(b"WARC/1.", 0, at)
    assert line == (f"{path}: record 6 ({PAGES['b'][0]}) (at byte {start:,}): broken record: its Content-Length "
                    "is 'many', not a number, so where it ends is unknown; read on from the next record — skipped")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("notes.warc", b"just some notes\nabout a crawl\n", "not a WARC file: it does not start with a WARC/1.0 line"),
    ("notes.warc.gz", b"just some notes\n",
     "not gzip-compressed, and not a WARC file either (a WARC starts with a WARC/1.0 line)"),
    ("notes.warc.gz", gzip.compress(b"<html>a page, not an archive</html>"),
     "not a WARC file: its gzip content does not start with a WARC/1.0 line"),
    ("empty.warc", b"", "the file is empty, not a WARC file"),
    ("garbled.warc.gz", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4,
     "the gzip data is corrupt at its start"),
])
def test_a_file_that_is_not_a_warc_is_one_line_and_the_other_files_go_on(
        tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = write_archive(tmp_path / "good.warc.gz", gz=True)
    items = list(read_paths([str(bad), str(good)]))
    [line] = rejected(items)
    assert line.startswith(f"{bad}: {reason}")
    assert line.endswith(" — skipped")
    assert len(articles(items)) == 3


def test_an_uncompressed_warc_named_gz_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plain.warc.gz"
    write_archive(tmp_path / "plain.warc", gz=False).rename(path)
    items = list(read_warc(path))
    assert rejected(items) == [] and len(articles(items)) == 3


@pytest.mark.integration
def test_ingest_a_warc_end_to_end(tmp_path: Path) -> None:
    path = write_archive(tmp_path / "crawl.warc.gz", gz=True)
    db = tmp_path / "store.db"
    first = cli("ingest", str(path), "--db", str(db), "--no-progress")
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip().splitlines()[-1] == f"newsgraph: 3 stored, 0 already in {db}, 0 rejected"
    again = cli("ingest", str(path), "--db", str(db), "--no-progress")
    assert again.stderr.strip().splitlines()[-1] == f"newsgraph: 0 stored, 3 already in {db}, 0 rejected"
    shown = cli("show", normalize_url(PAGES["b"][0]), "--db", str(db), "--json")
    record = json.loads(shown.stdout)
    assert record["url"] == normalize_url(PAGES["b"][0])
    assert record["published"] == CAPTURED[:10]
    cut = tmp_path / "cut.warc"
    data = write_archive(tmp_path / "whole.warc", gz=False).read_bytes()
    cut.write_bytes(data[:len(data) - 500])
    partial = cli("ingest", str(cut), "--db", str(db), "--no-progress")
    assert partial.returncode == 3
    lines = partial.stderr.strip().splitlines()
    assert lines[0].startswith(f"newsgraph: {cut}: record {RECORDS} ({PAGES['c'][0]}): truncated: ")
    assert lines[-1] == f"newsgraph: 0 stored, 2 already in {db}, 1 rejected"


def test_stray_bytes_between_records_are_one_line_and_warcio_prints_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_archive(tmp_path / "stray.warc", gz=False)
    data = path.read_bytes()
    at = data.index(b"WARC-Target-URI: " + PAGES["b"][0].encode())
    record_start = data.rindex(b"WARC/1.", 0, at)
    end = record_start - 4  # the end of record 5's block, before the two line breaks between records
    assert data[end:record_start] == b"\r\n\r\n"
    path.write_bytes(data[:end] + b"stray bytes" + data[end:])
    items = list(read_warc(path))
    assert len(articles(items)) == 3  # the record after the stray bytes is read all the same
    [line] = rejected(items)
    assert line.startswith(f"{path}: record 5: followed by stray bytes (WARNING: Record not followed by newline")
    assert capsys.readouterr().err == ""
