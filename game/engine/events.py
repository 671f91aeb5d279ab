"""Exogenous events: strokes and deaths, harvests, crises abroad, documents surfacing.

An event never decides an office, a status, an alliance, a policy or a vote: its effects are
limited to the tracks, the factions' standing, the regions' members, deaths and the Testament
coming to light. Whatever follows from them is the rules' doing: a dead man's seats and offices
are filled when the party next meets (``motions.settle_the_dead``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine.motions import reveal_testament
from game.engine.rng import STREAM_EVENT, uniform
from game.engine.spec import EffectSpec, GameSpec
from game.engine.state import LEGITIMACY, UNITY, State
from game.engine.tracks import add_stat, add_unity, shift_sympathy

IntArray = NDArray[np.int64]
Log = list[dict[str, Any]]

TRACK_RANGES = ((0.0, 1.0), (-1.0, 1.0), (0.0, 1.0), (0.0, 1.0))


def run_event(spec: GameSpec, state: State, index: int, log: Log | None) -> None:
    """Try event ``index`` this turn in every live game where it has not fired yet."""
    event = spec.events[index]
    ready = ~state.split & ~state.fired[:, index]
    if event.condition is not None:
        ready &= event.condition.test(state)
    draw = uniform(state.seed, state.run_index, state.turn, STREAM_EVENT, 1, offset=index)[:, 0]
    games = np.flatnonzero(ready & (draw < event.chance))
    if games.size == 0:
        return
    state.fired[games, index] = True
    for effect in event.effects:
        _apply(spec, state, effect, games)
    if log is not None and games[0] == 0:
        log.append({"type": "event", "id": event.id, "title": event.title, "text": event.text})


def _apply(spec: GameSpec, state: State, effect: EffectSpec, g: IntArray) -> None:
    if effect.kind == "track" and effect.index == UNITY:
        add_unity(spec, state, g, effect.add)
    elif effect.kind == "track":
        low, high = TRACK_RANGES[effect.index]
        state.tracks[g, effect.index] = np.clip(
            state.tracks[g, effect.index] + effect.add, low, high
        )
    elif effect.kind == "faction" and (effect.stat != LEGITIMACY or spec.on("legitimacy")):
        add_stat(state, g, effect.index, effect.stat, effect.add)
    elif effect.kind == "region":
        _region(spec, state, effect, g)
    elif effect.kind == "figure_dies":
        state.alive[g, effect.index] = False
    elif effect.kind == "testament":
        reveal_testament(spec, state, g, effect.index)


def _region(spec: GameSpec, state: State, effect: EffectSpec, g: IntArray) -> None:
    regions = range(len(spec.regions)) if effect.index < 0 else (effect.index,)
    for r in regions:
        state.members[g, r] *= effect.members_factor
        state.recruits[g, r] = np.clip(state.recruits[g, r] + effect.recruits_add, 0.0, 1.0)
        if effect.sympathy_to >= 0:
            shift_sympathy(state, g, np.full(g.size, r), effect.sympathy_to, effect.sympathy_add)
