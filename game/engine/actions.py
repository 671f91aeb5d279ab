"""The factions' actions: which are legal, what they cost, and what they do.

Each kind of action declares its own rules and effect in the registry (``game.engine.kinds``);
this module adds what holds for every kind: a faction whose leader is out of the party may
only take the kinds declared ``while_out``, an action must be paid for in influence, and the
fallback (``pass``) is always legal. Every function works on a whole batch: ``choice`` is
one action index per game, and each kind is applied, vectorised, to the games that chose it.
Legality is checked again when an action is applied, since an earlier faction's move in the
same round may have changed things.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.kinds import FALLBACK, KINDS
from game.engine.kinds.base import Seat
from game.engine.spec import GameSpec
from game.engine.state import INFLUENCE, State

BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]


def legal_mask(spec: GameSpec, state: State, faction: int) -> BoolArray:
    """(B, A): which actions faction ``faction`` may take now. ``pass`` is always legal."""
    space = spec.actions
    mask = np.zeros((state.batch, space.size), dtype=bool)
    seat = Seat(spec, state, faction)
    kept = []
    for name in space.blocks:
        block = space.block(name)
        mask[:, block] = legal = KINDS[name].legal(seat, np.arange(block.start, block.stop))
        if KINDS[name].while_out:
            kept.append((block, legal))
    mask &= query.leader_active(spec, state)[:, faction][:, None]
    for block, legal in kept:
        mask[:, block] = legal
    mask &= state.stats[:, faction, INFLUENCE][:, None] >= space.cost[None, :] - 1e-9
    mask[:, space.block(FALLBACK)] = True
    return mask


def legal_choices(spec: GameSpec, state: State, faction: int, choice: IntArray) -> BoolArray:
    """(B,): whether each game's chosen action is legal now: the verdict of ``legal_mask``,
    computed only for the kinds of action actually chosen."""
    space = spec.actions
    rows = query.rows(state)
    kinds = space.kind_index[choice]
    legal = np.zeros(state.batch, dtype=bool)
    seat = Seat(spec, state, faction)
    active = query.leader_active(spec, state)[:, faction]
    for k in np.unique(kinds):
        name = space.kind_names[k]
        games = kinds == k
        block = space.block(name)
        verdict = KINDS[name].legal(seat, np.arange(block.start, block.stop))
        legal[games] = verdict[rows[games], choice[games] - block.start]
        if not KINDS[name].while_out:
            legal[games] &= active[games]
    legal &= state.stats[:, faction, INFLUENCE] >= space.cost[choice] - 1e-9
    return legal | (kinds == space.kind_names.index(FALLBACK))  # type: ignore[no-any-return]


def legal_block(spec: GameSpec, state: State, f: int, kind: str, actions: IntArray) -> BoolArray:
    """(B, n) or (B, 1): the legality of ``actions`` (indices into the action space, all of
    kind ``kind``) by the kind's own rules, before the checks every kind shares."""
    return KINDS[kind].legal(Seat(spec, state, f), actions)


def apply_actions(
    spec: GameSpec, state: State, faction: int, choice: IntArray, rnd: int = 0
) -> IntArray:
    """Apply one action per game for ``faction`` in action round ``rnd``; illegal choices
    become ``pass``. Returns the actions actually taken, shape (B,): a record of them
    replays exactly."""
    legal = legal_choices(spec, state, faction, choice)
    taken = np.where(legal, choice, spec.actions.block(FALLBACK).start)
    spent = state.stats[:, faction, INFLUENCE] - spec.actions.cost[taken]
    state.stats[:, faction, INFLUENCE] = np.maximum(spent, 0.0)
    space = spec.actions
    kinds = space.kind_index[taken]
    args = space.arg[taken]
    for k in np.unique(kinds):
        games = np.flatnonzero(kinds == k)
        effect = KINDS[space.kind_names[k]].effect
        effect(spec, state, faction, games, args[games], taken[games], rnd)
    return taken
