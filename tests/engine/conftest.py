"""Fixtures shared by the engine tests: the scenario files present (the campaign is skipped
until it is written) and their compiled specs."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.runs import Loaded
from game.engine.spec import GameSpec

from .helpers import loaded, scenario_params


@pytest.fixture(scope="session", params=scenario_params())
def scenario_path(request: pytest.FixtureRequest) -> Path:
    """Each scenario file present: the minimal one, the wide test one and the campaign."""
    path: Path = request.param
    return path


@pytest.fixture(scope="session")
def scenario(scenario_path: Path) -> Loaded:
    """The scenario, loaded and compiled."""
    return loaded(scenario_path)


@pytest.fixture(scope="session")
def spec(scenario: Loaded) -> GameSpec:
    """The scenario's compiled spec."""
    return scenario.spec
