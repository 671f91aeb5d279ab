"""A game in progress at one machine: the humans plan their actions for the quarter (and may
take them back until the quarter ends), the AI chooses for the other factions, and the
quarter is resolved. Keeps what the window shows: a report per quarter (actions, events,
votes, checkpoints) and each faction's power after every quarter.

Resolving works on a copy of the state and swaps it in at the end, so a window drawing the
old state from another thread never sees a half-played quarter.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.ai.policies import PolicySet, parse_ai
from game.analysis.runs import Loaded
from game.engine import query
from game.engine.actions import apply_actions, legal_mask
from game.engine.explain import why_illegal
from game.engine.forecast import forecast_vote
from game.engine.names import faction_names
from game.engine.outcome import Outcome, decide, power_scores
from game.engine.record import ReplayMismatch, check_taken
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state, mark_humans
from game.engine.turn import Chooser, begin_turn, play_quarter
from game.play.changes import Standing, standing
from game.play.outcomes import Outcomes

IntArray = NDArray[np.int64]
DIFFICULTIES = ("easy", "normal", "hard")
HUMAN = "human"
SEED_RANGE = 1_000_000  # fresh seeds are drawn below this: short enough to read out to a class


def fresh_seed() -> int:
    """A seed for a new game's dice, drawn from the system's entropy (1 to 999,999), so that
    no two groups share their dice unless a teacher sets one seed for the class."""
    return 1 + secrets.randbelow(SEED_RANGE - 1)


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


@dataclass(frozen=True)
class Tabled:
    """The forecast a motion was planned with, kept until its vote: the tabling ``action``,
    the quarter whose board it was taken on, the session it was forecast for, the chance it
    passes there and the likely tally."""

    action: int
    turn: int
    session: int
    chance: float
    yes: float
    no: float


@dataclass
class GuideProgress:
    """One human player's progress through the guide (``game.ui.guide``): the ids of the
    notes read, and whether the player stopped it. Kept with the match, so a save holds it
    and a loaded game's guide goes on where it was."""

    seen: set[str] = field(default_factory=set)
    stopped: bool = False


@dataclass
class TurnReport:
    """What happened in one quarter: the actions taken (rounds x factions), what the humans
    had planned, the log of events, sessions, votes and checkpoints, the (round, faction)
    actions whose drawn outcome went against their faction, and the factions' names as the
    quarter left them (an expelled leader shown as such) and as it opened, when its actions
    were taken (``opening``: a leader expelled by the quarter's congress acted unexpelled),
    with the board's offices, seats and allegiances at both ends (``game.play.changes``)."""

    turn: int
    actions: list[list[int]]
    planned: dict[int, list[int]]
    log: list[dict[str, Any]] = field(default_factory=list)
    refused: list[tuple[int, int]] = field(default_factory=list)
    names: tuple[str, ...] = ()
    opening: tuple[str, ...] = ()
    opened: Standing | None = None  # the board as the quarter opened, for the news
    closed: Standing | None = None  # and as it left it


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
        mark_humans(self.spec, self.state, setup.humans)
        self.history: list[list[list[int]]] = []
        self.hashes: list[str] = []
        self.reports: list[TurnReport] = []
        self.strength: list[list[float]] = [self._power(self.state)]
        self.plans: dict[int, list[int]] = {f: [] for f in self.human}
        self.forecasts: dict[tuple[int, int], Tabled] = {}  # (faction, action) -> as planned
        self._replay(actions or [], hashes or [])
        self._start_turn(self.state)
        self.seen = len(self.reports)  # quarters whose events and sessions were shown
        self.kept: int | None = None  # quarters played when last saved under a name
        self.guides: dict[int, GuideProgress] = {}  # each human's guide, by faction

    @property
    def players(self) -> dict[str, str]:
        """Who plays each faction, by faction id: ``human``, or the AI policy that plays it."""
        policy = policy_for(self.setup.difficulty)
        return {
            fid: HUMAN if f in self.human else policy for f, fid in enumerate(self.spec.factions)
        }

    @property
    def unsaved(self) -> bool:
        """Something of this game is in no save made under a name: quarters played since, or
        actions planned this quarter."""
        planned = any(self.plans.values())
        return planned or (bool(self.history) and self.kept != len(self.history))

    @property
    def rounds(self) -> int:
        return self.spec.rules.actions_per_turn

    @property
    def over(self) -> bool:
        """The scenario has run out or the party has split."""
        return self.state.turn >= self.spec.turns or bool(self.state.split[0])

    def outcome(self) -> Outcome:
        return decide(self.spec, self.state)

    def decided_for(self, faction: int) -> bool:
        """Every rival leader is out of the party, has recanted or is dead, and the
        faction's own is not: the contest is decided unless it loses the commanding heights."""
        down = query.leader_neutralised(self.spec, self.state)[0]
        rivals = [f for f in range(self.spec.n_factions) if f != faction]
        return bool(down[rivals].all() and not down[faction])

    def sidelined(self) -> bool:
        """Every human's leader is out of the party or dead: the humans can only recant or
        wait, and the game goes on without them."""
        active = query.leader_active(self.spec, self.state)[0]
        return not any(active[f] for f in self.human)

    def names_after(self, turn: int) -> tuple[str, ...]:
        """The factions' names as quarter ``turn`` left them (an expelled leader shown as
        such); today's names for a quarter not played yet."""
        for report in self.reports:
            if report.turn == turn and report.names:
                return report.names
        return faction_names(self.spec, self.state)

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
            for f in self.human:  # the forecasts the humans' motions were planned with
                planning = self.state.copy()
                for rnd, action in enumerate(recorded[:, f]):
                    self._remember(planning, f, int(action))
                    apply_actions(self.spec, planning, f, np.array([action]), rnd)
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
        self._remember(state, faction, action)
        self.plans[faction].append(action)

    def _remember(self, state: State, faction: int, action: int) -> None:
        """Keep the forecast of a motion planned on ``state``, to show until its vote."""
        forecast = forecast_vote(self.spec, state, faction, action)
        if forecast is not None:
            self.forecasts[(faction, action)] = Tabled(
                action,
                state.turn,
                forecast.session,
                forecast.chance_to_pass,
                forecast.yes,
                forecast.no,
            )

    def awaiting(self, faction: int) -> list[Tabled]:
        """The faction's motions awaiting their vote, with the forecasts they were planned
        with: those planned this quarter, and the one tabled for a later session."""
        tabled = int(self.state.tabled[0, faction])
        actions = [*self.plans.get(faction, []), *([tabled] if tabled >= 0 else [])]
        found = [self.forecasts.get((faction, a)) for a in dict.fromkeys(actions)]
        return [f for f in found if f is not None]

    def undo(self, faction: int) -> int | None:
        """Take back the faction's last planned action; the action, or None if none."""
        return self.plans[faction].pop() if self.plans[faction] else None

    # --- resolving ------------------------------------------------------------------------

    def resolve(self, auto: bool = False) -> TurnReport:
        """Play the quarter: each round, the humans' plans (a wait where none is left) and the
        AI's choices — with ``auto``, the AI chooses for the humans' factions too; then its
        events and sessions. Returns the quarter's report."""
        planned = {} if auto else {f: list(p) for f, p in self.plans.items()}
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

    def fast_forward(self, stop: Callable[[], bool]) -> None:
        """Play the remaining quarters with the AI choosing for every faction, under the rules,
        until the game is over or ``stop()`` says so (checked between quarters)."""
        while not self.over and not stop():
            self.resolve(auto=True)
            self.seen = len(self.reports)  # told in the news, never as screens

    def _play(self, state: State, choose: Chooser, planned: dict[int, list[int]]) -> State:
        """Play one quarter's rounds and resolution on ``state`` (already past its income)."""
        turn = state.turn
        log: list[dict[str, Any]] = []
        outcomes = Outcomes(self.spec)
        opening, opened = faction_names(self.spec, state), standing(state)
        play_quarter(self.spec, state, choose, income=False, log=log, tracer=outcomes)
        head, *entries = log  # the quarter's actions come first, then what they led to
        names = faction_names(self.spec, state)
        report = TurnReport(
            turn, head["actions"], planned, entries, outcomes.refused, names, opening, opened,
            standing(state),
        )  # fmt: skip
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
