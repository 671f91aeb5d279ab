"""The dice of a game, in the real window headless: every new game draws a fresh seed unless a
teacher sets one for the class (the new-game screen's field or ``play --seed``); the game
menu and the end screen show it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.play.match import Match
from game.play.settings import Settings
from game.ui import App, Options, flow
from game.ui.screens.end import EndScreen
from game.ui.screens.pause import PauseScreen

from .conftest import SHORT, Driver


def _new_game(d: Driver) -> Match:
    """From the title, a new game with the new-game screen's choices (Enter starts it)."""
    flow.title(d.app)
    d.step()
    d.key(pygame.K_n)
    assert d.screen == "new_game"
    d.key(pygame.K_RETURN)
    assert d.screen == "board" and d.app.match is not None
    return d.app.match


def _drawn_texts(d: Driver, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the theme renders from now on."""
    texts: list[str] = []
    render = d.app.theme.text

    def recorded(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        texts.append(text)
        return render(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(d.app.theme, "text", recorded)
    return texts


def test_each_new_game_draws_fresh_dice(driver: Driver) -> None:
    seeds = [_new_game(driver).setup.seed for _ in range(3)]
    assert len(set(seeds)) == 3, seeds


def test_a_class_seed_typed_on_the_new_game_screen_sets_every_game(driver: Driver) -> None:
    d = driver
    d.key(pygame.K_n)
    d.key(pygame.K_d)  # the seed field takes the keyboard
    d.type("4242")
    d.key(pygame.K_ESCAPE)  # gives the keyboard back: the screen stays
    assert d.screen == "new_game"
    d.key(pygame.K_RETURN)
    assert d.app.match is not None and d.app.match.setup.seed == 4242
    assert _new_game(d).setup.seed == 4242, "the next group gets the same dice"


def test_play_seed_sets_every_game_of_the_window(data_dir: Path) -> None:
    app = App(Options(SHORT, seed=77), Settings(ai_speed="instant"))
    d = Driver(app)
    try:
        assert _new_game(d).setup.seed == 77
    finally:
        pygame.quit()


def test_play_refuses_a_negative_seed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--seed", "-3"])
    assert exit_info.value.code == 2 and "--seed" in capsys.readouterr().err


def test_the_game_menu_and_the_end_screen_show_the_seed_and_the_players(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    match = _new_game(d)
    seed = match.setup.seed
    texts = _drawn_texts(d, monkeypatch)
    assert d.app.screen is not None
    d.app.go(PauseScreen(d.app, d.app.screen))
    d.step()
    assert any(f"seed {seed}" in t for t in texts)
    texts.clear()
    d.app.go(EndScreen(d.app, match))
    d.step()
    said = " ".join(texts)
    assert f"seed {seed}" in said
    assert "Stalin's Centre: human" in said and "Trotsky's Left: the AI (standard)" in said
