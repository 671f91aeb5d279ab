"""An example of learning with the vector env: a tabular policy-gradient agent for one seat.

    python -m game.envs.train --minutes 3 --faction stalin

The agent is a softmax over the legal actions whose preference for action ``a`` at action
round ``t`` of the game (t = 0..T-1, T = quarters x rounds) is ``action[a] + timed[t, k(a)]``,
``k(a)`` the action's kind: a table of what to do, and when, learned by REINFORCE (the
game's reward minus the batch's mean, scaled by its spread) from batches of ``--batch``
games against ``standard`` opponents. When the time is up, the learned policy, ``random``
and ``standard`` each play the same ``--games`` evaluation games at the seat (runs of a seed
never used in training), and their win rates are reported with 95% Wilson intervals, beside
the outright wins and the mean reward (``game.envs.tables.REWARDS``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import make_policy
from game.ai.utility import context
from game.analysis.stats import wilson_interval
from game.engine.spec import GameSpec
from game.envs.common import faction_indices, load_spec
from game.envs.vector import HeirsVectorEnv

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
# (env, mask (B, A) bool, step t) -> actions (B,)
Chooser = Callable[[HeirsVectorEnv, NDArray[np.bool_], int], IntArray]
EVAL_SEED = 1_000_003  # evaluation games come from a seed training never uses


@dataclass
class TabularPolicy:
    """A softmax over legal actions with preferences ``action[a] + timed[t, kind[a]]``."""

    action: FloatArray  # (A,)
    timed: FloatArray  # (T, K)
    kind: IntArray  # (A,) each action's kind

    @classmethod
    def uniform(cls, spec: GameSpec) -> TabularPolicy:
        """All preferences zero: uniform over the legal actions, as ``random`` plays."""
        kinds = spec.actions.kind_index
        steps = spec.turns * spec.rules.actions_per_turn
        return cls(np.zeros(kinds.size), np.zeros((steps, int(kinds.max()) + 1)), kinds)

    def probabilities(self, mask: NDArray[np.bool_], step: int) -> FloatArray:
        """(B, A): the policy's distribution over each game's legal actions at step ``step``."""
        logits = self.action + self.timed[step, self.kind]
        weights = np.where(mask, np.exp(logits - logits.max()), 0.0)
        return weights / weights.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]

    def update(
        self, steps: list[tuple[FloatArray, IntArray]], advantage: FloatArray, rate: float
    ) -> None:
        """One REINFORCE step from a batch of whole games: ``steps[t]`` holds the
        probabilities (B, A) and the actions (B,) of step t, ``advantage`` (B,) each game's."""
        b = advantage.size
        rows = np.arange(b)
        grad_action = np.zeros_like(self.action)
        for t, (probs, actions) in enumerate(steps):
            score = -probs * advantage[:, None]  # d log pi(a) / d pref = onehot(a) - pi
            score[rows, actions] += advantage
            grad_action += score.sum(axis=0)
            np.add.at(self.timed[t], self.kind, rate * score.sum(axis=0) / b)
        self.action += rate * grad_action / b


def sampler(
    policy: TabularPolicy,
    rng: np.random.Generator,
    record: list[tuple[FloatArray, IntArray]] | None = None,
) -> Chooser:
    """A chooser that samples the tabular policy; with ``record``, each step's
    probabilities and actions are appended to it (for the update)."""

    def choose(env: HeirsVectorEnv, mask: NDArray[np.bool_], step: int) -> IntArray:
        probs = policy.probabilities(mask, step)
        draws = rng.random((mask.shape[0], 1))
        picked: IntArray = np.minimum((probs.cumsum(axis=1) < draws).sum(axis=1), mask.shape[1] - 1)
        if record is not None:
            record.append((probs, picked))
        return picked

    return choose


def engine_policy(name: str, seat: int) -> Chooser:
    """A chooser that plays the engine's AI policy ``name`` (random, standard) at ``seat``."""
    policy = make_policy(name, 1.0)

    def choose(env: HeirsVectorEnv, mask: NDArray[np.bool_], step: int) -> IntArray:
        spec, state = env.game_spec, env.tables.state
        return policy.choose(spec, state, seat, env.tables.rnd, context(spec, state))

    return choose


def play_batch(env: HeirsVectorEnv, choose: Chooser, seed: int | None) -> FloatArray:
    """Play the env's next B games to the end with ``choose``; returns each game's total
    reward (B,). With ``seed``, runs 0..B-1 of it."""
    obs, _ = env.reset(seed=seed)
    total = np.zeros(env.num_envs)
    step = 0
    while not env.tables.over.all():
        actions = choose(env, obs["action_mask"].astype(bool), step)
        obs, reward, _, _, _ = env.step(actions)
        total += reward
        step += 1
    return total


def train(
    spec: GameSpec, faction: str, seconds: float, batch: int, seed: int, rate: float
) -> tuple[TabularPolicy, list[float]]:
    """Learn for about ``seconds`` (whole batches); the mean reward of each batch."""
    env = HeirsVectorEnv(batch, spec, faction=faction, opponents="standard")
    policy = TabularPolicy.uniform(spec)
    rng = np.random.default_rng(seed)
    means: list[float] = []
    start = time.perf_counter()
    while time.perf_counter() - start < seconds or not means:
        steps: list[tuple[FloatArray, IntArray]] = []
        returns = play_batch(env, sampler(policy, rng, steps), seed if not means else None)
        advantage = (returns - returns.mean()) / (returns.std() + 1e-6)
        policy.update(steps, advantage, rate)
        means.append(float(returns.mean()))
    return policy, means


@dataclass(frozen=True)
class Score:
    """How one policy did at the seat over the evaluation games."""

    name: str
    games: int
    wins: int
    outright: int
    reward: float

    def line(self) -> str:
        low, high = wilson_interval(self.wins, self.games)
        return (
            f"{self.name:<9} {self.wins / self.games:>6.1%}  [{low:.1%}, {high:.1%}]  "
            f"{self.outright / self.games:>8.1%}  {self.reward:>11.3f}"
        )


def evaluate(spec: GameSpec, faction: str, name: str, choose: Chooser, games: int) -> Score:
    """Play the evaluation games (runs 0..games-1 of ``EVAL_SEED``) with ``choose``."""
    env = HeirsVectorEnv(games, spec, faction=faction, opponents="standard")
    returns = play_batch(env, choose, EVAL_SEED)
    winner, outright = env.tables.winners()
    seat = env.tables.seating.learners[0]
    won = winner == seat
    return Score(name, games, int(won.sum()), int((won & outright).sum()), float(returns.mean()))


def main(argv: Sequence[str] | None = None) -> dict[str, Score]:
    """Train, evaluate, print the table; returns the scores by policy name."""
    parser = argparse.ArgumentParser(prog="python -m game.envs.train", description=__doc__)
    parser.add_argument("--minutes", type=float, default=3.0, help="default: %(default)s")
    parser.add_argument("--faction", default="stalin", help="the seat (default: %(default)s)")
    parser.add_argument("--batch", type=int, default=128, help="games per update")
    parser.add_argument("--games", type=int, default=512, help="evaluation games per policy")
    parser.add_argument("--rate", type=float, default=0.5, help="learning rate")
    parser.add_argument("--seed", type=int, default=1, help="training seed")
    args = parser.parse_args(argv)
    spec = load_spec(None)
    try:
        (seat,) = faction_indices(spec, [args.faction])
    except ValueError as error:
        parser.exit(2, f"{error}\n")
    start = time.perf_counter()
    policy, means = train(spec, args.faction, 60 * args.minutes, args.batch, args.seed, args.rate)
    print(
        f"trained {len(means)} updates ({len(means) * args.batch:,} games) at {args.faction} "
        f"against standard in {time.perf_counter() - start:.0f} s; mean reward per batch "
        f"{means[0]:.3f} -> {means[-1]:.3f}"
    )
    rng = np.random.default_rng(args.seed + 1)
    choosers = {
        "learned": sampler(policy, rng),
        "random": engine_policy("random", seat),
        "standard": engine_policy("standard", seat),
    }
    scores = {n: evaluate(spec, args.faction, n, c, args.games) for n, c in choosers.items()}
    print(f"{args.games} evaluation games each (seed {EVAL_SEED}), standard opponents:")
    print(f"{'policy':<9} {'wins':>6}  95% interval     outright  mean reward")
    for score in scores.values():
        print(score.line())
    return scores


if __name__ == "__main__":
    main(sys.argv[1:])
