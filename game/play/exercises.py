"""The class exercises the window offers (``scenarios/exercises/*.yaml``): each read with its
scenario's title and faction names, and the game setup that starts one — the exercise's
scenario, its students' factions as the human players, the guided opening on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.names import leader_and_camp
from game.play.match import Setup
from game.resources import beside, scenarios_dir
from game.scenario.errors import ScenarioError
from game.scenario.exercise import Exercise, load_exercise
from game.scenario.loader import load_scenario

EXERCISES = scenarios_dir() / "exercises"


@dataclass(frozen=True)
class ExerciseInfo:
    """An exercise file, read and checked, with what the window says about its scenario."""

    path: Path
    exercise: Exercise
    scenario: Path
    scenario_title: str
    faction_names: dict[str, str]

    @property
    def humans(self) -> tuple[str, ...]:
        """The factions the students play (the scenario's first if the file names none)."""
        return tuple(self.exercise.humans) or (next(iter(self.faction_names)),)

    @property
    def students(self) -> list[str]:
        """The names of the factions the students play."""
        return [self.faction_names[h] for h in self.humans]

    @property
    def computer(self) -> list[str]:
        """The names of the factions the computer plays (none when the students play all)."""
        return [name for f, name in self.faction_names.items() if f not in self.humans]


def read_exercise(path: Path) -> ExerciseInfo:
    """Read an exercise and its scenario; ``ScenarioError`` (file:line:col) if either is bad."""
    exercise = load_exercise(path)
    scenario = beside(path, exercise.scenario)
    model = load_scenario(scenario).model
    people = {g.id: g.name for g in model.figures}
    names = {f.id: leader_and_camp(people[f.leader], f.name) for f in model.factions}
    return ExerciseInfo(path, exercise, scenario, model.title, names)


def exercise_list(folder: Path = EXERCISES) -> list[ExerciseInfo | tuple[Path, str]]:
    """Every exercise in ``folder`` by file name; one that cannot be read is given as its
    path and the first problem, so the window can list it without offering to start it."""
    found: list[ExerciseInfo | tuple[Path, str]] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            found.append(read_exercise(path))
        except ScenarioError as error:
            found.append((path, str(error.problems[0])))
    return found


def exercise_setup(info: ExerciseInfo, seed: int) -> Setup:
    """A new game of the exercise with the dice of ``seed``: its students' factions human (the
    rest played by the AI at normal difficulty), the guided opening on, the exercise
    remembered for the report."""
    return Setup(info.scenario, info.humans, "normal", seed, True, str(info.path))
