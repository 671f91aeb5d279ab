"""The environments pass PettingZoo's and Gymnasium's own test suites."""

from __future__ import annotations

from gymnasium.utils.env_checker import check_env
from pettingzoo.test import api_test, parallel_api_test, parallel_seed_test
from pettingzoo.utils.conversions import parallel_to_aec

from game.engine.spec import GameSpec
from game.envs.parallel import HeirsParallelEnv
from game.envs.single import HeirsEnv


def test_parallel_api(spec: GameSpec) -> None:
    parallel_api_test(HeirsParallelEnv(spec))
    parallel_api_test(HeirsParallelEnv(spec, learners=["trotsky", "stalin"], opponents="random"))


def test_parallel_seed(spec: GameSpec) -> None:
    parallel_seed_test(lambda: HeirsParallelEnv(spec))


def test_aec_api(spec: GameSpec) -> None:
    api_test(parallel_to_aec(HeirsParallelEnv(spec, render_mode="ansi")))


def test_gymnasium_check_env(spec: GameSpec) -> None:
    check_env(HeirsEnv(spec, faction="zinoviev"), skip_render_check=True)
