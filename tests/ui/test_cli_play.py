"""``play`` checks its arguments before opening a window: one readable message, a non-zero
exit, no traceback, nothing written; ``play --new`` opens on a new game."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.play.settings import Settings
from game.ui import App, Options, flow

from .conftest import SHORT


def test_a_bad_faction_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--faction", "lenin"])
    assert exit_info.value.code == 2
    assert "--faction 'lenin' is not a faction" in capsys.readouterr().err


def test_a_missing_scenario_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["play", "--scenario", str(tmp_path / "nowhere.yaml")])
    err = capsys.readouterr().err
    assert code != 0 and "nowhere.yaml" in err and "Traceback" not in err


def test_a_corrupt_save_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save = tmp_path / "broken.json"
    save.write_text("{oops")
    assert main(["play", "--load", str(save)]) == 2
    assert "damaged" in capsys.readouterr().err
    assert save.read_text() == "{oops"


def test_help_still_prints(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0 and "play" in capsys.readouterr().out


def test_new_is_not_with_a_save_or_an_exercise(capsys: pytest.CaptureFixture[str]) -> None:
    exercise = Path(__file__).resolve().parents[2] / "scenarios" / "exercises" / "lenin_lives.yaml"
    with pytest.raises(SystemExit) as exit_info:
        main(["play", "--new", "--exercise", str(exercise)])
    assert exit_info.value.code == 2
    assert "--new starts a new game" in capsys.readouterr().err


def test_new_opens_on_a_new_game_of_the_faction_asked_for(data_dir: Path) -> None:
    app = App(Options(SHORT, faction="trotsky", seed=77, new=True), Settings(ai_speed="instant"))
    try:
        flow.title(app)
        flow.new_game_now(app)
        assert app.screen is not None and app.screen.name == "board"
        assert app.match is not None and app.match.setup.humans == ("trotsky",)
        assert app.match.setup.seed == 77
    finally:
        pygame.quit()
