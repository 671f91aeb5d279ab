"""The factions' actions: which are legal, what they cost, and what they do.

Every function works on a whole batch: ``choice`` is one action index per game, and each kind
of action is applied, vectorised, to the games that chose it. Legality is checked again when an
action is applied, since an earlier faction's move in the same round may have changed things.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.procedure import still_decidable
from game.engine.rng import STREAM_COURT, uniform
from game.engine.spec import (
    ACTIVE,
    CENSURED,
    EXILED,
    EXPELLED,
    PUBLISHED,
    READMITTED,
    RECANTED,
    GameSpec,
)
from game.engine.state import (
    IDEOLOGY,
    INFLUENCE,
    LEGITIMACY,
    NO_OFFER,
    POPULARITY,
    PRESTIGE,
    UNITY,
    State,
)
from game.engine.tracks import add_stat, add_unity, go_over, shift_sympathy
from game.engine.wants import policy_wants

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def family(kind: str) -> str:
    """The family an action kind belongs to: ``motion_expel`` -> ``motion``,
    ``shift_left`` -> ``shift``; other kinds are their own family."""
    head = kind.split("_")[0]
    return head if head in ("motion", "shift") else kind


def legal_mask(spec: GameSpec, state: State, faction: int) -> BoolArray:
    """(B, A): which actions faction ``faction`` may take now. ``pass`` is always legal."""
    space = spec.actions
    mask = np.zeros((state.batch, space.size), dtype=bool)
    active = query.leader_active(spec, state)[:, faction]
    rivals = rival_figures(state, faction)
    for kind in space.blocks:
        block = space.block(kind)
        actions = np.arange(block.start, block.stop)
        mask[:, block] = legal_block(spec, state, faction, kind, actions, rivals)
    mask &= active[:, None]
    mask[:, space.block("recant")] = _recant_legal(spec, state, faction)[:, None]
    mask &= state.stats[:, faction, INFLUENCE][:, None] >= space.cost[None, :] - 1e-9
    mask[:, space.block("pass")] = True
    return mask


def legal_choices(spec: GameSpec, state: State, faction: int, choice: IntArray) -> BoolArray:
    """(B,): whether each game's chosen action is legal now: the verdict of ``legal_mask``,
    computed only for the kinds of action actually chosen."""
    space = spec.actions
    rows = query.rows(state)
    kinds = space.kind_index[choice]
    legal = np.zeros(state.batch, dtype=bool)
    for k in np.unique(kinds):
        kind = space.kind_names[k]
        games = kinds == k
        block = space.block(kind)
        verdict = legal_block(spec, state, faction, kind, np.arange(block.start, block.stop))
        legal[games] = verdict[rows[games], choice[games] - block.start]
    recant = kinds == space.kind_names.index("recant")
    legal &= np.where(
        recant, _recant_legal(spec, state, faction), query.leader_active(spec, state)[:, faction]
    )
    legal &= state.stats[:, faction, INFLUENCE] >= space.cost[choice] - 1e-9
    return legal | (kinds == space.kind_names.index("pass"))  # type: ignore[no-any-return]


def legal_block(
    spec: GameSpec,
    state: State,
    f: int,
    kind: str,
    actions: IntArray,
    rivals: BoolArray | None = None,
) -> BoolArray:
    """(B, n) legality of ``actions`` (indices into the action space, all of one kind),
    before the faction-wide checks; ``rivals`` is ``rival_figures(state, f)`` if the caller
    has it already (it is the same for every block of a position)."""
    b = state.batch
    args = spec.actions.arg[actions]
    every = np.ones((b, len(args)), dtype=bool)
    if kind in ("pass", "campaign", "publish", "lobby"):
        return every
    if kind == "appoint":
        free = (state.secretary[:, args] != f) & ~entrenched(spec, state, f)[:, args]
        return _can_appoint(spec, state, f)[:, None] & free  # type: ignore[no-any-return]
    if kind == "recruit":
        if not spec.on("apparatus"):
            return every
        return state.secretary[:, args] == f  # type: ignore[no-any-return]
    if kind == "denounce":
        others = query.leader_active(spec, state)[:, args]
        return others & (args != f)[None, :]  # type: ignore[no-any-return]
    if kind == "court":
        free = query.figure_active(state)[:, args] & (state.figure_faction[:, args] != f)
        leaders = np.isin(args, spec.faction_leader)
        return free & ~leaders[None, :]  # type: ignore[no-any-return]
    if kind in ("ally", "break"):
        return _alliance_legal(spec, state, f, kind, args)
    if kind == "resign":
        ok = spec.on("mediator") and spec.general_secretary >= 0
        holds = query.holds_office(state, spec.general_secretary) == f if ok else np.zeros(b, bool)
        decidable = still_decidable(spec, state.turn, spec.actions.motion[actions])
        return (holds & (state.tabled[:, f] < 0))[:, None] & decidable[None, :]
    if kind == "appeal":
        return every & spec.on("outside_popularity")
    if kind == "recant":
        return every
    if kind == "shift_left":
        return (state.stats[:, f, IDEOLOGY] > -0.95)[:, None]
    if kind == "shift_right":
        return (state.stats[:, f, IDEOLOGY] < 0.95)[:, None]
    motions = spec.actions.motion[actions]
    decidable = still_decidable(spec, state.turn, motions)[None, :]
    if rivals is None:
        rivals = rival_figures(state, f)
    motion_kind = kind.removeprefix("motion_")
    return decidable & _motion_legal(spec, state, f, motion_kind, args, motions, rivals)


def entrenched(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B, R): regions run by another faction's machine: the office that runs the region is
    held by a figure of a faction other than ``f``. The Secretariat cannot appoint there; only
    the body that fills the office can take the region, by removing its holder."""
    boss = spec.region_boss
    holder = state.holder[:, np.maximum(boss, 0)]
    faction = state.figure_faction[query.rows(state)[:, None], np.maximum(holder, 0)]
    return (boss >= 0)[None, :] & (holder >= 0) & (faction >= 0) & (faction != f)  # type: ignore[no-any-return]


def _can_appoint(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B,): the faction holds an office that appoints regional secretaries."""
    if not spec.on("apparatus"):
        return np.zeros(state.batch, dtype=bool)
    holds = np.zeros(state.batch, dtype=bool)
    for office in np.flatnonzero(spec.office_appoints):
        holds |= query.holds_office(state, int(office)) == f
    return holds


def _alliance_legal(spec: GameSpec, state: State, f: int, kind: str, args: IntArray) -> BoolArray:
    if not spec.on("alliances"):
        return np.zeros((state.batch, len(args)), dtype=bool)
    allied = state.alliance[:, f, args]
    if kind == "break":
        return allied
    others = query.leader_active(spec, state)[:, args] & (args != f)[None, :]
    return others & ~allied & ~query.open_offers(state)[:, f, args]  # type: ignore[no-any-return]


def recantable(status: IntArray) -> BoolArray:
    """Statuses from which a figure can recant: censured, expelled or exiled."""
    return (status >= CENSURED) & (status <= EXILED)


def _recant_legal(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B,): some living figure of the faction is censured, expelled or exiled."""
    mine = (state.figure_faction == f) & state.alive
    return (mine & recantable(state.status)).any(axis=1)  # type: ignore[no-any-return]


def rival_figures(state: State, f: int) -> BoolArray:
    """(B, G): the figures of another camp than faction ``f``'s that is not its ally."""
    target = state.figure_faction
    allied = np.take_along_axis(state.alliance[:, f, :], np.maximum(target, 0), axis=1)
    return (target != f) & (target >= 0) & ~allied  # type: ignore[no-any-return]


def _motion_legal(
    spec: GameSpec,
    state: State,
    f: int,
    kind: str,
    args: IntArray,
    motions: IntArray,
    rivals: BoolArray,
) -> BoolArray:
    """(B, n): may the faction table these motions now: ``args`` are their policies or target
    figures, ``motions`` their indices into spec.motions, ``rivals`` (B, G) from
    ``rival_figures``."""
    free_slot = (state.tabled[:, f] < 0)[:, None]
    if kind == "policy":
        return free_slot & ~state.adopted[:, args] & policy_open(spec, state, f)[:, args]
    if kind == "read_testament":
        surfaced = (state.testament >= 1) & (state.testament < PUBLISHED)
        gensec = (
            query.holds_office(state, spec.general_secretary)
            if spec.general_secretary >= 0
            else np.full(state.batch, -1)
        )
        friend = (gensec == f) | state.alliance[query.rows(state), f, np.maximum(gensec, 0)]
        return free_slot & (surfaced & ~(friend & (gensec >= 0)))[:, None]  # type: ignore[no-any-return]
    rival = rivals[:, args]
    if kind == "remove_office":
        holds = state.holder[:, spec.motion_office[motions]] == args[None, :]
        return free_slot & rival & holds  # type: ignore[no-any-return]
    if not spec.on("discipline"):
        return np.zeros((state.batch, len(args)), dtype=bool)
    alive = state.alive[:, args]
    target_ok = _TARGET_CHECKS[kind](state, args)
    if kind == "readmit":
        return free_slot & alive & target_ok
    return free_slot & alive & rival & target_ok


def policy_open(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B, P): the policies faction ``f`` may move: they can be put now (``query.policy_due``)
    and they are on its line (it wants them: ``wants.policy_wants`` above 0)."""
    return query.policy_due(spec, state) & (policy_wants(spec, state)[:, f, :] > 0.0)


def _in_good_standing(status: IntArray) -> BoolArray:
    return (status == ACTIVE) | (status == READMITTED)  # type: ignore[no-any-return]


def target_fits(state: State, kind: str, figure: int) -> BoolArray:
    """(B,): the figure is alive and in the state the sanction ``kind`` is about."""
    check = _TARGET_CHECKS[kind](state, np.array([figure]))[:, 0]
    return check & state.alive[:, figure]


_TARGET_CHECKS: dict[str, Callable[[State, IntArray], BoolArray]] = {
    "condemn": lambda s, a: (  # a censured man can be condemned again
        s.in_party[:, a]
        & (
            (s.status[:, a] == ACTIVE)
            | (s.status[:, a] == READMITTED)
            | (s.status[:, a] == CENSURED)
        )
    ),
    "remove_politburo": lambda s, a: s.politburo[:, a],
    "expel": lambda s, a: s.in_party[:, a],
    "exile": lambda s, a: s.status[:, a] == EXPELLED,
    "deport": lambda s, a: s.status[:, a] == EXILED,
    "readmit": lambda s, a: (s.status[:, a] == RECANTED) & ~s.in_party[:, a],
    "remove_cc": lambda s, a: s.cc_member[:, a],
}


def apply_actions(
    spec: GameSpec, state: State, faction: int, choice: IntArray, rnd: int = 0
) -> IntArray:
    """Apply one action per game for ``faction`` in action round ``rnd``; illegal choices
    become ``pass``. Only a faction still in play (leader in the party, no split) earns the
    reward for patience. Returns the actions actually taken, shape (B,): a record of them
    replays exactly."""
    legal = legal_choices(spec, state, faction, choice)
    taken = np.where(legal, choice, spec.actions.block("pass").start)
    spent = state.stats[:, faction, INFLUENCE] - spec.actions.cost[taken]
    state.stats[:, faction, INFLUENCE] = np.maximum(spent, 0.0)
    space = spec.actions
    kinds = space.kind_index[taken]
    args = space.arg[taken]
    in_play = query.leader_active(spec, state)[:, faction] & ~state.split
    for k in np.unique(kinds):
        kind = space.kind_names[k]
        picked = kinds == k
        if kind == "pass":
            picked &= in_play
        games = np.flatnonzero(picked)
        if games.size:
            _APPLY[family(kind)](spec, state, faction, games, args[games], taken[games], rnd)
    return taken


def _pass(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Waiting while others fight: the mediator's reward for patience."""
    if spec.on("mediator"):
        calm = 1.0 - state.tracks[g, UNITY]
        add_stat(state, g, f, PRESTIGE, spec.rules.k["patience_prestige"] * calm)


def _campaign(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Argue the faction's case in a region; new recruits listen to someone like themselves."""
    k = spec.rules.k
    strength = k["campaign"] * (0.5 + state.stats[g, f, PRESTIGE])
    if spec.on("membership"):
        share_new = state.recruits[g, a]
        strength = strength * ((1.0 - share_new) + share_new * 2.0 * spec.common_touch[f])
    shift_sympathy(state, g, a, f, strength)


def _appoint(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Put the faction's man in as regional secretary; the displaced camp remembers. Where the
    members stand by the sitting secretary's camp, the local organisation may refuse him."""
    old = state.secretary[g, a]
    loyal = np.where(old >= 0, state.sympathy[g, a, np.maximum(old, 0)], 0.0)
    slot = 64 + rnd * spec.n_factions + f
    draw = uniform(state.seed, state.run_index[g], state.turn, STREAM_COURT, 1, offset=slot)
    accepted = draw[:, 0] >= spec.rules.k["appoint_resistance"] * loyal
    g, a, old = g[accepted], a[accepted], old[accepted]
    state.secretary[g, a] = f
    had = old >= 0
    state.grievance[g[had], old[had], f] = np.minimum(
        1.0, state.grievance[g[had], old[had], f] + spec.rules.k["appoint_grievance"]
    )


def _recruit(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """A local recruitment drive: new members, who follow the secretary who let them in."""
    add_members(spec, state, g, a, state.members[g, a] * spec.rules.k["recruit_growth"])


def add_members(spec: GameSpec, state: State, g: IntArray, r: IntArray, new: FloatArray) -> None:
    """Add ``new`` members to region ``r`` of games ``g``. With the membership and apparatus
    mechanisms they lean to the regional secretary's camp; otherwise they share the members'
    leanings."""
    old = state.members[g, r]
    total = old + new
    weight_new = new / np.maximum(total, 1.0)
    incoming = state.sympathy[g, r, :].copy()
    if spec.on("membership") and spec.on("apparatus"):
        follow = spec.rules.k["recruits_follow_secretary"]
        sec = state.secretary[g, r]
        incoming *= 1.0 - follow
        has = sec >= 0
        incoming[has, sec[has]] += follow
    state.sympathy[g, r, :] = (
        state.sympathy[g, r, :] * (1.0 - weight_new)[:, None] + incoming * weight_new[:, None]
    )
    state.recruits[g, r] = (state.recruits[g, r] * old + new) / np.maximum(total, 1.0)
    state.members[g, r] = total


def _publish(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Write as Lenin's faithful interpreter: legitimacy, a little prestige."""
    k = spec.rules.k
    if spec.on("legitimacy"):
        gap = 1.0 - state.stats[g, f, LEGITIMACY]
        add_stat(state, g, f, LEGITIMACY, k["publish_legitimacy"] * gap)
    add_stat(state, g, f, PRESTIGE, k["publish_prestige"])


def _denounce(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Attack a rival in public: it takes a share of their name (the famous have the most to
    lose, and no name falls to nothing), costs the party's unity and the attacker's name as a
    defender of unity; the rival remembers."""
    k = spec.rules.k
    force = k["denounce"] * (0.5 + state.stats[g, f, PRESTIGE]) * state.stats[g, a, PRESTIGE]
    add_stat(state, g, a, PRESTIGE, -force)
    if spec.on("legitimacy"):
        swing = k["denounce_legitimacy"] * (
            state.stats[g, f, LEGITIMACY] - state.stats[g, a, LEGITIMACY]
        )
        add_stat(state, g, a, LEGITIMACY, -np.maximum(swing, 0.0))
    state.grievance[g, a, f] = np.minimum(1.0, state.grievance[g, a, f] + k["denounce_grievance"])
    add_unity(spec, state, g, -k["denounce_unity"] * _clash(spec, state, g, f, a))
    if spec.on("mediator"):
        add_stat(state, g, f, PRESTIGE, -k["attacker_cost"] * (1.0 - state.tracks[g, UNITY]))


CLASH_UNIT = 4.0  # scales a camp's weight so that two quarters of the party clash at 1.0


def _clash(spec: GameSpec, state: State, g: IntArray, f: int, other: IntArray) -> FloatArray:
    """How far a fight between two factions threatens a split: it takes two large camps, so
    the smaller one's weight counts (1.0 for two quarters of the party each)."""
    weights = query.weight(spec, state)[g]
    rows = np.arange(g.size)
    return CLASH_UNIT * np.minimum(weights[:, f], weights[rows, other])


def _court(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Win a figure over; success is likelier with prestige and against weak loyalty. A
    regional boss won over brings his machine."""
    slot = rnd * spec.n_factions + f
    draw = uniform(state.seed, state.run_index[g], state.turn, STREAM_COURT, 1, offset=slot)[:, 0]
    chance = (
        spec.rules.k["court"] * (1.0 - spec.figure_loyalty[a]) * (0.5 + state.stats[g, f, PRESTIGE])
    )
    won = draw < chance
    go_over(spec, state, g[won], a[won], f)


def _ally(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Propose an alliance; it forms when the other side has proposed too. Old grievances
    make it harder to explain to the rank and file."""
    state.offer[g, f, a] = state.turn
    mutual = query.open_offers(state)[g, a, f]
    gm, am = g[mutual], a[mutual]
    state.alliance[gm, f, am] = True
    state.alliance[gm, am, f] = True
    state.offer[gm, f, am] = NO_OFFER
    state.offer[gm, am, f] = NO_OFFER
    grudge = state.grievance[gm, f, am] + state.grievance[gm, am, f]
    cost = spec.rules.k["alliance_confusion"] * grudge
    add_stat(state, gm, f, LEGITIMACY, -cost)
    add_stat(state, gm, am, LEGITIMACY, -cost)


def _break(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    state.alliance[g, f, a] = False
    state.alliance[g, a, f] = False
    state.grievance[g, a, f] = np.minimum(
        1.0, state.grievance[g, a, f] + spec.rules.k["break_grievance"]
    )
    add_unity(spec, state, g, -spec.rules.k["break_unity"] * _clash(spec, state, g, f, a))


def _resign(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Offer to step down: the next session votes on keeping the General Secretary."""
    state.tabled[g, f] = t


def _appeal(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Go over the party's head to the army and the streets: sympathy where popularity
    reaches, a breach of discipline, a blow to unity."""
    k = spec.rules.k
    pop = state.stats[g, f, POPULARITY]
    for r in range(len(spec.regions)):
        shift_sympathy(state, g, np.full(g.size, r), f, k["appeal_sympathy"] * pop)
    state.breaches[g, f] += 1.0
    strongest = np.argmax(
        np.where(np.arange(spec.n_factions) == f, -1.0, query.weight(spec, state)[g]), axis=1
    )
    add_unity(spec, state, g, -k["appeal_unity"] * _clash(spec, state, g, f, strongest))
    add_stat(state, g, f, POPULARITY, k["appeal_popularity"])


def _recant(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Confess one's errors to stay in (or get back into) the party."""
    k = spec.rules.k
    mine = (state.figure_faction[g] == f) & state.alive[g] & recantable(state.status[g])
    status = state.status[g]
    status[mine] = RECANTED
    state.status[g] = status
    state.has_recanted[g] |= mine
    state.breaches[g, f] = 0.0
    add_stat(state, g, f, PRESTIGE, -k["recant_prestige"])
    add_stat(state, g, f, LEGITIMACY, -k["recant_prestige"])
    state.grievance[g, :, f] *= k["recant_forgiveness"]


def _lobby(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Work on the uncommitted members of the Central Committee."""
    n_f = spec.n_factions
    moved = state.cc_share[g, n_f] * spec.rules.k["lobby"] * (0.5 + state.stats[g, f, PRESTIGE])
    state.cc_share[g, n_f] -= moved
    state.cc_share[g, f] += moved


def _shift(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    step = spec.rules.k["shift_step"]
    left = spec.actions.kind_names.index("shift_left")
    direction = np.where(spec.actions.kind_index[t] == left, -step, step)
    state.stats[g, f, IDEOLOGY] = np.clip(state.stats[g, f, IDEOLOGY] + direction, -1.0, 1.0)


def _motion(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """Table a motion: it is put to the next session of any kind, if it still makes sense."""
    state.tabled[g, f] = t


_APPLY = {
    "pass": _pass,
    "campaign": _campaign,
    "appoint": _appoint,
    "recruit": _recruit,
    "publish": _publish,
    "denounce": _denounce,
    "court": _court,
    "ally": _ally,
    "break": _break,
    "resign": _resign,
    "appeal": _appeal,
    "recant": _recant,
    "lobby": _lobby,
    "shift": _shift,
    "motion": _motion,
}
