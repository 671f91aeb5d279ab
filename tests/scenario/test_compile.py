"""Compiling scenarios: growth periods and the calendar."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.scenario.compile import compile_scenario
from game.scenario.loader import load_scenario
from game.scenario.models import GrowthPeriod

MINIMAL = Path(__file__).resolve().parent / "minimal.yaml"


def _with_growth(periods: list[tuple[str, str, float]]) -> np.ndarray:  # type: ignore[type-arg]
    model = load_scenario(MINIMAL).model
    growth = [GrowthPeriod.model_validate({"from": a, "to": b, "rate": r}) for a, b, r in periods]
    membership = model.membership.model_copy(update={"growth": growth})
    return compile_scenario(model.model_copy(update={"membership": membership})).growth


def test_growth_periods_fill_their_own_turns_only() -> None:
    """A period sets exactly its quarters; one wholly before the start sets nothing."""
    growth = _with_growth([("1921Q1", "1921Q4", 0.3), ("1922Q3", "1922Q4", 0.05)])
    assert growth[0] == 0.0
    assert list(growth[1:3]) == [0.05, 0.05]
    assert (growth[3:] == 0.0).all()


def test_a_period_straddling_the_start_is_clipped() -> None:
    """A period that began before the scenario applies from its first turn."""
    growth = _with_growth([("1921Q3", "1922Q2", -0.02)])
    assert growth[0] == -0.02
    assert (growth[1:] == 0.0).all()
