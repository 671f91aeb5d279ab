"""The saves screen: every saved game, newest first, to load; a save that cannot be used
is reported here and the game stays in the menus, with nothing overwritten."""

from __future__ import annotations

import datetime
from functools import partial

import pygame

from game.play.saves import list_saves, saves_dir
from game.ui import draw, flow
from game.ui.app import App
from game.ui.screen import Screen

LINE = 110  # characters a save's line shows; its description is cut to fit its time
ROWS = 10


class SavesScreen(Screen):
    name = "saves"

    def __init__(self, app: App, back: Screen | None) -> None:
        super().__init__(app)
        self.back = back
        self.page = 0

    def build(self) -> None:
        w, h = self.app.window.get_size()
        saves = list_saves()
        shown = saves[self.page * ROWS : (self.page + 1) * ROWS]
        for i, info in enumerate(shown):
            when = datetime.datetime.fromtimestamp(info.saved_at).strftime("%Y-%m-%d %H:%M")
            self.button(
                pygame.Rect(40, 120 + i * 42, w - 80, 36),
                save_line(f"{info.name}: {info.label}", when),
                partial(flow.load_game, self.app, info.path),
            )
        y = h - 56
        if len(saves) > (self.page + 1) * ROWS:
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

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.page(surface, theme, "SAVED GAMES")
        w, _h = surface.get_size()
        surface.blit(
            theme.text(
                f"Saves are kept in {saves_dir()}. The game saves itself at every quarter "
                "and when you quit ('autosave').",
                "small",
            ),
            (40, 70),
        )
        if not list_saves():
            surface.blit(theme.text("No saved games yet.", "heading"), (40, 130))
        if self.app.message:
            box = pygame.Rect(40, 90, w - 80, 24)
            pygame.draw.rect(surface, theme.colour("ink"), box)
            surface.blit(
                theme.text(self.app.message, "small", theme.colour("paper")), (box.x + 6, box.y + 4)
            )


def save_line(description: str, when: str) -> str:
    """A save's line: its name and description, cut with an ellipsis so that the time it
    was saved always shows at the end."""
    tail = f" · {when}"
    room = LINE - len(tail)
    if len(description) > room:
        description = description[: room - 1] + "…"
    return description + tail
