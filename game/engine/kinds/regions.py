"""The kinds of action aimed at a region's party organisation: campaigning among its members,
appointing its secretary, and a recruitment drive by the secretary's camp."""

from __future__ import annotations

import numpy as np

from game.engine import query
from game.engine.kinds.base import ActionKind, BoolArray, IntArray, Seat, Words
from game.engine.kinds.own import every, no_reason
from game.engine.rng import STREAM_COURT, uniform
from game.engine.spec import GameSpec
from game.engine.state import PRESTIGE, State
from game.engine.tracks import add_members, shift_sympathy


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


def entrenched(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B, R): regions run by another faction's machine: the office that runs the region is
    held by a figure of a faction other than ``f``. The Secretariat cannot appoint there; only
    the body that fills the office can take the region, by removing its holder."""
    boss = spec.region_boss
    holder = state.holder[:, np.maximum(boss, 0)]
    faction = query.gather(state.figure_faction, np.maximum(holder, 0))
    return (boss >= 0)[None, :] & (holder >= 0) & (faction >= 0) & (faction != f)  # type: ignore[no-any-return]


def _can_appoint(spec: GameSpec, state: State, f: int) -> BoolArray:
    """(B,): the faction holds an office that appoints regional secretaries."""
    if not spec.on("apparatus"):
        return np.zeros(state.batch, dtype=bool)
    holds = np.zeros(state.batch, dtype=bool)
    for office in np.flatnonzero(spec.office_appoints):
        holds |= query.holds_office(state, int(office)) == f
    return holds


def _appoint_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """Only the holder of an appointing office, where the secretary is not his man already
    and no other camp's machine runs the region."""
    spec, state, f = seat.spec, seat.state, seat.f
    args = spec.actions.arg[actions]
    free = (state.secretary[:, args] != f) & ~entrenched(spec, state, f)[:, args]
    return _can_appoint(spec, state, f)[:, None] & free  # type: ignore[no-any-return]


def _appoint_reason(seat: Seat, action: int) -> str:
    spec, state, f, arg = seat.spec, seat.state, seat.f, seat.arg(action)
    if not spec.on("apparatus"):
        return "In this scenario nobody appoints regional secretaries."
    if state.secretary[0, arg] == f:
        return f"The secretary in {spec.region_names[arg]} is already your man."
    appointing = [spec.office_names[o] for o in np.flatnonzero(spec.office_appoints)]
    owners = [
        int(query.holds_office(state, int(o))[0]) for o in np.flatnonzero(spec.office_appoints)
    ]
    if f not in owners:
        return f"Only the holder of {' or '.join(appointing)} appoints regional secretaries."
    if entrenched(spec, state, f)[0, arg]:
        boss = int(spec.region_boss[arg])
        holder = spec.figure_names[int(state.holder[0, boss])]
        return (
            f"{spec.region_names[arg]} is run by {holder}'s machine as {spec.office_names[boss]}: "
            "no circular can replace its secretary. Only the body that fills that office can, "
            "by removing him."
        )
    return ""


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


def _appoint_odds(spec: GameSpec, state: State, f: int, arg: int) -> list[str]:
    """The chance the local party takes the appointee, and the grudge of the camp he
    displaces."""
    old = int(state.secretary[0, arg])
    loyal = float(state.sympathy[0, arg, old]) if old >= 0 else 0.0
    accept = max(0.0, 1.0 - spec.rules.k["appoint_resistance"] * loyal)
    lines = [f"About {100 * accept:.0f}% chance the local party accepts your man."]
    if old >= 0 and old != f:
        lines.append(f"{spec.faction_names[old]} would bear a grudge for its displaced man.")
    return lines


def _appoint_took(state: State, f: int, arg: int) -> bool:
    """The appointee took the region over (game 0, after the attempt)."""
    return bool(state.secretary[0, arg] == f)


def _recruit_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """Only where the faction's man is secretary (anywhere, without the apparatus)."""
    if not seat.spec.on("apparatus"):
        return every(seat, actions)
    return seat.state.secretary[:, seat.spec.actions.arg[actions]] == seat.f  # type: ignore[no-any-return]


def _recruit_reason(seat: Seat, action: int) -> str:
    spec, arg = seat.spec, seat.arg(action)
    if spec.on("apparatus") and seat.state.secretary[0, arg] != seat.f:
        return (
            f"Only the faction whose man is secretary in {spec.region_names[arg]} can run "
            "a recruitment drive there."
        )
    return ""


def _recruit(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """A local recruitment drive: new members, who follow the secretary who let them in."""
    add_members(spec, state, g, a, state.members[g, a] * spec.rules.k["recruit_growth"])


KINDS = (
    ActionKind(
        "campaign",
        "campaign",
        "regions",
        every,
        no_reason,
        _campaign,
        Words(
            "Campaign: {arg}",
            "Campaign",
            "Argue your case in a region: its members lean your way. New recruits listen "
            "best to a leader with the common touch.",
            "Agitators of {who} tour {arg}, pamphlets in hand.",
        ),
    ),
    ActionKind(
        "appoint",
        "appoint",
        "regions",
        _appoint_legal,
        _appoint_reason,
        _appoint,
        Words(
            "Appoint a secretary: {arg}",
            "Appoint",
            "Install your man as a region's party secretary. His machine steers the "
            "region's delegates, pulls its members and brings you influence. The local party "
            "may refuse him if its members back the sitting secretary.",
            "The Secretariat sends a man of {who} to take over the party in {arg}.",
            refused="The Secretariat sends a man of {who} to {arg}, but the local party "
            "refuses him: its members stand by the sitting secretary.",
        ),
        chance=_appoint_odds,
        took=_appoint_took,
    ),
    ActionKind(
        "recruit",
        "recruit",
        "regions",
        _recruit_legal,
        _recruit_reason,
        _recruit,
        Words(
            "Recruit: {arg}",
            "Recruit",
            "A recruitment drive where your man is secretary: new members, who follow the "
            "secretary who let them in.",
            "The secretary of {who} in {arg} opens the doors to new members.",
        ),
    ),
)
