"""An event card: its title, its date and what happened, in our own words. The scenario's
events offer no choices, so the card has one way on."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pygame

from game.play.match import Match
from game.ui import draw
from game.ui.app import App
from game.ui.screen import Screen


def event_date(label: str, day: int) -> str:
    """The calendar date of day ``day`` of quarter ``label`` ('1922Q2', 55 -> '26 May 1922')."""
    year, q = label.split("Q")
    start = datetime.date(int(year), 3 * (int(q) - 1) + 1, 1)
    when = start + datetime.timedelta(days=day)
    return f"{when.day} {when:%B} {when.year}"


class EventScreen(Screen):
    name = "event"

    def __init__(
        self, app: App, match: Match, turn: int, entry: dict[str, Any], then: Callable[[], None]
    ) -> None:
        super().__init__(app)
        self.match = match
        self.turn = turn
        self.entry = entry
        self.then = then

    def build(self) -> None:
        card = self.card()
        self.button(
            pygame.Rect(card.centerx - 120, card.bottom - 60, 240, 42),
            "Continue  [Enter]",
            self.then,
            key=pygame.K_RETURN,
            object_id="@poster",
        )

    def card(self) -> pygame.Rect:
        w, h = self.app.window.get_size()
        return pygame.Rect(
            w // 2 - min(340, w // 3), int(h * 0.12), 2 * min(340, w // 3), int(h * 0.76)
        )

    def date(self) -> str:
        spec = self.match.spec
        event = next((e for e in spec.events if e.id == self.entry["id"]), None)
        day = event.day if event is not None else 45
        return event_date(spec.quarter_labels[self.turn], day)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme, bold=True)
        card = self.card()
        shadow = card.move(10, 10)
        pygame.draw.rect(surface, theme.colour("ink"), shadow)
        pygame.draw.rect(surface, theme.colour("paper"), card)
        band = pygame.Rect(card.x, card.y, card.w, 70)
        pygame.draw.rect(surface, theme.colour("red"), band)
        pygame.draw.polygon(
            surface,
            theme.colour("ink"),
            [
                (card.right - 90, band.bottom),
                (card.right - 40, band.y),
                (card.right, band.y),
                (card.right, band.bottom),
            ],
        )
        surface.blit(
            theme.text("EVENT", "small", theme.colour("paper"), "poster"), (card.x + 18, card.y + 8)
        )
        surface.blit(
            theme.text(self.date(), "body", theme.colour("paper"), "bold"),
            (card.x + 18, card.y + 40),
        )
        y = draw.text_block(
            surface,
            theme,
            self.entry["title"].upper(),
            (card.x + 18, band.bottom + 16),
            card.w - 36,
            "title",
            face="poster",
        )
        pygame.draw.line(
            surface, theme.colour("red"), (card.x + 18, y + 6), (card.right - 18, y + 6), 3
        )
        draw.text_block(
            surface, theme, self.entry["text"], (card.x + 18, y + 18), card.w - 36, "heading"
        )
        pygame.draw.rect(surface, theme.colour("ink"), card, 2)
