"""A native Gymnasium vector env: B games of one faction, stepped in one call of the batch
engine (``Tables``), with no loop over games.

Observations are the single env's, batched: ``observation`` (B, D) float32 and
``action_mask`` (B, A) int8; actions are (B,) indices. The engine's calendar is one for the
whole batch, so the games run in lockstep and end together at the scenario's end; the step
after that resets every game (Gymnasium's next-step autoreset: the actions given to it are
ignored) to the next B runs of the seed. A game the party split ends early: it reports
``terminated`` once, with its reward, then waits out the batch (``info["active"]`` False,
reward 0, not terminated) — skip such transitions when learning. ``info["illegal"]`` marks
actions outside the mask, played as ``pass`` and penalised as in the single env.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import GameSpec
from game.envs import missing
from game.envs.common import Seeds, action_space, faction_indices, load_spec, observation_space
from game.envs.tables import ILLEGAL_PENALTY, Seating, Tables

try:
    from gymnasium.vector import AutoresetMode, VectorEnv
    from gymnasium.vector.utils import batch_space
except ImportError as error:
    raise missing("gymnasium") from error

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
Obs = dict[str, Any]  # observation (B, D) float32, action_mask (B, A) int8


class HeirsVectorEnv(VectorEnv[Obs, IntArray, Any]):
    """B games of one faction against the policy ``opponents`` (see the module)."""

    metadata: dict[str, Any] = {"autoreset_mode": AutoresetMode.NEXT_STEP}  # noqa: RUF012

    def __init__(
        self,
        num_envs: int,
        scenario: Path | str | GameSpec | None = None,
        faction: str = "stalin",
        opponents: str = "standard",
        historicity: float = 1.0,
    ) -> None:
        if num_envs < 1:
            raise ValueError("num_envs must be at least 1")
        self.game_spec = load_spec(scenario)
        (seat,) = faction_indices(self.game_spec, [faction])
        self.faction = faction
        self.num_envs = num_envs
        self.tables = Tables(self.game_spec, Seating((seat,), opponents, historicity))
        self.single_observation_space = observation_space(self.game_spec)
        self.single_action_space = action_space(self.game_spec)
        self.observation_space = batch_space(self.single_observation_space, num_envs)
        self.action_space = batch_space(self.single_action_space, num_envs)
        self._seeds = Seeds()
        self._needs_reset = True

    def reset(
        self, *, seed: int | list[int | None] | None = None, options: dict[str, Any] | None = None
    ) -> tuple[Obs, dict[str, Any]]:
        """New games: runs 0..B-1 of ``seed``, or the next B runs of the last seed."""
        if isinstance(seed, list):
            raise ValueError("the games share one seed (their runs differ): give one int")
        super().reset(seed=seed)
        seed_used, runs = self._seeds.runs(seed, self.num_envs)
        self.tables.reset(seed_used, runs)
        self._needs_reset = False
        return self._observation(), {"active": ~self.tables.over}

    def step(
        self, actions: IntArray
    ) -> tuple[Obs, FloatArray, BoolArray, BoolArray, dict[str, Any]]:
        """One action round of every game (or, after the batch ended, the autoreset)."""
        b = self.num_envs
        if self._needs_reset:
            obs, info = self.reset()
            info["illegal"] = np.zeros(b, dtype=bool)
            return obs, np.zeros(b), np.zeros(b, dtype=bool), np.zeros(b, dtype=bool), info
        active = ~self.tables.over
        illegal, ended = self.tables.step(np.asarray(actions).reshape(b, 1))
        reward: FloatArray = 0.0 - ILLEGAL_PENALTY * illegal[:, 0].astype(np.float64)
        if ended.any():
            seat = self.tables.seating.learners[0]
            reward = reward + np.where(ended, self.tables.rewards()[:, seat], 0.0)
        self._needs_reset = bool(self.tables.over.all())
        info = {"active": active, "illegal": illegal[:, 0]}
        truncated: BoolArray = np.zeros(b, dtype=bool)
        return self._observation(), reward, ended, truncated, info

    def _observation(self) -> Obs:
        return {
            "observation": self.tables.observe(0),
            "action_mask": self.tables.masks[:, 0].astype(np.int8),
        }
