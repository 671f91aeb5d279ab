"""The whole 1922 campaign, 31 quarters, in the real window headless, played by a scripted
player with the keyboard: each quarter it picks a kind of action in turn and plans that
kind's first option (a wait when none is allowed), then reads every event and session. It
checks that every kind of session the campaign holds was shown and that the end screen
names an outcome; a session where nothing came to a vote is no screen of its own."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.analysis.runs import load
from game.play.match import Match, Setup
from game.ui import flow
from game.ui.board_text import categories, category_label
from game.ui.screens.board import BoardScreen
from game.ui.screens.session import SessionScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _plan_quarter(d: Driver, quarter: int) -> None:
    """Plan two actions: pick a kind, then Enter on its first row (focused) plans it (a
    kind whose rows are groups of motions: Enter opens the first, Enter again plans its
    first motion); a wait when nothing of that kind is allowed."""
    board = d.app.screen
    assert isinstance(board, BoardScreen)
    spec = board.match.spec
    kinds = [category_label(spec, c) for c in categories(spec) if c != "pass"]
    for i in range(board.match.rounds):
        before = len(board.match.plans[board.faction])
        d.pick(kinds[(2 * quarter + i) % len(kinds)])
        d.key(pygame.K_RETURN)  # the first row, focused after picking the kind
        if d.app.screen.options.group is not None:  # type: ignore[union-attr]
            d.key(pygame.K_RETURN)
        if len(board.match.plans[board.faction]) == before:
            d.pick("Wait")
            d.key(pygame.K_RETURN)
        assert len(board.match.plans[board.faction]) == before + 1


def test_the_whole_campaign_by_keyboard(driver: Driver) -> None:
    d = driver
    loaded = load(CAMPAIGN)
    flow.play(d.app, Match(loaded, Setup(CAMPAIGN, ("stalin",), guided=False)))
    d.step()
    kinds: set[str] = set()
    shown: list[str] = []
    by_id = {s.id: s.kind for s in loaded.spec.sessions}
    quarter = 0
    while d.screen != "end":
        if d.screen == "confirm":  # every rival is out: play on, to see every session
            d.key(pygame.K_p)
        assert d.screen == "board", d.screen
        _plan_quarter(d, quarter)
        d.key(pygame.K_e)
        d.until(lambda: d.screen != "board" or d.app.screen.worker is None)  # type: ignore[union-attr]
        d.until(lambda: d.screen != "board" or d.app.screen.report is None, 4000)  # type: ignore[union-attr]
        while d.screen in ("event", "session"):
            if isinstance(d.app.screen, SessionScreen):
                kinds.add(by_id[d.app.screen.session["id"]])
                shown.append(d.app.screen.session["id"])
            d.key(pygame.K_RETURN)
        quarter += 1
    match = d.app.match
    assert match is not None
    assert quarter == loaded.spec.turns or bool(match.state.split[0])
    voted = [e["session"] for r in match.reports for e in r.log if e["type"] == "vote"]
    assert list(dict.fromkeys(shown)) == list(dict.fromkeys(voted)), "a screen per session voting"
    assert kinds == {by_id[s] for s in voted}
    d.shot("16_full_campaign_end")
