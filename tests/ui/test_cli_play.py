"""``play`` checks its arguments before opening a window: one readable message, a non-zero
exit, no traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main


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
