"""One calendar quarter: income, action rounds, the quarter's events and sessions in date order,
then the slow forces (membership, the machines' pull, the mood, unity) and the checkpoints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.actions import add_members, apply_actions
from game.engine.defection import defect
from game.engine.events import run_event
from game.engine.motions import settle_the_dead
from game.engine.sessions import run_session
from game.engine.spec import GameSpec
from game.engine.state import IDEOLOGY, INFLUENCE, LEGITIMACY, MOOD, PRESTIGE, UNITY, State
from game.engine.tracks import MAX_INFLUENCE, shift_sympathy

IntArray = NDArray[np.int64]
Log = list[dict[str, Any]]
Chooser = Callable[[GameSpec, State, int], IntArray]  # (spec, state, round) -> (B, F)


def begin_turn(spec: GameSpec, state: State) -> None:
    """The dead are replaced; influence comes in from offices held and machines run."""
    settle_the_dead(spec, state)
    owner = query.office_faction(state)
    machines = state.secretary
    active = query.leader_active(spec, state)
    k = spec.rules.k
    for f in range(spec.n_factions):
        income = spec.rules.base_income + ((owner == f) * spec.office_income[None, :]).sum(axis=1)
        income = income + k["machine_income"] * (machines == f).sum(axis=1)
        gained = np.where(active[:, f] & ~state.split, income, 0.0)
        state.stats[:, f, INFLUENCE] = np.minimum(
            MAX_INFLUENCE, state.stats[:, f, INFLUENCE] + gained
        )


def take_actions(spec: GameSpec, state: State, choices: IntArray, rnd: int = 0) -> IntArray:
    """Apply one round of actions, (B, F) chosen from the same position, in faction order.
    Games that have split only pass. Returns the actions actually taken, (B, F)."""
    choices = np.where(state.split[:, None], spec.actions.block("pass").start, choices)
    taken = np.empty_like(choices)
    for f in range(spec.n_factions):
        taken[:, f] = apply_actions(spec, state, f, choices[:, f], rnd)
    return taken


def resolve_turn(spec: GameSpec, state: State, log: Log | None = None) -> None:
    """Hold the quarter's events and sessions in date order, let the slow forces work,
    record the checkpoints reached and move to the next quarter."""
    for kind, index in spec.schedule[state.turn]:
        if kind == "session":
            run_session(spec, state, index, log)
        else:
            run_event(spec, state, index, log)
    _check_split(spec, state)
    _slow_forces(spec, state)
    _record_checkpoints(spec, state, log)
    state.turn += 1


def _slow_forces(spec: GameSpec, state: State) -> None:
    k = spec.rules.k
    games, regions = _cells(state)
    growth = spec.growth[state.turn]
    if growth > 0:
        add_members(spec, state, games, regions, state.members[games, regions] * growth)
    else:
        state.members *= 1.0 + growth
    if spec.on("apparatus"):
        sec = state.secretary[games, regions]
        held = sec >= 0
        shift_sympathy(state, games[held], regions[held], sec[held], k["secretary_pull"])
    state.recruits *= k["recruit_decay"]
    _opinion_pull(spec, state)
    if spec.on("unity"):
        unity = state.tracks[:, UNITY]
        state.tracks[:, UNITY] = unity + k["unity_recovery"] * (k["unity_rest"] - unity)
    state.breaches *= k["breach_decay"]
    state.grievance *= k["grievance_decay"]
    defect(spec, state)


def _cells(state: State) -> tuple[IntArray, IntArray]:
    """Every (game, region) pair, flattened: shapes (B * R,) and (B * R,)."""
    b, r = state.members.shape
    return np.repeat(np.arange(b), r), np.tile(np.arange(r), b)


def _opinion_pull(spec: GameSpec, state: State) -> None:
    """Members drift toward the factions that stand near the party's mood (the mediator
    mechanism) and toward those with the better name as leaders and heirs of Lenin."""
    games, regions = _cells(state)
    mood = state.tracks[:, MOOD]
    active = query.leader_active(spec, state)
    k = spec.rules.k
    standing = 0.5 * state.stats[:, :, PRESTIGE]
    if spec.on("legitimacy"):
        standing = standing + 0.5 * state.stats[:, :, LEGITIMACY]
    mean_standing = (standing * active).sum(axis=1) / np.maximum(active.sum(axis=1), 1)
    for f in range(spec.n_factions):
        amount = k["reputation_pull"] * (standing[:, f] - mean_standing)
        if spec.on("mediator"):
            amount = amount + k["mood_pull"] * (0.5 - np.abs(state.stats[:, f, IDEOLOGY] - mood))
        amount = np.where(active[:, f], amount, 0.0)
        shift_sympathy(state, games, regions, f, amount[games])


def _check_split(spec: GameSpec, state: State) -> None:
    if spec.on("unity"):
        state.split |= state.tracks[:, UNITY] < spec.rules.split_threshold


def _record_checkpoints(spec: GameSpec, state: State, log: Log | None) -> None:
    for c, checkpoint in enumerate(spec.checkpoints):
        new = (state.reached[:, c] < 0) & ~state.split & checkpoint.condition.test(state)
        state.reached[new, c] = state.turn
        if log is not None and new[0]:
            log.append(
                {
                    "type": "checkpoint",
                    "id": checkpoint.id,
                    "title": checkpoint.title,
                    "date": checkpoint.date,
                }
            )


def play(
    spec: GameSpec,
    state: State,
    choose: Chooser,
    log: Log | None = None,
    on_turn: Callable[[State], None] | None = None,
) -> IntArray:
    """Play every remaining quarter. ``choose(spec, state, round)`` gives every faction's
    action, shape (B, F). Returns the actions taken, shape (B, turns, rounds, F)."""
    rounds = spec.rules.actions_per_turn
    history = np.zeros((state.batch, spec.turns, rounds, spec.n_factions), dtype=np.int64)
    while state.turn < spec.turns:
        turn = state.turn
        begin_turn(spec, state)
        for rnd in range(rounds):
            choices = choose(spec, state, rnd)
            history[:, turn, rnd, :] = take_actions(spec, state, choices, rnd)
        if log is not None:
            log.append({"type": "actions", "turn": turn, "actions": history[0, turn].tolist()})
        resolve_turn(spec, state, log)
        if on_turn is not None:
            on_turn(state)
    return history
