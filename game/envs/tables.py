"""B games stepped together one action round at a time: the core every environment shares.

Each ``step`` is one action round of every game of the batch, in one call of the engine
(no loop over games): the learners' actions (B, L) and the other factions' choices, made by
a named AI policy from the same position, go through ``take_actions``; after the quarter's
last round its events and sessions are resolved (``resolve_turn``) and the next quarter's
income taken (``begin_turn``), exactly as ``play_quarter`` does. So a batch whose learners
choose what a policy would gives the same games as ``simulate`` with that policy.

The engine's calendar is one for the whole batch (``State.turn``), so the games run in
lockstep: all reach the scenario's end together. A game the party split ends early; it
stays finished (only passing, as the engine has split games do) until the batch ends.

Rewards come only at a game's end, from ``REWARDS`` (``reward_table``); an action the
learner was not offered (outside its ``action_mask``) is replaced by ``pass`` and costs
``ILLEGAL_PENALTY`` at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import Policy, make_policy
from game.ai.utility import context
from game.engine.actions import legal_mask
from game.engine.kinds import FALLBACK
from game.engine.outcome import SPLIT, decide
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state
from game.engine.turn import begin_turn, resolve_turn, take_actions
from game.envs.observe import Float32Array, encode

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]

# A game's end, as ``game.engine.outcome.decide`` finds it, and what each faction gets.
REWARDS = {
    "outright": 1.0,  # the winner by an outright victory (the heights held, every rival down)
    "power": 0.5,  # the winner on the power score at the scenario's end
    "other": 0.0,  # every other faction
    "split": -0.5,  # every faction, when the party split
}
ILLEGAL_PENALTY = 0.01  # taken at once for each action outside the mask (played as ``pass``)


def reward_table() -> list[tuple[str, float]]:
    """The rewards as (what happened, reward) rows, for the README and the help."""
    return list(REWARDS.items())


@dataclass(frozen=True)
class Seating:
    """Who plays which faction: ``learners`` (faction indices, the order of the action
    columns) are stepped from outside; every other faction by the AI policy ``opponents``."""

    learners: tuple[int, ...]
    opponents: str = "standard"
    historicity: float = 1.0

    def others(self, n_factions: int) -> tuple[int, ...]:
        return tuple(f for f in range(n_factions) if f not in self.learners)


class Tables:
    """B games of one scenario, stepped one action round at a time (see the module)."""

    def __init__(self, spec: GameSpec, seating: Seating) -> None:
        if not set(seating.learners) <= set(range(spec.n_factions)) or len(
            set(seating.learners)
        ) != len(seating.learners):
            raise ValueError(f"learners must be distinct factions of 0..{spec.n_factions - 1}")
        self.spec = spec
        self.seating = seating
        self.others = seating.others(spec.n_factions)
        self.policy: Policy = make_policy(seating.opponents, seating.historicity)
        self.state: State = initial_state(spec, 0, np.zeros(1, dtype=np.int64))
        self.rnd = 0
        self.masks: BoolArray = np.zeros((1, len(seating.learners), spec.actions.size), bool)
        self.pass_action = spec.actions.block(FALLBACK).start

    def reset(self, seed: int, runs: IntArray) -> None:
        """Start games ``runs`` (B,) of ``seed`` at the scenario's start, income taken."""
        self.state = initial_state(self.spec, seed, runs)
        self.rnd = 0
        begin_turn(self.spec, self.state)
        self._refresh()

    @property
    def batch(self) -> int:
        return self.state.batch

    @property
    def over(self) -> BoolArray:
        """(B,): the game has ended (the scenario's end reached, or the party split)."""
        return self.state.split | (self.state.turn >= self.spec.turns)

    def observe(self, learner: int) -> Float32Array:
        """(B, D): the ``learner``-th learner's observation of every game."""
        return encode(self.spec, self.state, self.seating.learners[learner], self.rnd)

    def step(self, actions: IntArray) -> tuple[BoolArray, BoolArray]:
        """Play one action round of every game: ``actions`` (B, L), the learners' choices.
        Returns which learners' actions were outside their mask (B, L) and which games ended
        in this round (B,)."""
        actions = np.asarray(actions, dtype=np.int64).reshape(self.batch, -1)
        if actions.size and (actions.min() < 0 or actions.max() >= self.spec.actions.size):
            raise ValueError(f"actions must be indices in 0..{self.spec.actions.size - 1}")
        was_over = self.over
        rows = np.arange(self.batch)[:, None]
        columns = np.arange(actions.shape[1])[None, :]
        illegal = ~self.masks[rows, columns, actions] & ~was_over[:, None]
        choices = np.full((self.batch, self.spec.n_factions), self.pass_action, dtype=np.int64)
        choices[:, list(self.seating.learners)] = np.where(illegal, self.pass_action, actions)
        if self.others:
            ctx = context(self.spec, self.state)
            for f in self.others:
                choices[:, f] = self.policy.choose(self.spec, self.state, f, self.rnd, ctx)
        take_actions(self.spec, self.state, choices, self.rnd)
        self.rnd += 1
        if self.rnd == self.spec.rules.actions_per_turn:
            resolve_turn(self.spec, self.state)
            self.rnd = 0
            if self.state.turn < self.spec.turns:
                begin_turn(self.spec, self.state)
        self._refresh()
        return illegal, self.over & ~was_over

    def rewards(self) -> FloatArray:
        """(B, F): each faction's reward for the games as they stand, by ``REWARDS``
        (meaningful once a game is over)."""
        outcome = decide(self.spec, self.state)
        won = outcome.winner[:, None] == np.arange(self.spec.n_factions)[None, :]
        prize = np.where(outcome.outright, REWARDS["outright"], REWARDS["power"])[:, None]
        table = np.where(won, prize, REWARDS["other"])
        return np.where((outcome.winner == SPLIT)[:, None], REWARDS["split"], table)

    def winners(self) -> tuple[IntArray, BoolArray]:
        """(B,) the winning faction (or SPLIT) and (B,) whether outright."""
        outcome = decide(self.spec, self.state)
        return outcome.winner, outcome.outright

    def _refresh(self) -> None:
        """The learners' masks (B, L, A) for the position now; a finished game offers only
        ``pass``."""
        learners = self.seating.learners
        masks = np.zeros((self.batch, len(learners), self.spec.actions.size), dtype=bool)
        for i, f in enumerate(learners):
            masks[:, i] = legal_mask(self.spec, self.state, f)
        over = self.over
        masks[over] = False
        masks[over, :, self.pass_action] = True
        self.masks = masks
