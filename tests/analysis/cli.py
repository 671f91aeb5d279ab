"""Running the command line from the tests (the analysis, AI and engine tests share it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "scenario" / "minimal.yaml"
CAMPAIGN = ROOT / "scenarios" / "1922_succession.yaml"
DATA = Path(__file__).resolve().parent / "data"


def run_game(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m game ARGS`` from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
