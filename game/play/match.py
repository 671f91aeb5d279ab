"""A game in progress at one machine: the humans plan their actions for the quarter (and may
take them back until the quarter ends), the AI chooses for the other factions, and the
quarter is resolved. Keeps what the window shows: a report per quarter (actions, events,
votes, checkpoints) and each faction's power after every quarter.

Resolving works on a copy of the state and swaps it in at the end, so a window drawing the
old state from another thread never sees a half-played quarter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import PolicySet, parse_ai
from game.analysis.runs import Loaded
from game.engine.actions import apply_actions, legal_mask
from game.engine.explain import why_illegal
from game.engine.outcome import Outcome, decide, power_scores
from game.engine.record import ReplayMismatch, check_taken
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state
from game.engine.turn import Chooser, begin_turn, play_quarter

IntArray = NDArray[np.int64]
DIFFICULTIES = ("easy", "normal", "hard")


def policy_for(difficulty: str) -> str:
    """The AI policy that plays a difficulty: ``easy`` the personalities with thrice the
    noise, ``normal`` the standard personality-driven policy, ``hard`` the lookahead."""
    return {"easy": "easy", "normal": "standard", "hard": "hard"}[difficulty]


class IllegalPlan(Exception):
    """A human chose an action the rules do not allow now; the message says why."""


@dataclass(frozen=True)
class Setup:
    """How a game was started: which scenario, who plays which faction at this machine,
    how hard the AI plays, the seed, whether the guided opening is on, and the class
    exercise it plays (its file), if any."""

    scenario: Path
    humans: tuple[str, ...]
    difficulty: str = "normal"
    seed: int = 1
    guided: bool = True
    exercise: str | None = None


@dataclass
class TurnReport:
    """What happened in one quarter: the actions taken (rounds x factions), what the humans
    had planned, and the log of events, sessions, votes and checkpoints."""

    turn: int
    actions: list[list[int]]
    planned: dict[int, list[int]]
    log: list[dict[str, Any]] = field(default_factory=list)


class Match:
    """One game at this machine. ``actions`` and ``hashes`` replay an earlier game's
    finished quarters (a save), checking each quarter's state hash."""

    def __init__(
        self,
        loaded: Loaded,
        setup: Setup,
        actions: list[list[list[int]]] | None = None,
        hashes: list[str] | None = None,
    ) -> None:
        self.loaded = loaded
        self.setup = setup
        self.spec: GameSpec = loaded.spec
        self.human = tuple(self.spec.factions.index(h) for h in setup.humans)
        self.policies: PolicySet = parse_ai(policy_for(setup.difficulty), self.spec.factions, 1.0)
        self.state: State = initial_state(self.spec, setup.seed, np.array([0]))
        self.history: list[list[list[int]]] = []
        self.hashes: list[str] = []
        self.reports: list[TurnReport] = []
        self.strength: list[list[float]] = [self._power(self.state)]
        self.plans: dict[int, list[int]] = {f: [] for f in self.human}
        self._replay(actions or [], hashes or [])
        self._start_turn(self.state)

    @property
    def rounds(self) -> int:
        return self.spec.rules.actions_per_turn

    @property
    def over(self) -> bool:
        """The scenario has run out or the party has split."""
        return self.state.turn >= self.spec.turns or bool(self.state.split[0])

    def outcome(self) -> Outcome:
        return decide(self.spec, self.state)

    def _power(self, state: State) -> list[float]:
        return [float(x) for x in power_scores(self.spec, state)[0]]

    def _start_turn(self, state: State) -> None:
        if state.turn < self.spec.turns and not state.split[0]:
            begin_turn(self.spec, state)

    def _replay(self, actions: list[list[list[int]]], hashes: list[str]) -> None:
        """Play a save's quarters again: each quarter's actions must be the ones the rules
        allowed and lead to the state whose hash the save holds (one for every quarter)."""
        if len(hashes) != len(actions):
            raise ReplayMismatch("the save does not hold a state hash for every quarter")
        for turn, rounds in enumerate(actions):
            self._start_turn(self.state)
            recorded = np.array(rounds, dtype=np.int64)
            self.state = self._play(self.state, _recorded(recorded), {})
            check_taken(self.spec, np.array(self.history[-1:]), recorded[None], turn)
            if self.hashes[-1] != hashes[turn]:
                label = self.spec.quarter_labels[turn]
                raise ReplayMismatch(f"the replay left the save at {label}", turn)

    # --- planning -------------------------------------------------------------------------

    def planning_state(self, faction: int) -> State:
        """The position a human plans the next action from: the quarter's state with the
        actions already planned applied (only the human's own; the others act at the end)."""
        state = self.state.copy()
        for rnd, action in enumerate(self.plans[faction]):
            apply_actions(self.spec, state, faction, np.array([action]), rnd)
        return state

    def legal(self, faction: int) -> NDArray[np.bool_]:
        """(A,) the actions ``faction`` may plan next."""
        return legal_mask(self.spec, self.planning_state(faction), faction)[0]  # type: ignore[no-any-return]

    def plan(self, faction: int, action: int) -> None:
        """Plan ``action`` as the faction's next action this quarter; IllegalPlan says why not."""
        if len(self.plans[faction]) >= self.rounds:
            raise IllegalPlan(f"You have planned all {self.rounds} actions of this quarter.")
        state = self.planning_state(faction)
        if not legal_mask(self.spec, state, faction)[0, action]:
            raise IllegalPlan(why_illegal(self.spec, state, faction, action))
        self.plans[faction].append(action)

    def undo(self, faction: int) -> int | None:
        """Take back the faction's last planned action; the action, or None if none."""
        return self.plans[faction].pop() if self.plans[faction] else None

    # --- resolving ------------------------------------------------------------------------

    def resolve(self) -> TurnReport:
        """Play the quarter: each round, the humans' plans (a wait where none is left) and the
        AI's choices; then its events and sessions. Returns the quarter's report."""
        planned = {f: list(p) for f, p in self.plans.items()}
        pass_action = self.spec.actions.block("pass").start

        def choose(spec: GameSpec, state: State, rnd: int) -> IntArray:
            choices = self.policies.choose_all(spec, state, rnd)
            for f, plan in planned.items():
                choices[0, f] = plan[rnd] if rnd < len(plan) else pass_action
            return choices

        state = self._play(self.state.copy(), choose, planned)
        self._start_turn(state)
        self.state = state
        self.plans = {f: [] for f in self.human}
        return self.reports[-1]

    def _play(self, state: State, choose: Chooser, planned: dict[int, list[int]]) -> State:
        """Play one quarter's rounds and resolution on ``state`` (already past its income)."""
        turn = state.turn
        log: list[dict[str, Any]] = []
        play_quarter(self.spec, state, choose, income=False, log=log)
        head, *entries = log  # the quarter's actions come first, then what they led to
        report = TurnReport(turn, head["actions"], planned, entries)
        self.history.append(report.actions)
        self.hashes.append(state.row_hashes()[0])
        self.reports.append(report)
        self.strength.append(self._power(state))
        return state


def _recorded(actions: IntArray) -> Chooser:
    """A chooser that gives back recorded actions, (rounds, F), round by round."""

    def choose(spec: GameSpec, state: State, rnd: int) -> IntArray:
        return actions[rnd][None, :]  # type: ignore[no-any-return]

    return choose
