"""Votes and delegates: seats are shared out exactly, every tally counts the whole body, and
the explanation's blocs add up to the tally."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from game.engine.procedure import majority
from game.engine.query import delegates_by_region
from game.engine.spec import (
    NO_POWER,
    SESSION_KINDS,
    TWO_THIRDS,
    GameSpec,
    MotionSpec,
    SessionSpec,
)
from game.engine.state import State, initial_state
from game.engine.votes import TERMS, vote

from .helpers import WIDE, snapshots, spec_of

PLENUMS = (SESSION_KINDS.index("plenum"), SESSION_KINDS.index("joint_plenum"))


@settings(max_examples=50, deadline=None)
@given(
    data=st.data(),
    members=hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=16),
        elements=st.floats(1e-3, 1e7),
    ),
    per_game=st.booleans(),
)
def test_delegates_are_shared_out_exactly(
    data: st.DataObject,
    members: np.ndarray,  # type: ignore[type-arg]
    per_game: bool,
) -> None:
    """Largest remainder, with one total for all games or one per game: per game the seats
    are non-negative integers that sum to its total, each region gets the floor or the
    ceiling of its exact quota, and a larger region never gets fewer seats than a smaller
    one."""
    b = members.shape[0]
    if per_game:
        total = np.array(data.draw(st.lists(st.integers(1, 2000), min_size=b, max_size=b)))
    else:
        total = data.draw(st.integers(1, 2000))
    totals = np.broadcast_to(total, (b,))
    seats = delegates_by_region(total, members)
    assert seats.shape == members.shape
    assert (seats >= 0).all()
    np.testing.assert_array_equal(seats.sum(axis=1), totals)
    quota = members / members.sum(axis=1, keepdims=True) * totals[:, None]
    assert (seats >= np.floor(quota) - 1e-9).all() and (seats <= np.ceil(quota) + 1e-9).all()
    bigger = quota[:, :, None] > quota[:, None, :] + 1e-9
    assert not (bigger & (seats[:, :, None] < seats[:, None, :])).any()


def expected_size(spec: GameSpec, state: State, session: SessionSpec) -> np.ndarray:  # type: ignore[type-arg]
    """(B,) the number of votes the session's body casts: the voting delegates of a congress
    or conference, the Politburo's members, the Central Committee (with, at a joint plenum,
    the Control Commission members the session names)."""
    kind = SESSION_KINDS[session.kind]
    if kind in ("congress", "conference"):
        return np.full(state.batch, session.voting_delegates)
    if kind == "politburo":
        return state.politburo.sum(axis=1)  # type: ignore[no-any-return]
    if kind == "plenum":
        return state.cc_size
    return state.cc_size + session.ccc_size


def sessions_to_try(spec: GameSpec) -> list[SessionSpec]:
    """The scenario's own sessions and, built from its first, one session of every kind."""
    first = spec.sessions[0]
    made = [
        dataclasses.replace(
            first,
            kind=k,
            voting_delegates=first.voting_delegates or 100,
            ccc_size=30 if SESSION_KINDS[k] == "joint_plenum" else 0,
        )
        for k in range(len(SESSION_KINDS))
    ]
    return [*spec.sessions, *made]


def check_tally(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    motion: MotionSpec,
    sponsor: np.ndarray,  # type: ignore[type-arg]
    key: int,
) -> None:
    """yes + no is the size of the body (see ``expected_size``); the explanation's blocs add
    up to the tally, each bloc's yes is within its size, every term is named and finite, and
    the motion passes by the majority the body needs (more yes than no, or two thirds of the
    votes cast), and never where the body has no power to decide it."""
    result = vote(spec, state, session, motion, sponsor, key, explain=True)
    size = expected_size(spec, state, session)
    np.testing.assert_array_equal(result.yes + result.no, size, err_msg=session.id)
    assert (result.yes >= 0).all() and (result.no >= 0).all()
    needed = majority(motion, session)
    if needed == NO_POWER:
        expected = np.zeros(state.batch, dtype=bool)
    elif needed == TWO_THIRDS:
        expected = (3 * result.yes >= 2 * (result.yes + result.no)) & (result.yes > 0)
    else:
        expected = result.yes > result.no
    np.testing.assert_array_equal(result.passed, expected)
    assert result.explanation is not None and len(result.explanation) == state.batch
    for g, blocs in enumerate(result.explanation):
        assert sum(b.yes for b in blocs) == result.yes[g]
        assert sum(b.no for b in blocs) == result.no[g]
        for bloc in blocs:
            assert 0 <= bloc.yes <= bloc.size and bloc.yes + bloc.no == bloc.size
            assert set(bloc.terms) == set(TERMS)
            assert all(np.isfinite(v) for v in bloc.terms.values())


def test_every_session_of_the_scenario_tallies_its_agenda(scenario_path: Path) -> None:
    """For each session of the scenario, at three points of a random game, each motion of its
    agenda (or, with none, the first motion) moved by its sponsor tallies as above."""
    spec = spec_of(scenario_path)
    states = snapshots(scenario_path)
    for state in (states[0], states[len(states) // 2], states[-1]):
        for session in spec.sessions:
            for m in session.agenda or (0,):
                motion = spec.motions[m]
                sponsor = np.full(state.batch, max(motion.sponsor_faction, 0), dtype=np.int64)
                check_tally(spec, state, session, motion, sponsor, m * 8)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_tally_adds_up(scenario_path: Path, data: st.DataObject) -> None:
    """For a random position, session (of the scenario, or of any kind built from its first),
    motion, sponsor (or none) and noise key, the tally adds up as above."""
    spec = spec_of(scenario_path)
    states = snapshots(scenario_path)
    state = states[data.draw(st.integers(0, len(states) - 1), label="turn")]
    session = data.draw(st.sampled_from(sessions_to_try(spec)), label="session")
    motion = spec.motions[data.draw(st.integers(0, len(spec.motions) - 1), label="motion")]
    sponsor = np.array(
        data.draw(
            st.lists(
                st.integers(-1, spec.n_factions - 1), min_size=state.batch, max_size=state.batch
            ),
            label="sponsor",
        )
    )
    check_tally(spec, state, session, motion, sponsor, data.draw(st.integers(0, 10_000)))


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_a_vote_does_not_depend_on_its_batch(scenario_path: Path, data: st.DataObject) -> None:
    """A game's vote is the same whether the game is voted alone or with the rest of its
    batch (chance comes from the seed and run index, not the row)."""
    spec = spec_of(scenario_path)
    states = snapshots(scenario_path)
    state = states[data.draw(st.integers(0, len(states) - 1), label="turn")]
    session = data.draw(st.sampled_from(sessions_to_try(spec)), label="session")
    motion = spec.motions[data.draw(st.integers(0, len(spec.motions) - 1), label="motion")]
    sponsor = np.zeros(state.batch, dtype=np.int64)
    whole = vote(spec, state, session, motion, sponsor, 7, explain=True)
    row = data.draw(st.integers(0, state.batch - 1), label="row")
    alone = vote(spec, state.take(np.array([row])), session, motion, sponsor[[row]], 7, True)
    assert (alone.yes[0], alone.no[0]) == (whole.yes[row], whole.no[row])
    assert alone.explanation is not None and whole.explanation is not None
    assert alone.explanation[0] == whole.explanation[row]


def test_a_plenum_counts_every_member_of_the_central_committee() -> None:
    """A plenum's tally counts exactly ``cc_size`` votes (found broken: each faction's CC seats
    were rounded separately, and the wide scenario's 27-member CC cast 26 votes)."""
    spec = spec_of(WIDE)
    state = initial_state(spec, 1, np.arange(2))
    plenum = next(s for s in spec.sessions if s.kind == PLENUMS[0])
    result = vote(spec, state, plenum, spec.motions[0], np.zeros(2, dtype=np.int64), 0)
    np.testing.assert_array_equal(result.yes + result.no, state.cc_size)
