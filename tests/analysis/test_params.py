"""``--param PATH=VALUES`` for sweeps: the value syntax, paths into the scenario, and one
readable error (exit 2) for a bad path or value."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from game.analysis.params import ParamError, parse_param, variant
from game.scenario.loader import LoadedScenario, load_scenario

from .cli import CAMPAIGN, MINIMAL, run_game


@cache
def campaign() -> LoadedScenario:
    return load_scenario(CAMPAIGN)


@pytest.mark.parametrize(
    ("text", "path", "values"),
    [
        ("rules.constants.machine_fear=1,2,3.5,5", "rules.constants.machine_fear", (1, 2, 3.5, 5)),
        ("rules.constants.grip_base=0.3..0.9:0.1", "rules.constants.grip_base",
         (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)),
        ("x=1..5:2", "x", (1, 3, 5)),
        ("x=1..2:0.5,7", "x", (1.0, 1.5, 2.0, 7)),
        ("lenin.death=1924Q3..1925Q2", "events.lenin_dies.window",
         ("1924Q3", "1924Q4", "1925Q1", "1925Q2")),
        ("x=1924Q1..1925Q1:2", "x", ("1924Q1", "1924Q3", "1925Q1")),
        ("mechanisms.apparatus=true,false", "mechanisms.apparatus", (True, False)),
    ],
)  # fmt: skip
def test_values_are_read_as_lists_and_ranges(text: str, path: str, values: tuple[object]) -> None:
    param = parse_param(text)
    assert ".".join(param.path) == path
    assert param.values == values
    assert [type(v) for v in param.values] == [type(v) for v in values]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("machine_fear", "write it as PATH=VALUES"),
        ("x=5..1", "runs backwards"),
        ("x=1..2:0", "must be a positive number"),
        ("x=1..2:y", "is not a number"),
        ("x=1924Q1..1925Q1:0.5", "whole number"),
        ("x=1..1924Q1", "not a range of numbers or of quarters"),
        ("x=1,,2", "an empty value"),
        ("x=0..1:0.0001", "more than 1000 values"),
    ],
)
def test_bad_values_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(ParamError, match=message):
        parse_param(text)


def test_a_quarter_moves_the_window_and_the_event_date_with_it() -> None:
    """Lenin's death (1924-01-21, window 1924Q1) set to 1926Q3 lands on 1926-07-21."""
    changed = variant(campaign(), parse_param("lenin.death=1926Q3"), "1926Q3")
    event = next(e for e in changed.model.events if e.id == "lenin_dies")
    assert (event.window.from_, event.window.to, event.date) == ("1926Q3", "1926Q3", "1926-07-21")
    assert changed.sha256 != campaign().sha256


def test_ids_and_positions_address_list_items() -> None:
    changed = variant(campaign(), parse_param("factions.trotsky.popularity=0.9"), 0.9)
    assert next(f for f in changed.model.factions if f.id == "trotsky").popularity == 0.9
    growth = variant(campaign(), parse_param("membership.growth.0.rate=0.01"), 0.01)
    assert growth.model.membership.growth[0].rate == 0.01


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules.constants.machine_fearr=1", "rules.constants has no 'machine_fearr'"),
        ("events.nosuch.window=1924Q1", "events has no item 'nosuch'"),
        ("rules.constants=3", "holds campaign"),
        ("factions.trotsky.popularity=2", "factions.1.popularity: expected a number <= 1.0"),
        ("lenin.death=1931Q1", "1931Q1 is outside the scenario"),
        ("factions.trotsky.popularity=abc", "expected a number, got 'abc'"),
    ],
)
def test_a_bad_path_or_value_is_one_error_naming_it(text: str, message: str) -> None:
    param = parse_param(text)
    with pytest.raises(ParamError, match=message) as error:
        variant(campaign(), param, param.values[0])
    assert str(error.value).startswith(f"--param {param.text}")


def test_sweep_refuses_a_bad_param_before_any_work(tmp_path: Path) -> None:
    """Exit 2, the path named on stderr, no traceback, nothing written."""
    out = tmp_path / "sweep"
    done = run_game("sweep", str(MINIMAL), "--param", "rules.constants.nope=1,2",
                    "--runs", "5", "--out-dir", str(out))  # fmt: skip
    assert done.returncode == 2
    assert "rules.constants has no 'nope'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_sweep_writes_a_table_and_charts(tmp_path: Path) -> None:
    """Three values of a constant on the minimal scenario: one CSV row per value and measure
    (two factions, a split, one checkpoint), and two PNG charts."""
    done = run_game("sweep", str(MINIMAL), "--param", "rules.constants.machine_fear=0,3.5,10",
                    "--runs", "40", "--out-dir", str(tmp_path), "--quiet")  # fmt: skip
    assert done.returncode == 0, done.stderr
    with (tmp_path / "sweep.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [r["value"] for r in rows[::4]] == ["0", "3.5", "10"]
    assert {(r["kind"], r["id"]) for r in rows} == {
        ("winner", "stalin"), ("winner", "trotsky"), ("winner", "split"),
        ("checkpoint", "trotsky_condemned"),
    }  # fmt: skip
    for value in ("0", "3.5", "10"):
        wins = [r for r in rows if r["value"] == value and r["kind"] == "winner"]
        assert sum(int(r["count"]) for r in wins) == 40
        assert all(float(r["ci_low"]) <= float(r["rate"]) <= float(r["ci_high"]) for r in wins)
    for chart in ("winners.png", "checkpoints.png"):
        assert (tmp_path / chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
