"""The campaign, compiled once for the environment tests (skipped without the rl extra)."""

from __future__ import annotations

import pytest

from game.engine.spec import GameSpec

pytest.importorskip("pettingzoo")
pytest.importorskip("gymnasium")


@pytest.fixture(scope="session")
def spec() -> GameSpec:
    from game.envs.common import load_spec

    return load_spec(None)
