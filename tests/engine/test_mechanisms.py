"""Mechanism switches (ablations): switching a mechanism off changes the games, and the
targeted consequences hold: no appointments and no apparatus in votes without the apparatus,
no alliances made or broken without alliances, a still party without unity, no sanctions
without discipline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from game.engine.actions import legal_mask
from game.engine.events import _apply
from game.engine.spec import (
    CENSURED,
    DEPORTED,
    EXILED,
    EXPELLED,
    MECHANISMS,
    MOTION_KINDS,
    EffectSpec,
    GameSpec,
)
from game.engine.state import UNITY, State, initial_state
from game.engine.votes import vote

from .helpers import SEED, WIDE, N, chooser, full_batch, spec_with, step_turn

SANCTION_BLOCKS = tuple(
    f"motion_{k}" for k in ("condemn", "remove_politburo", "expel", "exile", "deport", "readmit")
)
SANCTION_MOTIONS = ("condemn", "remove_politburo", "remove_cc", "expel", "exile", "deport")

Check = Callable[[GameSpec, State, State], None]


def never_legal(*kinds: str) -> Check:
    """A check that no faction may take an action of these kinds."""

    def check(spec: GameSpec, start: State, state: State) -> None:
        for f in range(spec.n_factions):
            legal = legal_mask(spec, state, f)
            for kind in kinds:
                assert not legal[:, spec.actions.block(kind)].any(), f"{kind} legal"

    return check


def no_apparatus_in_votes(spec: GameSpec, start: State, state: State) -> None:
    """Every bloc of a spread of the scenario's sessions gives the apparatus no weight (checked
    every fourth quarter, for speed)."""
    if state.turn % 4:
        return
    sponsor = np.zeros(state.batch, dtype=np.int64)
    for session in spec.sessions[:: max(1, len(spec.sessions) // 3)]:
        result = vote(spec, state, session, spec.motions[0], sponsor, 3, explain=True)
        assert result.explanation is not None
        assert all(b.terms["apparatus"] == 0.0 for g in result.explanation for b in g)


def alliances_frozen(spec: GameSpec, start: State, state: State) -> None:
    np.testing.assert_array_equal(state.alliance, start.alliance)


def unity_still(spec: GameSpec, start: State, state: State) -> None:
    np.testing.assert_array_equal(state.tracks[:, UNITY], start.tracks[:, UNITY])
    assert not state.split.any()


def nobody_sanctioned(spec: GameSpec, start: State, state: State) -> None:
    """No figure falls into censure, expulsion, exile or deportation; no sanction passes."""
    punished = np.isin(state.status, (CENSURED, EXPELLED, EXILED, DEPORTED))
    was = np.isin(start.status, (CENSURED, EXPELLED, EXILED, DEPORTED))
    assert not (punished & ~was).any()
    kinds = np.array([MOTION_KINDS[m.kind] for m in spec.motions])
    assert not state.passed[:, np.isin(kinds, SANCTION_MOTIONS)].any()


CHECKS: dict[str, tuple[Check, ...]] = {
    "apparatus": (never_legal("appoint"), no_apparatus_in_votes),
    "alliances": (never_legal("ally", "break"), alliances_frozen),
    "unity": (unity_still,),
    "discipline": (never_legal(*SANCTION_BLOCKS), nobody_sanctioned),
    "outside_popularity": (never_legal("appeal"),),
    "mediator": (never_legal("resign"),),
}


def play_checked(
    spec: GameSpec, checks: tuple[Check, ...], differ_from: list[list[str]] | None = None
) -> State:
    """Random play of the runs 0..N-1 of SEED, running ``checks`` when the factions are about
    to act and at the end of each quarter. Without checks to run, stop at the first quarter
    whose state differs from ``differ_from`` (per-turn row hashes)."""
    state = initial_state(spec, SEED, np.arange(N))
    start = state.copy()
    choose = chooser(spec, "random")

    def run_checks(s: State) -> None:
        for check in checks:
            check(spec, start, s)

    while state.turn < spec.turns:
        step_turn(spec, state, choose, run_checks)
        run_checks(state)
        if not checks and differ_from and state.row_hashes() != differ_from[state.turn - 1]:
            break
    return state


@pytest.mark.parametrize("mechanism", MECHANISMS)
def test_switching_a_mechanism_off_changes_the_games(scenario_path: Path, mechanism: str) -> None:
    """Compiled with one mechanism off, the same seeded games go differently (some game's state
    differs from the all-on run's after the same quarter; at the end for the mechanisms with
    targeted checks), and the switch's targeted consequences hold all game long."""
    spec = spec_with(scenario_path, frozenset({mechanism}))
    assert not spec.on(mechanism)
    assert all(spec.on(m) for m in MECHANISMS if m != mechanism)
    all_on = full_batch(scenario_path, "random")  # the same games with every mechanism on
    final = play_checked(spec, CHECKS.get(mechanism, ()), all_on.hashes)
    assert final.row_hashes() != all_on.hashes[final.turn - 1]


def test_the_targeted_checks_fail_with_every_mechanism_on(scenario_path: Path) -> None:
    """With every mechanism on, the apparatus weighs in some vote and unity moves (so the checks
    above can fail)."""
    spec = spec_with(scenario_path)
    state = initial_state(spec, SEED, np.arange(N))
    with pytest.raises(AssertionError):
        no_apparatus_in_votes(spec, state, state)
    with pytest.raises(AssertionError):
        play_checked(spec, (unity_still,))


def test_an_event_cannot_move_unity_when_unity_is_off() -> None:
    """With the unity mechanism off, nothing, not even an event's shock, moves party unity
    (found broken: events.py _apply moved any track regardless of its switch)."""
    spec = spec_with(WIDE, frozenset({"unity"}))
    scare = next(e for e in spec.events if e.id == "war_scare")
    assert EffectSpec("track", index=UNITY, add=-0.05) in scare.effects
    state = initial_state(spec, SEED, np.arange(2))
    before = state.tracks[:, UNITY].copy()
    for effect in scare.effects:
        _apply(spec, state, effect, np.arange(2))
    np.testing.assert_array_equal(state.tracks[:, UNITY], before)
