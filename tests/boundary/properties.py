"""The contract as properties of one input each, for the fuzz tests: an input is either
refused with well-formed problems or taken, and what is taken works to the end (a scenario
plays a whole game with every number finite and its summary passes the boundary again; a
save replays to the hashes it holds; a result makes a report in both formats)."""

from __future__ import annotations

import json
import time
import warnings
from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np

from game.ai.policies import parse_ai
from game.analysis.batch import BatchResult, RunConfig, summarise
from game.analysis.document import render_html, render_markdown
from game.analysis.recorded import tallies_of
from game.analysis.report_command import build_report
from game.analysis.report_game import read_game_file, replay_saved
from game.analysis.runs import load
from game.boundary.documents import BatchSummary, summary_issues
from game.boundary.jsondoc import parse_json
from game.boundary.refusal import Refused
from game.engine.outcome import decide
from game.engine.state import State, initial_state
from game.engine.turn import play
from game.play.saves import read_save
from game.scenario.compile import compile_scenario
from game.scenario.loader import load_scenario_from_dict

from .contract import PROBLEM, REFUSAL_SECONDS

POLICIES = ("standard", "random", "historical")


def assert_well_refused(error: Refused) -> None:
    """Every problem on one line, located, printable."""
    assert error.problems
    for line in str(error).splitlines():
        assert PROBLEM.match(line), line
        line.encode("utf-8")


def scenario_outcome(document: dict[str, Any], game: int) -> str:
    """``refused`` (with well-formed problems, in time) or ``played``: the scenario compiled,
    two games played to the end with policy ``game % 3`` without a floating-point overflow,
    invalid operation or division by zero anywhere, every number of the state finite, and
    the batch's summary accepted by the boundary as ``report`` would read it."""
    start = time.monotonic()
    try:
        loaded = load_scenario_from_dict(document, "fuzz.yaml")
    except Refused as error:
        assert_well_refused(error)
        assert time.monotonic() - start < REFUSAL_SECONDS
        return "refused"
    spec = compile_scenario(loaded.model)
    ai = POLICIES[game % len(POLICIES)]
    state = initial_state(spec, game, np.arange(2))
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")  # an overflow anywhere, even in a cast, fails
        play(spec, state, parse_ai(ai, spec.factions, 0.7).choose_all)
    assert_finite(state)
    outcome = decide(spec, state)
    result = BatchResult(
        outcome.winner, outcome.outright, state.reached, None, tallies_of(spec, state)
    )
    summary = summarise(spec, RunConfig("fuzz.yaml", loaded.sha256, game, 2, ai, 0.7), result)
    parsed = parse_json(json.dumps(summary), "summary.json")
    assert summary_issues(parsed.validate(BatchSummary)) == []
    return "played"


def assert_finite(state: State) -> None:
    """Every floating-point array of the state holds finite numbers only."""
    for f in fields(state):
        value = getattr(state, f.name)
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            assert np.isfinite(value).all(), f.name


def save_outcome(path: Path, document: Any) -> str:
    """``refused`` or ``loaded``; a save that loads is the game it claims to be: its
    actions and hashes are the match's."""
    try:
        match = read_save(path)
    except Refused as error:
        assert_well_refused(error)
        return "refused"
    assert isinstance(document, dict)
    assert match.history == document["actions"] and match.hashes == document["hashes"]
    return "loaded"


def record_outcome(path: Path, scenario: Path) -> str:
    """``refused`` or ``replayed`` (``replay --record`` with the record's scenario)."""
    try:
        replayed = replay_saved(load(scenario), read_game_file(path))
    except Refused as error:
        assert_well_refused(error)
        return "refused"
    assert replayed["record"]["hashes"] == json.loads(path.read_text())["record"]["hashes"]
    return "replayed"


def report_outcome(path: Path, folder: Path) -> str:
    """``refused`` or ``reported``: the report rendered as HTML and as Markdown, with no tag
    of the input's text left unescaped in the Markdown."""
    try:
        document = build_report(path, None, None, 5, 1)
    except Refused as error:
        assert_well_refused(error)
        return "refused"
    render_html(document)
    text, _ = render_markdown(document, "report")
    assert "<script" not in text
    return "reported"
