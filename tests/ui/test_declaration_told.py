"""A faction's declaration of submission (rules version 4, logged as ``declared``) is told to
the player, in the real window headless: on the session screen of the vote it was made before,
and in the news, each saying what it gives up and that an appeal would break it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.play.match import Setup, TurnReport
from game.play.news import quarter_news
from game.ui import flow
from game.ui.bench import congress_vote
from game.ui.screens.session import SessionScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _declared_quarter(d: Driver) -> TurnReport:
    """A quarter whose congress voted one motion, before which Trotsky's Left declared its
    submission, as ``sessions.declare`` logs it."""
    flow.start(d.app, Setup(CAMPAIGN, ("trotsky",), seed=1, guided=False))
    d.step()
    match = d.app.match
    assert match is not None
    session, vote = congress_vote(match)
    declared: dict[str, Any] = {
        "type": "declared",
        "session": session["id"],
        "motion": vote["motion"],
        "faction": "trotsky",
    }
    return TurnReport(turn=0, actions=[], planned={}, log=[session, declared, vote])


def test_the_session_screen_tells_of_a_declaration_and_what_breaks_it(
    driver: Driver, drawn: list[str]
) -> None:
    d = driver
    report = _declared_quarter(d)
    flow.present(d.app, [report])
    d.step()
    assert isinstance(d.app.screen, SessionScreen)
    shown = " ".join(drawn)
    assert "Trotsky's Left declares its submission" in shown
    assert "appeal" in shown
    d.key(pygame.K_RETURN)
    assert d.screen == "board"


def test_the_news_tells_of_a_declaration(driver: Driver) -> None:
    report = _declared_quarter(driver)
    match = driver.app.match
    assert match is not None
    news = " ".join(item.text for item in quarter_news(match.spec, report))
    assert "Trotsky's Left declares its submission before the vote on" in news
    assert "an appeal over the party's head would break it" in news
