"""The command line as a user meets it: help, exact error lines, exit codes, formats.

Most tests run `newsgraph.cli.main` in this process (tests.helpers.cli), sharing the loaded pipeline; the
smoke tests at the end run the installed command in a real process. Several workers: tests/integration."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, cli, run_cli

ARTICLE = {"id": "x1", "text": "NATO chief Mark Rutte said on Monday that 3,000 troops had moved to Kursk.",
           "published": "2024-10-28"}


@pytest.mark.parametrize("command", ["extract", "ingest", "query", "show", "summary", "export"])
def test_every_subcommand_has_help(command: str) -> None:
    proc = cli(command, "--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"usage: newsgraph {command}")


def test_no_command_prints_help_and_exits_2() -> None:
    proc = cli()
    assert proc.returncode == 2
    assert "extract" in proc.stdout and "ingest" in proc.stdout


def test_extract_missing_input(tmp_path: Path) -> None:
    proc = cli("extract", "--input", str(tmp_path / "nope.jsonl"), "--output", "-")
    assert (proc.returncode, proc.stderr) == (1, f"newsgraph: {tmp_path / 'nope.jsonl'}: no such file\n")


def test_ingest_missing_path(tmp_path: Path) -> None:
    proc = cli("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "s.db"))
    assert (proc.returncode, proc.stderr) == (1, f"newsgraph: {tmp_path / 'nope'}: no such file or directory\n")


def test_query_without_store(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    proc = cli("query", "events", "--db", str(db))
    assert proc.returncode == 1
    assert proc.stderr == f"newsgraph: {db}: no store here; create one with `newsgraph ingest PATH --db {db}`\n"


def test_bad_date_is_a_usage_error() -> None:
    proc = cli("query", "events", "--since", "last tuesday")
    assert proc.returncode == 2
    assert "'last tuesday' is not a YYYY-MM-DD date" in proc.stderr


def test_txt_file_with_published(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_text(ARTICLE["text"], encoding="utf-8")
    proc = cli("extract", "--input", str(src), "--output", "-", "--published", "2024-10-28")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["published"] == "2024-10-28"
    assert out["title"] == "story"


def test_html_file_reads_title_date_and_text(tmp_path: Path) -> None:
    body = " ".join([ARTICLE["text"]] * 3)
    src = tmp_path / "page.html"
    src.write_text(
        "<html><head><title>Troops move</title><meta property='article:published_time' content='2024-10-28'>"
        f"</head><body><nav>Home | World</nav><article><h1>Troops move</h1><p>{body}</p>"
        "<p>Officials said more details would follow in the coming days.</p></article></body></html>",
        encoding="utf-8",
    )
    proc = cli("extract", "--input", str(src), "--output", "-")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["title"] == "Troops move"
    assert out["published"] == "2024-10-28"
    assert any(s["text"].startswith("NATO chief Mark Rutte") for s in out["sentences"])


def test_broken_html_is_one_line(tmp_path: Path) -> None:
    src = tmp_path / "broken.html"
    src.write_bytes(b"<html><body><div><<<\x00\x00</p></span>")
    proc = cli("extract", "--input", str(src), "--output", "-")
    assert proc.returncode == 3
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith(f"newsgraph: {src}: ")


def test_ingest_query_show_end_to_end(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db), "--no-progress").returncode == 0
    search = cli("query", "search", "troops", "--db", str(db), "--json")
    assert search.returncode == 0
    assert json.loads(search.stdout.splitlines()[0])["article_id"] == "x1"
    shown = cli("show", "x1", "--db", str(db))
    assert shown.returncode == 0
    assert shown.stdout.startswith("x1")
    missing = cli("show", "nope", "--db", str(db))
    assert missing.returncode == 1
    assert missing.stderr.startswith("newsgraph: no article with id 'nope'")
    summary = cli("summary", "--db", str(db))
    assert summary.returncode == 0
    assert "1 articles" in summary.stdout


# ---------------------------------------------------------------- the installed command, in real processes


def test_the_installed_command_prints_help() -> None:
    for command in ([sys.executable, "-m", "newsgraph"], [str(Path(sys.executable).with_name("newsgraph"))]):
        proc = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=600, cwd=ROOT)
        assert (proc.returncode, proc.stderr) == (0, ""), command
        assert proc.stdout.startswith("usage: newsgraph"), command


def test_stdin_to_stdout() -> None:
    proc = run_cli("extract", "--input", "-", "--output", "-", stdin=json.dumps(ARTICLE).encode())
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["id"] == "x1"
    for item in out["times"] + out["places"] + out["quantities"] + out["quotes"] + out["events"]:
        assert ARTICLE["text"][item["start"]:item["end"]]


def test_the_installed_command_ingests_then_queries(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    ingest = run_cli("ingest", str(src), "--db", str(db), "--no-progress")
    assert (ingest.returncode, ingest.stderr) == (0, f"newsgraph: 1 stored, 0 already in {db}, 0 rejected\n")
    search = run_cli("query", "search", "troops", "--db", str(db), "--json")
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout.splitlines()[0])["article_id"] == "x1"


class _Terminal(io.StringIO):
    """stderr as a terminal: what a person running extract by hand sees."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stderr", "flags", "shown"), [
    (_Terminal, [], True), (_Terminal, ["--no-progress"], False), (io.StringIO, [], False)])
def test_extract_shows_a_bar_on_a_terminal(tmp_path: Path, stderr: type[io.StringIO], flags: list[str],
                                           shown: bool) -> None:
    from newsgraph.cli import main

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps({**ARTICLE, "id": f"x{n}"}) + "\n\n" for n in range(3)), encoding="utf-8")
    err = stderr()
    with contextlib.redirect_stderr(err):
        assert main(["extract", "--input", str(src), "--output", str(out), *flags]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert ("3/3" in err.getvalue()) is shown  # counted to the records in the file, blank lines left out
    assert ("article/s" in err.getvalue()) is shown
