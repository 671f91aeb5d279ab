"""How the screens follow one another: the menus, then each quarter — every human plans in
turn (a hand-over screen between them when several share the machine), the quarter is
resolved, its events and sessions are shown one by one, the game is autosaved — and at the
end the end screen. A game continued from a save first shows the events and sessions of a
quarter whose screens had not all been seen. Screens call these functions instead of knowing
each other."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pygame

from game.analysis.lab import LabSetup, RunRow
from game.analysis.runs import load
from game.boundary.refusal import Refused, printable
from game.play.exercises import exercise_setup, read_exercise
from game.play.match import Match, Setup, TurnReport, fresh_seed
from game.play.saves import AUTOSAVE, holds, keep_autosave, list_saves, read_save, save_path
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


def dice(app: App) -> int:
    """The seed of a new game: the class's seed if one is set, else fresh dice."""
    return fresh_seed() if app.class_seed is None else app.class_seed


def start(app: App, setup: Setup) -> None:
    """Start a new game, after asking what becomes of the autosave if it holds another game
    (kept as a save of its own, or replaced); a scenario that cannot be loaded is reported
    on the title screen."""
    if not save_path(AUTOSAVE).exists():
        begin(app, setup)
        return
    _ask_about_autosave(app, partial(begin, app, setup))


def _ask_about_autosave(app: App, go_on: Callable[[], None]) -> None:
    """The autosave holds another game that the game about to be played would replace:
    keep it as a save of its own and ``go_on``, replace it, or go back."""
    from game.ui.screens.confirm import Choice, ConfirmScreen

    back = app.screen
    app.go(
        ConfirmScreen(
            app,
            "ANOTHER GAME IS IN THE AUTOSAVE",
            f"The autosave holds another game ({_autosave_label()}). This game's autosave "
            "would replace it. Keep it as a save of its own (the Load screen lists it), or "
            "let it be replaced?",
            [
                Choice("Keep it and go on  [K]", pygame.K_k, partial(_keep_and, app, go_on)),
                Choice("Replace it  [R]", pygame.K_r, go_on),
                Choice("Back  [Esc]", pygame.K_ESCAPE, partial(back_to, app, back)),
            ],
        )
    )


def _autosave_label() -> str:
    """The autosave's description, as the Load screen lists it."""
    found = [s for s in list_saves() if s.name == AUTOSAVE]
    return found[0].label if found else AUTOSAVE


def _keep_and(app: App, go_on: Callable[[], None]) -> None:
    try:
        path = keep_autosave()
    except OSError as error:
        app.message = f"The autosave could not be kept: {error}"
        title(app)
        return
    app.message = f"The other game is kept as {path.stem}."
    go_on()


def begin(app: App, setup: Setup) -> None:
    """Start a new game now; a scenario that cannot be loaded is reported on the title."""
    try:
        match = Match(load(setup.scenario), setup)
    except (ScenarioError, OSError) as error:
        app.message = f"The scenario {setup.scenario} cannot be loaded: {error}"
        title(app)
        return
    play(app, match)


def new_game_now(app: App) -> None:
    """A new game of the window's scenario, as the new-game screen starts it with its
    defaults: the faction asked for (or the scenario's first) human, normal difficulty, the
    class's dice or fresh ones, the settings' guided opening."""
    try:
        spec = load(app.options.scenario).spec
    except (ScenarioError, OSError) as error:
        app.message = f"The scenario {app.options.scenario} cannot be loaded: {error}"
        return
    faction = app.options.faction or spec.factions[0]
    setup = Setup(app.options.scenario, (faction,), "normal", dice(app), app.settings.guided)
    start(app, setup)


def start_exercise(app: App, path: Path) -> None:
    """Start a class exercise; one that cannot be read is reported on the title screen."""
    try:
        info = read_exercise(path)
    except (ScenarioError, OSError) as error:
        app.message = f"The exercise {path} cannot be loaded: {error}"
        title(app)
        return
    start(app, exercise_setup(info, dice(app)))


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
    if (
        path == save_path(AUTOSAVE)
        or not save_path(AUTOSAVE).exists()
        or holds(save_path(AUTOSAVE), match)
    ):
        _loaded(app, match, path)
    else:
        _ask_about_autosave(app, partial(_loaded, app, match, path))


def _loaded(app: App, match: Match, path: Path) -> None:
    """Play a loaded game; it counts as saved under a name when it was loaded from one, or
    when one holds it as the autosave does (a game saved by name, then continued)."""
    app.message = f"Loaded {path.stem}."
    named = [s.path for s in list_saves() if s.name != AUTOSAVE]
    if path != save_path(AUTOSAVE) or any(holds(p, match) for p in named):
        match.kept = len(match.history)
    play(app, match)


def play(app: App, match: Match) -> None:
    """Play ``match`` at this machine: the events and sessions of a quarter played but not
    yet shown first (a game closed while they were due), then the next quarter's planning."""
    app.match = match
    app.playing_on = False
    app.planners = list(match.human)
    if match.seen < len(match.reports):
        present(app, match.reports[match.seen :])
    else:
        next_planner(app)


def next_planner(app: App) -> None:
    """Hand the machine to the next human to plan this quarter, or resolve the quarter; when
    every rival of the first to plan is out, or every human's own leader is, offer to
    fast-forward to the end first."""
    match = app.match
    assert match is not None
    if match.over:
        end(app)
        return
    if not app.planners:
        app.planners = list(match.human)
    faction = app.planners[0]
    decided = match.decided_for(faction) or match.sidelined()
    if not app.playing_on and faction == match.human[0] and decided:
        offer_fast_forward(app, faction)
        return
    plan(app, faction)


def end(app: App) -> None:
    """The end screen of the game being played."""
    from game.ui.screens.end import EndScreen

    assert app.match is not None
    app.go(EndScreen(app, app.match))


def offer_fast_forward(app: App, faction: int) -> None:
    """Every rival leader is out, or the humans' own are: the AI may play the remaining
    quarters at once, or the humans play on (asked once a game)."""
    from game.ui.screens.confirm import Choice, ConfirmScreen

    match = app.match
    assert match is not None
    spec = match.spec
    left = spec.turns - match.state.turn
    yours = "yours too"
    if match.sidelined():
        title, yours = "YOUR LEADER IS OUT", "yours too (it may recant for you)"
        why = (
            f"{spec.faction_names[faction]}'s leader is out of the party or dead: it can only "
            "recant (and hope to be taken back) or wait while the others fight on."
        )
    else:
        title = "EVERY RIVAL IS OUT"
        why = (
            f"Every rival leader is out of the party, has recanted or is dead: "
            f"{spec.faction_names[faction]} wins outright if it holds the General "
            "Secretaryship or a Politburo majority at the end."
        )
    app.go(
        ConfirmScreen(
            app,
            title,
            f"{why} {left} quarters remain. Fast-forward: the computer plays every faction, "
            f"{yours}, by the rules at instant speed, then the end screen (its timeline "
            "beside history's and the game's report tell what happened). Or play on.",
            [
                Choice("Fast-forward  [F]", pygame.K_f, partial(fast_forward, app)),
                Choice("Play on  [P]", pygame.K_p, partial(_play_on, app, faction)),
            ],
        )
    )


def _play_on(app: App, faction: int) -> None:
    app.playing_on = True
    plan(app, faction)


def fast_forward(app: App) -> None:
    from game.ui.screens.fast_forward import FastForwardScreen

    assert app.match is not None
    app.go(FastForwardScreen(app, app.match))


def plan(app: App, faction: int) -> None:
    """The board of ``faction``'s player (behind a hand-over screen when several share the
    machine)."""
    match = app.match
    assert match is not None
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


def present(app: App, reports: list[TurnReport]) -> None:
    """Save the game, then show the quarters' events and the sessions that voted, in order,
    and go on to the next quarter (the save remembers they are still to be shown until they
    all were)."""
    app.queue = [maker for report in reports for maker in _screens(app, report)]
    app.autosave()
    advance(app)


def _screens(app: App, report: TurnReport) -> list[ScreenMaker]:
    """The quarter's event cards and the screens of its sessions that voted (a session where
    nothing came to a vote is a line in the news)."""
    from game.ui.screens.event import EventScreen
    from game.ui.screens.session import SessionScreen

    match = app.match
    assert match is not None
    then = partial(advance, app)
    out: list[ScreenMaker] = []
    for i, entry in enumerate(report.log):
        if entry["type"] == "event":
            out.append(partial(EventScreen, app, match, report.turn, entry, then))
        elif entry["type"] == "session":
            votes = _of_session(report.log[i + 1 :], "vote", entry["id"])
            declared = _of_session(report.log[i + 1 :], "declared", entry["id"])
            if votes:
                out.append(partial(SessionScreen, app, match, entry, votes, then, declared))
    return out


def _of_session(log: list[dict[str, Any]], kind: str, session: str) -> list[dict[str, Any]]:
    """The log entries of one kind (votes, declarations of submission) at one session."""
    return [e for e in log if e["type"] == kind and e["session"] == session]


def advance(app: App) -> None:
    """The next event or session of the quarter, or (all shown) the next quarter's planning."""
    if app.queue:
        app.go(app.queue.pop(0)())
        return
    assert app.match is not None
    app.match.seen = len(app.match.reports)
    next_planner(app)
