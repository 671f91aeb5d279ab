"""How the screens follow one another: the menus, then each quarter — every human plans in
turn (a hand-over screen between them when several share the machine), the quarter is
resolved, its events and sessions are shown one by one, the game is autosaved — and at the
end the end screen. Screens call these functions instead of knowing each other."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from game.analysis.lab import LabSetup, RunRow
from game.analysis.runs import load
from game.boundary.refusal import Refused, printable
from game.play.exercises import exercise_setup, read_exercise
from game.play.match import Match, Setup, TurnReport
from game.play.saves import read_save
from game.scenario.errors import ScenarioError
from game.ui.app import App
from game.ui.screen import Screen

ScreenMaker = Callable[[], Screen]


def title(app: App) -> None:
    from game.ui.screens.title import TitleScreen

    app.match = None
    app.go(TitleScreen(app))


def new_game(app: App) -> None:
    from game.ui.screens.new_game import NewGameScreen

    app.go(NewGameScreen(app))


def saves(app: App) -> None:
    from game.ui.screens.saves import SavesScreen

    app.go(SavesScreen(app, app.screen))


def settings(app: App) -> None:
    from game.ui.screens.settings import SettingsScreen

    app.go(SettingsScreen(app, app.screen))


def help(app: App) -> None:
    from game.ui.screens.help import HelpScreen

    app.go(HelpScreen(app, app.screen))


def exercises(app: App) -> None:
    from game.ui.screens.exercises import ExercisesScreen

    app.go(ExercisesScreen(app))


def lab(app: App) -> None:
    from game.ui.screens.lab import LabScreen

    app.go(LabScreen(app))


def lab_results(
    app: App, setup: LabSetup, summary: dict[str, Any], rows: list[RunRow], back: Screen
) -> None:
    from game.ui.screens.lab_results import LabResultsScreen

    app.go(LabResultsScreen(app, setup, summary, rows, back))


def lab_runs(app: App, results: Screen) -> None:
    from game.ui.screens.lab_results import LabResultsScreen
    from game.ui.screens.lab_runs import LabRunsScreen

    assert isinstance(results, LabResultsScreen)
    app.go(LabRunsScreen(app, results))


def replay(app: App, setup: LabSetup, arm: int, run: int, back: Screen) -> None:
    """Replay run ``run`` of the lab's comparison as arm ``arm`` (0 base, 1 other) played it."""
    from game.ui.screens.replay import ReplayScreen

    app.go(ReplayScreen(app, setup, arm, run, back))


def back_to(app: App, screen: Screen | None) -> None:
    """Return to a screen left for a menu (the board keeps its match), or the title."""
    if screen is None:
        title(app)
    else:
        app.go(screen)


def start(app: App, setup: Setup) -> None:
    """Start a new game; a scenario that cannot be loaded is reported on the title screen."""
    try:
        match = Match(load(setup.scenario), setup)
    except (ScenarioError, OSError) as error:
        app.message = f"The scenario {setup.scenario} cannot be loaded: {error}"
        title(app)
        return
    play(app, match)


def start_exercise(app: App, path: Path) -> None:
    """Start a class exercise; one that cannot be read is reported on the title screen."""
    try:
        info = read_exercise(path)
    except (ScenarioError, OSError) as error:
        app.message = f"The exercise {path} cannot be loaded: {error}"
        title(app)
        return
    start(app, exercise_setup(info))


def load_game(app: App, path: Path) -> None:
    """Load a save; if it cannot be used (any refusal at the boundary: a damaged or foreign
    file, a changed scenario, a game that does not replay; or a file that cannot be read),
    say why and stay in the menus (nothing changes)."""
    try:
        match = read_save(path)
    except (Refused, OSError) as error:
        reason = error.reason if isinstance(error, Refused) else str(error.strerror)
        app.message = printable(f"The save {path.name} cannot be used: {reason}.")
        if app.screen is not None and app.screen.name == "saves":
            app.screen.rebuild()
        else:
            title(app)
        return
    app.message = f"Loaded {path.stem}."
    play(app, match)


def play(app: App, match: Match) -> None:
    app.match = match
    app.guides = {}
    app.planners = list(match.human)
    next_planner(app)


def next_planner(app: App) -> None:
    """Hand the machine to the next human to plan this quarter, or resolve the quarter."""
    match = app.match
    assert match is not None
    if match.over:
        from game.ui.screens.end import EndScreen

        app.go(EndScreen(app, match))
        return
    if not app.planners:
        app.planners = list(match.human)
    faction = app.planners[0]
    from game.ui.screens.board import BoardScreen

    board = BoardScreen(app, match, faction)
    if len(match.human) > 1:
        from game.ui.screens.handover import HandoverScreen

        app.go(HandoverScreen(app, match, faction, lambda: app.go(board)))
    else:
        app.go(board)


def done_planning(app: App, board: Screen) -> None:
    """The current human has ended their quarter: the next human plans, or it resolves."""
    app.planners = app.planners[1:]
    if app.planners:
        next_planner(app)
    else:
        from game.ui.screens.board import BoardScreen

        assert isinstance(board, BoardScreen)
        board.resolve()


def present(app: App, report: TurnReport) -> None:
    """Show the quarter's events and sessions in order, then go on to the next quarter."""
    from game.ui.screens.event import EventScreen
    from game.ui.screens.session import SessionScreen

    match = app.match
    assert match is not None
    queue: list[ScreenMaker] = []
    log = report.log
    for i, entry in enumerate(log):
        if entry["type"] == "event":
            queue.append(
                partial(EventScreen, app, match, report.turn, entry, partial(advance, app))
            )
        elif entry["type"] == "session":
            votes = [v for v in log[i + 1 :] if v["type"] == "vote" and v["session"] == entry["id"]]
            queue.append(partial(SessionScreen, app, match, entry, votes, partial(advance, app)))
    app.queue = queue
    app.autosave()
    advance(app)


def advance(app: App) -> None:
    """The next event or session of the quarter, or the next quarter's planning."""
    if app.queue:
        app.go(app.queue.pop(0)())
    else:
        next_planner(app)
