"""No empty line in a text box where a row of text ends just short of the box's edge: a played
campaign at large text showed one after some news items (pygame_gui laid the 4-pixel line
break on a row of its own; ``game.ui.line_breaks`` mends it). Rows of narrow letters of every
length across the box's width, each followed by a line break, must leave no empty row."""

from __future__ import annotations

import pygame
import pygame_gui

from .conftest import Driver


def _text(row: object) -> str:
    return "".join(getattr(item, "text", "") for item in getattr(row, "items", []))


def test_a_line_break_never_makes_an_empty_row(driver: Driver) -> None:
    box = pygame_gui.elements.UITextBox("", pygame.Rect(0, 0, 300, 200), driver.app.manager)
    lengths = []
    for n in range(40, 160):
        box.set_text("i" * n + "<br>next")
        rows = box.text_box_layout.layout_rows
        lengths.append(len(rows))
        assert all(_text(row).strip() for row in rows), f"an empty row after {n} letters"
    assert max(lengths) > 2, "the letters wrapped across the box's edge, as the test means"
