"""Invariants of the state under random play, stepped quarter by quarter: values stay finite
and in range, shares stay shares, the alliance matrix stays symmetric, figures out of the party
or dead hold nothing, and what has happened stays happened."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.actions import legal_mask
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state
from game.engine.turn import Chooser

from .helpers import (
    NO_SHRINK,
    campaign_params,
    inactive_leaders,
    mixed_chooser,
    out_of_party,
    seat_violations,
    small_scenario_params,
    spec_of,
    step_turn,
    value_violations,
)

KINDS = ("random", "standard", "historical", "legal")


def check_begin(spec: GameSpec, state: State) -> None:
    """After ``begin_turn``: the dead hold nothing, and factions without a leader in the party
    can only pass or recant; no legal action costs more influence than the faction has."""
    problems = value_violations(spec, state)
    problems += seat_violations(state, ~state.alive, "dead")
    inactive = inactive_leaders(spec, state)
    price = spec.actions.cost
    idle_actions = np.zeros(spec.actions.size, dtype=bool)
    idle_actions[spec.actions.block("pass")] = idle_actions[spec.actions.block("recant")] = True
    for f in range(spec.n_factions):
        legal = legal_mask(spec, state, f)
        bad = inactive[:, f] & (legal & ~idle_actions).any(axis=1)
        if bad.any():
            problems.append(f"faction {f} acts without its leader in games {np.flatnonzero(bad)}")
        over = legal & (price[None, :] > state.stats[:, f, 0][:, None] + 1e-9)
        if over.any():
            problems.append(f"faction {f} may spend influence it lacks")
    assert not problems, f"{spec.quarter_labels[state.turn]} after begin_turn: {problems}"


def check_end(spec: GameSpec, before: State, state: State) -> None:
    """After a whole quarter: the value invariants, nobody out of the party holds anything, and
    the record of what happened only grows."""
    label = spec.quarter_labels[before.turn]
    problems = value_violations(spec, state)
    problems += seat_violations(state, out_of_party(state), "out-of-party")
    for name in ("passed", "held", "fired", "split"):
        lost = getattr(before, name) & ~getattr(state, name)
        if lost.any():
            problems.append(f"{name} was undone")
    kept = before.reached >= 0
    if (state.reached[kept] != before.reached[kept]).any():
        problems.append("a checkpoint's turn changed")
    if (state.testament < before.testament).any():
        problems.append("the Testament went back into hiding")
    seated_before = before.politburo.sum(axis=1)
    seated = state.politburo.sum(axis=1)
    grown = (seated > seated_before) & (seated > state.politburo_size)
    if grown.any():
        problems.append(
            f"the Politburo was filled beyond its size in games {np.flatnonzero(grown)}"
        )
    assert not problems, f"{label}: {problems}"


def play_checked(spec: GameSpec, state: State, choose: Chooser) -> None:
    pass_index = spec.actions.block("pass").start

    def after_round(state: State, choices: np.ndarray, taken: np.ndarray) -> None:  # type: ignore[type-arg]
        assert (taken[state.split] == pass_index).all(), "a split game did more than pass"

    while state.turn < spec.turns:
        before = state.copy()
        step_turn(spec, state, choose, lambda s: check_begin(spec, s), after_round)
        check_end(spec, before, state)


def check_random_play(path: Path, seed: int, first: int, kinds: list[str], h: float) -> None:
    spec = spec_of(path)
    state = initial_state(spec, seed, np.arange(first, first + 6))
    play_checked(spec, state, mixed_chooser(spec, kinds, seed % 1000, h))


PLAY = {
    "seed": st.integers(0, 2**63 - 1),
    "first": st.integers(0, 100_000),
    "kinds": st.lists(st.sampled_from(KINDS), min_size=1, max_size=4),
    "h": st.floats(0.0, 1.0),
}


@pytest.mark.parametrize("path", small_scenario_params())
@settings(max_examples=25, deadline=None, phases=NO_SHRINK)
@given(**PLAY)
def test_invariants_hold_through_random_play(
    path: Path, seed: int, first: int, kinds: list[str], h: float
) -> None:
    """Whatever the seed, the runs and the mix of policies (including uniformly random legal
    actions) with historicity h, every invariant holds after every begin_turn and quarter,
    and split games only pass."""
    check_random_play(path, seed, first, kinds, h)


@pytest.mark.parametrize("path", campaign_params())
@settings(max_examples=6, deadline=None, phases=NO_SHRINK)
@given(**PLAY)
def test_invariants_hold_through_random_play_of_the_campaign(
    path: Path, seed: int, first: int, kinds: list[str], h: float
) -> None:
    """The same for the campaign, with fewer examples (a campaign game is slow)."""
    check_random_play(path, seed, first, kinds, h)


def test_initial_states_satisfy_the_invariants(spec: GameSpec) -> None:
    """The scenario's starting position already satisfies the value invariants and gives
    nobody out of the party or dead a seat or office."""
    state = initial_state(spec, 1, np.arange(2))
    assert value_violations(spec, state) == []
    assert seat_violations(state, out_of_party(state) | ~state.alive, "gone") == []


def test_the_invariant_checks_can_fail(spec: GameSpec) -> None:
    """The checks used above notice broken states (so a passing run means something)."""
    state = initial_state(spec, 1, np.arange(2))
    state.sympathy[0, 0, :] = 0.9
    state.cc_share[1, 0] += 0.5
    state.alliance[0, 0, 1] = True
    state.alliance[0, 1, 0] = False
    state.tracks[1, 1] = np.nan
    problems = " ".join(value_violations(spec, state))
    for words in ("sympathy sums", "CC shares", "symmetric", "not finite"):
        assert words in problems
    leader = spec.faction_leader[0]
    state.in_party[0, leader] = False
    state.politburo[0, leader] = True
    assert seat_violations(state, out_of_party(state), "out") != []
