"""Batches from Python: ``simulate`` and ``compare`` play what the commands of the same names
play (``game.analysis.commands``), and hand back the results instead of printing them: the
summary ``--out`` writes, as a dictionary or the same JSON text, and the runs ``--csv`` writes,
as a pandas DataFrame."""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.analysis.batch import RunConfig
from game.analysis.commands import compared, simulated, summary_json
from game.analysis.csvout import RunTable, columns, runs_csv
from game.api import checks
from game.api.scenario import Scenario, scenario_of

if TYPE_CHECKING:
    from pandas import DataFrame  # type: ignore[import-untyped, import-not-found, unused-ignore]

DATA_EXTRA = "heirs-of-lenin[data]"
NUMBER_COLUMNS = frozenset({"seed", "run", "historicity", "outright", "checkpoints_reached"})


@dataclass(frozen=True, eq=False, repr=False)
class _Results:
    """A summary with the per-run tables it was made from."""

    summary: dict[str, Any]
    tables: list[RunTable]

    def to_json(self) -> str:
        """The summary as ``--out`` writes it: the same bytes for the same arguments."""
        return summary_json(self.summary)

    def to_pandas(self) -> DataFrame:
        """One row per run, the columns ``--csv`` writes: numbers for ``seed``, ``run``,
        ``historicity``, ``outright`` (1/0) and ``checkpoints_reached``, text for the others
        (a checkpoint's quarter, missing where never reached). Needs pandas:
        ``pip install 'heirs-of-lenin[data]'``."""
        try:
            pandas = import_module("pandas")
        except ImportError:
            raise ImportError(
                f"to_pandas() needs pandas, which is not installed: pip install '{DATA_EXTRA}'"
            ) from None
        text = {c: "string" for c in columns(self.tables) if c not in NUMBER_COLUMNS}
        return pandas.read_csv(io.StringIO(runs_csv(self.tables)), dtype=text)


@dataclass(frozen=True, eq=False, repr=False)
class Batch(_Results):
    """The runs of one scenario: who won (``winners``, ``outright``: counts by faction id,
    and ``split``), the checkpoints of history (``checkpoints``: one dictionary each, with
    its rate, on-time rate, interval and timing) and the recorded votes beside the model
    (``recorded_votes``); ``summary`` is the whole ``--out`` document."""

    @property
    def runs(self) -> int:
        return int(self.summary["runs"])

    @property
    def winners(self) -> dict[str, int]:
        return dict(self.summary["winners"])

    @property
    def outright(self) -> dict[str, int]:
        return dict(self.summary["outright_winners"])

    @property
    def checkpoints(self) -> list[dict[str, Any]]:
        return list(self.summary["checkpoints"])

    @property
    def recorded_votes(self) -> list[dict[str, Any]]:
        return list(self.summary["recorded_votes"])

    def __repr__(self) -> str:
        s = self.summary
        return f"Batch({s['scenario']!r}, runs={s['runs']}, seed={s['seed']}, ai={s['ai']!r})"


@dataclass(frozen=True, eq=False, repr=False)
class Comparison(_Results):
    """Two scenarios run side by side, as ``compare`` runs them: ``summary`` is the
    ``--out`` document (both arms' summaries, the design, and ``comparisons``: every
    difference OTHER - BASE with its interval and Holm-corrected p-value); ``to_pandas()``
    has both arms' runs, told apart by the ``arm`` column."""

    @property
    def base(self) -> dict[str, Any]:
        return dict(self.summary["base"])

    @property
    def other(self) -> dict[str, Any]:
        return dict(self.summary["other"])

    @property
    def comparisons(self) -> list[dict[str, Any]]:
        return list(self.summary["comparisons"])

    def __repr__(self) -> str:
        base, other = self.base, self.other
        return (
            f"Comparison({base['scenario']!r}, {other['scenario']!r}, runs={base['runs']}, "
            f"seed={base['seed']}, {self.summary['design']})"
        )


def simulate(
    scenario: Scenario | str | Path | None = None,
    *,
    runs: int = 1000,
    seed: int = 1,
    ai: str = "standard",
    historicity: float = 1.0,
    jobs: int | None = None,
    dask: str | None = None,
) -> Batch:
    """Play ``runs`` games of ``scenario`` (a ``Scenario``, a file, or None: the campaign),
    as ``simulate`` does with the same flags: the same numbers, whatever ``jobs`` (worker
    processes; None: every core) or ``dask`` (a scheduler's address, or ``local``). ``ai``
    is ``--ai``'s text. Bad values raise ValueError."""
    chosen = scenario_of(scenario)
    config = _config(chosen, runs, seed, ai, historicity)
    summary, tables = simulated(chosen.loaded, config, checks.jobs(jobs, dask))
    return Batch(summary, tables)


def compare(
    base: Scenario | str | Path | None,
    other: Scenario | str | Path,
    *,
    runs: int = 1000,
    seed: int = 1,
    ai: str = "standard",
    historicity: float = 1.0,
    independent: bool = False,
    jobs: int | None = None,
    dask: str | None = None,
) -> Comparison:
    """Run BASE and OTHER as ``compare`` does: with common random numbers (run i of both arms
    draws from (seed, i)) and a paired analysis, or with ``independent`` OTHER on seed + 1
    and an unpaired one. Bad values raise ValueError."""
    first, second = scenario_of(base), scenario_of(other)
    config = _config(first, runs, seed, ai, historicity)
    checks.ai(ai, second.factions, config.historicity)
    summary, tables = compared(
        first.loaded, second.loaded, config, bool(independent), checks.jobs(jobs, dask)
    )
    return Comparison(summary, tables)


def _config(scenario: Scenario, runs: int, seed: int, ai: str, historicity: float) -> RunConfig:
    """The batch's identity, every argument checked as the command line checks its flags."""
    share = checks.historicity(historicity)
    checks.ai(ai, scenario.factions, share)
    return RunConfig(
        str(scenario.path), scenario.sha256, checks.seed(seed), checks.runs(runs), ai, share
    )
