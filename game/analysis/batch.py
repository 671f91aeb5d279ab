"""Run many games of one scenario and summarise them against history.

Runs are split into chunks and spread over worker processes; since every game's chances come
from (seed, run index), the results are the same whatever the number of jobs or chunks.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from multiprocessing import get_context
from multiprocessing.sharedctypes import Synchronized
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game import __version__
from game.ai.policies import parse_ai
from game.analysis.dask_pool import Dask, Workers, dask_map
from game.analysis.pool import run_in_workers
from game.analysis.recorded import Tallies, summarise_votes, tallies_of
from game.analysis.stats import wilson_interval
from game.engine.credit import CheckpointTracer
from game.engine.outcome import SPLIT, decide
from game.engine.spec import GameSpec
from game.engine.state import initial_state
from game.engine.turn import play

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

ON_TIME_QUARTERS = 2
CHUNK = 5000
DASK_CHUNK = 1000  # games a Dask task plays: small enough to spread, big enough to batch
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
    trace: bool = False  # credit each checkpoint to its cause (``game.engine.credit``)


@dataclass
class BatchResult:
    """Per-run results, in run-index order. Shapes (N,) or (N, C)."""

    winner: IntArray  # faction index or SPLIT
    outright: BoolArray
    reached: IntArray  # turn each checkpoint was first reached, -1 never
    credit: IntArray | None = None  # traced batches: each checkpoint's cause, -1 never reached
    tallies: Tallies | None = None  # the recorded votes' tallies, (N, V) each


def run_chunk(
    spec: GameSpec,
    seed: int,
    runs: IntArray,
    ai: str,
    historicity: float,
    on_turn: Callable[[], None] | None = None,
    trace: bool = False,
) -> BatchResult:
    """Play the games ``runs`` of ``seed`` to the end, as one batch; ``on_turn`` is called
    after every quarter. With ``trace``, each checkpoint is credited to its cause."""
    state = initial_state(spec, seed, runs)
    tick = None if on_turn is None else (lambda _state: on_turn())
    tracer = CheckpointTracer(spec, state.batch) if trace else None
    choose = parse_ai(ai, spec.factions, historicity).choose_all
    play(spec, state, choose, on_turn=tick, tracer=tracer)
    outcome = decide(spec, state)
    credit = None if tracer is None else tracer.credit
    tallies = tallies_of(spec, state)
    return BatchResult(outcome.winner, outcome.outright, state.reached, credit, tallies)


def chunk_bounds(runs: int, jobs: int) -> list[tuple[int, int]]:
    """Split runs 0..N-1 into even chunks: one per job, more if a chunk would exceed
    ``CHUNK`` games (bigger batches are faster per game but cost memory)."""
    count = min(max(jobs, -(-runs // CHUNK)), max(runs, 1))
    edges = [round(i * runs / count) for i in range(count + 1)]
    return [(a, b) for a, b in pairwise(edges) if b > a]


Chunks = list[tuple[int, int, int]]  # (arm, first run, run after the last)


def _play_chunk(
    arms: Sequence[tuple[GameSpec, RunConfig]],
    chunks: Chunks,
    games_done: Synchronized[float] | None,
    index: int,
) -> BatchResult:
    """In a worker: play chunk ``index``, adding each quarter's share of its games to
    ``games_done`` (shared with the parent, which reads it for the progress bar), if given."""
    arm, start, stop = chunks[index]
    spec, config = arms[arm]
    tick = None
    if games_done is not None:
        tick = partial(_count_turn, games_done, (stop - start) / spec.turns)
    runs = np.arange(start, stop)
    return run_chunk(spec, config.seed, runs, config.ai, config.historicity, tick, config.trace)


def _dask_chunk(
    shared: tuple[Sequence[tuple[GameSpec, RunConfig]], Chunks], index: int
) -> BatchResult:
    """On a Dask worker: play chunk ``index`` of the arms and chunks sent to every worker."""
    arms, chunks = shared
    return _play_chunk(arms, chunks, None, index)


def _count_turn(games_done: Synchronized[float], games: float) -> None:
    with games_done.get_lock():
        games_done.value += games


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
    jobs: Workers = None,
    progress: Callable[[float], None] | None = None,
) -> BatchResult:
    """Play runs 0..N-1 over ``jobs`` processes (default: all cores). ``progress`` is told
    how many games' worth of quarters have been played since it was last called."""
    return run_batches([(spec, config)], jobs, progress)[0]


def run_batches(
    arms: Sequence[tuple[GameSpec, RunConfig]],
    jobs: Workers = None,
    progress: Callable[[float], None] | None = None,
) -> list[BatchResult]:
    """Play several batches (the arms of a comparison, the values of a sweep) through one pool
    of ``jobs`` processes, so that no core waits between them, or on a Dask cluster; one
    result per arm. Ctrl-C or SIGTERM stops the workers at once (``run_in_workers``)."""
    keep_freed_memory()
    if isinstance(jobs, Dask):
        return _run_on_dask(jobs, arms, progress)
    jobs = max(1, jobs or os.cpu_count() or 1)
    per_arm = -(-jobs // max(1, len(arms)))  # enough chunks to keep every worker busy
    chunks = [
        (arm, start, stop)
        for arm, (_, config) in enumerate(arms)
        for start, stop in chunk_bounds(config.runs, per_arm)
    ]
    if jobs == 1 or len(chunks) == 1:
        return _run_here(arms, chunks, progress)
    games_done = get_context("fork").Value("d", 0.0)
    reported = 0.0

    def report() -> None:  # the quarters played since the last report
        nonlocal reported
        if progress is not None:
            now = games_done.value
            progress(now - reported)
            reported = now

    work = partial(_play_chunk, arms, chunks, games_done)
    parts = run_in_workers(jobs, work, len(chunks), report)
    report()
    return _gather(len(arms), chunks, parts)


def _run_on_dask(
    target: Dask,
    arms: Sequence[tuple[GameSpec, RunConfig]],
    progress: Callable[[float], None] | None,
) -> list[BatchResult]:
    """The arms in chunks of at most ``DASK_CHUNK`` games, one Dask task each."""
    chunks = [
        (arm, start, stop)
        for arm, (_, config) in enumerate(arms)
        for start, stop in chunk_bounds(config.runs, -(-config.runs // DASK_CHUNK))
    ]

    def done(index: int, _part: BatchResult) -> None:
        if progress is not None:
            progress(chunks[index][2] - chunks[index][1])

    parts = dask_map(target, _dask_chunk, (list(arms), chunks), len(chunks), done)
    return _gather(len(arms), chunks, parts)


def _run_here(
    arms: Sequence[tuple[GameSpec, RunConfig]],
    chunks: list[tuple[int, int, int]],
    progress: Callable[[float], None] | None,
) -> list[BatchResult]:
    """The chunks played one after another in this process."""
    parts = []
    for arm, start, stop in chunks:
        spec, config = arms[arm]
        share = (stop - start) / spec.turns
        tick = None if progress is None else (lambda share=share: progress(share))
        runs = np.arange(start, stop)
        parts.append(
            run_chunk(spec, config.seed, runs, config.ai, config.historicity, tick, config.trace)
        )
    return _gather(len(arms), chunks, parts)


def _gather(
    count: int, chunks: list[tuple[int, int, int]], parts: list[BatchResult]
) -> list[BatchResult]:
    """Each arm's chunks joined in run order (chunks are listed arm by arm, runs ascending)."""
    return [
        _concat([part for (arm, _, _), part in zip(chunks, parts, strict=True) if arm == index])
        for index in range(count)
    ]


def _concat(parts: list[BatchResult]) -> BatchResult:
    credits = [p.credit for p in parts if p.credit is not None]
    return BatchResult(
        np.concatenate([p.winner for p in parts]),
        np.concatenate([p.outright for p in parts]),
        np.concatenate([p.reached for p in parts]),
        np.concatenate(credits) if len(credits) == len(parts) else None,
        Tallies.concat([p.tallies for p in parts if p.tallies is not None]),
    )


def on_time(spec: GameSpec, reached: IntArray) -> BoolArray:
    """(N, C): reached within two quarters of the real date."""
    due = np.array([c.turn for c in spec.checkpoints])
    return (reached >= 0) & (np.abs(reached - due[None, :]) <= ON_TIME_QUARTERS)  # type: ignore[no-any-return]


def by_date(spec: GameSpec) -> list[int]:
    """Checkpoint indices in order of real date (ties in file order)."""
    return sorted(range(len(spec.checkpoints)), key=lambda c: (spec.checkpoints[c].date, c))


def first_divergences(spec: GameSpec, reached: IntArray) -> IntArray:
    """(N,): the checkpoint at which each run first left history, the earliest (by real date)
    not reached on time; -1 for runs that never left it."""
    order = by_date(spec)
    if not order:
        return np.full(len(reached), -1, dtype=np.int64)
    late = ~on_time(spec, reached)[:, order]
    positions = np.argmax(late, axis=1)
    return np.where(late.any(axis=1), np.array(order, dtype=np.int64)[positions], -1)


def first_divergence(spec: GameSpec, reached: IntArray) -> dict[str, int]:
    """How many runs first left history at each checkpoint (see ``first_divergences``), in
    order of real date. Runs that never left it count under ``none``."""
    counts = {spec.checkpoints[c].id: 0 for c in by_date(spec)}
    counts["none"] = 0
    for c in first_divergences(spec, reached):
        counts["none" if c < 0 else spec.checkpoints[c].id] += 1
    return counts


def summarise(spec: GameSpec, config: RunConfig, result: BatchResult) -> dict[str, Any]:
    """The batch as a JSON-ready dictionary (the ``--out`` file). Each checkpoint carries,
    besides its rates, how many runs first reached it in each quarter (``reached_by_quarter``,
    one count per quarter of ``quarters``), its sources and note, for reports and charts."""
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
                "quarter": spec.quarter_labels[checkpoint.turn],
                "description": checkpoint.description,
                "sources": list(checkpoint.sources),
                "note": checkpoint.note,
                "rate": float(hit.mean()),
                "on_time_rate": float(timely[:, c].mean()),
                "ci": [round(low, 6), round(high, 6)],
                "mean_offset_quarters": float(offsets.mean()) if offsets.size else None,
                "reached_by_quarter": np.bincount(
                    result.reached[hit, c], minlength=spec.turns
                ).tolist(),
            }
        )
    counts = (result.reached >= 0).sum(axis=1)
    return {
        "kind": "batch",
        "scenario": config.scenario,
        "scenario_sha256": config.scenario_sha256,
        "version": __version__,
        "seed": config.seed,
        "runs": n,
        "ai": config.ai,
        "historicity": config.historicity,
        "quarters": list(spec.quarter_labels),
        "winners": dict(sorted(winners.items())),
        "outright_winners": dict(sorted(outright.items())),
        "checkpoints": checkpoints,
        "checkpoints_reached": {
            str(k): int((counts == k).sum()) for k in range(len(spec.checkpoints) + 1)
        },
        "first_divergence": first_divergence(spec, result.reached),
        "first_divergence_how": divergence_kinds(spec, result.reached),
        "faction_colours": dict(zip(spec.factions, spec.faction_colour, strict=True)),
        "recorded_votes": summarise_votes(spec, result.tallies) if result.tallies else [],
    }


def divergence_kinds(spec: GameSpec, reached: IntArray) -> dict[str, dict[str, int]]:
    """For each checkpoint where runs first left history: how many reached it too early, too
    late, or never."""
    diverged = first_divergences(spec, reached)
    kinds: dict[str, dict[str, int]] = {}
    for run, c in enumerate(diverged):
        if c < 0:
            continue
        turn = int(reached[run, c])
        how = "never" if turn < 0 else ("early" if turn < spec.checkpoints[c].turn else "late")
        counts = kinds.setdefault(spec.checkpoints[c].id, {"early": 0, "late": 0, "never": 0})
        counts[how] += 1
    return kinds
