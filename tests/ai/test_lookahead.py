"""The ``hard`` lookahead policy: blind to the game's own dice, legal, deterministic and
batch-independent, and it sees a move's consequences that the utilities miss."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from game.ai.lookahead import LookaheadPolicy, candidate_actions, position_value
from game.ai.policies import PolicySet, StandardPolicy, parse_ai
from game.ai.rollout import rollout_seed
from game.ai.utility import context, utilities
from game.analysis.runs import load
from game.engine import rng
from game.engine.actions import legal_mask
from game.engine.record import record_game, replay
from game.engine.spec import CENSURED, EXPELLED, PERSONALITY_TRAITS, GameSpec
from game.engine.state import INFLUENCE, UNITY, State, initial_state
from game.engine.turn import begin_turn, play, resolve_turn, take_actions

IntArray = NDArray[np.int64]

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "scenario" / "minimal.yaml"
WIDE = ROOT / "tests" / "engine" / "data" / "wide.yaml"
CAMPAIGN = ROOT / "scenarios" / "1922_succession.yaml"
TINY = LookaheadPolicy(candidates=3, samples=2, horizon=1)
SEED, RUNS = 17, 6


@cache
def spec_of(path: Path) -> GameSpec:
    return load(path).spec


@cache
def position(path: Path, turns: int) -> State:
    """Runs 0..RUNS-1 of SEED after ``turns`` quarters of standard play, at the start of the
    next quarter's first round (income paid). Cached: callers copy before changing it."""
    spec = spec_of(path)
    state = initial_state(spec, SEED, np.arange(RUNS))
    policies = parse_ai("standard", spec.factions, 1.0)
    for _ in range(turns):
        begin_turn(spec, state)
        for rnd in range(spec.rules.actions_per_turn):
            take_actions(spec, state, policies.choose_all(spec, state, rnd), rnd)
        resolve_turn(spec, state)
    begin_turn(spec, state)
    return state


def choices(policy: LookaheadPolicy, spec: GameSpec, state: State, rnd: int = 0) -> IntArray:
    """(B, F): every faction's hard choice from one position."""
    ctx = context(spec, state)
    return np.stack([policy.choose(spec, state, f, rnd, ctx) for f in range(spec.n_factions)], 1)


def test_the_choice_does_not_depend_on_the_games_own_dice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every draw the real game would make from this quarter on (its seed, this turn or later,
    any stream) is replaced by different numbers: the real game's next quarter then goes
    otherwise, but every faction's hard choice is the same."""
    spec = spec_of(CAMPAIGN)
    state = position(CAMPAIGN, 6)
    before = choices(TINY, spec, state)
    real_bits = rng._bits

    def other_future(
        seed: int, runs: IntArray, turn: int, stream: int, count: int, offset: int
    ) -> NDArray[np.uint64]:
        bits = real_bits(seed, runs, turn, stream, count, offset)
        return ~bits if seed == state.seed and turn >= state.turn else bits

    monkeypatch.setattr(rng, "_bits", other_future)
    assert (choices(TINY, spec, state) == before).all()
    future, altered = state.copy(), state.copy()
    monkeypatch.setattr(rng, "_bits", real_bits)
    _play_quarter(spec, future)
    monkeypatch.setattr(rng, "_bits", other_future)
    _play_quarter(spec, altered)
    assert future.row_hashes() != altered.row_hashes()


def _play_quarter(spec: GameSpec, state: State) -> None:
    policies = PolicySet(tuple(StandardPolicy() for _ in spec.factions))
    for rnd in range(spec.rules.actions_per_turn):
        take_actions(spec, state, policies.choose_all(spec, state, rnd), rnd)
    resolve_turn(spec, state)


def test_rollouts_draw_only_from_their_own_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every random number drawn during a hard decision is keyed by the decision's derived
    rollout seed, never by the game's own seed."""
    spec = spec_of(CAMPAIGN)
    state = position(CAMPAIGN, 3)
    seen: set[int] = set()
    real_bits = rng._bits

    def spy(
        seed: int, runs: IntArray, turn: int, stream: int, count: int, offset: int
    ) -> NDArray[np.uint64]:
        seen.add(seed)
        return real_bits(seed, runs, turn, stream, count, offset)

    monkeypatch.setattr(rng, "_bits", spy)
    TINY.choose(spec, state, 2, 1, context(spec, state))
    assert seen == {rollout_seed(state.seed, state.turn, 1, 2)}
    assert rollout_seed(state.seed, state.turn, 1, 2) != state.seed


@pytest.mark.parametrize("path", [MINIMAL, WIDE, CAMPAIGN], ids=lambda p: p.stem)
@pytest.mark.parametrize("turns", [0, 4, 9])
def test_hard_choices_are_legal(path: Path, turns: int) -> None:
    """At positions from early to late in a game, every faction's hard choice is legal, for
    the first and the second round of a quarter."""
    spec = spec_of(path)
    state = position(path, min(turns, spec.turns - 1))
    for rnd in range(spec.rules.actions_per_turn):
        chosen = choices(TINY, spec, state, rnd)
        for f in range(spec.n_factions):
            legal = legal_mask(spec, state, f)
            assert legal[np.arange(state.batch), chosen[:, f]].all(), spec.factions[f]


def test_a_decision_is_deterministic_and_leaves_the_position_alone() -> None:
    """The same position gives the same choices twice, and choosing changes no array of it."""
    spec = spec_of(WIDE)
    state = position(WIDE, 5).copy()
    hashes = state.row_hashes()
    first = choices(TINY, spec, state, 1)
    assert state.row_hashes() == hashes
    assert (choices(TINY, spec, state, 1) == first).all()


def test_each_game_chooses_alone_as_inside_its_batch() -> None:
    """Game i of a batch, taken out alone, gets the same hard choices as inside the batch."""
    spec = spec_of(CAMPAIGN)
    state = position(CAMPAIGN, 8)
    together = choices(TINY, spec, state)
    for i in range(state.batch):
        alone = choices(TINY, spec, state.take(np.array([i])))
        assert (alone[0] == together[i]).all(), f"game {i}"


def test_a_game_with_a_hard_faction_is_the_same_alone_and_in_a_batch() -> None:
    """Whole games with one faction played by the lookahead: run i alone takes the same
    actions as inside a batch in reversed order, and its record replays exactly."""
    source = load(MINIMAL)
    spec = source.spec
    policies = PolicySet((TINY, StandardPolicy()))
    runs = np.array([3, 2, 1, 0])
    batch = initial_state(spec, SEED, runs)
    history = play(spec, batch, policies.choose_all)
    for j, run in enumerate(runs):
        record, state = record_game(
            spec, source.sha256, SEED, int(run), "unused", 1.0, policies.choose_all
        )
        np.testing.assert_array_equal(np.array(record.actions), history[j])
        assert state.row_hashes()[0] == batch.row_hashes()[j]
        replay(spec, record, sha256=source.sha256)


def test_the_lookahead_will_not_confess_when_the_utilities_say_confess() -> None:
    """A leader under censure with no backing and no influence may only pass or recant, in the
    last round of a quarter without sessions (so nobody can expel him before it ends); the
    utilities of a survivor prefer recanting, which neutralises the leader and so loses the
    game. The lookahead passes instead."""
    spec = spec_of(CAMPAIGN)
    survival = spec.personalities[:, PERSONALITY_TRAITS.index("survival")]
    f = int(np.argmax(survival))
    quiet = next(
        t for t in range(1, spec.turns) if all(kind != "session" for kind, _ in spec.schedule[t])
    )
    state = _cornered(spec, position(CAMPAIGN, quiet).copy(), f)
    recant = spec.actions.block("recant").start
    passing = spec.actions.block("pass").start
    two_ways = legal_mask(spec, state, f).sum(axis=1) == 2  # elsewhere he may also resign
    state = state.take(np.flatnonzero(two_ways))
    assert state.batch >= 2
    assert legal_mask(spec, state, f)[:, [passing, recant]].all()
    ctx = context(spec, state)
    scores = utilities(spec, state, f, ctx)
    assert (scores[:, recant] > scores[:, passing]).all()
    assert (candidate_actions(spec, state, f, ctx, 2)[:, 0] == recant).all()
    last_round = spec.rules.actions_per_turn - 1  # the rollouts' own play cannot recant
    assert (TINY.choose(spec, state, f, last_round, ctx) == passing).all()


def _cornered(spec: GameSpec, state: State, f: int) -> State:
    """Faction ``f``'s leader censured, without influence, allies, machines, sympathy or
    Central Committee members; the party calm, so patience does not favour passing."""
    state.status[:, spec.faction_leader[f]] = CENSURED
    state.stats[:, f, INFLUENCE] = 0.0
    state.alliance[:, f, :] = False
    state.alliance[:, :, f] = False
    state.secretary[state.secretary == f] = -1
    state.sympathy[:, :, f] = 0.0
    state.cc_share[:, -1] += state.cc_share[:, f]
    state.cc_share[:, f] = 0.0
    state.tracks[:, UNITY] = 1.0
    return state


def test_the_position_value_reads_the_end() -> None:
    """An outright winner is worth 1 to itself and 0 to the others; a split is worth 0 to
    everyone; otherwise the values are shares of the power scores, summing to 1."""
    spec = spec_of(CAMPAIGN)
    state = position(CAMPAIGN, 2).copy()
    values = np.stack([position_value(spec, state, f, 0.15) for f in range(4)], axis=1)
    np.testing.assert_allclose(values.sum(axis=1), 1.0)
    gensec = int(spec.faction_leader[0])
    rivals = [int(spec.faction_leader[f]) for f in range(1, spec.n_factions)]
    state.holder[:, spec.general_secretary] = gensec
    state.status[:, rivals] = EXPELLED
    state.in_party[:, rivals] = False
    won = np.stack([position_value(spec, state, f, 0.15) for f in range(4)], axis=1)
    np.testing.assert_array_equal(won, np.tile([1.0, 0.0, 0.0, 0.0], (state.batch, 1)))
    state.split[:] = True
    assert (position_value(spec, state, 0, 0.15) == 0.0).all()
