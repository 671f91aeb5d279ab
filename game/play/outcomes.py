"""What each action of a quarter came to in game 0, watched as the quarter is played (a
``Tracer``: it reads the state and changes nothing, so the engine's results are the same
with or without it). The news tells a refused appointment or a courted figure who stayed
put from this, not from what was tried."""

from __future__ import annotations

from game.engine.kinds import KINDS
from game.engine.spec import GameSpec
from game.engine.state import IntArray, State


class Outcomes:
    """Records, round by round, which drawn actions went against the faction that took them:
    ``refused`` holds the (round, faction) pairs of the quarter last played. Rounds are
    counted from the quarter's first."""

    def __init__(self, spec: GameSpec) -> None:
        self.spec = spec
        self.refused: list[tuple[int, int]] = []
        self._acted = 0  # actions seen this quarter, in faction order round by round

    def begin_quarter(self, state: State) -> None:
        self.refused = []
        self._acted = 0

    def after_income(self, state: State) -> None:
        """Nothing to record."""

    def after_action(self, state: State, faction: int, taken: IntArray) -> None:
        action = int(taken[0])
        rnd = self._acted // self.spec.n_factions
        self._acted += 1
        kind = KINDS[self.spec.actions.kinds[action]]
        arg = int(self.spec.actions.arg[action])
        if kind.took is not None and not kind.took(state, faction, arg):
            self.refused.append((rnd, faction))

    def after_motion(self, state: State, session: int, motion: int) -> None:
        """Nothing to record."""

    def after_session(self, state: State, session: int) -> None:
        """Nothing to record."""

    def after_event(self, state: State, event: int) -> None:
        """Nothing to record."""

    def after_slow_forces(self, state: State) -> None:
        """Nothing to record."""

    def end_quarter(self, state: State) -> None:
        """Nothing to record."""
