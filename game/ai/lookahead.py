"""The ``hard`` policy: look ahead by simulation.

For each game, the faction's best few legal actions by the standard utilities are the
candidates. Each is tried in ``samples`` simulated futures, played ``horizon`` quarters ahead
with every faction following the standard policy, and scored by how the faction stands at the
end of them (its chance of winning, smoothed); the candidate with the best mean is chosen. All
games, candidates and samples of a decision are one engine batch. The futures draw fresh
chances (see ``game.ai.rollout``): the policy never sees the dice the real game will roll.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import Policy
from game.ai.rollout import fork, play_ahead, rollout_seed
from game.ai.utility import Context, allowed, utilities
from game.engine.outcome import outright_winners, power_scores
from game.engine.query import leader_neutralised
from game.engine.spec import GameSpec
from game.engine.state import State

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class LookaheadPolicy(Policy):
    """Chooses by simulating ``candidates`` actions ``samples`` times each, ``horizon``
    quarters ahead. ``temperature`` smooths the power score into a chance of winning."""

    candidates: int = 4
    samples: int = 6
    horizon: int = 4
    temperature: float = 0.15
    name = "hard"

    def choose(
        self, spec: GameSpec, state: State, faction: int, rnd: int, ctx: Context
    ) -> IntArray:
        options = candidate_actions(spec, state, faction, ctx, self.candidates)
        copies = self.candidates * self.samples
        seed = rollout_seed(state.seed, state.turn, rnd, faction)
        futures = fork(state, copies, self.samples, seed)
        first = np.repeat(options, self.samples, axis=1).reshape(-1)
        play_ahead(spec, futures, faction, first, rnd, self.horizon)
        value = position_value(spec, futures, faction, self.temperature)
        mean = value.reshape(state.batch, self.candidates, self.samples).mean(axis=2)
        best = np.argmax(mean, axis=1)
        return options[np.arange(state.batch), best]  # type: ignore[no-any-return]


def candidate_actions(spec: GameSpec, state: State, faction: int, ctx: Context, k: int) -> IntArray:
    """(B, k): the faction's k best allowed actions (legal, and no unwanted motion) by its
    utilities, best first. Where fewer than k are allowed, the best one fills the remaining
    places."""
    legal = allowed(spec, state, faction, ctx)
    scores = np.where(legal, utilities(spec, state, faction, ctx), -np.inf)
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    ranked = np.take_along_axis(legal, order, axis=1)
    return np.where(ranked, order, order[:, :1])


def position_value(spec: GameSpec, state: State, faction: int, temperature: float) -> FloatArray:
    """(B,): how well ``faction`` stands, in [0, 1]: 1 for an outright win, 0 for a split,
    another's outright win or its own leader neutralised; otherwise its power score's softmax
    share among the factions, a smooth stand-in for the chance of coming out strongest."""
    power = power_scores(spec, state)
    share = np.exp((power - power.max(axis=1, keepdims=True)) / temperature)
    share = share[:, faction] / share.sum(axis=1)
    outright = outright_winners(spec, state) & ~state.split[:, None]
    lost = state.split | leader_neutralised(spec, state)[:, faction] | outright.any(axis=1)
    return np.where(outright[:, faction], 1.0, np.where(lost, 0.0, share))
