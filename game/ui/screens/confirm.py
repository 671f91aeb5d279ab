"""A question before something that cannot be taken back (leaving an unsaved game, replacing
another game's autosave, ending a quarter with nothing planned, fast-forwarding): a card over
the screen it was asked from, with a button per answer; the first answer has the focus, and
Esc gives the answer that changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import draw
from game.ui.app import App
from game.ui.screen import Action, Screen


@dataclass(frozen=True)
class Choice:
    """One answer: its button's label (with its key in brackets), the key, what it does."""

    label: str
    key: int
    action: Action


class ConfirmScreen(Screen):
    name = "confirm"

    def __init__(self, app: App, title: str, text: str, choices: list[Choice]) -> None:
        super().__init__(app)
        self.title = title
        self.text = text
        self.choices = choices
        # the screen the question is asked over, if any
        self.backdrop = app.window.copy() if app.screen is not None else None

    def _button_rows(self, room: int) -> tuple[list[int], list[list[int]]]:
        """The buttons' widths and their rows (by index) no wider than ``room``."""
        font = self.app.theme.font("body", "bold")
        widths = [font.size(c.label)[0] + 32 for c in self.choices]
        return widths, _rows(widths, room)

    def card_rect(self) -> pygame.Rect:
        """The card, as high as its title, its text and its rows of buttons."""
        theme = self.app.theme
        w, h = self.app.window.get_size()
        width = min(w - 80, int(640 * theme.scale))
        lines = len(draw.wrap(theme, self.text, width - 40, "body"))
        _, rows = self._button_rows(width - 32)
        height = (
            24
            + theme.font("heading", "poster").get_linesize()
            + lines * theme.font("body").get_linesize()
            + 24
            + len(rows) * (theme.row() + 22)
        )
        return pygame.Rect((w - width) // 2, max(20, (h - height) // 2 - 40), width, height)

    def build(self) -> None:
        card = self.card_rect()
        height = self.app.theme.row() + 14
        widths, rows = self._button_rows(card.w - 32)
        y = card.bottom - 16 - len(rows) * (height + 8) + 8
        for row in rows:
            x = card.centerx - (sum(widths[i] for i in row) + 8 * (len(row) - 1)) // 2
            for i in row:
                choice = self.choices[i]
                rect = pygame.Rect(x, y, widths[i], height)
                poster = "@poster" if i == 0 else None
                self.button(rect, choice.label, choice.action, key=choice.key, object_id=poster)
                x += widths[i] + 8
            y += height + 8
        self.focus = 0

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        if self.backdrop is not None and self.backdrop.get_size() == surface.get_size():
            surface.blit(self.backdrop, (0, 0))
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((0, 0, 0, 110))
            surface.blit(shade, (0, 0))
        else:
            draw.poster_background(surface, theme, bold=True)
        card = self.card_rect()
        draw.card(surface, theme, card)
        ink = theme.colour("ink")
        title = theme.text(self.title, "heading", theme.colour("red"), "poster")
        surface.blit(title, (card.x + 20, card.y + 16))
        draw.text_block(
            surface,
            theme,
            self.text,
            (card.x + 20, card.y + 24 + title.get_height()),
            card.w - 40,
            "body",
            ink,
        )


def _rows(widths: list[int], room: int) -> list[list[int]]:
    """The buttons (by index) in rows no wider than ``room``, in order."""
    rows: list[list[int]] = [[]]
    used = 0
    for i, width in enumerate(widths):
        if rows[-1] and used + 8 + width > room:
            rows.append([])
            used = 0
        rows[-1].append(i)
        used += width + (8 if used else 0)
    return rows
