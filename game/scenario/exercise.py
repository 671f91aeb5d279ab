"""Class exercises (``scenarios/exercises/*.yaml``): a scenario, the factions students play,
the counterfactual change, learning goals and debrief questions. Read like scenario files:
bounded safe YAML, strict models, every problem as ``file:line:col: path: message``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from game.boundary.files import resolve_input
from game.boundary.messages import describe
from game.boundary.refusal import Issue, Refused
from game.limits import MAX_AGENDA, MAX_FACTIONS, MAX_PATH
from game.resources import beside, resolve_name
from game.scenario.errors import ScenarioError, locate
from game.scenario.loader import load_scenario, read_model
from game.scenario.models import Id, Strict, Title


class Exercise(Strict):
    """One exercise for a class; ``scenario`` is a path relative to the exercise file."""

    id: Id | None = None
    title: Title
    description: str | None = None
    scenario: Annotated[str, Field(min_length=1, max_length=MAX_PATH)]
    change: str | None = Field(None, description="The counterfactual change, in a sentence.")
    humans: Annotated[list[Id], Field(max_length=MAX_FACTIONS)] = Field(
        [], description="Factions the students play, each once (none: the scenario's first)."
    )
    goals: Annotated[list[str], Field(max_length=MAX_AGENDA)] = Field(
        [], description="What the class should learn."
    )
    minutes: Annotated[int, Field(gt=0, le=1000)] | None = None
    debrief: Annotated[list[str], Field(max_length=MAX_AGENDA)] = Field(
        [], description="Questions for the class after the game."
    )


def load_exercise(path: Path) -> Exercise:
    """Load and check an exercise file; raise ``ScenarioError`` listing every problem. The
    scenario it names must exist and be valid, and the factions students play its own."""
    path = resolve_name(path)
    name = str(path)
    exercise, root = read_model(path, Exercise, "an exercise file")
    scenario = beside(path, exercise.scenario)
    try:
        resolve_input(scenario, "a scenario file")
    except Refused as error:
        message = f"no scenario file {describe(exercise.scenario)} beside the exercise"
        if not error.reason.startswith("no such file"):
            message = f"the scenario {describe(exercise.scenario)}: {error.reason}"
        raise ScenarioError([locate(Issue(("scenario",), message), root, name)]) from None
    factions = [f.id for f in load_scenario(scenario).model.factions]
    strangers = [
        locate(
            Issue(("humans", i), f"{human!r} is not a faction of {exercise.scenario}"), root, name
        )
        for i, human in enumerate(exercise.humans)
        if human not in factions
    ]
    strangers += [
        locate(Issue(("humans", i), f"{human!r} is named twice"), root, name)
        for i, human in enumerate(exercise.humans)
        if human in exercise.humans[:i]
    ]
    if strangers:
        raise ScenarioError(strangers)
    return exercise
