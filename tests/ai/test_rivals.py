"""Rivals who play for themselves: coalitions against the main threat, breaking with an ally
turned threat, recanting when it beats expulsion, figures leaving a beaten patron, no motion
tabled against the mover's own wishes, and a historical policy that scripts no outcome."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from analysis.cli import CAMPAIGN

from game.ai.policies import HistoricalPolicy, Policy, PolicySet, StandardPolicy, judgements
from game.ai.utility import context
from game.analysis.blocs import troika_like
from game.analysis.runs import load
from game.engine.defection import defect
from game.engine.spec import CENSURED, EXPELLED, ActionPatternSpec, GameSpec, StanceSpec
from game.engine.state import PRESTIGE, State, initial_state
from game.engine.turn import play
from game.engine.wants import wants

STALIN, TROTSKY, ZINOVIEV, BUKHARIN = range(4)
N = 200


def _spec() -> GameSpec:
    return load(CAMPAIGN).spec


def _figure(spec: GameSpec, name: str) -> int:
    return spec.figures.index(name)


def _action(spec: GameSpec, label: str) -> int:
    return spec.actions.labels.index(label)


def _troika_position(spec: GameSpec, seed: int = 3) -> State:
    """Trotsky far the most famous; Stalin and Zinoviev of middling standing."""
    state = initial_state(spec, seed, np.arange(N))
    state.stats[:, TROTSKY, PRESTIGE] = 0.9
    state.stats[:, STALIN, PRESTIGE] = 0.3
    state.stats[:, ZINOVIEV, PRESTIGE] = 0.3
    return state


def _beaten_right(spec: GameSpec, seed: int = 5) -> State:
    """1929: Trotsky and Zinoviev out of the party, Bukharin censured and alone; Stalin holds
    every machine and most of the CC."""
    state = initial_state(spec, seed, np.arange(N))
    state.turn = 28
    for name in ("trotsky", "zinoviev"):
        state.status[:, _figure(spec, name)] = EXPELLED
        state.in_party[:, _figure(spec, name)] = False
    state.status[:, _figure(spec, "bukharin")] = CENSURED
    state.secretary[:] = STALIN
    state.cc_share[:] = 0.0
    state.cc_share[:, STALIN] = 0.8
    state.cc_share[:, BUKHARIN] = 0.1
    state.cc_share[:, -1] = 0.1
    state.stats[:, STALIN, PRESTIGE] = 0.8
    state.stats[:, BUKHARIN, PRESTIGE] = 0.1
    state.grievance[:, STALIN, BUKHARIN] = 0.8
    return state


def _scripted(spec: GameSpec, faction: int, patterns: tuple[ActionPatternSpec, ...]) -> GameSpec:
    """The spec with one stance for ``faction`` over the whole game: what the record would
    script if stances could name outcomes."""
    stance = StanceSpec(0, spec.turns, patterns, None)
    stances = tuple((stance,) if f == faction else s for f, s in enumerate(spec.stances))
    return replace(spec, stances=stances)


def test_the_historical_policy_scripts_no_recantation_or_acceptance() -> None:
    """Even under a stance that names them, the historical policy recants, or accepts an
    alliance offered to it, in exactly the games where the standard policy with the same
    draws would; elsewhere the stance still steers it."""
    base = _spec()
    recanting = _scripted(base, BUKHARIN, (ActionPatternSpec("recant", -1, 3.0),))
    threatened = _beaten_right(base)
    safe = _beaten_right(base)
    safe.alliance[:, STALIN, BUKHARIN] = safe.alliance[:, BUKHARIN, STALIN] = True
    accepting = _scripted(base, ZINOVIEV, (ActionPatternSpec("ally", STALIN, 3.0),))
    offered = _troika_position(base)
    offered.offer[:, STALIN, ZINOVIEV] = offered.turn
    offered.grievance[: N // 2, ZINOVIEV, STALIN] = 1.0  # a grudge: no acceptance there
    cases = [
        (recanting, threatened, BUKHARIN, _action(base, "recant")),
        (recanting, safe, BUKHARIN, _action(base, "recant")),
        (accepting, offered, ZINOVIEV, _action(base, "ally:stalin")),
    ]
    seen = set()
    for spec, state, faction, outcome in cases:
        ctx = context(spec, state)
        for rnd in range(2):
            own = StandardPolicy().choose(spec, state, faction, rnd, ctx)
            hist = HistoricalPolicy(1.0).choose(spec, state, faction, rnd, ctx)
            np.testing.assert_array_equal(hist == outcome, own == outcome)
            seen.update(bool(x) for x in np.unique(own == outcome))
        assert judgements(spec, state, faction)[:, outcome].all()
    assert seen == {True, False}  # the positions contain both judgements
    # The stance still steers what is not an outcome: a proposal the faction would accept if
    # it were made to it; never one to the main threat, which it would refuse (two proposals
    # in one round make an alliance, so a proposal must be one the proposer would accept).
    state = _troika_position(base)
    ctx = context(base, state)
    for partner, made in ((BUKHARIN, 1.0), (TROTSKY, 0.0)):
        pattern = (ActionPatternSpec("ally", partner, 3.0),)
        choice = HistoricalPolicy(1.0).choose(_scripted(base, ZINOVIEV, pattern), state, 2, 0, ctx)
        label = f"ally:{base.factions[partner]}"
        assert (choice == _action(base, label)).mean() == made


def test_a_coalition_forms_against_the_main_threat_and_breaks_when_the_ally_becomes_it() -> None:
    """Offered an alliance by Stalin while Trotsky is the most threatening, Zinoviev takes
    it; once Stalin is the main threat (the machines, the CC, the name), he breaks it."""
    spec = _spec()
    state = _troika_position(spec)
    state.offer[:, STALIN, ZINOVIEV] = state.turn
    taken = StandardPolicy().choose(spec, state, ZINOVIEV, 0, context(spec, state))
    assert (taken == _action(spec, "ally:stalin")).mean() > 0.9
    allied = _troika_position(spec)
    allied.alliance[:, STALIN, ZINOVIEV] = allied.alliance[:, ZINOVIEV, STALIN] = True
    kept = StandardPolicy().choose(spec, allied, ZINOVIEV, 0, context(spec, allied))
    assert not (kept == _action(spec, "break:stalin")).any()
    allied.stats[:, STALIN, PRESTIGE] = 0.9
    allied.stats[:, TROTSKY, PRESTIGE] = 0.2
    allied.secretary[:] = STALIN
    allied.cc_share[:, STALIN] += allied.cc_share[:, TROTSKY]
    allied.cc_share[:, TROTSKY] = 0.0
    broken = StandardPolicy().choose(spec, allied, ZINOVIEV, 0, context(spec, allied))
    assert (broken == _action(spec, "break:stalin")).mean() > 0.8


def test_a_faction_facing_likely_expulsion_recants_and_one_that_is_safe_does_not() -> None:
    spec = _spec()
    recant = _action(spec, "recant")
    threatened = _beaten_right(spec)
    ctx = context(spec, threatened)
    assert ctx.sanction_odds[:, BUKHARIN].min() > 0.9
    chosen = StandardPolicy().choose(spec, threatened, BUKHARIN, 0, ctx)
    assert (chosen == recant).mean() > 0.5  # its likeliest choice by far; noise does the rest
    safe = _beaten_right(spec)  # allied with the only rival left: nobody would move it
    safe.alliance[:, STALIN, BUKHARIN] = safe.alliance[:, BUKHARIN, STALIN] = True
    chosen = StandardPolicy().choose(spec, safe, BUKHARIN, 0, context(spec, safe))
    assert not (chosen == recant).any()


def test_figures_leave_a_beaten_patron_by_loyalty_and_leaders_never() -> None:
    """Over eight quarters with Bukharin censured, Rykov (loyalty 0.6) goes over to Stalin in
    some games, Bukharin never; Kamenev (0.85), Zinoviev being out, less often than Rykov;
    with Bukharin in good standing his people stay; a game's draws are its own, whatever its
    batch."""
    spec = _spec()
    rykov, bukharin = _figure(spec, "rykov"), _figure(spec, "bukharin")
    kamenev = _figure(spec, "kamenev")
    beaten, calm = _beaten_right(spec), _beaten_right(spec)
    calm.status[:, bukharin] = 0
    for turn in range(20, 28):
        for state in (beaten, calm):
            state.turn = turn
            defect(spec, state)
    moved = beaten.figure_faction[:, rykov] == STALIN
    expected = 1.0 - (1.0 - spec.rules.k["defection"] * (1.0 - spec.figure_loyalty[rykov])) ** 8
    assert 0.5 * expected < moved.mean() < 1.5 * expected
    assert (beaten.figure_faction[:, bukharin] == BUKHARIN).all()
    stayed = beaten.figure_faction[:, kamenev] == ZINOVIEV  # Zinoviev is out: Kamenev wavers
    assert 0.0 < 1.0 - stayed.mean() < moved.mean()  # but more loyal, he goes less often
    right = [_figure(spec, name) for name in ("rykov", "tomsky")]
    assert (calm.figure_faction[:, right] == BUKHARIN).all()
    alone = _beaten_right(spec).take(np.array([7]))
    for turn in range(20, 28):
        alone.turn = turn
        defect(spec, alone)
    np.testing.assert_array_equal(alone.figure_faction[0], beaten.figure_faction[7])


def test_a_boss_who_leaves_a_beaten_patron_takes_his_machine() -> None:
    """Uglanov, running the Moscow Committee for a beaten Right, goes over to Stalin in some
    games over eight quarters; Moscow's machine goes with him exactly there."""
    spec = _spec()
    state = _beaten_right(spec)
    uglanov, moscow = _figure(spec, "uglanov"), spec.regions.index("moscow")
    state.figure_faction[:, uglanov] = BUKHARIN
    state.holder[:, spec.offices.index("moscow_committee")] = uglanov
    state.secretary[:, moscow] = BUKHARIN
    for turn in range(20, 28):
        state.turn = turn
        defect(spec, state)
    moved = state.figure_faction[:, uglanov] == STALIN
    assert 0 < moved.sum() < N
    np.testing.assert_array_equal(state.secretary[:, moscow], np.where(moved, STALIN, BUKHARIN))


@pytest.mark.parametrize("policy", [StandardPolicy(), HistoricalPolicy(1.0)], ids=str)
def test_the_ai_never_tables_a_motion_it_does_not_want(policy: Policy) -> None:
    """Over whole games, standard or historical, every tabling action chosen is one whose
    motion the mover wants carried (its stance without the mover's pin is positive)."""
    spec = _spec()
    policies = PolicySet(tuple(policy for _ in spec.factions))
    space = spec.actions
    tabled = 0

    def choose(spec: GameSpec, state: State, rnd: int) -> np.ndarray:
        nonlocal tabled
        choices = policies.choose_all(spec, state, rnd)
        for f in range(spec.n_factions):
            for a in np.unique(choices[:, f][space.motion[choices[:, f]] >= 0]):
                games = choices[:, f] == a
                tabled += int(games.sum())
                assert (wants(spec, state, spec.motions[space.motion[a]])[games, f] > 0).all()
        return choices

    play(spec, initial_state(spec, 2, np.arange(60)), choose)
    assert tabled > 50


def test_a_troika_like_bloc_is_two_against_the_most_prestigious() -> None:
    spec = _spec()
    state = _troika_position(spec)
    before = state.alliance.copy()
    state.alliance[0, STALIN, ZINOVIEV] = state.alliance[0, ZINOVIEV, STALIN] = True
    state.alliance[1, STALIN, TROTSKY] = state.alliance[1, TROTSKY, STALIN] = True
    state.alliance[2, STALIN, ZINOVIEV] = state.alliance[2, ZINOVIEV, STALIN] = True
    state.alliance[2, TROTSKY, BUKHARIN] = state.alliance[2, BUKHARIN, TROTSKY] = True
    before[3, STALIN, ZINOVIEV] = before[3, ZINOVIEV, STALIN] = True
    state.alliance[3] = before[3]
    found = troika_like(spec, state, before)
    assert found[:4].tolist() == [True, False, True, False]
    assert not found[4:].any()
    shut = state.copy()
    shut.alliance[0, TROTSKY, ZINOVIEV] = shut.alliance[0, ZINOVIEV, TROTSKY] = True
    assert not troika_like(spec, shut, before)[0]  # the top faction is allied with one of them
