"""The second polish round, in the real window headless: every word on the bold poster
background sits on a card or a button (both palettes); the header names the quarter being
played out until its results are shown; Enter on a legal option plans it (a click only
chooses it); an event card is as high as its text and says what the event changed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from game.analysis.runs import load
from game.engine.event_text import effect_lines
from game.engine.explain import action_title
from game.play.dates import long_date
from game.play.match import Match, Setup
from game.ui import board_view, draw, flow
from game.ui.board_text import escape, quarter_name
from game.ui.map_view import short_name
from game.ui.screens.board import BoardScreen
from game.ui.screens.event import EventScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.saves import save_line
from game.ui.theme import PALETTES, Theme, contrast

from .conftest import SHORT, Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _start(d: Driver) -> Match:
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=False))
    d.step()
    assert d.app.match is not None
    return d.app.match


def _covered(d: Driver, cards: list[pygame.Rect]) -> np.ndarray:
    """Where the cards (with their shadows) and the buttons (with the focus frame) lie."""
    assert d.app.screen is not None
    mask = np.zeros(d.app.window.get_size(), dtype=bool)
    buttons = [e.element.rect.inflate(8, 8) for e in d.app.screen.entries]
    for rect in [*cards, *(c.move(8, 8) for c in cards), *buttons]:
        mask[max(rect.x, 0) : rect.right, max(rect.y, 0) : rect.bottom] = True
    return mask


@pytest.mark.parametrize("palette", list(PALETTES))
def test_every_word_on_the_bold_background_sits_on_a_card(
    driver: Driver, palette: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    d.app.settings.palette = palette
    d.app.apply_settings()
    cards: list[pygame.Rect] = []
    card = draw.text_card

    def recorded(*args: object, **kwargs: object) -> pygame.Rect:
        rect = card(*args, **kwargs)  # type: ignore[arg-type]
        cards.append(rect)
        return rect

    monkeypatch.setattr(draw, "text_card", recorded)
    match = _start(d)
    board = d.app.screen
    assert board is not None
    theme = d.app.theme
    plain = pygame.Surface(d.app.window.get_size())
    draw.poster_background(plain, theme, bold=True)
    paper = theme.colour("paper")
    d.app.message = "Saved as game-1 in /somewhere/saves."
    for screen in (None, PauseScreen(d.app, board), HandoverScreen(d.app, match, 0, d.step)):
        if screen is None:
            flow.title(d.app)
        else:
            d.app.go(screen)
        cards.clear()
        d.step()
        drawn = pygame.surfarray.array3d(d.app.window)
        differs = (drawn != pygame.surfarray.array3d(plain)).any(axis=2)
        assert cards, d.screen
        assert not (differs & ~_covered(d, cards)).any(), f"text off its card on {d.screen}"
        for rect in cards:  # the card's paper shows just inside its frame, all round
            inner = rect.inflate(-6, -6)
            ring = [(inner.x, y) for y in range(inner.y, inner.bottom)]
            ring += [(x, inner.y) for x in range(inner.x, inner.right)]
            assert all(tuple(d.app.window.get_at(p))[:3] == paper for p in ring), d.screen


@pytest.mark.parametrize("palette", list(PALETTES))
def test_text_on_red_and_on_paper_reads(palette: str) -> None:
    theme = Theme(palette)
    red = theme.colour("red")
    assert contrast(theme.on(red), red) >= 4.5
    assert contrast(theme.colour("ink"), theme.colour("paper")) >= 7


def test_the_header_names_the_quarter_being_played_out(driver: Driver) -> None:
    d = driver
    match = _start(d)
    d.app.settings.ai_speed = "slow"
    first = match.state.turn
    d.end_quarter()
    d.until(lambda: _board(d).worker is None)
    board = _board(d)
    assert board.report is not None and board.resolving  # the moves are being revealed
    assert match.state.turn == first + 1  # the state is already the next quarter's
    header = board.rects()["header"]
    d.step()
    expected = pygame.Surface(d.app.window.get_size())
    view = board_view.View(match.spec, match.state, d.app.theme, lambda r, t: None)
    right = draw.header_bar(expected, d.app.theme, header, "")
    board_view.draw_header(expected, view, header, first)
    title = quarter_name(match.spec.quarter_labels[first])
    width = d.app.theme.font("heading", "poster").size(title)[0]
    area = pygame.Rect(right, 0, width, header.h)
    shown = d.app.window.subsurface(area)
    assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(
        expected.subsurface(area), "RGB"
    )
    board_view.draw_header(expected, view, header)  # the next quarter's date differs there
    assert pygame.image.tobytes(shown, "RGB") != pygame.image.tobytes(
        expected.subsurface(area), "RGB"
    )


def test_enter_on_a_legal_option_plans_it_and_a_click_only_chooses(driver: Driver) -> None:
    d = driver
    match = _start(d)
    d.click("Recruit")
    d.click("Campaign")
    board = _board(d)
    focused = board.options.option_at[board.focus]  # picking the kind focuses its first option
    assert match.legal(0)[focused]
    d.key(pygame.K_TAB)  # the next option: its details are shown before it is planned
    board = _board(d)
    option = board.options.option_at[board.focus]
    title = action_title(match.spec, option)
    assert escape(title) in board.boxes["details"].html_text
    d.key(pygame.K_RETURN)
    assert match.plans[0] == [option]
    d.key(pygame.K_u)
    assert match.plans[0] == []
    d.click(short_name(title.split(": ", 1)[1]))  # the mouse: a click chooses...
    assert match.plans[0] == [] and _board(d).selected == option
    d.click("Plan it")  # ...and Plan plans
    assert match.plans[0] == [option]


def test_an_event_card_fits_its_text_and_says_what_it_changed(driver: Driver) -> None:
    d = driver
    _start(d)
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("stalin",)))
    event = next(e for e in match.spec.events if e.id == "lenin_turns_to_trotsky")
    lines = effect_lines(match.spec, event)
    left, secretary = match.spec.faction_names[1], match.spec.faction_names[0]
    assert f"{left}: legitimacy +15" in lines and f"{secretary}: legitimacy −5" in lines
    entry = {"id": event.id, "title": event.title, "text": event.text}
    screen = EventScreen(d.app, match, event.first_turn, entry, d.step)
    d.app.go(screen)
    d.step()
    card, button = screen.card(), d.app.screen.entries[0].element.rect  # type: ignore[union-attr]
    text_h = sum(image.get_height() + gap for image, gap in screen.lines(card.w - 36))
    assert card.h < d.app.window.get_height() * 0.76
    assert card.y + 70 + text_h < button.y < card.bottom  # the text ends above the button
    assert card.bottom - button.bottom < 40  # and little paper is left below it
    d.shot("30_event_effects")


def test_session_dates_are_written_out_to_the_precision_given() -> None:
    assert long_date("1922-08-04") == "4 August 1922"
    assert long_date("1929-11") == "November 1929"
    assert long_date("1929") == "1929"


def test_a_long_save_line_keeps_its_time() -> None:
    pygame.init()
    theme = Theme()
    short = save_line(theme, "autosave: Spring 1922", "2026-11-27 10:00", 800)
    assert short == "autosave: Spring 1922 · 2026-11-27 10:00"
    long = save_line(theme, "game-1: " + "x" * 200, "2026-11-27 10:00", 800)
    assert long.endswith("… · 2026-11-27 10:00")
    assert theme.font("body", "bold").size(long)[0] <= 800
