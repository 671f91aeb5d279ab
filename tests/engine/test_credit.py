"""The checkpoint tracer: a checkpoint is credited to the step that made its condition true
(here, the congress vote on a constructed position), every checkpoint reached has a credit,
and tracing changes nothing in the games."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from game.analysis.batch import RunConfig, run_batch, run_chunk, summarise
from game.engine.conditions import AllOf, MotionPassed, OfficeHeld
from game.engine.credit import Causes, CheckpointTracer, substance
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state
from game.engine.turn import play_quarter

from .helpers import CAMPAIGN, MINIMAL, loaded, spec_of

IntArray = NDArray[np.int64]


def _machine_for(state: State, faction: int, rival: int) -> None:
    """Every member, secretary and Central Committee seat with ``faction``, which has a
    grievance against ``rival``."""
    state.grievance[:, faction, rival] = 1.0
    state.sympathy[:] = 0.0
    state.sympathy[:, :, faction] = 1.0
    state.secretary[:] = faction
    state.cc_share[:] = 0.0
    state.cc_share[:, faction] = 1.0


def test_the_vote_that_made_a_checkpoint_true_is_credited() -> None:
    """Minimal scenario: 'condemned' holds once the 12th Congress has passed the condemnation
    and 1924 has come. On a position where Stalin's machine holds every delegate, the congress
    passes it in 1923Q2, the checkpoint is reached in 1924Q1, and its credit is that vote
    (not the calendar that made the date term true)."""
    spec = spec_of(MINIMAL)
    stalin, trotsky, congress = spec.factions.index("stalin"), spec.factions.index("trotsky"), 0
    motion = next(m for m, mo in enumerate(spec.motions) if mo.title == "Condemn the Opposition")
    state = initial_state(spec, 1, np.arange(4))
    _machine_for(state, stalin, trotsky)
    tracer = CheckpointTracer(spec, state.batch)
    waiting = spec.actions.block("pass").start

    def wait(spec: GameSpec, state: State, rnd: int) -> IntArray:
        return np.full((state.batch, spec.n_factions), waiting)

    target = spec.checkpoints[0].turn
    while state.turn <= target:
        play_quarter(spec, state, wait, tracer=tracer)
    assert state.passed[:, motion].all(), "the constructed congress should pass the motion"
    assert (state.reached[:, 0] == target).all()
    assert (tracer.credit[:, 0] == Causes.of(spec).motion(congress, motion)).all()
    assert Causes.of(spec).describe(spec, int(tracer.credit[0, 0])) == (
        "agenda vote",
        "Twelfth Congress: Condemn the Opposition",
    )


def test_calendar_terms_are_left_out() -> None:
    """A session having met and a date are the calendar: the credit goes to the rest."""
    assert isinstance(substance(spec_of(MINIMAL).checkpoints[0].condition), MotionPassed)
    survives = next(c for c in spec_of(CAMPAIGN).checkpoints if c.id == "secretary_survives_1924")
    assert isinstance(substance(survives.condition), OfficeHeld)
    for checkpoint in spec_of(CAMPAIGN).checkpoints:
        if not isinstance(checkpoint.condition, AllOf):
            assert substance(checkpoint.condition) is checkpoint.condition


def test_every_checkpoint_reached_has_a_credit_and_tracing_changes_nothing() -> None:
    """A traced batch of the campaign plays exactly as the untraced one (the summary that
    ``simulate --out`` writes is the same), and credits exactly the checkpoints reached."""
    source = loaded(CAMPAIGN)
    config = RunConfig(str(CAMPAIGN), source.sha256, 3, 24, "stalin=historical", 1.0)
    plain = run_batch(source.spec, config, jobs=1)
    traced = run_batch(source.spec, replace(config, trace=True), jobs=1)
    assert plain.credit is None and traced.credit is not None
    assert summarise(source.spec, config, plain) == summarise(source.spec, config, traced)
    assert ((traced.credit >= 0) == (traced.reached >= 0)).all()
    assert (traced.credit < Causes.of(source.spec).count).all()
    again = run_chunk(source.spec, 3, np.arange(10, 24), config.ai, 1.0, trace=True)
    assert again.credit is not None and (again.credit == traced.credit[10:]).all()
