"""The training example: a one-minute run completes and its learned policy does better at
Stalin's seat than ``random`` on the same evaluation games."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine.spec import GameSpec
from game.envs.train import TabularPolicy, main


def test_one_minute_of_training_beats_random(capsys: pytest.CaptureFixture[str]) -> None:
    scores = main(["--minutes", "1", "--games", "256"])
    out = capsys.readouterr().out
    assert "95% interval" in out and "learned" in out
    learned, random, standard = scores["learned"], scores["random"], scores["standard"]
    assert learned.games == random.games == 256
    assert learned.reward > random.reward
    assert learned.outright > random.outright
    assert standard.wins == standard.games  # the standard Stalin wins every game here


def test_update_raises_the_preference_of_a_rewarded_action(spec: GameSpec) -> None:
    policy = TabularPolicy.uniform(spec)
    mask = np.ones((2, spec.actions.size), dtype=bool)
    probs = policy.probabilities(mask, 0)
    assert probs[0] == pytest.approx(np.full(spec.actions.size, 1 / spec.actions.size))
    policy.update([(probs, np.array([5, 9]))], np.array([1.0, -1.0]), 0.5)
    after = policy.probabilities(mask, 0)[0]
    assert after[5] > probs[0, 5] > after[9]
    masked = policy.probabilities(mask & (np.arange(spec.actions.size) != 5), 0)
    assert masked[0, 5] == 0.0 and masked[0].sum() == pytest.approx(1.0)
