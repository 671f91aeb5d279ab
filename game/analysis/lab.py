"""What the window's lab compares and shows: two scenarios (BASE and OTHER) run on the same
seed, runs, policies and historicity as a paired comparison (``compare``'s design), then
each run's winner and first divergence from history in both arms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.analysis.batch import BatchResult, RunConfig, first_divergences
from game.analysis.compare import compare_summary
from game.analysis.runs import Loaded
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec

AI_CHOICES = (("standard", 1.0), ("historical", 0.8), ("historical", 1.0))


@dataclass(frozen=True)
class LabSetup:
    """One comparison as the lab screen chose it."""

    base: Loaded
    other: Loaded
    runs: int
    ai: str
    historicity: float
    seed: int

    def config(self, loaded: Loaded) -> RunConfig:
        return RunConfig(
            str(loaded.path), loaded.sha256, self.seed, self.runs, self.ai, self.historicity
        )

    def arms(self) -> list[tuple[GameSpec, RunConfig]]:
        """BASE and OTHER as ``run_batches`` takes them: same seed, so the runs are paired."""
        return [(a.spec, self.config(a)) for a in (self.base, self.other)]


@dataclass(frozen=True)
class RunRow:
    """One run in both arms: who won and the checkpoint where it first left history."""

    index: int
    winners: tuple[str, str]
    divergences: tuple[str, str]


def default_ai(other: Loaded) -> tuple[str, float]:
    """The policies a counterfactual states its claim under, else the standard AI."""
    counterfactual = other.source.model.counterfactual
    if counterfactual is None:
        return AI_CHOICES[0]
    return counterfactual.ai, counterfactual.historicity


def lab_summary(setup: LabSetup, results: list[BatchResult]) -> dict[str, Any]:
    """The paired comparison as ``compare --out`` writes it."""
    base, other = results
    return compare_summary(
        (setup.base.spec, setup.config(setup.base), base),
        (setup.other.spec, setup.config(setup.other), other),
        paired=True,
    )


def _winner(spec: GameSpec, winner: int) -> str:
    return "split" if winner == SPLIT else spec.faction_names[winner]


def _divergence(spec: GameSpec, checkpoint: int) -> str:
    return "never left history" if checkpoint < 0 else spec.checkpoints[checkpoint].title


def run_rows(setup: LabSetup, results: list[BatchResult]) -> list[RunRow]:
    """Every run of the comparison, in run order."""
    specs = (setup.base.spec, setup.other.spec)
    firsts = [first_divergences(s, r.reached) for s, r in zip(specs, results, strict=True)]
    return [
        RunRow(
            i,
            (
                _winner(specs[0], int(results[0].winner[i])),
                _winner(specs[1], int(results[1].winner[i])),
            ),
            (_divergence(specs[0], int(firsts[0][i])), _divergence(specs[1], int(firsts[1][i]))),
        )
        for i in range(setup.runs)
    ]
