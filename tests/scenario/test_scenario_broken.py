"""Every file in ``broken/`` fails ``python -m game validate`` with exactly the lines beside it."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BROKEN = Path(__file__).resolve().parent / "broken"
CASES = sorted(BROKEN.glob("*.yaml"))


def run_validate(*paths: str) -> subprocess.CompletedProcess[str]:
    """``python -m game validate PATHS`` from the repository root, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "game", "validate", *paths],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def results() -> dict[Path, subprocess.CompletedProcess[str]]:
    """Validate every broken file, each in its own process, several at a time."""
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        runs = pool.map(lambda case: run_validate(str(case.relative_to(REPO))), CASES)
        return dict(zip(CASES, runs, strict=True))


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_broken_file_reports_exactly_the_expected_problems(
    case: Path, results: dict[Path, subprocess.CompletedProcess[str]]
) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    result = results[case]
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 2
    assert result.stderr.splitlines() == expected
    assert result.stdout == ""


def test_every_broken_file_has_its_expected_output() -> None:
    assert sorted(BROKEN.glob("*.expected")) == [case.with_suffix(".expected") for case in CASES]


def test_minimal_scenario_validates() -> None:
    result = run_validate("tests/scenario/minimal.yaml")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "ok: tests/scenario/minimal.yaml\n",
        "",
    )
