"""Words for the rules: what an action is called and does, why one is not allowed now, and
what each term of a vote means. Pure: reads a spec and one game of a state (row 0). The
words of each kind of action are declared with it, in the registry (``game.engine.kinds``)."""

from __future__ import annotations

import numpy as np

from game.engine import query
from game.engine.kinds import KINDS
from game.engine.kinds.base import Seat
from game.engine.spec import RECANTED, GameSpec
from game.engine.state import INFLUENCE, State

TERM_HELP = {
    "apparatus": "the regional machine: delegates follow the secretary who controls them",
    "sympathy": "what the members themselves think of each faction",
    "mood": "whether the motion fits the party's present mood",
    "prestige": "the mover's prestige against the opponent's",
    "legitimacy": "who looks like Lenin's true heir",
    "unity": "fear of a split, against whoever broke discipline",
    "chance": "the luck of the day",
    "bias": "the habit of voting with the leadership",
}


def action_title(spec: GameSpec, action: int) -> str:
    """A short name for an action: 'Campaign: Moscow', 'Expel: Leon Trotsky'."""
    return KINDS[spec.actions.kinds[action]].words.title.format(**action_words(spec, action))


def argument_name(spec: GameSpec, kind: str, arg: int) -> str:
    """The name of an action's argument (a region, faction, figure or policy), '' if none."""
    names = {
        "region": spec.region_names,
        "faction": spec.faction_names,
        "figure": spec.figure_names,
        "policy": spec.policy_names,
    }
    argument = KINDS[kind].argument
    return "" if argument is None or arg < 0 else names[argument][arg]


def action_words(spec: GameSpec, action: int) -> dict[str, str]:
    """What an action's texts may name: its argument (``arg``) and the title of the motion
    it tables (``motion``), '' where it has none."""
    m = int(spec.actions.motion[action])
    return {
        "arg": argument_name(spec, spec.actions.kinds[action], int(spec.actions.arg[action])),
        "motion": spec.motions[m].title if m >= 0 else "",
    }


def action_help(spec: GameSpec, action: int) -> str:
    """What an action does, in a sentence or two."""
    return KINDS[spec.actions.kinds[action]].words.help


def why_illegal(spec: GameSpec, state: State, faction: int, action: int) -> str:
    """Why ``faction`` may not take ``action`` now in game 0 (the caller knows it is
    illegal): the leader's standing, the rule of its kind, or its cost."""
    space = spec.actions
    kind = KINDS[space.kinds[action]]
    if not kind.while_out and not query.leader_active(spec, state)[0, faction]:
        return _leader_out(spec, state, faction)
    seat = Seat(spec, state, faction)
    if not kind.legal(seat, np.array([action]))[0, 0]:
        reason = kind.why_not(seat, action)
        if reason:
            return reason
    cost = float(space.cost[action])
    have = float(state.stats[0, faction, INFLUENCE])
    if have < cost - 1e-9:
        return f"It costs {cost:g} influence and you have {have:.1f}."
    return "Not possible at the moment."


def _leader_out(spec: GameSpec, state: State, faction: int) -> str:
    """Why a faction whose leader is out of the party may do nothing but wait (or recant)."""
    leader = int(spec.faction_leader[faction])
    if not state.alive[0, leader]:
        return "Your leader is dead: you can only wait."
    if state.status[0, leader] == RECANTED:
        return (
            "Your leader has recanted and stays out of the party until a session votes to "
            "readmit him (another camp must move it): you can only wait."
        )
    return "Your leader is out of the party: you can only recant or wait."
