"""Figures with their own standing: when a patron loses, his people may go over.

A figure keeps the camp the scenario gives him (``figure_faction``) while his faction holds
its own. Once its leader is censured or worse, has recanted, is dead, or the faction has lost
every Politburo seat, each of its other figures in the party may, once a quarter, go over to
the strongest faction still in play, with a chance that falls with his loyalty (Uglanov, who
ran Moscow for the Right, was left alone when the Right lost in 1928: regions.md [R1]).
Leaders never defect. A boss who goes over takes the region's machine he runs with him. The
draws come from their own stream of the counter-based generator.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.rng import STREAM_DEFECTION, uniform
from game.engine.spec import ACTIVE, READMITTED, GameSpec
from game.engine.state import State
from game.engine.tracks import go_over

BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]


def patron_lost(spec: GameSpec, state: State) -> BoolArray:
    """(B, F): the faction's leader is censured or worse, has recanted or is dead, or the
    faction holds no seat on the Politburo."""
    leaders = spec.faction_leader
    status = state.status[:, leaders]
    standing = (status == ACTIVE) | (status == READMITTED)
    down = ~standing | state.has_recanted[:, leaders] | ~state.alive[:, leaders]
    return down | (query.politburo_seats(spec, state) == 0)  # type: ignore[no-any-return]


def strongest_in_play(spec: GameSpec, state: State) -> IntArray:
    """(B,): the faction with the most weight in the party among those whose patron has not
    lost; -1 where every faction's has."""
    weight = np.where(patron_lost(spec, state), -np.inf, query.weight(spec, state))
    best = np.argmax(weight, axis=1)
    return np.where(np.isfinite(weight.max(axis=1)), best, -1)


def defect(spec: GameSpec, state: State) -> None:
    """Once a quarter: each figure of a beaten faction (never a leader), alive and in the
    party, goes over to the strongest faction in play with chance
    ``defection * (1 - loyalty)``, with the machine he runs if he is a regional boss."""
    rate = spec.rules.k["defection"]
    if rate <= 0.0:
        return
    faction = state.figure_faction
    lost = query.gather(patron_lost(spec, state), np.maximum(faction, 0))
    leader = np.zeros(len(spec.figures), dtype=bool)
    leader[spec.faction_leader] = True
    winner = strongest_in_play(spec, state)
    able = (faction >= 0) & lost & ~leader[None, :] & query.figure_active(state)
    able &= (winner[:, None] >= 0) & (winner[:, None] != faction)
    draw = uniform(state.seed, state.run_index, state.turn, STREAM_DEFECTION, len(spec.figures))
    goes = able & (draw < rate * (1.0 - spec.figure_loyalty)[None, :])
    games, figures = np.nonzero(goes)
    go_over(spec, state, games, figures, winner[games])
