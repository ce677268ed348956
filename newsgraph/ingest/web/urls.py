"""A web address as ingest meets it: is it one, and which article is it (its normalised form, the identity).

Two addresses of one article must give one id, or the store would hold it twice and a rerun would fetch it
again. ``normalize_url`` therefore drops what names no different page: case of scheme and host, a default
port, the fragment, tracking parameters, the order of query parameters, and the AMP variants of a page
(an ``amp.`` host, a trailing ``/amp`` segment, ``amp=1`` / ``outputType=amp``, ``.amp.html``). It keeps
the path's case and its encoding as given (servers tell ``/News`` from ``/news``), and leaves the query's
bytes as they were, only reordered, so the normalised URL still fetches the same page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from newsgraph.ingest.records import Rejected

WEB_SCHEMES = ("http", "https")
URL_LIST_SUFFIXES = {".urls"}
DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that say who sent the reader, never which page: a small, documented set (docs/cli.md).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "mc_cid", "mc_eid", "igshid",
    "ref_src", "cmpid", "ocid", "_hsenc", "_hsmi", "mkt_tok",
})
# (name, value) pairs, lower-case, that ask for a page's AMP version.
AMP_PARAMETERS = frozenset({("amp", "1"), ("amp", "true"), ("amp", ""), ("outputtype", "amp")})
# "ftp://", "file://", "s3://": something meant as an address, not a file name (refused by name, not "missing").
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
_AMP_SEGMENT = re.compile(r"/amp(/?)$")


def is_web_url(value: str) -> bool:
    """True for an http:// or https:// address, whatever the case of its scheme."""
    return value[:8].lower().startswith(("http://", "https://"))


def looks_like_url(value: str) -> bool:
    """An address of any scheme (``ftp://host/x``): ingest refuses those by name instead of looking for a file."""
    return bool(_SCHEME.match(value))


def normalize_url(url: str) -> str:
    """The article's identity: the same page always gives the same string (see the module's docstring).

    Idempotent; never raises (a malformed port or address is left as written)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an unclosed "[": no address to normalise; fetching it is refused by name
        return url.strip()
    scheme = parts.scheme.lower()
    return urlunsplit((scheme, _netloc(scheme, parts.netloc), _path(parts.path), _query(parts.query), ""))


def _netloc(scheme: str, netloc: str) -> str:
    userinfo, _, hostport = netloc.rpartition("@")
    host, port = hostport.lower(), ""
    if not host.endswith("]") and ":" in host:  # not an IPv6 literal without a port
        host, _, port = host.rpartition(":")
    host = host.rstrip(".")
    if host.startswith("amp.") and host.count(".") >= 2:  # amp.example.com, not amp.com
        host = host.removeprefix("amp.")
    if port and port.isdigit() and int(port) == DEFAULT_PORTS.get(scheme):
        port = ""
    return (f"{userinfo}@" if userinfo else "") + host + (f":{port}" if port else "")


def _path(path: str) -> str:
    path = _AMP_SEGMENT.sub(r"\1", path)
    if path.lower().endswith(".amp.html"):
        path = path[: -len(".amp.html")] + ".html"
    return path or "/"


def _query(query: str) -> str:
    kept = [piece for piece in query.split("&") if piece and not _dropped(piece)]
    return "&".join(sorted(kept))


def _dropped(piece: str) -> bool:
    name, _, value = piece.partition("=")
    name, value = unquote_plus(name).lower(), unquote_plus(value).lower()
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_PARAMETERS or (name, value) in AMP_PARAMETERS


def read_url_list(path: Path) -> Iterator[str | Rejected]:
    """The addresses in a ``.urls`` file: one a line; blank lines and lines starting with ``#`` are left out.
    A line that is not an http(s) address is one Rejected naming the file and line; the others go on."""
    try:
        content = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        yield Rejected(str(path), f"invalid UTF-8 at byte {e.start}; save the list as UTF-8")
        return
    for number, line in enumerate(content.splitlines(), 1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if is_web_url(value) and not any(ch.isspace() for ch in value):
            yield value
        else:
            shown = value if len(value) <= 80 else value[:77] + "..."
            yield Rejected(f"{path}: line {number}", f"{shown!r} is not an http or https URL")
