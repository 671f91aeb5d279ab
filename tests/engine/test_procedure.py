"""The party's procedure as rules: only a body with the power decides a motion, by the majority
it needs; a mover withdraws a sanction it expects to lose and puts its milder fallback; a
motion can be tabled only while some session could still decide it; an entrenched rival
machine cannot be taken by appointment, and a boss who changes camp takes his machine along."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pytest

from game.engine.actions import apply_actions, legal_mask
from game.engine.explain import why_illegal
from game.engine.motions import apply_motion
from game.engine.procedure import carried
from game.engine.sessions import run_session
from game.engine.spec import NO_POWER, RECANTED, SIMPLE, TWO_THIRDS, GameSpec
from game.engine.state import INFLUENCE, State, initial_state
from game.engine.turn import play

from .helpers import CAMPAIGN, chooser, spec_of
from .watch import RUNS as WATCHED
from .watch import watched

RUNS, SEED = 100, 1
Log = list[dict[str, Any]]


@cache
def logs(policy: str = "standard") -> tuple[Log, ...]:
    """The logs of runs 0..RUNS-1 of SEED under ``policy`` (historicity 1), each game played
    alone (the log records game 0 of its batch)."""
    spec = spec_of(CAMPAIGN)
    choose = chooser(spec, policy, 1.0)
    played = []
    for run in range(RUNS):
        log: Log = []
        play(spec, initial_state(spec, SEED, np.array([run])), choose, log)
        played.append(log)
    return tuple(played)


def motion_of(spec: GameSpec, ident: str) -> int:
    return next(i for i, m in enumerate(spec.motions) if m.id == ident)


def session_of(spec: GameSpec, ident: str) -> int:
    return next(i for i, s in enumerate(spec.sessions) if s.id == ident)


def test_no_motion_is_voted_by_a_body_without_the_power() -> None:
    """In 1,000 standard games (``watch.watched``), every vote (agenda, fallback or tabled) is
    taken by a session whose body the procedure gives the power to decide that motion;
    tabled motions are among them."""
    watch = watched()
    assert watch.votes > 20 * WATCHED and watch.tabled > 0
    assert not [b for b in watch.breaches if "no power" in b]


def test_every_vote_is_carried_by_the_majority_its_body_needs() -> None:
    """In the same games, a two-thirds motion is carried exactly when it has two thirds of the
    votes cast, any other exactly when yes outnumber no; two-thirds votes do occur."""
    watch = watched()
    assert watch.two_thirds > 0
    assert not [b for b in watch.breaches if "against its majority" in b]


def test_two_thirds_is_two_thirds_of_the_votes_cast() -> None:
    """60 to 40 carries a simple majority but not two thirds; 67 to 33 carries both; a body
    without the power carries nothing."""
    yes, no = np.array([60, 67, 0]), np.array([40, 33, 0])
    assert carried(yes, no, SIMPLE).tolist() == [True, True, False]
    assert carried(yes, no, TWO_THIRDS).tolist() == [False, True, False]
    assert not carried(yes, no, NO_POWER).any()


def test_logged_withdrawals_were_short_and_their_motion_was_not_voted() -> None:
    """Withdrawals happen in historical play (the July 1927 plenum's); each logged withdrawal
    was expected to fall short of the majority needed, and its motion is not voted at that
    session."""
    played = logs("historical")
    withdrawals = [e for log in played for e in log if e["type"] == "withdrawn"]
    assert withdrawals
    for log in played:
        voted = {(e["session"], e["motion"]) for e in log if e["type"] == "vote"}
        for entry in (e for e in log if e["type"] == "withdrawn"):
            assert entry["expected"] < entry["needed"]
            assert (entry["session"], entry["motion"]) not in voted


def plenum_of_july_1927(stalin_cc_share: float) -> tuple[GameSpec, State, Log]:
    """The campaign's July-August 1927 joint plenum held on a fresh position in which the
    General Secretary's camp holds ``stalin_cc_share`` of the Central Committee and has a
    quarrel with Trotsky's; returns the log of game 0."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, SEED, np.arange(1))
    s = session_of(spec, "joint_plenum_1927_07")
    state.turn = spec.sessions[s].turn
    stalin, trotsky = spec.factions.index("stalin"), spec.factions.index("trotsky")
    state.grievance[:, stalin, trotsky] = 1.0
    state.cc_share[:] = 0.0
    state.cc_share[:, stalin] = stalin_cc_share
    state.cc_share[:, trotsky] = 1.0 - stalin_cc_share
    log: Log = []
    run_session(spec, state, s, log)
    return spec, state, log


@pytest.mark.parametrize(("share", "withdrawn"), [(0.55, True), (0.97, False)])
def test_the_mover_withdraws_a_sanction_it_expects_to_lose(share: float, withdrawn: bool) -> None:
    """With 55% of the Central Committee the General Secretary's camp cannot count on two
    thirds: it withdraws the motion to strike Trotsky off the CC, which is recorded in the
    state and the log, and moves the milder reprimand instead. With 97% it puts the motion."""
    spec, state, log = plenum_of_july_1927(share)
    m = motion_of(spec, "remove_cc_trotsky_1927_08")
    motions = {e["motion"] for e in log if e["type"] == "vote"}
    pulled = [e for e in log if e["type"] == "withdrawn" and e["motion"] == spec.motions[m].id]
    assert bool(state.withdrawn[0, m]) is withdrawn
    assert bool(pulled) is withdrawn
    assert (spec.motions[m].id in motions) is not withdrawn
    if withdrawn:
        assert pulled[0]["expected"] < pulled[0]["needed"] == round(2 / 3, 3)
        assert pulled[0]["fallback"] == "reprimand_trotsky_1927_08"


def test_tabling_is_illegal_once_no_session_left_could_decide_the_motion() -> None:
    """After the last joint plenum and congress, nobody can table an expulsion (only those
    bodies may expel), and the window says why; a condemnation, which a plenum may decide,
    can still be tabled while a plenum is to come."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, SEED, np.arange(1))
    f = spec.factions.index("stalin")
    state.stats[:, f, INFLUENCE] = 10.0
    expel = spec.actions.labels.index("motion:expel:trotsky")
    condemn = spec.actions.labels.index("motion:condemn:trotsky")
    assert legal_mask(spec, state, f)[0, expel]
    state.turn = int(spec.motion_last_turn[spec.actions.motion[expel]]) + 1
    assert state.turn <= int(spec.motion_last_turn[spec.actions.motion[condemn]])
    mask = legal_mask(spec, state, f)
    assert not mask[0, expel] and mask[0, condemn]
    assert "No session left" in why_illegal(spec, state, f, expel)


def test_the_secretariat_cannot_appoint_into_a_rival_machine() -> None:
    """While Zinoviev holds Leningrad's office, the General Secretary may not appoint its
    secretary (the window says whose machine it is) though he may elsewhere; once the plenum
    removes Zinoviev from that office, the new boss's faction runs the region."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, SEED, np.arange(2))
    stalin = spec.factions.index("stalin")
    state.stats[:, stalin, INFLUENCE] = 10.0
    leningrad = spec.actions.labels.index("appoint:leningrad")
    ukraine = spec.actions.labels.index("appoint:ukraine")
    mask = legal_mask(spec, state, stalin)
    assert not mask[:, leningrad].any() and mask[:, ukraine].all()
    assert "Grigory Zinoviev's machine" in why_illegal(spec, state, stalin, leningrad)
    m = spec.motions[motion_of(spec, "zinoviev_loses_leningrad")]
    apply_motion(spec, state, m, np.arange(2), np.full(2, stalin))
    region = spec.regions.index("leningrad")
    assert (state.holder[:, m.office] == m.successor).all()
    assert (state.secretary[:, region] == state.figure_faction[:, m.successor]).all()


def test_moscow_is_run_by_its_committee_and_a_boss_won_over_brings_his_machine() -> None:
    """Taking the Moscow Soviet from Kamenev leaves Moscow's machine where it was (the Soviet
    runs none); a secretary of the Moscow Committee won over by another camp takes the machine
    with him; his removal installs the named successor only where he is of the mover's camp."""
    spec = spec_of(CAMPAIGN)
    games = np.arange(RUNS)
    state = initial_state(spec, SEED, games)
    stalin, zinoviev = spec.factions.index("stalin"), spec.factions.index("zinoviev")
    moscow = spec.regions.index("moscow")
    assert spec.offices[spec.region_boss[moscow]] == "moscow_committee"
    soviet = spec.motions[motion_of(spec, "kamenev_loses_moscow")]
    apply_motion(spec, state, soviet, games, np.full(RUNS, stalin))
    assert (state.figure_faction[games, state.holder[:, soviet.office]] == stalin).all()
    assert (state.secretary[:, moscow] == zinoviev).all()
    state.stats[:, stalin, INFLUENCE] = 10.0
    zelensky = spec.figures.index("zelensky")
    apply_actions(spec, state, stalin, np.full(RUNS, spec.actions.labels.index("court:zelensky")))
    won = state.figure_faction[:, zelensky] == stalin
    assert 0 < won.sum() < RUNS
    np.testing.assert_array_equal(state.secretary[:, moscow], np.where(won, stalin, zinoviev))
    state = initial_state(spec, SEED, games[:2])
    uglanov = spec.figures.index("uglanov")
    state.figure_faction[0, uglanov] = stalin
    committee = spec.motions[motion_of(spec, "zelensky_leaves_moscow")]
    apply_motion(spec, state, committee, games[:2], np.full(2, stalin))
    assert state.holder[0, committee.office] == uglanov != state.holder[1, committee.office]
    assert (state.figure_faction[games[:2], state.holder[:, committee.office]] == stalin).all()
    assert (state.secretary[:, moscow] == stalin).all()


@pytest.mark.parametrize(("in_party", "put"), [(True, False), (False, True)])
def test_only_a_man_out_of_the_party_is_put_to_readmission(in_party: bool, put: bool) -> None:
    """June 1928: 'Take Kamenev back into the party' was voted for a Kamenev censured, recanted
    and never expelled, and made him 'readmitted'. Readmission is put only for the expelled."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.arange(1))
    session = session_of(spec, "politburo_1928_06")
    state.turn = spec.sessions[session].turn
    kamenev = spec.figure_names.index("Lev Kamenev")
    state.status[0, kamenev] = RECANTED
    state.in_party[0, kamenev] = in_party
    run_session(spec, state, session, None)
    m = motion_of(spec, "readmit_kamenev")
    assert bool(state.put[0, m]) == put
    assert bool(state.in_party[0, kamenev]) == (in_party or bool(state.passed[0, m]))


def test_a_tabled_motion_that_no_longer_makes_sense_is_dropped_with_a_reason() -> None:
    """Zinoviev tabled 'Condemn: Bukharin', then the two made a bloc: the motion was never
    voted and nothing said so. The session's log says it was dropped, and why."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.arange(1))
    zinoviev, bukharin = spec.factions.index("zinoviev"), spec.factions.index("bukharin")
    session = session_of(spec, "conference_12")
    state.turn = spec.sessions[session].turn
    state.tabled[0, zinoviev] = spec.actions.labels.index("motion:condemn:bukharin")
    state.alliance[0, zinoviev, bukharin] = state.alliance[0, bukharin, zinoviev] = True
    log: list[dict[str, Any]] = []
    run_session(spec, state, session, log)
    dropped = [e for e in log if e["type"] == "dropped"]
    assert [(e["faction"], e["title"]) for e in dropped] == [
        ("zinoviev", "Condemn: Nikolai Bukharin")
    ]
    assert dropped[0]["why"] and not any(
        e["type"] == "vote" and "Bukharin" in e["title"] for e in log
    )
