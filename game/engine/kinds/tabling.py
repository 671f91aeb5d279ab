"""The kinds of action that table a motion for the next session with the power to decide it:
a policy, a sanction against a rival's figure (condemn, remove from the Politburo, expel,
exile, deport), a readmission, a removal from office, the reading of Lenin's Testament.

A faction tables one motion at a time, only while some session could still decide it, and
only one it could want: a policy on its line, a sanction against a rival camp's figure.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.engine import query
from game.engine.kinds.base import ActionKind, BoolArray, IntArray, Options, Seat, Words
from game.engine.procedure import deciding_bodies, still_decidable
from game.engine.spec import (
    ACTIVE,
    CENSURED,
    EXILED,
    EXPELLED,
    PUBLISHED,
    READMITTED,
    RECANTED,
    STATUSES,
    GameSpec,
)
from game.engine.state import State
from game.engine.wants import policy_wants

MOTION_HELP = (
    "Put a question to the next session whose body has the power to decide it (the party's "
    "procedure: a congress elects the CC, a plenum the Politburo and the General Secretary, a "
    "joint plenum unseats or expels by two thirds). One tabled motion at a time."
)
MOTION_NEWS = "{who} tables a motion for the next session: {motion}."
# (B, n): the target figures ``args`` are in the state a motion kind is about.
TargetCheck = Callable[[State, IntArray], BoolArray]
# (seat, args (n,), motions (n,)) -> (B, n): what a tabling kind asks beyond a free slot and
# a session that could still decide the motion.
Rule = Callable[[Seat, IntArray, IntArray], BoolArray]
# (seat, motion index) -> why the rule forbids it in game 0.
RuleReason = Callable[[Seat, int], str]


def table(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Table the action's motion: it is put to the next session with the power to decide it,
    if it still makes sense then."""
    state.tabled[g, f] = t


def no_body_left(spec: GameSpec, state: State, m: int) -> str:
    """Why motion ``m`` cannot be tabled any more: no session left could decide it; '' if
    one could."""
    if still_decidable(spec, state.turn, np.array([m]))[0]:
        return ""
    return (
        f"No session left in the calendar has the power to decide this: it belongs to "
        f"{deciding_bodies(spec.motions[m])}."
    )


def policy_open(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B, P): the policies faction ``f`` may move: they can be put now (``query.policy_due``)
    and they are on its line (it wants them: ``wants.policy_wants`` above 0)."""
    return query.policy_due(spec, state) & (policy_wants(spec, state)[:, f, :] > 0.0)


def _in_party_or_censured(s: State, a: IntArray) -> BoolArray:
    """In the party, in good standing or censured (a censured man can be condemned again)."""
    status = s.status[:, a]
    ok = (status == ACTIVE) | (status == READMITTED) | (status == CENSURED)
    return s.in_party[:, a] & ok  # type: ignore[no-any-return]


TARGET_CHECKS: dict[str, TargetCheck] = {
    "condemn": _in_party_or_censured,
    "remove_politburo": lambda s, a: s.politburo[:, a],
    "expel": lambda s, a: s.in_party[:, a],
    "exile": lambda s, a: s.status[:, a] == EXPELLED,
    "deport": lambda s, a: s.status[:, a] == EXILED,
    "readmit": lambda s, a: (s.status[:, a] == RECANTED) & ~s.in_party[:, a],
    "remove_cc": lambda s, a: s.cc_member[:, a],
}
# What a sanction's target must be, in words, by motion kind.
NEEDS = {
    "condemn": "in the party",
    "remove_politburo": "in the Politburo",
    "remove_cc": "in the Central Committee",
    "expel": "in the party",
    "exile": "expelled first",
    "deport": "exiled first",
    "remove_office": "in office",
}


def target_fits(state: State, kind: str, figure: int) -> BoolArray:
    """(B,): the figure is alive and in the state the sanction ``kind`` is about."""
    check = TARGET_CHECKS[kind](state, np.array([figure]))[:, 0]
    return check & state.alive[:, figure]


def _tabling(
    name: str, options: Options, rule: Rule, reason: RuleReason, motion_title: str
) -> ActionKind:
    """A kind that tables motions of kind ``name`` (its options listed by ``options``):
    legal with a free slot, while a session could still decide the motion, and where
    ``rule`` allows (``reason`` says why not)."""

    def legal(seat: Seat, actions: IntArray) -> BoolArray:
        space, state = seat.spec.actions, seat.state
        motions = space.motion[actions]
        decidable = still_decidable(seat.spec, state.turn, motions)[None, :]
        free_slot = (state.tabled[:, seat.f] < 0)[:, None]
        return decidable & (free_slot & rule(seat, space.arg[actions], motions))

    def why_not(seat: Seat, action: int) -> str:
        if seat.state.tabled[0, seat.f] >= 0:
            return "You have already tabled a motion for the next session."
        m = int(seat.spec.actions.motion[action])
        return no_body_left(seat.spec, seat.state, m) or reason(seat, m)

    return ActionKind(
        f"motion_{name}",
        "motion",
        options,
        legal,
        why_not,
        table,
        Words("{motion}", "Motion", MOTION_HELP, MOTION_NEWS, motion_title),
        tables=name,
    )


def _policy_rule(seat: Seat, args: IntArray, motions: IntArray) -> BoolArray:
    """A policy not adopted yet that the faction may move (``policy_open``)."""
    open_ = policy_open(seat.spec, seat.state, seat.f)[:, args]
    return ~seat.state.adopted[:, args] & open_


def _policy_reason(seat: Seat, m: int) -> str:
    spec, state = seat.spec, seat.state
    policy = spec.motions[m].policy
    name = spec.policy_names[policy]
    if state.adopted[0, policy]:
        return "That line is already the party's."
    if state.turn < spec.policy_from[policy]:
        return f"Nobody has yet put {name} into words: it cannot be proposed yet."
    if not query.policy_due(spec, state)[0, policy]:
        return f"Nothing calls for {name} now: what it answered has not come about."
    if policy_wants(spec, state)[0, seat.f, policy] <= 0.0:
        return f"{name} is against your line: you will not move it."
    return ""


def _sanction(kind: str) -> tuple[Rule, RuleReason]:
    """The rule of a motion against a figure: the discipline mechanism on, the figure alive,
    in the state the motion is about (``TARGET_CHECKS``) and, but for a readmission, in a
    rival camp."""
    if kind not in TARGET_CHECKS or (kind != "readmit" and kind not in NEEDS):
        raise ValueError(f"motion kind {kind!r}: no target check or no words for its target")

    def rule(seat: Seat, args: IntArray, motions: IntArray) -> BoolArray:
        state = seat.state
        if not seat.spec.on("discipline"):
            return np.zeros((state.batch, len(args)), dtype=bool)
        fits = state.alive[:, args] & TARGET_CHECKS[kind](state, args)
        return fits if kind == "readmit" else fits & seat.rivals(args)

    def reason(seat: Seat, m: int) -> str:
        if not seat.spec.on("discipline"):
            return "In this scenario nobody can be disciplined."
        return _target_reason(seat, kind, seat.spec.motions[m].target)

    return rule, reason


def _target_reason(seat: Seat, kind: str, figure: int, office: int = -1) -> str:
    """Why a motion of ``kind`` against ``figure`` cannot be tabled: he is dead, one's own,
    nobody's, an ally's, or not in the state the motion is about."""
    spec, state = seat.spec, seat.state
    name = spec.figure_names[figure]
    target = int(state.figure_faction[0, figure])
    if not state.alive[0, figure]:
        return f"{name} is dead."
    if kind == "readmit":
        return f"{name} can be readmitted only once expelled and after recanting."
    if target == seat.f:
        return f"{name} is one of your own."
    if target < 0:
        return f"{name} belongs to no faction: nobody would move against him."
    if state.alliance[0, seat.f, target]:
        return f"{name}'s faction is your ally."
    status = STATUSES[int(state.status[0, figure])]
    needs = spec.office_names[office] if office >= 0 else NEEDS[kind]
    return f"{name} must be {needs} (now {status})."


def _office_rule(seat: Seat, args: IntArray, motions: IntArray) -> BoolArray:
    """A rival camp's figure who holds the office."""
    holds = seat.state.holder[:, seat.spec.motion_office[motions]] == args[None, :]
    return seat.rivals(args) & holds  # type: ignore[no-any-return]


def _office_reason(seat: Seat, m: int) -> str:
    motion = seat.spec.motions[m]
    return _target_reason(seat, "remove_office", motion.target, motion.office)


def _testament_rule(seat: Seat, args: IntArray, motions: IntArray) -> BoolArray:
    """Lenin's letter has come to light and is not yet public, and the General Secretary it
    is aimed at is neither the faction nor its ally."""
    spec, state, f = seat.spec, seat.state, seat.f
    surfaced = (state.testament >= 1) & (state.testament < PUBLISHED)
    gensec = (
        query.holds_office(state, spec.general_secretary)
        if spec.general_secretary >= 0
        else np.full(state.batch, -1)
    )
    friend = (gensec == f) | state.alliance[query.rows(state), f, np.maximum(gensec, 0)]
    return (surfaced & ~(friend & (gensec >= 0)))[:, None]  # type: ignore[no-any-return]


def _testament_reason(seat: Seat, m: int) -> str:
    state = seat.state
    if state.testament[0] < 1:
        return "Lenin's letter has not come to light."
    if state.testament[0] >= PUBLISHED:
        return "The letter is already public."
    if query.holds_office(state, seat.spec.general_secretary)[0] != seat.f:
        return "The General Secretary is your ally: you will not read a letter against him."
    return "The General Secretary will not move to read a letter against himself."


def _sanction_kind(name: str, options: Options) -> ActionKind:
    rule, reason = _sanction(name)
    title = name.replace("_", " ").capitalize()
    return _tabling(name, options, rule, reason, f"{title}: {{figure}}")


KINDS = (
    _tabling("policy", "policies", _policy_rule, _policy_reason, "Adopt: {policy}"),
    _sanction_kind("condemn", "members"),
    _sanction_kind("remove_politburo", "members"),
    _sanction_kind("expel", "members"),
    _sanction_kind("exile", "leaders"),
    _sanction_kind("deport", "leaders"),
    _sanction_kind("readmit", "members"),
    _tabling(
        "remove_office",
        "office_holders",
        _office_rule,
        _office_reason,
        "Replace {figure} as {office}",
    ),
    _tabling(
        "read_testament", "once", _testament_rule, _testament_reason, "Publish Lenin's Testament"
    ),
)
