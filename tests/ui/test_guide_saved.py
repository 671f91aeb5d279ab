"""The guided opening's progress is kept with the game, in the real window headless: notes
read before closing are not shown again on Continue (issue 9: the guide started again from
its first note), a guide stopped stays stopped, and an older save without progress starts
the guide from its first note."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.play.match import Setup
from game.play.saves import saves_dir
from game.play.settings import Settings
from game.ui import App, Options, flow

from .conftest import SHORT, Driver


def _note(d: Driver) -> str | None:
    """The id of the note the screen shows, if any."""
    guide = getattr(d.app.screen, "guide", None)
    step = guide.current() if guide is not None else None
    return step.id if step is not None else None


def _close_and_continue(d: Driver, edit: bool = False) -> Driver:
    """Close the window (the game is autosaved), open a new one and Continue; with
    ``edit``, the autosave loses its guide first (a save of an earlier version)."""
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.step(1)
    assert not d.app.running
    if edit:
        path = saves_dir() / "autosave.json"
        document = json.loads(path.read_text())
        del document["guide"]
        path.write_text(json.dumps(document))
    pygame.quit()
    d = Driver(App(Options(SHORT), Settings(ai_speed="instant")))
    flow.title(d.app)
    d.step()
    d.key(pygame.K_c)
    assert d.screen == "board"
    return d


def _guided(d: Driver) -> None:
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=True))
    d.step()
    assert d.screen == "board"


def test_notes_read_are_not_shown_again_on_continue(driver: Driver, data_dir: Path) -> None:
    d = driver
    _guided(d)
    first = _note(d)
    assert first is not None
    d.key(pygame.K_g)  # got it
    second = _note(d)
    assert second not in (None, first)
    d = _close_and_continue(d)
    try:
        assert _note(d) == second, "the guide goes on from the note it was at"
    finally:
        pygame.quit()


def test_a_stopped_guide_stays_stopped_on_continue(driver: Driver, data_dir: Path) -> None:
    d = driver
    _guided(d)
    d.key(pygame.K_x)  # stop the guide
    assert _note(d) is None
    d = _close_and_continue(d)
    try:
        assert _note(d) is None
    finally:
        pygame.quit()


def test_a_save_without_progress_starts_the_guide_afresh(driver: Driver, data_dir: Path) -> None:
    d = driver
    _guided(d)
    first = _note(d)
    d.key(pygame.K_g)
    d = _close_and_continue(d, edit=True)
    try:
        assert _note(d) == first
    finally:
        pygame.quit()
