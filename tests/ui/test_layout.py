"""At every window size the settings offer (and the least, 960×600) and every text size: no
region's label on the board's map covers a disc (with its ring), touches another label or lies
nearer another region's disc than its own; the text grows with the window;
and on the title, the game menu and the board every button is inside the window, apart from
the others, and wide enough for its label."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.analysis.runs import load
from game.engine.state import initial_state
from game.play.match import Setup
from game.play.settings import Settings
from game.ui import App, Options, draw, flow
from game.ui.app import SMALLEST
from game.ui.board_layout import board_rects
from game.ui.map_view import LABEL_GAP, RING, map_area, map_layout, nearest_disc, short_name
from game.ui.screens.pause import PauseScreen
from game.ui.theme import MAX_GROWTH, TEXT_SIZES, WINDOW_SIZES, Theme

from .conftest import SHORT

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


@pytest.mark.parametrize("size", [SMALLEST, *WINDOW_SIZES])
@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
def test_map_labels_cover_no_disc_and_no_label(size: tuple[int, int], text_size: str) -> None:
    pygame.init()
    spec = load(CAMPAIGN).spec
    state = initial_state(spec, 1, np.array([0]))
    theme = Theme("poster", text_size, size[1])
    rect = board_rects(size, theme, len(spec.offices))["map"]
    screen = pygame.Surface(size)
    area = map_area(theme, rect, draw.panel(screen, theme, rect, "The regions"))
    sizes = [theme.font("small", "bold").size(short_name(n)) for n in spec.region_names]
    discs, places = map_layout(spec, state, area, sizes)
    for i, place in enumerate(places):
        assert area.contains(place)
        for x, y, r in discs:
            near = (min(max(x, place.left), place.right), min(max(y, place.top), place.bottom))
            assert math.hypot(x - near[0], y - near[1]) >= r + RING - 1, spec.region_names[i]
        assert place.inflate(2 * LABEL_GAP, 0).collidelist(places[:i]) == -1, spec.region_names[i]
        assert nearest_disc(place, discs) == i, spec.region_names[i]


@pytest.mark.parametrize("size", WINDOW_SIZES)
@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
def test_text_grows_with_the_window_and_every_label_fits_its_button(
    size: tuple[int, int], text_size: str, data_dir: Path
) -> None:
    """At each window and text size: the text is larger in a taller window (bounded), and
    on the title, game menu and board every button lies inside the window, overlaps no
    other, and its label fits it."""
    width, height = size
    settings = Settings(ai_speed="instant", width=width, height=height, text_size=text_size)
    app = App(Options(SHORT), settings)
    small = Theme("poster", text_size)
    assert app.theme.size("body") >= small.size("body") * min(height / 720, MAX_GROWTH) - 1
    assert app.theme.size("body") <= small.size("body") * MAX_GROWTH + 1
    flow.start(app, Setup(SHORT, ("stalin",), guided=False))
    board = app.screen
    assert board is not None
    font = app.theme.font("body", "bold")
    window = pygame.Rect((0, 0), size)
    for screen in (None, PauseScreen(app, board), board):
        if screen is None:
            flow.title(app)
        else:
            app.go(screen)
        app.step()
        assert app.screen is not None
        rects = [e.element.rect for e in app.screen.entries]
        for i, entry in enumerate(app.screen.entries):
            rect, label = entry.element.rect, entry.element.text
            assert window.contains(rect), (app.screen.name, label)
            assert rect.collidelist(rects[:i]) == -1, (app.screen.name, label)
            assert font.size(label)[0] <= rect.w - 4, (app.screen.name, label)
            assert font.get_height() <= rect.h, (app.screen.name, label)
    pygame.quit()
