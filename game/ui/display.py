"""Whether this machine can show the window: SDL quietly falls back to an invisible driver
when there is no desktop session, and a player would see nothing at all."""

from __future__ import annotations

import os

import pygame

INVISIBLE_DRIVERS = ("offscreen", "dummy")
NO_DISPLAY = (
    "no display to open the window on (SDL found only its {driver!r} driver): run the game "
    "in a desktop session, or use the headless commands (python -m game --help)"
)


def quiet_audio() -> None:
    """The game makes no sound: keep SDL from opening (and complaining about) audio devices."""
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def missing_display() -> str | None:
    """After ``pygame.init()``: why no window can be seen here, or None. An invisible driver
    is fine when it was asked for (the tests and ``bench --ui`` ask for ``dummy``)."""
    driver = pygame.display.get_driver()
    asked = os.environ.get("SDL_VIDEODRIVER")
    if driver in INVISIBLE_DRIVERS and asked != driver:
        return NO_DISPLAY.format(driver=driver)
    return None
