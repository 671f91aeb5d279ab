"""Sessions: congresses, conferences, plenums and the Politburo meet, vote their agenda and the
motions the factions tabled, and (congresses) elect the Central Committee and the Politburo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.actions import legal_block
from game.engine.explain import why_illegal
from game.engine.kinds.tabling import target_fits
from game.engine.motions import (
    apply_motion,
    elect_to_vacancies,
    reject_secretary,
    settle_the_dead,
)
from game.engine.procedure import empowered, majority, needed_share
from game.engine.spec import (
    CENSURED,
    DISCIPLINE_KINDS,
    MAJORITIES,
    MOTION_KINDS,
    SANCTION_KINDS,
    SESSION_KINDS,
    TWO_THIRDS,
    GameSpec,
    MotionSpec,
    SessionSpec,
)
from game.engine.state import DECLARATION_BROKEN, DECLARATION_KEPT, State
from game.engine.votes import body, expected_share, vote
from game.engine.wants import against, target_faction, wants

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
Log = list[dict[str, Any]]

NOISE_SPACING = 32


def run_session(
    spec: GameSpec,
    state: State,
    index: int,
    log: Log | None,
    traced: Callable[[int], None] | None = None,
) -> None:
    """Hold session ``index`` in every game that has not split. ``traced``, if given (the
    checkpoint tracer's hook), is called with -1 once the session has opened and with ``m``
    after each motion ``m`` is decided."""
    session = spec.sessions[index]
    settle_the_dead(spec, state)
    live = ~state.split
    judged = np.zeros(state.status.shape, dtype=bool)  # (B, G) figures this session has judged
    state.held[live, index] = True
    if log is not None and live[0]:
        log.append(
            {"type": "session", "id": session.id, "name": session.name, "date": session.date}
        )
    if traced is not None:
        traced(-1)
    for m in session.agenda:
        motion = spec.motions[m]
        kind = MOTION_KINDS[motion.kind]
        if kind in DISCIPLINE_KINDS and not spec.on("discipline"):
            continue
        if not empowered(motion, session):
            continue  # the validator refuses such an agenda; a body never exceeds its powers
        put = live.copy()
        if motion.condition is not None:
            put &= motion.condition.test(state)
        if kind == "policy":
            put &= query.policy_due(spec, state)[:, motion.policy]
        if kind in SANCTION_KINDS or kind == "readmit":  # only the expelled are readmitted
            put &= target_fits(state, kind, motion.target)
        sponsor = agenda_mover(spec, state, motion)
        put &= sponsor >= 0
        declare(spec, state, session, m, put, sponsor, log)
        if motion.fallback >= 0:
            put &= ~_withdraw(spec, state, session, m, put, sponsor, log)
        _decide(spec, state, session, m, put, sponsor, m * 8, log)
        judged[put] |= _targets(spec, state, m)
        if traced is not None:
            traced(m)
    _decide_tabled(spec, state, session, live, judged, log, traced)
    if SESSION_KINDS[session.kind] == "congress":
        _elect(spec, state, session, live)
    elect_to_vacancies(spec, state, session, live)


def agenda_mover(spec: GameSpec, state: State, motion: MotionSpec) -> IntArray:
    """(B,): who moves an agenda item: its named sponsor while that faction's leader is in
    the party and moving it would not be against itself (``wants.against``: it wants the
    motion, which strikes neither it nor its ally); failing that, the willing faction that
    wants it most; -1 where nobody is willing (the item is not put). A faction a person
    plays (``State.human``) is never willing: it moves only the motions its player tables."""
    want = wants(spec, state, motion)
    willing = query.leader_active(spec, state) & ~against(spec, state, motion, want)
    willing &= ~state.human
    named = _named_sponsor(spec, state, motion)
    rows = query.rows(state)
    keeps = (named >= 0) & willing[rows, np.maximum(named, 0)]
    keenest = np.argmax(np.where(willing, want, -np.inf), axis=1)
    return np.where(keeps, named, np.where(willing.any(axis=1), keenest, -1))


def _targets(spec: GameSpec, state: State, m: int) -> BoolArray:
    """(G,): the figure motion ``m`` names, as a mask (none for a motion naming nobody)."""
    mask = np.zeros(state.status.shape[1], dtype=bool)
    if spec.motions[m].target >= 0:
        mask[spec.motions[m].target] = True
    return mask


def declare(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    m: int,
    put: BoolArray,
    sponsor: IntArray,
    log: Log | None,
) -> None:
    """Before a vote that would strike one of its figures by two thirds (off the Central
    Committee, out of the party: the unity resolution's measures), a faction counts the votes as
    the mover does (``expected_share``); where it finds itself beaten it declares its submission,
    renouncing factional work while keeping its views, as the opposition did on 8 August 1927.
    While the declaration is kept the bystanders lose their political reasons to strike it
    (``wants.sanction_stance``), and the mover counts again before the vote (``_withdraw``). A
    faction that broke its declaration (a breach of discipline since: ``own._appeal``) is not
    believed again: in October 1927, after the secret press, the same plenum struck. A faction
    a person plays (``State.human``) never declares unasked: its player submits by recanting."""
    motion = spec.motions[m]
    if MOTION_KINDS[motion.kind] not in SANCTION_KINDS or majority(motion, session) != TWO_THIRDS:
        return
    target = target_faction(state, motion)
    rows = query.rows(state)
    t = np.maximum(target, 0)
    able = put & (target >= 0) & (state.declared[rows, t] != DECLARATION_BROKEN)
    able &= query.leader_active(spec, state)[rows, t] & ~state.human[rows, t]
    if not able.any():
        return
    beaten = able & (
        expected_share(spec, state, session, motion, sponsor) >= needed_share(TWO_THIRDS)
    )
    state.declared[rows[beaten], t[beaten]] = DECLARATION_KEPT
    if log is not None and beaten[0]:
        log.append(
            {
                "type": "declared",
                "session": session.id,
                "motion": motion.id,
                "faction": spec.factions[t[0]],
            }
        )


def _withdraw(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    m: int,
    put: BoolArray,
    sponsor: IntArray,
    log: Log | None,
) -> BoolArray:
    """(B,): the games where the mover, counting the votes beforehand (the vote model without
    its chance term), expects motion ``m`` to fall short of the majority it needs: there it
    withdraws the motion and puts its milder fallback instead, if that still fits."""
    motion = spec.motions[m]
    expected = expected_share(spec, state, session, motion, sponsor)
    short = put & (expected < needed_share(majority(motion, session)))
    if not short.any():
        return short
    state.withdrawn[short, m] = True
    fallback = spec.motions[motion.fallback]
    if log is not None and short[0]:
        log.append(
            {
                "type": "withdrawn",
                "session": session.id,
                "motion": motion.id,
                "title": motion.title,
                "sponsor": spec.factions[sponsor[0]] if sponsor[0] >= 0 else None,
                "expected": round(float(expected[0]), 3),
                "needed": round(needed_share(majority(motion, session)), 3),
                "fallback": fallback.id,
            }
        )
    milder = short & target_fits(state, MOTION_KINDS[fallback.kind], fallback.target)
    if empowered(fallback, session):
        _decide(spec, state, session, motion.fallback, milder, sponsor, motion.fallback * 8, log)
    return short


def _named_sponsor(spec: GameSpec, state: State, motion: MotionSpec) -> IntArray:
    """(B,): the sponsor the scenario names: a faction, or the faction holding an office."""
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
                "majority": MAJORITIES[majority(motion, session)],
                "passed": bool(result.passed[0]),
                "blocs": [vars(b) for b in result.explanation[0]] if result.explanation else [],
            }
        )


def _decide_tabled(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    live: NDArray[np.bool_],
    judged: BoolArray,
    log: Log | None,
    traced: Callable[[int], None] | None,
) -> None:
    """Put the motions the factions tabled, faction by faction, if they still make sense and
    this body has the power to decide them. A motion this body cannot decide stays tabled for
    the next session that can (while it still makes sense), and so does one against a figure
    this session has already judged (``judged`` (B, G)): a session settles a man's case in one
    resolution (October 1927 struck Trotsky off the CC and left his expulsion to November; April
    1929 took Pravda and the Comintern from Bukharin and his Politburo seat only in November)."""
    space = spec.actions
    for f in range(spec.n_factions):
        action = state.tabled[:, f].copy()
        state.tabled[:, f] = -1
        for a in np.unique(action[live & (action >= 0)]):
            games = live & (action == a)
            still = legal_block(spec, state, f, space.kinds[a], np.array([a]))[:, 0]
            still &= query.leader_active(spec, state)[:, f]
            if log is not None and games[0] and not still[0]:
                log.append(_dropped(spec, state, session, f, int(a)))
            m = int(space.motion[a])
            if not empowered(spec.motions[m], session):
                state.tabled[games & still, f] = a
                continue
            waits = (judged & _targets(spec, state, m)).any(axis=1)
            state.tabled[games & still & waits, f] = a
            put = games & still & ~waits
            sponsor = np.full(state.batch, f, dtype=np.int64)
            declare(spec, state, session, m, put, sponsor, log)
            key = (len(spec.motions) + a) * 8 + f
            _decide(spec, state, session, m, put, sponsor, key, log)
            judged[put] |= _targets(spec, state, m)
            if traced is not None:
                traced(m)


def _dropped(spec: GameSpec, state: State, session: SessionSpec, f: int, a: int) -> dict[str, Any]:
    """The log's entry for a tabled motion that no longer makes sense when its session comes
    (its mover allied with the man it struck, the man already struck, the mover's leader out):
    it is dropped, and the entry says why (game 0)."""
    return {
        "type": "dropped",
        "session": session.id,
        "faction": spec.factions[f],
        "title": spec.motions[int(spec.actions.motion[a])].title,
        "why": why_illegal(spec, state, f, a),
    }


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
    hall = body(spec, state, session)
    total = np.zeros((state.batch, spec.n_factions + 1))
    rows = query.rows(state)
    pull = spec.rules.k["cc_machine"] if spec.on("apparatus") else 0.0
    for i in range(len(hall.names)):
        grip, machine = hall.grip[:, i], hall.machine[:, i]
        share = hall.lean[:, i] * (1.0 - pull * grip)[:, None]
        held = machine >= 0
        share[rows[held], machine[held]] += (pull * grip)[held]
        share[~held, -1] += (pull * grip)[~held]
        total += share * hall.size[:, i, None]
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
    cc = query.gather(state.cc_share, np.where(faction >= 0, faction, spec.n_factions))
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
