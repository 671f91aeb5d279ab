"""A text box whose scroll bar always reaches the end of its text.

pygame_gui draws a scroll bar's slider at least 5 pixels high and maps the slider's top to the
text's top as a fraction of the track. When the text is many times the box's height (a
motion's forecast at 960×600 is ten times the details box), the 5-pixel floor stops the
slider short: the last lines ("Regions a rival may take before the vote: ...") could never be
scrolled into view. This box maps the slider's travel, from the top of the track to the lowest
place the slider can reach, onto the whole text instead."""

from __future__ import annotations

from typing import Any

import pygame_gui

# pygame_gui is untyped here: its classes are Any to mypy.
UITextBox: Any = pygame_gui.elements.UITextBox


class ScrollingTextBox(UITextBox):  # type: ignore[misc]
    """A ``UITextBox`` (same arguments) whose scroll bar, dragged, wheeled or set to its
    bottom, shows the text's last line."""

    def update(self, time_delta: float) -> None:
        bar = self.scroll_bar
        if bar is not None and bar.has_moved_recently and bar.sliding_button is not None:
            bar.start_percentage = reach(
                bar.scroll_position,
                bar.scrollable_height - bar.sliding_button.rect.height,
                bar.visible_percentage,
            )
        super().update(time_delta)


def reach(position: float, travel: float, visible: float) -> float:
    """The fraction of the text above the view for a slider ``position`` pixels down a
    travel of ``travel`` pixels, with ``visible`` of the text in view: 0 at the top, and
    1 - ``visible`` (the last line at the box's foot) at the slider's lowest place."""
    if travel <= 0:
        return 0.0
    return min(max(position / travel, 0.0), 1.0) * max(1.0 - visible, 0.0)
