"""Layouts that fit: every screen of the campaign, in the least window (960×600) at the largest
text size (and at the normal size, and in the largest window), measured with the fonts
(``fit``): no text cut by an edge or crossing a box, no two texts touching, no text under a
widget, no widgets overlapping, every button's label inside it, an ellipsis only where a
tooltip gives the whole text, and every tooltip inside the window."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.analysis.batch import run_batches
from game.analysis.lab import LabSetup, lab_summary, run_rows
from game.analysis.runs import load
from game.play.exercises import exercise_list
from game.play.match import Match, Setup, TurnReport
from game.play.saves import write_save
from game.play.settings import Settings
from game.ui import App, Options, board_text, flow
from game.ui.guide_notes import STEPS
from game.ui.screen import Screen
from game.ui.screens.board import BoardScreen
from game.ui.screens.confirm import Choice, ConfirmScreen
from game.ui.screens.end import EndScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.exercises import ExercisesScreen
from game.ui.screens.fast_forward import FastForwardScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.help import PAGES, HelpScreen
from game.ui.screens.lab import LabScreen
from game.ui.screens.lab_results import CHARTS, LabResultsScreen
from game.ui.screens.lab_runs import LabRunsScreen
from game.ui.screens.new_game import NewGameScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.replay import ReplayScreen
from game.ui.screens.save_as import SaveAsScreen
from game.ui.screens.session import SessionScreen

from .fit import problems, remember_texts

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = ROOT / "scenarios" / "1922_succession.yaml"
COUNTERFACTUAL = ROOT / "scenarios" / "counterfactuals" / "left_united_1923.yaml"
SIZES = [(960, 600, "large"), (960, 600, "normal"), (1920, 1080, "large")]
LONG_MESSAGE = (
    "Loaded autosave. The game was saved in a folder with a long name: "
    "/home/teacher/.local/share/heirs-of-lenin/saves/autosave.json"
)


@dataclass
class World:
    """Games of the campaign, every faction human (the AI plays them to the middle and the
    end): new, in its eleventh quarter and finished (with every quarter's report); and a
    small lab comparison."""

    new: Match
    middle: Match
    done: Match
    lab: tuple[LabSetup, dict[str, Any], list[Any]]


def _played(match: Match, quarters: int) -> Match:
    for _ in range(quarters):
        if not match.over:
            match.resolve(auto=True)
    return match


@pytest.fixture(scope="module")
def world() -> World:
    loaded = load(CAMPAIGN)
    new = Match(loaded, Setup(CAMPAIGN, loaded.spec.factions, seed=3))
    middle = _played(copy.deepcopy(new), 10)
    done = _played(copy.deepcopy(middle), loaded.spec.turns)
    setup = LabSetup(loaded, load(COUNTERFACTUAL), 12, "standard", 0.8, 1)
    results = run_batches(setup.arms(), 1)
    return World(new, middle, done, (setup, lab_summary(setup, results), run_rows(setup, results)))


Case = Callable[[App, World], Iterator[Screen]]


def _entered(app: App, screen: Screen) -> Screen:
    app.go(screen)
    app.step()
    return screen


def title(app: App, world: World) -> Iterator[Screen]:
    flow.title(app)
    app.message = LONG_MESSAGE
    assert app.screen is not None
    yield app.screen


def new_game(app: App, world: World) -> Iterator[Screen]:
    screen = _entered(app, NewGameScreen(app))
    assert isinstance(screen, NewGameScreen)
    for index in range(len(screen.files)):
        screen.file_index = index
        screen.lead = None
        yield screen


def menus(app: App, world: World) -> Iterator[Screen]:
    flow.settings(app)
    assert app.screen is not None
    yield app.screen
    flow.saves(app)
    assert app.screen is not None
    yield app.screen
    help_screen = _entered(app, HelpScreen(app, None))
    assert isinstance(help_screen, HelpScreen)
    for page in range(len(PAGES)):
        help_screen.page = page
        yield help_screen


def saves(app: App, world: World) -> Iterator[Screen]:
    write_save(world.middle, "autosave")
    write_save(world.done, "game-20261127-101500")
    flow.saves(app)
    app.message = LONG_MESSAGE
    assert app.screen is not None
    yield app.screen


def exercises(app: App, world: World) -> Iterator[Screen]:
    screen = _entered(app, ExercisesScreen(app))
    assert isinstance(screen, ExercisesScreen)
    for index in range(len(exercise_list())):
        screen.chosen = index
        yield screen


def lab(app: App, world: World) -> Iterator[Screen]:
    screen = _entered(app, LabScreen(app))
    assert isinstance(screen, LabScreen)
    for other in range(len(screen.files)):
        screen.other = other
        yield screen
    setup, summary, rows = world.lab
    results = _entered(app, LabResultsScreen(app, setup, summary, rows, screen))
    assert isinstance(results, LabResultsScreen)
    for chart in range(len(CHARTS)):
        results.chart_index = chart
        yield results
    yield _entered(app, LabRunsScreen(app, results))
    replay = _entered(app, ReplayScreen(app, setup, 1, 2, results))
    assert isinstance(replay, ReplayScreen) and replay.worker is not None
    replay.worker.wait()
    replay.update(0.0)
    for turn in (0, setup.base.spec.turns - 1):
        replay.turn = turn
        yield replay


def _board(app: App, match: Match, faction: int) -> BoardScreen:
    app.match = match
    board = _entered(app, BoardScreen(app, match, faction))
    assert isinstance(board, BoardScreen)
    return board


def board(app: App, world: World, middle: bool) -> Iterator[Screen]:
    """Every faction's board, every kind of action chosen, the first motion group open; on a
    new game every note of the guided opening."""
    match = copy.deepcopy(world.middle if middle else world.new)
    for faction in range(match.spec.n_factions):
        screen = _board(app, match, faction)
        for step in STEPS if not middle else ():
            yield screen
            screen.guide.progress.seen.add(step.id)
        for category in board_text.categories(match.spec):
            screen.options.pick(category)
            screen.selected = None
            yield screen
        screen.options.pick("motion")
        groups = [row.group for row in screen.options.rows() if row.group is not None]
        if groups:
            screen.options.open(groups[0])
            yield screen
        screen.options.show_all = True
        yield screen


def resolving(app: App, world: World) -> Iterator[Screen]:
    """The board while the AI thinks, then while its moves are revealed (slowly)."""
    match = copy.deepcopy(world.middle)
    screen = _board(app, match, 1)
    app.settings.ai_speed = "slow"
    screen.resolve()
    yield screen
    assert screen.worker is not None
    screen.worker.wait()
    screen.update(0.0)
    assert app.screen is screen
    yield screen


def questions(app: App, world: World) -> Iterator[Screen]:
    """The game menu (with a message), saving under a name (refused), the hand-over,
    fast-forward and every question."""
    match = copy.deepcopy(world.middle)
    board_screen = _board(app, match, 1)
    app.message = LONG_MESSAGE
    yield _entered(app, PauseScreen(app, board_screen))
    save_as = SaveAsScreen(app, board_screen)
    save_as.problem = "A save named game-20261206-034924 exists already: choose another name."
    yield _entered(app, save_as)
    yield _entered(app, HandoverScreen(app, match, 2, lambda: None))
    pause = PauseScreen(app, board_screen)
    pause._leave()
    assert app.screen is not None
    yield app.screen
    app.go(board_screen)
    board_screen._end()
    assert app.screen is not None
    yield app.screen
    flow.offer_fast_forward(app, 1)
    assert app.screen is not None
    yield app.screen
    choices = [
        Choice(f"A long answer number {i}  [{i}]", pygame.K_1, lambda: None) for i in range(5)
    ]
    yield _entered(app, ConfirmScreen(app, "A QUESTION", LONG_MESSAGE * 2, choices))
    fast = _entered(app, FastForwardScreen(app, copy.deepcopy(world.middle)))
    assert isinstance(fast, FastForwardScreen)
    fast.stop.set()
    yield fast
    fast.worker.wait()


def _reports(world: World) -> list[TurnReport]:
    return world.done.reports


def events(app: App, world: World) -> Iterator[Screen]:
    """Every event of the campaign on its card."""
    spec = world.done.spec
    for event in spec.events:
        entry = {"id": event.id, "title": event.title, "text": event.text}
        yield _entered(app, EventScreen(app, world.done, event.first_turn, entry, lambda: None))


def sessions(app: App, world: World) -> Iterator[Screen]:
    """Every session of a played campaign that voted, at each of its motions."""
    for report in _reports(world):
        for i, entry in enumerate(report.log):
            if entry["type"] != "session":
                continue
            votes = [
                v
                for v in report.log[i + 1 :]
                if v["type"] == "vote" and v["session"] == entry["id"]
            ]
            if not votes:
                continue
            screen = _entered(app, SessionScreen(app, world.done, entry, votes, lambda: None))
            assert isinstance(screen, SessionScreen)
            for index in range(len(votes)):
                screen.index = index
                yield screen


def end(app: App, world: World) -> Iterator[Screen]:
    app.match = world.done
    yield _entered(app, EndScreen(app, world.done))


CASES: dict[str, Case] = {
    "title": title,
    "new_game": new_game,
    "menus": menus,
    "saves": saves,
    "exercises": exercises,
    "lab": lab,
    "board": partial(board, middle=False),
    "board_middle": partial(board, middle=True),
    "resolving": resolving,
    "questions": questions,
    "events": events,
    "sessions": sessions,
    "end": end,
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}-{s[2]}")
def test_every_text_fits_its_box(
    case: str,
    size: tuple[int, int, str],
    world: World,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    width, height, text_size = size
    remember_texts(monkeypatch)
    settings = Settings(ai_speed="instant", width=width, height=height, text_size=text_size)
    app = App(Options(CAMPAIGN), settings)
    try:
        found: list[str] = []
        for screen in CASES[case](app, world):
            found += [p for p in problems(screen, monkeypatch) if p not in found]
        assert not found, "\n".join(found)
    finally:
        pygame.quit()
