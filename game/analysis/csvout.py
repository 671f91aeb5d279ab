"""Per-run tables: one CSV row per game of a batch (or of both arms of a comparison), with the
quarter each checkpoint was reached, for analysis in a spreadsheet or a data-frame library."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.analysis.batch import BatchResult, RunConfig, first_divergences
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.fileio import write_atomic

RUN_COLUMNS = (
    "scenario",
    "seed",
    "run",
    "ai",
    "historicity",
    "winner",
    "outright",
    "checkpoints_reached",
    "first_divergence",
)


@dataclass(frozen=True)
class RunTable:
    """A batch's per-run results with what identifies them; ``arm`` names the side of a
    comparison (``base`` or ``other``), empty for a single batch."""

    spec: GameSpec
    config: RunConfig
    result: BatchResult
    arm: str = ""


def columns(tables: Sequence[RunTable]) -> list[str]:
    """The header: ``arm`` for a comparison, the run's identity and outcome, then one column
    per checkpoint id (those of the first table, then any only the others have)."""
    ids: dict[str, None] = {}
    for table in tables:
        ids.update(dict.fromkeys(c.id for c in table.spec.checkpoints))
    arm = ["arm"] if any(table.arm for table in tables) else []
    return [*arm, *RUN_COLUMNS, *ids]


def rows(table: RunTable) -> list[dict[str, str]]:
    """One dictionary per run, in run order. A checkpoint's cell is the quarter it was first
    reached (``1925Q4``), empty if never; ``first_divergence`` is the id of the earliest
    checkpoint not reached on time, empty if the run kept to history."""
    spec, config, result = table.spec, table.config, table.result
    diverged = first_divergences(spec, result.reached)
    out = []
    for run in range(len(result.winner)):
        winner = int(result.winner[run])
        row = {
            "arm": table.arm,
            "scenario": config.scenario,
            "seed": str(config.seed),
            "run": str(run),
            "ai": config.ai,
            "historicity": str(config.historicity),
            "winner": "split" if winner == SPLIT else spec.factions[winner],
            "outright": "1" if result.outright[run] else "0",
            "checkpoints_reached": str(int((result.reached[run] >= 0).sum())),
            "first_divergence": "" if diverged[run] < 0 else spec.checkpoints[diverged[run]].id,
        }
        for c, checkpoint in enumerate(spec.checkpoints):
            turn = int(result.reached[run, c])
            row[checkpoint.id] = spec.quarter_labels[turn] if turn >= 0 else ""
        out.append(row)
    return out


def write_runs_csv(path: Path, tables: Sequence[RunTable]) -> None:
    """Write every table's runs to ``path`` (atomically), one header for all; a single batch
    has no ``arm`` column."""
    write_atomic(path, runs_csv(tables))


def runs_csv(tables: Sequence[RunTable]) -> str:
    """Every table's runs as CSV text, one header for all (``write_runs_csv``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, columns(tables), restval="", extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for table in tables:
        writer.writerows(rows(table))
    return buffer.getvalue()
