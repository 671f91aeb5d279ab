"""What a faction whose leader is out is told: a recanted leader waits for a vote to readmit
him (the old reasons contradicted each other: 'you can only recant or wait' beside 'None of
your people is censured or expelled'), and Recant does not promise to keep anyone in."""

from __future__ import annotations

import re

import numpy as np

from game.engine.explain import action_help, why_illegal
from game.engine.forecast import likely_effects
from game.engine.spec import CENSURED, EXPELLED, RECANTED, GameSpec
from game.engine.state import DECLARATION_KEPT, POPULARITY, State, initial_state

from .helpers import CAMPAIGN, spec_of


def _trotsky_expelled(status: int) -> tuple[GameSpec, State, int, int]:
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.arange(1))
    trotsky = spec.factions.index("trotsky")
    leader = int(spec.faction_leader[trotsky])
    state.status[0, leader] = status
    state.in_party[0, leader] = False
    return spec, state, trotsky, leader


def test_a_recanted_leader_out_of_the_party_waits_for_readmission() -> None:
    spec, state, trotsky, _ = _trotsky_expelled(RECANTED)
    lobby = spec.actions.labels.index("lobby")
    recant = spec.actions.labels.index("recant")
    assert "readmit" in why_illegal(spec, state, trotsky, lobby)
    assert "recant or wait" not in why_illegal(spec, state, trotsky, lobby)
    assert "recanted already" in why_illegal(spec, state, trotsky, recant)


def test_an_expelled_leader_who_has_not_recanted_may_recant() -> None:
    spec, state, trotsky, _ = _trotsky_expelled(EXPELLED)
    lobby = spec.actions.labels.index("lobby")
    assert why_illegal(spec, state, trotsky, lobby).endswith("you can only recant or wait.")


def test_recant_does_not_promise_to_stop_a_tabled_sanction() -> None:
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.arange(1))
    trotsky = spec.factions.index("trotsky")
    state.status[0, int(spec.faction_leader[trotsky])] = CENSURED
    recant = spec.actions.labels.index("recant")
    said = " ".join(likely_effects(spec, state, trotsky, recant, 0))
    assert "still comes to its vote" in said and "stay in" not in said
    help_text = action_help(spec, recant)
    assert "regain" not in help_text and "readmit" in help_text, "the help says it too"


def test_an_appeal_says_it_breaks_a_kept_declaration() -> None:
    """After the Right's declaration the Appeal's likely effect listed popularity, unity and
    the regions, and nothing of the declaration it would break."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.arange(1))
    bukharin = spec.factions.index("bukharin")
    appeal = spec.actions.labels.index("appeal")
    state.stats[0, bukharin, POPULARITY] = 0.8
    assert not any("declaration" in e for e in likely_effects(spec, state, bukharin, appeal, 0))
    state.declared[0, bukharin] = DECLARATION_KEPT
    said = " ".join(likely_effects(spec, state, bukharin, appeal, 0))
    assert "Breaks your declaration of submission" in said


def test_a_shift_of_line_is_told_in_the_panels_units() -> None:
    """Shift line said 'line −15 points' beside a panel showing 'Line +0.60'."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.arange(1))
    bukharin = spec.factions.index("bukharin")
    shift = spec.actions.labels.index("shift_left")
    said = [e for e in likely_effects(spec, state, bukharin, shift, 0) if ": line " in e]
    assert said and "points" not in said[0], said
    assert re.search(r": line −0\.\d\d", said[0]), said
