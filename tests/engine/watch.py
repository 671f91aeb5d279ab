"""Standard play watched vote by vote, for the procedure and agenda tests.

RUNS standard games of the campaign are played as one batch, and every vote and every carried
motion is checked as it happens (through ``sessions.vote`` and ``sessions.apply_motion``):
the body has the power to decide the motion and carries it by the majority it needs; nobody
moves a motion against his own leader, his figures, his ally or his line; a historical item is
moved by its named sponsor when that faction wants it, else by the faction that wants it most;
no policy is voted before its date; an office taken by a motion goes to the mover's camp.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import pytest

from game.engine import query, sessions
from game.engine.spec import MOTION_KINDS, NO_POWER, TWO_THIRDS, GameSpec, MotionSpec, SessionSpec
from game.engine.state import State, initial_state
from game.engine.turn import play
from game.engine.votes import VoteResult
from game.engine.wants import struck, wants

from .helpers import CAMPAIGN, chooser, spec_of

RUNS = 1000
SEED = 1
IntArray = np.ndarray[Any, np.dtype[np.int64]]


@dataclass
class Watch:
    """What the watched games did: every breach found, and counts showing that each rule was
    really exercised (votes are counted once per game)."""

    breaches: list[str] = field(default_factory=list)
    movers: dict[str, int] = field(default_factory=dict)
    votes: int = 0
    tabled: int = 0
    two_thirds: int = 0
    policies: int = 0
    offices_moved: int = 0


def _willing(spec: GameSpec, state: State, motion: MotionSpec) -> tuple[np.ndarray, np.ndarray]:
    """(B, F) wants and (B, F) who may move it: leader in the party, the motion strikes
    neither the faction nor its ally, and it wants the motion."""
    want = wants(spec, state, motion)
    victim = struck(spec, state, motion)
    rows = np.arange(state.batch)
    faction = np.arange(spec.n_factions)[None, :]
    own = victim[:, None] == faction
    ally = (victim[:, None] >= 0) & state.alliance[rows, :, np.maximum(victim, 0)]
    ok = query.leader_active(spec, state) & ~own & ~ally & (want > 0)
    return want, ok


def _check_mover(
    spec: GameSpec, state: State, motion: MotionSpec, sponsor: IntArray, watch: Watch
) -> None:
    """The mover of each game in this vote is allowed, and is the right one for an agenda
    item."""
    want, ok = _willing(spec, state, motion)
    rows = np.arange(state.batch)
    s = np.maximum(sponsor, 0)
    victim = struck(spec, state, motion)
    ally = (victim >= 0) & state.alliance[rows, s, np.maximum(victim, 0)]
    if ((sponsor < 0) | (victim == sponsor) | ally).any():
        watch.breaches.append(f"{motion.id}: moved against the mover's own camp or its ally")
    if MOTION_KINDS[motion.kind] == "policy" and (want[rows, s] <= 0).any():
        watch.breaches.append(f"{motion.id}: a policy moved against the mover's line")
    if motion.session < 0:
        return
    if not ok[rows, s].all():
        watch.breaches.append(f"{motion.id}: an agenda item moved by an unwilling faction")
    named = motion.sponsor_faction
    if named < 0:
        named_now = query.holds_office(state, motion.sponsor_office)
    else:
        named_now = np.full(state.batch, named)
    keeps = (named_now >= 0) & ok[rows, np.maximum(named_now, 0)]
    keenest = np.argmax(np.where(ok, want, -np.inf), axis=1)
    expected = np.where(keeps, named_now, keenest)
    if (sponsor != expected).any():
        watch.breaches.append(f"{motion.id}: moved by {sponsor} instead of {expected}")
    watch.movers["named"] = watch.movers.get("named", 0) + int(keeps.sum())
    watch.movers["keenest"] = watch.movers.get("keenest", 0) + int((~keeps).sum())


def _check_procedure(
    spec: GameSpec, session: SessionSpec, motion: MotionSpec, result: VoteResult, watch: Watch
) -> None:
    """The body may decide the motion, and it carried it exactly when the votes cast gave the
    majority it needs (two thirds of yes and no together, or more yes than no); a policy is
    voted only from its date."""
    needed = motion.majority[session.kind]
    if needed == NO_POWER:
        watch.breaches.append(f"{motion.id}: voted by {session.id}, which has no power over it")
    yes, no = result.yes, result.no
    two_thirds = needed == TWO_THIRDS
    wanted = 3 * yes >= 2 * (yes + no) if two_thirds else yes > no
    if (result.passed != wanted).any():
        watch.breaches.append(f"{motion.id}: carried against its majority at {session.id}")
    if MOTION_KINDS[motion.kind] == "policy":
        watch.policies += len(yes)
        if session.turn < spec.policy_from[motion.policy]:
            watch.breaches.append(f"{motion.id}: voted at {session.id}, before its date")
    watch.votes += len(yes)
    watch.tabled += len(yes) if motion.id.startswith("tabled_") else 0
    watch.two_thirds += len(yes) if two_thirds else 0


def _check_office(
    spec: GameSpec, state: State, motion: MotionSpec, games: IntArray, sponsor: IntArray
) -> Iterator[str]:
    """After a passed removal from office, the office is held by the mover's camp wherever
    the mover had an active figure to give it to."""
    holder = state.holder[games, motion.office]
    camp = np.where(holder >= 0, state.figure_faction[games, np.maximum(holder, 0)], -1)
    mine = state.figure_faction[games] == sponsor[:, None]
    has_man = (query.figure_active(state)[games] & mine).any(axis=1)
    if (has_man & (camp != sponsor)).any():
        yield f"{motion.id}: the office went outside the mover's camp"


@cache
def watched() -> Watch:
    """RUNS standard runs of SEED, played as one batch, every vote and carried motion
    watched."""
    spec = spec_of(CAMPAIGN)
    watch = Watch()
    real_vote, real_apply = sessions.vote, sessions.apply_motion

    def vote(
        spec: GameSpec,
        state: State,
        session: SessionSpec,
        motion: MotionSpec,
        sponsor: IntArray,
        *rest: Any,
    ) -> VoteResult:
        _check_mover(spec, state, motion, sponsor, watch)
        result = real_vote(spec, state, session, motion, sponsor, *rest)
        _check_procedure(spec, session, motion, result, watch)
        return result

    def apply(
        spec: GameSpec, state: State, motion: MotionSpec, games: IntArray, sponsor: IntArray
    ) -> None:
        real_apply(spec, state, motion, games, sponsor)
        if MOTION_KINDS[motion.kind] == "remove_office" and games.size:
            watch.offices_moved += int(games.size)
            watch.breaches.extend(_check_office(spec, state, motion, games, sponsor))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sessions, "vote", vote)
        patch.setattr(sessions, "apply_motion", apply)
        play(spec, initial_state(spec, SEED, np.arange(RUNS)), chooser(spec, "standard"))
    return watch
