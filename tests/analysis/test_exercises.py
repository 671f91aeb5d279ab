"""The class exercises shipped in ``scenarios/exercises/`` all load, name a valid scenario and
give the class factions of it to play, goals, a time and debrief questions; a wrong faction is
reported at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.errors import ScenarioError
from game.scenario.exercise import load_exercise

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted((ROOT / "scenarios" / "exercises").glob("*.yaml"))


def test_there_are_at_least_three_exercises() -> None:
    assert len(EXERCISES) >= 3


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_an_exercise_is_complete(path: Path) -> None:
    exercise = load_exercise(path)
    assert exercise.humans and exercise.goals and exercise.debrief
    assert exercise.minutes is not None and exercise.minutes <= 120


def test_a_faction_the_scenario_lacks_is_an_error(tmp_path: Path) -> None:
    text = (ROOT / "scenarios" / "exercises" / "lenin_lives.yaml").read_text()
    broken = tmp_path / "exercises" / "broken.yaml"
    broken.parent.mkdir()
    (tmp_path / "counterfactuals").symlink_to(ROOT / "scenarios" / "counterfactuals")
    (tmp_path / "1922_succession.yaml").symlink_to(ROOT / "scenarios" / "1922_succession.yaml")
    broken.write_text(text.replace("humans: [stalin, trotsky]", "humans: [stalin, lenin]"))
    with pytest.raises(ScenarioError) as caught:
        load_exercise(broken)
    assert str(caught.value).count("\n") == 0
    assert "broken.yaml:" in str(caught.value)
    assert "humans.1: 'lenin' is not a faction" in str(caught.value)
