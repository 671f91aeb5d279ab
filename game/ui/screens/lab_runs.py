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
from game.ui.theme import Colour

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
        """How many rows fit above the buttons."""
        return max(1, (self.foot - 8 - TOP) // self.app.theme.font("small").get_linesize())

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
        rects = self.foot_rects(pygame.Rect(24, 0, w - 48, h - 12), [text for text, *_ in items])
        for rect, (text, action, key, enabled, style) in zip(rects, items, strict=True):
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
        heads = ("run", "base: winner", "first left history", "other: winner", "first left history")
        self.zones = []
        self._cells(surface, TOP - line - 6, heads, theme.colour("muted"), "bold")
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
            self._cells(surface, y, cells)
        if not shown:
            surface.blit(theme.text("No run was won by another faction.", "body"), (24, TOP))

    def _cells(
        self,
        surface: pygame.Surface,
        y: int,
        cells: tuple[str, ...],
        colour: Colour | None = None,
        face: str = "regular",
    ) -> None:
        """A row's cells in their columns, each cut to its column (whole in its tooltip)."""
        theme = self.app.theme
        columns = self._columns(surface.get_width())
        for c, (x, cell) in enumerate(zip(columns, cells, strict=True)):
            width = (columns[c + 1] if c + 1 < len(columns) else surface.get_width() - 24) - x - 8
            text = draw.fit(theme, cell, width, "small", face)
            drawn = surface.blit(theme.text(text, "small", colour, face), (x, y))
            if text != cell:
                self.zone(drawn, cell)

    def _columns(self, w: int) -> tuple[int, ...]:
        rest = (w - 24 - 80) // 4
        return (24, 104, 104 + int(rest * 0.8), 104 + 2 * rest, 104 + int(rest * 2.8))
