"""Test what a counterfactual scenario claims against the scenario it changes.

Both batches use the same seed, so run i of each arm draws the same random numbers (common
random numbers): the arms are paired, and each claim is judged on the per-run differences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.analysis.batch import BatchResult
from game.analysis.compare import wins_of
from game.analysis.differences import Difference, paired_proportions
from game.engine.spec import GameSpec
from game.scenario.models import Expectation

BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim, what the batches say about it, and whether it holds at level ``alpha``."""

    claim: Expectation
    label: str
    base_rate: float
    other_rate: float
    difference: Difference  # paired: Newcombe's interval, McNemar's mid-p
    p_value: float | None  # one-sided, in the claimed direction; None for 'same'
    holds: bool


def outcome(spec: GameSpec, result: BatchResult, claim: Expectation) -> BoolArray:
    """(N,): whether each run shows the outcome a claim is about."""
    if claim.measure == "checkpoint":
        ids = [c.id for c in spec.checkpoints]
        return result.reached[:, ids.index(str(claim.checkpoint))] >= 0
    wins = wins_of(spec, result, str(claim.faction or "split"))
    return wins & result.outright if claim.measure == "outright" else wins


def one_sided_p(difference: Difference, direction: str) -> float:
    """The two-sided p-value halved when the estimate points the claimed way ("up" or
    "down"), its complement when it points the other way."""
    half = difference.p_value / 2.0
    pointing = difference.estimate > 0 if direction == "up" else difference.estimate < 0
    return half if pointing else 1.0 - half


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
    base_hit, other_hit = outcome(base_spec, base, claim), outcome(other_spec, other, claim)
    difference = paired_proportions(base_hit, other_hit)
    rates = float(base_hit.mean()), float(other_hit.mean())
    if claim.direction == "same":
        holds = -claim.margin <= difference.low and difference.high <= claim.margin
        return ClaimVerdict(claim, label(claim), *rates, difference, None, holds)
    p = one_sided_p(difference, claim.direction)
    return ClaimVerdict(claim, label(claim), *rates, difference, p, p < alpha)
