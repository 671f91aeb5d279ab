"""Troika-like blocs: how often factions combine against the most prestigious one.

A Troika-like bloc forms in a game when, at the end of some quarter, two factions are allied
that were not allied at the end of the quarter before, and neither of them is the most
prestigious faction still in play (its leader in the party), which is allied with neither:
the Troika of 1923 was Stalin and Zinoviev (with Kamenev) against Trotsky, then the most
famous of them. Alliances made and broken within one quarter are not seen.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import parse_ai
from game.analysis.runs import load
from game.engine import query
from game.engine.spec import GameSpec
from game.engine.state import PRESTIGE, State, initial_state
from game.engine.turn import play

BoolArray = NDArray[np.bool_]


def troika_like(spec: GameSpec, state: State, before: BoolArray) -> BoolArray:
    """(B,): an alliance (B, F, F) absent from ``before`` now joins two factions against the
    most prestigious faction in play, allied with neither of them."""
    prestige = np.where(query.leader_active(spec, state), state.stats[:, :, PRESTIGE], -np.inf)
    top = np.argmax(prestige, axis=1)
    rows = query.rows(state)
    new = state.alliance & ~before
    n = spec.n_factions
    member = (np.arange(n)[None, :, None] == top[:, None, None]) | (
        np.arange(n)[None, None, :] == top[:, None, None]
    )
    with_top = state.alliance[rows, top, :]  # (B, F): who is allied with the top faction
    shut_out = ~with_top[:, :, None] & ~with_top[:, None, :]
    return (new & ~member & shut_out).any(axis=(1, 2))  # type: ignore[no-any-return]


def bloc_share(scenario: Path, seed: int, runs: int, ai: str, historicity: float = 1.0) -> float:
    """The share of runs 0..runs-1 of ``seed`` in which a Troika-like bloc forms."""
    spec = load(scenario).spec
    state = initial_state(spec, seed, np.arange(runs))
    formed = np.zeros(runs, dtype=bool)
    last = state.alliance.copy()

    def tick(now: State) -> None:
        nonlocal last
        formed[:] |= troika_like(spec, now, last)
        last = now.alliance.copy()

    play(spec, state, parse_ai(ai, spec.factions, historicity).choose_all, on_turn=tick)
    return float(formed.mean())
