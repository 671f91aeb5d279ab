"""Read-only questions about a batch of states that several rules ask."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import (
    DEPORTED,
    EXILED,
    EXPELLED,
    GameSpec,
)
from game.engine.state import OFFER_TURNS, PRESTIGE, State

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

OUT_STATUSES = (EXPELLED, EXILED, DEPORTED)


def rows(state: State) -> IntArray:
    """0..B-1, for fancy indexing one element per game."""
    return np.arange(state.batch)


def gather(values: NDArray[Any], index: IntArray) -> NDArray[Any]:
    """``values[b, index[b, ...]]`` for every game ``b``: ``values`` (B, K), ``index`` (B, ...)
    in 0..K-1. What ``np.take_along_axis`` gives, as one flat ``take``: a few times faster."""
    batch, width = values.shape
    offsets = (np.arange(batch) * width).reshape(-1, *([1] * (index.ndim - 1)))
    return np.ravel(values).take(offsets + index)  # type: ignore[no-any-return]


def leader_active(spec: GameSpec, state: State) -> BoolArray:
    """(B, F): the faction's leader is alive and in the party, so the faction can act."""
    leaders = spec.faction_leader
    return state.in_party[:, leaders] & state.alive[:, leaders]


def leader_neutralised(spec: GameSpec, state: State) -> BoolArray:
    """(B, F): the leader is out of the party, has recanted (readmission follows a
    recantation), or is dead."""
    leaders = spec.faction_leader
    out = (state.status[:, leaders] >= EXPELLED) | state.has_recanted[:, leaders]
    return out | ~state.alive[:, spec.faction_leader]


def member_shares(state: State) -> FloatArray:
    """(B, R): each region's share of the party's members."""
    return state.members / state.members.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]


def over_regions(values: FloatArray) -> FloatArray:
    """(B, F): ``values`` (B, R, F) summed over the regions, region by region: the sums of
    ``values.sum(axis=1)`` in the same order, at a third of its cost (numpy reduces a middle
    axis over a short inner one slowly)."""
    total = values[:, 0].copy()
    for r in range(1, values.shape[1]):
        total += values[:, r]
    return total


def machine_share(state: State, faction: IntArray) -> FloatArray:
    """(B,): the share of members in regions whose secretary answers to ``faction`` (B,);
    0 where the faction is -1."""
    runs = (state.secretary == faction[:, None]) & (faction[:, None] >= 0)
    return (runs * member_shares(state)).sum(axis=1)  # type: ignore[no-any-return]


def weight(spec: GameSpec, state: State, games: IntArray | None = None) -> FloatArray:
    """(B, F): how much of the party stands behind each faction: half its members' sympathy
    (weighted by region size), half its share of the Central Committee. Given ``games``
    (n,), only those games' rows, (n, F), the same numbers computed for them alone."""
    rows = slice(None) if games is None else games
    members = state.members[rows]
    shares = members / members.sum(axis=1, keepdims=True)
    sympathy = over_regions(state.sympathy[rows] * shares[:, :, None])
    return 0.5 * sympathy + 0.5 * state.cc_share[rows, : spec.n_factions]


def open_offers(state: State) -> BoolArray:
    """(B, F, F): alliance proposals still standing, proposer x addressee."""
    return state.offer > state.turn - OFFER_TURNS


def office_faction(state: State) -> IntArray:
    """(B, O): the faction of each office's holder, -1 if vacant or unaligned."""
    holder = state.holder
    faction = gather(state.figure_faction, np.maximum(holder, 0))
    return np.where(holder >= 0, faction, -1)


def holds_office(state: State, office: int) -> IntArray:
    """(B,): the faction holding one office, -1 if nobody's."""
    holder = state.holder[:, office]
    faction = state.figure_faction[np.arange(state.batch), np.maximum(holder, 0)]
    return np.where(holder >= 0, faction, -1)


def politburo_seats(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): Politburo seats held by each faction's figures (counted in one ``bincount``)."""
    n = spec.n_factions
    seated = state.politburo & (state.figure_faction >= 0)
    cells = (np.arange(state.batch)[:, None] * n + state.figure_faction)[seated]
    return np.bincount(cells, minlength=state.batch * n).reshape(-1, n).astype(np.float64)


def office_power(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): the power weight of the offices each faction holds."""
    owner = office_faction(state)
    power = np.zeros((state.batch, spec.n_factions))
    for f in range(spec.n_factions):
        power[:, f] = ((owner == f) * spec.office_power[None, :]).sum(axis=1)
    return power


def figure_active(state: State) -> BoolArray:
    """(B, G): alive and in the party."""
    return state.alive & state.in_party


def delegates_by_region(total: int | IntArray, members: FloatArray) -> IntArray:
    """(B, K) whole seats summing to ``total`` (one number, or one per game) in every game,
    shared in proportion to ``members`` (B, K) by the largest-remainder rule."""
    totals = np.broadcast_to(np.asarray(total, dtype=np.int64), (members.shape[0],))
    quota = members / members.sum(axis=1, keepdims=True) * totals[:, None]
    seats = np.floor(quota).astype(np.int64)
    remainder = quota - seats
    missing = totals - seats.sum(axis=1)
    order = np.argsort(-remainder, axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    seats += (ranks < missing[:, None]).astype(np.int64)
    return seats  # type: ignore[no-any-return]


def threat(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): how dangerous each faction looks: prestige, Central Committee, Politburo,
    offices and regional machines; zero while its leader is out of the party."""
    seats = politburo_seats(spec, state) / np.maximum(state.politburo.sum(axis=1), 1)[:, None]
    offices = office_power(spec, state) / max(float(spec.office_power.sum()), 1e-9)
    machines = machine_shares(spec, state)
    score = (
        state.stats[:, :, PRESTIGE]
        + state.cc_share[:, : spec.n_factions]
        + seats
        + offices
        + machines
    ) / 5.0
    return np.where(leader_active(spec, state), score, 0.0)


def machine_shares(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): the share of members in regions whose secretary answers to each faction,
    added region by region in order (the sums a reduction over the regions gives)."""
    shares = member_shares(state)
    factions = np.arange(spec.n_factions)[None, :]
    total = np.zeros((state.batch, spec.n_factions))
    for r in range(shares.shape[1]):
        total += np.where(state.secretary[:, r, None] == factions, shares[:, r, None], 0.0)
    return total


def policy_due(spec: GameSpec, state: State) -> BoolArray:
    """(B, P): the policies a motion can now be put for: their date has come
    (``policy_from``) and the position meets what they answered (``policy_while``)."""
    due = np.repeat((state.turn >= spec.policy_from)[None, :], state.batch, axis=0)
    for p, condition in enumerate(spec.policy_while):
        if condition is not None:
            due[:, p] &= condition.test(state)
    return due


CLASH_UNIT = 4.0  # scales a camp's weight so that two quarters of the party clash at 1.0


def clash(spec: GameSpec, state: State, g: IntArray, f: int, other: IntArray) -> FloatArray:
    """(n,): how far a fight between faction ``f`` and ``other`` (n,) in games ``g`` (n,)
    threatens a split: it takes two large camps, so the smaller one's weight counts (1.0 for
    two quarters of the party each)."""
    weights = weight(spec, state, g)
    rows = np.arange(g.size)
    return CLASH_UNIT * np.minimum(weights[:, f], weights[rows, other])
