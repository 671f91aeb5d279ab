"""The Wilson score interval: 95% coverage, bounds inside [0, 1], symmetry."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.analysis.stats import wilson_interval


@pytest.mark.parametrize("p", [0.01, 0.1, 0.5])
def test_wilson_interval_covers_the_true_rate_95_percent_of_the_time(p: float) -> None:
    """Over 2000 simulated batches of 200 runs with true rate p, the interval contains p in
    93-97% of them (95% nominal, within simulation error)."""
    n, samples = 200, 2000
    rng = np.random.default_rng(1000 + int(p * 1000))
    hits = rng.binomial(n, p, samples)
    covered = [lo <= p <= hi for lo, hi in (wilson_interval(int(k), n) for k in hits)]
    assert 0.93 <= float(np.mean(covered)) <= 0.97


@settings(max_examples=50, deadline=None)
@given(data=st.data(), n=st.integers(1, 100_000))
def test_wilson_bounds_are_ordered_inside_the_unit_interval(data: st.DataObject, n: int) -> None:
    """0 <= low <= k/n <= high <= 1, and the interval is symmetric about one half: the
    interval for n - k successes mirrors the one for k."""
    k = data.draw(st.integers(0, n))
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0
    assert low < high
    mirror_low, mirror_high = wilson_interval(n - k, n)
    assert mirror_low == pytest.approx(1.0 - high, abs=1e-12)
    assert mirror_high == pytest.approx(1.0 - low, abs=1e-12)


def test_wilson_interval_narrows_with_more_trials() -> None:
    """The same observed rate gives a narrower interval from more trials; no trials give the
    whole unit interval."""
    widths = [hi - lo for lo, hi in (wilson_interval(n // 4, n) for n in (40, 400, 4000))]
    assert widths[0] > widths[1] > widths[2]
    assert wilson_interval(0, 0) == (0.0, 1.0)


@pytest.mark.parametrize("n", [10, 66, 3, 6])
def test_wilson_interval_contains_an_observed_rate_of_zero_or_one(n: int) -> None:
    """With no successes the interval starts at 0; with all successes it ends at 1 (found
    broken by rounding: 0.9999999999999999 for n = 10 and 66, above 0 for n = 3 and 6)."""
    assert wilson_interval(0, n)[0] == 0.0
    assert wilson_interval(n, n)[1] == 1.0
