"""The window and its loop: one screen at a time, switched by ``go``; the match being
played, if any; the settings; tooltips over hot zones; autosave on quit. The window is opened
once, resizable; a resize lays the screen out again for the new size.

``App.step`` runs one frame (events, update, draw), so a test can drive the real window
headless by posting events and stepping frames."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui

from game.play.match import Match
from game.play.reports import REPORT_RUNS
from game.play.saves import AUTOSAVE, write_save
from game.play.settings import Settings
from game.ui import draw, worker
from game.ui.line_breaks import mend_line_breaks
from game.ui.screen import Screen
from game.ui.theme import Theme, register_fonts

FPS = 60
SCREEN_LOG = "HEIRS_SCREEN_LOG"  # a file where each screen entered is logged (for tests)
RESIZE_EVENTS = (pygame.VIDEORESIZE, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED)
SMALLEST = (960, 600)  # the least window the screens are laid out for


@dataclass(frozen=True)
class Options:
    """What the command line asks for: a scenario, a faction to play, a save to load, an
    exercise to start, one seed for every new game (a class's dice; None: fresh dice for
    each), whether to start a new game at once; and how many runs a finished game's report
    sets it against."""

    scenario: Path
    faction: str | None = None
    load: Path | None = None
    exercise: Path | None = None
    report_runs: int = REPORT_RUNS
    seed: int | None = None
    new: bool = False


class App:
    """The game window."""

    def __init__(self, options: Options, settings: Settings | None = None) -> None:
        self.options = options
        self.settings = settings or Settings.load()
        pygame.init()
        mend_line_breaks()
        pygame.display.set_caption("Heirs of Lenin")
        self.window = self._open_window()
        self.theme = self._new_theme()
        self.manager = self._new_manager()
        self.clock = pygame.time.Clock()
        self.running = True
        self.match: Match | None = None
        self.message: str | None = None  # shown by the next screen that shows messages
        self.screen: Screen | None = None
        self.mouse = (-1, -1)  # where the pointer was last seen, from events (works headless)
        self.planners: list[int] = []  # humans still to plan this quarter, in order
        self.queue: list[Callable[[], Screen]] = []  # the quarter's events and sessions to show
        self.class_seed: int | None = options.seed  # the dice of every new game, if set
        self.playing_on = False  # the humans chose to play on once every rival was out
        self.pending: list[pygame.event.Event] = []  # events left for the next frame

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
        """Leave the current screen and enter ``screen``. A message (a load, a save, an error)
        is shown by the first screen entered that shows messages, and dropped when it is left:
        it never follows the player to other screens. With ``$HEIRS_SCREEN_LOG`` set, each
        screen entered is logged there by name (the monkey test reads what it reached)."""
        log = os.environ.get(SCREEN_LOG)
        if log:
            with open(log, "a", encoding="utf-8") as stream:
                stream.write(screen.name + "\n")
        if self.screen is not None:
            self.screen.leave()
            if self.message is not None and self.message is self.screen.message_shown:
                self.message = None
        self.screen = screen
        if screen.shows_message:
            screen.message_shown = self.message
        screen.enter()

    def apply_settings(self) -> None:
        """Rebuild the widgets after the settings changed; the window is opened again only
        when its size or fullscreen changed (SDL makes a new window then: a new text size or
        palette keeps the one the window manager placed)."""
        self.settings.save()
        resized = (self.settings.width, self.settings.height) != self.window.get_size()
        if self.settings.fullscreen != self.fullscreen or (resized and not self.fullscreen):
            self.window = self._open_window()
        self._restyle()

    @property
    def fullscreen(self) -> bool:
        """Whether the window is open full screen."""
        return bool(self.window.get_flags() & pygame.FULLSCREEN)

    def _restyle(self) -> None:
        """A new theme for the window's size, and the screen's widgets built again with it
        (rebuilt, not left and entered, so a lab run or a quarter in play goes on)."""
        self.theme = self._new_theme()
        self.manager = self._new_manager()
        if self.screen is not None:
            self.screen.rebuild()

    # --- the loop -------------------------------------------------------------------------

    def run(self) -> int:
        """Run until the window is closed; returns the exit code. Ctrl-C or SIGTERM (raised
        here as ``KeyboardInterrupt``, see ``game.stopping``) saves the game in progress, as
        closing the window does, and goes on to end the program."""
        try:
            while self.running:
                self.step(self.clock.tick(FPS) / 1000.0)
        except KeyboardInterrupt:
            worker.stop_all()
            self.autosave()
            raise
        pygame.quit()
        return 0

    def step(self, dt: float = 1.0 / FPS) -> None:
        """One frame: events, update, draw. The events after one that changed the screen wait
        for the next frame: the new screen is drawn first, and the window answers the window
        manager between two screens (a burst of keys, each starting a game or loading a save,
        would otherwise hold the window for many seconds, and openbox offers to kill it)."""
        assert self.screen is not None
        self.pending += pygame.event.get()
        while self.pending:
            shown = self.screen
            self._event(self.pending.pop(0))
            if not self.running:
                return
            if self.screen is not shown:
                break
        self.screen.update(dt)
        self.manager.update(dt)
        self.draw()

    def draw(self) -> None:
        assert self.screen is not None
        self.screen.draw(self.window)
        self.manager.draw_ui(self.window)
        self.screen.draw_over(self.window)
        self.screen.draw_focus(self.window)
        self._lift_tooltips()
        text = self.screen.tooltip_at(self.mouse)
        if text:
            draw.tooltip(self.window, self.theme, text, self.mouse)
        pygame.display.flip()

    def _lift_tooltips(self) -> None:
        """A button's tooltip (pygame_gui draws it with the buttons) drawn again over the
        focus frame, which would otherwise run through its text."""
        for sprite in self.manager.get_sprite_group().sprites():
            if isinstance(sprite, pygame_gui.elements.UITooltip) and sprite.text_block:
                block = sprite.text_block
                if block.image is not None:
                    self.window.blit(block.image, block.rect)

    def _event(self, event: pygame.event.Event) -> None:
        assert self.screen is not None
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in RESIZE_EVENTS:
            self._resized()
            return
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            self.mouse = event.pos
        elif event.type == pygame.WINDOWLEAVE:
            self.mouse = (-1, -1)
        self.manager.process_events(event)
        self.screen.handle(event)

    def _resized(self) -> None:
        """The window was resized (dragged by its edges, maximised): SDL has already resized
        the display surface, so the screen is laid out again for its size, the window never
        opened again (that would fight the window manager's drag)."""
        surface = pygame.display.get_surface()
        if surface is None:  # the display was closed (pygame.quit)
            return
        self.window = surface
        size = self.window.get_size()
        if size == tuple(self.manager.window_resolution):
            return  # one resize comes as several events
        if not self.settings.fullscreen:  # the next window opens at this size, or the least
            self.settings.width = max(size[0], SMALLEST[0])
            self.settings.height = max(size[1], SMALLEST[1])
        self._restyle()

    def autosave(self) -> None:
        """Save the match (in progress or finished) as the autosave (nothing if no game)."""
        if self.match is not None:
            try:
                write_save(self.match, AUTOSAVE)
            except OSError as error:
                self.message = f"Autosave failed: {error}"

    def quit(self) -> None:
        """Close the window: the screen finishes what must be saved; every thread at work
        stops or ends, whatever screen started it (a quarter being played is played to its
        end, a report being written is dropped); then the autosave."""
        if self.screen is not None:
            self.screen.closing()
        worker.stop_all()
        self.autosave()
        self.running = False
