"""Run many games of one scenario and summarise them against history.

Runs are split into chunks and spread over worker processes; since every game's chances come
from (seed, run index), the results are the same whatever the number of jobs or chunks.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game import __version__
from game.ai.policies import parse_ai
from game.analysis.stats import wilson_interval
from game.engine.outcome import SPLIT, decide
from game.engine.spec import GameSpec
from game.engine.state import initial_state
from game.engine.turn import play

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

ON_TIME_QUARTERS = 2
CHUNK = 1250


@dataclass(frozen=True)
class RunConfig:
    """Everything that identifies a batch of runs."""

    scenario: str
    scenario_sha256: str
    seed: int
    runs: int
    ai: str
    historicity: float


@dataclass
class BatchResult:
    """Per-run results, in run-index order. Shapes (N,) or (N, C)."""

    winner: IntArray  # faction index or SPLIT
    outright: BoolArray
    reached: IntArray  # turn each checkpoint was first reached, -1 never


def run_chunk(
    spec: GameSpec, seed: int, runs: IntArray, ai: str, historicity: float
) -> BatchResult:
    """Play the games ``runs`` of ``seed`` to the end, as one batch."""
    state = initial_state(spec, seed, runs)
    play(spec, state, parse_ai(ai, spec.factions, historicity).choose_all)
    outcome = decide(spec, state)
    return BatchResult(outcome.winner, outcome.outright, state.reached)


_WORKER_SPEC: GameSpec | None = None


def _init_worker(spec: GameSpec) -> None:
    global _WORKER_SPEC
    _WORKER_SPEC = spec


def _worker(seed: int, start: int, stop: int, ai: str, historicity: float) -> BatchResult:
    assert _WORKER_SPEC is not None
    return run_chunk(_WORKER_SPEC, seed, np.arange(start, stop), ai, historicity)


def run_batch(
    spec: GameSpec,
    config: RunConfig,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Play runs 0..N-1 over ``jobs`` processes (default: all cores)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    bounds = [(s, min(s + CHUNK, config.runs)) for s in range(0, config.runs, CHUNK)]
    if jobs == 1 or len(bounds) == 1:
        parts = []
        for start, stop in bounds:
            parts.append(
                run_chunk(spec, config.seed, np.arange(start, stop), config.ai, config.historicity)
            )
            if progress:
                progress(stop - start)
        return _concat(parts)
    context = get_context("fork")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(spec,)
    ) as pool:
        futures = [
            pool.submit(_worker, config.seed, s, e, config.ai, config.historicity)
            for s, e in bounds
        ]
        parts = []
        for (start, stop), future in zip(bounds, futures, strict=True):
            parts.append(future.result())
            if progress:
                progress(stop - start)
    return _concat(parts)


def _concat(parts: list[BatchResult]) -> BatchResult:
    return BatchResult(
        np.concatenate([p.winner for p in parts]),
        np.concatenate([p.outright for p in parts]),
        np.concatenate([p.reached for p in parts]),
    )


def on_time(spec: GameSpec, reached: IntArray) -> BoolArray:
    """(N, C): reached within two quarters of the real date."""
    due = np.array([c.turn for c in spec.checkpoints])
    return (reached >= 0) & (np.abs(reached - due[None, :]) <= ON_TIME_QUARTERS)  # type: ignore[no-any-return]


def first_divergence(spec: GameSpec, reached: IntArray) -> dict[str, int]:
    """How many runs first left history at each checkpoint: the earliest (by real date)
    checkpoint not reached on time. Runs that never left it count under ``none``."""
    order = sorted(range(len(spec.checkpoints)), key=lambda c: (spec.checkpoints[c].date, c))
    late = ~on_time(spec, reached)[:, order]
    counts = {spec.checkpoints[c].id: 0 for c in order}
    counts["none"] = 0
    first = np.where(late.any(axis=1), np.argmax(late, axis=1), -1)
    for position in first:
        counts["none" if position < 0 else spec.checkpoints[order[position]].id] += 1
    return counts


def summarise(spec: GameSpec, config: RunConfig, result: BatchResult) -> dict[str, Any]:
    """The batch as a JSON-ready dictionary (the ``--out`` file)."""
    n = config.runs
    winners = {name: 0 for name in (*spec.factions, "split")}
    for w, count in zip(*np.unique(result.winner, return_counts=True), strict=True):
        winners["split" if w == SPLIT else spec.factions[w]] = int(count)
    outright = dict.fromkeys(spec.factions, 0)
    for w, count in zip(
        *np.unique(result.winner[result.outright], return_counts=True), strict=True
    ):
        outright[spec.factions[w]] = int(count)
    timely = on_time(spec, result.reached)
    checkpoints = []
    for c, checkpoint in enumerate(spec.checkpoints):
        hit = result.reached[:, c] >= 0
        low, high = wilson_interval(int(hit.sum()), n)
        offsets = result.reached[hit, c] - checkpoint.turn
        checkpoints.append(
            {
                "id": checkpoint.id,
                "title": checkpoint.title,
                "date": checkpoint.date,
                "rate": float(hit.mean()),
                "on_time_rate": float(timely[:, c].mean()),
                "ci": [round(low, 6), round(high, 6)],
                "mean_offset_quarters": float(offsets.mean()) if offsets.size else None,
            }
        )
    counts = (result.reached >= 0).sum(axis=1)
    return {
        "scenario": config.scenario,
        "scenario_sha256": config.scenario_sha256,
        "version": __version__,
        "seed": config.seed,
        "runs": n,
        "ai": config.ai,
        "historicity": config.historicity,
        "winners": dict(sorted(winners.items())),
        "outright_winners": dict(sorted(outright.items())),
        "checkpoints": checkpoints,
        "checkpoints_reached": {
            str(k): int((counts == k).sum()) for k in range(len(spec.checkpoints) + 1)
        },
        "first_divergence": first_divergence(spec, result.reached),
    }
