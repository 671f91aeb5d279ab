"""``python -m game report FILE``: read a batch result, a comparison or a saved game, build its
report and write it as HTML and/or Markdown."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.analysis.batch import RunConfig, run_batch, summarise
from game.analysis.document import Document, render_html, render_markdown
from game.analysis.report import summary_document
from game.analysis.report_game import (
    SavedGame,
    SavedGameError,
    game_document,
    play_back,
    read_saved_game,
)
from game.analysis.runs import Loaded, load
from game.engine.record import ReplayMismatch
from game.fileio import write_atomic
from game.scenario.errors import ScenarioError
from game.scenario.exercise import Exercise, load_exercise
from game.scenario.models import Scenario

MAX_BYTES = 256 * 1024 * 1024


class ReportError(ValueError):
    """The input cannot be reported on: the message names the file and what is wrong."""


def read_json(path: Path) -> Any:
    """The parsed file, or a ``ReportError`` saying why not."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReportError(f"{path}: is a folder, not a result file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ReportError(f"{path}: cannot read: {error}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(f"{path}:{error.lineno}:{error.colno}: not JSON: {error.msg}") from None


def build_report(
    path: Path,
    exercise_path: Path | None,
    scenario_path: Path | None,
    runs: int,
    jobs: int | None,
) -> Document:
    """The report of ``path``. ``scenario_path`` overrides the scenario file the input names;
    ``runs`` is the size of the batch a saved game is set against."""
    data = read_json(path)
    exercise = load_exercise(exercise_path) if exercise_path else None
    if isinstance(data, dict) and data.get("kind") in ("batch", "compare"):
        arms = [data["base"], data["other"]] if data["kind"] == "compare" else [data]
        paths = [
            scenario_path if scenario_path and i == 0 else Path(a["scenario"])
            for i, a in enumerate(arms)
        ]
        models = [
            _scenario_model(p, a["scenario_sha256"]) for p, a in zip(paths, arms, strict=True)
        ]
        return summary_document(data, models, exercise)
    try:
        saved = read_saved_game(data)
    except (SavedGameError, TypeError) as error:
        raise ReportError(f"{path}: {error}") from None
    if saved is None:
        raise ReportError(f"{path}: not a batch result, a comparison or a saved game")
    return _game_report(path, saved, scenario_path, exercise, runs, jobs)


def _scenario_model(path: Path, sha256: str) -> Scenario | None:
    """The scenario a result was run on, for its sources; None (with a warning) if the file
    is gone or broken, and a warning if it has changed since."""
    try:
        loaded = load(path)
    except ScenarioError:
        print(f"warning: cannot read {path}; sources are shown by key", file=sys.stderr)
        return None
    if loaded.sha256 != sha256:
        print(
            f"warning: {path} has changed since the run; its sources are the current ones",
            file=sys.stderr,
        )
    return loaded.source.model


def _game_report(
    path: Path,
    saved: SavedGame,
    scenario_path: Path | None,
    exercise: Exercise | None,
    runs: int,
    jobs: int | None,
) -> Document:
    chosen = scenario_path or (Path(saved.scenario) if saved.scenario else None)
    if chosen is None:
        raise ReportError(f"{path}: the save names no scenario file; give --scenario")
    try:
        return game_report(load(chosen), saved, exercise, runs, jobs)
    except ReportError as error:
        raise ReportError(f"{path}: {error}") from None


def game_report(
    loaded: Loaded,
    saved: SavedGame,
    exercise: Exercise | None,
    runs: int,
    jobs: int | None,
    progress: Callable[[float], None] | None = None,
) -> Document:
    """The report of a finished saved game of ``loaded``, set against ``runs`` runs of the same
    scenario and seed (``progress`` is told of the games played, as ``run_batch`` does).
    Raises ``ReportError`` if the game is unfinished or does not replay."""
    done = len(saved.record.actions)
    if done < loaded.spec.turns:
        quarter = loaded.spec.quarter_labels[done]
        raise ReportError(f"the game is not finished (saved in {quarter}); finish it first")
    try:
        played = play_back(loaded.spec, loaded.sha256, saved.record)
    except ReplayMismatch as error:
        raise ReportError(f"cannot replay it with {loaded.path}: {error}") from None
    from game.ai.policies import parse_ai

    record = saved.record
    try:
        parse_ai(record.ai, loaded.spec.factions, record.historicity)
        ai = record.ai
    except ValueError:
        ai = "standard"  # a game with human players is set against the standard AI
    config = RunConfig(str(loaded.path), loaded.sha256, record.seed, runs, ai, record.historicity)
    batch = run_batch(loaded.spec, config, jobs, progress)
    reference = summarise(loaded.spec, config, batch)
    return game_document(loaded.spec, loaded.source.model, saved, played, reference, exercise)


def write_report(document: Document, html: Path | None, md: Path | None) -> list[Path]:
    """Write the HTML file and/or the Markdown file with its PNGs beside it."""
    written = []
    if html is not None:
        write_atomic(html, render_html(document))
        written.append(html)
    if md is not None:
        text, images = render_markdown(document, md.stem)
        for name, png in images.items():
            write_atomic(md.parent / name, png)
            written.append(md.parent / name)
        write_atomic(md, text)
        written.append(md)
    return written
