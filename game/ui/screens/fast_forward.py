"""Fast-forward to the end: once every rival leader is out, the AI plays the remaining quarters
for every faction, under the rules, in a worker thread at instant speed, while this screen
shows how far it has come; then the game is saved and the end screen follows. Esc stops after
the quarter being played, and the humans plan again."""

from __future__ import annotations

import threading

import pygame

from game.play.match import Match
from game.ui import draw, flow
from game.ui.app import App
from game.ui.board_text import quarter_name
from game.ui.screen import Screen
from game.ui.worker import Worker


class FastForwardScreen(Screen):
    name = "fast_forward"

    def __init__(self, app: App, match: Match) -> None:
        super().__init__(app)
        self.match = match
        self.first = match.state.turn
        self.stop = threading.Event()
        self.worker: Worker[bool] = Worker(self._play)

    def _play(self) -> bool:
        self.match.fast_forward(self.stop.is_set)
        return True

    def build(self) -> None:
        w, h = self.app.window.get_size()
        self.button(
            pygame.Rect(w // 2 - 160, int(h * 0.7), 320, self.app.theme.row() + 14),
            "Stop and play on  [Esc]",
            self.stop.set,
            key=pygame.K_ESCAPE,
        )

    def closing(self) -> None:
        """Closed meanwhile: stop after the quarter being played, so the autosave holds it."""
        self.stop.set()
        self.worker.wait()

    def update(self, dt: float) -> None:
        if not self.worker.done:
            return
        self.worker.result()  # an error in the thread is raised here, in the window's
        self.app.autosave()
        if self.match.over:
            flow.end(self.app)
        else:
            self.app.playing_on = True
            flow.next_planner(self.app)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme, bold=True)
        spec = self.match.spec
        w, h = surface.get_size()
        turn = min(self.match.state.turn, spec.turns - 1)
        done = (self.match.state.turn - self.first) / max(spec.turns - self.first, 1)
        ink = theme.colour("ink")
        lines = [
            (theme.text("FAST-FORWARD", "title", ink, "poster"), 12),
            (theme.text(f"{quarter_name(spec.quarter_labels[turn])}", "heading", ink, "bold"), 8),
            (theme.text("The computer plays every faction by the rules.", "body", ink), 0),
        ]
        card = draw.text_card(surface, theme, lines, (w // 2, int(h * 0.22)), centre=True, pad=24)
        gauge = pygame.Rect(card.x, card.bottom + 24, card.w, 14)
        draw.card(surface, theme, gauge.inflate(12, 12))
        draw.bar(surface, theme, gauge, done, theme.colour("red"))
