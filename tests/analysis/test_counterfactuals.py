"""Every counterfactual scenario validates, runs, and moves the outcome it is about the way its
framing says, beyond chance, in a paired batch against the campaign it extends."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest

from game.analysis.batch import BatchResult, RunConfig, run_batch
from game.analysis.claims import judge, one_sided_p
from game.analysis.differences import Difference
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
        d = verdict.difference
        assert verdict.holds, (
            f"{verdict.label} {claim.direction}: {verdict.base_rate:.3f} -> "
            f"{verdict.other_rate:.3f}, CI {d.low:+.3f}..{d.high:+.3f}, p {verdict.p_value}"
        )


def test_one_sided_p_values_point_the_claimed_way() -> None:
    rise = Difference(0.1, 0.05, 0.15, 0.02, 100)
    assert one_sided_p(rise, "up") == pytest.approx(0.01)
    assert one_sided_p(rise, "down") == pytest.approx(0.99)
    fall = Difference(-0.1, -0.15, -0.05, 0.02, 100)
    assert one_sided_p(fall, "down") == pytest.approx(0.01)


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
