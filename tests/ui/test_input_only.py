"""A whole campaign (the short one) from the title screen to the end screen with the
keyboard alone, and again with the mouse alone; and two humans sharing the machine."""

from __future__ import annotations

import pygame

from game.ui.screens.board import BoardScreen

from .conftest import Driver


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _resolved(d: Driver) -> bool:
    return d.screen != "board" or (_board(d).worker is None and _board(d).report is None)


def test_keyboard_alone(driver: Driver) -> None:
    d = driver
    d.key(pygame.K_n)
    d.key(pygame.K_RETURN)
    for _ in range(5):
        d.key(pygame.K_g)
    match = d.app.match
    assert match is not None
    while d.screen != "end":
        if d.screen == "board":
            # Tab to the next kind of action and open it (its first option is shown and
            # focused); Enter on the option plans it, if it is allowed.
            d.key(pygame.K_TAB)
            d.key(pygame.K_RETURN)
            d.key(pygame.K_RETURN)
            d.end_quarter()
            d.until(lambda: _resolved(d))
        else:
            d.key(pygame.K_RETURN)
    human = [turn[0][0] for turn in match.history]
    assert any(action != match.spec.actions.block("pass").start for action in human)


def test_mouse_alone(driver: Driver) -> None:
    d = driver
    d.click("New game")
    d.click("Start")
    match = d.app.match
    assert match is not None
    while _board(d).guide.current() is not None:
        d.click_at(_board(d).guide.next_rect.center)
    publish = match.spec.actions.block("publish").start
    while d.screen != "end":
        if d.screen == "board":
            d.click("Publish")  # the kind, then its one option
            d.click("Publish")
            d.click("Plan it")
            d.click("End quarter")
            d.until(lambda: _resolved(d))
        elif d.screen == "session" and any(
            e.element.text.startswith("Next motion") and e.element.is_enabled
            for e in d.app.screen.entries  # type: ignore[union-attr]
        ):
            d.click("Next motion")
        else:
            d.click("Continue")
    assert all(turn[0][0] == publish for turn in match.history)


def test_two_humans_take_turns_behind_a_handover(driver: Driver) -> None:
    d = driver
    d.key(pygame.K_n)
    d.click("   Trotsky's Left: AI")
    d.key(pygame.K_RETURN)
    assert d.screen == "handover"
    d.shot("14_handover")
    d.key(pygame.K_RETURN)
    assert d.screen == "board" and _board(d).faction == 0
    d.key(pygame.K_x)  # the first player stops the guide
    assert _board(d).guide.current() is None
    d.click("Publish")
    d.click("Publish")
    d.click("Plan it")
    d.key(pygame.K_e)
    assert d.screen == "handover"
    d.key(pygame.K_RETURN)
    second = _board(d)
    assert second.faction == 1
    match = d.app.match
    assert match is not None and match.plans[0] and not match.plans[1]
    assert second.guide.current() is not None, "the second player still gets the guide"
    d.shot("15_second_player_board")

    d.key(pygame.K_g)  # the second player reads a note...
    d.end_quarter()
    d.until(lambda: d.screen != "board" or _board(d).resolving is False)
    while d.screen in ("event", "session"):
        d.key(pygame.K_RETURN)
    assert d.screen == "handover"
    d.key(pygame.K_RETURN)
    assert _board(d).faction == 0 and _board(d).guide.current() is None, "stopped stays stopped"
