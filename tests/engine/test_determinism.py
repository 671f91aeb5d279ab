"""Every run is reproducible from (scenario, seed, run index), whatever batch it ran in, and
headless batches give the same numbers whatever the number of jobs or chunks."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from game.analysis import batch
from game.analysis.batch import RunConfig, run_batch, summarise
from game.engine.spec import GameSpec
from game.engine.state import initial_state

from .helpers import (
    MINIMAL,
    NO_SHRINK,
    POLICIES,
    RUN,
    SEED,
    WIDE,
    N,
    Played,
    campaign_params,
    chooser,
    full_batch,
    loaded,
    play_runs,
    recorded,
    small_scenario_params,
    spec_of,
    step_turn,
)

REVERSED_WITH_A_REPEAT = [*range(N - 1, -1, -1), 3]


def mixed_ai(spec: GameSpec) -> str:
    """A per-faction policy text: the first faction random, the rest historical."""
    return f"{spec.factions[0]}=random,default=historical"


def assert_rows_match(full: Played, part: Played, runs: list[int]) -> None:
    for j, run in enumerate(runs):
        assert part.state.row_hashes()[j] == full.state.row_hashes()[run], f"run {run}"
        np.testing.assert_array_equal(part.history[j], full.history[run], err_msg=f"run {run}")
        turn_hashes = [turn[j] for turn in part.hashes]
        assert turn_hashes == [turn[run] for turn in full.hashes], f"run {run}"


@pytest.mark.parametrize("ai", POLICIES)
def test_run_alone_equals_run_inside_any_batch(scenario_path: Path, ai: str) -> None:
    """Run i played alone, or in a batch in reversed order next to a copy of itself, reaches
    the same state after every turn and takes the same actions as inside the batch of runs
    0..N-1 (alone: through ``record_game``, which plays a batch of one). Small batches of
    other compositions are the next test's."""
    spec = spec_of(scenario_path)
    full = full_batch(scenario_path, ai)
    assert len(set(full.state.row_hashes())) > 1, "the runs of a batch should differ"
    alone, final = recorded(scenario_path, ai)  # run RUN played in a batch of one
    assert final.row_hashes() == [full.state.row_hashes()[RUN]]
    assert alone.hashes == [turn[RUN] for turn in full.hashes]
    assert alone.actions == full.history[RUN].tolist()
    runs = REVERSED_WITH_A_REPEAT
    assert_rows_match(full, play_runs(spec, SEED, runs, chooser(spec, ai)), runs)


def check_sub_batch(path: Path, runs: list[int]) -> None:
    spec = spec_of(path)
    ai = mixed_ai(spec)
    assert_rows_match(full_batch(path, ai), play_runs(spec, SEED, runs, chooser(spec, ai)), runs)


SUB_BATCHES = st.lists(st.integers(0, N - 1), min_size=1, max_size=5)


@pytest.mark.parametrize("path", small_scenario_params())
@settings(max_examples=10, deadline=None, phases=NO_SHRINK)
@given(runs=SUB_BATCHES)
@example(runs=[3, 7, 11])
def test_any_sub_batch_with_mixed_policies_matches_the_full_batch(
    path: Path, runs: list[int]
) -> None:
    """With a different policy per faction, any list of run indices (repeats allowed)
    replays each run exactly as the full batch played it."""
    check_sub_batch(path, runs)


@pytest.mark.parametrize("path", campaign_params())
@settings(max_examples=5, deadline=None, phases=NO_SHRINK)
@given(runs=SUB_BATCHES)
@example(runs=[3, 7, 11])
def test_any_sub_batch_of_the_campaign_matches_the_full_batch(path: Path, runs: list[int]) -> None:
    """The same for the campaign, with fewer examples (a campaign game is slow)."""
    check_sub_batch(path, runs)


def test_the_seed_changes_the_games(scenario_path: Path) -> None:
    """The same run indices under another seed give other games within a few quarters (so
    the equalities above are not the trivial ones of a game without chance)."""
    spec = spec_of(scenario_path)
    state = initial_state(spec, SEED + 1, np.arange(N))
    choose = chooser(spec, "random")
    for _ in range(3):
        step_turn(spec, state, choose)
    assert state.row_hashes() != full_batch(scenario_path, "random").hashes[2]


def _batch(path: Path, jobs: int, runs: int, ai: str) -> tuple[batch.BatchResult, str]:
    source = loaded(path)
    config = RunConfig(str(path), source.sha256, 3, runs, ai, 0.5)
    result = run_batch(source.spec, config, jobs=jobs)
    text = json.dumps(summarise(source.spec, config, result), sort_keys=True)
    return result, text


@pytest.mark.parametrize("path", [MINIMAL, WIDE], ids=["minimal", "wide"])
def test_run_batch_is_the_same_for_any_jobs_and_chunks(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``run_batch`` gives identical per-run arrays and a byte-identical JSON summary with one
    or two worker processes and whatever the chunk size."""
    runs, ai = 40, "standard"
    reference, reference_text = _batch(path, 1, runs, ai)
    assert reference.winner.shape == (runs,)
    for chunk, jobs in ((7, 2), (16, 1)):
        monkeypatch.setattr(batch, "CHUNK", chunk)
        result, text = _batch(path, jobs, runs, ai)
        np.testing.assert_array_equal(result.winner, reference.winner)
        np.testing.assert_array_equal(result.outright, reference.outright)
        np.testing.assert_array_equal(result.reached, reference.reached)
        assert text == reference_text, f"chunk {chunk}, jobs {jobs}"


def test_run_batch_agrees_with_playing_the_runs_directly() -> None:
    """The checkpoints ``run_batch`` reports for each run are those of the same runs played
    as one batch by ``turn.play``."""
    source = loaded(WIDE)
    config = RunConfig(str(WIDE), source.sha256, SEED, N, "historical", 0.6)
    result = run_batch(source.spec, config, jobs=1)
    direct = full_batch(WIDE, "historical")
    np.testing.assert_array_equal(result.reached, direct.state.reached)


@pytest.mark.parametrize(("runs", "jobs"), [(10_000, 2), (12_001, 2), (3, 8), (1, 1), (40, 3)])
def test_chunks_cover_every_run_once_and_stay_small(runs: int, jobs: int) -> None:
    bounds = batch.chunk_bounds(runs, jobs)
    assert bounds[0][0] == 0 and bounds[-1][1] == runs
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    sizes = [stop - start for start, stop in bounds]
    assert min(sizes) >= 1 and max(sizes) <= batch.CHUNK
    assert max(sizes) - min(sizes) <= 1
    assert len(bounds) >= min(jobs, runs)


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_adds_up_to_the_number_of_runs(jobs: int) -> None:
    source = loaded(MINIMAL)
    config = RunConfig(str(MINIMAL), source.sha256, 3, 30, "random", 0.5)
    told: list[float] = []
    run_batch(source.spec, config, jobs=jobs, progress=told.append)
    assert sum(told) == pytest.approx(30)
    if jobs == 1:
        assert len(told) == source.spec.turns, "one report per quarter"
