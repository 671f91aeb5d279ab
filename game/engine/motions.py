"""What a motion does once it has passed. Only votes change offices, statuses and policies."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.spec import (
    ACTIVE,
    CENSURED,
    DEPORTED,
    EXILED,
    EXPELLED,
    MOTION_KINDS,
    READMITTED,
    RECANTED,
    SESSION_KINDS,
    GameSpec,
    MotionSpec,
    SessionSpec,
)
from game.engine.state import LEGITIMACY, MOOD, PRESTIGE, State
from game.engine.tracks import add_members, add_stat, add_unity
from game.engine.wants import deviating

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
Effect = Callable[[GameSpec, State, MotionSpec, IntArray, IntArray], None]

TESTAMENT_COST_KEYS = {
    2: "testament_to_delegations",
    3: "testament_to_congress",
    4: "testament_published",
}


def apply_motion(
    spec: GameSpec, state: State, motion: MotionSpec, games: IntArray, sponsor: IntArray
) -> None:
    """Carry out a passed motion in games ``games``; ``sponsor`` is the mover per game."""
    if games.size == 0:
        return
    _EFFECTS[MOTION_KINDS[motion.kind]](spec, state, motion, games, sponsor)
    vacate_departed(state)


def settle_the_dead(spec: GameSpec, state: State) -> None:
    """Clear the seats and offices of figures who have died: the offices stay vacant until a
    body that fills them meets."""
    state.politburo &= state.alive
    state.cc_member &= state.alive
    vacate_departed(state)


def vacate_departed(state: State) -> None:
    """Every office whose holder has died or left the party falls vacant (holder -1)."""
    holder = state.holder
    figure = np.maximum(holder, 0)
    able = query.gather(state.alive, figure) & query.gather(state.in_party, figure)
    state.holder[(holder >= 0) & ~able] = -1


def elect_to_vacancies(spec: GameSpec, state: State, session: SessionSpec, live: BoolArray) -> None:
    """The session's body fills every vacant office it has the power to fill with the nominee
    of its largest group (in the games ``live``, (B,)); no list of heirs, a decision."""
    offices = np.flatnonzero(spec.office_filled_by[:, session.kind])
    vacant = (state.holder[:, offices] < 0) & live[:, None]
    if not vacant.any():
        return
    group = largest_group(spec, state, session)
    for o in offices[vacant.any(axis=0)]:
        games = np.flatnonzero(live & (state.holder[:, o] < 0))
        install(spec, state, games, int(o), nominee(spec, state, games, group[games]))


def largest_group(spec: GameSpec, state: State, session: SessionSpec) -> IntArray:
    """(B,): the faction with most seats in the body that fills offices (the Politburo, or
    the Central Committee at a plenum), -1 if no faction in play holds any."""
    if SESSION_KINDS[session.kind] == "politburo":
        seats = query.politburo_seats(spec, state)
    else:
        seats = state.cc_share[:, :-1].copy()
    seats = np.where(query.leader_active(spec, state), seats, 0.0)
    best = np.argmax(seats, axis=1)
    return np.where(seats.max(axis=1) > 0, best, -1)


def nominee(spec: GameSpec, state: State, g: IntArray, faction: IntArray) -> IntArray:
    """(len(g),): the man ``faction`` (per game, -1 nobody) puts up for an office: its most
    loyal active figure who holds no office, sparing its leader; -1 if it has nobody."""
    able = query.figure_active(state)[g] & (state.figure_faction[g] == faction[:, None])
    leaders = np.zeros(len(spec.figures), dtype=bool)
    leaders[spec.faction_leader] = True
    free = ~_holds_any_office(state, g, len(spec.figures))
    score = spec.figure_loyalty[None, :] + 2.0 * ~leaders[None, :] + 4.0 * free
    best = np.argmax(np.where(able, score, -1.0), axis=1)
    return np.where((faction >= 0) & able.any(axis=1), best, -1)


def _holds_any_office(state: State, g: IntArray, n_figures: int) -> BoolArray:
    """(len(g), G): which figures hold some office in games ``g``."""
    holds = np.zeros((g.size, n_figures + 1), dtype=bool)
    rows = np.repeat(np.arange(g.size), state.holder.shape[1])
    holds[rows, state.holder[g].ravel()] = True  # -1 (vacant) lands in the spare last column
    return holds[:, :n_figures]


def install(spec: GameSpec, state: State, g: IntArray, office: int, figure: IntArray) -> None:
    """Give ``office`` to ``figure`` (per game; -1 leaves it vacant) in games ``g``. The new
    holder of an office that runs a region's machine brings the region to his faction."""
    named = figure >= 0
    g, figure = g[named], figure[named]
    state.holder[g, office] = figure
    faction = state.figure_faction[g, figure]
    for r in np.flatnonzero(spec.region_boss == office):
        state.secretary[g, r] = faction


def _policy(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    """Adopt a line; the policies it excludes are dropped and the mood moves toward it."""
    dropped = spec.policy_excludes[m.policy]
    adopted = state.adopted[g]
    adopted[:, dropped] = False
    adopted[:, m.policy] = True
    state.adopted[g] = adopted
    pull = spec.rules.k["policy_mood_pull"]
    state.tracks[g, MOOD] += pull * (spec.policy_position[m.policy] - state.tracks[g, MOOD])
    _reward_sponsor(spec, state, g, s)


def _reward_sponsor(spec: GameSpec, state: State, g: IntArray, s: IntArray) -> None:
    has = s >= 0
    add_stat(state, g[has], s[has], PRESTIGE, spec.rules.k["win_prestige"])


def _set_status(state: State, g: IntArray, figure: int, status: int) -> None:
    state.status[g, figure] = status


def _hurt_faction(spec: GameSpec, state: State, g: IntArray, figure: int, amount: float) -> None:
    """Cost the faction of ``figure`` some prestige (nothing if the figure is unaligned)."""
    faction = state.figure_faction[g, figure]
    has = faction >= 0
    add_stat(state, g[has], faction[has], PRESTIGE, -amount)


def _condemn(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    """Censure: the target's faction loses prestige, and the party closes ranks."""
    _set_status(state, g, m.target, CENSURED)
    _hurt_faction(spec, state, g, m.target, spec.rules.k["censure_prestige"])
    add_unity(spec, state, g, spec.rules.k["closing_ranks"])
    _reward_sponsor(spec, state, g, s)


def _remove_politburo(
    spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray
) -> None:
    state.politburo[g, m.target] = False
    still = state.status[g, m.target] == ACTIVE
    state.status[g[still], m.target] = CENSURED
    _hurt_faction(spec, state, g, m.target, spec.rules.k["censure_prestige"])
    _reward_sponsor(spec, state, g, s)


def _remove_cc(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    state.cc_member[g, m.target] = False
    _remove_politburo(spec, state, m, g, s)


def _remove_office(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    """Take an office from its holder and give it to the mover's own nominee: the named
    successor if he is active and in the mover's camp, else the man the mover puts up; with
    neither, it stays vacant until the body that fills it meets."""
    held = state.holder[g, m.office] == m.target
    gh, sh = g[held], s[held]
    state.holder[gh, m.office] = -1
    choice = nominee(spec, state, gh, sh)
    if m.successor >= 0:
        ours = query.figure_active(state)[gh, m.successor] & (
            state.figure_faction[gh, m.successor] == sh
        )
        choice = np.where(ours, m.successor, choice)
    install(spec, state, gh, m.office, choice)
    _hurt_faction(spec, state, g, m.target, spec.rules.k["censure_prestige"])
    _reward_sponsor(spec, state, g, s)


def _condemn_line(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    """A resolution against a deviation, naming nobody: the faction whose line lies furthest
    that way loses standing as a censure would cost it, but no one's status changes; the
    party closes ranks."""
    faction = deviating(spec, state, m.deviation)[g]
    has = faction >= 0
    add_stat(state, g[has], faction[has], PRESTIGE, -spec.rules.k["censure_prestige"])
    add_unity(spec, state, g, spec.rules.k["closing_ranks"])
    _reward_sponsor(spec, state, g, s)


def _expel(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    """Out of the party: every seat and office is lost, and the target's followers are
    purged from the regional organisations."""
    faction = state.figure_faction[g, m.target]
    has = faction >= 0
    weights = query.weight(spec, state, g)
    size = np.where(has, weights[np.arange(g.size), np.maximum(faction, 0)], 0.0)
    _set_status(state, g, m.target, EXPELLED)
    _leave_party(state, g, m.target)
    state.sympathy[g[has], :, faction[has]] *= 1.0 - spec.rules.k["expel_purge"]
    _purge_central_committee(spec, state, g[has], m.target, faction[has])
    _hurt_faction(spec, state, g, m.target, spec.rules.k["expel_prestige"])
    k = spec.rules.k
    add_unity(spec, state, g, k["closing_ranks"] - k["expel_unity"] * query.CLASH_UNIT * size)
    _reward_sponsor(spec, state, g, s)


def _purge_central_committee(
    spec: GameSpec, state: State, g: IntArray, figure: int, faction: IntArray
) -> None:
    """When a faction's leader is expelled, its followers in the Central Committee go too:
    their seats pass to the uncommitted until the next congress."""
    led = spec.faction_leader[faction] == figure
    g, faction = g[led], faction[led]
    state.cc_share[g, -1] += state.cc_share[g, faction]
    state.cc_share[g, faction] = 0.0


def _leave_party(state: State, g: IntArray, figure: int) -> None:
    """Out of the party: no seat on the Politburo or the Central Committee (offices fall
    vacant when the motion is carried out)."""
    state.in_party[g, figure] = False
    state.politburo[g, figure] = False
    state.cc_member[g, figure] = False


def _exile(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    _leave_party(state, g, m.target)
    _set_status(state, g, m.target, EXILED)
    _hurt_faction(spec, state, g, m.target, spec.rules.k["expel_prestige"])


def _deport(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    _leave_party(state, g, m.target)
    _set_status(state, g, m.target, DEPORTED)
    _hurt_faction(spec, state, g, m.target, spec.rules.k["expel_prestige"])


def _readmit(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    ok = state.status[g, m.target] == RECANTED
    state.status[g[ok], m.target] = READMITTED
    state.in_party[g[ok], m.target] = True


def _enrolment(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    """A mass recruitment drive, spread over the regions in proportion to their size."""
    share = state.members[g] / state.members[g].sum(axis=1, keepdims=True)
    for r in range(len(spec.regions)):
        add_members(spec, state, g, np.full(g.size, r), m.recruits * share[:, r])
    _reward_sponsor(spec, state, g, s)


def _read_testament(spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray) -> None:
    reveal_testament(spec, state, g, m.testament)


def reveal_testament(spec: GameSpec, state: State, g: IntArray, level: int) -> None:
    """Lenin's last letters become known as far as ``level`` (an index of TESTAMENT_STATES;
    never less known than before). Read out or printed more widely than before, they cost
    the General Secretary his standing as heir."""
    before = state.testament[g]
    state.testament[g] = np.maximum(before, level)
    if level < 2 or not spec.on("legitimacy") or spec.general_secretary < 0:
        return
    holder = query.holds_office(state, spec.general_secretary)[g]
    hit = (holder >= 0) & (before < level)
    add_stat(state, g[hit], holder[hit], LEGITIMACY, -spec.rules.k[TESTAMENT_COST_KEYS[level]])


def _confirm_secretary(
    spec: GameSpec, state: State, m: MotionSpec, g: IntArray, s: IntArray
) -> None:
    """The General Secretary offered to go and was asked to stay: a mediator's triumph."""
    holder = query.holds_office(state, spec.general_secretary)[g]
    has = holder >= 0
    add_stat(state, g[has], holder[has], PRESTIGE, spec.rules.k["resign_prestige"])
    add_unity(spec, state, g, spec.rules.k["closing_ranks"])


def reject_secretary(spec: GameSpec, state: State, games: IntArray) -> None:
    """The offer to resign was taken up: the office falls vacant, for the plenum to fill."""
    if games.size == 0 or spec.general_secretary < 0:
        return
    state.holder[games, spec.general_secretary] = -1


_EFFECTS: dict[str, Effect] = {
    "policy": _policy,
    "condemn": _condemn,
    "remove_politburo": _remove_politburo,
    "remove_cc": _remove_cc,
    "remove_office": _remove_office,
    "expel": _expel,
    "exile": _exile,
    "deport": _deport,
    "readmit": _readmit,
    "enrolment": _enrolment,
    "read_testament": _read_testament,
    "confirm_secretary": _confirm_secretary,
    "condemn_line": _condemn_line,
}
