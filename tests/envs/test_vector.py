"""The vector env: B games in one engine call behave as B single games, reset together, and
let a split game wait out the batch."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from game.engine.spec import GameSpec
from game.engine.state import UNITY
from game.envs.bench import MIN_STEPS, learner_rate
from game.envs.single import HeirsEnv
from game.envs.tables import REWARDS
from game.envs.vector import HeirsVectorEnv


def _last_legal(mask: np.ndarray) -> np.ndarray:
    """(B,) the highest legal action of each game: deterministic and often a motion."""
    return mask.shape[1] - 1 - np.argmax(mask[:, ::-1] > 0, axis=1)  # type: ignore[no-any-return]


def test_each_game_of_the_batch_is_the_single_game(spec: GameSpec) -> None:
    vector = HeirsVectorEnv(3, spec, faction="bukharin")
    singles = [HeirsEnv(spec, faction="bukharin") for _ in range(3)]
    obs, _ = vector.reset(seed=11)
    for i, env in enumerate(singles):
        env.reset(seed=11)
        for _ in range(i):
            env.reset()  # run i of seed 11
    done = np.zeros(3, dtype=bool)
    while not done.all():
        actions = _last_legal(obs["action_mask"])
        obs, reward, terminated, _, _ = vector.step(actions)
        for i, env in enumerate(singles):
            one, r, t, _, _ = env.step(actions[i])
            np.testing.assert_array_equal(one["observation"], obs["observation"][i])
            np.testing.assert_array_equal(one["action_mask"], obs["action_mask"][i])
            assert (r, t) == (reward[i], terminated[i])
        done |= terminated
    assert vector.observation_space.contains(obs)


def test_the_step_after_the_end_resets_every_game(spec: GameSpec) -> None:
    env = HeirsVectorEnv(2, spec)
    obs, _ = env.reset(seed=1)
    steps = 0
    while not env.tables.over.all():
        obs, _, terminated, _, _ = env.step(_last_legal(obs["action_mask"]))
        steps += 1
    assert terminated.all() and steps == spec.turns * spec.rules.actions_per_turn
    obs, reward, terminated, _, info = env.step(np.zeros(2, dtype=np.int64))
    assert env.tables.state.run_index.tolist() == [2, 3] and env.tables.state.turn == 0
    assert not terminated.any() and (reward == 0).all() and info["active"].all()


def test_a_split_game_ends_alone_and_waits(spec: GameSpec) -> None:
    env = HeirsVectorEnv(2, spec)
    obs, _ = env.reset(seed=1)
    while env.tables.rnd != spec.rules.actions_per_turn - 1:
        obs, *_ = env.step(_last_legal(obs["action_mask"]))
    env.tables.state.tracks[1, UNITY] = -1.0  # below any split threshold
    obs, reward, terminated, _, info = env.step(np.zeros(2, dtype=np.int64))
    assert terminated.tolist() == [False, True] and reward[1] == REWARDS["split"]
    obs, reward, terminated, _, info = env.step(np.zeros(2, dtype=np.int64))
    assert info["active"].tolist() == [True, False]
    assert reward[1] == 0.0 and not terminated[1]
    assert obs["action_mask"][1].sum() == 1  # only pass


def test_bench_counts_every_active_game_step(spec: GameSpec) -> None:
    rate = learner_rate(spec, 4)
    episode = spec.turns * spec.rules.actions_per_turn
    assert MIN_STEPS <= rate.steps < MIN_STEPS + 4 * episode  # whole episodes, then stop
    assert rate.cpu > 0 and "env-steps/s" in rate.line()


def test_a_list_of_seeds_is_refused(spec: GameSpec) -> None:
    with pytest.raises(ValueError, match="one seed"):
        HeirsVectorEnv(2, spec).reset(seed=[1, 2])


def test_bench_says_why_without_the_extra(spec: GameSpec, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.analysis.commands import learning_env_rates

    monkeypatch.setitem(sys.modules, "game.envs.bench", None)
    assert learning_env_rates(spec).startswith("learning environments: not measured")
