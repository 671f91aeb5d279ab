"""Sensitivity analysis files (``scenarios/analyses/*.yaml``): which parameters to vary and
between which bounds (each with its source), the method, the sample size and the runs a
point. Read like scenario files: bounded safe YAML, strict models, every problem as
``file:line:col: path: message``; each range's path is checked against the scenario."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from game.boundary.refusal import Issue
from game.limits import MAX_AGENDA, MAX_PATH, MAX_RUNS
from game.scenario.errors import ScenarioError, locate
from game.scenario.loader import read_model
from game.scenario.models import Id, Strict, Title

Bound = Annotated[float, Field(ge=-1e15, le=1e15, allow_inf_nan=False)]


class AnalysisRange(Strict):
    """One parameter: a dotted scenario path (``sweep``'s syntax) and its bounds."""

    path: Annotated[str, Field(min_length=1, max_length=MAX_PATH)]
    low: Bound
    high: Bound
    source: str = Field(description="Where the bounds come from.")


class AnalysisFile(Strict):
    """A ready-made analysis; command-line options override its settings."""

    title: Title
    note: str | None = None
    method: Literal["sobol", "morris"] = "sobol"
    samples: Annotated[int, Field(gt=0, le=65536)] = 512
    runs: Annotated[int, Field(gt=0, le=MAX_RUNS)] = 100
    seed: Annotated[int, Field(ge=0, lt=2**63)] = 1
    ai: Annotated[str, Field(min_length=1, max_length=200)] = "standard"
    historicity: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    checkpoints: Annotated[list[Id], Field(max_length=MAX_AGENDA)] = Field(
        [], description="Checkpoints whose share of runs is measured too."
    )
    ranges: Annotated[list[AnalysisRange], Field(min_length=1, max_length=MAX_AGENDA)]


RangeCheck = Callable[[AnalysisRange], str | None]  # what is wrong with a range, None if fine


def load_analysis(path: Path, check: RangeCheck | None = None) -> AnalysisFile:
    """Load and check an analysis file; raise ``ScenarioError`` listing every problem: a
    range whose low is not below its high, and whatever ``check`` finds in a range (a path
    the scenario does not have), placed at that range's path."""
    name = str(path)
    analysis, root = read_model(path, AnalysisFile, "an analysis file")
    backwards = [
        locate(Issue(("ranges", i, "high"), f"must be above low ({r.low})"), root, name)
        for i, r in enumerate(analysis.ranges)
        if not r.low < r.high
    ]
    if backwards:
        raise ScenarioError(backwards)
    found = [(i, check(r)) for i, r in enumerate(analysis.ranges)] if check else []
    wrong = [locate(Issue(("ranges", i, "path"), m), root, name) for i, m in found if m]
    if wrong:
        raise ScenarioError(wrong)
    return analysis
