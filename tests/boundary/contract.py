"""The contract every command keeps on any input, as the boundary tests check it: it ends
within 20 s when it refuses, exits 0 on success, 2 on a refused input and 1 only for an
input or output failure (one line), prints no traceback, and names each refused file as
``file:line:col: path: message``, one problem a line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFUSAL_SECONDS = 20.0
TIMEOUT_SECONDS = 120.0  # a command still running then is killed
PROBLEM = re.compile(r"^.+:\d+:\d+: \S.*: .+$")
USAGE = re.compile(r"^heirs( [a-z]+)?: error: .+$")


def run(
    *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """``python -m game ARGS`` from the repository root, headless, and its wall time."""
    environment = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        **(env or {}),
    }
    start = time.monotonic()
    command = [sys.executable, "-m", "game", *args]
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired:  # a command that hangs fails its own test, no other
        done = subprocess.CompletedProcess(command, -9, "", "(killed: it did not end)")
    return done, time.monotonic() - start


def assert_refused(done: subprocess.CompletedProcess[str], seconds: float) -> list[str]:
    """The command refused its input as the contract says; its problem lines."""
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert seconds < REFUSAL_SECONDS
    lines = done.stderr.splitlines()
    assert lines
    problems = [line for line in lines if not line.startswith(("usage:", " "))]
    assert all(PROBLEM.match(line) or USAGE.match(line) for line in problems), problems
    return lines
