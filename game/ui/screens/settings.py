"""The settings: window size, fullscreen, text size, the colour-blind-safe palette, the
guided opening and the AI's speed. Each choice steps both ways (◂ and ▸, Left and Right);
changes apply at once and are kept for next time."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from game.analysis.runs import load
from game.play.settings import AI_SPEEDS
from game.scenario.errors import ScenarioError
from game.ui import draw, flow
from game.ui.app import App
from game.ui.screen import Screen, cycle
from game.ui.theme import PALETTES, TEXT_SIZES, WINDOW_SIZES


class SettingsScreen(Screen):
    name = "settings"

    def __init__(self, app: App, back: Screen | None) -> None:
        super().__init__(app)
        self.back = back
        self.sample = palette_sample(app)

    def build(self) -> None:
        s = self.app.settings
        w, _h = self.app.window.get_size()
        rows: list[tuple[str, Callable[[int], None], str, bool]] = [
            (
                f"Window size: {s.width} × {s.height}",
                self._size,
                "The window's size; you can also drag its edges.",
                True,
            ),
            (
                f"Fullscreen: {'on' if s.fullscreen else 'off'}",
                self._fullscreen,
                "Fill the whole screen.",
                False,
            ),
            (
                f"Text size: {s.text_size}",
                self._text,
                "Larger text for reading at a distance.",
                True,
            ),
            (
                f"Palette: {s.palette}",
                self._palette,
                "The colour-blind-safe palette tells the factions apart by hue and brightness "
                "under every common kind of colour blindness.",
                True,
            ),
            (
                f"Guided opening: {'on' if s.guided else 'off'}",
                self._guided,
                "A short guide through the first quarters of a new game.",
                False,
            ),
            (
                f"AI speed: {s.ai_speed}",
                self._speed,
                "How fast the other factions' moves are shown.",
                True,
            ),
        ]
        x, bw = w // 2 - 220, 440
        for i, (text, step, tip, choice) in enumerate(rows):
            rect = pygame.Rect(x, 120 + i * 48, bw, 40)
            if choice:
                self.selector(rect, text, step, tip)
            else:
                self.button(rect, text, partial(step, 1), tooltip=tip)
        self.button(
            pygame.Rect(x, 120 + len(rows) * 48 + 16, bw, 40),
            "Back  [Esc]",
            lambda: flow.back_to(self.app, self.back),
            key=pygame.K_ESCAPE,
            object_id="@poster",
        )

    def _apply(self) -> None:
        focus = self.focus
        self.app.apply_settings()
        self.focus = focus

    def _size(self, step: int) -> None:
        s = self.app.settings
        s.width, s.height = cycle(WINDOW_SIZES, (s.width, s.height), step)
        self._apply()

    def _fullscreen(self, _step: int) -> None:
        self.app.settings.fullscreen = not self.app.settings.fullscreen
        self._apply()

    def _text(self, step: int) -> None:
        self.app.settings.text_size = cycle(tuple(TEXT_SIZES), self.app.settings.text_size, step)
        self._apply()

    def _palette(self, step: int) -> None:
        self.app.settings.palette = cycle(tuple(PALETTES), self.app.settings.palette, step)
        self._apply()

    def _guided(self, _step: int) -> None:
        self.app.settings.guided = not self.app.settings.guided
        self._apply()

    def _speed(self, step: int) -> None:
        self.app.settings.ai_speed = cycle(AI_SPEEDS, self.app.settings.ai_speed, step)
        self._apply()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.page(surface, theme, "SETTINGS")
        w, _ = surface.get_size()
        x = w // 2 - 220
        y = 120 + 7 * 48 + 30
        names, colours = self.sample
        cx = surface.blit(theme.text("Palette sample:", "small"), (x, y)).right + 10
        for f, name in enumerate(names):
            if cx > w - 120:
                cx, y = x, y + theme.font("small").get_linesize() + 4
            pygame.draw.rect(surface, theme.faction_colour(colours, f), (cx, y + 2, 14, 14))
            cx = surface.blit(theme.text(name, "small"), (cx + 18, y)).right + 12


def palette_sample(app: App) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The factions' names and colours of the game being played, or else of the scenario the
    window was opened with (the palette may recolour them); none if it cannot be loaded."""
    if app.match is not None:
        spec = app.match.spec
    else:
        try:
            spec = load(app.options.scenario).spec
        except (ScenarioError, OSError):
            return (), ()
    return spec.faction_names, spec.faction_colour
