"""The report of a game finished in the window: the same HTML report ``python -m game report``
writes for a saved game (its outcome among runs of the same scenario, its timeline, its first
divergence, and an exercise's debrief questions), written to the ``reports`` folder beside the
saves."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from game.analysis.report_command import game_report, write_report
from game.analysis.report_game import read_saved_game
from game.boundary.jsondoc import parse_json
from game.play.match import Match
from game.play.saves import to_json
from game.play.settings import data_dir
from game.scenario.exercise import load_exercise

REPORT_RUNS = 1000  # runs of the same scenario the game is set against


def reports_dir() -> Path:
    return data_dir() / "reports"


def report_name(match: Match, when: float | None = None) -> str:
    """The report's file name: the exercise's or scenario's id and the time, so that a class's
    games do not overwrite each other."""
    stamp = time.strftime("%Y-%m-%d_%H%M%S", time.localtime(when))
    source = Path(match.setup.exercise) if match.setup.exercise else match.setup.scenario
    return f"{source.stem}_{stamp}.html"


def write_game_report(
    match: Match, runs: int = REPORT_RUNS, progress: Callable[[float], None] | None = None
) -> Path:
    """Write the finished match's report and return its path. ``progress`` is told of the
    games played of the reference batch (``runs`` games of as many quarters as the scenario).
    Raises ``Refused`` (an unfinished game, a changed exercise) or ``OSError``."""
    saved = read_saved_game(parse_json(json.dumps(to_json(match)), "(this game)"))
    assert saved is not None  # a save document is always a saved game
    exercise = load_exercise(Path(match.setup.exercise)) if match.setup.exercise else None
    document = game_report(match.loaded, saved, exercise, runs, None, progress)
    path = reports_dir() / report_name(match)
    write_report(document, path, None)
    return path
