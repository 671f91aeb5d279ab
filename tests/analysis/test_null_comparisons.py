"""A scenario compared with itself must rarely look different: over many comparisons of the
wide test scenario with itself on independent seeds, the share reporting any difference as
larger than chance after Holm's correction stays at or under the stated family-wise level."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from game.analysis.batch import BatchResult, RunConfig, run_batches
from game.analysis.compare import ALPHA, compare_results
from game.analysis.runs import load
from game.analysis.stats import holm
from game.engine.spec import GameSpec

WIDE = Path(__file__).resolve().parents[1] / "engine" / "data" / "wide.yaml"
COMPARISONS, RUNS = 100, 60  # comparisons, and runs per arm in each
# If the family-wise error rate is at most ALPHA = 0.05, the number of comparisons (of 100)
# with any significant difference is at most Binomial(100, 0.05); P(X >= 11) = 0.011, so a
# correct procedure passes "at most 10" with probability above 98.9%. The seeds are fixed, so
# the test is deterministic.
MOST_SIGNIFICANT = 10


@cache
def arms() -> tuple[GameSpec, BatchResult, BatchResult]:
    """The same scenario run with seed 101 and with seed 102, COMPARISONS * RUNS games each."""
    loaded = load(WIDE)
    configs = [
        RunConfig(str(WIDE), loaded.sha256, seed, COMPARISONS * RUNS, "standard", 1.0)
        for seed in (101, 102)
    ]
    base, other = run_batches([(loaded.spec, c) for c in configs], jobs=2)
    return loaded.spec, base, other


def _slice(result: BatchResult, k: int) -> BatchResult:
    part = slice(k * RUNS, (k + 1) * RUNS)
    return BatchResult(result.winner[part], result.outright[part], result.reached[part])


@pytest.mark.parametrize("paired", [False, True], ids=["independent", "paired-analysis"])
def test_a_scenario_against_itself_is_rarely_significant(paired: bool) -> None:
    """Each of 100 comparisons sets runs of seed 101 against runs of seed 102 (60 a side) and
    corrects its family of tests (winner shares, checkpoint rates, timings) with Holm at
    alpha 0.05; at most 10 of the 100 families may contain a significant difference. The
    paired analysis is also valid here (pairs of independent runs), so it must hold too."""
    spec, base, other = arms()
    flagged = 0
    p_values: list[float] = []
    for k in range(COMPARISONS):
        found = compare_results((spec, _slice(base, k)), (spec, _slice(other, k)), paired)
        family = [c.difference.p_value for c in found]
        p_values += family
        flagged += any(holm(family, ALPHA)[1])
    assert len(p_values) >= 10 * COMPARISONS  # the families are large enough to matter
    assert flagged <= MOST_SIGNIFICANT, f"{flagged} of {COMPARISONS} comparisons flagged"
    # The p-values are live, not stuck at 1: uncorrected, a few percent fall under 0.05 (the
    # tests are conservative where outcomes are rare), and never much more than 5%.
    uncorrected = float(np.mean(np.array(p_values) < ALPHA))
    assert 0.005 <= uncorrected <= 0.075, uncorrected


def test_the_same_seed_against_itself_finds_no_difference() -> None:
    """With common random numbers a scenario against itself gives identical runs: every
    difference is zero and none is significant."""
    spec, base, _ = arms()
    found = compare_results((spec, _slice(base, 0)), (spec, _slice(base, 0)), paired=True)
    assert all(c.difference.estimate == 0.0 for c in found)
    assert not any(holm([c.difference.p_value for c in found], ALPHA)[1])
    assert np.isclose(sum(c.base for c in found if c.measure == "winner"), 1.0)
