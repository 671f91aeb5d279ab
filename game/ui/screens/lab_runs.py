"""The lab's runs, one row each: the run's index, and in each arm its winner and where it first
left history. Up/Down, PgUp/PgDn, Home/End or the mouse choose a run; Enter replays it as
the base scenario played it, O as the other did; D shows only the runs whose winner differs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.analysis.lab import RunRow
from game.ui import draw, flow
from game.ui.app import App
from game.ui.screen import Screen

if TYPE_CHECKING:
    from game.ui.screens.lab_results import LabResultsScreen

TOP = 104  # where the rows start, below the header and the column titles
MOVES = {pygame.K_UP: -1, pygame.K_DOWN: 1}


class LabRunsScreen(Screen):
    name = "lab_runs"
    arrow_focus = False  # arrows choose the run

    def __init__(self, app: App, results: LabResultsScreen) -> None:
        super().__init__(app)
        self.results = results
        self.differ_only = False
        self.chosen = 0  # position in the shown rows
        self.first = 0  # the first row shown

    @property
    def shown(self) -> list[RunRow]:
        rows = self.results.rows
        return [r for r in rows if r.winners[0] != r.winners[1]] if self.differ_only else rows

    def page(self) -> int:
        """How many rows fit."""
        _, h = self.app.window.get_size()
        return max(1, (h - TOP - 72) // self.app.theme.font("small").get_linesize())

    def build(self) -> None:
        w, h = self.app.window.get_size()
        any_row = bool(self.shown)
        items = [
            ("Replay in base  [Enter]", lambda: self._open(0), pygame.K_RETURN, any_row, "@poster"),
            ("Replay in other  [O]", lambda: self._open(1), pygame.K_o, any_row, None),
            (
                f"{'All runs' if self.differ_only else 'Only runs won by another'}  [D]",
                self._toggle,
                pygame.K_d,
                True,
                None,
            ),
            ("Back  [Esc]", lambda: self.app.go(self.results), pygame.K_ESCAPE, True, None),
        ]
        bw = (w - 48 - 24) // 4
        for i, (text, action, key, enabled, style) in enumerate(items):
            rect = pygame.Rect(24 + i * (bw + 8), h - 56, bw, 44)
            self.button(rect, text, action, key=key, enabled=enabled, object_id=style)

    def _open(self, arm: int) -> None:
        if self.shown:
            flow.replay(self.app, self.results.setup, arm, self.shown[self.chosen].index, self)

    def _toggle(self) -> None:
        self.differ_only = not self.differ_only
        self.chosen = self.first = 0
        self.rebuild()

    def choose(self, position: int) -> None:
        """Move the choice to ``position`` in the shown rows, scrolling to keep it in view."""
        count = len(self.shown)
        if not count:
            return
        self.chosen = min(max(position, 0), count - 1)
        page = self.page()
        self.first = min(max(self.first, self.chosen - page + 1), self.chosen)

    def on_event(self, event: pygame.event.Event) -> bool:
        page = self.page()
        if event.type == pygame.KEYDOWN:
            moves = {
                **MOVES,
                pygame.K_PAGEUP: -page,
                pygame.K_PAGEDOWN: page,
                pygame.K_HOME: -len(self.shown),
                pygame.K_END: len(self.shown),
            }
            if event.key in moves:
                self.choose(self.chosen + moves[event.key])
                return True
        elif event.type == pygame.MOUSEWHEEL:
            self.first = min(max(self.first - 3 * event.y, 0), max(len(self.shown) - page, 0))
            return True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            line = self.app.theme.font("small").get_linesize()
            row = (event.pos[1] - TOP) // line
            if event.pos[1] >= TOP and 0 <= row < page:
                self.choose(self.first + row)
                return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        w = surface.get_width()
        shown = self.shown
        title = f"THE LAB: {len(shown):,} RUNS" + (" WON BY ANOTHER" if self.differ_only else "")
        draw.page(surface, theme, title, 52)
        line = theme.font("small").get_linesize()
        columns = self._columns(w)
        heads = ("run", "base: winner", "first left history", "other: winner", "first left history")
        for x, head in zip(columns, heads, strict=True):
            surface.blit(
                theme.text(head, "small", theme.colour("muted"), "bold"), (x, TOP - line - 6)
            )
        for i, row in enumerate(shown[self.first : self.first + self.page()]):
            y = TOP + i * line
            if self.first + i == self.chosen:
                pygame.draw.rect(surface, theme.colour("accent"), (16, y, w - 32, line))
            cells = (
                str(row.index),
                row.winners[0],
                row.divergences[0],
                row.winners[1],
                row.divergences[1],
            )
            for c, (x, cell) in enumerate(zip(columns, cells, strict=True)):
                width = (columns[c + 1] if c + 1 < len(columns) else w - 24) - x - 8
                surface.blit(self._fit(cell, width), (x, y))
        if not shown:
            surface.blit(theme.text("No run was won by another faction.", "body"), (24, TOP))

    def _columns(self, w: int) -> tuple[int, ...]:
        rest = (w - 24 - 80) // 4
        return (24, 104, 104 + int(rest * 0.8), 104 + 2 * rest, 104 + int(rest * 2.8))

    def _fit(self, text: str, width: int) -> pygame.Surface:
        """The cell's text, shortened with an ellipsis to fit ``width``."""
        font = self.app.theme.font("small")
        while len(text) > 1 and font.size(text)[0] > width:
            text = text[:-2] + "…"
        return self.app.theme.text(text, "small")
