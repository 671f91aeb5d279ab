"""Forecasts that say what they assume, in the real window headless: a motion's forecast says
it is taken on today's board, when the session meets, and which regions each rival may still
take by appointment before it, with the influence it has now; a tabled motion's forecast
stays in view (also after a save is loaded) until its vote."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from game.analysis.runs import load
from game.engine.actions import legal_mask
from game.engine.explain import action_title
from game.engine.forecast import forecast_vote
from game.engine.state import INFLUENCE
from game.play.dates import long_date, session_title
from game.play.match import Match, Setup
from game.play.saves import read_save, write_save
from game.ui import flow, forecast_text
from game.ui.board_text import chance_words
from game.ui.map_view import short_name
from game.ui.screens.board import BoardScreen

from .conftest import Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"
REPLACE_STALIN = "motion:remove_office:stalin"


def _board(d: Driver) -> BoardScreen:
    assert isinstance(d.app.screen, BoardScreen)
    return d.app.screen


def _trotsky(d: Driver) -> Match:
    flow.start(d.app, Setup(CAMPAIGN, ("trotsky",), guided=False))
    d.step()
    assert d.app.match is not None
    return d.app.match


def _choose_replace_stalin(d: Driver) -> int:
    d.click("Motion")
    d.key(pygame.K_SLASH)
    d.type("replace stalin general")
    d.key(pygame.K_RETURN)
    board = _board(d)
    action = board.options.option_at[board.focus]
    assert board.match.spec.actions.labels[action] == REPLACE_STALIN
    return action


def test_a_forecast_says_what_it_assumes(driver: Driver) -> None:
    d = driver
    match = _trotsky(d)
    _choose_replace_stalin(d)
    html = _board(d).boxes["details"].html_text
    assert "taken on today's board" in html
    plenum = next(s for s in match.spec.sessions if s.date == "1923-09-23")
    assert f"{session_title(plenum.name, plenum.date)} meets in summer 1923" in html
    assert html.count(long_date(plenum.date)) == 1, "the date is given once"
    spec, state = match.spec, match.state
    appoint = spec.actions.block("appoint")
    legal = legal_mask(spec, state, 0)[0, appoint]
    takeable = [short_name(spec.region_names[i]) for i in np.flatnonzero(legal)]
    assert takeable, "the General Secretary may appoint in the first quarter"
    shown = forecast_text.SHOWN_REGIONS
    assert all(name in html for name in takeable[:shown])
    assert f"influence {float(state.stats[0, 0, INFLUENCE]):.1f} now" in html


def test_a_tabled_motions_forecast_stays_in_view_until_its_vote(driver: Driver) -> None:
    d = driver
    match = _trotsky(d)
    action = _choose_replace_stalin(d)
    d.key(pygame.K_RETURN)  # planned
    planned = match.forecasts[(1, action)]
    line = f"{action_title(match.spec, action)}: {chance_words(planned.chance)} to pass"
    assert line in _board(d).boxes["news"].html_text
    d.end_quarter()
    d.until(lambda: d.screen != "board" or not _board(d).resolving)
    while d.screen in ("event", "session"):
        d.key(pygame.K_RETURN)
    assert int(match.state.tabled[0, 1]) == action, "tabled for the September plenum"
    assert line in _board(d).boxes["news"].html_text, "still in view the next quarter"
    loaded = read_save(write_save(match, "tabled"))
    assert forecast_text.awaiting_html(loaded, 1) == forecast_text.awaiting_html(match, 1)
    session = match.spec.sessions[planned.session]
    while match.state.turn <= session.turn and not match.over:
        match.resolve()
    assert forecast_text.awaiting_html(match, 1) == "", "voted: no longer awaiting"


def test_a_forecast_is_no_surer_than_its_draws() -> None:
    """Of 48 draws none passing read '0% chance' for a vote that ended 20 to 20: the chance
    is given to the draws' resolution, under 3% or over 97% at the ends."""
    assert chance_words(0.0, 48) == "under 3%"
    assert chance_words(1.0, 48) == "over 97%"
    assert chance_words(1 / 48, 48) == "2%"
    assert chance_words(0.5, 48) == "50%"


def test_a_plenums_forecast_names_the_congress_that_elects_a_new_cc_before_it() -> None:
    """From spring 1922 'Replace Stalin' goes to the September 1923 plenum, but the 12th
    Congress elects a new CC in April 1923: the forecast, counting today's CC, says so; a
    quarter after that congress it no longer does."""
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("trotsky",), guided=False))
    spec = match.spec
    action = spec.actions.labels.index(REPLACE_STALIN)
    congress = next(s for s in spec.sessions if s.date.startswith("1923-04"))
    html = forecast_text.assumptions_html(match, 1, action)
    assert f"{session_title(congress.name, congress.date)} elects a new Central Committee" in html
    while match.state.turn <= congress.turn:
        match.resolve(auto=True)
    assert "elects a new Central Committee" not in forecast_text.assumptions_html(match, 1, action)


def test_the_motions_tabled_against_the_player_are_on_the_board(driver: Driver) -> None:
    """'Stalin's Centre tables a motion for the next session: Expel: Leon Trotsky' was told
    once in the news and then seen nowhere: the board keeps it above the news, with its
    session and its chance on today's board, until its vote."""
    d = driver
    match = _trotsky(d)
    spec = match.spec
    expel = spec.actions.labels.index("motion:expel:trotsky")
    assert "TABLED AGAINST YOU" not in _board(d).boxes["news"].html_text
    match.state.tabled[0, spec.factions.index("stalin")] = expel
    _board(d).rebuild()
    d.step()
    html = _board(d).boxes["news"].html_text
    forecast = forecast_vote(spec, match.state, 0, expel)
    assert forecast is not None
    session = spec.sessions[forecast.session]
    assert "MOTIONS TABLED AGAINST YOU" in html
    assert f"Stalin's Centre: {action_title(spec, expel)}, for {session.name}" in html
    assert f"{chance_words(forecast.chance_to_pass)} to pass if voted today" in html
