"""The news tells what happened, in the real window headless: an appointment the local party
refuses is told as a refusal with its reason, and the region stays as it was."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.play.match import Setup
from game.ui import flow
from game.ui.screens.board import BoardScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def test_a_refused_appointment_is_told_in_the_news(driver: Driver) -> None:
    d = driver
    flow.start(d.app, Setup(CAMPAIGN, ("stalin",), seed=1, guided=False))
    d.step()
    match = d.app.match
    assert match is not None
    army = match.spec.region_names.index("Red Army party organisations")
    d.click("Appoint")
    d.key(pygame.K_SLASH)
    d.type("red army")
    d.key(pygame.K_RETURN)
    board = _board(d)
    assert match.spec.actions.labels[board.options.option_at[board.focus]] == "appoint:red_army"
    d.key(pygame.K_RETURN)  # planned
    assert len(match.plans[0]) == 1
    d.end_quarter()
    d.until(lambda: d.screen != "board" or not _board(d).resolving)
    while d.screen in ("event", "session"):
        d.key(pygame.K_RETURN)
    assert match.state.secretary[0, army] == 1, "Trotsky's man stays (seed 1)"
    news = _board(d).boxes["news"].html_text
    assert "to Red Army party organisations, but the local party refuses him" in news
    assert "take over the party in Red Army" not in news
