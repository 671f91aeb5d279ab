"""``decompose``: eight arms whose winners sum to the runs, credits that sum to the runs that
reached each checkpoint, an ablation built in code that plays as the ablation file does, and
the command line's files and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from analysis.cli import CAMPAIGN, MINIMAL, run_game
from game.analysis.batch import run_chunk
from game.analysis.decompose import arms_for, decompose, without_apparatus
from game.analysis.runs import load

NO_APPARATUS = CAMPAIGN.parent / "ablations" / "no_apparatus.yaml"


def test_the_arms_add_up() -> None:
    data = decompose(load(MINIMAL), 6, 2, 1.0, "stalin", jobs=1)
    assert [arm["id"] for arm in data["arms"]] == [arm.id for arm in arms_for("stalin")]
    assert len(data["arms"]) == 8 and sum(not arm["apparatus"] for arm in data["arms"]) == 4
    for arm in data["arms"]:
        assert sum(arm["winners"].values()) == 6
        assert all(arm["outright"][f] <= arm["winners"][f] for f in arm["outright"])
        for point in arm["checkpoints"]:
            assert sum(point["credit"].values()) == point["reached"] <= 6


def test_the_ablation_built_in_code_is_the_ablation_file() -> None:
    spec = load(CAMPAIGN).spec
    built = run_chunk(without_apparatus(spec), 1, np.arange(12), "standard", 1.0)
    filed = run_chunk(load(NO_APPARATUS).spec, 1, np.arange(12), "standard", 1.0)
    plain = run_chunk(spec, 1, np.arange(12), "standard", 1.0)
    assert (built.winner == filed.winner).all() and (built.reached == filed.reached).all()
    assert (built.reached != plain.reached).any()
    assert spec.on("apparatus")


def test_the_command_writes_its_tables(tmp_path: Path) -> None:
    out, md = tmp_path / "d.json", tmp_path / "d.md"
    done = run_game(
        "decompose", str(MINIMAL), "--runs", "5", "--jobs", "1", "--out", str(out), "--md", str(md)
    )
    assert done.returncode == 0, done.stderr
    assert "Who wins" in done.stdout and "What made each checkpoint true" in done.stdout
    assert "What the apparatus carries: stalin's wins" in done.stdout
    data = json.loads(out.read_text())
    assert data["kind"] == "decompose" and data["runs"] == 5 and data["historicity"] == 1.0
    assert "| checkpoint | reached |" in md.read_text()


def test_a_bad_focus_is_a_usage_error() -> None:
    done = run_game("decompose", str(MINIMAL), "--runs", "2", "--focus", "lenin")
    assert done.returncode == 2 and "--focus 'lenin'" in done.stderr
    assert "Traceback" not in done.stderr
