"""Forecasts and explanations work on copies, agree with the rules, and give reasons."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.engine.actions import legal_mask
from game.engine.explain import action_title, why_illegal
from game.engine.forecast import forecast_vote, likely_effects, next_session
from game.engine.state import initial_state

from .helpers import loaded

CAMPAIGN = Path("scenarios/1922_succession.yaml")


def test_forecast_and_effects_leave_the_state_alone() -> None:
    spec = loaded(CAMPAIGN).spec
    state = initial_state(spec, 1, np.array([0]))
    before = state.row_hashes()
    motion = spec.actions.labels.index("motion:remove_office:stalin")
    forecast = forecast_vote(spec, state, 1, motion)
    for action in range(spec.actions.size):
        likely_effects(spec, state, 1, action, 0)
    assert state.row_hashes() == before
    assert forecast is not None and 0.0 <= forecast.chance_to_pass <= 1.0
    # Only a plenum can replace the General Secretary: the conference of August 1922 is
    # passed over for the first plenum, whose body is the Central Committee.
    assert spec.sessions[forecast.session].id == "plenum_1923_09"
    assert forecast.yes + forecast.no == state.cc_size[0]
    assert forecast.reasons and any("Apparatus" in r for r in forecast.reasons)


def test_forecast_is_for_the_next_session_only_for_motions() -> None:
    spec = loaded(CAMPAIGN).spec
    state = initial_state(spec, 1, np.array([0]))
    assert next_session(spec, 0) == 0 and next_session(spec, spec.turns) is None
    campaign = spec.actions.labels.index("campaign:moscow")
    assert forecast_vote(spec, state, 0, campaign) is None


def test_effects_name_what_changes() -> None:
    spec = loaded(CAMPAIGN).spec
    state = initial_state(spec, 1, np.array([0]))
    campaign = spec.actions.labels.index("campaign:moscow")
    lines = likely_effects(spec, state, 1, campaign, 0)
    assert any(line.startswith("Moscow: members for you") for line in lines)
    court = spec.actions.block("court").start
    assert "chance" in likely_effects(spec, state, 1, court, 0)[0]


def test_every_illegal_action_has_a_specific_reason() -> None:
    spec = loaded(CAMPAIGN).spec
    state = initial_state(spec, 1, np.array([0]))
    for faction in range(spec.n_factions):
        legal = legal_mask(spec, state, faction)[0]
        for action in np.flatnonzero(~legal):
            reason = why_illegal(spec, state, faction, int(action))
            assert reason != "Not possible at the moment.", action_title(spec, int(action))
    recruit = spec.actions.labels.index("recruit:moscow")
    assert "secretary in Moscow" in why_illegal(spec, state, 1, recruit)
