"""The window and its loop: one screen at a time, switched by ``go``; the match being
played, if any; the settings; tooltips over hot zones; autosave on quit.

``App.step`` runs one frame (events, update, draw), so a test can drive the real window
headless by posting events and stepping frames."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui

from game.play.match import Match
from game.play.reports import REPORT_RUNS
from game.play.saves import AUTOSAVE, write_save
from game.play.settings import Settings
from game.ui import draw
from game.ui.guide import GuideProgress
from game.ui.screen import Screen
from game.ui.theme import Theme, register_fonts

FPS = 60


@dataclass(frozen=True)
class Options:
    """What the command line asks for: a scenario, a faction to play, a save to load, an
    exercise to start; how many runs a finished game's report sets it against, and the seed
    of a new game."""

    scenario: Path
    faction: str | None = None
    load: Path | None = None
    exercise: Path | None = None
    report_runs: int = REPORT_RUNS
    seed: int = 1


class App:
    """The game window."""

    def __init__(self, options: Options, settings: Settings | None = None) -> None:
        self.options = options
        self.settings = settings or Settings.load()
        pygame.init()
        pygame.display.set_caption("Heirs of Lenin")
        self.window = self._open_window()
        self.theme = self._new_theme()
        self.manager = self._new_manager()
        self.clock = pygame.time.Clock()
        self.running = True
        self.match: Match | None = None
        self.message: str | None = None  # shown once by the next menu screen
        self.screen: Screen | None = None
        self.mouse = (-1, -1)  # where the pointer was last seen, from events (works headless)
        self.planners: list[int] = []  # humans still to plan this quarter, in order
        self.guides: dict[int, GuideProgress] = {}  # each human's guided opening, this game
        self.queue: list[Callable[[], Screen]] = []  # the quarter's events and sessions to show

    def _open_window(self) -> pygame.Surface:
        size = (self.settings.width, self.settings.height)
        flags = pygame.FULLSCREEN if self.settings.fullscreen else pygame.RESIZABLE
        return pygame.display.set_mode(size, flags)

    def _new_theme(self) -> Theme:
        """The settings' palette and text size, the text grown for the window's height."""
        return Theme(self.settings.palette, self.settings.text_size, self.window.get_height())

    def _new_manager(self) -> pygame_gui.UIManager:
        manager = pygame_gui.UIManager(self.window.get_size())
        register_fonts(manager, self.theme)
        manager.get_theme().load_theme(self.theme.gui_theme())
        return manager

    # --- screens --------------------------------------------------------------------------

    def go(self, screen: Screen) -> None:
        """Leave the current screen and enter ``screen``."""
        if self.screen is not None:
            self.screen.leave()
        self.screen = screen
        screen.enter()

    def apply_settings(self) -> None:
        """Reopen the window and rebuild the widgets after the settings changed."""
        self.settings.save()
        self.window = self._open_window()
        self._restyle()

    def _restyle(self) -> None:
        """A new theme for the window's size, and the screen's widgets built again with it
        (rebuilt, not left and entered, so a lab run or a quarter in play goes on)."""
        self.theme = self._new_theme()
        self.manager = self._new_manager()
        if self.screen is not None:
            self.screen.rebuild()

    # --- the loop -------------------------------------------------------------------------

    def run(self) -> int:
        """Run until the window is closed; returns the exit code."""
        while self.running:
            self.step(self.clock.tick(FPS) / 1000.0)
        pygame.quit()
        return 0

    def step(self, dt: float = 1.0 / FPS) -> None:
        """One frame: events, update, draw."""
        assert self.screen is not None
        for event in pygame.event.get():
            self._event(event)
            if not self.running:
                return
        self.screen.update(dt)
        self.manager.update(dt)
        self.draw()

    def draw(self) -> None:
        assert self.screen is not None
        self.screen.draw(self.window)
        self.manager.draw_ui(self.window)
        self.screen.draw_over(self.window)
        self.screen.draw_focus(self.window)
        text = self.screen.tooltip_at(self.mouse)
        if text:
            draw.tooltip(self.window, self.theme, text, self.mouse)
        pygame.display.flip()

    def _event(self, event: pygame.event.Event) -> None:
        assert self.screen is not None
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
            self.settings.width, self.settings.height = max(event.w, 960), max(event.h, 600)
            self.window = pygame.display.set_mode(
                (self.settings.width, self.settings.height), pygame.RESIZABLE
            )
            self._restyle()
            return
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.mouse = event.pos
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = (-1, -1)
        self.manager.process_events(event)
        self.screen.handle(event)

    def autosave(self) -> None:
        """Save the match in progress as the autosave (nothing if no game or it is over)."""
        if self.match is not None and not self.match.over:
            try:
                write_save(self.match, AUTOSAVE)
            except OSError as error:
                self.message = f"Autosave failed: {error}"

    def quit(self) -> None:
        self.autosave()
        self.running = False
