"""Where the board's list of options goes in the actions panel: as many rows as leave room
for the details, and no more than the list needs (a short list leaves its rows to the
details); one column, or two when the list is longer than a page of one (its labels cut with
an ellipsis, the full text in each button's tooltip); a row for going back when a group is
open; and under the list a row of controls: the previous page (with the page number), the
filter, showing the options not allowed now, the next page."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.theme import Theme

MIN_ROWS, MAX_ROWS = 3, 7
DETAILS_ROWS = 8  # the room the details box keeps under the list, in rows


@dataclass(frozen=True)
class ListLayout:
    """The list's cells (every cell of one page, in reading order), the back row if any, the
    controls row's parts and the y where the details begin."""

    cells: list[pygame.Rect]
    back: pygame.Rect | None
    previous: pygame.Rect
    search: pygame.Rect
    toggle: pygame.Rect
    following: pygame.Rect
    bottom: int

    @property
    def per_page(self) -> int:
        return len(self.cells)


def list_layout(
    theme: Theme, rect: pygame.Rect, y: int, count: int, back: bool, toggle_label: str
) -> ListLayout:
    """The layout of a list of ``count`` rows under ``y`` in the panel ``rect`` (with a back
    row first when ``back``)."""
    row = theme.row()
    lines = max(MIN_ROWS, min(MAX_ROWS, (rect.bottom - y - DETAILS_ROWS * row) // row))
    x, width = rect.x + 6, rect.w - 12
    back_rect = pygame.Rect(x, y, width, row - 2) if back else None
    top = y + (row if back else 0)
    lines -= 1 if back else 0
    cols = 1 if count <= lines else 2
    lines = min(lines, -(-max(count, 1) // cols))  # a short list leaves its rows to the details
    cell_w = (width - 4 * (cols - 1)) // cols
    cells = [
        pygame.Rect(x + c * (cell_w + 4), top + r * row, cell_w, row - 2)
        for r in range(lines)
        for c in range(cols)
    ]
    controls = top + lines * row
    font = theme.font("body", "bold")
    previous = font.size("◂ 8/8")[0] + 16
    following = font.size("▸")[0] + 16
    toggle = font.size(toggle_label)[0] + 16
    height = row - 3
    search = width - previous - following - toggle - 12
    return ListLayout(
        cells,
        back_rect,
        pygame.Rect(x, controls, previous, height),
        pygame.Rect(x + previous + 4, controls, search, height),
        pygame.Rect(x + width - following - toggle - 4, controls, toggle, height),
        pygame.Rect(x + width - following, controls, following, height),
        controls + row + 2,
    )
