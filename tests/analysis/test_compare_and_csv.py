"""``compare`` and ``--csv``: the paired design is stated and used, every comparison carries
its interval and Holm's verdict, the per-run CSV holds one row per run that agrees with the
summary, and bad input is refused before any work."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from .cli import MINIMAL, ROOT, run_game

WIDE = ROOT / "tests" / "engine" / "data" / "wide.yaml"
RUNS = "300"


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list[dict[str, str]]]:
    """The wide test scenario against itself without the apparatus: JSON and CSV."""
    folder = tmp_path_factory.mktemp("compare")
    other = folder / "no_apparatus.yaml"
    other.write_text(f"extends: {WIDE}\nid: wide_no_apparatus\nmechanisms: {{apparatus: false}}\n")
    out, table = folder / "c.json", folder / "c.csv"
    done = run_game("compare", str(WIDE), str(other), "--runs", RUNS, "--seed", "4",
                    "--out", str(out), "--csv", str(table), "--jobs", "2")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Design: paired: common random numbers" in done.stdout
    assert "Holm-Bonferroni" in done.stdout
    with table.open() as handle:
        return json.loads(out.read_text()), list(csv.DictReader(handle))


def test_compare_states_the_paired_design_and_corrects_with_holm(compared: tuple) -> None:
    summary, _ = compared
    assert summary["design"] == "paired" and "McNemar" in summary["methods"]["winner"]
    assert summary["base"]["seed"] == summary["other"]["seed"] == 4
    rows = summary["comparisons"]
    measures = Counter(r["measure"] for r in rows)
    assert measures["winner"] == 5 and measures["checkpoint"] == 5  # 4 factions + split
    assert "timing" in measures
    for row in rows:
        low, high = row["ci"]
        assert low <= row["difference"] <= high
        assert row["p_value"] <= row["p_holm"] <= 1.0
        assert row["significant"] == (row["p_holm"] <= 0.05)
        if row["measure"] != "timing":
            assert row["difference"] == pytest.approx(row["other"] - row["base"])
    assert any(r["significant"] for r in rows)  # without the apparatus, something changes


def test_the_csv_has_a_row_per_run_of_each_arm_that_agrees_with_the_summary(
    compared: tuple,
) -> None:
    summary, rows = compared
    assert list(rows[0])[:10] == [
        "arm", "scenario", "seed", "run", "ai", "historicity", "winner", "outright",
        "checkpoints_reached", "first_divergence",
    ]  # fmt: skip
    for arm in ("base", "other"):
        mine = [r for r in rows if r["arm"] == arm]
        assert [int(r["run"]) for r in mine] == list(range(int(RUNS)))
        batch = summary[arm]
        assert Counter(r["winner"] for r in mine) == {
            k: v for k, v in batch["winners"].items() if v
        }
        for checkpoint in batch["checkpoints"]:
            reached = [r[checkpoint["id"]] for r in mine]
            assert sum(bool(q) for q in reached) == round(checkpoint["rate"] * int(RUNS))
            assert all(q in batch["quarters"] for q in reached if q)
        diverged = Counter(r["first_divergence"] or "none" for r in mine)
        assert diverged == {k: v for k, v in batch["first_divergence"].items() if v}


def test_independent_compare_uses_the_next_seed(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    done = run_game("compare", str(MINIMAL), str(MINIMAL), "--runs", "50", "--seed", "9",
                    "--independent", "--out", str(out), "--quiet")  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(out.read_text())
    assert summary["design"] == "independent" and summary["other"]["seed"] == 10
    assert "Welch" in summary["methods"]["timing"]


def test_simulate_csv_has_no_arm_column(tmp_path: Path) -> None:
    table = tmp_path / "runs.csv"
    done = run_game("simulate", str(MINIMAL), "--runs", "20", "--csv", str(table), "--quiet")
    assert done.returncode == 0, done.stderr
    with table.open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 20 and "arm" not in rows[0]
    assert list(rows[0])[-1] == "trotsky_condemned"
    assert {r["winner"] for r in rows} <= {"stalin", "trotsky", "split"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--runs", "0"], "argument --runs: expected a whole number from 1 to 1,000,000"),
        (["--csv", "/nonexistent/folder/x.csv"], "--csv /nonexistent/folder/x.csv"),
        (["--ai", "nosuch"], "nosuch"),
    ],
)
def test_compare_refuses_bad_flags(args: list[str], message: str) -> None:
    done = run_game("compare", str(MINIMAL), str(MINIMAL), "--runs", "5", *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_compare_names_a_missing_scenario(tmp_path: Path) -> None:
    done = run_game("compare", str(MINIMAL), str(tmp_path / "nope.yaml"), "--runs", "5")
    assert done.returncode == 2
    assert "nope.yaml" in done.stderr and "no such file" in done.stderr
    assert "Traceback" not in done.stderr
