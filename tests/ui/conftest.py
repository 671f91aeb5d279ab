"""The window, headless: an App on SDL's dummy drivers with its data folder in a temporary
directory, and a driver that posts real keyboard and mouse events and steps frames."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame

from game.analysis.runs import load
from game.play.match import Match, Setup
from game.play.settings import DATA_ENV, Settings
from game.ui import App, Options, flow
from game.ui.screens.end import EndScreen
from game.ui.theme import Theme

SHORT = Path(__file__).parent / "data" / "short.yaml"
CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "out" / "screens"
WAIT_SECONDS = 180.0  # how long background work may take before a test gives up
FRAME_PAUSE = 0.002  # seconds each waiting frame leaves to the background threads


class Driver:
    """Drives the real window with posted events, one frame at a time."""

    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def screen(self) -> str:
        assert self.app.screen is not None
        return self.app.screen.name

    def step(self, frames: int = 2) -> None:
        for _ in range(frames):
            self.app.step(1 / 60)

    def key(self, key: int, mod: int = 0, frames: int = 2) -> None:
        """Press and release a key."""
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod))
        self.step(frames)

    def type(self, text: str, frames: int = 2) -> None:
        """Type ``text`` as the keyboard does: a key press and its text, character by
        character (a letter's key press reaches the screen too, as it would on a desktop)."""
        for char in text:
            key = pygame.key.key_code(char) if char.isalnum() else 0
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char))
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0))
            self.step(1)
        self.step(frames)

    def click_at(self, pos: tuple[int, int], frames: int = 3) -> None:
        """Move the mouse to ``pos`` and click the left button there."""
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        self.step(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
        self.step(frames)

    def buttons(self) -> list[str]:
        assert self.app.screen is not None
        return [e.element.text for e in self.app.screen.entries if e.element.alive()]

    def click(self, text: str, frames: int = 3) -> None:
        """Click the live button whose text starts with ``text``."""
        assert self.app.screen is not None
        for entry in self.app.screen.entries:
            if entry.element.alive() and entry.element.text.startswith(text):
                self.click_at(entry.element.rect.center, frames)
                return
        raise AssertionError(f"no button {text!r} on {self.screen}: {self.buttons()}")

    def end_quarter(self) -> None:
        """E ends the quarter (and E again confirms it when nothing was planned)."""
        self.key(pygame.K_e)
        if self.screen == "confirm":
            self.key(pygame.K_e)

    def pick(self, kind: str) -> None:
        """Click the board's button for a kind of action (marked ▸ when it is the one shown)."""
        assert self.app.screen is not None
        for entry in self.app.screen.entries:
            if entry.element.alive() and entry.element.text == kind:
                self.click_at(entry.element.rect.center)
                return
        raise AssertionError(f"no kind of action {kind!r}: {self.buttons()}")

    def until(self, done: Callable[[], bool], seconds: float = WAIT_SECONDS) -> None:
        """Step frames until ``done()``, while the AI, a report or a batch works in the
        background. The limit is wall time, not frames, and each frame leaves the workers a
        moment, so a busy machine makes the test slower, not failed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if done():
                return
            self.step(1)
            time.sleep(FRAME_PAUSE)
        raise AssertionError(f"timed out after {seconds:.0f} s on {self.screen}")

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        pygame.image.save(self.app.window, str(path))
        return path


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def driver(data_dir: Path) -> Iterator[Driver]:
    """The window on the title screen, playing the short test campaign by default."""
    app = App(Options(SHORT), Settings(ai_speed="instant"))
    flow.title(app)
    d = Driver(app)
    d.step()
    yield d
    pygame.quit()


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line of text the theme renders from now on."""
    texts: list[str] = []
    render = Theme.text

    def recorded(self: Theme, text: str, *args: object, **kwargs: object) -> pygame.Surface:
        texts.append(text)
        return render(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Theme, "text", recorded)
    return texts


def on_the_end_screen(app: App, d: Driver) -> EndScreen:
    """The short campaign played to its end as Stalin, and the window on its end screen."""
    match = Match(load(SHORT), Setup(SHORT, ("stalin",), guided=False))
    while not match.over:
        match.resolve()
    app.match = match
    screen = EndScreen(app, match)
    app.go(screen)
    d.step()
    return screen


def slow_quarters(monkeypatch: pytest.MonkeyPatch, match: Match, seconds: float) -> None:
    """Make each quarter the AI plays for ``match`` take at least ``seconds``, so a test can
    act while the worker thread is still busy."""
    resolve = match.resolve

    def slow() -> object:
        time.sleep(seconds)
        return resolve()

    monkeypatch.setattr(match, "resolve", slow)
