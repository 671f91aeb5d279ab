"""``python -m game calibrate`` on a tiny budget: it runs, prints its table, writes a record
whose fitted loss is no worse than the start's, and ``--apply`` writes the fitted values into
the scenario's marked block, leaving a file that still validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from game.analysis.calibrate import BEGIN, CONSTANTS, END

from .cli import CAMPAIGN, run_game


def test_calibrate_writes_a_record_no_worse_than_the_start(tmp_path: Path) -> None:
    scenario = tmp_path / "campaign.yaml"
    shutil.copy(CAMPAIGN, scenario)
    out = tmp_path / "calibration.yaml"
    args = ["--runs", "8", "--budget", "8", "--loo-budget", "2", "--out", str(out), "--apply"]
    result = run_game("calibrate", str(scenario), *args)
    assert result.returncode == 0, result.stderr
    assert "rules.constants.grip_base" in result.stdout
    record = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert record["loss"]["fitted"] <= record["loss"]["start"]
    assert record["command"].startswith("python -m game calibrate")
    assert [c["name"] for c in record["constants"]] == [c.path for c in CONSTANTS]
    for row in record["constants"]:
        low, high = row["bounds"]
        assert low <= row["fitted"] <= high
    assert len(record["data"]) >= 12
    assert record["leave_one_out"], "each tallied vote is predicted without itself"
    text = scenario.read_text(encoding="utf-8")
    block = text[text.index(BEGIN) : text.index(END)]
    for row in record["constants"]:
        assert f"{row['name'].rsplit('.', 1)[1]}: {row['fitted']}" in block
    assert run_game("validate", str(scenario)).returncode == 0


def test_calibrate_refuses_a_bad_budget() -> None:
    result = run_game("calibrate", "--budget", "0")
    assert result.returncode == 2
    assert "--budget" in result.stderr
