"""How much a faction wants each action now, judged by its leader's personality.

Utilities are heuristic estimates of an action's worth, on a common scale, computed block by
block over the action space for a whole batch at once: shape (B, A). Each kind of action of
the registry (``game.engine.kinds``) has its utility in ``UTILITIES``, under the same name,
registered with ``@utility(kind)``: the engine may not import the AI, so the AI keeps its
judgement here, and this module refuses to import while a kind lacks one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.actions import legal_mask
from game.engine.kinds import KINDS
from game.engine.spec import CENSURED, PERSONALITY_TRAITS, GameSpec
from game.engine.state import (
    DECLARATION_KEPT,
    IDEOLOGY,
    LEGITIMACY,
    MOOD,
    POPULARITY,
    UNITY,
    State,
)
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
    own = query.over_regions((state.sympathy + 0.6 * machine) * weights[:, :, None])
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


R = TypeVar("R")


class shared(Generic[R]):
    """A part of a ``View`` worked out when first asked for, then kept: what
    ``functools.cached_property`` does, without the lock it takes on every first access
    (Python 3.11), which a view built for each faction and round would pay a dozen times."""

    def __init__(self, part: Callable[[Any], R]) -> None:
        self.part, self.name, self.__doc__ = part, part.__name__, part.__doc__

    def __get__(self, view: Any, owner: type | None = None) -> R:
        value = self.part(view)
        view.__dict__[self.name] = value
        return value


class View:
    """Faction ``f``'s view of one position: what its utilities share, each part worked out
    once, when a kind first asks for it. ``p`` is its leader's personality (PERSONALITY_TRAITS)
    and ``ctx`` the part every faction shares."""

    def __init__(self, spec: GameSpec, state: State, f: int, ctx: Context) -> None:
        self.spec, self.state, self.f, self.ctx = spec, state, f, ctx
        self.p: FloatArray = spec.personalities[f]
        self.me: FloatArray = state.stats[:, f, :]  # (B, 5)

    @shared
    def rival(self) -> FloatArray:
        """(B, F): each faction's threat, none from the faction itself, less from its allies."""
        rival = self.ctx.danger.copy()
        rival[:, self.f] = 0.0
        return np.where(self.state.alliance[:, self.f, :], 0.3 * rival, rival)

    @shared
    def calm_needed(self) -> FloatArray:
        """(B,): how far the party's unity is from whole."""
        return 1.0 - self.state.tracks[:, UNITY]

    @shared
    def menace(self) -> FloatArray:
        """(B, F): ``threat_to`` the faction."""
        return threat_to(self.state, self.f, self.ctx.danger)

    @shared
    def drift(self) -> FloatArray:
        """(B,): how far the faction's line stands right of the party's mood, as far as its
        rigidity lets it move."""
        mood = self.state.tracks[:, MOOD]
        return (1.0 - self.p[T["ideological_rigidity"]]) * (self.me[:, IDEOLOGY] - mood)  # type: ignore[no-any-return]

    @shared
    def aligned(self) -> BoolArray:
        """(B, G): the figures that belong to a faction."""
        return self.state.figure_faction >= 0

    @shared
    def chance(self) -> FloatArray:
        """(B, G): the rough chance a sanction against each figure's faction passes."""
        index = np.maximum(self.state.figure_faction, 0)
        odds = query.gather(self.ctx.sanction_odds, index)
        return np.where(self.aligned, odds, 0.0)

    @shared
    def policy_chance(self) -> FloatArray:
        """(B, 1): the rough chance a policy the faction moves passes, by its support."""
        backing = self.ctx.support[:, self.f]
        return np.clip(0.5 + 2.0 * (backing - 0.3), 0.0, 1.0)[:, None]

    @shared
    def enemy(self) -> FloatArray:
        """(B, G): the threat of each figure's faction (``rival``), 0 for the unaligned."""
        index = np.maximum(self.state.figure_faction, 0)
        rival = query.gather(self.rival, index)
        return np.where(self.aligned, rival, 0.0)

    @shared
    def sanction(self) -> FloatArray:
        """(B, G): the worth of a sanction against each figure: the threat of his faction, as
        likely as the sanction is to pass, more against a leader."""
        leaders = np.zeros(len(self.spec.figures))
        leaders[self.spec.faction_leader] = 1.0
        weight = (0.6 + 0.8 * leaders)[None, :]
        return self.p[T["aggression"]] * 3.0 * self.enemy * self.chance * weight  # type: ignore[no-any-return]

    @shared
    def censured(self) -> BoolArray:
        """(B, G): the figures under censure."""
        return self.state.status == CENSURED  # type: ignore[no-any-return]

    @shared
    def finish(self) -> FloatArray:
        """(B, G): ``_finishing``: the worth of pressing a beaten rival leader to the end."""
        return _finishing(self.spec, self.state, self.f, self.ctx, self.chance)

    @shared
    def gensec(self) -> IntArray:
        """(B,): the faction holding the General Secretaryship, -1 nobody's."""
        return query.holds_office(self.state, self.spec.general_secretary)


# (view) -> (B,): one worth for every option of the kind; or (B, N): a worth for every
# region, faction, figure or policy its options name, taken at their arguments.
Utility = Callable[[View], FloatArray]
UTILITIES: dict[str, Utility] = {}


def utility(kind: str) -> Callable[[Utility], Utility]:
    """Register a function as the utility of the action kind ``kind``."""

    def register(function: Utility) -> Utility:
        if kind in UTILITIES:
            raise ValueError(f"two utilities for action kind {kind!r}")
        UTILITIES[kind] = function
        return function

    return register


def utilities(spec: GameSpec, state: State, f: int, ctx: Context) -> Scores:
    """(B, A): the worth of every action to faction ``f`` (legal or not), block by block:
    every kind of the action space has its utility (the import checks it), so every score is
    set."""
    space = spec.actions
    out = np.empty((state.batch, space.size), dtype=np.float32)
    view = View(spec, state, f, ctx)
    for kind in space.kind_names:
        block = space.block(kind)
        if block.start == block.stop:
            continue
        value = UTILITIES[kind](view)
        if value.ndim == 1:
            out[:, block] = value[:, None]
        elif kind in space.dense and value.shape[1] == block.stop - block.start:
            out[:, block] = value
        else:
            out[:, block] = value[:, space.arg[block]]
    return out


@utility("pass")
def _pass(v: View) -> FloatArray:
    """Patience, worth more the less united the party."""
    return 0.1 + v.p[T["patience"]] * v.calm_needed  # type: ignore[no-any-return]


@utility("campaign")
def _campaign(v: View) -> FloatArray:
    """(B, R): the orator's worth in large regions not yet his, where new members listen."""
    state = v.state
    reach = (1.0 - state.recruits) + state.recruits * 2.0 * v.spec.common_touch[v.f]
    mine = state.sympathy[:, :, v.f]
    return (0.3 + v.p[T["oratory"]]) * v.ctx.weights * (1.0 - mine) * reach * 0.4  # type: ignore[no-any-return]


@utility("appoint")
def _appoint(v: View) -> FloatArray:
    """(B, R): an organiser's worth of posting his man where another camp's sits, as likely
    as the local party is to take him."""
    secretary = v.state.secretary
    foreign = np.where(secretary >= 0, 2.0, 1.2) * (secretary != v.f)
    drive = _apparatus_drive(v.spec, v.state, v.f, v.p)
    return drive[:, None] * v.ctx.weights * foreign * 1.5 * v.ctx.appoint_odds  # type: ignore[no-any-return]


@utility("recruit")
def _recruit(v: View) -> FloatArray:
    """(B, R): an organiser's worth of new members, in large regions."""
    return v.p[T["apparatus"]] * v.ctx.weights * 0.3  # type: ignore[no-any-return]


@utility("publish")
def _publish(v: View) -> FloatArray:
    """The orator's worth of closing the gap to Lenin's legitimacy."""
    return (0.5 + v.p[T["oratory"]]) * (1.0 - v.me[:, LEGITIMACY]) * 1.5  # type: ignore[no-any-return]


@utility("denounce")
def _denounce(v: View) -> FloatArray:
    """(B, F): the aggressor's grudge and fear of a rival, against patience while unity is
    low; never an ally."""
    hostility = v.state.grievance[:, v.f, :] + v.rival * 2.0
    return (  # type: ignore[no-any-return]
        v.p[T["aggression"]] * hostility
        - v.p[T["patience"]] * v.calm_needed[:, None]
        - 2.0 * v.state.alliance[:, v.f, :]
    )


@utility("court")
def _court(v: View) -> FloatArray:
    """(B, G): what the figure would bring, as loosely as he is held."""
    return v.ctx.figure_worth * (1.0 - v.spec.figure_loyalty)[None, :] * 0.6


@utility("ally")
def _ally(v: View) -> FloatArray:
    """(B, F): ``_ally_values``."""
    return _ally_values(v.spec, v.state, v.f, v.ctx.danger, v.menace, v.p)


@utility("break")
def _break(v: View) -> FloatArray:
    """(B, F): ``_break_values``."""
    return _break_values(v.state, v.f, v.menace, v.p)


@utility("resign")
def _resign(v: View) -> FloatArray:
    """The patient leader's gambit, worth it with support behind him."""
    return v.p[T["patience"]] * 1.2 * v.ctx.support[:, v.f]  # type: ignore[no-any-return]


@utility("appeal")
def _appeal(v: View) -> FloatArray:
    """The undisciplined popular leader's road, against the party's need for calm; a faction
    that keeps a declaration of submission weighs what breaking it costs (its reprieve from the
    two-thirds sanctions) as a survivor weighs a recantation at its most needed."""
    road = (1.0 - v.p[T["discipline"]]) * v.me[:, POPULARITY] * 2.0 - v.calm_needed
    kept = v.state.declared[:, v.f] == DECLARATION_KEPT
    return road - v.p[T["survival"]] * 3.0 * kept  # type: ignore[no-any-return]


@utility("recant")
def _recant(v: View) -> FloatArray:
    """A survivor's recantation, as far as it is needed (``_need_to_recant``)."""
    return v.p[T["survival"]] * 3.0 * _need_to_recant(v.spec, v.state, v.f, v.ctx) - 1.0  # type: ignore[no-any-return]


@utility("lobby")
def _lobby(v: View) -> FloatArray:
    """The organiser's worth of the uncommitted Central Committee members."""
    return 0.6 * v.state.cc_share[:, -1] * (0.5 + v.p[T["apparatus"]]) * 2.0  # type: ignore[no-any-return]


@utility("shift_left")
def _shift_left(v: View) -> FloatArray:
    """Toward the mood, when the line stands right of it."""
    return v.drift * 2.0 - 0.2


@utility("shift_right")
def _shift_right(v: View) -> FloatArray:
    """Toward the mood, when the line stands left of it."""
    return -v.drift * 2.0 - 0.2


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
    loyal = query.gather(state.sympathy.reshape(sec.size, -1), np.maximum(sec, 0).ravel())
    loyal = loyal.reshape(sec.shape)
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


@utility("motion_policy")
def _motion_policy(v: View) -> FloatArray:
    """(B, P): a policy on the faction's line, as likely as it is to pass, more for the
    aggressive."""
    line = policy_wants(v.spec, v.state)[:, v.f, :]
    return line * v.policy_chance * (0.5 + v.p[T["aggression"]])  # type: ignore[no-any-return]


@utility("motion_condemn")
def _motion_condemn(v: View) -> FloatArray:
    """(B, G): a sanction's worth; a first censure of a beaten rival leader, toward the end."""
    return v.sanction - 0.2 + 0.5 * v.finish * ~v.censured


@utility("motion_remove_politburo")
def _motion_remove_politburo(v: View) -> FloatArray:
    """(B, G): a sanction's worth, more against a censured man."""
    return v.sanction * (0.8 + v.censured) - 0.2


@utility("motion_expel")
def _motion_expel(v: View) -> FloatArray:
    """(B, G): a sanction's worth, far more against a censured man; the end of a beaten rival
    leader."""
    censured = v.censured
    return v.sanction * (0.3 + 1.2 * censured) - 0.2 + v.finish * (0.5 + censured)


@utility("motion_exile")
def _motion_exile(v: View) -> FloatArray:
    """(B, G): a sanction's worth."""
    return v.sanction - 0.2


@utility("motion_deport")
def _motion_deport(v: View) -> FloatArray:
    """(B, G): a little less than a sanction's worth."""
    return v.sanction * 0.8 - 0.2


@utility("motion_readmit")
def _motion_readmit(v: View) -> FloatArray:
    """(B, G): a survivor's wish to have his own people back."""
    return (v.state.figure_faction == v.f) * v.p[T["survival"]] * 2.0 - 0.2  # type: ignore[no-any-return]


@utility("motion_remove_office")
def _motion_remove_office(v: View) -> FloatArray:
    """(B, G): unseating a threatening rival's man from the General Secretary's camp, as
    likely as an ouster is to pass."""
    holder = np.where(v.state.figure_faction == v.gensec[:, None], v.enemy, 0.0)
    return v.p[T["aggression"]] * 3.0 * holder * v.ctx.ouster_odds[:, None]  # type: ignore[no-any-return]


@utility("motion_read_testament")
def _motion_read_testament(v: View) -> FloatArray:
    """Reading Lenin's letter against a threatening General Secretary, as likely to pass as
    a policy."""
    gensec = v.gensec
    threat = np.where(gensec >= 0, v.rival[query.rows(v.state), np.maximum(gensec, 0)], 0.0)
    return v.p[T["aggression"]] * 3.0 * threat * v.policy_chance[:, 0]  # type: ignore[no-any-return]


def check_coverage() -> None:
    """Refuse to run with a kind of action that has no utility, or a utility for none: a
    score left unset would be read as whatever the memory held."""
    missing = [kind for kind in KINDS if kind not in UTILITIES]
    unknown = [kind for kind in UTILITIES if kind not in KINDS]
    if missing or unknown:
        raise RuntimeError(
            f"action kinds without a utility: {missing}; utilities of no kind: {unknown}"
        )


check_coverage()
