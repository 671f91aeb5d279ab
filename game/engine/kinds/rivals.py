"""The kinds of action aimed at another faction or figure: denouncing a rival, proposing or
breaking an alliance, courting a figure."""

from __future__ import annotations

import numpy as np

from game.engine import query
from game.engine.kinds.base import ActionKind, BoolArray, IntArray, Seat, Words
from game.engine.rng import STREAM_COURT, uniform
from game.engine.spec import GameSpec
from game.engine.state import LEGITIMACY, NO_OFFER, PRESTIGE, UNITY, State
from game.engine.tracks import add_stat, add_unity, go_over


def _others(seat: Seat, args: IntArray) -> BoolArray:
    """(B, n): the factions ``args`` are another's, whose leader is still in the party."""
    active = query.leader_active(seat.spec, seat.state)[:, args]
    return active & (args != seat.f)[None, :]  # type: ignore[no-any-return]


def _denounce_legal(seat: Seat, actions: IntArray) -> BoolArray:
    return _others(seat, seat.spec.actions.arg[actions])


def _faction_reason(seat: Seat, action: int) -> str:
    """Why a faction cannot be the target: it is one's own, or its leader is out already."""
    arg = seat.arg(action)
    if arg == seat.f:
        return "That is your own faction."
    if not query.leader_active(seat.spec, seat.state)[0, arg]:
        return f"The leader of {seat.spec.faction_names[arg]} is out of the party already."
    return ""


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
    add_unity(spec, state, g, -k["denounce_unity"] * query.clash(spec, state, g, f, a))
    if spec.on("mediator"):
        add_stat(state, g, f, PRESTIGE, -k["attacker_cost"] * (1.0 - state.tracks[g, UNITY]))


def _ally_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """With the alliances mechanism: another faction in play, not allied yet, and no offer of
    ours to it still standing."""
    spec, state, f = seat.spec, seat.state, seat.f
    args = spec.actions.arg[actions]
    if not spec.on("alliances"):
        return np.zeros((state.batch, len(args)), dtype=bool)
    allied = state.alliance[:, f, args]
    return _others(seat, args) & ~allied & ~query.open_offers(state)[:, f, args]


def _ally_reason(seat: Seat, action: int) -> str:
    spec, state, f, arg = seat.spec, seat.state, seat.f, seat.arg(action)
    if not spec.on("alliances"):
        return "In this scenario there are no alliances."
    if state.alliance[0, f, arg]:
        return f"You are already allied with {spec.faction_names[arg]}."
    if query.open_offers(state)[0, f, arg]:
        return "Your offer is still on the table; wait for an answer."
    return _faction_reason(seat, action)


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


def _break_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """With the alliances mechanism: only an alliance that stands."""
    spec, state = seat.spec, seat.state
    args = spec.actions.arg[actions]
    if not spec.on("alliances"):
        return np.zeros((state.batch, len(args)), dtype=bool)
    return state.alliance[:, seat.f, args]


def _break_reason(seat: Seat, action: int) -> str:
    spec, arg = seat.spec, seat.arg(action)
    if not spec.on("alliances"):
        return "In this scenario there are no alliances."
    if seat.state.alliance[0, seat.f, arg]:
        return ""
    return f"You are not allied with {spec.faction_names[arg]}."


def _break(
    spec: GameSpec, state: State, f: int, g: IntArray, a: IntArray, t: IntArray, rnd: int
) -> None:
    """End an alliance: the old partner bears a grudge, and a fight between large camps costs
    unity."""
    state.alliance[g, f, a] = False
    state.alliance[g, a, f] = False
    state.grievance[g, a, f] = np.minimum(
        1.0, state.grievance[g, a, f] + spec.rules.k["break_grievance"]
    )
    add_unity(spec, state, g, -spec.rules.k["break_unity"] * query.clash(spec, state, g, f, a))


def _court_legal(seat: Seat, actions: IntArray) -> BoolArray:
    """A figure in the party, of another camp, who leads no faction."""
    spec, state = seat.spec, seat.state
    args = spec.actions.arg[actions]
    free = query.figure_active(state)[:, args] & (state.figure_faction[:, args] != seat.f)
    leaders = np.isin(args, spec.faction_leader)
    return free & ~leaders[None, :]  # type: ignore[no-any-return]


def _court_reason(seat: Seat, action: int) -> str:
    spec, state, arg = seat.spec, seat.state, seat.arg(action)
    name = spec.figure_names[arg]
    if arg in spec.faction_leader:
        return f"{name} leads a faction and cannot be won over."
    if not state.alive[0, arg]:
        return f"{name} is dead."
    if not state.in_party[0, arg]:
        return f"{name} is out of the party."
    if state.figure_faction[0, arg] == seat.f:
        return f"{name} is already with you."
    return ""


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


def _court_odds(spec: GameSpec, state: State, f: int, arg: int) -> list[str]:
    """The chance the figure comes over."""
    prestige = float(state.stats[0, f, PRESTIGE])
    chance = spec.rules.k["court"] * (1.0 - float(spec.figure_loyalty[arg])) * (0.5 + prestige)
    name = spec.figure_names[arg]
    return [f"About {100 * min(chance, 1.0):.0f}% chance that {name} joins you."]


def _court_took(state: State, f: int, arg: int) -> bool:
    """The figure came over (game 0, after the attempt)."""
    return bool(state.figure_faction[0, arg] == f)


KINDS = (
    ActionKind(
        "denounce",
        "denounce",
        "factions",
        _denounce_legal,
        _faction_reason,
        _denounce,
        Words(
            "Denounce: {arg}",
            "Denounce",
            "Attack a rival in public: his prestige and standing fall, but a fight between "
            "large camps costs party unity and makes you look like a splitter; he remembers.",
            "{who} denounces {arg} in the party press. Unity suffers.",
        ),
    ),
    ActionKind(
        "ally",
        "ally",
        "factions",
        _ally_legal,
        _ally_reason,
        _ally,
        Words(
            "Propose an alliance: {arg}",
            "Ally",
            "Propose a bloc. It forms when the other side proposes too (this quarter or the "
            "next). Old grudges make it harder to explain to the rank and file.",
            "{who} proposes a common front to {arg}.",
        ),
    ),
    ActionKind(
        "break",
        "break",
        "factions",
        _break_legal,
        _break_reason,
        _break,
        Words(
            "Break an alliance: {arg}",
            "Break",
            "End an alliance: unity suffers and the old partner bears a grudge.",
            "{who} breaks with {arg}: old comrades part in anger.",
        ),
    ),
    ActionKind(
        "court",
        "court",
        "courtable",
        _court_legal,
        _court_reason,
        _court,
        Words(
            "Court a figure: {arg}",
            "Court",
            "Try to win a figure over to your camp; likelier with prestige and against weak "
            "loyalty.",
            "{who} makes overtures to {arg}.",
            refused="{who} makes overtures to {arg}, who turns them down: his loyalty to his "
            "camp holds.",
        ),
        chance=_court_odds,
        took=_court_took,
    ),
)
