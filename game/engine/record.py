"""A game as a record: scenario hash, seed, run index, policies and the actions taken, with a
state hash per turn, so that it replays exactly and any divergence is caught at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import GameSpec
from game.engine.state import State, initial_state, mark_humans
from game.engine.turn import Chooser, play

IntArray = NDArray[np.int64]
RECORD_VERSION = 1
# The version of the rules: what a game's actions lead to. Bumped whenever the rules change so
# that an old game's actions would play out differently (2: issue 8, the party's procedure,
# sponsored agendas, the fitted vote model and the rivals' judgement; 3: the vote model's
# thin-tailed squash refitted, Lenin's letter contained, Moscow's two offices; 4: the
# declaration of submission, a session judges a man once; 5: no agenda item is moved in the
# name of a faction a person plays; 6: nor is a declaration of submission made, and only the
# expelled are put to readmission). Saves and
# records carry the version that made them; one made under other rules is refused, never
# replayed wrongly.
RULES_VERSION = 6
UNVERSIONED_RULES = 1  # saves and records from before rules versions were written down


class ReplayMismatch(Exception):
    """A replay reached a different state than the record says; ``turn`` is the quarter
    where it left the record, if one did."""

    def __init__(self, message: str, turn: int | None = None) -> None:
        super().__init__(message)
        self.turn = turn

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where in the record the replay left it: the quarter's state hash, else the actions."""
        return ("actions",) if self.turn is None else ("hashes", self.turn)


class IllegalAction(ReplayMismatch):
    """A record holds an action the rules did not allow where it was taken."""

    @property
    def loc(self) -> tuple[str | int, ...]:
        return ("actions",) if self.turn is None else ("actions", self.turn)


class RulesVersionError(ReplayMismatch):
    """A save or record made under another version of the rules."""


def check_rules_version(made_by: object) -> None:
    """Refuse a game made under rules other than these: ``made_by`` is the version the save
    or record names (``UNVERSIONED_RULES`` where it names none)."""
    if made_by != RULES_VERSION:
        raise RulesVersionError(
            f"made by rules version {made_by}; this is rules version {RULES_VERSION}, "
            "and its actions would not play out as they did"
        )


@dataclass
class GameRecord:
    """Everything needed to replay one game exactly. ``actions`` is (turns, rounds, factions)."""

    scenario_sha256: str
    seed: int
    run_index: int
    ai: str
    historicity: float
    actions: list[list[list[int]]]
    hashes: list[str] = field(default_factory=list)
    version: int = RECORD_VERSION
    rules_version: int = RULES_VERSION
    humans: list[str] = field(default_factory=list)  # the factions a person played

    def to_json(self) -> dict[str, Any]:
        return dict(vars(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GameRecord:
        """A record from JSON; one that names no rules version was made under the first."""
        return cls(**{"rules_version": UNVERSIONED_RULES, **data})


def record_game(
    spec: GameSpec,
    sha256: str,
    seed: int,
    run_index: int,
    ai: str,
    historicity: float,
    choose: Chooser,
    log: list[dict[str, Any]] | None = None,
) -> tuple[GameRecord, State]:
    """Play one game with ``choose`` and record it."""
    state = initial_state(spec, seed, np.array([run_index]))
    hashes: list[str] = []
    history = play(spec, state, choose, log, on_turn=lambda s: hashes.append(s.row_hashes()[0]))
    record = GameRecord(sha256, seed, run_index, ai, historicity, history[0].tolist(), hashes)
    return record, state


def replay(
    spec: GameSpec,
    record: GameRecord,
    log: list[dict[str, Any]] | None = None,
    sha256: str | None = None,
) -> State:
    """Play a record's actions again, checking the state hash after every turn. Given the
    scenario's ``sha256``, a record made with another scenario is refused at once, and one
    made under other rules raises ``RulesVersionError``."""
    check_rules_version(record.rules_version)
    if record.version != RECORD_VERSION:
        raise ReplayMismatch(
            f"the record is version {record.version}; this program reads {RECORD_VERSION}"
        )
    if sha256 is not None and record.scenario_sha256 != sha256:
        raise ReplayMismatch("the record was made with another scenario (its hash differs)")
    if len(record.hashes) != len(record.actions):
        raise ReplayMismatch("the record does not hold a state hash for every quarter")
    actions = np.array(record.actions, dtype=np.int64)
    state = initial_state(spec, record.seed, np.array([record.run_index]))
    try:
        mark_humans(spec, state, record.humans)
    except ValueError as error:
        raise ReplayMismatch(f"the record's humans name {error}") from None

    def recorded(spec: GameSpec, state: State, rnd: int) -> IntArray:
        return actions[state.turn, rnd][None, :]  # type: ignore[no-any-return]

    def check(state: State) -> None:
        turn = state.turn - 1
        if state.row_hashes()[0] != record.hashes[turn]:
            raise ReplayMismatch(f"the replay left the record at {spec.quarter_labels[turn]}", turn)

    taken = play(spec, state, recorded, log, on_turn=check)[0]
    check_taken(spec, taken, actions)
    return state


def check_taken(spec: GameSpec, taken: IntArray, recorded: IntArray, first: int = 0) -> None:
    """Refuse a record whose actions the rules did not all allow: the engine plays an
    illegal action as a wait, so the actions taken, (turns, rounds, F) from quarter
    ``first``, differ from the recorded ones in the first quarter that held one."""
    differs = np.flatnonzero((taken != recorded).any(axis=(1, 2)))
    if differs.size:
        turn = first + int(differs[0])
        raise IllegalAction(
            f"an action recorded in {spec.quarter_labels[turn]} is not one the rules allowed", turn
        )
