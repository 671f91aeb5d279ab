"""The saves screen: every saved game, newest first, to load; a save that cannot be used
is reported here and the game stays in the menus, with nothing overwritten."""

from __future__ import annotations

import datetime
from functools import partial

import pygame

from game.play.saves import list_saves, saves_dir
from game.ui import draw, flow
from game.ui.app import App
from game.ui.report_status import path_lines
from game.ui.screen import Screen
from game.ui.theme import Theme

ROW_H = 42  # a save's row, with the gap below it


class SavesScreen(Screen):
    name = "saves"
    shows_message = True

    def __init__(self, app: App, back: Screen | None) -> None:
        super().__init__(app)
        self.back = back
        self.page = 0

    def build(self) -> None:
        w, h = self.app.window.get_size()
        saves = list_saves()
        top = self.list_top()
        rows = max(1, (h - 64 - top) // ROW_H)  # as many as fit above the buttons
        shown = saves[self.page * rows : (self.page + 1) * rows]
        for i, info in enumerate(shown):
            when = datetime.datetime.fromtimestamp(info.saved_at).strftime("%Y-%m-%d %H:%M")
            description = f"{info.name}: {info.label}"
            self.button(
                pygame.Rect(40, top + i * ROW_H, w - 80, 36),
                save_line(self.app.theme, description, when, w - 80 - 16),
                partial(flow.load_game, self.app, info.path),
                tooltip=f"{description} · saved {when}. Enter or a click loads it.",
            )
        y = h - 56
        if len(saves) > (self.page + 1) * rows:
            self.button(
                pygame.Rect(40, y, 160, 40),
                "More [PgDn]",
                lambda: self._page(1),
                key=pygame.K_PAGEDOWN,
            )
        if self.page:
            self.button(
                pygame.Rect(210, y, 160, 40),
                "Back [PgUp]",
                lambda: self._page(-1),
                key=pygame.K_PAGEUP,
            )
        self.button(
            pygame.Rect(w - 220, y, 180, 40),
            "Back  [Esc]",
            lambda: flow.back_to(self.app, self.back),
            key=pygame.K_ESCAPE,
        )

    def _page(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self.rebuild()

    def _notes(self) -> tuple[list[str], list[str]]:
        """Where the saves are kept, and the last screen's message, as lines of small text
        (a long folder name broken after its separators)."""
        w = self.app.window.get_width() - 80
        font = self.app.theme.font("small")
        where = path_lines(font, f"Saves are kept in {saves_dir()}.", w) + draw.wrap(
            self.app.theme,
            "The game saves itself at every quarter and when you quit ('autosave').",
            w,
            "small",
        )
        message = (
            draw.wrap(self.app.theme, self.app.message, w - 12, "small") if self.app.message else []
        )
        return where, message

    def list_top(self) -> int:
        """The y of the first save's row, under the notes."""
        where, message = self._notes()
        line = self.app.theme.font("small").get_linesize()
        return 70 + line * (len(where) + len(message)) + (16 if message else 0) + 24

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.page(surface, theme, "SAVED GAMES")
        w, _h = surface.get_size()
        line = theme.font("small").get_linesize()
        where, message = self._notes()
        y = 70
        for text in where:
            surface.blit(theme.text(text, "small"), (40, y))
            y += line
        if message:
            box = pygame.Rect(40, y + 4, w - 80, line * len(message) + 8)
            pygame.draw.rect(surface, theme.colour("ink"), box)
            for i, text in enumerate(message):
                surface.blit(
                    theme.text(text, "small", theme.colour("paper")),
                    (box.x + 6, box.y + 4 + i * line),
                )
        if not list_saves():
            surface.blit(theme.text("No saved games yet.", "heading"), (40, self.list_top()))


def save_line(theme: Theme, description: str, when: str, width: int) -> str:
    """A save's line no wider than ``width`` on its button: its name and description, cut
    with an ellipsis so that the time it was saved always shows at the end."""
    tail = f" · {when}"
    room = width - theme.font("body", "bold").size(tail)[0]
    return draw.fit(theme, description, room) + tail
