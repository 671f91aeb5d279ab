"""The API's tests share one loaded campaign and run the command line beside the API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import game

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def campaign() -> game.Scenario:
    return game.load()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m game ARGS`` from the repository root, as the API's tests run."""
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
