"""Differences between two arms of runs (OTHER minus BASE), each with a 95% confidence interval
and a two-sided p-value, for a paired design (run i of both arms shares its random draws) or
for independent samples.

Binary outcomes (who won, whether a checkpoint was reached) use Newcombe's square-and-add
intervals built from Wilson intervals: method 10 of Newcombe (1998, Stat Med 17:2635) for
paired data, with the correlation of the pairs; the hybrid score interval of Newcombe (1998,
Stat Med 17:873) for independent samples. Their p-values come from McNemar's mid-p test (paired)
and the pooled two-proportion z test (independent). Means (the timing of a checkpoint) use the
paired t test on runs where both arms reached it, or Welch's t test.

SciPy's statistics are imported by the functions that use them: loading them takes about a
second, which every ``simulate`` (which never compares arms) would otherwise pay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.analysis.stats import wilson_interval

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
LEVEL = 0.95  # of every interval here, as of the Wilson intervals they are built from


@dataclass(frozen=True)
class Difference:
    """OTHER minus BASE: the estimate, its 95% interval, the two-sided p-value, and how many
    runs (pairs for a paired design) it rests on."""

    estimate: float
    low: float
    high: float
    p_value: float
    n: int


def paired_proportions(base: BoolArray, other: BoolArray) -> Difference:
    """(N,) and (N,): run i's outcome in each arm. Newcombe's method 10 interval and McNemar's
    mid-p test, which read only the runs where the arms disagree."""
    n = len(base)
    both = int((base & other).sum())
    base_only = int((base & ~other).sum())
    other_only = int((~base & other).sum())
    neither = n - both - base_only - other_only
    p1, p2 = (both + base_only) / n, (both + other_only) / n
    l1, u1 = wilson_interval(both + base_only, n)
    l2, u2 = wilson_interval(both + other_only, n)
    phi = _pair_correlation(both, other_only, base_only, neither)
    # The difference is p2 - p1: its lower end widens with p2's low side and p1's high side.
    low = (p2 - p1) - _root_sum(p2 - l2, u1 - p1, phi)
    high = (p2 - p1) + _root_sum(u2 - p2, p1 - l1, phi)
    return Difference(p2 - p1, low, high, mcnemar_mid_p(base_only, other_only), n)


def _pair_correlation(a: int, b: int, c: int, d: int) -> float:
    """Newcombe's continuity-corrected correlation of the 2x2 table [[a, b], [c, d]] (a: both
    arms yes, d: both no): 0 when a margin is empty or the cross-product difference is between
    0 and n/2, reduced by n/2 above it."""
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    if margins == 0:
        return 0.0
    cross, half = a * d - b * c, (a + b + c + d) / 2
    if cross > half:
        return (cross - half) / math.sqrt(margins)
    return 0.0 if cross >= 0 else cross / math.sqrt(margins)


def _root_sum(x: float, y: float, phi: float) -> float:
    """sqrt(x² + y² - 2·phi·x·y): the square-and-add half-width of correlated parts."""
    return math.sqrt(max(0.0, x * x + y * y - 2.0 * phi * x * y))


def mcnemar_mid_p(base_only: int, other_only: int) -> float:
    """McNemar's mid-p test of equal marginal rates from the discordant pairs: twice the lower
    binomial tail of the smaller count under p = 1/2, less the point probability; 1 if none."""
    from scipy import stats as sps

    k, m = min(base_only, other_only), base_only + other_only
    if m == 0:
        return 1.0
    tail = float(sps.binom.cdf(k, m, 0.5)) - 0.5 * float(sps.binom.pmf(k, m, 0.5))
    return min(1.0, 2.0 * tail)


def independent_proportions(base: BoolArray, other: BoolArray) -> Difference:
    """(N1,) and (N2,) outcomes of independent runs: Newcombe's hybrid score interval and the
    pooled two-proportion z test."""
    from scipy import stats as sps

    n1, n2 = len(base), len(other)
    k1, k2 = int(base.sum()), int(other.sum())
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson_interval(k1, n1)
    l2, u2 = wilson_interval(k2, n2)
    low = (p2 - p1) - _root_sum(p2 - l2, u1 - p1, 0.0)
    high = (p2 - p1) + _root_sum(u2 - p2, p1 - l1, 0.0)
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    p_value = 1.0 if se == 0.0 else float(2.0 * sps.norm.sf(abs(p2 - p1) / se))
    return Difference(p2 - p1, low, high, p_value, n1 + n2)


def paired_means(base: FloatArray, other: FloatArray) -> Difference | None:
    """(N,) and (N,) paired values: the mean of the differences with the paired t test and its
    interval. None with fewer than two pairs. Identical differences (no spread) give an
    interval of width zero and p = 1 if they are all zero, else 0."""
    diffs = other - base
    n = len(diffs)
    if n < 2:
        return None
    mean, sd = float(diffs.mean()), float(diffs.std(ddof=1))
    if sd == 0.0:
        return Difference(mean, mean, mean, 1.0 if mean == 0.0 else 0.0, n)
    return _t_difference(mean, sd / math.sqrt(n), n - 1, n)


def independent_means(base: FloatArray, other: FloatArray) -> Difference | None:
    """(N1,) and (N2,) values of independent runs: the difference of means with Welch's t
    test and interval. None unless each arm has two values and some spread."""
    n1, n2 = len(base), len(other)
    if n1 < 2 or n2 < 2:
        return None
    v1, v2 = float(base.var(ddof=1)) / n1, float(other.var(ddof=1)) / n2
    mean = float(other.mean() - base.mean())
    if v1 + v2 == 0.0:
        return Difference(mean, mean, mean, 1.0 if mean == 0.0 else 0.0, n1 + n2)
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    return _t_difference(mean, math.sqrt(v1 + v2), df, n1 + n2)


def _t_difference(mean: float, se: float, df: float, n: int) -> Difference:
    """A mean difference with standard error ``se`` on ``df`` degrees of freedom."""
    from scipy import stats as sps

    half = float(sps.t.ppf(0.5 + 0.5 * LEVEL, df)) * se
    p_value = float(2.0 * sps.t.sf(abs(mean) / se, df))
    return Difference(mean, mean - half, mean + half, p_value, n)
