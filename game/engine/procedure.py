"""The party's procedure in the engine: which body may decide a motion, and what carries it.

The scenario's ``procedure`` section, compiled into each motion's ``majority`` (per session
kind), says which bodies have the power to decide a motion and whether they need a simple
majority or two thirds of the votes cast. Agenda motions are put, and tabled motions wait,
only for a session whose body has that power.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import NO_POWER, SESSION_KINDS, TWO_THIRDS, GameSpec, MotionSpec, SessionSpec

BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]

BODY_NAMES = {
    "congress": "a party congress",
    "conference": "a party conference",
    "plenum": "a plenum of the Central Committee",
    "joint_plenum": "a joint plenum of the CC and the Control Commission",
    "politburo": "the Politburo",
}


def majority(motion: MotionSpec, session: SessionSpec) -> int:
    """The MAJORITIES index the session's body needs to carry the motion (0: no power)."""
    return motion.majority[session.kind]


def empowered(motion: MotionSpec, session: SessionSpec) -> bool:
    """Whether the session's body has the power to decide the motion."""
    return majority(motion, session) != NO_POWER


def needed_share(needed: int) -> float:
    """The share of the votes cast a motion needs: two thirds, or more than half."""
    return 2.0 / 3.0 if needed == TWO_THIRDS else 0.5


def carried(yes: IntArray, no: IntArray, needed: int) -> BoolArray:
    """(B,): whether a tally carries a motion needing ``needed`` (a MAJORITIES index): two
    thirds of the votes cast, or more yes than no. A body without the power carries nothing."""
    if needed == NO_POWER:
        return np.zeros(yes.shape, dtype=bool)
    if needed == TWO_THIRDS:
        return (3 * yes >= 2 * (yes + no)) & (yes > 0)
    return yes > no


def still_decidable(spec: GameSpec, turn: int, motions: IntArray) -> BoolArray:
    """(n,): whether some session from quarter ``turn`` on could decide each motion."""
    return spec.motion_last_turn[motions] >= turn


def deciding_bodies(motion: MotionSpec) -> str:
    """The bodies with the power to decide a motion, in words, with the majority they need."""
    names = [
        BODY_NAMES[kind] + (" (two thirds)" if needed == TWO_THIRDS else "")
        for kind, needed in zip(SESSION_KINDS, motion.majority, strict=True)
        if needed != NO_POWER
    ]
    return ", ".join(names) or "no body"
