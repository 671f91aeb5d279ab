"""A contest to the end, in the real window headless: the board shows each camp's power score
and who leads; once every rival leader is out, the game offers to fast-forward (the AI plays
the rest by the rules, then the end screen) or to play on; a session where nothing came to a
vote is no screen of its own; E with nothing planned asks first."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.analysis.runs import load
from game.engine.outcome import power_scores
from game.engine.spec import EXPELLED
from game.play.match import Match, Setup, TurnReport
from game.ui import flow
from game.ui.screens.board import BoardScreen

from .conftest import SHORT, Driver


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _start(d: Driver) -> Match:
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=False))
    d.step()
    assert d.app.match is not None
    return d.app.match


def test_the_board_shows_each_camps_power_and_who_leads(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    match = _start(d)
    texts: list[str] = []
    render = d.app.theme.text

    def recorded(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        texts.append(text)
        return render(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(d.app.theme, "text", recorded)
    _board(d).rebuild()
    d.step()
    power = power_scores(match.spec, match.state)[0]
    shown = [t for t in texts if t.startswith("Power ")]
    assert sorted(shown) == sorted(
        f"Power {p:.2f}{' ★' if f == int(np.argmax(power)) else ''}" for f, p in enumerate(power)
    )


def _rivals_out(match: Match, faction: int) -> None:
    """Every rival leader expelled (the test's shortcut to a decided contest)."""
    spec, state = match.spec, match.state
    for f in range(spec.n_factions):
        if f != faction:
            leader = int(spec.faction_leader[f])
            state.status[0, leader] = EXPELLED
            state.in_party[0, leader] = False


def test_with_every_rival_out_the_game_offers_to_fast_forward_to_the_end(driver: Driver) -> None:
    d = driver
    match = Match(load(SHORT), Setup(SHORT, ("stalin",), guided=False))
    _rivals_out(match, 0)
    flow.play(d.app, match)
    d.step()
    assert d.screen == "confirm"
    d.key(pygame.K_f)
    screens = {d.screen}
    d.until(lambda: screens.add(d.screen) or d.screen == "end")  # type: ignore[func-returns-value]
    assert screens == {"fast_forward", "end"}, "no session or event screen on the way"
    assert match.over and len(match.history) == match.spec.turns
    assert match.seen == len(match.reports)


def test_playing_on_is_asked_once(driver: Driver) -> None:
    d = driver
    match = Match(load(SHORT), Setup(SHORT, ("stalin",), guided=False))
    _rivals_out(match, 0)
    flow.play(d.app, match)
    d.step()
    d.key(pygame.K_p)
    assert d.screen == "board"
    d.end_quarter()
    d.until(lambda: d.screen != "board" or not _board(d).resolving)
    while d.screen in ("event", "session"):
        d.key(pygame.K_RETURN)
    assert d.screen == "board" and match.state.turn == 1


def _report(match: Match, votes: int) -> TurnReport:
    session = {"type": "session", "id": "conference_12", "name": "A conference", "date": "1922"}
    vote = dict(next(e for r in _played(match) for e in r.log if e["type"] == "vote"))
    vote["session"] = "conference_12"
    return TurnReport(0, [], {}, [session] + [vote] * votes)


def _played(match: Match) -> list[TurnReport]:
    other = Match(match.loaded, match.setup)
    while not any(e["type"] == "vote" for r in other.reports for e in r.log):
        other.resolve()
    return other.reports


@pytest.mark.parametrize(("votes", "screen"), [(0, "board"), (1, "session")])
def test_a_session_without_a_vote_is_no_screen(driver: Driver, votes: int, screen: str) -> None:
    d = driver
    match = _start(d)
    flow.present(d.app, [_report(match, votes)])
    d.step()
    assert d.screen == screen


def test_e_with_nothing_planned_asks_first(driver: Driver) -> None:
    d = driver
    match = _start(d)
    d.key(pygame.K_e)
    assert d.screen == "confirm" and match.state.turn == 0
    d.key(pygame.K_ESCAPE)
    assert d.screen == "board" and not _board(d).resolving
    d.key(pygame.K_e)
    d.key(pygame.K_e)  # End the quarter [E]
    d.until(lambda: match.state.turn == 1)


def test_with_the_players_own_leader_out_the_game_offers_to_fast_forward(
    driver: Driver, drawn: list[str]
) -> None:
    """Trotsky expelled, as in a played campaign that then had 21 quarters of Recant or
    Wait: the game says so and offers to fast-forward, which plays on to the end screen."""
    d = driver
    match = Match(load(SHORT), Setup(SHORT, ("trotsky",), guided=False))
    trotsky = match.spec.factions.index("trotsky")
    leader = int(match.spec.faction_leader[trotsky])
    match.state.status[0, leader] = EXPELLED
    match.state.in_party[0, leader] = False
    flow.play(d.app, match)
    d.step()
    assert d.screen == "confirm"
    assert any("YOUR LEADER IS OUT" in text for text in drawn)
    d.key(pygame.K_f)
    d.until(lambda: d.screen == "end")
    assert match.over and len(match.history) == match.spec.turns
