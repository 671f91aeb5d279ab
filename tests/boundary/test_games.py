"""Saves and records that cannot lie: a game is taken only with a state hash for every
quarter it holds, each matching its replay, and every action one the rules allowed where it
was taken. Emptying ``hashes`` used to switch the check off; an illegal action, replayed as a
wait, with its hashes computed again, used to load as a real game and be reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from game.analysis.commands import replay_text
from game.analysis.report_game import read_game_file, replay_saved
from game.analysis.runs import load
from game.boundary.refusal import Refused
from game.engine.actions import legal_mask
from game.engine.record import GameRecord, IllegalAction, replay
from game.engine.spec import GameSpec
from game.engine.state import initial_state
from game.engine.turn import begin_turn, play_quarter
from game.play.match import Match, Setup
from game.play.saves import SaveError, read_save, to_json

from .contract import ROOT

MINIMAL = ROOT / "tests" / "scenario" / "minimal.yaml"


def _forged(spec: GameSpec, seed: int, run: int, actions: list[Any]) -> tuple[list[Any], list[str]]:
    """``actions`` with the first faction's first action made one the rules forbid there, and
    the state hashes of that game played again (the engine plays the action as a wait)."""
    opening = initial_state(spec, seed, np.array([run]))
    begin_turn(spec, opening)
    changed = np.array(actions, dtype=np.int64)
    changed[0, 0, 0] = int(np.flatnonzero(~legal_mask(spec, opening, 0)[0])[0])
    state = initial_state(spec, seed, np.array([run]))
    hashes = []
    for _ in changed:
        play_quarter(spec, state, lambda _spec, state, rnd: changed[state.turn, rnd][None, :])
        hashes.append(state.row_hashes()[0])
    return changed.tolist(), hashes


def test_a_record_with_an_illegal_action_and_its_own_hashes_is_refused(tmp_path: Path) -> None:
    loaded = load(MINIMAL)
    data = replay_text(loaded, 3, 0, "standard", 1.0)
    record = GameRecord.from_json(data["record"])
    actions, hashes = _forged(loaded.spec, 3, 0, record.actions)
    forged = GameRecord.from_json({**data["record"], "actions": actions, "hashes": hashes})
    with pytest.raises(IllegalAction, match="1922Q2 is not one the rules allowed"):
        replay(loaded.spec, forged, sha256=loaded.sha256)
    path = tmp_path / "forged.json"
    path.write_text(json.dumps({"scenario": str(MINIMAL), "record": forged.to_json()}))
    with pytest.raises(Refused, match=r"forged.json:\d+:\d+: record\.actions\.0: cannot replay"):
        replay_saved(loaded, read_game_file(path))


def _save_with(tmp_path: Path, **changes: Any) -> Path:
    match = Match(load(MINIMAL), Setup(MINIMAL, ("trotsky",)))
    for _ in range(3):
        match.resolve()
    path = tmp_path / "save.json"
    path.write_text(json.dumps({**to_json(match), **changes}))
    return path


def test_a_save_with_an_illegal_action_and_its_own_hashes_is_refused(tmp_path: Path) -> None:
    loaded = load(MINIMAL)
    match = Match(loaded, Setup(MINIMAL, ("trotsky",)))
    match.resolve()
    actions, hashes = _forged(loaded.spec, 1, 0, match.history)
    path = tmp_path / "save.json"
    path.write_text(json.dumps({**to_json(match), "actions": actions, "hashes": hashes}))
    with pytest.raises(SaveError, match=r"actions\.0: the save does not replay.*not one the rules"):
        read_save(path)


@pytest.mark.parametrize("hashes", [[], ["c820c43fef06acd5"]])
def test_a_save_without_every_hash_is_refused(tmp_path: Path, hashes: list[str]) -> None:
    path = _save_with(tmp_path, hashes=hashes)
    with pytest.raises(SaveError, match="every quarter needs its hash"):
        read_save(path)


def test_a_save_with_a_changed_action_is_refused_at_its_quarter(tmp_path: Path) -> None:
    document = json.loads(_save_with(tmp_path).read_text())
    document["actions"][1][0][1] = 0 if document["actions"][1][0][1] else 1
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document))
    with pytest.raises(SaveError, match=r"hashes\.1: the save does not replay"):
        read_save(path)
