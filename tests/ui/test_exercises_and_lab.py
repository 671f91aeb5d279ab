"""The class exercises and the counterfactual lab in the real window, headless: title ->
exercises -> an exercise started with its students' factions human -> its end screen writes
the report with the debrief questions; title -> lab -> a small comparison with a progress
bar -> the differences and a chart -> the runs -> a run replayed, stepped and left. Each new
screen is saved as a PNG under out/screens/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.analysis.batch import run_batches
from game.analysis.lab import lab_summary
from game.engine.outcome import decide
from game.play import reports
from game.scenario.exercise import load_exercise
from game.ui import flow
from game.ui.report_status import path_lines
from game.ui.screens import exercises, lab
from game.ui.screens.end import EndScreen
from game.ui.screens.lab import LabScreen
from game.ui.screens.lab_results import LabResultsScreen
from game.ui.screens.lab_runs import LabRunsScreen
from game.ui.screens.replay import ReplayScreen

from .conftest import Driver

HERE = Path(__file__).parent
EXERCISE = HERE / "exercises" / "short_exercise.yaml"


def test_an_exercise_from_the_title_to_its_report(
    driver: Driver, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    monkeypatch.setattr(exercises, "EXERCISES", EXERCISE.parent)
    d.app.options = replace(d.app.options, report_runs=40)
    d.key(pygame.K_e)
    assert d.screen == "exercises"
    assert any(b.startswith("A short spring · 10 min") for b in d.buttons())
    d.shot("20_exercises")
    d.key(pygame.K_RETURN)
    match = d.app.match
    assert match is not None and d.screen == "handover"
    assert [match.spec.factions[f] for f in match.human] == ["stalin", "trotsky"]
    assert match.setup.guided and match.setup.exercise == str(EXERCISE)
    while not match.over:  # the students wait every quarter; the computer plays the rest
        match.resolve()
    flow.next_planner(d.app)
    assert isinstance(d.app.screen, EndScreen) and d.app.screen.report.running
    d.step(1)
    d.shot("21_end_writing_report")
    d.until(lambda: not isinstance(d.app.screen, EndScreen) or not d.app.screen.report.running)
    path = d.app.screen.report.path
    assert path is not None and path.parent == data_dir / "reports", d.app.screen.report.error
    html = path.read_text(encoding="utf-8")
    for question in load_exercise(EXERCISE).debrief:
        assert question in html
    assert "Among 40 runs" in html
    d.step()
    d.shot("22_end_report_written")


def test_any_finished_game_can_write_its_report(driver: Driver, data_dir: Path) -> None:
    d = driver
    d.app.options = replace(d.app.options, report_runs=20)
    d.key(pygame.K_n)
    d.key(pygame.K_RETURN)
    match = d.app.match
    assert match is not None and match.setup.exercise is None
    while not match.over:
        match.resolve()
    flow.next_planner(d.app)
    assert isinstance(d.app.screen, EndScreen) and not d.app.screen.report.running
    d.key(pygame.K_r)
    d.until(lambda: not d.app.screen.report.running)  # type: ignore[union-attr]
    written = list((data_dir / "reports").glob("short_*.html"))
    assert len(written) == 1 and "Among 20 runs" in written[0].read_text(encoding="utf-8")


def open_lab(d: Driver, monkeypatch: pytest.MonkeyPatch) -> LabScreen:
    """Title -> lab, choosing among the test scenarios."""
    monkeypatch.setattr(lab, "SCENARIOS", HERE / "data")
    d.key(pygame.K_b)
    assert isinstance(d.app.screen, LabScreen)
    return d.app.screen


def test_the_lab_compares_lists_and_replays(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    screen = open_lab(d, monkeypatch)
    assert [p.name for p in (screen.files[screen.base], screen.files[screen.other])] == [
        "short.yaml",
        "short_counterfactual.yaml",
    ]
    assert screen.ai == ("historical", 0.8)  # the counterfactual's own policies
    d.click("Runs: 1,000")
    d.click("Runs: 10,000")
    assert screen.runs == 200
    d.shot("23_lab")
    d.key(pygame.K_RETURN)
    fractions: list[float] = []

    def finished() -> bool:
        if d.screen != "lab":
            return True
        assert screen.batches is not None
        fractions.append(screen.batches.fraction)
        if len(fractions) == 3:
            d.shot("24_lab_running")
        return False

    d.until(finished)
    assert len(fractions) > 1 and fractions == sorted(fractions)

    results = d.app.screen
    assert isinstance(results, LabResultsScreen)
    setup = results.setup
    expected = lab_summary(setup, run_batches(setup.arms(), 1))
    assert [c["significant"] for c in results.summary["comparisons"]] == [
        c["significant"] for c in expected["comparisons"]
    ]
    d.step()
    assert results.chart is not None and results.chart.get_width() > 200
    d.shot("25_lab_results")
    d.key(pygame.K_c)
    d.step()
    assert results.chart_index == 1 and results.chart is not None
    d.shot("26_lab_results_winners")

    d.key(pygame.K_l)
    runs = d.app.screen
    assert isinstance(runs, LabRunsScreen) and len(runs.shown) == 200
    d.key(pygame.K_DOWN)
    d.key(pygame.K_DOWN)
    assert runs.chosen == 2
    d.shot("27_lab_runs")
    d.key(pygame.K_RETURN)
    replay = d.app.screen
    assert isinstance(replay, ReplayScreen)
    d.until(lambda: bool(replay.frames))
    assert len(replay.frames) == setup.base.spec.turns
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_LEFT)
    assert replay.turn == 1 and replay.frames[replay.turn].report.turn == 1
    pygame.event.post(pygame.event.Event(pygame.WINDOWLEAVE))  # no tooltip in the picture
    d.step()
    d.shot("28_replay")
    winner = int(decide(setup.base.spec, replay.frames[-1].state).winner[0])
    assert setup.base.spec.faction_names[winner] == results.rows[2].winners[0]
    d.key(pygame.K_END)
    assert replay.turn == len(replay.frames) - 1
    d.key(pygame.K_ESCAPE)
    assert d.app.screen is runs
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_ESCAPE)
    assert d.app.screen is screen and screen.runs == 200  # the choices are kept


def test_a_running_comparison_is_cancelled_at_once(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    screen = open_lab(d, monkeypatch)
    d.click("Runs: 1,000")
    assert screen.runs == 10000
    d.key(pygame.K_RETURN)
    d.step(5)
    batches = screen.batches
    assert batches is not None and batches.result() is None
    d.key(pygame.K_ESCAPE)
    assert screen.batches is None and d.screen == "lab"
    assert not batches.running


def test_reports_go_beside_the_saves(data_dir: Path) -> None:
    assert reports.reports_dir() == data_dir / "reports"


def test_a_long_path_is_broken_after_its_separators(driver: Driver) -> None:
    font = driver.app.theme.font("small")
    path = "/home/a-teacher/.local/share/heirs-of-lenin/reports/lenin_lives_2026-01-01.html"
    lines = path_lines(font, path, 200)
    assert "".join(lines) == path and len(lines) > 1
    assert all(font.size(line)[0] <= 200 for line in lines[:-1])
