"""``python -m game sensitivity``: the design from the command line and/or an analysis file,
checked before any game is played; the points played with a progress bar; the indices
written as CSV, JSON and a chart, and the most influential parameters printed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from game.analysis.commands import progress_bar
from game.analysis.dask_pool import Workers
from game.analysis.kept_points import KeptPoints, design_digest
from game.analysis.params import ParamError
from game.analysis.runs import Loaded
from game.analysis.sensitivity import (
    Design,
    FloatArray,
    Range,
    Work,
    analyse,
    check_ranges,
    csv_text,
    document,
    outcome_names,
    play_points,
    ranking,
    sample,
)
from game.fileio import write_atomic
from game.scenario.analysis_file import AnalysisFile, AnalysisRange

FILES = ("sensitivity.csv", "sensitivity.json", "sensitivity.png")
SHOWN = 5  # parameters printed per measure


@dataclass(frozen=True)
class Overrides:
    """Settings given on the command line (None: the analysis file's, else the default)."""

    method: str | None
    samples: int | None
    runs: int | None
    seed: int | None
    ai: str | None
    historicity: float | None
    checkpoints: tuple[str, ...]


def design_of(ranges: list[Range], analysis: AnalysisFile | None, given: Overrides) -> Design:
    """The design: the command line's settings over the file's over the defaults; the
    ranges given with ``--range`` replace the file's."""
    base = Design("sobol", (), 512, 100, 1, "standard", 1.0)
    if analysis is not None:
        file_ranges = [_range(r) for r in analysis.ranges]
        base = Design(analysis.method, tuple(file_ranges), analysis.samples, analysis.runs,
                      analysis.seed, analysis.ai, analysis.historicity,
                      tuple(analysis.checkpoints))  # fmt: skip
    chosen = {key: value for key, value in vars(given).items() if value not in (None, ())}
    design = replace(base, **chosen)
    return replace(design, ranges=tuple(ranges)) if ranges else design


def _range(r: AnalysisRange) -> Range:
    return Range(r.path, tuple(r.path.split(".")), r.low, r.high)


def check_design(loaded: Loaded, design: Design) -> None:
    """Every range names a number the scenario accepts at both bounds, and every chosen
    checkpoint exists; a ``ParamError`` says what is not."""
    if not design.ranges:
        raise ParamError("give at least one --range PATH=LOW,HIGH, or an --analysis file")
    check_ranges(loaded.source, list(design.ranges))
    known = [c.id for c in loaded.spec.checkpoints]
    for checkpoint in design.checkpoints:
        if checkpoint not in known:
            raise ParamError(f"--checkpoint {checkpoint}: no such checkpoint in the scenario")


def run_sensitivity(
    loaded: Loaded, design: Design, workers: Workers, folder: Path, quiet: bool
) -> dict[str, Any]:
    """Sample, play every point, analyse and write the three files; return the JSON
    document."""
    matrix = sample(design)
    ids = [c.id for c in loaded.spec.checkpoints]
    work = Work(
        loaded.source.model.model_dump(by_alias=True),
        str(loaded.path),
        design,
        matrix,
        tuple(ids.index(c) for c in design.checkpoints),
    )
    names = outcome_names(loaded.spec, design)
    folder.mkdir(parents=True, exist_ok=True)
    digest = design_digest(asdict(design), loaded.sha256)
    kept = KeptPoints(folder, digest, len(matrix), len(names))
    todo = kept.remaining()
    if not quiet:
        resumed = len(matrix) - len(todo)
        print(f"{design.method}: {len(matrix)} points x {design.runs} runs, "
              f"{len(design.ranges)} parameters and a dummy"
              + (f"; {resumed} points kept from an earlier run" if resumed else ""))  # fmt: skip
    with progress_bar(len(todo), quiet, unit="point") as advance:

        def finished(index: int, row: FloatArray) -> None:
            kept.add(index, row)
            advance(1)

        try:
            play_points(work, todo, workers, finished)
        finally:
            kept.save()
    rows = analyse(design, matrix, kept.rows, names)
    result = document(design, str(loaded.path), loaded.sha256, names, rows, kept.rows)
    _write(folder, result, names)
    kept.finish()
    if not quiet:
        print(summary_text(result, names))
        print("\n".join(f"wrote {folder / name}" for name in FILES))
    return result


def _write(folder: Path, result: dict[str, Any], names: list[str]) -> None:
    import json

    from game.analysis.charts import sensitivity_chart

    write_atomic(folder / FILES[0], csv_text(result["indices"]))
    write_atomic(folder / FILES[1], json.dumps(result, indent=2, sort_keys=True) + "\n")
    shown = [n for n in names if n.startswith("win:") and n != "win:split"] + ["outright"]
    write_atomic(folder / FILES[2], sensitivity_chart(result, shown))


def summary_text(result: dict[str, Any], names: list[str]) -> str:
    """For each measure that varies: its most influential parameters, and the dummy's index
    beside them as the noise floor."""
    key = "ST" if result["method"] == "sobol" else "mu_star"
    lines = []
    for name in names:
        ranked = ranking(result["indices"], name, result["method"])
        if not ranked:
            lines.append(f"{name}: the same at every point")
            continue
        dummy = next(r for r in ranked if r["parameter"] == "dummy")
        top = [r for r in ranked if r["parameter"] != "dummy"][:SHOWN]
        shown = ", ".join(
            f"{r['parameter']} {r[key]:.3f} [{r[key + '_low']:.3f}, {r[key + '_high']:.3f}]"
            for r in top
        )
        lines.append(f"{name} ({key}): {shown}; dummy {dummy[key]:.3f}")
    return "\n".join(lines)
