"""The board's header after Lenin's death, in the real window headless: his track reads
"Lenin: dead", not a health of 0 (issue 9: "Lenin's health: 0" after his death)."""

from __future__ import annotations

from game.analysis.runs import load
from game.play.match import Match, Setup
from game.ui import flow

from .conftest import CAMPAIGN, Driver


def _header_lenin(drawn: list[str]) -> list[str]:
    """The header's label of Lenin's track (not his name on the Politburo)."""
    return [text for text in drawn if text.startswith("Lenin") and ": " in text]


def test_lenins_track_reads_dead_after_his_death(driver: Driver, drawn: list[str]) -> None:
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("stalin",), guided=False))
    lenin = match.spec.figures.index("lenin")
    flow.play(driver.app, match)
    driver.step()
    assert driver.screen == "board"
    alive = _header_lenin(drawn)
    assert alive and all(text.startswith("Lenin's health: ") for text in alive), alive
    while match.state.alive[0, lenin]:  # the campaign's Lenin dies in January 1924
        match.resolve(auto=True)
    assert float(match.state.tracks[0, 2]) == 0.0
    drawn.clear()
    driver.app.screen.rebuild()  # type: ignore[union-attr]
    driver.step()
    dead = _header_lenin(drawn)
    assert dead and all(text == "Lenin: dead" for text in dead), dead
    tips = [text for _, text in driver.app.screen.zones if text.startswith("Lenin")]  # type: ignore[union-attr]
    assert tips and tips[0].startswith("Lenin: dead."), tips
