"""Run many games of one scenario and summarise them against history.

Runs are split into chunks and spread over worker processes; since every game's chances come
from (seed, run index), the results are the same whatever the number of jobs or chunks.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from dataclasses import dataclass
from itertools import pairwise
from multiprocessing import get_context
from multiprocessing.sharedctypes import Synchronized
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
CHUNK = 5000
POLL_SECONDS = 0.2
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
KEEP_BYTES = 32 * 1024 * 1024


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
    spec: GameSpec,
    seed: int,
    runs: IntArray,
    ai: str,
    historicity: float,
    on_turn: Callable[[], None] | None = None,
) -> BatchResult:
    """Play the games ``runs`` of ``seed`` to the end, as one batch; ``on_turn`` is called
    after every quarter."""
    state = initial_state(spec, seed, runs)
    tick = None if on_turn is None else (lambda _state: on_turn())
    play(spec, state, parse_ai(ai, spec.factions, historicity).choose_all, on_turn=tick)
    outcome = decide(spec, state)
    return BatchResult(outcome.winner, outcome.outright, state.reached)


def chunk_bounds(runs: int, jobs: int) -> list[tuple[int, int]]:
    """Split runs 0..N-1 into even chunks: one per job, more if a chunk would exceed
    ``CHUNK`` games (bigger batches are faster per game but cost memory)."""
    count = min(max(jobs, -(-runs // CHUNK)), max(runs, 1))
    edges = [round(i * runs / count) for i in range(count + 1)]
    return [(a, b) for a, b in pairwise(edges) if b > a]


_WORKER_SPEC: GameSpec | None = None
_WORKER_TURNS: Synchronized[int] | None = None


def _init_worker(spec: GameSpec, turns_done: Synchronized[int]) -> None:
    global _WORKER_SPEC, _WORKER_TURNS
    _WORKER_SPEC, _WORKER_TURNS = spec, turns_done


def _count_turn(games: int) -> None:
    assert _WORKER_TURNS is not None
    with _WORKER_TURNS.get_lock():
        _WORKER_TURNS.value += games


def _worker(seed: int, start: int, stop: int, ai: str, historicity: float) -> BatchResult:
    assert _WORKER_SPEC is not None
    runs = np.arange(start, stop)
    return run_chunk(_WORKER_SPEC, seed, runs, ai, historicity, lambda: _count_turn(stop - start))


def keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse instead of returning every large numpy
    temporary to the system: without it a batch spends a fifth of its time in page faults.
    Does nothing where the C library is not glibc."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(M_MMAP_THRESHOLD, KEEP_BYTES)
    libc.mallopt(M_TRIM_THRESHOLD, KEEP_BYTES)


def run_batch(
    spec: GameSpec,
    config: RunConfig,
    jobs: int | None = None,
    progress: Callable[[float], None] | None = None,
) -> BatchResult:
    """Play runs 0..N-1 over ``jobs`` processes (default: all cores). ``progress`` is told
    how many games' worth of quarters have been played since it was last called."""
    keep_freed_memory()
    jobs = max(1, jobs or os.cpu_count() or 1)
    bounds = chunk_bounds(config.runs, jobs)
    per_game = 1.0 / spec.turns
    if jobs == 1 or len(bounds) == 1:
        parts = []
        for start, stop in bounds:
            tick = None if progress is None else (lambda n=stop - start: progress(n * per_game))
            runs = np.arange(start, stop)
            parts.append(run_chunk(spec, config.seed, runs, config.ai, config.historicity, tick))
        return _concat(parts)
    context = get_context("fork")
    turns_done = context.Value("q", 0)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(spec, turns_done)
    ) as pool:
        futures = [
            pool.submit(_worker, config.seed, s, e, config.ai, config.historicity)
            for s, e in bounds
        ]
        reported = 0
        while not all(f.done() for f in futures):
            wait(futures, timeout=POLL_SECONDS, return_when=FIRST_EXCEPTION)
            if progress is not None:
                now = turns_done.value
                progress((now - reported) * per_game)
                reported = now
        parts = [future.result() for future in futures]
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
