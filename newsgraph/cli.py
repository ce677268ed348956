"""The `newsgraph` command: parse options, call the library, print. Errors become one line and an exit code.

Exit codes (docs/cli.md):
  0  every record was processed
  1  the command could not run at all (missing file, no model, unusable store)
  2  bad usage (unknown option, malformed argument)
  3  the command ran, but some input records were rejected (each named on stderr)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from newsgraph.errors import NewsgraphError

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3
DEFAULT_DB = "newsgraph.db"
QUERIES = ("events", "clusters", "quotes", "claims", "quantities", "places", "actors", "search", "series")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except NewsgraphError as e:
        print(f"newsgraph: {e}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


# ---------------------------------------------------------------- parser


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return n


def _max_chars(value: str) -> int:
    from newsgraph.ingest.records import HARD_MAX_CHARS

    n = _positive(value)
    if n > HARD_MAX_CHARS:
        raise argparse.ArgumentTypeError(f"{value!r} is over {HARD_MAX_CHARS:,}, the longest text newsgraph takes "
                                         "in one piece; split longer texts")
    return n


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (0-65535; 0 picks a free one)")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsgraph",
        description="News reports in, sourced facts out: every item tied to the characters that state it.",
        epilog="Exit codes: 0 all records processed, 1 could not run, 2 bad usage, 3 some records rejected.",
    )
    sub = p.add_subparsers(metavar="COMMAND")
    for add in (_extract_command, _ingest_command, _query_command, _show_command, _show_series_command,
                _export_command, _summary_command, _serve_command, _explain_command, _migrate_command,
                _watch_command):
        add(sub)
    return p


def _extract_command(sub: Any) -> None:

    ex = sub.add_parser("extract", help="articles in, one JSON result per article out (the eval contract)")
    ex.add_argument("--input", "-i", required=True, help="JSONL, .txt or .html file, or - for JSONL on stdin")
    ex.add_argument("--output", "-o", required=True, help="JSONL file to write, or - for stdout")
    ex.add_argument("--no-progress", action="store_true", help="no progress bar (it is shown only on a terminal)")
    _add_reading_options(ex)
    ex.set_defaults(handler=cmd_extract)


def _ingest_command(sub: Any) -> None:
    ing = sub.add_parser("ingest", help="extract articles and store them (idempotent, crash-safe)")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (recursive), http(s) URLs of "
                     "pages or RSS/Atom feeds, .urls files (one URL a line); - for stdin")
    ing.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default: {DEFAULT_DB})")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar")
    _add_reading_options(ing)
    _add_fetch_options(ing)
    ing.set_defaults(handler=cmd_ingest)


def _add_fetch_options(p: argparse.ArgumentParser) -> None:
    """How URLs are fetched (docs/cli.md, "Fetching from the web")."""
    def seconds(value: str) -> float:
        try:
            n = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
        if not 0 <= n <= 3600:
            raise argparse.ArgumentTypeError(f"{value!r} must be between 0 and 3600 seconds")
        return n

    p.add_argument("--no-robots", action="store_true",
                   help="fetch pages even where a site's robots.txt disallows newsgraph (ask the site first)")
    p.add_argument("--user-agent", default=None, metavar="TEXT",
                   help="User-Agent to send (default: newsgraph/VERSION (+news research; respects robots.txt))")
    p.add_argument("--delay", type=seconds, default=1.0, metavar="SECONDS",
                   help="least time between two requests to one host (default: 1; a robots.txt Crawl-delay wins)")


def _fetch_policy(args: argparse.Namespace) -> Any:
    from newsgraph.ingest.web.fetch import USER_AGENT, FetchPolicy

    return FetchPolicy(user_agent=args.user_agent or USER_AGENT, per_host_delay=args.delay,
                       respect_robots=not args.no_robots)


def _query_command(sub: Any) -> None:
    q = sub.add_parser("query", help="look things up in the store")
    q.add_argument("what", choices=QUERIES, help="clusters are events merged across articles")
    q.add_argument("text", nargs="?", help="for search: an FTS5 query over sentences")
    q.add_argument("--db", default=DEFAULT_DB)
    q.add_argument("--actor", help="events: an actor code as source or target (RUS, NATO)")
    q.add_argument("--type", dest="event_type", help="events: a PLOVER type (MOBILIZE, ASSAULT ...)")
    q.add_argument("--since", type=_date, help="events, quantities: on or after this date (YYYY-MM-DD)")
    q.add_argument("--until", type=_date, help="events, quantities: on or before this date (YYYY-MM-DD)")
    q.add_argument("--speaker", help="quotes and claims: part of the speaker's name")
    q.add_argument("--name", help="places and actors: part of the name; quantities: what is counted or its category")
    q.add_argument("--article", help="only items from this article id")
    q.add_argument("--about", help="series: part of the label, what is counted, whose (PRK, confirmed) or where")
    q.add_argument("--id", type=_positive, help="series: the one series with this id")
    q.add_argument("--limit", type=_positive, default=50)
    q.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    q.add_argument("--context", action="store_true", help="show the sentence each row comes from")
    q.set_defaults(handler=cmd_query)


def _show_command(sub: Any) -> None:
    sh = sub.add_parser("show", help="one article with its extracted items and their spans")
    sh.add_argument("article_id")
    sh.add_argument("--db", default=DEFAULT_DB)
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_show)


def _show_series_command(sub: Any) -> None:
    ss = sub.add_parser("show-series", help="one figure series as a dated table, with who disagrees and who revised")
    ss.add_argument("series_id", metavar="ID", type=_positive, help="a series id (`newsgraph query series` lists them)")
    ss.add_argument("--db", default=DEFAULT_DB)
    ss.add_argument("--json", action="store_true")
    ss.set_defaults(handler=cmd_show_series)


def _export_formats(value: str) -> tuple[str, ...]:
    from newsgraph.service.exports import UnknownFormat, parse_formats

    try:
        return parse_formats(value)
    except UnknownFormat as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _export_command(sub: Any) -> None:
    exp = sub.add_parser("export", help="the store as Parquet, CSV, GeoJSON, PLOVER JSON lines or extract's JSONL "
                                        "(docs/formats.md)")
    exp.add_argument("out", metavar="DIR", help="folder for the files (created if needed)")
    exp.add_argument("--db", default=DEFAULT_DB)
    exp.add_argument("--format", dest="formats", type=_export_formats, default=("parquet",), metavar="FORMATS",
                     help="parquet (default), csv, geojson, plover, jsonl: comma-separated, or all")
    exp.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                     help="articles published, events and figures dated on or after this day")
    exp.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="... on or before this day")
    exp.add_argument("--actor", metavar="CODE", help="events with this actor code as source or target, and the "
                                                     "articles that name it (RUS, NATO)")
    exp.add_argument("--place", metavar="NAME", help="the articles, places and events of this place (a name, "
                                                     "whatever the case, or a GeoNames id)")
    exp.set_defaults(handler=cmd_export)


def _summary_command(sub: Any) -> None:
    su = sub.add_parser("summary", help="a short situation summary of the store")
    su.add_argument("--db", default=DEFAULT_DB)
    su.add_argument("--top", type=_positive, default=8, help="rows per section")
    su.set_defaults(handler=cmd_summary)


def _serve_command(sub: Any) -> None:
    sv = sub.add_parser("serve", help="a read-only web view: timeline, map, claims, figures, each with its trail")
    sv.add_argument("--db", default=DEFAULT_DB)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    sv.add_argument("--port", type=_port, default=8765)
    sv.add_argument("--allow-host", action="append", metavar="HOST", default=None,
                    help="also answer requests for this Host (repeatable; localhost, 127.0.0.1 and --host always are):"
                         " guards the API against DNS rebinding")
    sv.set_defaults(handler=cmd_serve)


def _explain_command(sub: Any) -> None:
    xp = sub.add_parser("explain", help="why an item says what it says: its sentence, the rules that fired, "
                                        "the evidence each used")
    xp.add_argument("article_id")
    xp.add_argument("item", nargs="?", help="E3, Q1, C2, A4 (ids), or time:0, place:3, quantity:2 (positions); "
                                            "leave out to list every item with the rule that made it")
    xp.add_argument("--db", default=DEFAULT_DB)
    xp.add_argument("--json", action="store_true")
    xp.set_defaults(handler=cmd_explain)


def _migrate_command(sub: Any) -> None:
    mg = sub.add_parser("migrate", help="bring a store made by an older newsgraph up to date (ingest does it too)")
    mg.add_argument("--db", default=DEFAULT_DB)
    mg.set_defaults(handler=cmd_migrate)


def _interval(value: str) -> float:
    from newsgraph.service.watch import parse_interval

    try:
        return parse_interval(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _watch_command(sub: Any) -> None:
    w = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest their new pages, until stopped (Ctrl-C)")
    w.add_argument("feeds", nargs="+", metavar="FEED", help="http(s) URLs of RSS or Atom feeds")
    w.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store, which also keeps what was polled (default: "
                   f"{DEFAULT_DB})")
    w.add_argument("--every", type=_interval, default=900.0, metavar="INTERVAL",
                   help="time from one poll of the feeds to the next: 30s, 15m, 1h, 1h30m (default: 15m)")
    w.add_argument("--once", action="store_true", help="poll every feed once, then exit (for scripts and cron)")
    w.add_argument("--max-polls", type=_positive, default=None, metavar="N", help="exit after N polls")
    w.add_argument("--max-chars", type=_max_chars, default=None,
                   help="longest text accepted (default 1,000,000; at most 10,000,000)")
    _add_fetch_options(w)
    w.set_defaults(handler=cmd_watch)


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", type=_date, help="publication date for records that carry none (YYYY-MM-DD)")
    p.add_argument("--workers", type=_positive, default=None,
                   help="processes (local) or actors (ray) to run the pipeline in (default: 1 local, 1 per CPU ray)")
    p.add_argument("--max-chars", type=_max_chars, default=None,
                   help="longest text accepted (default 1,000,000; at most 10,000,000)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: this machine (--workers processes); ray: Ray Data, for more than one machine")
    p.add_argument("--ray-address", default=None,
                   help="with --engine ray: 'auto' or ray://HOST:10001 for a cluster (default: start Ray here)")


# ---------------------------------------------------------------- commands


def _read(paths: list[str], args: argparse.Namespace, rejected: list[str], **web: Any) -> Iterator[Any]:
    """Articles from these paths; each rejected record is printed once and counted, each folder's
    files of other kinds are named in one note. ``web``: read_paths' fetcher and known."""
    from newsgraph.ingest import Rejected, Skipped, read_paths
    from newsgraph.ingest.records import MAX_CHARS

    for item in read_paths(paths, args.published, args.max_chars or MAX_CHARS, **web):
        if isinstance(item, Rejected):
            rejected.append(str(item))
            print(f"newsgraph: {item}", file=sys.stderr)
        elif isinstance(item, Skipped):
            print(f"newsgraph: {item}", file=sys.stderr)
        else:
            yield item


def cmd_extract(args: argparse.Namespace) -> int:
    from newsgraph.ingest import Rejected
    from newsgraph.nlp.pipeline import build_nlp, extract
    from newsgraph.service.exports.files import json_line

    if args.input != "-" and not Path(args.input).exists():
        print(f"newsgraph: {args.input}: no such file", file=sys.stderr)
        return EXIT_FATAL
    build_nlp()  # fail early, before touching the output, when the model is missing
    rejected: list[str] = []
    # on a terminal only: extract is often a step of a pipeline whose log a bar would fill
    bar = _Bar(not args.no_progress and sys.stderr.isatty())
    bar.start(_records_in(args.input))
    with _open_output(args.output) as out:
        for result in extract(_read([args.input], args, rejected), workers=args.workers, engine=args.engine,
                              ray_address=args.ray_address):
            bar.advance()
            if isinstance(result, Rejected):
                rejected.append(str(result))
                print(f"newsgraph: {result}", file=sys.stderr)
                continue
            # strict JSON: the pipeline has already refused any result with a non-finite number (one writer of
            # these lines for extract and its JSONL export, so the two stay byte-identical)
            out.write(json_line(result.to_json()))
    bar.close()
    return EXIT_REJECTED if rejected else EXIT_OK


def _records_in(source: str) -> int | None:
    """How many records the bar counts to: the non-blank lines of a JSONL file, 1 for a text or an HTML
    file, unknown (None: the bar counts up with its rate) for stdin and .json files."""
    from newsgraph.ingest.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    path = Path(source)
    if source == "-" or not path.is_file():
        return None
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        return 1
    if suffix not in JSONL_SUFFIXES:
        return None
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


class _open_output:
    """stdout for "-", else a file written in full then renamed, so a crash leaves no half file."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.tmp: Path | None = None
        self.stream: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.target == "-":
            return sys.stdout
        path = Path(self.target)
        if path.parent and not path.parent.exists():
            raise NewsgraphError(f"{self.target}: the folder {path.parent} does not exist")
        self.tmp = path.with_name(f".{path.name}.partial")
        self.stream = self.tmp.open("w", encoding="utf-8")
        return self.stream

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self.stream is None or self.tmp is None:
            return
        self.stream.close()
        if exc_type is None:
            self.tmp.replace(self.target)
        else:
            self.tmp.unlink(missing_ok=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from newsgraph.ingest import check_paths
    from newsgraph.ingest.web.fetch import Fetcher
    from newsgraph.service.ingest import KnownUrls, ingest_articles

    check_paths(args.paths)  # a typo must not leave an empty store behind
    rejected: list[str] = []
    # URLs the store holds are skipped before any request (counted "already in", as known.hits)
    with Fetcher(_fetch_policy(args)) as fetcher, KnownUrls(args.db) as known:
        report = ingest_articles(
            args.db, _read(args.paths, args, rejected, fetcher=fetcher, known=known), workers=args.workers,
            progress=_Bar(not args.no_progress), engine=args.engine, ray_address=args.ray_address,
        )
    refused = len(rejected) + len(report.rejected) + len(report.conflicts)
    aliased = f" ({report.aliased} under another id, kept as an alias)" if report.aliased else ""
    already = report.skipped + known.hits
    print(f"newsgraph: {report.stored} stored, {already} already in {args.db}{aliased}, {refused} rejected",
          file=sys.stderr)
    return EXIT_REJECTED if refused else EXIT_OK


# The query functions' filter keywords, as the command line spells them.
QUERY_OPTIONS = {"actor": "--actor", "event_type": "--type", "since": "--since", "until": "--until",
                 "speaker": "--speaker", "name": "--name", "article": "--article", "text": "a text",
                 "about": "--about", "id": "--id"}


class _Bar:
    """Progress on stderr (ingest, extract): a bar, unless hidden, and one line a message."""

    def __init__(self, shown: bool) -> None:
        self.shown = shown
        self.bar: Any = None

    def start(self, total: int | None) -> None:  # None: not known, the bar counts up with its rate
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="article", disable=not self.shown, file=sys.stderr, dynamic_ncols=True)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def say(self, message: str) -> None:
        print(f"newsgraph: {message}", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def cmd_query(args: argparse.Namespace) -> int:
    from newsgraph import report
    from newsgraph.store import Store
    from newsgraph.store.queries import FilterNotApplicable

    with Store.open_existing(args.db) as store:
        try:
            rows = _query(store, args)
        except FilterNotApplicable as e:
            takers = ", ".join(q for q in e.queries) or "no query"
            print(f"newsgraph: query {args.what} does not take {QUERY_OPTIONS[e.keyword]}; it applies to: {takers}",
                  file=sys.stderr)
            return EXIT_USAGE
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(report.table(args.what, rows, context=args.context))
    return EXIT_OK


def _query(store: Any, args: argparse.Namespace) -> list[dict[str, Any]]:
    filters = {keyword: getattr(args, keyword) for keyword in QUERY_OPTIONS}
    return list(store.query(args.what, limit=args.limit, **filters))


def cmd_show(args: argparse.Namespace) -> int:
    from newsgraph import report
    from newsgraph.store import Store

    with Store.open_existing(args.db) as store:
        record = store.article_record(args.article_id)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=1))
    else:
        print(report.show_article(record))
    return EXIT_OK


def cmd_show_series(args: argparse.Namespace) -> int:
    from newsgraph import report
    from newsgraph.store import Store
    from newsgraph.store.queries import series_record

    with Store.open_existing(args.db) as store:
        record = series_record(store.conn, args.series_id, args.db)
    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=1))
    else:
        print(report.show_series(record))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from newsgraph.service.exports import ExportFilters, export
    from newsgraph.store import Store

    if args.since and args.until and args.since > args.until:
        print(f"newsgraph: --since {args.since} is after --until {args.until}: no date is in that range",
              file=sys.stderr)
        return EXIT_USAGE
    filters = ExportFilters(args.since, args.until, args.actor, args.place)
    with Store.open_existing(args.db) as store:
        report = export(store, args.out, args.formats, filters)
    print(f"newsgraph: {report.line(args.out, filters)}", file=sys.stderr)
    return EXIT_OK


def cmd_summary(args: argparse.Namespace) -> int:
    from newsgraph import report
    from newsgraph.store import Store

    with Store.open_existing(args.db) as store:
        print(report.summary(store, top=args.top))
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from newsgraph import report
    from newsgraph.service.explain import explain
    from newsgraph.store import Store

    with Store.open_existing(args.db) as store:
        explanations = explain(store, args.article_id, args.item)
    if args.json:
        for e in explanations:
            print(json.dumps(e.to_json(), ensure_ascii=False))
    else:
        print(report.explanations(explanations, detailed=args.item is not None))
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    from newsgraph.store import Store

    if not Path(args.db).is_file():
        raise NewsgraphError(f"{args.db}: no store here; create one with `newsgraph ingest PATH --db {args.db}`")
    with Store.open(args.db) as store:
        print(f"newsgraph: {store.path} is up to date", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from newsgraph.serve import serve

    try:
        serve(args.db, host=args.host, port=args.port, allowed_hosts=args.allow_host,
              on_ready=lambda url: print(f"newsgraph: serving {args.db} on {url} (Ctrl-C stops)", flush=True))
    except OSError as e:
        raise NewsgraphError(f"cannot listen on {args.host}:{args.port} ({e.strerror}); pick another --port") from e
    return EXIT_OK


class _WatchLines:
    """A watch's log on stderr: one line per poll of a feed, one per rejected page."""

    def polled(self, poll: Any) -> None:
        print(f"newsgraph: {poll}", file=sys.stderr, flush=True)

    def say(self, message: str) -> None:
        print(f"newsgraph: {message}", file=sys.stderr, flush=True)


def cmd_watch(args: argparse.Namespace) -> int:
    import threading

    from newsgraph.ingest.records import MAX_CHARS
    from newsgraph.ingest.web.urls import is_web_url
    from newsgraph.nlp.pipeline import build_nlp
    from newsgraph.service.watch import stop_on_signals, watch

    bad = [feed for feed in args.feeds if not is_web_url(feed)]
    if bad:
        print(f"newsgraph: watch: {bad[0]!r} is not an http or https feed URL", file=sys.stderr)
        return EXIT_USAGE
    build_nlp()  # fail early when the model is missing, and load it once, before the first poll
    stop = threading.Event()
    with stop_on_signals(stop) as caught:
        report = watch(args.db, args.feeds, every=args.every, polls=1 if args.once else args.max_polls,
                       policy=_fetch_policy(args), max_chars=args.max_chars or MAX_CHARS, stop=stop,
                       log=_WatchLines())
    how = f"stopped by {caught[0]}" if caught else "done"
    print(f"newsgraph: {how} after {report.polls} poll(s): {report.stored} stored, {report.rejected} rejected",
          file=sys.stderr, flush=True)
    return EXIT_OK if caught or not (report.rejected or report.failed_polls) else EXIT_REJECTED


if __name__ == "__main__":
    raise SystemExit(main())
