"""A faction's declaration of submission (rules version 4, logged as ``declared``) is told to
the player, in the real window headless: on the session screen of the vote it was made before,
and in the news, each saying what it gives up and that an appeal would break it. And the
session screen's column of blocs at the least window gives no tooltip to its last line unless
that line is cut."""

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


def test_the_line_of_blocs_not_listed_has_no_tooltip_unless_it_is_cut(
    driver: Driver, drawn: list[str]
) -> None:
    """At 960×600 with large text the 15th Congress lists a few of its delegations and says
    how many more; that line's tooltip stood over Next motion and Continue: it has one only
    when the line itself is cut."""
    d = driver
    d.app.settings.width, d.app.settings.height, d.app.settings.text_size = 960, 600, "large"
    d.app.apply_settings()
    flow.start(d.app, Setup(CAMPAIGN, ("trotsky",), seed=1, guided=False))
    d.step()
    assert d.app.match is not None
    session, vote = congress_vote(d.app.match)
    flow.present(d.app, [TurnReport(turn=0, actions=[], planned={}, log=[session, vote])])
    d.step()
    screen = d.app.screen
    assert isinstance(screen, SessionScreen)
    more = [t for t in drawn if t.startswith("And ") and "more blocs" in t]
    assert more, "the congress has more delegations than the column holds"
    assert not [text for _, text in screen.zones if "more blocs" in text]
