"""Windows that behave, in the real window headless: resizing keeps the one window SDL opened
(its display surface resized by SDL, never opened again with set_mode, which would fight a
window manager's drag) and lays the screen out for the new size."""

from __future__ import annotations

import warnings

import pygame
import pytest

from game.play.match import Setup
from game.ui import flow
from game.ui.screens.board import BoardScreen

from .conftest import SHORT, Driver


def _drag_to(size: tuple[int, int]) -> None:
    """Resize the window as a window manager does: SDL resizes it and reports the new size
    (under X11 with VIDEORESIZE, WINDOWRESIZED and WINDOWSIZECHANGED; the dummy driver sends
    the last, so the others are posted as a desktop would)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        pygame.Window.from_display_module().size = size
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    pygame.event.post(pygame.event.Event(pygame.WINDOWRESIZED, x=size[0], y=size[1]))


@pytest.mark.parametrize("size", [(1100, 700), (960, 600), (1600, 900)])
def test_resizing_keeps_the_window_and_lays_the_board_out_again(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    d = driver
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=False))
    d.step()
    opened: list[object] = []
    set_mode = pygame.display.set_mode

    def counted(*args: object, **kwargs: object) -> pygame.Surface:
        opened.append(args)
        return set_mode(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pygame.display, "set_mode", counted)
    window = pygame.display.get_surface()
    restyled = id(d.app.manager)
    _drag_to(size)
    d.step(3)
    assert opened == [], "the window is never opened again"
    assert d.app.window is window and window.get_size() == size
    assert tuple(d.app.manager.window_resolution) == size and id(d.app.manager) != restyled
    board = d.app.screen
    assert isinstance(board, BoardScreen)
    assert board.rects()["actions"].right == size[0] - 8
    assert all(window.get_rect().contains(e.element.rect) for e in board.entries)
    assert (d.app.settings.width, d.app.settings.height) == size


def test_a_setting_that_leaves_the_windows_size_keeps_the_window(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SDL makes a new window on every set_mode (a new X window: the window manager places it
    again): a new text size, palette or speed rebuilds the screen in the same window; only a
    new size or fullscreen opens one."""
    d = driver
    opened: list[object] = []
    set_mode = pygame.display.set_mode

    def counted(*args: object, **kwargs: object) -> pygame.Surface:
        opened.append(args)
        return set_mode(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pygame.display, "set_mode", counted)
    flow.settings(d.app)
    d.step()
    for label in ("Text size", "Palette", "AI speed", "Guided opening"):
        d.click(label)
    assert opened == [], "the same window, restyled"
    assert d.app.settings.text_size == "large" and d.app.settings.palette == "colour-blind"
    d.click("Window size")
    assert len(opened) == 1 and d.app.window.get_size() == (1600, 900)
