"""Game records: a recorded game replays to the same state, a tampered record is caught at the
quarter where it was changed, and a record survives a trip through JSON."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from game.engine.record import GameRecord, ReplayMismatch, record_game, replay
from game.engine.spec import GameSpec

from .helpers import (
    MINIMAL,
    RUN,
    SEED,
    WIDE,
    chooser,
    full_batch,
    loaded,
    recorded,
)

SMALL = pytest.mark.parametrize("path", [MINIMAL, WIDE], ids=["minimal", "wide"])


def costly_slot(spec: GameSpec, rec: GameRecord) -> tuple[int, int, int]:
    """The first (turn, round, faction) whose recorded action cost influence."""
    price = spec.actions.cost
    actions = np.array(rec.actions)
    for index in np.ndindex(actions.shape):
        if price[actions[index]] > 0:
            return index  # type: ignore[return-value]
    raise AssertionError("no recorded action cost anything")


def test_replay_reproduces_the_recorded_game(scenario_path: Path) -> None:
    """A record has one action per (quarter, round, faction) and one hash per quarter; it is
    run RUN exactly as the batch of runs 0..N-1 played it, and replaying it reaches the
    recorded state after every quarter and the same final state. (That the records of every
    policy match their batches is checked in test_determinism.)"""
    ai = "historical"
    spec = loaded(scenario_path).spec
    rec, final = recorded(scenario_path, ai)
    shape = (spec.turns, spec.rules.actions_per_turn, spec.n_factions)
    assert np.array(rec.actions).shape == shape
    batch = full_batch(scenario_path, ai)
    assert rec.hashes == [turn[RUN] for turn in batch.hashes]
    assert rec.actions == batch.history[RUN].tolist()
    replayed = replay(spec, rec)
    assert replayed.turn == spec.turns
    assert replayed.row_hashes() == final.row_hashes() == [rec.hashes[-1]]


@SMALL
def test_replay_tells_the_same_story(path: Path) -> None:
    """The log of a replay (actions, events, sessions, votes with their reasons, checkpoints)
    is the log of the recorded game."""
    source = loaded(path)
    spec = source.spec
    log: list[dict[str, Any]] = []
    rec, _ = record_game(
        spec, source.sha256, SEED, RUN, "standard", 0.6, chooser(spec, "standard"), log
    )
    again: list[dict[str, Any]] = []
    replay(spec, rec, again)
    assert json.dumps(again, sort_keys=True) == json.dumps(log, sort_keys=True)
    assert {"actions", "session"} <= {entry["type"] for entry in log}


@SMALL
def test_a_changed_action_is_caught_at_its_quarter(path: Path) -> None:
    """Replacing one recorded action that cost influence by ``pass`` (always legal, free)
    makes ``replay`` raise ``ReplayMismatch`` naming that quarter, not an earlier one."""
    spec = loaded(path).spec
    rec = copy.deepcopy(recorded(path, "random")[0])
    turn, rnd, faction = costly_slot(spec, rec)
    rec.actions[turn][rnd][faction] = spec.actions.block("pass").start
    label = spec.quarter_labels[turn]
    with pytest.raises(ReplayMismatch, match=rf"at {re.escape(label)}$"):
        replay(spec, rec)


@SMALL
def test_a_record_without_every_hash_is_refused(path: Path) -> None:
    """Without its hashes a record could not be checked on the way, so a changed action would
    pass as the game: a record must hold a state hash for every quarter (issue 11)."""
    spec = loaded(path).spec
    rec = copy.deepcopy(recorded(path, "random")[0])
    turn, rnd, faction = costly_slot(spec, rec)
    rec.actions[turn][rnd][faction] = spec.actions.block("pass").start
    for hashes in ([], rec.hashes[:-1]):
        rec.hashes = hashes
        with pytest.raises(ReplayMismatch, match="a state hash for every quarter"):
            replay(spec, rec)


@SMALL
def test_a_changed_hash_seed_or_run_is_caught(path: Path) -> None:
    """A wrong hash is reported at its own quarter; a record replayed under another seed or run
    index leaves the record."""
    spec = loaded(path).spec
    rec = recorded(path, "random")[0]
    wrong_hash = copy.deepcopy(rec)
    last = spec.turns - 1
    wrong_hash.hashes[last] = "0" * 16
    with pytest.raises(ReplayMismatch, match=re.escape(spec.quarter_labels[last])):
        replay(spec, wrong_hash)
    for change in ({"seed": SEED + 1}, {"run_index": RUN + 1}):
        other = GameRecord.from_json({**copy.deepcopy(rec.to_json()), **change})
        with pytest.raises(ReplayMismatch):
            replay(spec, other)


def test_record_round_trips_through_json() -> None:
    """``to_json`` gives plain JSON data; ``from_json`` of the parsed text gives an equal
    record, which still replays."""
    rec = recorded(WIDE, "historical")[0]
    text = json.dumps(rec.to_json())
    back = GameRecord.from_json(json.loads(text))
    assert back == rec
    assert json.dumps(back.to_json()) == text
    assert replay(loaded(WIDE).spec, back).row_hashes() == [rec.hashes[-1]]


def test_a_record_of_another_scenario_or_version_is_refused() -> None:
    """A record is refused before any play when its scenario hash or format version differ."""
    spec = loaded(MINIMAL).spec
    rec = recorded(MINIMAL, "random")[0]
    with pytest.raises(ReplayMismatch, match="another scenario"):
        replay(spec, rec, sha256="f" * 64)
    newer = GameRecord.from_json({**copy.deepcopy(rec.to_json()), "version": 99})
    with pytest.raises(ReplayMismatch, match="version 99"):
        replay(spec, newer)
    replay(spec, rec, sha256=rec.scenario_sha256)
