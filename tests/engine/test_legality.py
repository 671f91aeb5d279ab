"""Legality: ``pass`` is always legal, an illegal choice is played as ``pass`` and costs
nothing, a legal one is played and paid for, and a faction whose leader is out of the party
(or dead) can only pass or recant."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.actions import apply_actions, legal_choices, legal_mask
from game.engine.spec import EXPELLED, GameSpec
from game.engine.state import INFLUENCE, State

from .helpers import only_pass_or_recant, snapshots, spec_of


def pick(legal: np.ndarray, want: bool, rng: np.random.Generator) -> np.ndarray:  # type: ignore[type-arg]
    """(B,): per game a random action whose legality is ``want`` (-1 where there is none)."""
    scores = np.where(legal == want, rng.random(legal.shape), -1.0)
    return np.where(scores.max(axis=1) >= 0, scores.argmax(axis=1), -1)


def test_pass_is_always_legal_even_without_influence(scenario_path: Path) -> None:
    """In every state of a random game, for every faction, ``pass`` is legal; with no
    influence left it is still legal and nothing that costs influence is."""
    spec = spec_of(scenario_path)
    pass_index = spec.actions.block("pass").start
    price = spec.actions.cost
    for state in snapshots(scenario_path):
        broke = state.copy()
        broke.stats[:, :, INFLUENCE] = 0.0
        for f in range(spec.n_factions):
            assert legal_mask(spec, state, f)[:, pass_index].all()
            legal = legal_mask(spec, broke, f)
            assert legal[:, pass_index].all()
            assert not legal[:, price > 0].any()


@settings(max_examples=40, deadline=None)
@given(data=st.data(), seed=st.integers(0, 2**32 - 1))
def test_illegal_choices_become_pass_and_cost_nothing(
    scenario_path: Path, data: st.DataObject, seed: int
) -> None:
    """``apply_actions`` plays an illegal choice as ``pass``: it returns the pass index, spends
    no influence and leaves exactly the state an explicit ``pass`` leaves; a legal choice is
    returned as chosen and costs its price."""
    spec = spec_of(scenario_path)
    states = snapshots(scenario_path)
    state = states[data.draw(st.integers(0, len(states) - 1), label="turn")]
    faction = data.draw(st.integers(0, spec.n_factions - 1), label="faction")
    rng = np.random.default_rng(seed)
    legal = legal_mask(spec, state, faction)
    pass_index = spec.actions.block("pass").start
    assert spec.actions.cost[pass_index] == 0.0

    illegal = pick(legal, False, rng)
    games = np.flatnonzero(illegal >= 0)
    choice = np.where(illegal >= 0, illegal, pass_index)
    played, passed = state.copy(), state.copy()
    taken = apply_actions(spec, played, faction, choice)
    apply_actions(spec, passed, faction, np.full(state.batch, pass_index))
    assert (taken[games] == pass_index).all()
    assert (played.stats[:, faction, INFLUENCE] == state.stats[:, faction, INFLUENCE]).all()
    assert played.row_hashes() == passed.row_hashes()

    chosen = pick(legal, True, rng)
    paid = state.copy()
    taken = apply_actions(spec, paid, faction, chosen)
    np.testing.assert_array_equal(taken, chosen)
    expected = state.stats[:, faction, INFLUENCE] - spec.actions.cost[chosen]
    np.testing.assert_allclose(paid.stats[:, faction, INFLUENCE], expected, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(data=st.data(), seed=st.integers(0, 2**32 - 1))
def test_legal_choices_agrees_with_the_legal_mask(
    scenario_path: Path, data: st.DataObject, seed: int
) -> None:
    """``legal_choices`` (which ``apply_actions`` uses) gives, for any chosen actions, the
    verdict of ``legal_mask`` on those actions, in positions from a random game and in the
    same positions with a faction leader out of the party or with no influence left."""
    spec = spec_of(scenario_path)
    states = snapshots(scenario_path)
    state = states[data.draw(st.integers(0, len(states) - 1), label="turn")].copy()
    faction = data.draw(st.integers(0, spec.n_factions - 1), label="faction")
    change = data.draw(st.sampled_from(["none", "expelled", "dead", "broke"]), label="change")
    if change in ("expelled", "dead"):
        state = _leader_gone(spec, state, faction, change)
    elif change == "broke":
        state.stats[:, faction, INFLUENCE] = 0.0
    rng = np.random.default_rng(seed)
    legal = legal_mask(spec, state, faction)
    rows = np.arange(state.batch)
    for choice in (rng.integers(0, spec.actions.size, state.batch), pick(legal, True, rng)):
        np.testing.assert_array_equal(
            legal_choices(spec, state, faction, choice), legal[rows, choice]
        )


def _leader_gone(spec: GameSpec, state: State, faction: int, how: str) -> State:
    out = state.copy()
    leader = spec.faction_leader[faction]
    if how == "expelled":
        out.status[:, leader] = EXPELLED
        out.in_party[:, leader] = False
    else:
        out.alive[:, leader] = False
    return out


def test_a_faction_without_its_leader_can_only_pass_or_recant(scenario_path: Path) -> None:
    """With its leader expelled, a faction may pass or recant and nothing else (and may
    recant, since the leader's expulsion can be recanted); with its leader dead it may only
    pass or recant. Any other choice is played as ``pass``."""
    spec = spec_of(scenario_path)
    recant = spec.actions.block("recant").start
    pass_index = spec.actions.block("pass").start
    for state in snapshots(scenario_path)[::3]:
        for f in range(spec.n_factions):
            for how in ("expelled", "dead"):
                gone = _leader_gone(spec, state, f, how)
                assert only_pass_or_recant(spec, gone, f).all(), (how, f)
                if how == "expelled":
                    assert legal_mask(spec, gone, f)[:, recant].all()
                others = np.flatnonzero(
                    ~np.isin(np.arange(spec.actions.size), [pass_index, recant])
                )
                choice = np.resize(others, gone.batch)
                taken = apply_actions(spec, gone, f, choice)
                assert (taken == pass_index).all()
