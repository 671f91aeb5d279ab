"""History checkpoints test the game state: none holds at the start, none is a bare date."""

from __future__ import annotations

import numpy as np

from game.engine.conditions import AllOf, DateBetween, StatusIn
from game.engine.spec import GameSpec
from game.engine.state import initial_state


def test_no_checkpoint_holds_in_the_initial_state(spec: GameSpec) -> None:
    """At the start of the scenario no history checkpoint's condition holds (history has to
    be made in play), and none is reached before anything happens."""
    assert spec.checkpoints, "a scenario without checkpoints tests nothing here"
    state = initial_state(spec, 1, np.arange(2))
    held = [c.id for c in spec.checkpoints if c.condition.test(state).any()]
    assert held == []
    assert (state.reached == -1).all()


def test_no_checkpoint_is_a_bare_date(spec: GameSpec) -> None:
    """Every checkpoint's condition tests the game state, not only the date."""
    assert [c.id for c in spec.checkpoints if c.condition.date_only()] == []


def test_date_only_detects_bare_dates() -> None:
    """``date_only`` is true for date tests however combined, false once a state test is in."""
    date = DateBetween(0, 3)
    assert AllOf((date, DateBetween(2, 5))).date_only()
    assert not AllOf((date, StatusIn(0, (2,)))).date_only()
