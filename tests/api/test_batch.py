"""``game.simulate`` and ``game.compare`` give what the commands of the same names write, byte
for byte, and refuse bad arguments before any work."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import game

from .conftest import ROOT, run_cli

OTHER = ROOT / "scenarios" / "ablations" / "no_apparatus.yaml"


@pytest.fixture(scope="module", autouse=True)
def at_root() -> object:
    """Outputs name the scenario relative to the working folder, as the CLI's do from here."""
    before = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


@pytest.fixture(scope="module")
def batch(campaign: game.Scenario) -> game.Batch:
    return game.simulate(campaign, runs=20, seed=7, jobs=1)


def test_simulate_gives_the_bytes_of_simulate_out_and_the_rows_of_csv(
    batch: game.Batch, tmp_path: Path
) -> None:
    out, table = tmp_path / "b.json", tmp_path / "b.csv"
    done = run_cli("simulate", "--runs", "20", "--seed", "7", "--jobs", "1", "--quiet",
                   "--out", str(out), "--csv", str(table))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert batch.to_json() == out.read_text()
    pytest.importorskip("pandas")
    frame = batch.to_pandas()
    assert len(frame) == 20 and list(frame["run"]) == list(range(20))
    assert frame.to_csv(index=False, lineterminator="\n") == table.read_text()


def test_the_batch_holds_the_winners_checkpoints_and_recorded_votes(batch: game.Batch) -> None:
    summary = json.loads(batch.to_json())
    assert batch.runs == 20 and sum(batch.winners.values()) == 20
    assert batch.winners == summary["winners"]
    assert all(batch.outright[f] <= batch.winners[f] for f in batch.outright)
    assert [c["id"] for c in batch.checkpoints] == [c["id"] for c in summary["checkpoints"]]
    assert batch.recorded_votes and batch.recorded_votes == summary["recorded_votes"]
    pytest.importorskip("pandas")
    frame = batch.to_pandas()
    assert frame["winner"].value_counts().to_dict() == {k: v for k, v in batch.winners.items() if v}


def test_simulate_is_deterministic_whatever_the_jobs(
    campaign: game.Scenario, batch: game.Batch
) -> None:
    again = game.simulate(campaign, runs=20, seed=7, jobs=2)
    assert again.to_json() == batch.to_json()
    other_seed = game.simulate(campaign, runs=20, seed=8, jobs=1)
    assert other_seed.to_json() != batch.to_json()


def test_compare_gives_the_bytes_of_compare_out(campaign: game.Scenario, tmp_path: Path) -> None:
    comparison = game.compare(campaign, OTHER, runs=20, seed=3, jobs=1)
    out = tmp_path / "c.json"
    done = run_cli("compare", str(campaign.path), str(OTHER), "--runs", "20", "--seed", "3",
                   "--jobs", "1", "--quiet", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert comparison.to_json() == out.read_text()
    assert comparison.summary["design"] == "paired"
    assert comparison.base["seed"] == comparison.other["seed"] == 3
    assert {c["measure"] for c in comparison.comparisons} >= {"winner", "checkpoint"}
    pytest.importorskip("pandas")
    assert sorted(set(comparison.to_pandas()["arm"])) == ["base", "other"]


def test_to_pandas_without_pandas_names_the_data_extra(
    batch: game.Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"heirs-of-lenin\[data\]"):
        batch.to_pandas()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"runs": 0}, "runs must be a whole number from 1"),
        ({"seed": -1}, "seed must be a whole number from 0"),
        ({"historicity": 1.5}, "historicity must be a number from 0 to 1"),
        ({"ai": "clever"}, "unknown AI policy 'clever'"),
        ({"ai": "lenin=standard"}, "--ai names no faction 'lenin'"),
        ({"jobs": 0}, "jobs must be a whole number from 1"),
    ],
)
def test_bad_arguments_are_refused(
    campaign: game.Scenario, arguments: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        game.simulate(campaign, **arguments)  # type: ignore[arg-type]


def test_a_scenario_that_cannot_be_loaded_raises_scenario_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nfactions: 3\n")
    with pytest.raises(game.ScenarioError) as error:
        game.load(bad)
    assert str(error.value).startswith(f"{bad}:")
    with pytest.raises(game.ScenarioError, match="no such file"):
        game.load(tmp_path / "missing.yaml")
