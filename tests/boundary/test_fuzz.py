"""Fuzzing the boundary: generated scenario documents, and saves, records and results mutated
from real games, each through the entry point that reads it; every one is either refused as
the contract says or taken and works to the end (see ``properties``). Most run in process; a
small sample goes through the command line.

Each property runs twice: ``quick`` in every test run (a bounded, derandomised number of
examples, well under two minutes together) and ``long`` only with ``pytest -m fuzz`` (random
examples, ``HEIRS_FUZZ_EXAMPLES`` of each, default 2,000; ``--hypothesis-show-statistics``
reports how many ran). The scenario property also measures how many of its documents
validated and played a whole game: at least 30%, so that the engine is reached."""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.analysis.batch import RunConfig, run_batch, summarise
from game.analysis.commands import replay_text
from game.analysis.compare import compare_summary
from game.analysis.runs import load
from game.play.match import Match, Setup
from game.play.saves import to_json

from .contract import assert_refused, run
from .properties import record_outcome, report_outcome, save_outcome, scenario_outcome
from .strategies import (
    BASES,
    base_document,
    json_documents,
    places,
    scenario_documents,
    slot_at,
    write_text,
)

MINIMAL = BASES["minimal"]
LONG_EXAMPLES = int(os.environ.get("HEIRS_FUZZ_EXAMPLES", "2000"))
QUICK, LONG = "quick", "long"
BUDGETS = [pytest.param(QUICK, id=QUICK), pytest.param(LONG, id=LONG, marks=pytest.mark.fuzz)]
PLAYED_AT_LEAST = 0.3


def fuzz(budget: str, quick_examples: int, strategy: st.SearchStrategy[Any]) -> Callable[..., int]:
    """Run ``check`` on examples of ``strategy``: a fixed number, derandomised, when quick;
    ``LONG_EXAMPLES`` random ones when long."""

    def runner(check: Callable[[Any], None]) -> int:
        long = budget == LONG
        count = 0

        def counted(example: Any) -> None:
            nonlocal count
            count += 1
            check(example)

        chosen = settings(
            max_examples=LONG_EXAMPLES if long else quick_examples,
            deadline=None,
            derandomize=not long,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        if not long:  # the quick run is the same every time: no examples kept from before
            chosen = settings(chosen, database=None)
        chosen(given(strategy)(counted))()
        print(f"\n{budget}: {count} examples")  # shown with -s: the long run's count
        return count

    return runner


@pytest.mark.parametrize("budget", BUDGETS)
def test_generated_scenarios_are_refused_or_play_to_the_end(budget: str) -> None:
    outcomes: Counter[str] = Counter()

    def check(document: dict[str, Any]) -> None:
        outcomes[scenario_outcome(document, outcomes.total())] += 1

    fuzz(budget, 60, scenario_documents())(check)
    print(f"{budget}: {dict(outcomes)}")
    assert outcomes["played"] >= PLAYED_AT_LEAST * outcomes.total(), outcomes
    assert outcomes["refused"] > 0, outcomes


@pytest.mark.parametrize("budget", BUDGETS)
def test_generated_scenario_files_through_the_command_line(budget: str, tmp_path: Path) -> None:
    def check(document: dict[str, Any]) -> None:
        path = tmp_path / "fuzz.yaml"
        path.write_text(yaml.safe_dump(document, allow_unicode=False), encoding="utf-8")
        done, seconds = run("validate", str(path))
        if done.returncode != 0:
            assert_refused(done, seconds)
            return
        done, _ = run("simulate", str(path), "--runs", "2", "--jobs", "1", "--quiet")
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr

    fuzz(budget, 3, scenario_documents())(check)


@cache
def real_save() -> dict[str, Any]:
    """A save of the minimal scenario after three quarters."""
    match = Match(load(MINIMAL), Setup(MINIMAL, ("trotsky",)))
    for _ in range(3):
        match.resolve()
    return to_json(match)


@cache
def real_record() -> dict[str, Any]:
    """``replay --json``'s record of one game of the minimal scenario, without its log."""
    data = replay_text(load(MINIMAL), 3, 0, "standard", 1.0)
    return {"scenario": data["scenario"], "record": data["record"]}


@cache
def real_results() -> tuple[dict[str, Any], dict[str, Any]]:
    """A batch result and a comparison of the minimal scenario with itself."""
    loaded = load(MINIMAL)
    config = RunConfig(str(loaded.path), loaded.sha256, 1, 12, "standard", 1.0)
    result = run_batch(loaded.spec, config, 1)
    arm = (loaded.spec, config, result)
    return summarise(*arm), compare_summary(arm, arm, True)


@pytest.mark.parametrize("budget", BUDGETS)
def test_mutated_saves_are_refused_or_are_the_game_they_claim(budget: str, tmp_path: Path) -> None:
    def check(text: str) -> None:
        path = write_text(tmp_path / "save.json", text)
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):  # the program refuses it: see save_outcome
            document = None
        save_outcome(path, document)

    fuzz(budget, 40, json_documents(real_save()))(check)


@pytest.mark.parametrize("budget", BUDGETS)
def test_mutated_records_are_refused_or_replay(budget: str, tmp_path: Path) -> None:
    def check(text: str) -> None:
        record_outcome(write_text(tmp_path / "record.json", text), MINIMAL)

    fuzz(budget, 40, json_documents(real_record()))(check)


@pytest.mark.parametrize("budget", BUDGETS)
def test_mutated_results_are_refused_or_reported(budget: str, tmp_path: Path) -> None:
    batch, comparison = real_results()
    documents = st.one_of(
        json_documents(batch), json_documents(comparison), json_documents(real_record())
    )

    def check(text: str) -> None:
        report_outcome(write_text(tmp_path / "result.json", text), tmp_path)

    fuzz(budget, 8, documents)(check)


@pytest.mark.parametrize("budget", BUDGETS)
def test_mutated_documents_through_the_command_line(budget: str, tmp_path: Path) -> None:
    """A small sample of saves, records and results through ``replay --record`` and
    ``report``: exit 0 or refused as the contract says."""
    batch, _ = real_results()
    documents = st.tuples(
        st.sampled_from(["save", "record", "batch"]),
        st.data(),
    )

    def check(drawn: tuple[str, Any]) -> None:
        kind, data = drawn
        base = {"save": real_save(), "record": real_record(), "batch": batch}[kind]
        path = write_text(tmp_path / f"{kind}.json", data.draw(json_documents(base)))
        argv: tuple[str, ...] = ("report", str(path), "--md", str(tmp_path / "r.md"), "--runs", "3")
        if kind != "batch":
            argv = ("replay", "--record", str(path))
        done, seconds = run(*argv)
        if done.returncode != 0:
            assert_refused(done, seconds)

    fuzz(budget, 3, documents)(check)


def test_the_real_documents_are_taken(tmp_path: Path) -> None:
    """The unmutated bases pass, so that every refusal above is the mutation's doing."""
    save = write_text(tmp_path / "save.json", json.dumps(real_save()))
    assert save_outcome(save, real_save()) == "loaded"
    record = write_text(tmp_path / "record.json", json.dumps(real_record()))
    assert record_outcome(record, MINIMAL) == "replayed"
    for result in real_results():
        path = write_text(tmp_path / "result.json", json.dumps(result))
        assert report_outcome(path, tmp_path) == "reported"
    assert all(scenario_outcome(base_document(name), 0) == "played" for name in BASES)


def _at_the_bounds(document: dict[str, Any], end: int) -> dict[str, Any]:
    """``document`` with every bounded number at an end of its range: its least (``end`` 0),
    its greatest (1), or each in turn (2); shares that must add up to at most 1 are split
    evenly instead."""
    document = copy.deepcopy(document)
    for i, loc in enumerate(places(document)[1:]):
        slot = slot_at(document, loc)
        parent = document
        for step in loc[:-1]:
            parent = parent[step]
        value = parent[loc[-1]]
        if slot is None or slot.kind not in (int, float) or isinstance(value, bool | None):
            continue
        b = slot.bounds
        ends = (b.get("ge", b.get("gt")), b.get("le", b.get("lt")))
        if None in ends or "gt" in b or "lt" in b:
            continue
        if loc[-2:-1] in (("sympathy",), ("shares",)):
            parent[loc[-1]] = 1.0 / len(parent)
        else:
            parent[loc[-1]] = ends[i % 2 if end == 2 else end]
    return document


@pytest.mark.parametrize("end", [0, 1, 2], ids=["least", "greatest", "alternating"])
@pytest.mark.parametrize("name", sorted(BASES))
def test_every_number_at_its_bounds_is_refused_or_plays_cleanly(name: str, end: int) -> None:
    """What the models accept, the engine plays without an overflow, even at the bounds."""
    document = _at_the_bounds(base_document(name), end)
    outcomes = {scenario_outcome(document, game) for game in range(3)}
    assert outcomes in ({"played"}, {"refused"})
