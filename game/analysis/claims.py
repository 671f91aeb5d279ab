"""Test what a counterfactual scenario claims against the scenario it changes.

Both batches use the same seed, so run i of each arm draws the same random numbers (common
random numbers): the arms are paired, and each claim is judged on the per-run differences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.analysis.batch import BatchResult
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.scenario.models import Expectation

BoolArray = NDArray[np.bool_]
Z_95 = 1.959963984540054


@dataclass(frozen=True)
class PairedDifference:
    """The mean of per-run differences (other minus base) of a yes/no outcome."""

    base_rate: float
    other_rate: float
    difference: float
    ci: tuple[float, float]  # 95%, normal approximation on the paired differences
    z: float


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim, what the batches say about it, and whether it holds at level ``alpha``."""

    claim: Expectation
    label: str
    result: PairedDifference
    p_value: float | None  # one-sided, in the claimed direction; None for 'same'
    holds: bool


def outcome(spec: GameSpec, result: BatchResult, claim: Expectation) -> BoolArray:
    """(N,): whether each run shows the outcome a claim is about."""
    if claim.measure == "split":
        return result.winner == SPLIT  # type: ignore[no-any-return]
    if claim.measure == "checkpoint":
        ids = [c.id for c in spec.checkpoints]
        return result.reached[:, ids.index(str(claim.checkpoint))] >= 0
    wins = result.winner == spec.factions.index(str(claim.faction))
    return wins & result.outright if claim.measure == "outright" else wins  # type: ignore[no-any-return]


def paired_difference(base: BoolArray, other: BoolArray) -> PairedDifference:
    """Compare two yes/no outcomes of the same runs, shapes (N,)."""
    d = other.astype(np.float64) - base.astype(np.float64)
    n = d.size
    mean = float(d.mean())
    se = float(d.std(ddof=1)) / math.sqrt(n) if n > 1 else 0.0
    z = mean / se if se > 0.0 else math.copysign(math.inf, mean) if mean else 0.0
    half = Z_95 * se
    return PairedDifference(
        float(base.mean()), float(other.mean()), mean, (mean - half, mean + half), z
    )


def one_sided_p(z: float, direction: str) -> float:
    """P(Z >= z) for a claimed rise, P(Z <= z) for a claimed fall."""
    signed = z if direction == "up" else -z
    return 0.5 * math.erfc(signed / math.sqrt(2.0))


def label(claim: Expectation) -> str:
    """A short name for the outcome a claim is about: 'outright:stalin', 'split'..."""
    subject = claim.faction or claim.checkpoint
    return claim.measure if subject is None else f"{claim.measure}:{subject}"


def judge(
    claim: Expectation,
    base_spec: GameSpec,
    base: BatchResult,
    other_spec: GameSpec,
    other: BatchResult,
    alpha: float = 0.01,
) -> ClaimVerdict:
    """Whether the paired batches bear the claim out: a change in the claimed direction with
    one-sided p below ``alpha``, or for 'same' a 95% interval inside the claim's margin."""
    result = paired_difference(outcome(base_spec, base, claim), outcome(other_spec, other, claim))
    if claim.direction == "same":
        low, high = result.ci
        holds = -claim.margin <= low and high <= claim.margin
        return ClaimVerdict(claim, label(claim), result, None, holds)
    p = one_sided_p(result.z, claim.direction)
    return ClaimVerdict(claim, label(claim), result, p, p < alpha)
