"""Agendas that belong to someone: who moves a motion, and what a mover may not move.

The first tests watch RUNS standard runs of the campaign vote by vote (``watch.watched``):
nobody moves a motion against his own leader, his figures, his ally or his line; a
historical item is moved by its named sponsor when that faction wants it, else by the
faction that wants it most; no policy is voted before its date; an office taken by a motion
goes to the mover's camp. The rest test the rules one by one.
"""

from __future__ import annotations

import numpy as np

from game.engine import sessions
from game.engine.actions import legal_mask
from game.engine.explain import why_illegal
from game.engine.kinds.tabling import target_fits
from game.engine.motions import apply_motion
from game.engine.spec import CENSURED, GameSpec, MotionSpec
from game.engine.state import IDEOLOGY, PRESTIGE, State, initial_state
from game.engine.votes import stances
from game.engine.wants import policy_wants, struck, wants

from .helpers import CAMPAIGN, spec_of
from .watch import RUNS, watched

SEED = 1


def test_nobody_moves_against_himself_his_ally_or_his_line() -> None:
    """Over RUNS standard runs, no vote's mover is struck by his own motion, or his ally is,
    and no policy is moved by a faction whose line is against it."""
    watch = watched()
    assert not [b for b in watch.breaches if "moved" in b or "line" in b]
    assert sum(watch.movers.values()) > RUNS  # the agenda was really watched


def test_historical_items_are_moved_by_their_sponsor_or_the_keenest() -> None:
    """The named sponsor moves most historical items; the keenest faction the rest."""
    watch = watched()
    assert not [b for b in watch.breaches if "instead of" in b]
    assert watch.movers.get("named", 0) > watch.movers.get("keenest", 0) > 0


def test_no_policy_is_voted_before_its_date() -> None:
    """Every policy vote comes at or after the policy's first date."""
    watch = watched()
    assert watch.policies > 0
    assert not [b for b in watch.breaches if "before its date" in b]


def test_removed_offices_go_to_the_movers_camp() -> None:
    """Wherever a removal from office passed, the mover's camp took the office."""
    watch = watched()
    assert watch.offices_moved > 0
    assert not [b for b in watch.breaches if "office" in b]


# --- The rules one by one, on the campaign's opening position. ----------------------------


def _spec_state(runs: int = 2) -> tuple[GameSpec, State]:
    spec = spec_of(CAMPAIGN)
    return spec, initial_state(spec, SEED, np.arange(runs))


def _motion(spec: GameSpec, ident: str) -> MotionSpec:
    return next(m for m in spec.motions if m.id == ident)


def _faction(spec: GameSpec, ident: str) -> int:
    return spec.factions.index(ident)


def test_a_policy_want_is_one_less_twice_the_distance_of_lines() -> None:
    """want = clip(1 - 2 |line - position|, -1, 1), the same in the vote model's stances."""
    spec, state = _spec_state()
    motion = _motion(spec, "adopt_one_country")
    line = state.stats[:, :, IDEOLOGY]
    expected = np.clip(1 - 2 * np.abs(line - spec.policy_position[motion.policy]), -1, 1)
    assert np.allclose(wants(spec, state, motion), expected)
    assert np.allclose(policy_wants(spec, state)[:, :, motion.policy], expected)
    nobody = np.full(state.batch, -1)
    assert np.allclose(stances(spec, state, motion, nobody), expected)


def test_a_mover_is_pinned_only_if_it_wants_the_motion() -> None:
    """A mover who wants its motion votes it at +1; one who does not keeps its want."""
    spec, state = _spec_state()
    motion = _motion(spec, "adopt_one_country")
    want = wants(spec, state, motion)
    stalin, trotsky = _faction(spec, "stalin"), _faction(spec, "trotsky")
    assert (want[:, stalin] > 0).all() and (want[:, trotsky] <= 0).all()
    for mover, value in ((stalin, 1.0), (trotsky, want[0, trotsky])):
        stance = stances(spec, state, motion, np.full(state.batch, mover))
        assert np.allclose(stance[:, mover], value)


def test_the_named_sponsor_gives_way_to_the_keenest_then_to_nobody() -> None:
    """Socialism in One Country is moved by Stalin while he wants it; once his line has moved
    against it, by the faction that wants it most; with no one for it, it is not put."""
    spec, state = _spec_state(3)
    motion = _motion(spec, "adopt_one_country")
    stalin, zinoviev = _faction(spec, "stalin"), _faction(spec, "zinoviev")
    state.stats[1, stalin, IDEOLOGY] = -0.9
    state.stats[2, :, IDEOLOGY] = -0.9
    mover = sessions.agenda_mover(spec, state, motion)
    assert mover.tolist() == [stalin, zinoviev, -1]


def test_nobody_moves_against_his_ally() -> None:
    """Allied with Trotsky, Stalin will not move to relieve him of the army: the faction that
    wants it most moves it instead, and never Trotsky's own."""
    spec, state = _spec_state()
    motion = _motion(spec, "trotsky_loses_army")
    stalin, trotsky = _faction(spec, "stalin"), _faction(spec, "trotsky")
    before = sessions.agenda_mover(spec, state, motion)
    assert (before == stalin).all()
    state.alliance[:, stalin, trotsky] = state.alliance[:, trotsky, stalin] = True
    after = sessions.agenda_mover(spec, state, motion)
    assert ((after != stalin) & (after != trotsky)).all()


def test_a_tabled_policy_waits_for_its_date_and_the_movers_line() -> None:
    """The Five-Year Plan cannot be tabled in 1922, by anyone; once its date has come, only a
    faction whose line is for it may table it, and the window says why not."""
    spec, state = _spec_state(1)
    plan = spec.policies.index("five_year_plan")
    action = spec.actions.block("motion_policy").start + plan
    trotsky, bukharin = _faction(spec, "trotsky"), _faction(spec, "bukharin")
    assert not legal_mask(spec, state, trotsky)[0, action]
    assert "cannot be proposed yet" in why_illegal(spec, state, trotsky, action)
    state.turn = int(spec.policy_from[plan])
    assert legal_mask(spec, state, trotsky)[0, action]
    assert not legal_mask(spec, state, bukharin)[0, action]
    assert "against your line" in why_illegal(spec, state, bukharin, action)


def test_a_censured_figure_can_be_condemned_again() -> None:
    """Repeated condemnations: a censure does not shield a man from the next one."""
    spec, state = _spec_state(1)
    trotsky = spec.figures.index("trotsky")
    state.status[:, trotsky] = CENSURED
    assert target_fits(state, "condemn", trotsky).all()


def test_the_successor_is_the_movers_own_man() -> None:
    """Moved by Stalin, Trotsky's army goes to Stalin's man (Frunze, the scenario's named
    successor, is in no camp); the named successor is kept when he is the mover's."""
    spec, state = _spec_state(1)
    war = spec.offices.index("war_commissar")
    stalin = _faction(spec, "stalin")
    apply_motion(
        spec, state, _motion(spec, "trotsky_loses_army"), np.array([0]), np.array([stalin])
    )
    assert state.figure_faction[0, state.holder[0, war]] == stalin
    state.holder[0, spec.offices.index("leningrad_boss")] = spec.figures.index("zinoviev")
    apply_motion(
        spec, state, _motion(spec, "zinoviev_loses_leningrad"), np.array([0]), np.array([stalin])
    )
    assert state.holder[0, spec.offices.index("leningrad_boss")] == spec.figures.index("kirov")


def test_a_resolution_against_the_right_names_nobody() -> None:
    """Condemning the Right deviation costs the faction furthest right some prestige and
    changes no one's status."""
    spec, state = _spec_state(1)
    bukharin, stalin = _faction(spec, "bukharin"), _faction(spec, "stalin")
    motion = _motion(spec, "condemn_right_deviation")
    assert struck(spec, state, motion)[0] == bukharin
    status = state.status.copy()
    prestige = state.stats[0, bukharin, PRESTIGE]
    apply_motion(spec, state, motion, np.array([0]), np.array([stalin]))
    assert (state.status == status).all()
    assert state.stats[0, bukharin, PRESTIGE] < prestige


def test_a_faction_a_person_plays_moves_no_agenda_item() -> None:
    """Stalin, the named sponsor of Socialism in One Country and keenest on the army's
    removal, moves neither once a person plays him: the faction that wants each most does."""
    spec, state = _spec_state()
    stalin = _faction(spec, "stalin")
    for ident in ("adopt_one_country", "trotsky_loses_army"):
        assert (sessions.agenda_mover(spec, state, _motion(spec, ident)) == stalin).all()
    state.human[:, stalin] = True
    for ident in ("adopt_one_country", "trotsky_loses_army"):
        mover = sessions.agenda_mover(spec, state, _motion(spec, ident))
        assert ((mover >= 0) & (mover != stalin)).all(), ident
