"""The command line's numbers: each kind has one range wherever it is given, checked as it is
read (plain ASCII digits, within bounds), so a bad value is a usage error, exit 2, before any
work: ``--runs 10**12`` no longer runs until memory is gone, ``replay --run 10**30`` no longer
overflows, ``bench --runs 0`` no longer fails in a child, ``--ai stalin=hard,stalin=random``
is no longer silently half taken, seeds are no longer taken modulo 2**64, and ``--jobs 1000``
starts no more workers than there are cores."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from game.boundary import args as numbers
from game.boundary.documents import BatchSummary, RecordDocument, SaveDocument
from game.cli import build_parser
from game.limits import MAX_RUNS, MAX_SEED

from .contract import assert_refused, run

MINIMAL = "tests/scenario/minimal.yaml"
HUGE = str(10**30)
REFUSED = [
    (("simulate", MINIMAL, "--runs", str(10**12)), "argument --runs: expected a whole number"),
    (("simulate", MINIMAL, "--runs", "３"), "argument --runs"),
    (("simulate", MINIMAL, "--runs", "1_000"), "argument --runs"),
    (("simulate", MINIMAL, "--seed", str(2**64 + 1)), "argument --seed"),
    (("simulate", MINIMAL, "--seed", "-1"), "argument --seed"),
    (("simulate", MINIMAL, "--historicity", "nan"), "argument --historicity"),
    (("simulate", MINIMAL, "--jobs", "0"), "argument --jobs"),
    (("simulate", MINIMAL, "--ai", "stalin=hard,stalin=random"), "names 'stalin' twice"),
    (("simulate", MINIMAL, "--ai", "standard,default=hard"), "twice"),
    (("replay", MINIMAL, "--run", HUGE), "argument --run: expected a whole number"),
    (("replay", MINIMAL, "--run", "-1"), "argument --run"),
    (("bench", "--runs", "0"), "argument --runs"),
    (("compare", MINIMAL, MINIMAL, "--runs", HUGE), "argument --runs"),
    (("duel", MINIMAL, "--runs", "0"), "argument --runs"),
    (("calibrate", MINIMAL, "--budget", HUGE), "argument --budget"),
    (("report", "x.json", "--md", "x.md", "--runs", "0"), "argument --runs"),
    (("play", "--seed", str(2**63)), "argument --seed"),
    (("decompose", MINIMAL, "--runs", str(MAX_RUNS)), "more than the 4,000,000 games"),
    (("sweep", MINIMAL, "--param", "rules.vote.bias=0..1:1e-999999999"), "more than 1000 values"),
    (("sweep", MINIMAL, "--param", "rules.vote.bias=" + "9" * 5000), "too large"),
    (("sweep", MINIMAL, "--param", "rules.vote.bias=1e400", "--runs", "2"), "too large"),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=lambda v: " ".join(v)[:60])
def test_a_bad_number_is_a_usage_error(argv: tuple[str, ...], message: str) -> None:
    done, seconds = run(*argv)
    assert_refused(done, seconds)
    assert message in done.stderr


def _types(flag: str) -> dict[str, object]:
    """The argparse type of ``flag`` in every command that takes it."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found = {}
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if flag in action.option_strings:
                found[name] = action.type
    return found


@pytest.mark.parametrize(
    ("flag", "kind"),
    [("--seed", numbers.seed), ("--runs", numbers.runs), ("--jobs", numbers.jobs)],
)
def test_one_range_for_each_number_in_every_command(flag: str, kind: object) -> None:
    types = _types(flag)
    assert len(types) >= 4 and set(types.values()) == {kind}, types


def test_play_takes_a_seed_in_the_same_range() -> None:
    assert _types("--seed")["play"] is numbers.seed


def test_saves_records_and_results_share_the_seed_range() -> None:
    for model in (SaveDocument, RecordDocument, BatchSummary):
        bounds = {type(m).__name__: m for m in model.model_fields["seed"].metadata}
        assert bounds["Ge"].ge == 0 and bounds["Le"].le == MAX_SEED, model


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), (str(MAX_SEED), MAX_SEED), ("+7", 7)],
)
def test_seeds_cover_their_whole_range(text: str, value: int) -> None:
    assert numbers.seed(text) == value


@pytest.mark.parametrize("text", [str(MAX_SEED + 1), "-1", "１", "1e3", " 1", "", "0x10"])
def test_seeds_outside_the_range_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        numbers.seed(text)


def test_jobs_are_capped_at_the_cores() -> None:
    assert numbers.jobs("1000") == numbers.cores() == numbers.jobs(str(10**6))
    assert numbers.jobs("1") == 1


def test_play_seed_reaches_a_new_game(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``play --seed`` is the seed of the game the window starts."""
    import game.ui

    seen: dict[str, Any] = {}
    monkeypatch.setenv("HEIRS_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(game.ui, "run", lambda options: seen.setdefault("options", options) and 0)
    from game.cli import main

    assert main(["play", "--scenario", MINIMAL, "--seed", "77"]) == 0
    assert seen["options"].seed == 77
