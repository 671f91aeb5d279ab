"""Where each part of the board goes for a window size: the map, Politburo, Central Committee
and offices on the left, the factions and the news in the middle, the quarter's actions on
the right; and the parts of it the guided opening points at. Heights follow the text size:
the header holds the tracks' two lines, the Politburo two lines of names, the offices one
line each, and each faction's panel the lines its counts need."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme

HEADER_H = 48
LEFT, MIDDLE = 0.37, 0.29  # the left and middle columns' shares of the width; the actions the rest
MAP_LINES = (
    14  # the map's least height, in lines of small text, before the offices take two columns
)


def header_height(theme: Theme) -> int:
    """The header's height: the tracks' two lines of small text, at least 48 pixels."""
    return max(HEADER_H, 2 * theme.font("small").get_linesize() + 12)


def faction_height(theme: Theme, count_lines: int) -> int:
    """A faction panel's height: its head, its gauges and ``count_lines`` lines of counts."""
    small = theme.font("small").get_linesize()
    return 3 + head_height(theme) + 1 + small + 9 + count_lines * small + 4


def head_height(theme: Theme) -> int:
    """A faction panel's first line: its name, and its influence in poster type."""
    return max(theme.font("body").get_linesize(), theme.font("body", "poster").get_height())


def board_rects(
    size: tuple[int, int], theme: Theme, offices: int, count_lines: int = 2
) -> dict[str, pygame.Rect]:
    """The board's panels for a window of ``size``: the Politburo, Central Committee and
    offices panels (one line per office, or two columns where the map would be too small)
    take what their text needs and the map the rest of the left column; the factions'
    panels what their ``count_lines`` need (at least a seventh of the height each) and the
    news the rest of the middle column."""
    w, h = size
    line = theme.font("small").get_linesize()
    top = header_height(theme)
    lw, mw = int(w * LEFT), int(w * MIDDLE)
    x1 = 8 + lw + 8
    x2 = x1 + mw + 8
    panel_h = max(min(92, (h - top) // 7), faction_height(theme, count_lines))
    politburo_h = 40 + 3 * line  # the title, the discs and two lines of names (staggered)
    cc_h = 24 + 2 * line
    rest = h - top - politburo_h - cc_h - 26  # the map's and the offices' height
    offices_h = (offices + 1) * (line + 1) + 12
    if rest - offices_h < MAP_LINES * line:  # a short window: the offices in two columns
        offices_h = (-(-offices // 2) + 1) * (line + 1) + 12
    map_h = rest - offices_h
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
