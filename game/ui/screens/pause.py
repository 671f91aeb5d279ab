"""The game menu, over a game in progress: back to the board, save, load, settings, help,
or leave for the title screen (the game is autosaved; if it is in no save made under a name,
the menu asks first)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.play.match import Match
from game.ui import draw, flow
from game.ui.app import App
from game.ui.board_text import quarter_name
from game.ui.screen import Screen
from game.ui.screens.confirm import Choice, ConfirmScreen


class PauseScreen(Screen):
    name = "pause"
    shows_message = True

    def __init__(self, app: App, board: Screen) -> None:
        super().__init__(app)
        self.board = board

    def build(self) -> None:
        w, h = self.app.window.get_size()
        bw, bh = int(320 * self.app.theme.scale), self.app.theme.row() + 14
        x, y = w // 2 - bw // 2, int(h * 0.3)
        items = [
            ("Back to the game  [Esc]", lambda: self.app.go(self.board), pygame.K_ESCAPE),
            ("Save the game  [S]", self._save_as, pygame.K_s),
            ("Load a game  [L]", lambda: flow.saves(self.app), pygame.K_l),
            ("Settings  [O]", lambda: flow.settings(self.app), pygame.K_o),
            ("Help  [F1]", lambda: flow.help(self.app), pygame.K_F1),
            ("Leave to the title  [Q]", self._leave, pygame.K_q),
        ]
        for i, (text, action, key) in enumerate(items):
            self.button(pygame.Rect(x, y + i * (bh + 10), bw, bh), text, action, key=key)

    def _save_as(self, then: Callable[[], None] | None = None) -> None:
        """Save under a name the player types; then back here, or ``then``."""
        from game.ui.screens.save_as import SaveAsScreen

        self.app.go(SaveAsScreen(self.app, self, then))

    def _leave(self) -> None:
        """Leave for the title, asking first if the game is in no save made under a name."""
        match = self.app.match
        if match is None or not match.unsaved:
            self._go_to_title()
            return
        lost = (
            " The actions planned this quarter are not saved." if any(match.plans.values()) else ""
        )
        self.app.go(
            ConfirmScreen(
                self.app,
                "LEAVE AN UNSAVED GAME?",
                _unsaved_text(match) + lost,
                [
                    Choice("Save and leave  [S]", pygame.K_s, self._save_and_leave),
                    Choice("Leave  [L]", pygame.K_l, self._go_to_title),
                    Choice("Stay  [Esc]", pygame.K_ESCAPE, lambda: self.app.go(self)),
                ],
            )
        )

    def _save_and_leave(self) -> None:
        self._save_as(then=self._go_to_title)

    def _go_to_title(self) -> None:
        self.app.autosave()
        flow.title(self.app)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme, bold=True)
        w, h = surface.get_size()
        ink = theme.colour("ink")
        lines = [(theme.text("THE GAME IS PAUSED", "title", ink, "poster"), 8)]
        if self.app.match is not None:
            seed = self.app.match.setup.seed
            dice = (
                f"Dice: seed {seed} (the same seed on the new-game screen gives the same chances)"
            )
            lines.append((theme.text(dice, "small", ink), 4))
        if self.app.message:
            lines.append((theme.text(self.app.message, "small", ink), 0))
        draw.text_card(surface, theme, lines, (w // 2, int(h * 0.12)), centre=True)


def _unsaved_text(match: Match) -> str:
    """What of the game only the autosave holds: all of it, or the quarters since its save."""
    autosave = "only in the autosave, which starting another game would replace (after asking)."
    if match.kept is None:
        return f"This game is in no save of its own: leaving keeps it {autosave}"
    if match.kept < len(match.history):
        since = quarter_name(match.spec.quarter_labels[match.kept]).lower()
        return f"The quarters played since this game was saved ({since}) are kept {autosave}"
    return "This game's save holds every quarter played."
