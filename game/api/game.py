"""One game stepped by hand, an action round at a time, for a program that plays some factions
itself (a researcher's agent, a search, a notebook) while named AI policies play the others.

Built from the engine's own steps, in the order ``play_quarter`` takes them: a quarter's income
(``begin_turn``) as it opens, one ``take_actions`` per action round, and ``resolve_turn`` (events,
sessions, slow forces, checkpoints) after the last round. The policies choose from the round's
position with the counter-based draws of (seed, run, quarter, faction, round), so a game whose
factions are all played by policies is run 0 of its seed in a batch, action for action. A game
whose party splits is played out with every faction waiting, as a batch plays it, so its
record is complete. Records are the engine's ``GameRecord`` in the wrapper ``replay --json``
writes (``replay --record`` and ``report`` read a finished one), with who played what."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import Policy, make_policy, parse_ai
from game.ai.utility import context
from game.analysis.report_game import read_saved_game
from game.api import checks
from game.api.observe import observation
from game.api.scenario import Scenario, scenario_of
from game.boundary.documents import game_issues
from game.boundary.jsondoc import JsonDocument
from game.boundary.refusal import Refused
from game.engine.actions import legal_mask
from game.engine.explain import why_illegal
from game.engine.kinds import FALLBACK
from game.engine.outcome import SPLIT, decide
from game.engine.record import GameRecord
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state, mark_humans
from game.engine.turn import begin_turn, play_quarter, resolve_turn, take_actions
from game.play.match import HUMAN
from game.scenario.errors import ScenarioError

IntArray = NDArray[np.int64]

# What ``returns()`` gives each faction at the end (zero for all while the game goes on).
OUTRIGHT_WIN = 1.0  # the winner, holding the General Secretaryship or a Politburo majority
POWER_WIN = 0.5  # the winner on the power score, without an outright win
LOSS = 0.0
SPLIT_LOSS = -0.5  # every faction, when the party splits


class Game:
    """One game of ``scenario`` (a ``Scenario``, a file, or None: the campaign) with the dice
    of ``seed``. ``policies`` names the factions the caller does not step, each with a policy
    as ``--ai`` names them (``random``, ``standard``, ``historical``, ``easy``, ``normal``,
    ``hard``; ``historicity`` weighs ``historical``); ``step`` takes an action for every
    other faction. Factions and actions are named by id and index, as in
    ``legal_actions`` and ``action_name``."""

    def __init__(
        self,
        scenario: Scenario | str | Path | None = None,
        *,
        seed: int = 1,
        policies: Mapping[str, str] | None = None,
        historicity: float = 1.0,
    ) -> None:
        chosen = scenario_of(scenario)
        share = checks.historicity(historicity)
        self._start(chosen, checks.seed(seed), 0, _players(chosen, policies or {}), share)

    def _start(
        self, scenario: Scenario, seed: int, run: int, players: dict[str, str], share: float
    ) -> None:
        spec = scenario.loaded.spec
        self._scenario = scenario
        self._spec: GameSpec = spec
        self._players = players
        self._historicity = share
        self._policies: dict[int, Policy] = {
            f: make_policy(players[fid], share)
            for f, fid in enumerate(spec.factions)
            if players[fid] != HUMAN
        }
        self._state: State = initial_state(spec, seed, np.array([run]))
        mark_humans(spec, self._state, self.stepped)
        self._round = 0
        self._quarter: list[list[int]] = []  # the actions of the current quarter's rounds
        self._history: list[list[list[int]]] = []  # (quarters, rounds, factions)
        self._hashes: list[str] = []  # the state hash after every quarter
        self._log: list[dict[str, Any]] = []
        begin_turn(spec, self._state)

    def __repr__(self) -> str:
        return (
            f"Game({str(self._scenario.path)!r}, seed={self.seed}, {self.quarter} round "
            f"{self._round}, players={self._players})"
        )

    # --- what the game is ---------------------------------------------------------------

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def seed(self) -> int:
        return self._state.seed

    @property
    def factions(self) -> tuple[str, ...]:
        """Every faction's id, in the engine's order."""
        return self._spec.factions

    @property
    def players(self) -> dict[str, str]:
        """Who plays each faction: ``human`` (stepped by the caller) or its policy."""
        return dict(self._players)

    @property
    def stepped(self) -> tuple[str, ...]:
        """The factions ``step`` needs an action for."""
        return tuple(fid for fid in self.factions if self._players[fid] == HUMAN)

    @property
    def action_names(self) -> tuple[str, ...]:
        """Every action's name, by index: the same action space for every faction."""
        return self._spec.actions.labels

    @property
    def wait(self) -> int:
        """The action that does nothing: always legal, the only one a faction out of the
        party may take besides those declared for such a faction."""
        return int(self._spec.actions.blocks[FALLBACK][0])

    def action_name(self, action: int) -> str:
        """The name of action ``action`` (``campaign:moscow``, ``motion:expel:trotsky``...)."""
        return self.action_names[self._action_index(action)]

    def _action_index(self, action: int) -> int:
        size = self._spec.actions.size
        if isinstance(action, bool) or not isinstance(action, int | np.integer):
            raise ValueError(f"an action is an index from 0 to {size - 1}, not {action!r}")
        if not 0 <= action < size:
            raise ValueError(f"no action {action}: the actions are 0 to {size - 1}")
        return int(action)

    def _faction(self, faction: str) -> int:
        if faction not in self.factions:
            raise ValueError(f"no faction {faction!r}; factions: {', '.join(self.factions)}")
        return self.factions.index(faction)

    # --- where the game is --------------------------------------------------------------

    @property
    def turn(self) -> int:
        """Quarters played."""
        return self._state.turn

    @property
    def round(self) -> int:
        """Action rounds played in the current quarter."""
        return self._round

    @property
    def quarter(self) -> str:
        """The quarter being played (``1923Q2``); the last one once the game is over."""
        return self._spec.quarter_labels[min(self.turn, self._spec.turns - 1)]

    @property
    def log(self) -> list[dict[str, Any]]:
        """What happened, as ``replay --json`` logs it: each quarter's actions (when the
        quarter ends), then its events, sessions, votes and checkpoints reached."""
        return copy.deepcopy(self._log)

    def is_over(self) -> bool:
        """The scenario has run out or the party has split."""
        return self.turn >= self._spec.turns or bool(self._state.split[0])

    def winner(self) -> str | None:
        """The winner's id, ``split`` if the party split, None while the game goes on."""
        if not self.is_over():
            return None
        winner = int(decide(self._spec, self._state).winner[0])
        return "split" if winner == SPLIT else self.factions[winner]

    def returns(self) -> dict[str, float]:
        """Each faction's reward: 0 for all while the game goes on; at the end 1 for an
        outright win, 0.5 for a win on the power score, 0 for the others, -0.5 for all on a
        split."""
        zero = dict.fromkeys(self.factions, LOSS)
        if not self.is_over():
            return zero
        outcome = decide(self._spec, self._state)
        winner = int(outcome.winner[0])
        if winner == SPLIT:
            return dict.fromkeys(self.factions, SPLIT_LOSS)
        zero[self.factions[winner]] = OUTRIGHT_WIN if outcome.outright[0] else POWER_WIN
        return zero

    def observation(self, faction: str) -> dict[str, float]:
        """What ``faction`` sees now, as readable numbers (``game.api.observe``): the turn
        and round, its stats, power score, seats, offices and alliances, the party's tracks."""
        return observation(self._spec, self._state, self._faction(faction), self._round)

    def legal_actions(self, faction: str) -> list[int]:
        """The actions ``faction`` may take this round (none once the game is over)."""
        if self.is_over():
            return []
        mask = legal_mask(self._spec, self._state, self._faction(faction))[0]
        return [int(a) for a in np.flatnonzero(mask)]

    # --- playing ------------------------------------------------------------------------

    def step(self, actions: Mapping[str, int] | None = None) -> dict[str, int]:
        """Play one action round: ``actions`` gives one legal action for every stepped
        faction (none when policies play them all); the policies choose for the others from
        the same position; all are applied in faction order (an action an earlier faction's
        move made impossible is played as a wait). After the quarter's last round, its events
        and sessions follow. Returns the actions taken, by faction. ValueError for a game
        that is over, a faction unknown or not stepped, a stepped faction left out, or an
        action not legal now (the message says why)."""
        if self.is_over():
            raise ValueError("the game is over")
        return self._advance(self._choices(dict(actions or {})))

    def _choices(self, actions: dict[str, int]) -> IntArray:
        """(1, F): the caller's actions, checked, and the policies' choices."""
        for fid in actions:
            f = self._faction(fid)
            if self._players[fid] != HUMAN:
                raise ValueError(
                    f"{fid} is played by the {self._players[fid]} policy; step the factions "
                    f"you play: {', '.join(self.stepped)}"
                )
            action = self._action_index(actions[fid])
            if not legal_mask(self._spec, self._state, f)[0, action]:
                reason = why_illegal(self._spec, self._state, f, action)
                raise ValueError(f"{fid} may not take {self.action_name(action)} now: {reason}")
        missing = [fid for fid in self.stepped if fid not in actions]
        if missing:
            raise ValueError(
                f"no action for {', '.join(missing)}: step needs one for every faction you play"
            )
        choices = np.zeros((1, self._spec.n_factions), dtype=np.int64)
        if self._policies:
            ctx = context(self._spec, self._state)
            for f, policy in self._policies.items():
                choices[:, f] = policy.choose(self._spec, self._state, f, self._round, ctx)
        for fid, action in actions.items():
            choices[0, self.factions.index(fid)] = action
        return choices

    def _advance(self, choices: IntArray) -> dict[str, int]:
        """Apply one round's choices (1, F); after the quarter's last round, resolve it."""
        taken = take_actions(self._spec, self._state, choices, self._round)[0].tolist()
        self._quarter.append(taken)
        self._round += 1
        if self._round == self._spec.rules.actions_per_turn:
            self._finish_quarter()
        return dict(zip(self.factions, taken, strict=True))

    def _finish_quarter(self) -> None:
        """The quarter's events and sessions, as ``play_quarter`` holds them after its
        rounds; then the next quarter's income, or, after a split, the remaining quarters
        played out with every faction waiting."""
        spec, state = self._spec, self._state
        self._log.append({"type": "actions", "turn": state.turn, "actions": self._quarter})
        resolve_turn(spec, state, self._log)
        self._close_quarter(self._quarter)
        while state.split[0] and state.turn < spec.turns:
            taken = play_quarter(spec, state, self._waits, log=self._log)
            self._close_quarter(taken[0].tolist())
        if state.turn < spec.turns:
            begin_turn(spec, state)

    def _close_quarter(self, actions: list[list[int]]) -> None:
        self._history.append(actions)
        self._hashes.append(self._state.row_hashes()[0])
        self._quarter, self._round = [], 0

    def _waits(self, spec: GameSpec, state: State, rnd: int) -> IntArray:
        return np.full((state.batch, spec.n_factions), self.wait, dtype=np.int64)

    def clone(self) -> Game:
        """An independent copy: stepping either leaves the other as it was."""
        twin = copy.copy(self)
        twin._state = self._state.copy()
        twin._players = dict(self._players)
        twin._policies = dict(self._policies)  # policies hold no state of a game
        twin._quarter = copy.deepcopy(self._quarter)
        twin._history = copy.deepcopy(self._history)
        twin._hashes = list(self._hashes)
        twin._log = copy.deepcopy(self._log)
        return twin

    # --- records ------------------------------------------------------------------------

    def to_record(self) -> dict[str, Any]:
        """The game as JSON-ready data: the scenario file, the engine's record of the
        finished quarters (actions and a state hash each, seed, run, policies, with
        ``players``: who played each faction) and the rounds played of the current quarter
        (``rounds``). A finished game's record is read by ``replay --record`` and ``report``."""
        ai = ",".join(f"{fid}={who}" for fid, who in self._players.items())
        record = GameRecord(
            self._scenario.sha256,
            self.seed,
            int(self._state.run_index[0]),
            ai,
            self._historicity,
            copy.deepcopy(self._history),
            list(self._hashes),
            humans=list(self.stepped),
        )
        return {
            "scenario": str(self._scenario.path),
            "record": {**record.to_json(), "players": dict(self._players)},
            "rounds": copy.deepcopy(self._quarter),
        }

    @classmethod
    def from_record(
        cls, data: Mapping[str, Any], scenario: Scenario | str | Path | None = None
    ) -> Game:
        """The game ``to_record`` gave (or a record as ``replay --json`` prints it), played
        again to where it was: every quarter must replay to its state hash. ``scenario``
        defaults to the file the record names. ValueError for a record that is not one, is
        for another scenario, or does not replay under these rules."""
        try:
            return cls._replayed(dict(data), scenario)
        except ScenarioError:
            raise
        except Refused as error:
            raise ValueError(f"not a record this game can replay: {error}") from None

    @classmethod
    def _replayed(cls, data: dict[str, Any], scenario: Scenario | str | Path | None) -> Game:
        document = JsonDocument("<record>", json.dumps(data, indent=1), data)
        saved = read_saved_game(document)
        if saved is None:
            raise ValueError("not a game record: expected a mapping with a 'record'")
        chosen = scenario_of(scenario if scenario is not None else saved.scenario)
        record, spec = saved.record, chosen.loaded.spec
        if record.scenario_sha256 != chosen.sha256:
            raise ValueError(f"the record was made with another scenario than {chosen.path}")
        shape = (spec.turns, spec.rules.actions_per_turn, spec.n_factions, spec.actions.size)
        issues = game_issues(record.actions, record.hashes, shape)
        if issues:
            raise saved.refuse(issues)
        rounds = _rounds(data.get("rounds", []), shape)
        if saved.players is None:
            players = _players_of_ai(chosen, record.ai, record.historicity)
        else:
            ai = {fid: who for fid, who in saved.players.items() if who != HUMAN}
            players = _players(chosen, ai)
        game = cls.__new__(cls)
        game._start(chosen, record.seed, record.run_index, players, record.historicity)
        game._play_back(record.actions, rounds)
        if game._history != record.actions or game._hashes != record.hashes:
            raise ValueError("the record does not replay under these rules")
        return game

    def _play_back(self, quarters: list[list[list[int]]], rounds: list[list[int]]) -> None:
        """Take the recorded actions of every quarter (those after a split are played out
        anyway), then those of the current quarter's rounds; each must be taken as recorded."""
        for t, quarter in enumerate(quarters):
            for row in quarter if t >= len(self._history) else []:
                self._take_recorded(row)
        for row in rounds:
            self._take_recorded(row)

    def _take_recorded(self, row: list[int]) -> None:
        if self.is_over():
            raise ValueError("the record holds actions after the game's end")
        quarter = self.quarter
        if self._advance(np.array([row], dtype=np.int64)) != dict(
            zip(self.factions, row, strict=True)
        ):
            raise ValueError(f"the record holds an action the rules did not allow in {quarter}")


def _players(scenario: Scenario, policies: Mapping[str, str]) -> dict[str, str]:
    """Who plays each faction: its policy where ``policies`` names one, else ``human``
    (stepped by the caller). ValueError for an unknown faction or policy."""
    factions = scenario.factions
    for fid, name in policies.items():
        if fid not in factions:
            raise ValueError(f"policies name no faction {fid!r}; factions: {', '.join(factions)}")
        if name != HUMAN:
            make_policy(name, 1.0)  # an unknown name: ValueError listing the policies
    return {fid: policies.get(fid, HUMAN) for fid in factions}


def _players_of_ai(scenario: Scenario, text: str, share: float) -> dict[str, str]:
    """Each faction's policy in an ``--ai`` text (a record that names no players: every
    faction played by the AI), once ``parse_ai`` has accepted it."""
    parse_ai(text, scenario.factions, share)
    parts = [part.strip() for part in text.split(",") if part.strip()]
    named = dict(
        (key.strip(), value.strip())
        for key, _, value in (p.partition("=") if "=" in p else ("default", "", p) for p in parts)
    )
    default = named.get("default", "standard")
    return {fid: named.get(fid, default) for fid in scenario.factions}


def _rounds(rounds: object, shape: tuple[int, int, int, int]) -> list[list[int]]:
    """The current quarter's rounds in a record: fewer than a quarter's, one action of the
    scenario's for every faction each."""
    _, per_quarter, factions, count = shape
    if (
        isinstance(rounds, list)
        and len(rounds) < per_quarter
        and all(isinstance(row, list) and len(row) == factions for row in rounds)
        and all(type(a) is int and 0 <= a < count for row in rounds for a in row)
    ):
        return rounds
    raise ValueError(
        f"'rounds' must list fewer than {per_quarter} rounds of one action (0 to {count - 1}) "
        f"for each of the {factions} factions"
    )
