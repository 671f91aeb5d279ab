"""Which assumptions decide the succession: global sensitivity analysis of the scenario's
parameters with SALib.

Each parameter (a ``--range PATH=LOW,HIGH``, the ``sweep`` path syntax) is drawn uniformly
between its bounds. Sobol' (Saltelli's sampling, first-order and total indices, bootstrap
confidence intervals) or Morris (elementary effects, a cheap screen).

A ``dummy`` parameter is drawn beside them that changes no rule, only the dice: its value
picks the seed the point's runs are played with (``seed + floor(dummy * DICE)``). Its
indices are the share of the variance that R runs' sampling noise alone produces, the floor
under which no other index means anything. Both designs compare points that differ in one
parameter (Saltelli's A and AB_i, Morris's steps): unless that parameter is the dummy, the
two play the same runs 0..R-1 of the same seed (common random numbers), so their difference
is the parameter's effect, not the dice's. A point's scenario is made, validated and compiled
in the worker that plays it, one at a time: no list of every point's scenario is held.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.analysis.batch import run_chunk
from game.analysis.dask_pool import Dask, Workers, dask_map
from game.analysis.params import MAX_NUMBER, Param, ParamError, set_value, variant
from game.analysis.pool import run_in_workers
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.limits import MAX_SEED
from game.scenario.compile import compile_scenario
from game.scenario.loader import LoadedScenario, load_scenario_from_dict

FloatArray = NDArray[np.float64]

METHODS = ("sobol", "morris")
DUMMY = "dummy"
DICE = 1 << 20  # seeds the dummy chooses among
MORRIS_LEVELS = 4
RESAMPLES = 1000
_NUMBER = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")


@dataclass(frozen=True)
class Range:
    """A scenario parameter and the interval it is drawn from."""

    text: str  # the path as the user wrote it
    path: tuple[str, ...]
    low: float
    high: float

    @property
    def param(self) -> Param:
        return Param(self.text, self.path, ())


def parse_range(text: str) -> Range:
    """Read ``PATH=LOW,HIGH``; raise ``ParamError`` naming what is wrong."""
    name, sep, bounds = (part.strip() for part in text.partition("="))
    if not sep or not name or not bounds:
        raise ParamError(f"--range {text!r}: write it as PATH=LOW,HIGH, e.g. grip_base=0.3,0.8")
    parts = [part.strip() for part in bounds.split(",")]
    if len(parts) != 2 or not all(_NUMBER.match(part) for part in parts):
        raise ParamError(f"--range {name}: {bounds!r} is not two numbers LOW,HIGH")
    low, high = float(parts[0]), float(parts[1])
    if not max(abs(low), abs(high)) <= float(MAX_NUMBER):
        raise ParamError(f"--range {name}: the bounds are too large (at most {MAX_NUMBER:g})")
    if not low < high:
        raise ParamError(f"--range {name}: LOW ({parts[0]}) must be below HIGH ({parts[1]})")
    path = tuple(name.split("."))
    if any(not step for step in path):
        raise ParamError(f"--range {name}: empty step in the path")
    return Range(name, path, low, high)


def check_ranges(source: LoadedScenario, ranges: list[Range]) -> None:
    """Each range's path names a number in the scenario, and both bounds are values the
    scenario accepts there; a ``ParamError`` says which is not."""
    names = [r.text for r in ranges]
    for r in ranges:
        if names.count(r.text) > 1:
            raise ParamError(f"--range {r.text}: given twice")
        for value in (r.low, r.high):
            variant(source, r.param, value)


@dataclass(frozen=True)
class Design:
    """The analysis: what is varied, how it is sampled and what each point plays."""

    method: str
    ranges: tuple[Range, ...]
    samples: int  # Sobol': base samples N (N x (D + 2) points); Morris: trajectories
    runs: int
    seed: int
    ai: str
    historicity: float
    checkpoints: tuple[str, ...] = ()

    def problem(self) -> dict[str, Any]:
        """SALib's problem: the ranges and the dummy, each uniform on its bounds."""
        names = [r.text for r in self.ranges] + [DUMMY]
        bounds = [[r.low, r.high] for r in self.ranges] + [[0.0, 1.0]]
        return {"num_vars": len(names), "names": names, "bounds": bounds}

    def points(self) -> int:
        """How many points the design plays."""
        d = len(self.ranges) + 1
        return self.samples * (d + 2) if self.method == "sobol" else self.samples * (d + 1)


def sample(design: Design) -> FloatArray:
    """(P, D + 1): the points, one row each, the dummy last."""
    if design.method == "sobol":
        from SALib.sample import sobol

        return np.asarray(
            sobol.sample(
                design.problem(), design.samples, calc_second_order=False, seed=design.seed
            )
        )
    from SALib.sample import morris

    return np.asarray(
        morris.sample(design.problem(), design.samples, num_levels=MORRIS_LEVELS, seed=design.seed)
    )


def outcome_names(spec: GameSpec, design: Design) -> list[str]:
    """The measures taken at each point: each faction's win share, a split's share, the
    outright share, and the share of runs reaching each chosen checkpoint."""
    names = [f"win:{f}" for f in spec.factions] + ["win:split", "outright"]
    return names + [f"checkpoint:{c}" for c in design.checkpoints]


@dataclass(frozen=True)
class Work:
    """What every worker needs to play any point: the scenario's data, the design and the
    sample matrix (P, D + 1)."""

    data: dict[str, Any]
    origin: str
    design: Design
    matrix: FloatArray
    checkpoint_index: tuple[int, ...]


def point_spec(work: Work, index: int) -> GameSpec:
    """Point ``index``'s scenario, made from the data, validated and compiled."""
    data = copy.deepcopy(work.data)
    for r, value in zip(work.design.ranges, work.matrix[index], strict=False):
        set_value(data, r.param, float(value))
    loaded = load_scenario_from_dict(data, f"{work.origin} at point {index}")
    return compile_scenario(loaded.model)


def play_point(work: Work, index: int) -> FloatArray:
    """(K,): point ``index``'s measures (``outcome_names``) over its runs."""
    spec = point_spec(work, index)
    d = work.design
    seed = (d.seed + int(work.matrix[index, -1] * DICE)) % MAX_SEED
    result = run_chunk(spec, seed, np.arange(d.runs), d.ai, d.historicity)
    wins = np.bincount(np.where(result.winner == SPLIT, spec.n_factions, result.winner),
                       minlength=spec.n_factions + 1) / d.runs  # fmt: skip
    reached = (result.reached[:, list(work.checkpoint_index)] >= 0).mean(axis=0)
    return np.concatenate([wins, [result.outright.mean()], reached])


Finished = Callable[[int, FloatArray], None]  # a point's index and its measures (K,)


def _counted(work: Work, indices: list[int], rows: Any, done: Any, k: int, task: int) -> FloatArray:
    """In a local worker: play point ``indices[task]`` and put its measures in the shared
    ``rows`` (P x K doubles), then flag it in the shared ``done`` (P bytes)."""
    index = indices[task]
    answer = play_point(work, index)
    rows[index * k : (index + 1) * k] = answer.tolist()
    done[index] = 1
    return answer


def play_points(work: Work, indices: list[int], workers: Workers, finished: Finished) -> None:
    """Play the points ``indices`` over ``workers`` (local processes, None for every core,
    or a Dask cluster), telling ``finished`` of each point and its measures in this process
    as soon as it is known (so that the caller can keep them safe as they come)."""
    if isinstance(workers, Dask):
        dask_map(workers, _play_listed, (work, indices), len(indices),
                 lambda task, row: finished(indices[task], row))  # fmt: skip
        return
    jobs = workers or os.cpu_count() or 1
    if jobs == 1 or len(indices) == 1:
        for index in indices:
            finished(index, play_point(work, index))
        return
    k = len(outcome_count(work))
    context = get_context("fork")
    rows = context.RawArray("d", len(work.matrix) * k)
    done = context.RawArray("b", len(work.matrix))
    told: set[int] = set()

    def collect() -> None:
        for index in indices:
            if done[index] and index not in told:
                told.add(index)
                finished(index, np.array(rows[index * k : (index + 1) * k]))

    run_in_workers(jobs, partial(_counted, work, indices, rows, done, k), len(indices), collect)
    collect()


def _play_listed(shared: tuple[Work, list[int]], task: int) -> FloatArray:
    """On a Dask worker: play the point the task's place in the list names."""
    work, indices = shared
    return play_point(work, indices[task])


def outcome_count(work: Work) -> range:
    """The measures a point gives: one a faction and a split, the outright share, one a
    chosen checkpoint."""
    factions = len(work.data["factions"])
    return range(factions + 2 + len(work.checkpoint_index))


def analyse(
    design: Design, matrix: FloatArray, measures: FloatArray, names: list[str]
) -> list[dict[str, Any]]:
    """One row per measure and parameter (the dummy included): Sobol' S1 and ST with their
    95% bootstrap intervals, or Morris's mu* with its interval and sigma. A measure that does
    not vary over the points has no indices (its rows say so)."""
    problem = design.problem()
    rows: list[dict[str, Any]] = []
    for k, name in enumerate(names):
        y = measures[:, k]
        if np.ptp(y) == 0.0:
            rows += [{"measure": name, "parameter": p, "varies": False} for p in problem["names"]]
            continue
        indices = _indices(design, problem, matrix, y)
        for j, parameter in enumerate(problem["names"]):
            row: dict[str, Any] = {"measure": name, "parameter": parameter, "varies": True}
            row.update({key: round(float(value[j]), 6) for key, value in indices.items()})
            rows.append(row)
    return rows


def _indices(
    design: Design, problem: dict[str, Any], matrix: FloatArray, y: FloatArray
) -> dict[str, FloatArray]:
    """SALib's indices of one measure, each (D + 1,), with 95% intervals as low/high."""
    if design.method == "sobol":
        from SALib.analyze import sobol

        s = sobol.analyze(problem, y, calc_second_order=False, num_resamples=RESAMPLES,
                          conf_level=0.95, seed=design.seed)  # fmt: skip
        return {
            "S1": s["S1"], "S1_low": s["S1"] - s["S1_conf"], "S1_high": s["S1"] + s["S1_conf"],
            "ST": s["ST"], "ST_low": s["ST"] - s["ST_conf"], "ST_high": s["ST"] + s["ST_conf"],
        }  # fmt: skip
    from SALib.analyze import morris

    m = morris.analyze(problem, matrix, y, num_resamples=RESAMPLES, conf_level=0.95,
                       num_levels=MORRIS_LEVELS, seed=design.seed)  # fmt: skip
    return {
        "mu_star": np.asarray(m["mu_star"]),
        "mu_star_low": np.asarray(m["mu_star"]) - np.asarray(m["mu_star_conf"]),
        "mu_star_high": np.asarray(m["mu_star"]) + np.asarray(m["mu_star_conf"]),
        "sigma": np.asarray(m["sigma"]),
    }


CSV_COLUMNS = ("measure", "parameter", "varies")


def document(
    design: Design, scenario: str, sha256: str, names: list[str], rows: list[dict[str, Any]],
    measures: FloatArray,
) -> dict[str, Any]:  # fmt: skip
    """The analysis as a JSON-ready dictionary: the design, every index and each measure's
    mean and spread over the points."""
    return {
        "kind": "sensitivity",
        "scenario": scenario,
        "scenario_sha256": sha256,
        "method": design.method,
        "samples": design.samples,
        "points": int(measures.shape[0]),
        "runs_per_point": design.runs,
        "seed": design.seed,
        "ai": design.ai,
        "historicity": design.historicity,
        "ranges": [{"path": r.text, "low": r.low, "high": r.high} for r in design.ranges],
        "measures": {
            name: {
                "mean": round(float(measures[:, k].mean()), 6),
                "sd": round(float(measures[:, k].std()), 6),
            }
            for k, name in enumerate(names)
        },
        "indices": rows,
    }


def csv_text(rows: list[dict[str, Any]]) -> str:
    """The indices as CSV, one row per measure and parameter."""
    import csv
    import io

    columns = list(CSV_COLUMNS) + sorted({key for row in rows for key in row} - set(CSV_COLUMNS))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def ranking(rows: list[dict[str, Any]], measure: str, method: str) -> list[dict[str, Any]]:
    """The parameters of one measure, most influential first (by ST, or by mu*)."""
    key = "ST" if method == "sobol" else "mu_star"
    chosen = [row for row in rows if row["measure"] == measure and row["varies"]]
    return sorted(chosen, key=lambda row: -row[key])
