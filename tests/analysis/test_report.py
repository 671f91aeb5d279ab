"""``report``: batch results, comparisons and saved games become one self-contained HTML file
(or Markdown with PNGs) with the outcome, the timeline beside history, the first divergence,
the sources and notes, charts and the exercise's debrief; bad input is one message, exit 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.analysis.runs import load
from game.play.match import Match, Setup
from game.play.saves import to_json

from .cli import CAMPAIGN, DATA, MINIMAL, run_game

IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


@pytest.fixture(scope="module")
def batch_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "batch.json"
    done = run_game("simulate", str(MINIMAL), "--runs", "60", "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def saved_game(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved game as ``replay --json`` writes it: the record inside, the scenario beside."""
    done = run_game("replay", str(MINIMAL), "--seed", "2", "--run", "5", "--json")
    assert done.returncode == 0, done.stderr
    path = tmp_path_factory.mktemp("game") / "game.json"
    path.write_text(done.stdout)
    return path


def report(source: Path, out: Path, *extra: str) -> str:
    done = run_game("report", str(source), "--html", str(out), *extra)
    assert done.returncode == 0, done.stderr
    return out.read_text()


def test_a_batch_report_has_every_part(batch_json: Path, tmp_path: Path) -> None:
    page = report(batch_json, tmp_path / "r.html", "--exercise", str(DATA / "exercise.yaml"))
    for part in ("Outcome", "Timeline beside history", "First point of divergence",
                 "Checkpoints and their sources", "Debrief questions",
                 "Exercise: The minimal exercise"):  # fmt: skip
        assert f">{part}</h2>" in page
    assert "E. H. Carr, The Interregnum 1923-1924" in page  # a source by its title
    assert "<li>What would have had to change for it to win?</li>" in page
    assert "1924-01" in page  # the checkpoint's real date
    images = IMAGE.findall(page)
    assert len(images) == 3 and all(i.startswith("iVBORw0KGgo") for i in images)  # PNG
    assert "<script" not in page and "http-equiv" not in page
    assert "@media print" in page


def test_a_report_without_an_exercise_has_no_debrief(batch_json: Path, tmp_path: Path) -> None:
    assert "Debrief" not in report(batch_json, tmp_path / "r.html")


def test_markdown_reports_write_their_charts_beside(batch_json: Path, tmp_path: Path) -> None:
    done = run_game("report", str(batch_json), "--md", str(tmp_path / "r.md"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "r.md").read_text()
    assert text.startswith("# Minimal test scenario: 60 runs")
    for name in ("winners", "timeline", "reached"):
        assert f"(r-{name}.png)" in text
        assert (tmp_path / f"r-{name}.png").read_bytes()[:4] == b"\x89PNG"


def test_a_saved_game_is_set_among_runs_of_the_same_scenario(
    saved_game: Path, tmp_path: Path
) -> None:
    page = report(saved_game, tmp_path / "g.html", "--runs", "50")
    assert "Minimal test scenario: one game" in page
    assert "Among 50 runs of the same scenario with the same policies" in page
    assert "this game" in page and ">First point of divergence</h2>" in page
    assert "seed 2, run 5" in page
    assert len(IMAGE.findall(page)) == 3


def test_a_plain_game_record_with_its_scenario_is_a_saved_game(
    saved_game: Path, tmp_path: Path
) -> None:
    data = json.loads(saved_game.read_text())
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps({**data["record"], "scenario": data["scenario"]}))
    assert "one game" in report(plain, tmp_path / "p.html", "--runs", "20")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"kind": "batch", ', "bad.json:1:"),
        ("[1, 2]", "not a batch result, a comparison or a saved game"),
        ('{"record": {"seed": 1}}', "bad.json:1:12: record: missing required key 'actions'"),
    ],
    ids=["corrupt", "not-a-result", "incomplete-record"],
)
def test_bad_input_is_one_message(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    out = tmp_path / "r.html"
    done = run_game("report", str(bad), "--html", str(out))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_game_from_another_scenario_is_refused(saved_game: Path, tmp_path: Path) -> None:
    data = json.loads(saved_game.read_text())
    data["record"]["scenario_sha256"] = "0" * 64
    moved = tmp_path / "other.json"
    moved.write_text(json.dumps(data))
    done = run_game("report", str(moved), "--html", str(tmp_path / "r.html"))
    assert done.returncode == 2 and "cannot replay it" in done.stderr


def test_a_broken_exercise_reports_every_problem(batch_json: Path, tmp_path: Path) -> None:
    done = run_game("report", str(batch_json), "--html", str(tmp_path / "r.html"),
                    "--exercise", str(DATA / "exercise_broken.yaml"))  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "exercise_broken.yaml:3:10: minutes: expected a number > 0" in done.stderr
    assert "exercise_broken.yaml:6:5: debrief.1: expected a string, got a mapping" in done.stderr


def test_report_needs_an_output(batch_json: Path) -> None:
    done = run_game("report", str(batch_json))
    assert done.returncode == 2 and "--html FILE and/or --md FILE" in done.stderr


def test_a_window_save_of_a_finished_game_is_reported(tmp_path: Path) -> None:
    """The window's save format (run 0 of its seed, no policies recorded, as before saves
    named them) is read and replayed with its human's faction as a person's; an unfinished
    one is refused with the quarter it was saved in."""
    match = Match(load(MINIMAL), Setup(MINIMAL, ("trotsky",), seed=3))
    while not match.over:
        match.resolve(auto=True)
    save = {k: v for k, v in to_json(match).items() if k != "players"}
    record = {"actions": match.history, "hashes": match.hashes}
    path = tmp_path / "save.json"
    path.write_text(json.dumps(save))
    assert "seed 3, run 0, policies standard" in report(path, tmp_path / "s.html", "--runs", "20")
    path.write_text(
        json.dumps({**save, "actions": record["actions"][:4], "hashes": record["hashes"][:4]})
    )
    done = run_game("report", str(path), "--html", str(tmp_path / "u.html"))
    assert done.returncode == 2 and "not finished (saved in 1923Q2)" in done.stderr


def test_a_comparison_with_a_counterfactual_states_its_question(tmp_path: Path) -> None:
    other = CAMPAIGN.parent / "counterfactuals" / "lenin_lives.yaml"
    out, page = tmp_path / "c.json", tmp_path / "c.html"
    done = run_game("compare", str(CAMPAIGN), str(other), "--runs", "12", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = report(out, page)
    assert "The question: What if Lenin had lived" in text
    assert "outright stalin: down" in text
    plain = run_game("compare", str(MINIMAL), str(MINIMAL), "--runs", "6", "--out", str(out))
    assert plain.returncode == 0, plain.stderr
    assert "The question:" not in report(out, page)
