"""How fast a learner can play: env-steps per second of the vector env at several batch
sizes, beside ``simulate``'s own rate on one core, for ``python -m game bench``.

One env-step is one action round of one game (the learner's faction acts once; with the
other three, four faction actions). Stalin learns against ``standard`` opponents; only games
still in play count. Two learners are timed: ``random`` picks uniformly among its legal
actions, as an untrained agent does (its erratic motions make the sessions vote on many
more questions, so its games cost more to play); ``standard`` plays what the standard
policy would (computing that choice is part of its time), so its games are ``simulate``'s
and the difference from simulate's rate is the environment's own overhead. Rates are given
per second of wall time and per second of this process's CPU time (the machine may be
shared: the CPU rate is what one free core would do).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from game.ai.policies import StandardPolicy
from game.ai.utility import context
from game.analysis.batch import run_chunk
from game.engine.spec import GameSpec
from game.envs.vector import HeirsVectorEnv

BATCHES = (1, 64, 1024)
MIN_STEPS = 500  # small batches play several episodes, so the clock sees enough steps


@dataclass(frozen=True)
class Rate:
    """Env-steps (one action round of one game) done, in wall and CPU seconds."""

    label: str
    steps: int
    wall: float
    cpu: float

    def line(self) -> str:
        per_wall, per_cpu = self.steps / self.wall, self.steps / self.cpu
        return (
            f"{self.label}: {per_wall:,.0f} env-steps/s wall, {per_cpu:,.0f} per CPU second "
            f"({4 * per_cpu:,.0f} faction actions/s)"
        )


def learner_rate(spec: GameSpec, batch: int, learner: str = "random", seed: int = 1) -> Rate:
    """Step a vector env of ``batch`` games (stalin learning, standard opponents) through
    whole episodes until at least ``MIN_STEPS`` env-steps are done; ``learner`` is
    ``random`` or ``standard`` (see the module)."""
    env = HeirsVectorEnv(batch, spec, faction="stalin", opponents="standard")
    rng = np.random.default_rng(seed)
    standard = StandardPolicy()
    obs, info = env.reset(seed=seed)
    steps = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while True:
        if learner == "standard":
            state = env.tables.state
            actions = standard.choose(spec, state, 0, env.tables.rnd, context(spec, state))
        else:
            mask = obs["action_mask"].astype(bool)
            actions = np.argmax(np.where(mask, rng.random(mask.shape), -1.0), axis=1)
        obs, _, _, _, info = env.step(actions)
        steps += int(info["active"].sum())
        if env.tables.over.all() and steps >= MIN_STEPS:
            break
        if env.tables.over.all():
            obs, info = env.reset()
    return Rate(f"vector env, {learner} learner, B = {batch:,}", steps, *_since(wall, cpu))


def simulate_rate(spec: GameSpec, batch: int, seed: int = 1) -> Rate:
    """``simulate``'s engine on one core: ``batch`` games played to the end as one chunk,
    counted in the same env-steps (action rounds of a game)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run_chunk(spec, seed, np.arange(batch), "standard", 1.0)
    steps = batch * spec.turns * spec.rules.actions_per_turn
    return Rate(f"simulate on one core, B = {batch:,}", steps, *_since(wall, cpu))


def _since(wall: float, cpu: float) -> tuple[float, float]:
    return time.perf_counter() - wall, time.process_time() - cpu


def bench_envs(spec: GameSpec, batches: tuple[int, ...] = BATCHES) -> str:
    """The random learner's rates at each batch size, then the standard learner's and
    simulate's at the largest, one per line."""
    lines = [learner_rate(spec, b).line() for b in batches]
    lines.append(learner_rate(spec, max(batches), "standard").line())
    lines.append(simulate_rate(spec, max(batches)).line())
    return "\n".join(lines)
