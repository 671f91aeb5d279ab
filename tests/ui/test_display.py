"""With no desktop session SDL falls back to an invisible driver; the game then says so
instead of running a window nobody can see, unless the invisible driver was asked for."""

from __future__ import annotations

import os

import pygame
import pytest

from game.ui import display


@pytest.mark.parametrize(
    ("driver", "asked", "refused"),
    [
        ("offscreen", None, True),
        ("dummy", None, True),
        ("dummy", "dummy", False),
        ("x11", None, False),
        ("offscreen", "x11", True),
    ],
)
def test_an_invisible_driver_is_refused_unless_asked_for(
    monkeypatch: pytest.MonkeyPatch, driver: str, asked: str | None, refused: bool
) -> None:
    monkeypatch.setattr(pygame.display, "get_driver", lambda: driver)
    if asked is None:
        monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    else:
        monkeypatch.setenv("SDL_VIDEODRIVER", asked)
    message = display.missing_display()
    assert (message is not None) == refused
    if message is not None:
        assert repr(driver) in message and "python -m game --help" in message


def test_the_game_keeps_quiet_about_audio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SDL_AUDIODRIVER", raising=False)
    display.quiet_audio()
    assert os.environ["SDL_AUDIODRIVER"] == "dummy"
    monkeypatch.setenv("SDL_AUDIODRIVER", "pulse")
    display.quiet_audio()
    assert os.environ["SDL_AUDIODRIVER"] == "pulse"
