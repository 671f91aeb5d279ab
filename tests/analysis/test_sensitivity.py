"""``sensitivity``: the design, the dummy as a noise floor, identical answers however the
points are spread, the shipped analysis file, and bad input refused before any game."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from game.analysis.params import ParamError
from game.analysis.runs import load
from game.analysis.sensitivity import DUMMY, Design, Range, parse_range, sample
from game.scenario.analysis_file import load_analysis
from game.scenario.errors import ScenarioError

from .cli import CAMPAIGN, ROOT, run_game

SHIPPED = ROOT / "scenarios" / "analyses" / "vote_and_apparatus.yaml"
CHANCE = "rules.vote.chance=0.1,2.0"
TINY = "rules.constants.machine_fear=3.5,3.5000001"


def _run(folder: Path, *extra: str) -> dict:
    done = run_game("sensitivity", "--range", CHANCE, "--range", TINY, "--samples", "6",
                    "--runs", "24", "--seed", "3", "--out-dir", str(folder), "--quiet",
                    *extra)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads((folder / "sensitivity.json").read_text())


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _run(tmp_path_factory.mktemp("sens"), "--jobs", "2")


def _row(result: dict, measure: str, parameter: str) -> dict:
    return next(
        r for r in result["indices"] if r["measure"] == measure and r["parameter"] == parameter
    )


def test_every_measure_has_a_row_for_every_parameter_and_the_dummy(analysis: dict) -> None:
    parameters = {r["parameter"] for r in analysis["indices"]}
    assert parameters == {"rules.vote.chance", "rules.constants.machine_fear", DUMMY}
    measures = {r["measure"] for r in analysis["indices"]}
    assert {"win:stalin", "win:split", "outright"} <= measures
    assert analysis["points"] == 6 * (3 + 2)  # Saltelli without second order: N (D + 2)


def test_a_parameter_given_no_room_has_no_effect_and_the_vote_chance_has(analysis: dict) -> None:
    """A range of 1e-7 cannot move any run: with common random numbers its total index is
    exactly 0, while the vote's chance over its fitted bounds moves Stalin's win share."""
    stalin = _row(analysis, "win:stalin", "rules.vote.chance")
    assert stalin["varies"] and stalin["ST"] > 0.05
    assert _row(analysis, "win:stalin", "rules.constants.machine_fear")["ST"] == 0.0


def test_the_answer_does_not_depend_on_how_the_points_are_spread(
    analysis: dict, tmp_path: Path
) -> None:
    assert _run(tmp_path, "--jobs", "1") == analysis


def test_the_dummy_moves_only_the_dice() -> None:
    design = Design("morris", (parse_range(CHANCE),), 3, 10, 1, "standard", 1.0)
    matrix = sample(design)
    assert matrix.shape == (3 * 3, 2)
    assert ((matrix[:, 1] >= 0.0) & (matrix[:, 1] <= 1.0)).all()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("rules.vote.chance=2,1", "must be below"),
        ("rules.vote.chance=1,1", "must be below"),
        ("rules.vote.chance=low,high", "not two numbers"),
        ("rules.vote.chance=1", "not two numbers"),
        ("rules.vote.chance", "PATH=LOW,HIGH"),
    ],
)
def test_a_malformed_range_is_refused(text: str, says: str) -> None:
    with pytest.raises(ParamError, match=says):
        parse_range(text)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--range", "rules.constants.no_such_thing=0,1"], "no 'no_such_thing'"),
        (["--range", "rules.vote.chance=2,1"], "must be below"),
        (["--range", "rules.vote.chance=a,b"], "not two numbers"),
        (["--range", CHANCE, "--dask", "not an address"], "scheduler address"),
        (["--range", CHANCE, "--checkpoint", "nowhere"], "no such checkpoint"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(args: list[str], says: str, tmp_path: Path) -> None:
    done = run_game("sensitivity", *args, "--samples", "2", "--runs", "2",
                    "--out-dir", str(tmp_path / "out"))  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert [line for line in done.stderr.splitlines() if says in line]
    assert not (tmp_path / "out").exists()


def test_the_shipped_analysis_names_paths_the_campaign_has() -> None:
    loaded = load(CAMPAIGN)
    from game.analysis.sensitivity import check_ranges

    def check(r: object) -> str | None:
        try:
            check_ranges(loaded.source, [Range(r.path, tuple(r.path.split(".")), r.low, r.high)])  # type: ignore[attr-defined]
        except ParamError as error:
            return str(error)
        return None

    analysis = load_analysis(SHIPPED, check)
    assert len(analysis.ranges) >= 8 and analysis.samples >= 512 and analysis.runs >= 100
    assert all(r.source for r in analysis.ranges)


def test_a_broken_analysis_file_is_refused_at_its_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "title: Broken\nranges:\n  - path: rules.vote.chance\n    low: 2.0\n    high: 1.0\n"
        "    source: a test\n"
    )
    with pytest.raises(ScenarioError) as caught:
        load_analysis(broken)
    assert f"{broken}:5:" in str(caught.value) and "ranges.0.high" in str(caught.value)
    done = run_game("sensitivity", "--analysis", str(broken), "--out-dir", str(tmp_path / "o"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert np.any([f"{broken}:5:" in line for line in done.stderr.splitlines()])


def test_report_ranks_the_parameters_and_refuses_a_forged_row(
    analysis: dict, tmp_path: Path
) -> None:
    source = tmp_path / "sensitivity.json"
    source.write_text(json.dumps(analysis))
    md = tmp_path / "r.md"
    done = run_game("report", str(source), "--md", str(md))
    assert done.returncode == 0, done.stderr
    text = md.read_text()
    stalin = text.split("### win:stalin")[1].split("###")[0]
    rows = [line for line in stalin.splitlines() if line.startswith("| rules")]
    assert rows[0].startswith("| rules.vote.chance")  # the influential one first
    forged = dict(analysis, indices=[dict(analysis["indices"][0], parameter="nothing")])
    source.write_text(json.dumps(forged))
    done = run_game("report", str(source), "--md", str(tmp_path / "f.md"))
    assert done.returncode == 2 and "is not a range" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_stopped_analysis_goes_on_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped halfway (a signal, a crash), the points played are kept in the output folder;
    the same command then plays only the others and writes what an unbroken run writes."""
    from game.analysis import sensitivity_command as command
    from game.analysis.kept_points import PARTIAL
    from game.analysis.sensitivity import play_points

    loaded = load(CAMPAIGN)
    design = Design("morris", (parse_range(CHANCE),), 3, 6, 2, "standard", 1.0)
    whole = command.run_sensitivity(loaded, design, 1, tmp_path / "whole", quiet=True)
    played: list[list[int]] = []

    def stopped_halfway(work, todo, workers, finished) -> None:  # type: ignore[no-untyped-def]
        played.append(list(todo))
        play_points(work, todo[: len(todo) // 2], workers, finished)
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "play_points", stopped_halfway)
    with pytest.raises(KeyboardInterrupt):
        command.run_sensitivity(loaded, design, 1, tmp_path / "broken", quiet=True)
    assert (tmp_path / "broken" / PARTIAL).exists()
    assert not (tmp_path / "broken" / "sensitivity.json").exists()

    def counted(work, todo, workers, finished) -> None:  # type: ignore[no-untyped-def]
        played.append(list(todo))
        play_points(work, todo, workers, finished)

    monkeypatch.setattr(command, "play_points", counted)
    again = command.run_sensitivity(loaded, design, 1, tmp_path / "broken", quiet=True)
    assert played[1] == played[0][len(played[0]) // 2 :]  # only the points not yet played
    assert again == dict(whole, scenario=again["scenario"])
    assert not (tmp_path / "broken" / PARTIAL).exists()
