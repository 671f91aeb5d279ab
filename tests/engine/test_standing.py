"""Two rules of standing: a denunciation takes a share of the target's name, so no name falls
to nothing; and whoever holds the Secretariat uses it, whatever their taste for the apparatus."""

from __future__ import annotations

import numpy as np

from game.ai.utility import OFFICE_DRIVE, context, utilities
from game.engine.actions import apply_actions
from game.engine.spec import PERSONALITY_TRAITS
from game.engine.state import PRESTIGE, initial_state

from .helpers import CAMPAIGN, SEED, spec_of


def test_a_denunciation_takes_the_same_share_of_any_name() -> None:
    spec = spec_of(CAMPAIGN)
    stalin, trotsky = spec.factions.index("stalin"), spec.factions.index("trotsky")
    state = initial_state(spec, SEED, np.arange(3))
    state.stats[:, trotsky, PRESTIGE] = [0.8, 0.2, 0.0]
    before = state.stats[:, trotsky, PRESTIGE].copy()
    action = spec.actions.labels.index("denounce:trotsky")
    taken = apply_actions(spec, state, stalin, np.full(3, action), 0)
    assert (taken == action).all()
    after = state.stats[:, trotsky, PRESTIGE]
    assert after[0] < before[0] and after[1] < before[1]
    assert after[0] / before[0] == np.float64(after[1] / before[1])
    assert after[2] == 0.0


def test_the_secretariat_is_used_by_whoever_holds_it() -> None:
    spec = spec_of(CAMPAIGN)
    trotsky = spec.factions.index("trotsky")
    trait = spec.personalities[trotsky][PERSONALITY_TRAITS.index("apparatus")]
    assert trait < OFFICE_DRIVE
    state = initial_state(spec, SEED, np.arange(2))
    ally = spec.figures.index("rakovsky")
    state.holder[1, spec.general_secretary] = ally
    assert state.figure_faction[1, ally] == trotsky
    scores = utilities(spec, state, trotsky, context(spec, state))
    appoint = spec.actions.block("appoint")
    assert scores[0, appoint].max() > 0.0
    np.testing.assert_allclose(scores[1, appoint], scores[0, appoint] * OFFICE_DRIVE / trait, 1e-5)
