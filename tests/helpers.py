"""Running the CLI as a user would: in this process (`cli`, what most tests use) or in a real subprocess
(`run_cli`, for the few smoke tests that prove the installed command, and for tests that need real processes)."""

from __future__ import annotations

import contextlib
import io
import logging
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )
    return proc


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """`newsgraph ARGS` through `newsgraph.cli.main` in this process, read as `run_cli` reads a subprocess:
    stdout and stderr captured, stdin given as bytes (for `-` inputs), the exit code as main or argparse gives
    it, run from the project root. It shares this process's cached pipeline, so it costs no model load.

    stderr gets what a fresh process would print there: warnings under Python's default filters and log
    records at WARNING and above (pytest would otherwise capture both out of sight). An exception main lets
    escape is raised here, where a subprocess would print a traceback and exit 1: the test fails with it."""
    from newsgraph.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(ROOT), _stdin(stdin or b""), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err), _as_in_a_fresh_process():
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse: --help exits 0, a usage error 2
            code = _exit_code(e.code)
            if isinstance(e.code, str):
                print(e.code, file=sys.stderr)
    return subprocess.CompletedProcess(["newsgraph", *args], code, out.getvalue(), err.getvalue())


def cli_run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """``cli`` as (exit code, stdout, stderr), for tests that compare all three at once."""
    proc = cli(*args, stdin=stdin)
    return proc.returncode, proc.stdout, proc.stderr


@contextlib.contextmanager
def _stdin(data: bytes) -> Iterator[None]:
    """sys.stdin reading these bytes, as text or through .buffer (JSONL on `-` is read as bytes)."""
    old, stream = sys.stdin, io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    sys.stdin = stream
    try:
        yield
    finally:
        sys.stdin = old
        stream.close()


@contextlib.contextmanager
def _as_in_a_fresh_process() -> Iterator[None]:
    """Warnings and log records go to sys.stderr as in a process with no logging set up (logging's last-resort
    handler), not to pytest's capture."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers, root.level = [], logging.WARNING
    try:
        with warnings.catch_warnings():
            warnings.resetwarnings()  # Python's default filters, as `python -m newsgraph` starts with
            warnings.simplefilter("ignore", ResourceWarning)
            warnings.simplefilter("ignore", ImportWarning)
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")
            warnings.showwarning = _show_warning  # pytest records them out of sight otherwise
            yield
    finally:
        root.handlers, root.level = handlers, level


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _exit_code(code: object) -> int:
    """What the interpreter exits with for SystemExit(code)."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


@contextlib.contextmanager
def running(db: Path, host: str = "127.0.0.1", allowed_hosts: list[str] | None = None) -> Iterator[str]:
    """The web view's own server (newsgraph.serve.make_server) on a free port, in a thread: its base URL."""
    import threading

    from newsgraph.serve import make_server

    httpd = make_server(db, host, 0, allowed_hosts)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def before_stage(nlp: Any, doc: Any, stage: str) -> Any:
    """A Doc through every component of ``nlp`` that runs before ``stage`` ("newsgraph_events")."""
    for name, proc in nlp.pipeline:
        if name == stage:
            break
        doc = proc(doc)
    return doc
