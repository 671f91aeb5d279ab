"""What made each checkpoint come true: a tracer for the quarter step (``turn.Tracer``).

After every step of a quarter that can change the position (an income, each faction's action
in each round, a session opening, each motion it decides, its elections, each event, the slow
forces) the tracer re-tests the conditions of the checkpoints not yet reached, and notes the
step under which a condition last turned from false to true. When a quarter's end records a
checkpoint as reached, that step is its credit: the condition held from then on, so it is what
made it true. A condition's calendar terms (a session having met, a date) are left out of the
test (``substance``): "the 13th Congress has met and Stalin is still General Secretary" is
credited to what made Stalin General Secretary (here: nothing since the start), not to the
congress's meeting. The tracer only reads the state: a traced game plays exactly as an
untraced one.

Causes are numbered densely from the scenario's shape (``Causes``), so worker processes agree
on them and a batch's credits are one integer array (N, C), -1 for a checkpoint never reached.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.engine.conditions import AllOf, Cond, SessionHeld
from game.engine.spec import GameSpec
from game.engine.state import State

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

# What can make a checkpoint come true, as the decomposition's columns: a vote on the agenda
# (a motion the scenario puts), a vote on a motion a faction tabled (a policy's choice resolved
# by the rules), a session's meeting or elections, another action a policy chose, an event,
# the slow forces (with income and the dead replaced), or nothing since the start.
CATEGORIES = ("agenda vote", "tabled vote", "session", "action", "event", "slow forces", "start")
START, INCOME, SLOW = 0, 1, 2  # the fixed causes; the rest are laid out by ``Causes``
FIXED = 3
OPENED = -1  # the motion number a session's hook gives when the session has opened


def substance(condition: Cond) -> Cond:
    """A checkpoint's condition without its calendar terms: of a conjunction, the parts other
    than "session S has met" and tests of the date alone (the whole condition if nothing
    else is left)."""
    if not isinstance(condition, AllOf):
        return condition
    parts = tuple(p for p in condition.parts if not _calendar(p))
    if not parts:
        return condition
    return parts[0] if len(parts) == 1 else AllOf(parts)


def _calendar(condition: Cond) -> bool:
    met = isinstance(condition, SessionHeld) and condition.held
    return met or condition.date_only()


@dataclass(frozen=True)
class Causes:
    """The numbering of causes for one scenario: the fixed three, then one per event, two per
    session (it met; its elections), one per (session, motion) voted, one per (faction, action
    kind) chosen."""

    events: int
    sessions: int
    motions: int
    factions: int
    kinds: int

    @staticmethod
    def of(spec: GameSpec) -> Causes:
        return Causes(
            len(spec.events),
            len(spec.sessions),
            len(spec.motions),
            spec.n_factions,
            len(spec.actions.kind_names),
        )

    def event(self, e: int) -> int:
        return FIXED + e

    def session(self, s: int, elections: bool) -> int:
        """The session ``s`` met (the dead replaced, the session held), or held its elections."""
        return FIXED + self.events + 2 * s + int(elections)

    def motion(self, s: int, m: int) -> int:
        return FIXED + self.events + 2 * self.sessions + s * self.motions + m

    def action(self, f: int, kind: IntArray) -> IntArray:
        """(B,) the causes of faction ``f`` taking actions of kinds ``kind`` (B,)."""
        base = FIXED + self.events + 2 * self.sessions + self.sessions * self.motions
        return base + f * self.kinds + kind

    @property
    def count(self) -> int:
        return int(self.action(self.factions, np.zeros(1, dtype=np.int64))[0])

    def describe(self, spec: GameSpec, cause: int) -> tuple[str, str]:
        """(category, words) of a cause, for the decomposition's tables."""
        if cause < FIXED:
            return {
                START: ("start", "so from the start"),
                INCOME: ("slow forces", "income and the dead replaced"),
                SLOW: ("slow forces", "the slow forces"),
            }[cause]
        rest = cause - FIXED
        if rest < self.events:
            return "event", spec.events[rest].title
        rest -= self.events
        if rest < 2 * self.sessions:
            name = spec.sessions[rest // 2].name
            return "session", f"{name}: {'its elections' if rest % 2 else 'it met'}"
        rest -= 2 * self.sessions
        if rest < self.sessions * self.motions:
            session, motion = divmod(rest, self.motions)
            tabled = bool((spec.actions.motion == motion).any())
            words = f"{spec.sessions[session].name}: {spec.motions[motion].title}"
            return "tabled vote" if tabled else "agenda vote", words
        faction, kind = divmod(rest - self.sessions * self.motions, self.kinds)
        return "action", f"{spec.factions[faction]}: {spec.actions.kind_names[kind]}"


class CheckpointTracer:
    """Credits each checkpoint of a batch to its cause (see the module's docstring).
    ``credit`` (B, C) is the cause of each checkpoint reached, -1 where none is yet."""

    def __init__(self, spec: GameSpec, batch: int) -> None:
        shape = (batch, len(spec.checkpoints))
        self.spec = spec
        self.causes = Causes.of(spec)
        self.conditions = tuple(substance(c.condition) for c in spec.checkpoints)
        self.credit: IntArray = np.full(shape, -1, dtype=np.int64)
        self._pending: IntArray = np.full(shape, -1, dtype=np.int64)
        self._true: BoolArray = np.zeros(shape, dtype=bool)

    def _test(self, state: State, cause: int | IntArray) -> None:
        """Re-test the open checkpoints; a condition turning true notes ``cause`` (one for all
        games, or (B,))."""
        for c in np.flatnonzero((state.reached < 0).any(axis=0)):
            now = self.conditions[c].test(state)
            rising = now & ~self._true[:, c]
            self._pending[rising, c] = cause if isinstance(cause, int) else cause[rising]
            self._true[:, c] = now

    def begin_quarter(self, state: State) -> None:
        self._test(state, START)

    def after_income(self, state: State) -> None:
        self._test(state, INCOME)

    def after_action(self, state: State, faction: int, taken: IntArray) -> None:
        self._test(state, self.causes.action(faction, self.spec.actions.kind_index[taken]))

    def after_motion(self, state: State, session: int, motion: int) -> None:
        if motion == OPENED:
            self._test(state, self.causes.session(session, elections=False))
        else:
            self._test(state, self.causes.motion(session, motion))

    def after_session(self, state: State, session: int) -> None:
        self._test(state, self.causes.session(session, elections=True))

    def after_event(self, state: State, event: int) -> None:
        self._test(state, self.causes.event(event))

    def after_slow_forces(self, state: State) -> None:
        self._test(state, SLOW)

    def end_quarter(self, state: State) -> None:
        new = state.reached == state.turn
        self.credit[new] = self._pending[new]
