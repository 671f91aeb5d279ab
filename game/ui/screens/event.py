"""An event card: its title, its date and what happened, in our own words; what it changed,
in plain words from the scenario's effects; and when the scenario lets it happen. The card is
as high as its text. The scenario's events offer no choices, so the card has one way on."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pygame

from game.engine.event_text import effect_lines
from game.play.dates import day_name
from game.play.match import Match
from game.ui import draw
from game.ui.app import App
from game.ui.board_text import quarter_name
from game.ui.screen import Screen
from game.ui.theme import Colour

BAND_H = 70


def event_date(label: str, day: int) -> str:
    """The calendar date of day ``day`` of quarter ``label`` ('1922Q2', 55 -> '26 May 1922')."""
    year, q = label.split("Q")
    start = datetime.date(int(year), 3 * (int(q) - 1) + 1, 1)
    return day_name(start + datetime.timedelta(days=day))


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
        self.event = next((e for e in match.spec.events if e.id == entry["id"]), None)

    def build(self) -> None:
        card, high = self.card(), self.app.theme.row() + 16
        self.button(
            pygame.Rect(card.centerx - 120, card.bottom - high - 18, 240, high),
            "Continue  [Enter]",
            self.then,
            key=pygame.K_RETURN,
            object_id="@poster",
        )

    def width(self) -> int:
        w = self.app.window.get_width()
        return 2 * min(int(340 * self.app.theme.scale), w // 3)

    def card(self) -> pygame.Rect:
        """The card, as high as its text needs (centred; at most the window's height)."""
        w, h = self.app.window.get_size()
        body = sum(image.get_height() + gap for image, gap in self.lines(self.width() - 36))
        height = min(BAND_H + 16 + body + self.app.theme.row() + 60, h - 40)
        return pygame.Rect(w // 2 - self.width() // 2, (h - height) // 2, self.width(), height)

    def date(self) -> str:
        day = self.event.day if self.event is not None else 45
        return event_date(self.match.spec.quarter_labels[self.turn], day)

    def window(self) -> str:
        """When the event could happen, from the scenario's window."""
        if self.event is None:
            return ""
        labels = self.match.spec.quarter_labels
        first = quarter_name(labels[self.event.first_turn])
        last = quarter_name(labels[min(self.event.last_turn, len(labels) - 1)])
        if first == last:
            return f"The scenario dates it to {first.lower()}."
        return f"The scenario lets it happen from {first.lower()} to {last.lower()}."

    def lines(self, width: int) -> list[tuple[pygame.Surface, int]]:
        """The card's text under its band, each line with the gap below it: the title, what
        happened, what it changed (from the scenario's effects) and when it could happen."""
        theme = self.app.theme
        muted = theme.colour("muted")

        def para(
            text: str, role: str, face: str = "regular", colour: Colour | None = None
        ) -> list[tuple[pygame.Surface, int]]:
            wrapped = draw.wrap(theme, text, width, role, face)
            return [(theme.text(line, role, colour, face), 2) for line in wrapped]

        rule = pygame.Surface((width, 3))
        rule.fill(theme.colour("red"))
        out = para(self.entry["title"].upper(), "title", "poster")
        out[-1] = (out[-1][0], 6)
        out.append((rule, 10))
        out += para(self.entry["text"], "heading")
        event, names = self.event, self.match.names_after(self.turn)
        changes = effect_lines(self.match.spec, event, names) if event is not None else []
        if changes:
            out[-1] = (out[-1][0], 14)
            out.append((theme.text("WHAT IT CHANGED", "small", theme.colour("red"), "poster"), 4))
            for change in changes:
                out += para(f"• {change}", "body")
        if self.window():
            out[-1] = (out[-1][0], 12)
            out += para(self.window(), "small", colour=muted)
        return out

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme, bold=True)
        card = self.card()
        draw.card(surface, theme, card)
        self._band(surface, pygame.Rect(card.x, card.y, card.w, BAND_H))
        y = card.y + BAND_H + 16
        for image, gap in self.lines(card.w - 36):
            surface.blit(image, (card.x + 18, y))
            y += image.get_height() + gap
        pygame.draw.rect(surface, theme.colour("ink"), card, 2)

    def _band(self, surface: pygame.Surface, band: pygame.Rect) -> None:
        """The card's red band: the word EVENT and the date, and a black wedge."""
        theme = self.app.theme
        pygame.draw.rect(surface, theme.colour("red"), band)
        wedge = [
            (band.right - 90, band.bottom),
            (band.right - 40, band.y),
            (band.right, band.y),
            (band.right, band.bottom),
        ]
        pygame.draw.polygon(surface, theme.colour("ink"), wedge)
        on_red = theme.on(theme.colour("red"))
        surface.blit(theme.text("EVENT", "small", on_red, "poster"), (band.x + 18, band.y + 8))
        surface.blit(theme.text(self.date(), "body", on_red, "bold"), (band.x + 18, band.y + 40))
