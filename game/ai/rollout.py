"""Simulated futures for the lookahead AI: copies of a position, re-keyed so that their chances
are fresh, played ahead with every faction following the standard policy.

A game's chances come from (seed, run index, turn, stream). A rollout row gets a seed derived
from the game's seed by a keyed hash and its own run index, so it never draws the numbers the
real game will draw; and since both depend only on the game's own key and the decision, a
rollout is the same whether the game runs alone or inside any batch.
"""

from __future__ import annotations

import dataclasses
import hashlib

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import PolicySet, StandardPolicy
from game.engine.spec import GameSpec
from game.engine.state import State
from game.engine.turn import play_quarter

IntArray = NDArray[np.int64]

ROLLOUT_SALT = b"heirs-of-lenin/rollout/v1"


def rollout_seed(seed: int, turn: int, rnd: int, faction: int) -> int:
    """A 63-bit seed for the rollouts of one decision, derived from the game's seed by a keyed
    hash: unrelated to the game's own seed, and different for every turn, round and faction."""
    digest = hashlib.blake2b(
        f"{seed}:{turn}:{rnd}:{faction}".encode(), key=ROLLOUT_SALT, digest_size=8
    ).digest()
    return int.from_bytes(digest, "little") >> 1


def fork(state: State, copies: int, samples: int, seed: int) -> State:
    """The batch with every game repeated ``copies`` times, game-major: row
    ``(i * copies + c)`` is game i. Copy c of game i is re-keyed to ``seed`` and run index
    ``run_index[i] * samples + c % samples``, so copies sharing ``c % samples`` share their
    chances (common random numbers across the alternatives being compared)."""
    rows = np.repeat(np.arange(state.batch), copies)
    tiled = state.take(rows)
    sample = np.tile(np.arange(copies) % samples, state.batch)
    run_index = state.run_index[rows] * samples + sample
    return dataclasses.replace(tiled, seed=seed, run_index=run_index)


def standard_for_all(spec: GameSpec) -> PolicySet:
    """Every faction plays the standard policy: how the rollouts imagine the future."""
    return PolicySet(tuple(StandardPolicy() for _ in spec.factions))


def play_ahead(
    spec: GameSpec, state: State, faction: int, first: IntArray, rnd: int, horizon: int
) -> None:
    """Play ``state`` forward in place: this round with ``faction`` taking ``first`` (B,) and
    the others the standard policy's choice, then standard play for all to the end of the
    quarter and ``horizon - 1`` more quarters (or to the end of the game)."""
    policies = standard_for_all(spec)

    def choose(spec: GameSpec, state: State, r: int) -> IntArray:
        choices = policies.choose_all(spec, state, r)
        if r == rnd:
            choices[:, faction] = first
        return choices

    play_quarter(spec, state, choose, first_round=rnd, income=False)
    last = min(spec.turns, state.turn + horizon - 1)
    while state.turn < last:
        play_quarter(spec, state, policies.choose_all)
