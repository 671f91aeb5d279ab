"""A first-timer's guide beyond the opening, in the real window headless: a note on the first
session's screen (and not the next), a note on the board the first time a rival offers an
alliance (naming him), none when the guide is off; and a glossary that explains the board's
own words."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.analysis.runs import load
from game.play.match import Match, Setup
from game.ui import flow
from game.ui.guide_notes import STEPS
from game.ui.help_text import GLOSSARY
from game.ui.screens.board import BoardScreen

from .conftest import SHORT, Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"
OPENING = {step.id for step in STEPS if step.turn is not None}


def _note(d: Driver) -> str | None:
    """The title of the note the screen shows, if any."""
    guide = getattr(d.app.screen, "guide", None)
    step = guide.current() if guide is not None else None
    return step.title if step is not None else None


def test_the_first_session_has_a_note_and_the_next_has_none(driver: Driver) -> None:
    d = driver
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=True))
    d.step()
    assert d.app.match is not None
    d.app.match.guides[0].seen |= OPENING
    sessions = 0
    while sessions < 2:
        d.end_quarter()
        d.until(lambda: d.screen != "board" or not d.app.screen.resolving)  # type: ignore[union-attr]
        while d.screen in ("event", "session"):
            if d.screen == "session":
                sessions += 1
                expected = "A session votes" if sessions == 1 else None
                assert _note(d) == expected, sessions
                if sessions == 1:
                    d.shot("40_first_session_note")
                    d.key(pygame.K_g)  # read
                    assert _note(d) is None
            d.key(pygame.K_RETURN)


def test_the_session_note_left_with_enter_does_not_cover_the_next_hall(driver: Driver) -> None:
    """A player who only presses Enter (Continue) has gone past the note: it does not come
    back over the hall of every later session (as found in a campaign played in Xvfb)."""
    d = driver
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=True))
    d.step()
    assert d.app.match is not None
    d.app.match.guides[0].seen |= OPENING
    notes: list[str | None] = []  # the note on each session's screen as it opens
    seen: list[object] = []
    while len(notes) < 2:
        d.end_quarter()
        d.until(lambda: d.screen != "board" or not d.app.screen.resolving)  # type: ignore[union-attr]
        while d.screen in ("event", "session"):
            if d.screen == "session" and d.app.screen not in seen and len(notes) < 2:
                seen.append(d.app.screen)
                notes.append(_note(d))
            d.key(pygame.K_RETURN)
    assert notes == ["A session votes", None]


def _noted(d: Driver, match: Match, faction: int, read: set[str]) -> tuple[BoardScreen, str]:
    """The board of ``match`` (its quarters already shown), the notes in ``read`` read by the
    player of ``faction``: the board, and the text of the note it shows."""
    match.seen = len(match.reports)
    flow.play(d.app, match)
    match.guides[faction].seen |= read
    d.step()
    board = d.app.screen
    assert isinstance(board, BoardScreen)
    step = board.guide.current()
    return board, board.guide.text(step) if step is not None else ""


def test_a_rivals_first_offer_of_alliance_has_a_note(driver: Driver) -> None:
    d = driver
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("stalin",), seed=3))
    match.resolve()  # seed 3: Zinoviev courts Stalin in the first quarter
    _, text = _noted(d, match, 0, OPENING)
    assert _note(d) == "An offer of alliance"
    assert text.startswith("Zinoviev's Leningrad Machine proposed a common front to you")
    d.shot("41_alliance_note")
    d.key(pygame.K_g)
    assert _note(d) is None


def test_no_later_note_without_the_guide(driver: Driver) -> None:
    d = driver
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("stalin",), seed=3, guided=False))
    match.resolve()
    match.seen = len(match.reports)
    flow.play(d.app, match)
    d.step()
    assert d.screen == "board" and _note(d) is None


def test_the_glossary_explains_the_boards_own_words() -> None:
    terms = set(re.findall(r"<b>([^<]+)</b> —", GLOSSARY))
    board_words = {
        "Influence",  # the red number on a faction's panel
        "Legitimacy",  # the gauges
        "Prestige",
        "Popularity",
        "Line",  # the counts
        "Machine",
        "Power",
        "Support",
        "Mood",  # the tracks
        "Unity",
    }
    assert board_words <= terms, board_words - terms


def test_the_first_man_won_away_has_a_note_that_fits(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rykov gone over to Stalin, as in a played campaign where the Right learned it from a
    disc's colour: a note names him and his new camp and says how men go over; at 960×600
    with the largest text it fits its box."""
    from dataclasses import replace

    from .fit import problems, remember_texts

    d = driver
    remember_texts(monkeypatch)
    d.app.settings.width, d.app.settings.height, d.app.settings.text_size = 960, 600, "large"
    d.app.apply_settings()
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("bukharin",), seed=3))
    match.resolve()
    bukharin, stalin = match.spec.factions.index("bukharin"), match.spec.factions.index("stalin")
    report = match.reports[-1]
    assert report.closed is not None
    moved = list(report.closed.figure_faction)
    moved[match.spec.figure_names.index("Alexei Rykov")] = stalin
    report.closed = replace(report.closed, figure_faction=tuple(moved))
    board, text = _noted(d, match, bukharin, OPENING | {"alliance_offer", "sanction"})
    assert _note(d) == "One of your men went over"
    assert text.startswith("Alexei Rykov now stands with Stalin's Centre")
    assert not problems(board, monkeypatch)
