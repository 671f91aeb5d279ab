"""Sessions: congresses, conferences, plenums and the Politburo meet, vote their agenda and the
motions the factions tabled, and (congresses) elect the Central Committee and the Politburo."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.actions import legal_block, target_fits
from game.engine.motions import apply_motion, reject_secretary, settle_the_dead
from game.engine.spec import (
    CENSURED,
    MOTION_KINDS,
    SANCTION_KINDS,
    SESSION_KINDS,
    GameSpec,
    MotionSpec,
    SessionSpec,
)
from game.engine.state import State
from game.engine.votes import body, vote

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
Log = list[dict[str, Any]]

NOISE_SPACING = 32


def run_session(spec: GameSpec, state: State, index: int, log: Log | None) -> None:
    """Hold session ``index`` in every game that has not split."""
    session = spec.sessions[index]
    settle_the_dead(spec, state)
    live = ~state.split
    state.held[live, index] = True
    if log is not None and live[0]:
        log.append(
            {"type": "session", "id": session.id, "name": session.name, "date": session.date}
        )
    for m in session.agenda:
        motion = spec.motions[m]
        kind = MOTION_KINDS[motion.kind]
        if kind in (*SANCTION_KINDS, "readmit") and not spec.on("discipline"):
            continue
        put = live.copy()
        if motion.condition is not None:
            put &= motion.condition.test(state)
        sponsor = _agenda_sponsor(spec, state, motion)
        put &= _mover_can_act(spec, state, sponsor, motion)
        if kind in SANCTION_KINDS:
            put &= ~_shields(spec, state, sponsor, motion.target)
            put &= target_fits(state, kind, motion.target)
        _decide(spec, state, session, m, put, sponsor, m * 8, log)
    _decide_tabled(spec, state, session, live, log)
    if SESSION_KINDS[session.kind] == "congress":
        _elect(spec, state, session, live)


def _mover_can_act(
    spec: GameSpec, state: State, sponsor: IntArray, motion: MotionSpec
) -> BoolArray:
    """(B,): a motion moved by a named faction is put only while that faction's leader is in
    the party; one moved by an office's holder needs a holder."""
    if motion.sponsor_faction >= 0:
        return query.leader_active(spec, state)[:, motion.sponsor_faction]
    return sponsor >= 0


def _shields(spec: GameSpec, state: State, sponsor: IntArray, figure: int) -> BoolArray:
    """(B,): the would-be mover will not put a sanction against its own people; while the
    alliances mechanism (alliances and grudges) is on, nor against an ally or a faction it
    has no quarrel with: a motion on the agenda needs someone who wants it."""
    target = state.figure_faction[:, figure]
    own = (sponsor >= 0) & (target == sponsor)
    rows = query.rows(state)
    s, t = np.maximum(sponsor, 0), np.maximum(target, 0)
    if not spec.on("alliances"):
        return own  # type: ignore[no-any-return]
    quarrel = state.grievance[rows, s, t] + state.grievance[rows, t, s]
    calm = (sponsor >= 0) & (target >= 0) & (quarrel < spec.rules.k["quarrel_needed"])
    allied = state.alliance[rows, s, t]
    return own | calm | ((sponsor >= 0) & (target >= 0) & allied)  # type: ignore[no-any-return]


def _agenda_sponsor(spec: GameSpec, state: State, motion: MotionSpec) -> IntArray:
    if motion.sponsor_faction >= 0:
        return np.full(state.batch, motion.sponsor_faction, dtype=np.int64)
    return query.holds_office(state, motion.sponsor_office)


def _decide(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    m: int,
    put: NDArray[np.bool_],
    sponsor: IntArray,
    key: int,
    log: Log | None,
) -> None:
    """Vote motion ``m`` in the games where it is ``put`` (only those games are counted, as a
    smaller batch), and carry it out where it passes."""
    where = np.flatnonzero(put)
    if where.size == 0:
        return
    motion = spec.motions[m]
    voters = state if where.size == state.batch else state.take(where)
    result = vote(
        spec, voters, session, motion, sponsor[where], key * NOISE_SPACING, log is not None
    )
    apply_motion(spec, state, motion, where[result.passed], sponsor[where[result.passed]])
    state.passed[where[result.passed], m] = True
    state.put[where, m] = True
    state.vote_yes[where, m] = result.yes
    state.vote_no[where, m] = result.no
    if MOTION_KINDS[motion.kind] == "confirm_secretary":
        reject_secretary(spec, state, where[~result.passed])
    if log is not None and put[0]:
        log.append(
            {
                "type": "vote",
                "session": session.id,
                "motion": motion.id,
                "title": motion.title,
                "sponsor": spec.factions[sponsor[0]] if sponsor[0] >= 0 else None,
                "yes": int(result.yes[0]),
                "no": int(result.no[0]),
                "passed": bool(result.passed[0]),
                "blocs": [vars(b) for b in result.explanation[0]] if result.explanation else [],
            }
        )


def _decide_tabled(
    spec: GameSpec, state: State, session: SessionSpec, live: NDArray[np.bool_], log: Log | None
) -> None:
    """Put the motions the factions tabled, faction by faction, if they still make sense."""
    space = spec.actions
    for f in range(spec.n_factions):
        action = state.tabled[:, f].copy()
        state.tabled[:, f] = -1
        for a in np.unique(action[live & (action >= 0)]):
            games = live & (action == a)
            kind = space.kinds[a]
            still = legal_block(spec, state, f, kind, space.arg[a : a + 1])[:, 0]
            still &= query.leader_active(spec, state)[:, f]
            sponsor = np.full(state.batch, f, dtype=np.int64)
            key = (len(spec.motions) + a) * 8 + f
            _decide(spec, state, session, int(space.motion[a]), games & still, sponsor, key, log)


def _elect(spec: GameSpec, state: State, session: SessionSpec, live: NDArray[np.bool_]) -> None:
    """A congress elects a Central Committee (by delegations, which the machines steer) and
    the Central Committee fills the Politburo's empty seats."""
    games = np.flatnonzero(live)
    if session.cc_size:
        state.cc_size[games] = session.cc_size
    if session.politburo_size:
        state.politburo_size[games] = session.politburo_size
    shares = _cc_shares(spec, state, session)
    state.cc_share[games] = shares[games]
    _fill_politburo(spec, state, games)


def _cc_shares(spec: GameSpec, state: State, session: SessionSpec) -> FloatArray:
    """(B, F + 1): the new Central Committee, each delegation's seats split by its lean,
    with the part the regional machine controls going to the machine's faction."""
    blocs = body(spec, state, session)
    total = np.zeros((state.batch, spec.n_factions + 1))
    rows = query.rows(state)
    pull = spec.rules.k["cc_machine"] if spec.on("apparatus") else 0.0
    for bloc in blocs:
        share = bloc.lean * (1.0 - pull * bloc.grip)[:, None]
        held = bloc.machine >= 0
        share[rows[held], bloc.machine[held]] += (pull * bloc.grip)[held]
        share[~held, -1] += (pull * bloc.grip)[~held]
        total += share * bloc.size[:, None]
    beaten = ~query.leader_active(spec, state)
    total[:, -1] += (total[:, :-1] * beaten).sum(axis=1)
    total[:, :-1] *= ~beaten
    return total / np.maximum(total.sum(axis=1, keepdims=True), 1e-9)  # type: ignore[no-any-return]


def _trim_politburo(spec: GameSpec, state: State, games: IntArray, score: FloatArray) -> None:
    """When a congress makes the Politburo smaller, its weakest members (never a faction's
    leader while another can go) lose their seats."""
    leaders = np.zeros(len(spec.figures))
    leaders[spec.faction_leader] = 10.0
    keep = score + leaders[None, :]
    chosen = np.zeros(state.batch, dtype=bool)
    chosen[games] = True
    while True:
        over = chosen & (state.politburo.sum(axis=1) > state.politburo_size)
        if not over.any():
            return
        drop = np.argmin(np.where(state.politburo, keep, np.inf), axis=1)
        rows = np.flatnonzero(over)
        state.politburo[rows, drop[rows]] = False


def _fill_politburo(spec: GameSpec, state: State, games: IntArray) -> None:
    """Fill empty Politburo seats with eligible figures: candidate members first, then the
    people of the factions with the largest share of the Central Committee."""
    eligible = (
        query.figure_active(state) & state.cc_member & ~state.politburo & (state.status != CENSURED)
    )
    faction = state.figure_faction
    cc = np.take_along_axis(state.cc_share, np.where(faction >= 0, faction, spec.n_factions), 1)
    score = cc + spec.figure_candidate[None, :] + 0.01 * spec.figure_loyalty[None, :]
    _trim_politburo(spec, state, games, score)
    for _ in range(int(state.politburo_size.max(initial=0))):
        seated = state.politburo.sum(axis=1)
        want = np.zeros(state.batch, dtype=bool)
        want[games] = True
        want &= (seated < state.politburo_size) & eligible.any(axis=1)
        if not want.any():
            break
        pick = np.argmax(np.where(eligible, score, -np.inf), axis=1)
        rows = np.flatnonzero(want)
        state.politburo[rows, pick[rows]] = True
        eligible[rows, pick[rows]] = False
