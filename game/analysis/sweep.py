"""One scenario parameter over a list or range of values: a batch per value, all through one
pool of workers and all with the same seed (so the values share their random draws and the
curves are smooth), written as a CSV table, a JSON file and PNG charts."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.analysis.batch import RunConfig, run_batches, summarise
from game.analysis.dask_pool import Workers
from game.analysis.params import Param, Value, variant
from game.analysis.stats import wilson_interval
from game.engine.spec import GameSpec
from game.fileio import write_atomic
from game.scenario.compile import compile_scenario
from game.scenario.loader import LoadedScenario

CSV_COLUMNS = ("value", "kind", "id", "title", "count", "runs", "rate", "ci_low", "ci_high")


@dataclass(frozen=True)
class SweepPoint:
    """One value of the parameter and its batch summary."""

    value: Value
    summary: dict[str, Any]


def prepare(source: LoadedScenario, param: Param) -> list[tuple[Value, str, GameSpec]]:
    """Every value's scenario, validated and compiled before any game is played (a bad value
    raises ``ParamError`` at once): (value, the variant's sha256, its spec)."""
    prepared = []
    for value in param.values:
        loaded = variant(source, param, value)
        prepared.append((value, loaded.sha256, compile_scenario(loaded.model)))
    return prepared


def run_sweep(
    scenario: str,
    prepared: list[tuple[Value, str, GameSpec]],
    config: RunConfig,
    jobs: Workers,
    progress: Callable[[float], None] | None = None,
) -> list[SweepPoint]:
    """Play ``config.runs`` runs of each value with ``config.seed`` and summarise each."""
    arms = [
        (spec, RunConfig(scenario, sha, config.seed, config.runs, config.ai, config.historicity))
        for _, sha, spec in prepared
    ]
    results = run_batches(arms, jobs, progress)
    return [
        SweepPoint(value, summarise(spec, arm_config, result))
        for (value, _, _), (spec, arm_config), result in zip(prepared, arms, results, strict=True)
    ]


def table(points: list[SweepPoint]) -> list[dict[str, Any]]:
    """The sweep in long form: one row per value and measure (each faction's wins, a split,
    each checkpoint reached), with its count, rate and 95% Wilson interval."""
    rows = []
    for point in points:
        summary, runs = point.summary, point.summary["runs"]
        measures = [("winner", name, name, count) for name, count in summary["winners"].items()]
        measures += [
            ("checkpoint", c["id"], c["title"], round(c["rate"] * runs))
            for c in summary["checkpoints"]
        ]
        for kind, ident, title, count in measures:
            low, high = wilson_interval(count, runs)
            rows.append(
                {
                    "value": point.value,
                    "kind": kind,
                    "id": ident,
                    "title": title,
                    "count": count,
                    "runs": runs,
                    "rate": round(count / runs, 6),
                    "ci_low": round(low, 6),
                    "ci_high": round(high, 6),
                }
            )
    return rows


def write_sweep(folder: Path, param: Param, points: list[SweepPoint]) -> list[Path]:
    """``sweep.csv``, ``sweep.json``, ``winners.png`` and ``checkpoints.png`` in ``folder``."""
    from game.analysis.charts import sweep_checkpoints_chart, sweep_winners_chart

    rows = table(points)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    paths = [
        folder / name for name in ("sweep.csv", "sweep.json", "winners.png", "checkpoints.png")
    ]
    document = {
        "kind": "sweep",
        "param": param.text,
        "path": ".".join(param.path),
        "values": [p.value for p in points],
        "batches": [p.summary for p in points],
    }
    write_atomic(paths[0], buffer.getvalue())
    write_atomic(paths[1], json.dumps(document, indent=2, sort_keys=True) + "\n")
    write_atomic(paths[2], sweep_winners_chart(param.text, points))
    write_atomic(paths[3], sweep_checkpoints_chart(param.text, points))
    return paths
