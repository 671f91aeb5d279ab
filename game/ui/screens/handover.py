"""The hand-over screen between two human players at one machine: it hides the board, and
so the previous player's plans, until the next player is ready."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.play.match import Match
from game.ui import draw
from game.ui.app import App
from game.ui.board_text import quarter_name
from game.ui.screen import Screen


class HandoverScreen(Screen):
    name = "handover"

    def __init__(self, app: App, match: Match, faction: int, then: Callable[[], None]) -> None:
        super().__init__(app)
        self.match = match
        self.faction = faction
        self.then = then

    def build(self) -> None:
        w, h = self.app.window.get_size()
        self.button(
            pygame.Rect(w // 2 - 150, int(h * 0.62), 300, self.app.theme.row() + 18),
            "I am ready  [Enter]",
            self.then,
            key=pygame.K_RETURN,
            object_id="@poster",
        )

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme, bold=True)
        spec = self.match.spec
        w, h = surface.get_size()
        name = spec.faction_names[self.faction]
        leader = spec.figure_names[int(spec.faction_leader[self.faction])]
        quarter = quarter_name(spec.quarter_labels[min(self.match.state.turn, spec.turns - 1)])
        ink = theme.colour("ink")
        lines = [
            (theme.text("PASS THE MACHINE", "title", ink, "poster"), 24),
            (theme.text(f"to the player of {name} ({leader})", "heading", ink, "bold"), 16),
            (theme.text(f"{quarter}: the other players look away while you plan.", "body", ink), 0),
        ]
        draw.text_card(surface, theme, lines, (w // 2, int(h * 0.26)), centre=True, pad=24)
