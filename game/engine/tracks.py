"""Small bounded updates shared by actions, motions, events and the slow forces."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import GameSpec
from game.engine.state import IDEOLOGY, INFLUENCE, UNITY, State

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

MAX_INFLUENCE = 20.0


def add_stat(
    state: State, games: IntArray, faction: int | IntArray, stat: int, amount: object
) -> None:
    """Add to one faction statistic, kept within its range: ideology in [-1, 1], influence in
    [0, 20], the others in [0, 1]."""
    low, high = {IDEOLOGY: (-1.0, 1.0), INFLUENCE: (0.0, MAX_INFLUENCE)}.get(stat, (0.0, 1.0))
    value = state.stats[games, faction, stat] + amount
    state.stats[games, faction, stat] = np.clip(value, low, high)


def add_unity(spec: GameSpec, state: State, games: IntArray, amount: object) -> None:
    """Change party unity (only while the unity mechanism is on)."""
    if spec.on("unity"):
        state.tracks[games, UNITY] = np.clip(state.tracks[games, UNITY] + amount, 0.0, 1.0)


def shift_sympathy(
    state: State, games: IntArray, regions: IntArray, faction: int | IntArray, amount: object
) -> None:
    """Move members of ``regions`` toward ``faction``: a fraction ``amount`` of those not
    already with it, taken in proportion from the other factions and the uncommitted. A
    negative ``amount`` sends that fraction of the faction's own members away instead."""
    sym = state.sympathy[games, regions, :]
    shift_leanings(sym, faction, amount)
    state.sympathy[games, regions, :] = sym


def shift_leanings(sym: FloatArray, faction: int | IntArray, amount: object) -> None:
    """``shift_sympathy`` on leanings ``sym`` (n, F), in place: each row one region of one
    game (``state.sympathy.reshape(-1, F)`` is every region of every game)."""
    rows = np.arange(sym.shape[0])
    share = sym[rows, faction]
    amount = np.asarray(amount, dtype=np.float64)
    gain = np.clip(
        np.where(amount >= 0.0, amount * (1.0 - share), amount * share), -share, 1.0 - share
    )
    others = 1.0 - share
    scale = np.where(others > 1e-12, (others - gain) / np.maximum(others, 1e-12), 1.0)
    sym *= scale[:, None]
    sym[rows, faction] = share + gain


def go_over(
    spec: GameSpec, state: State, games: IntArray, figures: IntArray, faction: int | IntArray
) -> None:
    """Figures ``figures`` go over to ``faction`` in games ``games`` (all shape (n,), or
    ``faction`` one index). A man who holds the office that runs a region's machine
    (``region_boss``) takes the machine with him, as a new holder brings it (``install``)."""
    camp = np.broadcast_to(np.asarray(faction, dtype=np.int64), games.shape)
    state.figure_faction[games, figures] = camp
    for r in np.flatnonzero(spec.region_boss >= 0):
        boss = state.holder[games, spec.region_boss[r]] == figures
        state.secretary[games[boss], r] = camp[boss]


def add_members(spec: GameSpec, state: State, g: IntArray, r: IntArray, new: FloatArray) -> None:
    """Add ``new`` members to region ``r`` of games ``g``. With the membership and apparatus
    mechanisms they lean to the regional secretary's camp; otherwise they share the members'
    leanings."""
    old = state.members[g, r]
    total = old + new
    weight_new = new / np.maximum(total, 1.0)
    incoming = state.sympathy[g, r, :].copy()
    if spec.on("membership") and spec.on("apparatus"):
        follow = spec.rules.k["recruits_follow_secretary"]
        sec = state.secretary[g, r]
        incoming *= 1.0 - follow
        has = sec >= 0
        incoming[has, sec[has]] += follow
    state.sympathy[g, r, :] = (
        state.sympathy[g, r, :] * (1.0 - weight_new)[:, None] + incoming * weight_new[:, None]
    )
    state.recruits[g, r] = (state.recruits[g, r] * old + new) / np.maximum(total, 1.0)
    state.members[g, r] = total
