"""The board's list of options for the chosen kind of action, as widgets: a page of rows (or
of motion groups), the back row of an open group, and the controls under the list (pages,
the filter, the options not allowed now). It keeps what the list shows — kind, open group,
page, filter, whether options not allowed are shown — across the board's rebuilds; the board
keeps which option is chosen.

Keys: PgUp / PgDn turn the page, / or Ctrl+F give the keyboard to the filter (the board's
letter keys then type into it; Enter, Down or Tab give it back, on the first row, Esc where
it was), A shows or hides the options not allowed now, Backspace closes an open group."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.play.match import Match
from game.ui import draw, option_list
from game.ui.option_list import Row
from game.ui.option_panel import ListLayout, list_layout

if TYPE_CHECKING:
    from game.ui.screens.board import BoardScreen


class OptionBrowser:
    """The list of one player's board (``faction``), built into the board's widgets."""

    def __init__(self, board: BoardScreen, match: Match, faction: int) -> None:
        self.board = board
        self.match = match
        self.faction = faction
        self.category = "campaign"
        self.group: str | None = None  # the motion group open, if any
        self.page = 0
        self.query = ""
        self.show_all = False
        self.focus_group: str | None = None  # the group row to focus (the one last opened)
        self.per_page = 1  # rows on a page, as last laid out
        self.option_at: dict[int, int] = {}  # entry index -> the option its button plans
        self.group_at: dict[int, str] = {}  # entry index -> the group its button opens
        self.field: pygame_gui.elements.UITextEntryLine | None = None

    def rows(self) -> list[Row]:
        legal = self.match.legal(self.faction)
        spec, turn = self.match.spec, self.match.state.turn
        return option_list.rows(
            spec, turn, self.category, legal, self.query, self.show_all, self.group
        )

    def hidden(self) -> int:
        """How many of the kind's options (matching the filter) are not allowed now."""
        legal = self.match.legal(self.faction)
        spec = self.match.spec
        every = option_list.visible(spec, self.category, legal, self.query, True)
        return sum(1 for a in every if not legal[a])

    # --- widgets --------------------------------------------------------------------------

    def build(self, rect: pygame.Rect, y: int, selected: int | None) -> int:
        """One page of the list under ``y`` and its controls; the chosen option's (or else
        the last opened group's) button takes the focus; returns the y under the controls."""
        self.option_at, self.group_at = {}, {}
        rows = self.rows()
        toggle = "✕ hide  [A]" if self.show_all else f"✕ {self.hidden()}  [A]"
        layout = list_layout(
            self.board.app.theme, rect, y, len(rows), self.group is not None, toggle
        )
        self.per_page = layout.per_page
        pages = max(1, -(-len(rows) // layout.per_page))
        self.page = min(self.page, pages - 1)
        if layout.back is not None and self.group is not None:
            name = option_list.group_name(self.match.spec, self.group)
            self.board.button(
                layout.back,
                f"◂ {name}  [Backspace]",
                self.close_group,
                key=pygame.K_BACKSPACE,
            )  # no tooltip: it would stand over the group's first rows, under the pointer
        first = self.page * layout.per_page
        for cell, row in zip(layout.cells, rows[first : first + layout.per_page], strict=False):
            self._row_button(cell, row, selected)
        if not rows:
            self._empty(layout.cells[0])
        self._controls(layout, pages, toggle)
        return layout.bottom

    def _row_button(self, cell: pygame.Rect, row: Row, selected: int | None) -> None:
        """A row's button: its label cut to fit, keeping its suffix (the body that would
        vote) where that leaves the label half the button, else moving it to the tooltip."""
        theme = self.board.app.theme
        suffix, tooltip = row.suffix, row.tooltip
        room = cell.w - 16 - theme.font("body", "bold").size(suffix)[0]
        if suffix and room < cell.w // 2:
            suffix, tooltip, room = "", f"{tooltip} ({row.suffix.strip(' ·')})", cell.w - 16
        mark = "" if row.legal else "✕ "
        label = draw.fit(theme, mark + row.label, room) + suffix
        if label != mark + row.label + suffix and row.label not in tooltip:
            tooltip = f"{row.label}: {tooltip}"  # cut: the tooltip says the label whole
        board = self.board
        if row.action is not None:
            press = partial(board.plan_now, row.action) if row.legal else None
            button = board.button(
                cell, label, partial(board.select, row.action), tooltip=tooltip, press=press
            )
            self.option_at[len(board.entries) - 1] = row.action
            if row.action == selected:  # marked in red, also once the focus is on Plan it
                button.select()
                board.focus_on(button)
        else:
            assert row.group is not None
            button = board.button(cell, label, partial(self.open, row.group), tooltip=tooltip)
            self.group_at[len(board.entries) - 1] = row.group
            if row.group == self.focus_group and selected is None:
                board.focus_on(button)

    def _empty(self, cell: pygame.Rect) -> None:
        text = "No match for the filter" if self.query else "Nothing allowed now: A shows why"
        label = draw.fit(self.board.app.theme, text, cell.w - 16)
        self.board.button(cell, label, lambda: None, tooltip=text, enabled=False)

    def _controls(self, layout: ListLayout, pages: int, toggle: str) -> None:
        board = self.board
        turn = partial(self.turn_page, -1), partial(self.turn_page, 1)
        board.button(
            layout.previous,
            f"◂ {self.page + 1}/{pages}",
            turn[0],
            key=pygame.K_PAGEUP,
            enabled=pages > 1,
            focusable=False,
            tooltip="The previous page [PgUp]",
        )
        self.field = board.text_field("filter", layout.search, self.query, "filter  [/]")
        self.field.set_forbidden_characters(["/"])  # the key that opens it types nothing
        if self.field.get_text() != self.query:  # another kind chosen: the filter is cleared
            self.field.set_text(self.query)
        board.button(
            layout.toggle,
            toggle,
            self.toggle_all,
            key=pygame.K_a,
            focusable=False,
            tooltip="Show or hide the options not allowed now; choose one to see why.",
        )
        board.button(
            layout.following,
            "▸",
            turn[1],
            key=pygame.K_PAGEDOWN,
            enabled=pages > 1,
            focusable=False,
            tooltip="The next page [PgDn]",
        )

    # --- what the list shows --------------------------------------------------------------

    def pick(self, category: str) -> int | None:
        """Show a kind's list from its start (no group open, no filter); the option to
        choose: its first, unless its rows are groups."""
        self.category, self.page, self.group, self.query = category, 0, None, ""
        self.show_all = False
        rows = self.rows()
        self.focus_group = rows[0].group if rows else None
        return rows[0].action if rows else None

    def open(self, group: str) -> None:
        """Open a group of motions: its first motion is chosen and focused."""
        self.group, self.focus_group, self.page = group, group, 0
        rows = self.rows()
        self.board.select(rows[0].action if rows else None, focus_plan=False)

    def close_group(self) -> None:
        """Back to the groups, on the page of the group that was open, focused."""
        if self.group is None:
            return
        self.group = None
        groups = [row.group for row in self.rows()]
        at = groups.index(self.focus_group) if self.focus_group in groups else 0
        self.page = at // max(self.per_page, 1)
        self.board.select(None)

    def turn_page(self, step: int) -> None:
        """The next or previous page: the row in the focused row's place on the new page is
        chosen (an option) or focused (a group), so the details describe what Enter does."""
        rows = sorted({**self.option_at, **self.group_at})
        at = rows.index(self.board.focus) if self.board.focus in rows else 0
        self.page = max(0, self.page + step)
        self.board.rebuild()
        shown = sorted({**self.option_at, **self.group_at})
        if not shown:
            return
        entry = shown[min(at, len(shown) - 1)]
        if entry in self.option_at:
            self.board.select(self.option_at[entry], focus_plan=False)
        else:
            self.focus_group = self.group_at[entry]
            self.board.select(None)

    def toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.board.rebuild()

    def set_query(self, text: str) -> None:
        """The filter changed: the first matching option is chosen (the field keeps the
        keyboard through the board's rebuild)."""
        self.query, self.page = text, 0
        rows = self.rows()
        chosen = rows[0].action if rows else None
        self.focus_group = rows[0].group if rows else None
        self.board.select(chosen, focus_plan=False)

    def open_filter(self) -> None:
        if self.field is not None:
            self.board.type_into(self.field)

    def leave_filter(self) -> None:
        """Give the keyboard back to the list, on its first row."""
        self.board.stop_typing()
        first = sorted({**self.option_at, **self.group_at})
        if first:
            self.board.focus = first[0]
            self.board.focus_moved()


def filter_keys(event: pygame.event.Event) -> bool:
    """/ or Ctrl+F: the keys that give the keyboard to the filter."""
    ctrl_f = event.key == pygame.K_f and event.mod & pygame.KMOD_CTRL
    return event.key in (pygame.K_SLASH, pygame.K_KP_DIVIDE) or bool(ctrl_f)
