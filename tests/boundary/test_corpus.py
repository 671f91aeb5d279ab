"""The seeded corpus of broken inputs, one folder per kind of input and one file per class of
hostile input the adversarial sweep of issue 11 found (``corpus/*/NAME`` with its first line
or name saying what it is): each is refused by the command that reads it, within 20 s, exit
2, no traceback, with exactly the ``file:line:col: path: message`` lines of ``NAME.expected``.

Only the command line is used, so these tests run against any version of the program."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .contract import ROOT, assert_refused, run

CORPUS = Path(__file__).resolve().parent / "corpus"
MINIMAL = "tests/scenario/minimal.yaml"
COMMANDS = {  # the command that reads each kind of file; {} is the file
    "scenario": ("validate", "{}"),
    "report": ("report", "{}", "--md", os.devnull + ".md", "--runs", "5", "--jobs", "1"),
    "record": ("replay", "--record", "{}"),
    "save": ("play", "--scenario", MINIMAL, "--load", "{}"),
    "exercise": ("play", "--scenario", MINIMAL, "--exercise", "{}"),
}
CASES = sorted(p for p in CORPUS.glob("*/*") if p.suffix in (".yaml", ".json"))


def _run_case(case: Path, data_dir: str) -> tuple[subprocess.CompletedProcess[str], float]:
    relative = str(case.relative_to(ROOT))
    argv = [part.format(relative) for part in COMMANDS[case.parent.name]]
    return run(*argv, env={"HEIRS_DATA_DIR": data_dir})


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[Path, tuple[subprocess.CompletedProcess[str], float]]:
    """Every corpus file through its command, each in its own process, two at a time."""
    data_dir = str(tmp_path_factory.mktemp("data"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = pool.map(lambda case: _run_case(case, data_dir), CASES)
        return dict(zip(CASES, done, strict=True))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_broken_input_is_refused_as_expected(
    case: Path, results: dict[Path, tuple[subprocess.CompletedProcess[str], float]]
) -> None:
    done, seconds = results[case]
    lines = assert_refused(done, seconds)
    assert lines == case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def test_every_class_of_the_sweep_has_its_corpus() -> None:
    """Each kind of input has broken files, each with its expected output."""
    assert {p.parent.name for p in CASES} == set(COMMANDS)
    expected = sorted(CORPUS.glob("*/*.expected"))
    assert expected == sorted(case.with_suffix(".expected") for case in CASES)
