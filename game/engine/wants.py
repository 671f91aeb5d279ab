"""What a faction wants: its line, and how much it wants each motion to pass.

One definition, used by the vote model (``votes.stances``), by the agenda (who moves a
historical item: ``sessions``), by the legality of tabled motions (``actions``) and by the AI
(``game.ai.utility``). A want runs from -1 (fights it with everything) to 1 (wants nothing
more); a faction whose leader is out of the party wants nothing (0).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.spec import (
    MOTION_KINDS,
    READ_TO_CONGRESS,
    SANCTION_KINDS,
    GameSpec,
    MotionSpec,
)
from game.engine.state import DECLARATION_KEPT, IDEOLOGY, State

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def line(state: State) -> FloatArray:
    """(B, F): each faction's line, its place on the left (-1) .. right (+1) axis."""
    return state.stats[:, :, IDEOLOGY]


def policy_wants(spec: GameSpec, state: State) -> FloatArray:
    """(B, F, P): how much each faction wants each policy: 1 - 2 |line - position|, clipped
    to [-1, 1]; a policy half the axis away or further is against its line (<= 0)."""
    distance = np.abs(line(state)[:, :, None] - spec.policy_position[None, None, :])
    return np.clip(1.0 - 2.0 * distance, -1.0, 1.0)


def wants(
    spec: GameSpec, state: State, motion: MotionSpec, danger: FloatArray | None = None
) -> FloatArray:
    """(B, F): how much each faction wants ``motion`` to pass, whoever moves it: the stance
    formula of its kind (below), clipped to [-1, 1], 0 for a faction whose leader is out; the
    faction a motion strikes is set at -1 and its allies pulled toward it. ``danger`` (B, F)
    is the position's ``query.threat`` if the caller has it already."""
    kind = MOTION_KINDS[motion.kind]
    if kind == "policy":
        stance = policy_wants(spec, state)[:, :, motion.policy]
    elif kind in ("read_testament", "confirm_secretary") or _removes_gensec(spec, motion):
        stance = secretary_stance(spec, state)
        if kind != "confirm_secretary" and not contains_letter(motion):
            stance = -stance
    elif kind in (*SANCTION_KINDS, "remove_office", "readmit", "condemn_line"):
        # A resolution against a line names nobody: no comrade's punishment to shrink from.
        named = kind != "condemn_line"
        stance = sanction_stance(spec, state, struck(spec, state, motion), named, danger)
        if kind == "readmit":
            stance = -stance
    else:
        stance = np.full((state.batch, spec.n_factions), spec.rules.k["routine_support"])
    stance = np.clip(stance, -1.0, 1.0)
    stance = np.where(query.leader_active(spec, state), stance, 0.0)
    victim = struck(spec, state, motion)
    if kind != "condemn_line":  # an unnamed deviation: its own people may vote for it
        pin(spec, state, stance, victim, -1.0)
    if kind == "readmit":
        pin(spec, state, stance, target_faction(state, motion), 1.0)
    if kind == "confirm_secretary":
        pin(spec, state, stance, query.holds_office(state, spec.general_secretary), 1.0)
    return stance


def struck(spec: GameSpec, state: State, motion: MotionSpec) -> IntArray:
    """(B,): the faction a motion strikes, -1 none: a sanction's or an office removal's
    target's faction, the General Secretary's for a reading of Lenin's letter, the faction
    whose line lies furthest toward a condemned deviation (nobody for a containment of the
    letter: ``contains_letter``)."""
    kind = MOTION_KINDS[motion.kind]
    if kind in (*SANCTION_KINDS, "remove_office"):
        return target_faction(state, motion)
    if kind == "read_testament" and not contains_letter(motion):
        return query.holds_office(state, spec.general_secretary)
    if kind == "condemn_line":
        return deviating(spec, state, motion.deviation)
    return np.full(state.batch, -1, dtype=np.int64)


def contains_letter(motion: MotionSpec) -> bool:
    """Whether ``motion`` reads Lenin's letter short of the congress it was addressed to (to
    each delegation apart, as the plenum of May 1924 decided): a containment, wanted by those
    who would keep the General Secretary, since the alternative left open is the full reading
    Lenin asked for; nobody is struck by it."""
    kind = MOTION_KINDS[motion.kind]
    return kind == "read_testament" and 0 <= motion.testament < READ_TO_CONGRESS


def deviating(spec: GameSpec, state: State, side: int) -> IntArray:
    """(B,): the active faction whose line lies furthest to ``side`` (+1 right, -1 left),
    -1 if no faction is active."""
    active = query.leader_active(spec, state)
    far = np.where(active, side * line(state), -np.inf)
    return np.where(active.any(axis=1), np.argmax(far, axis=1), -1)


def against(spec: GameSpec, state: State, motion: MotionSpec, want: FloatArray) -> BoolArray:
    """(B, F): moving ``motion`` would be against the faction itself: it strikes the faction
    (its leader or one of its figures), or the faction's ally, or it is against the
    faction's line or interest (``want`` (B, F), from ``wants``, at most 0)."""
    victim = struck(spec, state, motion)
    faction = np.arange(spec.n_factions)[None, :]
    own = victim[:, None] == faction
    rows = query.rows(state)
    allied = np.where(victim[:, None] >= 0, state.alliance[rows, :, np.maximum(victim, 0)], False)
    return own | allied | (want <= 0.0)  # type: ignore[no-any-return]


def secretary_stance(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): how far each faction wants to keep the General Secretary: a little by default,
    less for every grudge against him and once Lenin's letter about him is known, less the
    more of the regional machines he already holds."""
    rows = query.rows(state)
    gensec = query.holds_office(state, spec.general_secretary)
    held = gensec[:, None] >= 0
    grudge = np.where(held, state.grievance[rows, :, np.maximum(gensec, 0)], 0.0)
    letter = spec.rules.k["testament_doubt"] * publicity(state.testament)
    machines = query.machine_share(state, gensec)
    fear = spec.rules.k["machine_fear"] * machines * spec.on("apparatus")
    stance = spec.rules.k["secretary_support"] - grudge - (letter + fear)[:, None]
    own = np.arange(spec.n_factions)[None, :] == gensec[:, None]
    return np.where(own, 1.0, stance)


def publicity(testament: IntArray) -> FloatArray:
    """(B,): how widely Lenin's letter is known: 0 hidden, 1 surfaced among the leaders,
    rising to 2 once it is printed for the whole party to read."""
    return np.where(testament >= 1, 1.0 + (testament - 1) / 3.0, 0.0)


def sanction_stance(
    spec: GameSpec,
    state: State,
    target: IntArray,
    named: bool = True,
    danger: FloatArray | None = None,
) -> FloatArray:
    """(B, F): bystanders back a sanction against a faction they hold grudges against, whose
    line is far from theirs and who threatens them (``query.threat``, as the AI judges it: the
    Troika turned on the most famous man, the victors of 1927 on the last rival standing); the
    base stance (negative) is the reluctance to punish a comrade, left out when the motion
    ``named`` nobody. While the target's faction keeps a declaration of submission
    (``sessions.declare``: it has renounced factional work, as the opposition did on 8 August
    1927) the political reasons, line and menace, fall away, and only grudges argue for
    punishing it. ``target`` (B,) is the struck faction, -1 none (then nobody cares: 0);
    ``danger`` (B, F), the position's ``query.threat`` if the caller has it already."""
    k = spec.rules.k
    rows = query.rows(state)
    t = np.maximum(target, 0)
    grudge = state.grievance[rows, :, t] if spec.on("alliances") else 0.0
    ideology = line(state)
    distance = np.abs(ideology - ideology[rows, t][:, None])
    danger = query.threat(spec, state) if danger is None else danger
    menace = k["sanction_threat"] * danger[rows, t][:, None]
    kept = state.declared[rows, t] == DECLARATION_KEPT
    political = np.where(kept[:, None], 0.0, k["sanction_distance"] * distance + menace)
    stance = k["sanction_base"] * named + grudge + political
    return np.where(target[:, None] >= 0, stance, 0.0)


def pin(spec: GameSpec, state: State, stance: FloatArray, faction: IntArray, value: float) -> None:
    """Set a faction's stance (in place), and (with alliances on) pull its allies most of the
    way along. ``faction`` (B,), -1 where nobody is pinned."""
    has = faction >= 0
    rows = np.flatnonzero(has)
    f = faction[has]
    if spec.on("alliances"):
        allies = state.alliance[rows, f, :]
        pull = spec.rules.k["ally_pull"]
        pulled = np.where(allies, (1.0 - pull) * stance[rows] + pull * value, stance[rows])
        stance[rows] = pulled
    stance[rows, f] = value


def _removes_gensec(spec: GameSpec, motion: MotionSpec) -> bool:
    return MOTION_KINDS[motion.kind] == "remove_office" and motion.office == spec.general_secretary


def target_faction(state: State, motion: MotionSpec) -> IntArray:
    """(B,): the faction of the motion's target figure, -1 if it has none or is unaligned."""
    if motion.target < 0:
        return np.full(state.batch, -1, dtype=np.int64)
    return state.figure_faction[:, motion.target]
