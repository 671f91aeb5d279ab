"""The comparison statistics against published values: Newcombe's paired and independent
intervals (Fagerland, Lydersen and Laake, Statistical Analysis of Contingency Tables, 2017,
whose examples the R package contingencytables reproduces), McNemar's mid-p test, Student's
paired and Welch's t on R's ``sleep`` data, and Holm's correction as R's ``p.adjust``."""

from __future__ import annotations

import numpy as np
import pytest

from game.analysis.differences import (
    independent_means,
    independent_proportions,
    mcnemar_mid_p,
    paired_means,
    paired_proportions,
)
from game.analysis.stats import holm

SLEEP_1 = np.array([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0])
SLEEP_2 = np.array([1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4])


def paired_table(
    both: int, base_only: int, other_only: int, neither: int
) -> tuple[np.ndarray, np.ndarray]:
    """(N,) outcomes of the two arms with the given 2x2 table of pairs."""
    base = [True] * (both + base_only) + [False] * (other_only + neither)
    other = [True] * both + [False] * base_only + [True] * other_only + [False] * neither
    return np.array(base), np.array(other)


def test_newcombe_paired_interval_matches_the_cavo_example() -> None:
    """Table [[59, 6], [16, 80]]: the book gives -0.0621 (-0.1186 to -0.0046) for first
    minus second; our difference is OTHER - BASE, so the signs flip."""
    result = paired_proportions(*paired_table(59, 6, 16, 80))
    assert result.estimate == pytest.approx(0.0621, abs=5e-5)
    assert (result.low, result.high) == pytest.approx((0.0046, 0.1186), abs=5e-5)


def test_newcombe_paired_interval_and_mcnemar_match_the_bentur_example() -> None:
    """Table [[1, 1], [7, 12]]: interval -0.507 to -0.026 (signs flip); McNemar's exact
    p = 0.0703 and mid-p = 0.0391 (from the binomial with 8 discordant pairs)."""
    result = paired_proportions(*paired_table(1, 1, 7, 12))
    assert (result.low, result.high) == pytest.approx((0.0256, 0.5069), abs=5e-4)
    assert result.p_value == pytest.approx(10 / 256, abs=1e-12)
    assert mcnemar_mid_p(7, 1) == mcnemar_mid_p(1, 7)


def test_mcnemar_without_discordant_pairs_finds_nothing() -> None:
    assert mcnemar_mid_p(0, 0) == 1.0
    same = paired_proportions(*paired_table(30, 0, 0, 70))
    assert same.estimate == 0.0 and same.p_value == 1.0 and same.low < 0.0 < same.high


def test_newcombe_independent_interval_matches_the_perondi_example() -> None:
    """7/34 against 1/34: 0.1765 (0.0189 to 0.3404); the pooled z test gives p = 0.0239
    (Pearson's chi-squared 5.1 on one degree of freedom)."""
    high = np.array([True] * 7 + [False] * 27)
    low = np.array([True] * 1 + [False] * 33)
    result = independent_proportions(low, high)
    assert result.estimate == pytest.approx(0.1765, abs=5e-5)
    assert (result.low, result.high) == pytest.approx((0.0189, 0.3404), abs=5e-5)
    assert result.p_value == pytest.approx(0.0239, abs=5e-4)


def test_paired_and_welch_t_match_r_on_the_sleep_data() -> None:
    """R: t.test(extra ~ group, sleep, paired = TRUE): p 0.002833, interval 0.7001 to 2.4599
    (signs flipped); Welch: p 0.07939, interval -0.2055 to 3.3655."""
    paired = paired_means(SLEEP_1, SLEEP_2)
    assert paired is not None
    assert paired.p_value == pytest.approx(0.002833, abs=1e-6)
    assert (paired.low, paired.high) == pytest.approx((0.7001142, 2.4598858), abs=1e-6)
    welch = independent_means(SLEEP_1, SLEEP_2)
    assert welch is not None
    assert welch.p_value == pytest.approx(0.07939, abs=1e-5)
    assert (welch.low, welch.high) == pytest.approx((-0.2054832, 3.3654832), abs=1e-6)


def test_means_need_two_values_and_equal_pairs_show_no_difference() -> None:
    assert paired_means(np.array([1.0]), np.array([2.0])) is None
    assert independent_means(np.array([1.0]), np.array([2.0, 3.0])) is None
    same = paired_means(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0]))
    assert same is not None and same.estimate == 0.0 and same.p_value == 1.0


def test_holm_matches_r_p_adjust() -> None:
    """p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02."""
    adjusted, rejected = holm([0.01, 0.04, 0.03, 0.005], 0.05)
    assert adjusted == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert rejected == [True, False, False, True]
    assert holm([], 0.05) == ([], [])


@pytest.mark.parametrize(("p1", "p2", "rho"), [(0.1, 0.1, 0.6), (0.5, 0.6, 0.3), (0.02, 0.05, 0.5)])
def test_paired_interval_covers_the_true_difference(p1: float, p2: float, rho: float) -> None:
    """Correlated pairs (a shared normal latent with correlation ``rho``) of known rates: over
    1500 samples of 300 pairs the interval holds p2 - p1 in 93-97.5% of them (Newcombe's
    method is built to be close to 95%, a little above for rare events)."""
    from scipy.stats import norm

    rng = np.random.default_rng(int(1000 * (p1 + p2 + rho)))
    samples, n = 1500, 300
    shared = rng.standard_normal((samples, n))
    noise = rng.standard_normal((2, samples, n))
    latent = np.sqrt(rho) * shared + np.sqrt(1 - rho) * noise
    base, other = latent[0] < norm.ppf(p1), latent[1] < norm.ppf(p2)
    covered = [
        (r := paired_proportions(b, o)).low <= p2 - p1 <= r.high
        for b, o in zip(base, other, strict=True)
    ]
    assert 0.93 <= float(np.mean(covered)) <= 0.975
