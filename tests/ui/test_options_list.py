"""The board's lists of options, in the real window headless: the details box always describes
the option Enter would plan, also after turning a page."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.engine.explain import action_title
from game.play.match import Match, Setup
from game.ui import flow
from game.ui.board_text import escape
from game.ui.screens.board import BoardScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _campaign(d: Driver, faction: str = "stalin") -> Match:
    flow.start(d.app, Setup(CAMPAIGN, (faction,), guided=False))
    d.step()
    assert d.app.match is not None
    return d.app.match


def _described(board: BoardScreen, action: int) -> bool:
    """Whether the details box describes ``action`` (its title heads the box)."""
    html = board.boxes["details"].html_text
    return f"<b>{escape(action_title(board.match.spec, action))} — costs" in html


def test_turning_a_page_shows_the_option_enter_plans(driver: Driver) -> None:
    d = driver
    match = _campaign(d)
    d.click("Court")
    for key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
        d.key(pygame.K_TAB)  # the second row of the page
        d.key(key)
        board = _board(d)
        focused = board.option_at.get(board.focus)
        assert focused is not None, "the focus stays on an option of the new page"
        assert _described(board, focused)
    d.key(pygame.K_RETURN)
    assert match.plans[0] == [focused]


def test_after_planning_with_enter_the_details_follow_the_focus(driver: Driver) -> None:
    d = driver
    match = _campaign(d)
    d.click("Court")
    d.key(pygame.K_RETURN)  # plans the focused first option; the focus stays on its row
    assert len(match.plans[0]) == 1
    board = _board(d)
    focused = board.option_at.get(board.focus)
    assert focused is not None and _described(board, focused)
