"""The command line: ``simulate`` writes the same bytes whatever ``--jobs``, and a bad flag is
a usage error (exit 2, ``usage:``), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysis.cli import run_game

from .helpers import MINIMAL


def test_simulate_output_does_not_depend_on_jobs(tmp_path: Path) -> None:
    """``simulate --runs 300 --seed 3`` writes byte-identical JSON with one and two jobs."""
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.json"
        done = run_game(
            "simulate", str(MINIMAL), "--runs", "300", "--seed", "3", "--jobs", jobs,
            "--out", str(out), "--quiet",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"runs": 300' in outputs[0]


@pytest.mark.parametrize(
    "flags",
    [["--runs", "abc"], ["--ai", "nosuch"], ["--historicity", "2"], ["--runs", "0"]],
    ids=["runs-abc", "ai-nosuch", "historicity-2", "runs-0"],
)
def test_a_bad_flag_is_a_usage_error(flags: list[str]) -> None:
    """A wrong flag value exits with status 2 and a usage message on stderr, no traceback and
    nothing on stdout."""
    done = run_game("simulate", str(MINIMAL), "--runs", "5", *flags)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
