"""Ends that lose nothing, in the real window headless: the end screen's Enter writes the
report before it leaves; leaving an unsaved game asks first; a new game asks before its
autosave replaces another game's; a window closed while the AI thinks, or while a quarter's
sessions are shown, shows them again on Continue."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.play.match import Match, Setup
from game.play.saves import saves_dir, write_save
from game.play.settings import Settings
from game.ui import App, Options, flow
from game.ui.screens.board import BoardScreen

from .conftest import SHORT, Driver, on_the_end_screen, slow_quarters


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _start(d: Driver) -> Match:
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=False))
    d.step()
    assert d.screen == "board" and d.app.match is not None
    return d.app.match


def _play_quarter(d: Driver) -> None:
    """End the quarter and read its events and sessions."""
    d.end_quarter()
    d.until(lambda: d.screen != "board" or not _board(d).resolving)
    while d.screen in ("event", "session"):
        d.key(pygame.K_RETURN)


def test_enter_on_the_end_screen_writes_the_report_before_leaving(data_dir: Path) -> None:
    app = App(Options(SHORT, report_runs=4), Settings(ai_speed="instant"))
    d = Driver(app)
    try:
        screen = on_the_end_screen(app, d)
        d.key(pygame.K_RETURN)
        assert d.screen == "end", "Enter writes the report; it does not leave"
        assert app.screen is screen
        d.until(lambda: screen.report.path is not None)
        assert screen.report.path is not None and screen.report.path.exists()
        written = screen.report.path
        d.key(pygame.K_RETURN)  # once written, Enter leaves nothing and writes nothing more
        d.step()
        assert d.screen == "end" and screen.report.path == written
        d.key(pygame.K_t)
        assert d.screen == "title"
    finally:
        pygame.quit()


def test_leaving_an_unsaved_game_asks_first(driver: Driver) -> None:
    d = driver
    match = _start(d)
    _play_quarter(d)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_q)
    assert d.screen == "confirm", "a game in no save of its own: the menu asks"
    d.key(pygame.K_ESCAPE)
    assert d.screen == "pause" and d.app.match is match
    d.key(pygame.K_q)
    d.key(pygame.K_s)  # save and leave: under a name the player types
    assert d.screen == "save_as"
    d.type("before the congress")
    d.key(pygame.K_RETURN)
    assert d.screen == "title"
    assert [p.stem for p in saves_dir().glob("*.json") if p.stem != "autosave"] == [
        "before the congress"
    ]


def test_a_saved_game_leaves_at_once(driver: Driver) -> None:
    d = driver
    _start(d)
    _play_quarter(d)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)
    d.key(pygame.K_RETURN)  # under the time-stamped name the empty field shows
    d.key(pygame.K_q)
    assert d.screen == "title"


def test_a_new_game_asks_before_replacing_another_games_autosave(driver: Driver) -> None:
    d = driver
    _start(d)
    _play_quarter(d)  # the game is autosaved
    autosave = saves_dir() / "autosave.json"
    before = autosave.read_text()
    flow.title(d.app)
    d.step()
    d.key(pygame.K_n)
    d.key(pygame.K_RETURN)
    assert d.screen == "confirm" and autosave.read_text() == before
    d.key(pygame.K_ESCAPE)
    assert d.screen == "new_game" and autosave.read_text() == before
    d.key(pygame.K_RETURN)
    d.key(pygame.K_k)  # keep it as a save of its own, and start
    assert d.screen == "board"
    kept = list(saves_dir().glob("autosave-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == before


def test_loading_an_older_save_asks_before_replacing_the_autosave(driver: Driver) -> None:
    """A finished game's autosave was replaced by an older save of it loaded and played one
    quarter: loading a save that is not what the autosave holds asks first; loading the save
    of the very game the autosave holds does not."""
    d = driver
    match = _start(d)
    older = write_save(match, "older")
    _play_quarter(d)  # the autosave is now a quarter further on
    autosave = saves_dir() / "autosave.json"
    before = autosave.read_text()
    flow.load_game(d.app, older)
    d.step()
    assert d.screen == "confirm" and autosave.read_text() == before
    d.key(pygame.K_k)  # keep the autosave as a save of its own, and go on
    assert d.screen == "board" and d.app.match is not None
    assert not d.app.match.history, "the older save is the game now played"
    kept = list(saves_dir().glob("autosave-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == before
    d.app.autosave()
    flow.load_game(d.app, older)  # the autosave now holds this very game: no question
    d.step()
    assert d.screen == "board"


def _continue(data_dir: Path) -> Driver:
    """A new window on the title screen; C continues the autosaved game."""
    pygame.quit()
    d = Driver(App(Options(SHORT), Settings(ai_speed="instant")))
    flow.title(d.app)
    d.step()
    d.key(pygame.K_c)
    return d


def _sessions_shown(d: Driver) -> list[str]:
    """The event and session screens shown, one entry per screen (Enter pages through a
    session's votes and then leaves it)."""
    shown: list[str] = []
    screens: list[object] = []  # kept, so that no screen's identity is reused
    while d.screen in ("event", "session"):
        if not any(screen is d.app.screen for screen in screens):
            screens.append(d.app.screen)
            shown.append(d.screen)
        d.key(pygame.K_RETURN)
    return shown


def test_closing_while_the_ai_thinks_loses_nothing(
    driver: Driver, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    match = _start(d)
    _play_quarter(d)  # quarter 2 of the short campaign holds the 12th Conference
    slow_quarters(monkeypatch, match, 0.3)
    d.end_quarter()
    assert _board(d).worker is not None and not _board(d).worker.done  # type: ignore[union-attr]
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.step(1)
    assert not d.app.running
    saved = json.loads((saves_dir() / "autosave.json").read_text())
    assert len(saved["actions"]) == 2 and saved["seen"] == 1
    d = _continue(data_dir)
    assert _sessions_shown(d) == ["session"]
    assert d.screen == "board"
    pygame.quit()


def test_closing_on_a_session_screen_shows_it_again(driver: Driver, data_dir: Path) -> None:
    d = driver
    _start(d)
    _play_quarter(d)
    d.end_quarter()
    d.until(lambda: d.screen != "board")
    assert d.screen == "session"
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.step(1)
    d = _continue(data_dir)
    assert _sessions_shown(d) == ["session"]
    pygame.quit()


def test_leaving_after_playing_on_from_a_save_says_what_is_unsaved(
    driver: Driver, drawn: list[str]
) -> None:
    """A game saved by name, then played a quarter on: the question said 'This game is in no
    save of its own', untrue; it says the quarters since its save are only in the autosave."""
    d = driver
    _start(d)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)
    d.key(pygame.K_RETURN)  # saved under the time-stamped name
    d.key(pygame.K_ESCAPE)
    _play_quarter(d)
    d.key(pygame.K_ESCAPE)
    drawn.clear()
    d.key(pygame.K_q)
    d.step()
    said = " ".join(drawn)
    assert d.screen == "confirm"
    assert "no save of its own" not in said and "since this game was saved" in said


def test_the_key_that_opens_save_is_not_typed_into_its_name(driver: Driver) -> None:
    """S in the game menu opened Save the game with 's' already in the name field (the key's
    text followed it to the new screen)."""
    d = driver
    _start(d)
    d.key(pygame.K_ESCAPE)
    d.type("s")
    assert d.screen == "save_as"
    assert d.app.screen is not None and d.app.screen.fields["name"].get_text() == ""


def test_saving_says_the_planned_actions_are_not_in_the_save(
    driver: Driver, drawn: list[str]
) -> None:
    """A save holds the game as its quarter began; a player who had planned found 'planned
    0 of 2' after loading it, untold. The save screen says so when something is planned."""
    d = driver
    match = _start(d)
    match.plan(0, match.spec.actions.labels.index("lobby"))
    d.key(pygame.K_ESCAPE)
    drawn.clear()
    d.key(pygame.K_s)
    d.step()
    assert d.screen == "save_as"
    assert "The actions planned this quarter are not saved" in " ".join(drawn)


def test_a_game_saved_by_name_and_continued_from_the_autosave_counts_as_saved(
    driver: Driver, data_dir: Path
) -> None:
    """Save and leave wrote 'class A'; Continue then leave asked again, saying 'This game is
    in no save of its own'. A game a named save holds as the autosave does leaves at once."""
    d = driver
    _start(d)
    _play_quarter(d)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_q)
    d.key(pygame.K_s)  # save and leave
    d.type("class A")
    d.key(pygame.K_RETURN)
    assert d.screen == "title"
    d = _continue(data_dir)
    try:
        assert d.screen == "board"
        d.key(pygame.K_ESCAPE)
        d.key(pygame.K_q)
        assert d.screen == "title", "nothing unsaved: no question"
    finally:
        pygame.quit()
