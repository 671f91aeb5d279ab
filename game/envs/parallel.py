"""PettingZoo's ``ParallelEnv``: the factions act simultaneously in each action round.

Every faction named in ``learners`` is an agent (its faction id, ``stalin``...); the others
are played by the AI policy ``opponents`` (``standard``, ``random``, ``historical``... as
``--ai`` names them). Each agent observes ``{"observation", "action_mask"}``
(``game.envs.common.observation_space``) and answers with an action index. An action
outside its mask is played as ``pass`` and costs ``ILLEGAL_PENALTY`` (``info["illegal"]``
says so); an index outside the action space raises ValueError. The game ends (every agent
terminated) at the scenario's end or when the party splits, with the rewards of
``game.envs.tables.REWARDS``; ``info["winner"]`` then names the winner (or ``split``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from game.engine.outcome import SPLIT, power_scores
from game.engine.spec import GameSpec
from game.envs import missing
from game.envs.common import (
    Seeds,
    action_space,
    faction_indices,
    load_spec,
    observation_space,
)
from game.envs.tables import ILLEGAL_PENALTY, Seating, Tables

try:
    from gymnasium import spaces
    from pettingzoo import ParallelEnv
except ImportError as error:
    raise missing(error.name or "pettingzoo") from error

Obs = dict[str, np.ndarray]


class HeirsParallelEnv(ParallelEnv):  # type: ignore[misc]
    """The succession as a PettingZoo parallel game (see the module)."""

    metadata: ClassVar[dict[str, Any]] = {
        "name": "heirs_of_lenin_v0",
        "render_modes": ["ansi"],
        "is_parallelizable": True,
    }

    def __init__(
        self,
        scenario: Path | str | GameSpec | None = None,
        learners: Sequence[str] | None = None,
        opponents: str = "standard",
        historicity: float = 1.0,
        render_mode: str | None = None,
    ) -> None:
        self.game_spec = load_spec(scenario)
        seats = faction_indices(self.game_spec, learners)
        self.tables = Tables(self.game_spec, Seating(seats, opponents, historicity))
        self.possible_agents: list[str] = [self.game_spec.factions[f] for f in seats]
        self.agents: list[str] = []
        self.render_mode = render_mode
        self._observation_space = observation_space(self.game_spec)
        self._action_space = action_space(self.game_spec)
        self._seeds = Seeds()

    def observation_space(self, agent: str) -> spaces.Dict:
        return self._observation_space

    def action_space(self, agent: str) -> spaces.Discrete:
        return self._action_space

    def reset(
        self, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[dict[str, Obs], dict[str, dict[str, Any]]]:
        """A new game: run 0 of ``seed``, or the next run of the last seed."""
        seed_used, runs = self._seeds.runs(seed, 1)
        self.tables.reset(seed_used, runs)
        self.agents = list(self.possible_agents)
        return self._observations(), {agent: {} for agent in self.agents}

    def step(
        self, actions: dict[str, int]
    ) -> tuple[
        dict[str, Obs],
        dict[str, float],
        dict[str, bool],
        dict[str, bool],
        dict[str, dict[str, Any]],
    ]:
        """One action round; an agent left out of ``actions`` waits (``pass``)."""
        if not self.agents:
            raise RuntimeError("the game is over: call reset()")
        wait = self.tables.pass_action
        chosen = np.array([[int(actions.get(a, wait)) for a in self.possible_agents]])
        illegal, ended = self.tables.step(chosen)
        penalty = 0.0 - ILLEGAL_PENALTY * illegal[0].astype(np.float64)
        rewards = {a: float(penalty[i]) for i, a in enumerate(self.agents)}
        infos: dict[str, dict[str, Any]] = {
            a: {"illegal": bool(illegal[0, i])} for i, a in enumerate(self.agents)
        }
        done = bool(ended[0])
        if done:
            final = self.tables.rewards()[0]
            winner, outright = self.tables.winners()
            name = "split" if winner[0] == SPLIT else self.game_spec.factions[winner[0]]
            for i, a in enumerate(self.agents):
                rewards[a] += float(final[self.tables.seating.learners[i]])
                infos[a].update(winner=name, outright=bool(outright[0]))
        observations = self._observations()
        terminations = dict.fromkeys(self.agents, done)
        truncations = dict.fromkeys(self.agents, False)
        if done:
            self.agents = []
        return observations, rewards, terminations, truncations, infos

    def _observations(self) -> dict[str, Obs]:
        masks = self.tables.masks[0].astype(np.int8)
        return {
            a: {"observation": self.tables.observe(i)[0], "action_mask": masks[i]}
            for i, a in enumerate(self.possible_agents)
        }

    def render(self) -> str | None:
        """With ``render_mode="ansi"``: the quarter and each faction's power score."""
        if self.render_mode != "ansi":
            return None
        state, spec = self.tables.state, self.game_spec
        quarter = spec.quarter_labels[min(state.turn, spec.turns - 1)]
        power = power_scores(spec, state)[0]
        scores = ", ".join(f"{f} {p:.2f}" for f, p in zip(spec.factions, power, strict=True))
        return f"{quarter}, round {self.tables.rnd + 1}: {scores}"

    def close(self) -> None:
        """Nothing to release."""
