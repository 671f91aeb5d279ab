"""The board's map at every window size the settings offer, at every text size: no
region's label covers a disc (with its ring) or another label."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.analysis.runs import load
from game.engine.state import initial_state
from game.ui import draw
from game.ui.board_layout import board_rects
from game.ui.map_view import RING, map_area, map_layout, short_name
from game.ui.theme import TEXT_SIZES, WINDOW_SIZES, Theme

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


@pytest.mark.parametrize("size", WINDOW_SIZES)
@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
def test_map_labels_cover_no_disc_and_no_label(size: tuple[int, int], text_size: str) -> None:
    pygame.init()
    spec = load(CAMPAIGN).spec
    state = initial_state(spec, 1, np.array([0]))
    theme = Theme("poster", text_size)
    line = theme.font("small").get_linesize()
    rect = board_rects(size, line, len(spec.offices))["map"]
    screen = pygame.Surface(size)
    area = map_area(theme, rect, draw.panel(screen, theme, rect, "The regions"))
    sizes = [theme.font("small", "bold").size(short_name(n)) for n in spec.region_names]
    discs, places = map_layout(spec, state, area, sizes)
    for i, place in enumerate(places):
        assert area.contains(place)
        for x, y, r in discs:
            near = (min(max(x, place.left), place.right), min(max(y, place.top), place.bottom))
            assert math.hypot(x - near[0], y - near[1]) >= r + RING - 1, spec.region_names[i]
        assert place.collidelist(places[:i]) == -1, spec.region_names[i]
