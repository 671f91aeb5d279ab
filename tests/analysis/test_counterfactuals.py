"""Every counterfactual scenario validates, runs, and moves the outcome it is about the way its
framing says, beyond chance, in a paired batch against the campaign it extends."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from game.analysis.batch import BatchResult, RunConfig, run_batch
from game.analysis.claims import judge, one_sided_p, paired_difference
from game.analysis.runs import Loaded, load
from game.scenario.models import Expectation

ROOT = Path(__file__).resolve().parents[2]
COUNTERFACTUALS = sorted((ROOT / "scenarios" / "counterfactuals").glob("*.yaml"))
RUNS, SEED = 800, 1


@cache
def _loaded(path: Path) -> Loaded:
    return load(path)


@cache
def _batch(path: Path, ai: str, historicity: float) -> BatchResult:
    spec = _loaded(path).spec
    return run_batch(spec, RunConfig(str(path), "", SEED, RUNS, ai, historicity), jobs=2)


def test_there_are_at_least_six_counterfactuals() -> None:
    assert len(COUNTERFACTUALS) >= 6


@pytest.mark.parametrize("path", COUNTERFACTUALS, ids=lambda p: p.stem)
def test_the_counterfactual_moves_what_it_claims(path: Path) -> None:
    loaded = _loaded(path)
    claims = loaded.source.model.counterfactual
    assert claims is not None, f"{path.name} has no counterfactual: section"
    base_path = (path.parent / "../1922_succession.yaml").resolve()
    base = _batch(base_path, claims.ai, claims.historicity)
    other = _batch(path, claims.ai, claims.historicity)
    for claim in claims.expects:
        verdict = judge(claim, _loaded(base_path).spec, base, loaded.spec, other)
        r = verdict.result
        assert verdict.holds, (
            f"{verdict.label} {claim.direction}: {r.base_rate:.3f} -> {r.other_rate:.3f}, "
            f"CI {r.ci[0]:+.3f}..{r.ci[1]:+.3f}, p {verdict.p_value}"
        )


def test_a_paired_difference_uses_the_per_run_changes() -> None:
    base = np.array([True, True, False, False] * 25)
    other = np.array([True, False, False, True] * 25)
    result = paired_difference(base, other)
    assert result.difference == 0.0 and result.base_rate == result.other_rate == 0.5
    assert result.ci[0] < 0.0 < result.ci[1]
    moved = paired_difference(base, base | np.array([False, False, True, False] * 25))
    assert moved.difference == pytest.approx(0.25)
    assert moved.z > 5


def test_one_sided_p_values_point_the_claimed_way() -> None:
    assert one_sided_p(0.0, "up") == pytest.approx(0.5)
    assert one_sided_p(2.326, "up") == pytest.approx(0.01, abs=1e-4)
    assert one_sided_p(-2.326, "down") == pytest.approx(0.01, abs=1e-4)
    assert one_sided_p(2.326, "down") == pytest.approx(0.99, abs=1e-4)


def _splits(n: int, split: int) -> BatchResult:
    """A fake batch of ``n`` runs of which the first ``split`` ended in a split."""
    winner = np.where(np.arange(n) < split, -1, 0)
    return BatchResult(winner, np.zeros(n, bool), np.full((n, 1), -1))


def test_a_claim_of_no_change_needs_the_whole_interval_inside_its_margin() -> None:
    spec = _loaded(ROOT / "tests" / "scenario" / "minimal.yaml").spec
    same = Expectation(measure="split", direction="same", margin=0.05)
    up = Expectation(measure="split", direction="up")
    few, many = _splits(2000, 0), _splits(2000, 10)
    assert judge(same, spec, few, spec, many).holds
    assert not judge(same, spec, _splits(20, 0), spec, _splits(20, 2)).holds
    assert not judge(same, spec, few, spec, _splits(2000, 200)).holds
    assert judge(up, spec, few, spec, _splits(2000, 200)).holds
    assert not judge(up, spec, few, spec, _splits(2000, 3)).holds
