"""The end: a split (everyone loses), an outright winner, or the strongest by power score."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.spec import GameSpec
from game.engine.state import PRESTIGE, State

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]

SPLIT = -1


@dataclass
class Outcome:
    """Shapes (B,). ``winner`` is a faction index, or SPLIT."""

    winner: IntArray
    outright: BoolArray
    power: FloatArray  # (B, F)


def power_scores(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): Politburo seats, offices, Central Committee share and prestige, weighted by the
    scenario; a faction whose leader is out of the game's politics scores nothing."""
    w = spec.rules.power
    seats = query.politburo_seats(spec, state) / np.maximum(state.politburo.sum(axis=1), 1)[:, None]
    offices = query.office_power(spec, state) / max(float(spec.office_power.sum()), 1e-9)
    score = (
        w["politburo"] * seats
        + w["offices"] * offices
        + w["central_committee"] * state.cc_share[:, : spec.n_factions]
        + w["prestige"] * state.stats[:, :, PRESTIGE]
    )
    return np.where(query.leader_neutralised(spec, state), 0.0, score)


def outright_winners(spec: GameSpec, state: State) -> BoolArray:
    """(B, F): holds the General Secretaryship or a Politburo majority, and every rival leader
    is out of the party or has recanted."""
    seats = query.politburo_seats(spec, state)
    majority = seats * 2 > state.politburo.sum(axis=1)[:, None]
    gensec = np.zeros_like(majority)
    if spec.general_secretary >= 0:
        owner = query.holds_office(state, spec.general_secretary)
        for f in range(spec.n_factions):
            gensec[:, f] = owner == f
    down = query.leader_neutralised(spec, state)
    n_f = spec.n_factions
    rivals_down = np.stack([np.delete(down, f, axis=1).all(axis=1) for f in range(n_f)], axis=1)
    return (gensec | majority) & rivals_down & ~down  # type: ignore[no-any-return]


def decide(spec: GameSpec, state: State) -> Outcome:
    """Who won each game, as the scenario's end (or a split) finds it."""
    power = power_scores(spec, state)
    outright = outright_winners(spec, state)
    has_outright = outright.any(axis=1)
    winner = np.where(has_outright, np.argmax(outright, axis=1), np.argmax(power, axis=1))
    winner = np.where(state.split, SPLIT, winner)
    return Outcome(winner.astype(np.int64), has_outright & ~state.split, power)
