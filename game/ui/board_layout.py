"""Where each part of the board goes for a window size: the map, Politburo, Central Committee
and offices on the left, the factions and the news in the middle, the quarter's actions on
the right; and the parts of it the guided opening points at."""

from __future__ import annotations

import pygame

HEADER_H = 48


def board_rects(size: tuple[int, int], line: int, offices: int) -> dict[str, pygame.Rect]:
    """The board's panels for a window of ``size``; ``line`` is the height of a line of small
    text: the Politburo, Central Committee and offices panels (one line per office) take
    what their text needs and the map the rest of the left column."""
    w, h = size
    top = max(HEADER_H, 2 * line + 12)  # the tracks' two lines of small text, with larger text
    lw, mw = int(w * 0.40), int(w * 0.27)
    x1 = 8 + lw + 8
    x2 = x1 + mw + 8
    panel_h = min(92, (h - top) // 7) + max(0, line - 15) * 3
    politburo_h = 40 + 2 * line
    cc_h = 24 + 2 * line
    offices_h = (offices + 1) * (line + 1) + 12
    map_h = h - top - politburo_h - cc_h - offices_h - 26
    y_pb = top + map_h + 6
    y_cc = y_pb + politburo_h + 6
    y_off = y_cc + cc_h + 6
    y_news = top + 4 * (panel_h + 4) + 4
    return {
        "header": pygame.Rect(0, 0, w, top - 4),
        "map": pygame.Rect(8, top, lw, map_h),
        "politburo": pygame.Rect(8, y_pb, lw, politburo_h),
        "cc": pygame.Rect(8, y_cc, lw, cc_h),
        "offices": pygame.Rect(8, y_off, lw, h - y_off - 8),
        "factions": pygame.Rect(x1, top, mw, 4 * (panel_h + 4)),
        "news": pygame.Rect(x1, y_news, mw, h - y_news - 8),
        "actions": pygame.Rect(x2, top, w - x2 - 8, h - top - 8),
    }


def guide_anchors(r: dict[str, pygame.Rect], actions_h: int) -> dict[str, pygame.Rect]:
    """The parts of the board the guided opening points at: the panels, the action buttons
    (the top ``actions_h`` pixels of the actions panel), the tracks and the date."""
    w = r["header"].w
    return {
        **r,
        "actions": pygame.Rect(r["actions"].x, r["actions"].y, r["actions"].w, actions_h),
        "tracks": pygame.Rect(int(w * 0.3), 0, int(w * 0.5), r["header"].h),
        "header": pygame.Rect(0, 0, int(w * 0.3), r["header"].h),
    }
