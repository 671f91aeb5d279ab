"""The help screen: the rules in brief, the keys, and a glossary of the period's terms."""

from __future__ import annotations

from functools import partial

import pygame
import pygame_gui

from game.ui import draw, flow
from game.ui.app import App
from game.ui.help_text import GLOSSARY, KEYS, RULES
from game.ui.screen import Screen
from game.ui.text_box import ScrollingTextBox

PAGES = (
    ("Rules [1]", RULES, pygame.K_1),
    ("Keys [2]", KEYS, pygame.K_2),
    ("Glossary [3]", GLOSSARY, pygame.K_3),
)


class HelpScreen(Screen):
    name = "help"

    def __init__(self, app: App, back: Screen | None) -> None:
        super().__init__(app)
        self.back = back
        self.page = 0
        self.box: pygame_gui.elements.UITextBox | None = None

    def build(self) -> None:
        w, h = self.app.window.get_size()
        font = self.app.theme.font("body", "bold")
        x, high = 40, self.app.theme.row() + 10
        for i, (label, _, key) in enumerate(PAGES):
            rect = pygame.Rect(x, 62, font.size(label)[0] + 24, high)
            button = self.button(rect, label, partial(self._show, i), key=key)
            if i == self.page:  # the page shown is marked in red
                button.select()
            x = rect.right + 10
        back = font.size("Back  [Esc]")[0] + 24
        self.button(
            pygame.Rect(w - 40 - back, 62, back, high),
            "Back  [Esc]",
            lambda: flow.back_to(self.app, self.back),
            key=pygame.K_ESCAPE,
            object_id="@poster",
        )
        if self.box is not None:
            self.box.kill()
        text = PAGES[self.page][1].replace("\n", "")  # the markup breaks its own lines
        rect = pygame.Rect(40, 72 + high, w - 80, h - 92 - high)
        self.box = ScrollingTextBox(text, rect, self.app.manager)
        self.shortcuts[pygame.K_PAGEDOWN] = lambda: self._scroll(0.25)
        self.shortcuts[pygame.K_PAGEUP] = lambda: self._scroll(-0.25)

    def leave(self) -> None:
        if self.box is not None:
            self.box.kill()
            self.box = None
        super().leave()

    def _show(self, page: int) -> None:
        self.page = page
        self.rebuild()

    def _scroll(self, step: float) -> None:
        bar = self.box.scroll_bar if self.box is not None else None
        if bar is not None:
            start = bar.start_percentage + step
            bar.set_scroll_from_start_percentage(min(max(start, 0.0), 1.0 - bar.visible_percentage))

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme)
        draw.header_bar(surface, theme, pygame.Rect(0, 0, surface.get_width(), 56), "HELP")
