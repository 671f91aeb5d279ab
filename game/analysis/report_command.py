"""``python -m game report FILE``: read a batch result, a comparison or a saved game, build its
report and write it as HTML and/or Markdown. The file is read through ``game.boundary`` (a
regular file of at most ``JSON_BYTES``, strict JSON) and checked against its model before any
of it is used, so a malformed file is refused with ``file:line:col: path: message``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from game.analysis.batch import RunConfig, run_batch, summarise
from game.analysis.document import Document, render_html, render_markdown
from game.analysis.report import summary_document
from game.analysis.report_game import (
    SavedGame,
    check_game,
    game_document,
    mismatch,
    play_back,
    read_saved_game,
)
from game.analysis.runs import Loaded, load
from game.boundary.documents import (
    BatchSummary,
    CompareSummary,
    SensitivitySummary,
    compare_issues,
    sensitivity_issues,
    summary_issues,
)
from game.boundary.jsondoc import JsonDocument, read_json
from game.boundary.refusal import Issue, Refused
from game.engine.record import ReplayMismatch
from game.fileio import check_outputs, write_atomic
from game.scenario.exercise import Exercise, load_exercise
from game.scenario.models import Scenario


class ReportError(Refused):
    """The input cannot be reported on: each problem names the file, the place and what is
    wrong."""


def build_report(
    path: Path,
    exercise_path: Path | None,
    scenario_path: Path | None,
    runs: int,
    jobs: int | None,
    read: list[Path] | None = None,
) -> Document:
    """The report of ``path``. ``scenario_path`` overrides the scenario file the input names;
    ``runs`` is the size of the batch a saved game is set against. A file that is not a
    batch result, a comparison, a sensitivity analysis or a saved game, or one that does not
    hold together, is refused before anything is drawn. The scenario files it reads besides
    (the one a result or a saved game names, and what that extends) are added to ``read``."""
    document = read_json(
        path, "a batch result, a comparison, a sensitivity analysis or a saved game"
    )
    exercise = load_exercise(exercise_path) if exercise_path else None
    data = document.data
    if isinstance(data, dict) and data.get("kind") == "sensitivity":
        return _sensitivity_report(document)
    if isinstance(data, dict) and data.get("kind") in ("batch", "compare"):
        summary = _checked_summary(document)
        arms = [summary.base, summary.other] if isinstance(summary, CompareSummary) else [summary]
        paths = [
            scenario_path if scenario_path and i == 0 else Path(arm.scenario)
            for i, arm in enumerate(arms)
        ]
        models = [
            _scenario_model(p, arm.scenario_sha256, read)
            for p, arm in zip(paths, arms, strict=True)
        ]
        return summary_document(summary.model_dump(), models, exercise)
    saved = read_saved_game(document)
    if saved is None:
        raise ReportError.file(path, "not a batch result, a comparison or a saved game")
    return _game_report(path, saved, scenario_path, exercise, runs, jobs, read)


def _sensitivity_report(document: JsonDocument) -> Document:
    """A sensitivity analysis, checked field by field and as a whole, then reported."""
    from game.analysis.report_sensitivity import sensitivity_document

    analysis = document.validate(SensitivitySummary)
    issues = sensitivity_issues(analysis)
    if issues:
        raise ReportError(document.refuse(issues).problems)
    return sensitivity_document(analysis.model_dump())


def _checked_summary(document: JsonDocument) -> BatchSummary | CompareSummary:
    """A batch result or a comparison, checked field by field and as a whole (the report is
    made from the checked document, with every default filled in)."""
    summary: BatchSummary | CompareSummary
    if document.data["kind"] == "compare":
        summary = document.validate(CompareSummary)
        issues = compare_issues(summary)
    else:
        summary = document.validate(BatchSummary)
        issues = summary_issues(summary)
    if issues:
        raise ReportError(document.refuse(issues).problems)
    return summary


def _scenario_model(path: Path, sha256: str, read: list[Path] | None) -> Scenario | None:
    """The scenario a result was run on, for its sources; None (with a warning) if the file
    is gone or broken, and a warning if it has changed since."""
    try:
        loaded = load(path)
        if read is not None:
            read.extend(loaded.source.files)
    except Refused:
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
    read: list[Path] | None,
) -> Document:
    chosen = scenario_path or (Path(saved.scenario) if saved.scenario else None)
    if chosen is None:
        raise saved.refuse([Issue((), "the save names no scenario file; give --scenario")])
    loaded = load(chosen)
    if read is not None:
        read.extend(loaded.source.files)
    return game_report(loaded, saved, exercise, runs, jobs)


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
    Refused (located in the game's file) if the game is unfinished, does not fit the scenario
    or does not replay."""
    check_game(saved, loaded)
    try:
        played = play_back(loaded.spec, loaded.sha256, saved.record)
    except ReplayMismatch as error:
        raise mismatch(saved, loaded, error) from None
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


def write_report(
    document: Document, html: Path | None, md: Path | None, inputs: Sequence[Path] = ()
) -> list[Path]:
    """Write the HTML file and/or the Markdown file with its PNGs beside it. With ``inputs``
    (the command line's), every file it would write, the PNGs included, is first checked
    against them and each other (``check_outputs``): a refusal writes nothing. The window's
    reports go to its own folder, made if missing."""
    files: dict[Path, bytes | str] = {}
    if html is not None:
        files[html] = render_html(document)
    if md is not None:
        text, images = render_markdown(document, md.stem)
        files.update({md.parent / name: png for name, png in images.items()})
        files[md] = text
    flags = {html: "--html", md: "--md"}
    if inputs:
        check_outputs([(flags.get(path, "--md"), path) for path in files], inputs)
    for path, content in files.items():
        write_atomic(path, content)
    return list(files)
