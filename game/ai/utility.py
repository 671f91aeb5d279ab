"""How much a faction wants each action now, judged by its leader's personality.

Utilities are heuristic estimates of an action's worth, on a common scale, computed block by
block over the action space for a whole batch at once: shape (B, A).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.actions import legal_mask
from game.engine.spec import CENSURED, PERSONALITY_TRAITS, GameSpec
from game.engine.state import IDEOLOGY, LEGITIMACY, MOOD, POPULARITY, UNITY, State
from game.engine.wants import policy_wants, sanction_stance, secretary_stance, wants

FloatArray = NDArray[np.float64]
Scores = NDArray[np.float32]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
T = {name: i for i, name in enumerate(PERSONALITY_TRAITS)}
OFFICE_DRIVE = 0.6
OFFER_WORTH = 1.5  # what an alliance offer standing from the other side adds to accepting it


def threat_to(state: State, f: int, danger: FloatArray) -> FloatArray:
    """(B, F): how far each faction threatens faction ``f``: its threat, raised by the grudges
    it holds against ``f`` (a faction that bears a grudge is the likelier to strike); zero for
    ``f`` itself."""
    menace = danger * (1.0 + state.grievance[:, :, f])
    menace[:, f] = 0.0
    return menace


def main_threat(menace: FloatArray) -> IntArray:
    """(B,): the faction that threatens most, by ``threat_to``."""
    return np.argmax(menace, axis=1)  # type: ignore[no-any-return]


def support(spec: GameSpec, state: State) -> FloatArray:
    """(B, F): the share of a body's votes each faction can count on, with its allies."""
    weights = query.member_shares(state)
    machine = np.stack([(state.secretary == f) for f in range(spec.n_factions)], axis=2)
    own = ((state.sympathy + 0.6 * machine) * weights[:, :, None]).sum(axis=1)
    own = 0.5 * own + 0.5 * state.cc_share[:, : spec.n_factions]
    with_allies = own + (state.alliance * own[:, None, :]).sum(axis=2)
    return np.clip(with_allies, 0.0, 1.0)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Context:
    """What every faction's utilities need from one position, computed once per round."""

    danger: FloatArray  # (B, F) threat
    support: FloatArray  # (B, F)
    weights: FloatArray  # (B, R) region size relative to the mean
    appoint_odds: FloatArray  # (B, R)
    figure_worth: FloatArray  # (B, G) seats and offices a figure would bring
    sanction_odds: FloatArray  # (B, F) chance a sanction against each faction would pass
    ouster_odds: FloatArray  # (B,) chance a motion to replace the General Secretary would pass
    wanted: Wanted  # which tabling actions each faction wants carried


def context(spec: GameSpec, state: State) -> Context:
    """The shared part of the utilities for this position."""
    weight = query.weight(spec, state)
    danger = query.threat(spec, state)
    return Context(
        danger=danger,
        support=support(spec, state),
        weights=state.members / state.members.mean(axis=1, keepdims=True),
        appoint_odds=_appoint_odds(spec, state),
        figure_worth=_figure_worth(spec, state),
        sanction_odds=_sanction_odds(spec, state, weight, danger),
        ouster_odds=_odds(spec, state, -secretary_stance(spec, state), weight),
        wanted=Wanted(spec, state, danger),
    )


class Wanted:
    """Which tabling actions each faction wants carried, in one position: asked only for the
    motions chosen, and remembered for the round (``wants`` is the costly
    part of it). A motion against a figure is wanted as the same motion (of the same
    office, for a removal) against his faction's leader would be (``wants`` reads only the
    target's faction); a motion
    against an unaligned figure is wanted by nobody. Other actions are always wanted."""

    def __init__(self, spec: GameSpec, state: State, danger: FloatArray) -> None:
        self.spec, self.state, self.danger = spec, state, danger
        space = spec.actions
        self.by_figure = np.zeros(space.size, dtype=bool)  # (A,) aimed at a figure
        self.proxy = np.tile(space.motion[:, None], (1, spec.n_factions))  # (A, F) motion asked
        for kind in space.kind_names:
            block = space.block(kind)
            motions = space.motion[block]
            if motions.size == 0 or motions[0] < 0 or spec.motions[motions[0]].target < 0:
                continue
            self.by_figure[block] = True
            offices = np.array([spec.motions[m].office for m in motions])
            for t, leader in enumerate(spec.faction_leader):
                for office in np.unique(offices):
                    same = offices == office
                    at = np.flatnonzero((space.arg[block] == leader) & same)
                    self.proxy[block.start + np.flatnonzero(same), t] = (
                        motions[at[0]] if at.size else -1
                    )
        self._asked: dict[int, BoolArray] = {}

    def _stance(self, motion: int) -> BoolArray:
        """(B, F): who wants motion ``motion`` carried."""
        if motion not in self._asked:
            motion_spec = self.spec.motions[motion]
            self._asked[motion] = wants(self.spec, self.state, motion_spec, self.danger) > 0.0
        return self._asked[motion]

    def test(self, f: int, choice: IntArray) -> BoolArray:
        """(B,): faction ``f`` wants each game's chosen action (B,)."""
        space = self.spec.actions
        ok = np.ones(choice.shape[0], dtype=bool)
        games = np.flatnonzero(space.motion[choice] >= 0)
        if games.size == 0:
            return ok
        action = choice[games]
        figure = self.by_figure[action]
        target = np.where(figure, self.state.figure_faction[games, space.arg[action]], 0)
        asked = np.where(target >= 0, self.proxy[action, np.maximum(target, 0)], -1)
        ok[games] = False
        for motion in np.unique(asked[asked >= 0]):
            these = games[asked == motion]
            ok[these] = self._stance(int(motion))[these, f]
        return ok

    def mask(self, f: int) -> BoolArray:
        """(B, A): every action faction ``f`` wants (asks about every motion)."""
        b = self.state.batch
        return np.stack(
            [self.test(f, np.full(b, a, dtype=np.int64)) for a in range(self.spec.actions.size)],
            axis=1,
        )


def allowed(spec: GameSpec, state: State, f: int, ctx: Context) -> BoolArray:
    """(B, A): the actions faction ``f`` may take and would not regret: legal, and no motion
    it does not want carried."""
    return legal_mask(spec, state, f) & ctx.wanted.mask(f)


def _odds(spec: GameSpec, state: State, stance: FloatArray, weight: FloatArray) -> FloatArray:
    """(B,): a rough chance a motion passes: the weight of the factions for it against the
    weight of those against, with the General Secretary's machine behind his own stance."""
    machine = query.holds_office(state, spec.general_secretary)
    rows = query.rows(state)
    lever = np.where(machine >= 0, stance[rows, np.maximum(machine, 0)], 0.0)
    margin = (weight * stance).sum(axis=1) + 0.5 * state.cc_share[:, -1] * lever
    return np.clip(0.5 + 2.0 * margin, 0.0, 1.0)  # type: ignore[no-any-return]


def _sanction_odds(
    spec: GameSpec, state: State, weight: FloatArray, danger: FloatArray
) -> FloatArray:
    """(B, F): the rough chance of a sanction against each faction, moved by the strongest
    faction in play that is not its ally (its stance pinned at 1), the target against;
    ``danger`` (B, F) is this position's ``query.threat``."""
    active = query.leader_active(spec, state)
    rows = query.rows(state)
    odds = np.zeros((state.batch, spec.n_factions))
    for t in range(spec.n_factions):
        target = np.full(state.batch, t)
        stance = sanction_stance(spec, state, target, danger=danger)
        movers = np.where(active & ~state.alliance[:, t, :], weight, -np.inf)
        movers[:, t] = -np.inf
        mover = np.argmax(movers, axis=1)
        stance[rows, mover] = np.where(np.isfinite(movers.max(axis=1)), 1.0, stance[rows, mover])
        stance[:, t] = -1.0
        odds[:, t] = _odds(spec, state, np.clip(stance, -1.0, 1.0), weight)
    return odds


def utilities(spec: GameSpec, state: State, f: int, ctx: Context) -> Scores:
    """(B, A): the worth of every action to faction ``f`` (legal or not)."""
    space = spec.actions
    p = spec.personalities[f]
    b = state.batch
    out = np.empty((b, space.size), dtype=np.float32)
    danger = ctx.danger
    rival = danger.copy()
    rival[:, f] = 0.0
    rival = np.where(state.alliance[:, f, :], 0.3 * rival, rival)
    backing = ctx.support[:, f]
    unity = state.tracks[:, UNITY]
    mood = state.tracks[:, MOOD]
    me = state.stats[:, f, :]
    weights = ctx.weights
    mine = state.sympathy[:, :, f]
    calm_needed = 1.0 - unity

    def put(kind: str, value: FloatArray) -> None:
        out[:, space.block(kind)] = value if value.ndim == 2 else value[:, None]

    put("pass", 0.1 + p[T["patience"]] * calm_needed)
    reach = (1.0 - state.recruits) + state.recruits * 2.0 * spec.common_touch[f]
    put("campaign", (0.3 + p[T["oratory"]]) * weights * (1.0 - mine) * reach * 0.4)
    foreign = np.where(state.secretary >= 0, 2.0, 1.2) * (state.secretary != f)
    drive = _apparatus_drive(spec, state, f, p)
    put("appoint", drive[:, None] * weights * foreign * 1.5 * ctx.appoint_odds)
    put("recruit", p[T["apparatus"]] * weights * 0.3)
    put("publish", (0.5 + p[T["oratory"]]) * (1.0 - me[:, LEGITIMACY]) * 1.5)
    hostility = state.grievance[:, f, :] + rival * 2.0
    put(
        "denounce",
        p[T["aggression"]] * hostility
        - p[T["patience"]] * calm_needed[:, None]
        - 2.0 * state.alliance[:, f, :],
    )
    courtable = space.arg[space.block("court")]
    put("court", (ctx.figure_worth * (1.0 - spec.figure_loyalty)[None, :] * 0.6)[:, courtable])
    menace = threat_to(state, f, danger)
    put("ally", _ally_values(spec, state, f, danger, menace, p))
    put("break", _break_values(state, f, menace, p))
    put("resign", p[T["patience"]] * 1.2 * backing)
    put("appeal", (1.0 - p[T["discipline"]]) * me[:, POPULARITY] * 2.0 - calm_needed)
    put("recant", p[T["survival"]] * 3.0 * _need_to_recant(spec, state, f, ctx) - 1.0)
    put("lobby", 0.6 * state.cc_share[:, -1] * (0.5 + p[T["apparatus"]]) * 2.0)
    drift = (1.0 - p[T["ideological_rigidity"]]) * (me[:, IDEOLOGY] - mood)
    put("shift_left", drift * 2.0 - 0.2)
    put("shift_right", -drift * 2.0 - 0.2)
    _motion_utilities(spec, state, f, out, rival, ctx, p)
    return out


def _apparatus_drive(spec: GameSpec, state: State, f: int, p: FloatArray) -> FloatArray:
    """(B,): the will to post one's own men. Whoever holds the Secretariat uses it at least
    like a middling organiser, whatever their taste for the apparatus."""
    trait = float(p[T["apparatus"]])
    holds = query.holds_office(state, spec.general_secretary) == f
    drive: FloatArray = np.where(holds, max(trait, OFFICE_DRIVE), trait)
    return drive


def _appoint_odds(spec: GameSpec, state: State) -> FloatArray:
    """(B, R): the chance an appointee is accepted by the region's members."""
    sec = state.secretary
    loyal = np.take_along_axis(state.sympathy, np.maximum(sec, 0)[:, :, None], axis=2)[:, :, 0]
    resisted = spec.rules.k["appoint_resistance"] * np.where(sec >= 0, loyal, 0.0)
    return np.clip(1.0 - resisted, 0.0, 1.0)


def _need_to_recant(spec: GameSpec, state: State, f: int, ctx: Context) -> FloatArray:
    """(B,) in [0, 1]: 1 when the leader is out of the party (recanting is the only way back).
    While he is censured, both roads forfeit the faction's chance to win outright; recanting
    costs prestige and legitimacy for certain, while waiting risks expulsion at the next
    session, which costs the faction its standing (its threat: seats, offices, machines, the
    Central Committee), prestige and half its following. The need is how far the expected
    cost of waiting, ``p * expel``, exceeds the cost of recanting, on the scale of the gap
    between the two (1 when expulsion is certain); ``p`` is the chance a sanction against the
    faction passes, while a rival not allied to it is there to move it."""
    k = spec.rules.k
    leader = spec.faction_leader[f]
    out = ~state.in_party[:, leader]
    expel = ctx.danger[:, f] + k["expel_prestige"] + k["expel_purge"] * ctx.support[:, f]
    recant = 2.0 * k["recant_prestige"]
    rivals = query.leader_active(spec, state) & ~state.alliance[:, f, :]
    rivals[:, f] = False
    p = ctx.sanction_odds[:, f] * rivals.any(axis=1)
    gain = (p * expel - recant) / np.maximum(expel - recant, 1e-9)
    censured = state.status[:, leader] == CENSURED
    return np.where(out, 1.0, np.where(censured, np.clip(gain, 0.0, 1.0), 0.0))


def _figure_worth(spec: GameSpec, state: State) -> FloatArray:
    """(B, G): what winning a figure over brings: a Politburo seat and offices above all."""
    worth = 0.5 + state.politburo.astype(float)
    rows = np.arange(state.batch)
    for o in range(len(spec.offices)):
        held = state.holder[:, o] >= 0
        worth[rows[held], state.holder[held, o]] += spec.office_power[o] / 2.0
    return worth


def _ally_values(
    spec: GameSpec,
    state: State,
    f: int,
    danger: FloatArray,
    menace: FloatArray,
    p: FloatArray,
) -> FloatArray:
    """(B, F): an ally is worth most against a common enemy that threatens us more than we
    threaten anyone (the Troika of 1923: three against the most famous one), and worth nothing
    as a partner against the one who threatens us most; grudges and distance of line weigh
    against; an offer already made to us counts for a lot."""
    common = np.stack(
        [
            np.max(np.delete(menace, [f, g], axis=1), axis=1, initial=0.0)
            for g in range(spec.n_factions)
        ],
        axis=1,
    )
    enemy = common - danger[:, f][:, None]
    is_main = np.arange(spec.n_factions)[None, :] == main_threat(menace)[:, None]
    grudge = state.grievance[:, f, :] + state.grievance[:, :, f]
    distance = np.abs(state.stats[:, :, IDEOLOGY] - state.stats[:, f, IDEOLOGY][:, None])
    offered = query.open_offers(state)[:, :, f]
    value = p[T["alliance_appetite"]] * (1.0 + 5.0 * enemy) - grudge - 0.5 * distance
    return value + OFFER_WORTH * offered - 2.0 * is_main  # type: ignore[no-any-return]


def _break_values(state: State, f: int, menace: FloatArray, p: FloatArray) -> FloatArray:
    """(B, F): an alliance is broken when the ally has become the faction that threatens us
    most, the more readily the wider its lead over the next threat; otherwise only noise
    breaks it, against the faction's appetite for alliances."""
    main = main_threat(menace)
    rows = query.rows(state)
    top = menace[rows, main]
    second = np.where(np.arange(menace.shape[1])[None, :] == main[:, None], 0.0, menace).max(axis=1)
    lead = top - second
    is_main = np.arange(menace.shape[1])[None, :] == main[:, None]
    turn = 0.5 + p[T["aggression"]] + 3.0 * lead[:, None]
    return np.where(is_main, turn, -p[T["alliance_appetite"]] - 0.3)  # type: ignore[no-any-return]


def _finishing(
    spec: GameSpec, state: State, f: int, ctx: Context, chance: FloatArray
) -> FloatArray:
    """(B, G): what it is worth to press a rival leader to the end, toward an outright win.
    Only a faction that could win outright (it holds the General Secretaryship or a Politburo
    majority) sees it; the worth grows with the chance the sanction passes, ``chance``
    (B, G), and with how far the rival has fallen below the faction's own threat (nothing
    for a rival as strong). Zero for every other figure."""
    seats = (state.politburo & (state.figure_faction == f)).sum(axis=1)
    could_win = seats * 2 > state.politburo.sum(axis=1)
    if spec.general_secretary >= 0:
        could_win |= query.holds_office(state, spec.general_secretary) == f
    worth = np.zeros((state.batch, len(spec.figures)))
    if not could_win.any():
        return worth
    own = np.maximum(ctx.danger[:, f], 1e-9)[:, None]
    beaten = np.clip(1.0 - ctx.danger / own, 0.0, 1.0)  # (B, F); a leader's faction is fixed
    beaten[:, f] = 0.0
    leaders = spec.faction_leader
    worth[:, leaders] = 2.0 * could_win[:, None] * chance[:, leaders] * beaten
    return worth


def _motion_utilities(
    spec: GameSpec,
    state: State,
    f: int,
    out: Scores,
    rival: FloatArray,
    ctx: Context,
    p: FloatArray,
) -> None:
    """Fill the tabling actions: worth = what it would do x the chance it passes, shape
    (B, G) before the blocks take their figures."""
    space = spec.actions
    backing = ctx.support[:, f]
    faction = state.figure_faction
    rows = query.rows(state)[:, None]
    index = np.maximum(faction, 0)
    aligned = faction >= 0
    chance = np.where(aligned, ctx.sanction_odds[rows, index], 0.0)
    policy_chance = np.clip(0.5 + 2.0 * (backing - 0.3), 0.0, 1.0)[:, None]
    line = policy_wants(spec, state)[:, f, :]
    out[:, space.block("motion_policy")] = line * policy_chance * (0.5 + p[T["aggression"]])
    enemy = np.where(aligned, rival[rows, index], 0.0)
    leaders = np.zeros(len(spec.figures))
    leaders[spec.faction_leader] = 1.0
    base = p[T["aggression"]] * 3.0 * enemy * chance * (0.6 + 0.8 * leaders)[None, :]
    censured = state.status == CENSURED

    def put(kind: str, value: FloatArray) -> None:
        block = space.block(kind)
        out[:, block] = value[:, space.arg[block]]

    finish = _finishing(spec, state, f, ctx, chance)
    put("motion_condemn", base - 0.2 + 0.5 * finish * ~censured)
    put("motion_remove_politburo", base * (0.8 + censured) - 0.2)
    put("motion_expel", base * (0.3 + 1.2 * censured) - 0.2 + finish * (0.5 + censured))
    put("motion_exile", base - 0.2)
    put("motion_deport", base * 0.8 - 0.2)
    put("motion_readmit", (faction == f) * p[T["survival"]] * 2.0 - 0.2)
    gensec = query.holds_office(state, spec.general_secretary)
    holder = np.where(faction == gensec[:, None], enemy, 0.0)
    put("motion_remove_office", p[T["aggression"]] * 3.0 * holder * ctx.ouster_odds[:, None])
    gensec_threat = np.where(gensec >= 0, rival[query.rows(state), np.maximum(gensec, 0)], 0.0)
    out[:, space.block("motion_read_testament")] = (
        p[T["aggression"]] * 3.0 * gensec_threat * policy_chance[:, 0]
    )[:, None]
