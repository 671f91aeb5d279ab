"""A mend for pygame_gui 0.6.14's text layout: a line break (``<br>``) is laid out as a box
4 pixels wide, and where a row of text ends within 4 pixels of the text box's right edge that
box does not fit, so the layout gives it a row of its own and an empty line shows in the news
(seen in a played campaign at large text). A break has no width to show: here it is narrowed
to the room left on its row before it is laid out, so it always ends the row it follows."""

from __future__ import annotations

from typing import Any

from pygame_gui.core.text.line_break_layout_rect import LineBreakLayoutRect
from pygame_gui.core.text.text_box_layout import TextBoxLayout

_original = TextBoxLayout._handle_line_break_rect


def _fitted_line_break(layout: TextBoxLayout, row: Any, line_break: LineBreakLayoutRect) -> Any:
    """Lay out ``line_break`` no wider than the room left on ``row``."""
    room = layout.layout_rect.right - line_break.left
    if 0 <= room < line_break.width:
        line_break.width = room
    return _original(layout, row, line_break)


def mend_line_breaks() -> None:
    """Install the mend (once; installing it again changes nothing)."""
    TextBoxLayout._handle_line_break_rect = _fitted_line_break  # type: ignore[method-assign]
