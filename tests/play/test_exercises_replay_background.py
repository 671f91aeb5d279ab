"""The window's non-UI helpers for exercises and the lab: the exercises offered, a save that
keeps its exercise, ``play --exercise`` refusing a bad file, a run replayed alone equal to
the same run of a batch, and batches in the background that report progress and stop at
once when cancelled."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from game.analysis.background import BackgroundBatches
from game.analysis.batch import run_batches
from game.analysis.lab import LabSetup, default_ai, run_rows
from game.analysis.runs import load
from game.cli import main
from game.engine.outcome import decide
from game.play.exercises import exercise_list, exercise_setup
from game.play.match import Match
from game.play.replay import replay_frames
from game.play.saves import read_save, write_save
from game.play.settings import DATA_ENV

UI_DATA = Path(__file__).parents[1] / "ui" / "data"
SHORT = UI_DATA / "short.yaml"


def test_every_shipped_exercise_is_offered_with_its_students() -> None:
    found = exercise_list()
    assert found and all(not isinstance(item, tuple) for item in found)
    for info in found:
        assert not isinstance(info, tuple)
        setup = exercise_setup(info, 7)
        assert setup.humans == tuple(info.exercise.humans) and setup.guided and setup.seed == 7
        assert load(setup.scenario).spec.factions  # the scenario it names loads


def test_a_broken_exercise_is_listed_with_its_problem(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("title: x\nscenario: nowhere.yaml\n")
    [(path, problem)] = exercise_list(tmp_path)  # type: ignore[misc]
    assert path.name == "bad.yaml" and "bad.yaml:2:" in problem


def test_a_save_keeps_its_exercise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    info = exercise_list(Path(__file__).parents[1] / "ui" / "exercises")[0]
    assert not isinstance(info, tuple)
    match = Match(load(info.scenario), exercise_setup(info, 1))
    match.resolve()
    assert read_save(write_save(match, "class")).setup.exercise == str(info.path)


def test_play_refuses_a_bad_exercise_in_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nscenario: ../nowhere.yaml\nminutes: 0\n")
    assert main(["play", "--exercise", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3:10: minutes" in err and "Traceback" not in err


def test_a_run_replayed_alone_is_that_run_of_the_batch() -> None:
    loaded = load(SHORT)
    setup = LabSetup(loaded, loaded, 12, "historical", 0.8, 3)
    batch = run_batches(setup.arms(), 1)[0]
    for run in (0, 5, 11):
        frames = replay_frames(loaded, 3, run, "historical", 0.8)
        assert [f.report.turn for f in frames] == list(range(loaded.spec.turns))
        final = frames[-1].state
        assert int(decide(loaded.spec, final).winner[0]) == batch.winner[run]
        assert np.array_equal(final.reached[0], batch.reached[run])
        assert frames[0].state.turn == 1  # a copy per quarter, not the final state
    rows = run_rows(setup, run_batches(setup.arms(), 1))
    assert [r.index for r in rows] == list(range(12)) and rows[0].winners[0] == rows[0].winners[1]


def test_the_counterfactuals_own_policies_are_the_default() -> None:
    assert default_ai(load(UI_DATA / "short_counterfactual.yaml")) == ("historical", 0.8)
    assert default_ai(load(SHORT)) == ("standard", 1.0)


def test_background_batches_give_the_results_and_all_the_progress() -> None:
    loaded = load(SHORT)
    setup = LabSetup(loaded, loaded, 60, "standard", 1.0, 2)
    background = BackgroundBatches(setup.arms(), 2)
    deadline = time.monotonic() + 300
    while (got := background.result()) is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    expected = run_batches(setup.arms(), 1)
    assert all(np.array_equal(a.winner, b.winner) for a, b in zip(got, expected, strict=True))
    assert background.fraction == pytest.approx(1.0)


def test_cancelled_batches_stop_at_once() -> None:
    loaded = load(SHORT)
    setup = LabSetup(loaded, loaded, 20000, "standard", 1.0, 2)
    background = BackgroundBatches(setup.arms(), 2)
    time.sleep(0.5)
    assert background.running and background.result() is None
    background.cancel()
    assert not background.running, "cancel returns only once the workers are gone"
