"""A whole game in the real window, headless, through the short campaign: new game, actions,
undo, an illegal action, a motion's forecast, a session, an event, save, load, a corrupt and
a too-new save, and the end screen. Each screen is saved as a PNG under out/screens/."""

from __future__ import annotations

import json
import os
import signal
import threading
from pathlib import Path

import pygame
import pytest

from game.engine.explain import why_illegal
from game.play.saves import saves_dir
from game.stopping import Interrupted, stop_on_signals
from game.ui.board_text import escape
from game.ui.screens.board import BoardScreen

from .conftest import Driver


def board(d: Driver) -> BoardScreen:
    screen = d.app.screen
    assert isinstance(screen, BoardScreen)
    return screen


def finish_quarter(d: Driver, seen: set[str], keys: bool = True) -> None:
    """End the quarter and go through its events and sessions."""
    if keys:
        d.end_quarter()
    else:
        d.click("End quarter")
        if d.screen == "confirm":  # nothing was planned: confirm
            d.click("End the quarter")
    d.until(lambda: d.screen != "board" or (board(d).worker is None and board(d).report is None))
    while d.screen in ("event", "session"):
        seen.add(d.screen)
        if f"first_{d.screen}" not in seen:
            d.shot(f"09_{d.screen}")
            seen.add(f"first_{d.screen}")
        if keys:
            d.key(pygame.K_RETURN)
        else:
            d.click("Continue" if d.screen == "event" else _session_button(d))


def _session_button(d: Driver) -> str:
    names = d.buttons()
    return (
        "Next motion"
        if any(n.startswith("Next motion") and _enabled(d, n) for n in names)
        else "Continue"
    )


def _enabled(d: Driver, text: str) -> bool:
    assert d.app.screen is not None
    return any(e.element.text == text and e.element.is_enabled for e in d.app.screen.entries)


def start_game(d: Driver) -> None:
    d.key(pygame.K_n)
    assert d.screen == "new_game"
    d.shot("02_new_game")
    d.key(pygame.K_RETURN)
    assert d.screen == "board"


def test_a_game_from_title_to_end(driver: Driver) -> None:
    d = driver
    d.shot("01_title")
    _menus(d)
    start_game(d)
    match = d.app.match
    assert match is not None
    spec = match.spec
    d.shot("03_board_guide")
    for _ in range(5):
        d.key(pygame.K_g)
    assert board(d).guide.current() is None
    d.shot("04_board")

    d.click("Moscow")  # the kind first shown is Campaign
    d.shot("05_effect_preview")
    d.click("Plan it")
    moscow = spec.actions.labels.index("campaign:moscow")
    assert match.plans[0] == [moscow]
    d.key(pygame.K_u)
    assert match.plans[0] == []

    d.click("Recruit")
    d.key(pygame.K_a)  # show the options not allowed now
    illegal = next(t for t in d.buttons() if t.startswith("✕ ") and "[A]" not in t)
    d.click(illegal)
    d.key(pygame.K_RETURN)  # the focus is on "Plan it", which is disabled: nothing happens
    chosen = board(d).selected
    assert chosen is not None and match.plans[0] == []
    plan = next(e.element for e in board(d).entries if e.element.text.startswith("Plan it"))
    assert not plan.is_enabled
    details = board(d).boxes["details"].html_text
    assert details.count(escape(why_illegal(spec, match.state, 0, chosen))) == 1
    d.shot("06_illegal_reason")

    d.click("Motion")  # the motions, grouped by the person or question they concern
    d.key(pygame.K_RETURN)  # opens the first group: its first motion is chosen
    d.shot("07_vote_forecast")
    d.click("Plan it")
    assert len(match.plans[0]) == 1 and spec.actions.motion[match.plans[0][0]] >= 0

    seen: set[str] = set()
    finish_quarter(d, seen)
    d.shot("10_board_after_quarter")
    finish_quarter(d, seen)
    assert {"event", "session"} <= seen

    _save_and_load(d)
    _bad_saves(d)

    while d.screen != "end":
        assert d.screen == "board"
        finish_quarter(d, seen)
    d.shot("13_end")
    assert "wins" in _end_text(d) or "split" in _end_text(d)


def _menus(d: Driver) -> None:
    """Help (its three pages) and settings, from the title and back."""
    d.key(pygame.K_h)
    assert d.screen == "help"
    d.shot("01b_help_rules")
    d.key(pygame.K_3)
    d.shot("01c_help_glossary")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)
    assert d.screen == "settings"
    d.click("Palette")
    assert d.app.settings.palette == "colour-blind"
    d.shot("01d_settings")
    d.click("Palette")
    d.key(pygame.K_ESCAPE)
    assert d.screen == "title"


def _end_text(d: Driver) -> str:
    from game.ui.screens.end import verdict

    assert d.app.match is not None
    return verdict(d.app.match)


def _save_and_load(d: Driver) -> None:
    match = d.app.match
    assert match is not None
    d.key(pygame.K_ESCAPE)
    assert d.screen == "pause"
    d.shot("10b_pause")
    d.key(pygame.K_s)
    assert d.screen == "save_as"
    d.type("group 3")
    d.key(pygame.K_RETURN)
    assert d.screen == "pause"
    saved = sorted(saves_dir().glob("group 3.json"))
    assert saved, "no save written"
    document = json.loads(saved[0].read_text())
    assert document["version"] == 1 and document["actions"] == match.history
    d.key(pygame.K_s)
    d.type("group 3")
    d.key(pygame.K_RETURN)
    assert d.screen == "save_as", "a name in use is refused, not overwritten"
    d.key(pygame.K_ESCAPE)
    assert d.screen == "pause"
    d.key(pygame.K_l)
    assert d.screen == "saves"
    assert not d.app.message, "the pause menu's 'Saved as' stays behind"
    d.shot("11_saves")
    d.click(saved[0].stem)
    assert d.screen == "board"
    loaded = d.app.match
    assert loaded is not None and loaded is not match
    assert loaded.history == match.history
    assert loaded.state.row_hashes() == match.state.row_hashes()


def _bad_saves(d: Driver) -> None:
    corrupt = saves_dir() / "corrupt.json"
    corrupt.write_text("{not json")
    future = saves_dir() / "future.json"
    future.write_text(json.dumps({"format": "heirs-of-lenin-save", "version": 99}))
    before = {p: p.read_bytes() for p in saves_dir().iterdir()}
    match = d.app.match
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_l)
    d.click("corrupt")
    assert d.screen == "saves" and "damaged" in (d.app.message or "")
    d.click("future")
    assert d.screen == "saves" and "newer version" in (d.app.message or "")
    d.shot("12_bad_save_message")
    assert {p: p.read_bytes() for p in saves_dir().iterdir()} == before
    assert d.app.match is match
    d.key(pygame.K_ESCAPE)
    assert d.screen == "pause"
    d.key(pygame.K_ESCAPE)
    assert d.screen == "board"


def test_sigterm_in_the_window_saves_the_game_and_ends_it(driver: Driver, data_dir: Path) -> None:
    """A real SIGTERM to this process while the window runs: the game in progress is saved,
    as closing the window saves it, and the signal goes on to end the program."""
    d = driver
    start_game(d)
    d.key(pygame.K_g)
    autosave = saves_dir() / "autosave.json"
    autosave.unlink(missing_ok=True)
    threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM)).start()
    with pytest.raises(Interrupted) as stopped, stop_on_signals():
        d.app.run()
    assert stopped.value.signum == signal.SIGTERM
    assert json.loads(autosave.read_text())["actions"] == d.app.match.history  # type: ignore[union-attr]


def test_autosave_every_quarter_and_on_quit(driver: Driver, data_dir: Path) -> None:
    d = driver
    start_game(d)
    for _ in range(5):
        d.key(pygame.K_g)
    finish_quarter(d, set())
    autosave = saves_dir() / "autosave.json"
    assert json.loads(autosave.read_text())["actions"] == d.app.match.history  # type: ignore[union-attr]
    autosave.unlink()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.step(1)
    assert not d.app.running and autosave.exists()
