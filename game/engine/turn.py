"""One calendar quarter: income, action rounds, the quarter's events and sessions in date order,
then the slow forces (membership, the machines' pull, the mood, unity) and the checkpoints.

The engine's only way through a quarter: ``take_actions`` is one action round, ``play_quarter``
the quarter built from it (from any round, with or without the income already taken), and
``play`` every remaining quarter. The batch, the hard AI's rollouts, the window's match and
bench all go through ``play_quarter``. An optional ``Tracer`` is told after every step that can
change the position (see ``game.engine.credit``); without one, nothing is done for it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.actions import apply_actions
from game.engine.defection import defect
from game.engine.events import run_event
from game.engine.motions import settle_the_dead
from game.engine.sessions import run_session
from game.engine.spec import GameSpec
from game.engine.state import IDEOLOGY, INFLUENCE, LEGITIMACY, MOOD, PRESTIGE, UNITY, State
from game.engine.tracks import MAX_INFLUENCE, add_members, shift_leanings, shift_sympathy

IntArray = NDArray[np.int64]
Log = list[dict[str, Any]]
Chooser = Callable[[GameSpec, State, int], IntArray]  # (spec, state, round) -> (B, F)


class Tracer(Protocol):
    """Watches one quarter step by step: told after each step that can change the position,
    in the order the steps happen."""

    def begin_quarter(self, state: State) -> None:
        """The quarter starts (before its income, if the step takes it)."""

    def after_income(self, state: State) -> None:
        """The dead were replaced and the income came in."""

    def after_action(self, state: State, faction: int, taken: IntArray) -> None:
        """``faction`` took the actions ``taken`` (B,)."""

    def after_motion(self, state: State, session: int, motion: int) -> None:
        """Session ``session`` opened (``motion`` -1: the dead replaced, the session held) or
        voted motion ``motion`` (and carried it out where it passed)."""

    def after_session(self, state: State, session: int) -> None:
        """Session ``session`` is over (its elections held)."""

    def after_event(self, state: State, event: int) -> None:
        """Event ``event`` was tried (and fired where its chance came up)."""

    def after_slow_forces(self, state: State) -> None:
        """The slow forces worked."""

    def end_quarter(self, state: State) -> None:
        """The quarter's checkpoints are recorded (``state.turn`` is still the quarter's)."""


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


def take_actions(
    spec: GameSpec, state: State, choices: IntArray, rnd: int = 0, tracer: Tracer | None = None
) -> IntArray:
    """One action round: apply the actions (B, F) chosen from the same position, in faction
    order. Games that have split only pass. Returns the actions actually taken, (B, F)."""
    choices = np.where(state.split[:, None], spec.actions.block("pass").start, choices)
    taken = np.empty_like(choices)
    for f in range(spec.n_factions):
        taken[:, f] = apply_actions(spec, state, f, choices[:, f], rnd)
        if tracer is not None:
            tracer.after_action(state, f, taken[:, f])
    return taken


def resolve_turn(
    spec: GameSpec, state: State, log: Log | None = None, tracer: Tracer | None = None
) -> None:
    """Hold the quarter's events and sessions in date order, let the slow forces work,
    record the checkpoints reached and move to the next quarter."""
    for kind, index in spec.schedule[state.turn]:
        if kind == "session":
            traced = None if tracer is None else partial(tracer.after_motion, state, index)
            run_session(spec, state, index, log, traced)
            if tracer is not None:
                tracer.after_session(state, index)
        else:
            run_event(spec, state, index, log)
            if tracer is not None:
                tracer.after_event(state, index)
    _check_split(spec, state)
    _slow_forces(spec, state)
    if tracer is not None:
        tracer.after_slow_forces(state)
    _record_checkpoints(spec, state, log)
    if tracer is not None:
        tracer.end_quarter(state)
    state.turn += 1


def play_quarter(
    spec: GameSpec,
    state: State,
    choose: Chooser,
    *,
    first_round: int = 0,
    income: bool = True,
    log: Log | None = None,
    tracer: Tracer | None = None,
) -> IntArray:
    """One quarter step: the income (unless ``income`` is False: the window takes it when a
    quarter opens, before the humans plan), the action rounds from ``first_round`` (a rollout
    resumes mid-quarter), each chosen by ``choose(spec, state, round)``, then the events and
    sessions. Logs the actions taken (game 0) before what they led to. Returns the actions
    taken, shape (B, rounds - first_round, F)."""
    turn = state.turn
    if tracer is not None:
        tracer.begin_quarter(state)
    if income:
        begin_turn(spec, state)
        if tracer is not None:
            tracer.after_income(state)
    rounds = range(first_round, spec.rules.actions_per_turn)
    taken = np.empty((state.batch, len(rounds), spec.n_factions), dtype=np.int64)
    for i, rnd in enumerate(rounds):
        taken[:, i] = take_actions(spec, state, choose(spec, state, rnd), rnd, tracer)
    if log is not None:
        log.append({"type": "actions", "turn": turn, "actions": taken[0].tolist()})
    resolve_turn(spec, state, log, tracer)
    return taken


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
    games, _ = _cells(state)
    cells = state.sympathy.reshape(games.size, -1)  # (B * R, F), a view of the state's array
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
        shift_leanings(cells, f, amount[games])
    state.sympathy[...] = cells.reshape(state.sympathy.shape)  # in case it was a copy


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
    tracer: Tracer | None = None,
) -> IntArray:
    """Play every remaining quarter. ``choose(spec, state, round)`` gives every faction's
    action, shape (B, F). Returns the actions taken, shape (B, turns, rounds, F)."""
    rounds = spec.rules.actions_per_turn
    history = np.zeros((state.batch, spec.turns, rounds, spec.n_factions), dtype=np.int64)
    while state.turn < spec.turns:
        turn = state.turn
        history[:, turn] = play_quarter(spec, state, choose, log=log, tracer=tracer)
        if on_turn is not None:
            on_turn(state)
    return history
