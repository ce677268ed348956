"""Running the real CLI in a subprocess, as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True, text=True, timeout=timeout, cwd=ROOT,
    )
    return proc
