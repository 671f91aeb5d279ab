"""Defects found playing Bukharin's campaign in a real window (tests/ui/play_logs/bukharin.md),
each checked here headless with real pygame events: the end of a long forecast can be
scrolled into view at 960×600; the option chosen with a click stays marked in the list
while the focus waits on Plan it; a short list leaves its unused rows to the details box; the
guide's note on an offer of alliance does not tell the player to accept a bloc that already
stands."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.play.match import Setup
from game.play.settings import Settings
from game.ui import App, Options, flow
from game.ui.screens.board import BoardScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _bukharin(text_size: str = "normal", guided: bool = False, seed: int = 1) -> Driver:
    """The campaign's first quarter as Bukharin's Right, in a 960×600 window."""
    settings = Settings(ai_speed="instant", width=960, height=600, text_size=text_size)
    app = App(Options(CAMPAIGN), settings)
    flow.title(app)
    d = Driver(app)
    d.step()
    flow.start(app, Setup(CAMPAIGN, ("bukharin",), seed=seed, guided=guided))
    d.step()
    return d


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_the_end_of_a_long_forecast_can_be_scrolled_into_view(
    data_dir: Path, text_size: str
) -> None:
    d = _bukharin(text_size)
    d.click("Motion")
    d.key(pygame.K_SLASH)
    d.type("replace stalin general")
    d.key(pygame.K_RETURN)
    box = _board(d).boxes["details"]
    assert "Regions a rival may take before the vote" in box.html_text
    bar = box.scroll_bar
    assert bar is not None, "the forecast is longer than its box"
    for _ in range(30):
        d.key(pygame.K_PAGEDOWN, mod=pygame.KMOD_SHIFT)
    text = box.text_box_layout.layout_rect.height
    shown_to = (bar.start_percentage + bar.visible_percentage) * text
    assert shown_to >= text - 2, f"the view stops {text - shown_to:.0f} px above the text's end"
    pygame.quit()


def test_the_note_on_an_offer_of_alliance_does_not_ask_to_accept_a_bloc_already_formed(
    data_dir: Path,
) -> None:
    d = _bukharin(guided=True, seed=1925)  # as played: Zinoviev answers in the same quarter
    board = _board(d)
    d.click("Ally")
    d.click("Zinoviev's Leningrad Machine")
    d.key(pygame.K_RETURN)
    d.end_quarter()
    d.until(lambda: d.screen != "board" or not _board(d).resolving)
    while d.screen in ("event", "session"):
        d.key(pygame.K_RETURN)
    board = _board(d)
    match = board.match
    assert match.state.alliance[0, 3, 2], "the bloc with Zinoviev stands"
    texts = []
    while (step := board.guide.current()) is not None:
        texts.append(board.guide.text(step))
        d.key(pygame.K_g)
    offer = next(t for t in texts if "proposed a common front to you" in t)
    assert "the bloc stands" in offer
    assert "choose Ally" not in offer
    pygame.quit()


def test_the_option_chosen_with_a_click_stays_marked_in_the_list(data_dir: Path) -> None:
    d = _bukharin()
    d.click("Ally")
    d.click("Zinoviev's Leningrad Machine")
    board = _board(d)
    marked = [e.element.text for e in board.entries if e.element.is_selected]
    assert marked == ["Ally", "Zinoviev's Leningrad Machine"], marked
    assert board.entries[board.focus].element.text.startswith("Plan it")
    d.key(pygame.K_RETURN)
    planned = board.match.plans[3]
    assert [board.match.spec.actions.labels[a] for a in planned] == ["ally:zinoviev"]
    pygame.quit()


def test_a_short_list_leaves_its_rows_to_the_details(data_dir: Path) -> None:
    """As played: Lobby the CC (one option) left four empty rows above a details box of three
    lines and a half, the same box as under the thirteen regions of Campaign."""
    d = _bukharin()
    d.click("Campaign")
    under_regions = _board(d).boxes["details"].rect.height
    d.click("Lobby CC")
    under_one = _board(d).boxes["details"].rect.height
    assert under_one - under_regions >= 3 * d.app.theme.row()
    pygame.quit()
