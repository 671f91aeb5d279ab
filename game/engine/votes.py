"""Votes: how a body of delegates, a Central Committee or a Politburo decides a motion.

A body is a hall of blocs (a region's delegation, a faction's members of the Central
Committee, the uncommitted functionaries...). Part of a bloc votes as one: the delegates its
machine holds (its grip: delegations were chosen through the secretaries' machines) or a
faction's disciplined members; they cast their votes the way their machine or faction wants.
The rest vote yes with a probability built from named terms on a logit-like scale: the
apparatus that controls the bloc, the members' sympathies, the party's mood, prestige,
legitimacy, fear for unity (and, once the opposition has been condemned as a faction, the
uncommitted closing ranks behind the General Secretary), chance. The yes votes of the blocs add
up to the tally, and every term of every bloc can be shown to the player.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.procedure import carried, majority
from game.engine.rng import STREAM_VOTE, normal
from game.engine.spec import (
    ACTIVE,
    MOTION_KINDS,
    READMITTED,
    RECANTED,
    SESSION_KINDS,
    GameSpec,
    MotionSpec,
    SessionSpec,
)
from game.engine.state import IDEOLOGY, LEGITIMACY, MOOD, PRESTIGE, UNITY, State
from game.engine.wants import pin, struck, target_faction, wants

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

TERMS = ("apparatus", "sympathy", "mood", "prestige", "legitimacy", "unity", "chance", "bias")


@dataclass
class Hall:
    """A body's voting blocs side by side (a region's delegation, a faction's members of the
    Central Committee, the uncommitted functionaries...): N blocs, each array (B, N) with one
    column a bloc, ``lean`` (B, N, F + 1)."""

    names: list[str]
    size: IntArray
    lean: FloatArray  # members' sympathies, last column uncommitted
    machine: IntArray  # faction of the apparatus that controls the bloc, -1 none
    grip: FloatArray  # how firmly that apparatus holds it
    whip: IntArray  # faction whose wish the solid part follows, -1 none
    solid: FloatArray  # share of the bloc that votes as one, the whip's way

    def __add__(self, other: Hall) -> Hall:
        """Both bodies in one hall (a joint plenum: the CC and the Control Commission)."""
        joined = (np.concatenate([getattr(self, f), getattr(other, f)], axis=1) for f in _ARRAYS)
        return Hall(self.names + other.names, *joined)


_ARRAYS = ("size", "lean", "machine", "grip", "whip", "solid")


@dataclass
class BlocVote:
    """One bloc's part of the tally in one game, with the terms that moved it."""

    name: str
    size: int
    yes: int
    no: int
    terms: dict[str, float]
    solid: int = 0  # votes cast as one by the bloc's machine or faction (the terms move the rest)


@dataclass
class VoteResult:
    """Shapes (B,). ``explanation`` is filled only when asked for: one list of blocs per game."""

    passed: BoolArray
    yes: IntArray
    no: IntArray
    explanation: list[list[BlocVote]] | None


def squash(x: FloatArray) -> FloatArray:
    """Map a score to a probability in (0, 1): x / sqrt(1 + x^2), with arithmetic and a
    correctly rounded square root only (bit-identical everywhere). Its tails close like 1/x^2,
    so a hall whose every term says yes is near unanimous (score 3: 97%; 6: 99%), as the
    recorded halls were; the earlier x / (1 + |x|) left one voter in 2x against any
    consensus, which capped a unanimous congress at about 95%."""
    return 0.5 + 0.5 * x / np.sqrt(1.0 + x * x)


def stances(spec: GameSpec, state: State, motion: MotionSpec, sponsor: IntArray) -> FloatArray:
    """(B, F): how each faction votes its members: what it wants (``wants.wants``), except
    that a mover who wants its motion throws its whole weight behind it (+1, its allies
    pulled along). ``sponsor`` (B,) is the mover, -1 none."""
    stance = wants(spec, state, motion)
    rows = query.rows(state)
    keen = (sponsor >= 0) & (stance[rows, np.maximum(sponsor, 0)] > 0.0)
    pin(spec, state, stance, np.where(keen, sponsor, -1), 1.0)
    return stance


def spec_kind(motion: MotionSpec) -> str:
    return MOTION_KINDS[motion.kind]


def body(
    spec: GameSpec, state: State, session: SessionSpec, stance: FloatArray | None = None
) -> Hall:
    """The voting blocs of a session: regional delegations for congresses and conferences,
    the Central Committee's groups for plenums, the members for the Politburo. ``stance``
    (B, F) is the factions' wish on the motion put, None for an election."""
    kind = SESSION_KINDS[session.kind]
    if kind in ("congress", "conference"):
        return _delegations(spec, state, session.voting_delegates, stance)
    if kind == "politburo":
        return _politburo(spec, state)
    hall = _central_committee(spec, state, state.cc_size, "CC")
    if kind == "joint_plenum":
        ccc = np.full(state.batch, session.ccc_size, dtype=np.int64)
        hall = hall + _central_committee(spec, state, ccc, "CCC")
    return hall


def _delegations(spec: GameSpec, state: State, total: int, stance: FloatArray | None) -> Hall:
    """One bloc a region: its delegates, held by its secretary's machine."""
    seats = query.delegates_by_region(total, state.members)
    uncommitted = 1.0 - state.sympathy.sum(axis=2, keepdims=True)
    lean = np.concatenate([state.sympathy, np.maximum(uncommitted, 0.0)], axis=2)
    if spec.on("membership"):
        grip = spec.rules.k["grip_base"] + spec.rules.k["grip_recruits"] * state.recruits
    else:
        grip = np.full_like(state.recruits, spec.rules.k["grip_base"])
    grip = np.maximum(
        0.0, grip * (1.0 - spec.rules.k["grip_defiance"] * _defiance(spec, state, stance))
    )
    solid = _block(spec, np.minimum(grip, 1.0))
    secretary = state.secretary
    return Hall(list(spec.region_names), seats, lean, secretary, grip, secretary, solid)


def _block(spec: GameSpec, hold: FloatArray) -> FloatArray:
    """The share of a bloc its machine casts as one vote: ``machine_block`` of its hold, none
    without the apparatus mechanism."""
    return hold * (spec.rules.k["machine_block"] if spec.on("apparatus") else 0.0)


def _defiance(spec: GameSpec, state: State, stance: FloatArray | None) -> FloatArray:
    """(B, R): the share of a region's members who lean to some faction other than the one
    that runs its machine (the largest such faction): a machine cannot deliver a delegation
    whose members have turned against it. On a motion, only a following whose faction wants
    the other outcome than the machine's counts: members who agree with it do not defy it."""
    sec = state.secretary
    own = np.arange(spec.n_factions)[None, None, :] == sec[:, :, None]
    following = np.where(own, 0.0, state.sympathy)
    if stance is not None:
        machine = np.take_along_axis(stance, np.maximum(sec, 0), axis=1)  # (B, R)
        opposed = stance[:, None, :] * machine[:, :, None] < 0.0
        following = np.where(opposed | (sec[:, :, None] < 0), following, 0.0)
    return following.max(axis=2)  # type: ignore[no-any-return]


def _factions(spec: GameSpec, state: State, names: list[str], size: IntArray) -> Hall:
    """Each faction's own members of a body, ``size`` (B, F): the disciplined part votes as
    the faction wants."""
    b, n = state.batch, spec.n_factions
    lean = np.zeros((b, n, n + 1))
    lean[:, np.arange(n), np.arange(n)] = 1.0
    whip = np.repeat(np.arange(n, dtype=np.int64)[None, :], b, axis=0)
    discipline = np.full((b, n), spec.rules.k["faction_discipline"])
    return Hall(names, size, lean, np.full((b, n), -1), np.zeros((b, n)), whip, discipline)


def _loose(spec: GameSpec, name: str, size: IntArray, machine: IntArray, hold: FloatArray) -> Hall:
    """One bloc of ``size`` (B,) members with no leader of their own, swayed by ``machine``
    (B,) (-1 none) as firmly as ``hold`` (B,)."""
    lean = np.zeros((size.shape[0], 1, spec.n_factions + 1))
    lean[:, :, -1] = 1.0
    solid = _block(spec, hold)
    column = machine[:, None]
    return Hall([name], size[:, None], lean, column, hold[:, None], column, solid[:, None])


def _central_committee(spec: GameSpec, state: State, size: IntArray, body: str) -> Hall:
    """The groups of a committee of ``size`` (B,) members split as the Central Committee is:
    the CC itself, or the Control Commission the same congress elected beside it. The
    functionaries with no leader of their own are swayed by the General Secretary's machine,
    the more firmly the more of the regional machines it runs (full grip at half the party)."""
    counts = query.delegates_by_region(size, np.maximum(state.cc_share, 0.0))
    names = [f"{spec.faction_names[f]} ({body})" for f in range(spec.n_factions)]
    machine = query.holds_office(state, spec.general_secretary)
    reach = query.machine_share(state, machine)
    hold = spec.rules.k["cc_machine_grip"] * np.minimum(1.0, 2.0 * reach)
    loose = _loose(spec, f"Uncommitted {body} members", counts[:, -1], machine, hold)
    return _factions(spec, state, names, counts[:, :-1]) + loose


def _politburo(spec: GameSpec, state: State) -> Hall:
    seats = query.politburo_seats(spec, state).astype(np.int64)
    names = [f"{spec.faction_names[f]} (Politburo)" for f in range(spec.n_factions)]
    unaligned = (state.politburo & (state.figure_faction < 0)).sum(axis=1).astype(np.int64)
    none, zero = np.full(state.batch, -1), np.zeros(state.batch)
    return _factions(spec, state, names, seats) + _loose(
        spec, "Unaligned members", unaligned, none, zero
    )


def vote(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    motion: MotionSpec,
    sponsor: IntArray,
    noise_key: int,
    explain: bool = False,
) -> VoteResult:
    """Put ``motion`` to the session's body in every game. ``sponsor`` (B,) is the moving
    faction (-1 none); ``noise_key`` keeps this vote's chance draws apart from others'."""
    tally = _tally(spec, state, session, motion, sponsor, noise_key)
    yes_total = tally.yes.sum(axis=1)
    no_total = (tally.size - tally.yes).sum(axis=1)
    explained = _explained(tally) if explain else None
    passed = carried(yes_total, no_total, majority(motion, session))
    return VoteResult(passed, yes_total, no_total, explained)


def _explained(tally: Tally) -> list[list[BlocVote]]:
    """Each game's blocs, with their votes and the terms that moved them."""
    return [
        [
            BlocVote(
                name,
                int(tally.size[g, i]),
                int(tally.yes[g, i]),
                int(tally.size[g, i] - tally.yes[g, i]),
                {term: float(value[g, i]) for term, value in tally.terms.items()},
                int(tally.solid[g, i]),
            )
            for i, name in enumerate(tally.names)
        ]
        for g in range(tally.size.shape[0])
    ]


def expected_share(
    spec: GameSpec, state: State, session: SessionSpec, motion: MotionSpec, sponsor: IntArray
) -> FloatArray:
    """(B,): the yes share a mover counting the votes beforehand expects: the tally of every
    bloc without its chance term, deterministic (what the whips know, not the day's luck)."""
    tally = _tally(spec, state, session, motion, sponsor, None)
    yes = tally.yes.sum(axis=1).astype(np.float64)
    return yes / np.maximum(tally.size.sum(axis=1), 1.0)  # type: ignore[no-any-return]


@dataclass
class Tally:
    """A body's blocs side by side: N blocs, each column one bloc. Shapes (B, N)."""

    names: list[str]
    size: IntArray
    terms: dict[str, FloatArray]  # each term of each bloc's score
    solid: IntArray  # votes cast as one by the bloc's machine or faction
    yes: IntArray


def _tally(
    spec: GameSpec,
    state: State,
    session: SessionSpec,
    motion: MotionSpec,
    sponsor: IntArray,
    noise_key: int | None,
) -> Tally:
    """Every bloc of the session's body with its terms, its solid votes and its yes votes;
    ``noise_key`` keys the chance draws, None for no chance term at all."""
    stance = stances(spec, state, motion, sponsor)
    common = _common_terms(spec, state, motion, sponsor, stance)
    hall = body(spec, state, session, stance)
    n = len(hall.names)
    if noise_key is None:
        noise = np.zeros((state.batch, n))
    else:
        draws = normal(state.seed, state.run_index, state.turn, STREAM_VOTE, n + 1, noise_key)
        shared = spec.rules.k["shared_chance"]
        noise = shared * draws[:, -1:] + (1.0 - shared * shared) ** 0.5 * draws[:, :-1]
    terms = _hall_terms(spec, hall, stance, common, noise)
    score = np.zeros(hall.size.shape)
    for value in terms.values():
        score = score + value
    solid, yes = _hall_yes(hall, stance, squash(score))
    return Tally(hall.names, hall.size, terms, solid, yes)


def _hall_yes(hall: Hall, stance: FloatArray, chance_yes: FloatArray) -> tuple[IntArray, IntArray]:
    """(B, N) each bloc's solid votes and its yes votes: the solid part votes as one, yes if
    its whip wants the motion and no if it does not (split like the rest if it does not
    care); the rest vote yes with probability ``chance_yes`` (B, N)."""
    solid = np.round(hall.size * np.where(hall.whip >= 0, hall.solid, 0.0)).astype(np.int64)
    want = np.take_along_axis(stance, np.maximum(hall.whip, 0), axis=1)
    solid_yes = np.where(want > 0, 1.0, np.where(want < 0, 0.0, chance_yes))
    yes = np.round(solid * solid_yes + (hall.size - solid) * chance_yes).astype(np.int64)
    return solid, yes


def named_opposition(spec: GameSpec, state: State, opponent: IntArray) -> FloatArray:
    """(B,) 1 where the faction against the motion has already been condemned as a faction
    (its leader censured or worse, and not taken back), else 0."""
    rows = query.rows(state)
    leader = spec.faction_leader[np.maximum(opponent, 0)]
    status = state.status[rows, leader]
    named = (opponent >= 0) & ~np.isin(status, (ACTIVE, RECANTED, READMITTED))
    return named.astype(np.float64)


def _common_terms(
    spec: GameSpec, state: State, motion: MotionSpec, sponsor: IntArray, stance: FloatArray
) -> dict[str, FloatArray]:
    """Terms that move every uncommitted voter alike: mood, prestige, legitimacy, unity."""
    w, k = spec.rules.vote, spec.rules.k
    rows = query.rows(state)
    kind = spec_kind(motion)
    opponent = np.argmin(stance, axis=1)
    target = (
        struck(spec, state, motion) if kind == "condemn_line" else target_faction(state, motion)
    )
    opponent = np.where(target >= 0, target, opponent)
    has_sponsor = sponsor >= 0
    s = np.maximum(sponsor, 0)
    zero = np.zeros(state.batch)
    terms = {name: zero for name in ("mood", "prestige", "legitimacy", "unity")}
    mood = state.tracks[:, MOOD]
    if spec.on("mediator"):
        if kind == "policy":
            terms["mood"] = w["mood"] * (0.5 - np.abs(mood - spec.policy_position[motion.policy]))
        elif target.max(initial=-1) >= 0:
            far = np.abs(state.stats[rows, np.maximum(target, 0), IDEOLOGY] - mood)
            sign = -1.0 if kind == "readmit" else 1.0
            terms["mood"] = np.where(
                target >= 0, sign * w["mood"] * (far - k["mood_tolerance"]), 0.0
            )
    gap = state.stats[rows, s, PRESTIGE] - state.stats[rows, opponent, PRESTIGE]
    terms["prestige"] = np.where(has_sponsor, w["prestige"] * gap, 0.0)
    if spec.on("legitimacy"):
        gap = state.stats[rows, s, LEGITIMACY] - state.stats[rows, opponent, LEGITIMACY]
        terms["legitimacy"] = np.where(has_sponsor, w["legitimacy"] * gap, 0.0)
    if spec.on("unity") and target.max(initial=-1) >= 0:
        fear = 1.0 - state.tracks[:, UNITY]
        breaches = np.minimum(1.0, state.breaches[rows, np.maximum(target, 0)] / 2.0)
        sign = -1.0 if kind == "readmit" else 1.0
        terms["unity"] = np.where(target >= 0, sign * w["unity"] * fear * breaches, 0.0)
    if spec.on("unity"):
        gensec = query.holds_office(state, spec.general_secretary)
        line = np.where(gensec >= 0, stance[rows, np.maximum(gensec, 0)], 0.0)
        ranks = k["named_faction"] * named_opposition(spec, state, opponent) * line
        terms["unity"] = terms["unity"] + ranks
    return terms


def _hall_terms(
    spec: GameSpec,
    hall: Hall,
    stance: FloatArray,
    common: dict[str, FloatArray],
    noise: FloatArray,
) -> dict[str, FloatArray]:
    """The named terms of every bloc's score, each (B, N); ``common`` terms are (B,),
    ``noise`` (B, N)."""
    w = spec.rules.vote
    uncommitted = hall.lean[:, :, -1]
    sympathy = w["sympathy"] * (hall.lean[:, :, :-1] * stance[:, None, :]).sum(axis=2)
    if spec.on("apparatus"):
        held = hall.machine >= 0
        lever = np.take_along_axis(stance, np.maximum(hall.machine, 0), axis=1)
        apparatus = np.where(held, w["apparatus"] * hall.grip * lever, 0.0)
    else:
        apparatus = np.zeros(hall.size.shape)
    terms = {"apparatus": apparatus, "sympathy": sympathy}
    organised = spec.rules.k["organised_swing"]
    swing = organised + (1.0 - organised) * uncommitted
    for name, value in common.items():
        terms[name] = swing * value[:, None]
    terms["chance"] = swing * w["chance"] * noise
    terms["bias"] = np.full(hall.size.shape, w["bias"])
    return terms
