"""The declaration of submission and the session that judges a man once: a faction about to be
struck by two thirds declares where it counts itself beaten, the bystanders then lose their
political reasons to strike it and the mover withdraws; a breach of discipline breaks the
declaration, and a broken one is not believed again; a motion tabled against a figure whom the
session has already judged waits for the next session."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from game.ai.policies import StandardPolicy
from game.ai.utility import context
from game.engine.actions import apply_actions
from game.engine.sessions import run_session
from game.engine.spec import GameSpec
from game.engine.state import (
    DECLARATION_BROKEN,
    DECLARATION_KEPT,
    IDEOLOGY,
    NOT_DECLARED,
    State,
    initial_state,
)
from game.engine.wants import sanction_stance

from .helpers import CAMPAIGN, spec_of
from .test_procedure import motion_of, session_of

SEED = 1
Log = list[dict[str, Any]]


def _faction(spec: GameSpec, name: str) -> int:
    return spec.factions.index(name)


def _july_1927(spec: GameSpec, declared: int) -> State:
    """The July-August 1927 plenum's quarter: the General Secretary's camp holds 60% of the
    Central Committee, Bukharin's 35%, Trotsky's 5%. Bukharin holds a grudge against Trotsky
    that alone would not make him strike a comrade, but with their lines far apart and Trotsky
    a threat he would. Trotsky's declaration stands at ``declared``."""
    state = initial_state(spec, SEED, np.arange(1))
    state.turn = spec.sessions[session_of(spec, "joint_plenum_1927_07")].turn
    stalin, trotsky, bukharin = (_faction(spec, n) for n in ("stalin", "trotsky", "bukharin"))
    state.cc_share[:] = 0.0
    state.cc_share[:, stalin], state.cc_share[:, bukharin], state.cc_share[:, trotsky] = (
        0.6,
        0.35,
        0.05,
    )
    state.grievance[:, stalin, trotsky] = 1.0
    state.grievance[:, bukharin, trotsky] = 0.5
    state.stats[:, trotsky, IDEOLOGY], state.stats[:, bukharin, IDEOLOGY] = -0.8, 0.6
    state.declared[:, trotsky] = declared
    return state


def _plenum(spec: GameSpec, state: State) -> Log:
    log: Log = []
    run_session(spec, state, session_of(spec, "joint_plenum_1927_07"), log)
    return log


def test_a_beaten_faction_declares_and_the_mover_withdraws() -> None:
    """Counting itself beaten, Trotsky's faction declares; Bukharin's camp, left with its
    grudge and its reluctance, no longer backs the removal, and the General Secretary, short
    of two thirds, withdraws it for the reprimand."""
    spec = spec_of(CAMPAIGN)
    state = _july_1927(spec, NOT_DECLARED)
    log = _plenum(spec, state)
    m = motion_of(spec, "remove_cc_trotsky_1927_08")
    declared = [e for e in log if e["type"] == "declared"]
    assert [e["faction"] for e in declared if e["motion"] == spec.motions[m].id] == ["trotsky"]
    assert state.declared[0, _faction(spec, "trotsky")] == DECLARATION_KEPT
    assert state.withdrawn[0, m] and not state.passed[0, m]
    assert state.passed[0, motion_of(spec, "reprimand_trotsky_1927_08")]


def test_a_faction_a_person_plays_declares_nothing_unasked() -> None:
    """The same hall, Trotsky's faction played by a person (rules version 6): no declaration
    in his name (a human Bukharin found one made for him); the removal carries, and his way to
    submit is to recant."""
    spec = spec_of(CAMPAIGN)
    state = _july_1927(spec, NOT_DECLARED)
    state.human[:, _faction(spec, "trotsky")] = True
    log = _plenum(spec, state)
    m = motion_of(spec, "remove_cc_trotsky_1927_08")
    assert not any(e["type"] == "declared" for e in log)
    assert state.declared[0, _faction(spec, "trotsky")] == NOT_DECLARED
    assert state.passed[0, m] and not state.withdrawn[0, m]


def test_a_broken_declaration_is_not_believed_again() -> None:
    """The same hall, with Trotsky's last declaration broken: no new one, and the removal
    carries."""
    spec = spec_of(CAMPAIGN)
    state = _july_1927(spec, DECLARATION_BROKEN)
    log = _plenum(spec, state)
    m = motion_of(spec, "remove_cc_trotsky_1927_08")
    assert not any(e["type"] == "declared" and e["faction"] == "trotsky" for e in log)
    assert state.passed[0, m] and not state.withdrawn[0, m]


@pytest.mark.parametrize("declared", [NOT_DECLARED, DECLARATION_KEPT, DECLARATION_BROKEN])
def test_political_reasons_fall_away_only_while_a_declaration_is_kept(declared: int) -> None:
    """With the declaration kept, a bystander's stance on striking the declarer is its
    reluctance and its grudge; otherwise the distance of lines and the menace add to it."""
    spec = spec_of(CAMPAIGN)
    state = _july_1927(spec, declared)
    trotsky, bukharin = _faction(spec, "trotsky"), _faction(spec, "bukharin")
    stance = sanction_stance(spec, state, np.array([trotsky]))[0, bukharin]
    bare = spec.rules.k["sanction_base"] + state.grievance[0, bukharin, trotsky]
    if declared == DECLARATION_KEPT:
        assert stance == pytest.approx(bare)
    else:
        assert stance > bare + 0.5


def test_an_appeal_breaks_a_kept_declaration() -> None:
    """Going over the party's head is a breach of discipline: the declaration is broken."""
    spec = spec_of(CAMPAIGN)
    state = _july_1927(spec, DECLARATION_KEPT)
    trotsky = _faction(spec, "trotsky")
    appeal = spec.actions.labels.index("appeal")
    taken = apply_actions(spec, state, trotsky, np.array([appeal]))
    assert taken[0] == appeal
    assert state.declared[0, trotsky] == DECLARATION_BROKEN


def test_a_faction_keeping_its_declaration_weighs_an_appeal_lower() -> None:
    """The standard AI counts the reprieve a kept declaration gives: appealing scores lower."""
    spec = spec_of(CAMPAIGN)
    trotsky = _faction(spec, "trotsky")
    appeal = spec.actions.labels.index("appeal")
    scores = []
    for declared in (NOT_DECLARED, DECLARATION_KEPT):
        state = _july_1927(spec, declared)
        scores.append(StandardPolicy().scores(spec, state, trotsky, 0, context(spec, state)))
    assert scores[1][0, appeal] < scores[0][0, appeal] - 0.1
    others = np.arange(spec.actions.size) != appeal
    assert np.allclose(scores[1][0, others], scores[0][0, others])


def test_a_tabled_motion_against_a_figure_the_session_judged_waits() -> None:
    """October 1927: the agenda strikes Trotsky off the Central Committee; the expulsion the
    General Secretary tabled is not voted at the same session but stays tabled."""
    spec = spec_of(CAMPAIGN)
    state = _july_1927(spec, DECLARATION_BROKEN)
    s = session_of(spec, "joint_plenum_1927_10")
    state.turn = spec.sessions[s].turn
    stalin = _faction(spec, "stalin")
    expel = spec.actions.labels.index("motion:expel:trotsky")
    state.tabled[:, stalin] = expel
    log: Log = []
    run_session(spec, state, s, log)
    voted = [e["motion"] for e in log if e["type"] == "vote"]
    assert "remove_cc_trotsky_1927_10" in voted
    assert all("expel" not in m for m in voted)
    assert state.tabled[0, stalin] == expel
