"""Saves and game records carry the rules version that made them; one made under other rules
is refused, naming the version that made it, by the loader, ``play --load``, ``report`` and
``replay --record`` (exit 2, no traceback), and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis.cli import MINIMAL, run_game

from game.analysis.runs import load
from game.engine.record import RULES_VERSION, GameRecord, RulesVersionError, replay
from game.play.match import Match, Setup
from game.play.saves import SaveError, read_save, write_save
from game.play.settings import DATA_ENV

SHORT = Path("tests/ui/data/short.yaml")
REFUSAL = f"made by rules version 1; this is rules version {RULES_VERSION}"


@pytest.fixture
def old_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A save of one played quarter as the first rules wrote it: no rules version."""
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    match = Match(load(SHORT), Setup(SHORT, ("trotsky",)))
    match.resolve()
    path = write_save(match, "old")
    document = json.loads(path.read_text())
    assert document["rules_version"] == RULES_VERSION
    del document["rules_version"]
    path.write_text(json.dumps(document))
    return path


@pytest.fixture
def old_record(tmp_path: Path) -> Path:
    """``replay --json`` output whose record names the first rules version."""
    done = run_game("replay", str(MINIMAL), "--seed", "3", "--run", "0", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["record"]["rules_version"] == RULES_VERSION
    data["record"]["rules_version"] = 1
    path = tmp_path / "old_record.json"
    path.write_text(json.dumps(data))
    return path


def test_the_current_rules_load(old_save: Path) -> None:
    document = json.loads(old_save.read_text())
    old_save.write_text(json.dumps({**document, "rules_version": RULES_VERSION}))
    assert read_save(old_save).state.turn == 1


def test_an_old_save_is_refused_and_left_alone(old_save: Path) -> None:
    before = old_save.read_bytes()
    with pytest.raises(SaveError, match=REFUSAL):
        read_save(old_save)
    assert old_save.read_bytes() == before


def test_an_old_record_is_refused_by_the_engine(old_record: Path) -> None:
    data = json.loads(old_record.read_text())
    record = GameRecord.from_json(data["record"])
    with pytest.raises(RulesVersionError, match=REFUSAL):
        replay(load(MINIMAL).spec, record)
    del data["record"]["rules_version"]  # naming none: the first rules
    assert GameRecord.from_json(data["record"]).rules_version == 1


@pytest.mark.parametrize("command", ["play", "report", "replay"])
def test_the_command_line_refuses_old_games(
    command: str, old_save: Path, old_record: Path, tmp_path: Path
) -> None:
    args = {
        "play": ["play", "--load", str(old_save)],
        "report": ["report", str(old_record), "--md", str(tmp_path / "r.md")],
        "replay": ["replay", "--record", str(old_record)],
    }[command]
    done = run_game(*args)
    assert done.returncode == 2
    assert REFUSAL in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.md").exists()


def test_replay_tells_a_current_record_again(old_record: Path) -> None:
    data = json.loads(old_record.read_text())
    data["record"]["rules_version"] = RULES_VERSION
    old_record.write_text(json.dumps(data))
    done = run_game("replay", "--record", str(old_record), "--json")
    assert done.returncode == 0, done.stderr
    again = json.loads(done.stdout)
    assert again["record"] == data["record"] and again["winner"] == data["winner"]
