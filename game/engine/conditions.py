"""Compiled conditions: small trees that test a batch of game states at once.

The scenario loader compiles the YAML condition language into these nodes once; each node's
``test`` returns a boolean array of shape (B,). Nothing here is ever ``eval``-ed.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from game.engine.state import State

BoolArray = NDArray[np.bool_]

COMPARATORS: dict[str, Callable[[NDArray[np.float64], float], BoolArray]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


class Cond:
    """A condition over a batch of states."""

    def test(self, state: State) -> BoolArray:
        raise NotImplementedError

    def date_only(self) -> bool:
        """True if the condition tests nothing but the date."""
        return False


@dataclass(frozen=True)
class AllOf(Cond):
    parts: tuple[Cond, ...]

    def test(self, state: State) -> BoolArray:
        result = np.ones(state.batch, dtype=bool)
        for part in self.parts:
            result &= part.test(state)
        return result

    def date_only(self) -> bool:
        return all(part.date_only() for part in self.parts)


@dataclass(frozen=True)
class AnyOf(Cond):
    parts: tuple[Cond, ...]

    def test(self, state: State) -> BoolArray:
        result = np.zeros(state.batch, dtype=bool)
        for part in self.parts:
            result |= part.test(state)
        return result

    def date_only(self) -> bool:
        return all(part.date_only() for part in self.parts)


@dataclass(frozen=True)
class Not(Cond):
    part: Cond

    def test(self, state: State) -> BoolArray:
        return ~self.part.test(state)

    def date_only(self) -> bool:
        return self.part.date_only()


@dataclass(frozen=True)
class StatusIn(Cond):
    figure: int
    statuses: tuple[int, ...]

    def test(self, state: State) -> BoolArray:
        return np.isin(state.status[:, self.figure], self.statuses)


@dataclass(frozen=True)
class OfficeHeld(Cond):
    """Office held by a figure (``figure`` >= 0), by anyone of a faction, or vacant."""

    office: int
    figure: int = -1
    faction: int = -1

    def test(self, state: State) -> BoolArray:
        holder = state.holder[:, self.office]
        if self.figure >= 0:
            return holder == self.figure  # type: ignore[no-any-return]
        if self.faction >= 0:
            rows = np.arange(state.batch)
            held = holder >= 0
            faction = state.figure_faction[rows, np.maximum(holder, 0)]
            return held & (faction == self.faction)  # type: ignore[no-any-return]
        return holder < 0


@dataclass(frozen=True)
class OnPolitburo(Cond):
    figure: int
    member: bool

    def test(self, state: State) -> BoolArray:
        return state.politburo[:, self.figure] == self.member  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Allied(Cond):
    first: int
    second: int
    active: bool

    def test(self, state: State) -> BoolArray:
        return state.alliance[:, self.first, self.second] == self.active  # type: ignore[no-any-return]


@dataclass(frozen=True)
class PolicyAdopted(Cond):
    policy: int
    adopted: bool

    def test(self, state: State) -> BoolArray:
        return state.adopted[:, self.policy] == self.adopted  # type: ignore[no-any-return]


@dataclass(frozen=True)
class MotionPassed(Cond):
    motion: int
    passed: bool

    def test(self, state: State) -> BoolArray:
        return state.passed[:, self.motion] == self.passed  # type: ignore[no-any-return]


@dataclass(frozen=True)
class SessionHeld(Cond):
    session: int
    held: bool

    def test(self, state: State) -> BoolArray:
        return state.held[:, self.session] == self.held  # type: ignore[no-any-return]


@dataclass(frozen=True)
class EventFired(Cond):
    event: int
    fired: bool

    def test(self, state: State) -> BoolArray:
        return state.fired[:, self.event] == self.fired  # type: ignore[no-any-return]


@dataclass(frozen=True)
class TrackCompare(Cond):
    track: int
    op: str
    value: float

    def test(self, state: State) -> BoolArray:
        return COMPARATORS[self.op](state.tracks[:, self.track], self.value)


@dataclass(frozen=True)
class StatCompare(Cond):
    faction: int
    stat: int
    op: str
    value: float

    def test(self, state: State) -> BoolArray:
        return COMPARATORS[self.op](state.stats[:, self.faction, self.stat], self.value)


@dataclass(frozen=True)
class DateBetween(Cond):
    first_turn: int
    last_turn: int

    def test(self, state: State) -> BoolArray:
        inside = self.first_turn <= state.turn <= self.last_turn
        return np.full(state.batch, inside, dtype=bool)

    def date_only(self) -> bool:
        return True


@dataclass(frozen=True)
class TestamentIn(Cond):
    states: tuple[int, ...]

    def test(self, state: State) -> BoolArray:
        return np.isin(state.testament, self.states)
