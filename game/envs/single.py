"""A Gymnasium env for one faction: the agent plays ``faction``, the AI policy ``opponents``
plays the others. Observations, actions, rewards and the handling of an action outside the
mask are those of the parallel env (``game.envs.parallel``); an episode is one game, ended
(terminated) at the scenario's end or by a split."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.envs import missing
from game.envs.common import Seeds, action_space, faction_indices, load_spec, observation_space
from game.envs.tables import ILLEGAL_PENALTY, Seating, Tables

try:
    import gymnasium
except ImportError as error:
    raise missing("gymnasium") from error

Obs = dict[str, Any]  # observation (D,) float32, action_mask (A,) int8


class HeirsEnv(gymnasium.Env[Obs, np.int64]):
    """One faction's game (see the module)."""

    metadata: dict[str, Any] = {"render_modes": []}  # noqa: RUF012 (Gymnasium's own type)

    def __init__(
        self,
        scenario: Path | str | GameSpec | None = None,
        faction: str = "stalin",
        opponents: str = "standard",
        historicity: float = 1.0,
    ) -> None:
        self.game_spec = load_spec(scenario)
        (seat,) = faction_indices(self.game_spec, [faction])
        self.faction = faction
        self.tables = Tables(self.game_spec, Seating((seat,), opponents, historicity))
        self.observation_space = observation_space(self.game_spec)
        self.action_space = action_space(self.game_spec)
        self._seeds = Seeds()

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Obs, dict[str, Any]]:
        """A new game: run 0 of ``seed``, or the next run of the last seed."""
        super().reset(seed=seed)
        seed_used, runs = self._seeds.runs(seed, 1)
        self.tables.reset(seed_used, runs)
        return self._observation(), {}

    def step(self, action: np.int64) -> tuple[Obs, float, bool, bool, dict[str, Any]]:
        """One action round of the game."""
        illegal, ended = self.tables.step(np.array([[int(action)]]))
        reward = 0.0 - ILLEGAL_PENALTY * float(illegal[0, 0])
        info: dict[str, Any] = {"illegal": bool(illegal[0, 0])}
        done = bool(ended[0])
        if done:
            reward += float(self.tables.rewards()[0, self.tables.seating.learners[0]])
            winner, outright = self.tables.winners()
            info["winner"] = "split" if winner[0] == SPLIT else self.game_spec.factions[winner[0]]
            info["outright"] = bool(outright[0])
        return self._observation(), reward, done, False, info

    def _observation(self) -> Obs:
        return {
            "observation": self.tables.observe(0)[0],
            "action_mask": self.tables.masks[0, 0].astype(np.int8),
        }
