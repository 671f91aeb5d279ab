"""The board's lists of options, in the real window headless: the details box always describes
the option Enter would plan, also after turning a page; at 960×600 every list fits in two
pages in the campaign's first quarter and mid-game for every faction (the motions grouped by
the person or question they concern, those not allowed hidden until asked for); the groups
keep one order; a filter opened with / or Ctrl+F narrows a list while the board's letter keys
type into it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.analysis.runs import load
from game.engine.explain import action_title
from game.play.match import Match, Setup
from game.play.settings import Settings
from game.ui import App, Options, board_text, flow, option_list
from game.ui.board_text import escape
from game.ui.screens.board import BoardScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _small_window(faction: str = "stalin", quarters: int = 0) -> Driver:
    """The window at 960×600 on the campaign's board, ``quarters`` into the game."""
    app = App(Options(CAMPAIGN), Settings(ai_speed="instant", width=960, height=600))
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, (faction,), guided=False))
    for _ in range(quarters):
        match.resolve(auto=True)  # the AI plays the human's faction too
    match.seen = len(match.reports)
    flow.play(app, match)
    if app.screen is not None and app.screen.name == "confirm":  # every rival out
        app.playing_on = True
        flow.plan(app, match.human[0])
    d = Driver(app)
    d.step()
    return d


@pytest.fixture
def small(data_dir: Path) -> Iterator[Driver]:
    d = _small_window()
    yield d
    pygame.quit()


def _described(board: BoardScreen, action: int) -> bool:
    """Whether the details box describes ``action`` (its title heads the box)."""
    html = board.boxes["details"].html_text
    return f"<b>{escape(action_title(board.match.spec, action))} — costs" in html


def _pages(d: Driver) -> int:
    """The pages of the list shown ('◂ 1/2')."""
    label = next(t for t in d.buttons() if t.startswith("◂ ") and "/" in t)
    return int(label.split("/")[1])


def test_turning_a_page_shows_the_option_enter_plans(small: Driver) -> None:
    d = small
    match = _board(d).match
    d.click("Campaign")  # thirteen regions: two pages at 960×600
    assert _pages(d) == 2
    for key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
        d.key(pygame.K_TAB)  # the next row
        d.key(key)
        board = _board(d)
        focused = board.options.option_at.get(board.focus)
        assert focused is not None, "the focus stays on an option of the new page"
        assert _described(board, focused)
    d.key(pygame.K_RETURN)
    assert match.plans[0] == [focused]


def test_after_planning_with_enter_the_details_follow_the_focus(small: Driver) -> None:
    d = small
    match = _board(d).match
    d.click("Court")
    d.key(pygame.K_RETURN)  # plans the focused first option; the focus stays on its row
    assert len(match.plans[0]) == 1
    board = _board(d)
    focused = board.options.option_at.get(board.focus)
    assert focused is not None and _described(board, focused)


@pytest.mark.parametrize("quarters", [0, 15])
@pytest.mark.parametrize("faction", ["stalin", "trotsky", "zinoviev", "bukharin"])
def test_every_list_fits_in_two_pages_at_960_by_600(
    data_dir: Path, faction: str, quarters: int
) -> None:
    d = _small_window(faction, quarters)
    try:
        board = _board(d)
        legal = board.match.legal(board.faction)
        for kind in board_text.categories(board.match.spec):
            board.options.pick(kind)
            board.rebuild()
            assert _pages(d) <= 2, kind
            assert all(legal[a] for a in board.options.option_at.values()), kind
            for group in [r.group for r in board.options.rows() if r.group is not None]:
                board.options.open(group)
                assert _pages(d) <= 2, (kind, group)
                board.options.close_group()
    finally:
        pygame.quit()


def test_motion_groups_keep_one_order(data_dir: Path) -> None:
    """The groups, and the motions of a group (Stalin's), keep one order from quarter to
    quarter: a row found by its place in winter 1923 is the same row in spring 1924."""
    spec = load(CAMPAIGN).spec
    order = option_list.group_order(spec)
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("zinoviev",), guided=False))
    for _ in range(3):
        for show_all in (False, True):
            rows = option_list.rows(
                spec, match.state.turn, "motion", match.legal(2), show_all=show_all
            )
            groups = [order.index(r.group) for r in rows if r.group is not None]
            assert groups == sorted(groups) and len(groups) == len(rows)
            leader = str(int(spec.faction_leader[spec.factions.index("stalin")]))
            stalin = option_list.rows(
                spec, match.state.turn, "motion", match.legal(2), "", True, leader
            )
            actions = [r.action for r in stalin]
            assert len(actions) > 3
            assert actions == sorted(actions), "a group's motions in the scenario's order"
        for _ in range(6):
            match.resolve(auto=True)


def test_the_motions_not_allowed_are_shown_on_demand_with_their_reason(small: Driver) -> None:
    d = small
    board = _board(d)
    d.click("Motion")
    shown = len(board.options.rows())
    d.key(pygame.K_a)
    assert len(board.options.rows()) > shown
    group = next(r.group for r in board.options.rows() if not r.legal)
    assert group is not None
    board.options.open(group)
    d.step()
    illegal = next(a for a in board.options.option_at.values() if not board.match.legal(0)[a])
    board.select(illegal)
    assert "Not allowed now:" in _board(d).boxes["details"].html_text


def test_a_filter_narrows_the_list_and_takes_the_letter_keys(small: Driver) -> None:
    d = small
    board = _board(d)
    match = board.match
    d.click("Motion")
    d.key(pygame.K_SLASH)
    assert board.typing
    d.type("expel zin")  # E, the key that ends a quarter, types an 'e' here
    assert d.screen == "board" and not board.resolving and match.state.turn == 0
    titles = [action_title(match.spec, a) for a in board.options.option_at.values()]
    assert titles == ["Expel: Grigory Zinoviev"]
    d.key(pygame.K_RETURN)  # back to the list, on its first row
    assert not board.typing
    d.key(pygame.K_RETURN)  # plans it
    assert [action_title(match.spec, a) for a in match.plans[0]] == titles
    d.key(pygame.K_f, mod=pygame.KMOD_CTRL)
    assert board.typing
    d.key(pygame.K_ESCAPE)
    assert not board.typing and d.screen == "board"


def test_shift_page_down_scrolls_the_details_while_the_filter_has_the_keys(small: Driver) -> None:
    """With the filter open the details said 'Shift+PgUp / Shift+PgDn scroll this box', and
    Shift+PgDn did nothing (the field took it)."""
    d = small
    board = _board(d)
    d.click("Motion")
    d.key(pygame.K_SLASH)
    d.type("replace stalin")
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)  # the motion's details, with its long forecast
    d.key(pygame.K_SLASH)
    assert board.typing
    bar = board.boxes["details"].scroll_bar
    assert bar is not None, "the details are long enough to scroll"
    before = bar.start_percentage
    d.key(pygame.K_PAGEDOWN, mod=pygame.KMOD_SHIFT)
    d.step()
    assert board.typing and board.boxes["details"].scroll_bar.start_percentage > before


def test_a_group_of_one_motion_says_one_motion() -> None:
    """'Trotsky: 1 motions — Exile: Leon Trotsky.' read wrong."""
    spec = load(CAMPAIGN).spec
    exile = spec.actions.labels.index("motion:exile:trotsky")
    expel = spec.actions.labels.index("motion:expel:trotsky")
    legal = np.ones(len(spec.actions.labels), dtype=bool)
    one = option_list.group_rows(spec, [exile], legal)[0]
    two = option_list.group_rows(spec, [exile, expel], legal)[0]
    assert ": 1 motion — " in one.tooltip and ": 2 motions — " in two.tooltip


def test_the_back_button_of_an_open_group_has_no_tooltip_over_its_rows(small: Driver) -> None:
    """After a click on a group the pointer rests on the back button that takes its place,
    and its tooltip ('Back to every motion, …') covered the group's first two rows."""
    d = small
    board = _board(d)
    d.click("Motion")
    group = next(r for r in board.options.rows() if r.group is not None)
    d.click(group.label)
    back = next(e.element for e in board.entries if e.element.text.startswith("◂"))
    assert back.tool_tip_text is None
