"""What the environments promise beyond the API: the observation, the rewards, illegal
actions, reseeding, and that stepping them plays the engine's own games."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from game.ai.policies import StandardPolicy
from game.ai.utility import context
from game.analysis.batch import run_chunk
from game.engine.spec import GameSpec
from game.engine.state import INFLUENCE, initial_state
from game.envs import missing
from game.envs.observe import encode, layout, size
from game.envs.parallel import HeirsParallelEnv
from game.envs.single import HeirsEnv
from game.envs.tables import ILLEGAL_PENALTY, REWARDS, Seating, Tables


def test_observation_layout_and_seat_order(spec: GameSpec) -> None:
    state = initial_state(spec, 3, np.arange(5))
    obs = encode(spec, state, 2, 1)
    assert obs.shape == (5, size(spec)) and obs.dtype == np.float32
    assert sum(n for _, n in layout(spec)) == size(spec)
    assert obs.min() >= -1.0 and obs.max() <= 1.0
    start = dict(layout(spec))
    factions_at = sum(n for name, n in layout(spec)[: list(start).index("factions")])
    # our own seat comes first: faction 2's influence, then faction 3's
    assert obs[0, factions_at] == pytest.approx(state.stats[0, 2, INFLUENCE] / 20.0)
    assert obs[0, factions_at + 16] == pytest.approx(state.stats[0, 3, INFLUENCE] / 20.0)
    assert obs[0, 1] == pytest.approx(0.5)  # round 1 of 2


def test_observation_of_a_game_does_not_depend_on_its_batch(spec: GameSpec) -> None:
    tables = Tables(spec, Seating((0, 1)))
    tables.reset(7, np.arange(6))
    for _ in range(5):
        tables.step(np.zeros((6, 2), dtype=np.int64) + tables.pass_action)
    alone = Tables(spec, Seating((0, 1)))
    alone.reset(7, np.array([4]))
    for _ in range(5):
        alone.step(np.zeros((1, 2), dtype=np.int64) + alone.pass_action)
    np.testing.assert_array_equal(tables.observe(1)[4], alone.observe(1)[0])
    np.testing.assert_array_equal(tables.masks[4], alone.masks[0])


def test_learner_playing_standard_replays_simulate(spec: GameSpec) -> None:
    """A learner that chooses what ``standard`` would gives simulate's games exactly."""
    runs = np.arange(6)
    tables = Tables(spec, Seating((1,)))
    tables.reset(5, runs)
    policy = StandardPolicy()
    while not tables.over.all():
        choice = policy.choose(spec, tables.state, 1, tables.rnd, context(spec, tables.state))
        illegal, _ = tables.step(choice[:, None])
        assert not illegal.any()
    winner, outright = tables.winners()
    expected = run_chunk(spec, 5, runs, "standard", 1.0)
    np.testing.assert_array_equal(winner, expected.winner)
    np.testing.assert_array_equal(outright, expected.outright)


def test_reward_table(spec: GameSpec) -> None:
    tables = Tables(spec, Seating((0,)))
    tables.reset(1, np.arange(3))
    tables.state.split[1] = True
    rewards = tables.rewards()
    winner, outright = tables.winners()
    assert (rewards[1] == REWARDS["split"]).all()
    for game in (0, 2):
        prize = REWARDS["outright"] if outright[game] else REWARDS["power"]
        assert rewards[game, winner[game]] == prize
        assert np.delete(rewards[game], winner[game]).tolist() == [REWARDS["other"]] * 3


def test_illegal_action_is_played_as_pass_and_penalised(spec: GameSpec) -> None:
    wrong, right = HeirsParallelEnv(spec), HeirsParallelEnv(spec)
    obs, _ = wrong.reset(seed=9)
    right.reset(seed=9)
    mask = obs["stalin"]["action_mask"]
    illegal = int(np.flatnonzero(mask == 0)[0])
    waiting = wrong.tables.pass_action
    acts = {a: waiting for a in wrong.agents}
    obs_w, rew_w, _, _, info_w = wrong.step({**acts, "stalin": illegal})
    obs_r, rew_r, _, _, info_r = right.step(acts)
    assert info_w["stalin"]["illegal"] and not info_r["stalin"]["illegal"]
    assert rew_w["stalin"] == rew_r["stalin"] - ILLEGAL_PENALTY
    np.testing.assert_array_equal(obs_w["stalin"]["observation"], obs_r["stalin"]["observation"])
    with pytest.raises(ValueError, match="indices"):
        wrong.step({**acts, "stalin": spec.actions.size})


def test_episode_ends_with_the_table_reward(spec: GameSpec) -> None:
    env = HeirsEnv(spec, faction="stalin")
    obs, _ = env.reset(seed=2)
    total, steps, done = 0.0, 0, False
    while not done:
        action = int(np.flatnonzero(obs["action_mask"])[-1])
        obs, reward, done, truncated, info = env.step(action)
        total += reward
        steps += 1
        assert not truncated
    assert steps == spec.turns * spec.rules.actions_per_turn or info["winner"] == "split"
    won = info["winner"] == "stalin"
    expected = (REWARDS["outright"] if info["outright"] else REWARDS["power"]) if won else 0.0
    if info["winner"] == "split":
        expected = REWARDS["split"]
    assert total == pytest.approx(expected)


def test_reset_without_seed_plays_the_next_run(spec: GameSpec) -> None:
    env = HeirsParallelEnv(spec)
    env.reset(seed=4)
    assert env.tables.state.run_index.tolist() == [0]
    env.reset()
    assert env.tables.state.run_index.tolist() == [1] and env.tables.state.seed == 4


def test_unknown_faction_is_refused(spec: GameSpec) -> None:
    with pytest.raises(ValueError, match="no faction 'lenin'"):
        HeirsParallelEnv(spec, learners=["lenin"])


def test_envs_import_lazily_and_name_the_extra() -> None:
    code = (
        "import sys, game.envs; assert 'pettingzoo' not in sys.modules, 'eager'; "
        "assert 'gymnasium' not in sys.modules, 'eager'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert "pip install 'heirs-of-lenin[rl]'" in str(missing("pettingzoo"))


def test_ansi_render_names_the_quarter_and_the_powers(spec: GameSpec) -> None:
    env = HeirsParallelEnv(spec, learners=["stalin"], render_mode="ansi")
    env.reset(seed=1)
    env.step({"stalin": env.tables.pass_action})
    text = env.render()
    assert text is not None and text.startswith(f"{spec.quarter_labels[0]}, round 2: stalin ")
    assert HeirsParallelEnv(spec).render() is None


def test_a_legal_step_costs_nothing(spec: GameSpec) -> None:
    env = HeirsEnv(spec, faction="bukharin", opponents="historical")
    env.reset(seed=2)
    _, reward, *_ = env.step(np.int64(env.tables.pass_action))
    assert reward == 0.0 and not np.signbit(reward)
