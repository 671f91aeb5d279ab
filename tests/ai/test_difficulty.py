"""Difficulty names, the duel of hard against standard, and the command line's ``hard``."""

from __future__ import annotations

import numpy as np
import pytest
from analysis.cli import CAMPAIGN, MINIMAL, run_game

from game.ai.lookahead import LookaheadPolicy
from game.ai.policies import EASY_NOISE, StandardPolicy, make_policy, parse_ai
from game.ai.utility import context, utilities
from game.analysis.duel import DuelRow, duel
from game.analysis.runs import load
from game.engine.state import initial_state


def test_difficulties_name_policies() -> None:
    """``normal`` is the standard policy, ``hard`` the lookahead, ``easy`` the standard
    utilities with three times the noise; per-faction texts may mix them."""
    spec = load(CAMPAIGN).spec
    state = initial_state(spec, 4, np.arange(5))
    ctx = context(spec, state)
    assert make_policy("normal", 1.0) == StandardPolicy()
    assert isinstance(make_policy("hard", 1.0), LookaheadPolicy)
    easy = make_policy("easy", 1.0)
    assert isinstance(easy, StandardPolicy)
    base = utilities(spec, state, 1, ctx)
    noise = StandardPolicy().scores(spec, state, 1, 0, ctx) - base
    scaled = easy.scores(spec, state, 1, 0, ctx) - base
    np.testing.assert_allclose(scaled, EASY_NOISE * noise, rtol=1e-4, atol=1e-5)
    assert np.abs(noise).max() > 0
    mixed = parse_ai("stalin=hard,trotsky=easy,default=normal", spec.factions, 1.0)
    assert [type(p) for p in mixed.policies] == [
        LookaheadPolicy,
        StandardPolicy,
        StandardPolicy,
        StandardPolicy,
    ]


@pytest.mark.parametrize(
    ("gains", "losses", "p"),
    [(7, 0, 1 / 128), (0, 5, 1.0), (0, 0, 1.0), (3, 1, 5 / 16), (10, 10, 0.5880985260009766)],
)
def test_the_paired_test_gives_the_binomial_tail(gains: int, losses: int, p: float) -> None:
    """The one-sided exact McNemar p-value is the chance of at least ``gains`` heads in
    ``gains + losses`` fair tosses."""
    row = DuelRow("f", 300, 50, 50 + gains - losses, gains, losses)
    assert row.p_value == pytest.approx(p, rel=1e-9)


@pytest.mark.parametrize(
    ("standard", "hard", "gains", "losses", "met"),
    [
        (234, 260, 30, 4, True),  # +8.7 points, significant
        (234, 255, 25, 4, False),  # +7 points only, and not twice as often
        (3, 12, 9, 0, True),  # four times as often, significant
        (3, 6, 3, 0, False),  # twice as often, not significant
    ],
)
def test_the_target_needs_size_and_significance(
    standard: int, hard: int, gains: int, losses: int, met: bool
) -> None:
    """Met: at least 8 points more, or twice as often, and p < 0.01, over 300 games."""
    assert DuelRow("f", 300, standard, hard, gains, losses).meets_target is met


def test_the_duel_pairs_the_same_games() -> None:
    """On a small scenario, the rows count wins of the same seeds played both ways: the wins
    differ by exactly the gains minus the losses, and the result does not depend on jobs."""
    spec = load(MINIMAL).spec
    ticks: list[int] = []
    rows = duel(spec, 2, 6, list(spec.factions), 1, ticks.append)
    assert sum(ticks) == 3 * spec.turns
    for row in rows:
        assert row.hard_wins - row.standard_wins == row.gains - row.losses
        assert row.runs == 6
    assert duel(spec, 2, 6, [spec.factions[1]], 2, lambda _: None) == rows[1:]


def test_hard_plays_from_the_command_line() -> None:
    """``simulate`` and ``replay`` accept hard and the difficulty names; ``duel`` prints one
    table row per faction asked for and refuses an unknown faction with a usage error."""
    done = run_game("simulate", str(MINIMAL), "--runs", "1", "--ai", "hard", "--quiet")
    assert done.returncode == 0, done.stderr
    done = run_game("replay", str(MINIMAL), "--run", "1", "--ai", "stalin=hard,default=easy")
    assert done.returncode == 0, done.stderr
    assert "Winner:" in done.stdout
    done = run_game("duel", str(MINIMAL), "--runs", "2", "--factions", "trotsky", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert "| trotsky |" in done.stdout and "| stalin |" not in done.stdout
    done = run_game("duel", str(MINIMAL), "--factions", "lenin")
    assert done.returncode == 2
    assert "usage:" in done.stderr and "Traceback" not in done.stderr
