"""Words for the rules: what an action is called and does, why one is not allowed now, and
what each term of a vote means. Pure: reads a spec and one game of a state (row 0)."""

from __future__ import annotations

import numpy as np

from game.engine import query
from game.engine.actions import entrenched, family, recantable
from game.engine.procedure import deciding_bodies, still_decidable
from game.engine.spec import MOTION_KINDS, PUBLISHED, STATUSES, GameSpec
from game.engine.state import IDEOLOGY, INFLUENCE, State
from game.engine.wants import policy_wants

KIND_TITLES = {
    "pass": "Wait",
    "campaign": "Campaign",
    "appoint": "Appoint a secretary",
    "recruit": "Recruit",
    "publish": "Publish",
    "denounce": "Denounce",
    "court": "Court a figure",
    "ally": "Propose an alliance",
    "break": "Break an alliance",
    "resign": "Offer to resign",
    "appeal": "Appeal outside the party",
    "recant": "Recant",
    "lobby": "Lobby the CC",
    "shift_left": "Shift left",
    "shift_right": "Shift right",
    "motion": "Table a motion",
}

KIND_HELP = {
    "pass": "Do nothing this round. While the others fight, patience earns a little prestige.",
    "campaign": "Argue your case in a region: its members lean your way. New recruits listen "
    "best to a leader with the common touch.",
    "appoint": "Install your man as a region's party secretary. His machine steers the "
    "region's delegates, pulls its members and brings you influence. The local party may "
    "refuse him if its members back the sitting secretary.",
    "recruit": "A recruitment drive where your man is secretary: new members, who follow the "
    "secretary who let them in.",
    "publish": "Write as Lenin's faithful interpreter: legitimacy as his heir, and a little "
    "prestige.",
    "denounce": "Attack a rival in public: his prestige and standing fall, but a fight between "
    "large camps costs party unity and makes you look like a splitter; he remembers.",
    "court": "Try to win a figure over to your camp; likelier with prestige and against weak "
    "loyalty.",
    "ally": "Propose a bloc. It forms when the other side proposes too (this quarter or the "
    "next). Old grudges make it harder to explain to the rank and file.",
    "break": "End an alliance: unity suffers and the old partner bears a grudge.",
    "resign": "The General Secretary's gambit: offer to step down and let the next plenum of "
    "the Central Committee, which elects him, vote on keeping him.",
    "appeal": "Go over the party's head to the army and the streets: sympathy where your "
    "popularity reaches, but a breach of discipline and a blow to unity.",
    "recant": "Confess your errors: your censured or expelled people recant, keep or regain "
    "their place in the party, and lose face.",
    "lobby": "Work on the uncommitted members of the Central Committee.",
    "shift_left": "Move your line toward the plan, industry and world revolution.",
    "shift_right": "Move your line toward the NEP and peace with the peasantry.",
    "motion": "Put a question to the next session whose body has the power to decide it (the "
    "party's procedure: a congress elects the CC, a plenum the Politburo and the General "
    "Secretary, a joint plenum unseats or expels by two thirds). One tabled motion at a time.",
}

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

MOTION_VERBS = {
    "policy": "Adopt",
    "condemn": "Condemn",
    "remove_politburo": "Remove from the Politburo",
    "remove_cc": "Remove from the Central Committee",
    "remove_office": "Remove from office",
    "expel": "Expel",
    "exile": "Exile",
    "deport": "Deport",
    "readmit": "Readmit",
    "enrolment": "Open an enrolment",
    "read_testament": "Read Lenin's Testament",
    "confirm_secretary": "Confirm the General Secretary",
    "condemn_line": "Condemn a deviation",
}


def action_title(spec: GameSpec, action: int) -> str:
    """A short name for an action: 'Campaign: Moscow', 'Expel: Leon Trotsky'."""
    space = spec.actions
    kind = space.kinds[action]
    arg = int(space.arg[action])
    if kind.startswith("motion_"):
        motion = spec.motions[int(space.motion[action])]
        return motion.title
    base = KIND_TITLES.get(kind, kind)
    target = argument_name(spec, kind, arg)
    return f"{base}: {target}" if target else base


def argument_name(spec: GameSpec, kind: str, arg: int) -> str:
    """The name of an action's argument (a region, faction, figure or policy), '' if none."""
    if arg < 0:
        return ""
    if kind in ("campaign", "appoint", "recruit"):
        return spec.region_names[arg]
    if kind in ("denounce", "ally", "break"):
        return spec.faction_names[arg]
    if kind == "court":
        return spec.figure_names[arg]
    return ""


def action_help(spec: GameSpec, action: int) -> str:
    """What an action does, in a sentence or two."""
    kind = spec.actions.kinds[action]
    return KIND_HELP.get(family(kind), KIND_HELP.get(kind, ""))


def why_illegal(spec: GameSpec, state: State, faction: int, action: int) -> str:
    """Why ``faction`` may not take ``action`` now (the caller knows it is illegal)."""
    space = spec.actions
    kind = space.kinds[action]
    active = bool(query.leader_active(spec, state)[0, faction])
    if kind != "recant" and not active:
        return "Your leader is out of the party: you can only recant or wait."
    cost = float(space.cost[action])
    have = float(state.stats[0, faction, INFLUENCE])
    reason = _kind_reason(spec, state, faction, kind, int(space.arg[action]), action)
    if reason:
        return reason
    if have < cost - 1e-9:
        return f"It costs {cost:g} influence and you have {have:.1f}."
    return "Not possible at the moment."


def _kind_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int, action: int) -> str:
    """The rule that forbids this kind of action, or '' if none of them does."""
    if kind.startswith("motion_"):
        return _motion_reason(spec, state, f, kind.removeprefix("motion_"), action)
    checks = {
        "appoint": _appoint_reason,
        "recruit": _recruit_reason,
        "denounce": _faction_target_reason,
        "court": _court_reason,
        "ally": _alliance_reason,
        "break": _alliance_reason,
        "resign": _resign_reason,
        "appeal": _appeal_reason,
        "recant": _recant_reason,
        "shift_left": _shift_reason,
        "shift_right": _shift_reason,
    }
    check = checks.get(kind)
    return check(spec, state, f, kind, arg) if check else ""


def _appoint_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
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


def _recruit_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    if spec.on("apparatus") and state.secretary[0, arg] != f:
        return (
            f"Only the faction whose man is secretary in {spec.region_names[arg]} can run "
            "a recruitment drive there."
        )
    return ""


def _faction_target_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    if arg == f:
        return "That is your own faction."
    if not query.leader_active(spec, state)[0, arg]:
        return f"The leader of {spec.faction_names[arg]} is out of the party already."
    return ""


def _court_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    name = spec.figure_names[arg]
    if arg in spec.faction_leader:
        return f"{name} leads a faction and cannot be won over."
    if not state.alive[0, arg]:
        return f"{name} is dead."
    if not state.in_party[0, arg]:
        return f"{name} is out of the party."
    if state.figure_faction[0, arg] == f:
        return f"{name} is already with you."
    return ""


def _alliance_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    if not spec.on("alliances"):
        return "In this scenario there are no alliances."
    allied = bool(state.alliance[0, f, arg])
    if kind == "break":
        return "" if allied else f"You are not allied with {spec.faction_names[arg]}."
    if allied:
        return f"You are already allied with {spec.faction_names[arg]}."
    if query.open_offers(state)[0, f, arg]:
        return "Your offer is still on the table; wait for an answer."
    return _faction_target_reason(spec, state, f, kind, arg)


def _resign_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    if not spec.on("mediator") or spec.general_secretary < 0:
        return "In this scenario the resignation gambit is not possible."
    if query.holds_office(state, spec.general_secretary)[0] != f:
        return "Only the General Secretary can offer to resign."
    if state.tabled[0, f] >= 0:
        return "You have already tabled a motion for the next session."
    block = spec.actions.block("resign")
    return _no_body_left(spec, state, int(spec.actions.motion[block.start]))


def _no_body_left(spec: GameSpec, state: State, m: int) -> str:
    """Why motion ``m`` cannot be tabled any more: no session left could decide it; '' if
    one could."""
    if still_decidable(spec, state.turn, np.array([m]))[0]:
        return ""
    motion = spec.motions[m]
    return (
        f"No session left in the calendar has the power to decide this: it belongs to "
        f"{deciding_bodies(motion)}."
    )


def _appeal_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    return "" if spec.on("outside_popularity") else "In this scenario only party bodies count."


def _recant_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    mine = (state.figure_faction[0] == f) & state.alive[0] & recantable(state.status[0])
    return "" if mine.any() else "None of your people is censured or expelled."


def _shift_reason(spec: GameSpec, state: State, f: int, kind: str, arg: int) -> str:
    ideology = float(state.stats[0, f, IDEOLOGY])
    if kind == "shift_left" and ideology <= -0.95:
        return "Your line is already as far left as it goes."
    if kind == "shift_right" and ideology >= 0.95:
        return "Your line is already as far right as it goes."
    return ""


def _motion_reason(spec: GameSpec, state: State, f: int, kind: str, action: int) -> str:
    if state.tabled[0, f] >= 0:
        return "You have already tabled a motion for the next session."
    motion = spec.motions[int(spec.actions.motion[action])]
    late = _no_body_left(spec, state, int(spec.actions.motion[action]))
    if late:
        return late
    if kind == "policy":
        return _policy_reason(spec, state, f, motion.policy)
    if kind == "read_testament":
        if state.testament[0] < 1:
            return "Lenin's letter has not come to light."
        if state.testament[0] >= PUBLISHED:
            return "The letter is already public."
        if query.holds_office(state, spec.general_secretary)[0] != f:
            return "The General Secretary is your ally: you will not read a letter against him."
        return "The General Secretary will not move to read a letter against himself."
    if kind not in ("remove_office",) and not spec.on("discipline"):
        return "In this scenario nobody can be disciplined."
    return _target_reason(spec, state, f, kind, motion.target, motion.office)


def _policy_reason(spec: GameSpec, state: State, f: int, policy: int) -> str:
    name = spec.policy_names[policy]
    if state.adopted[0, policy]:
        return "That line is already the party's."
    if state.turn < spec.policy_from[policy]:
        return f"Nobody has yet put {name} into words: it cannot be proposed yet."
    if not query.policy_due(spec, state)[0, policy]:
        return f"Nothing calls for {name} now: what it answered has not come about."
    if policy_wants(spec, state)[0, f, policy] <= 0.0:
        return f"{name} is against your line: you will not move it."
    return ""


def _target_reason(
    spec: GameSpec, state: State, f: int, kind: str, figure: int, office: int = -1
) -> str:
    name = spec.figure_names[figure]
    target = int(state.figure_faction[0, figure])
    if not state.alive[0, figure]:
        return f"{name} is dead."
    if kind == "readmit":
        return f"{name} can be readmitted only once expelled and after recanting."
    if target == f:
        return f"{name} is one of your own."
    if target < 0:
        return f"{name} belongs to no faction: nobody would move against him."
    if state.alliance[0, f, target]:
        return f"{name}'s faction is your ally."
    status = STATUSES[int(state.status[0, figure])]
    needs = {
        "condemn": "in the party",
        "remove_politburo": "in the Politburo",
        "remove_cc": "in the Central Committee",
        "expel": "in the party",
        "exile": "expelled first",
        "deport": "exiled first",
        "remove_office": spec.office_names[office] if office >= 0 else "in office",
    }
    return f"{name} must be {needs.get(kind, 'eligible')} (now {status})."


def motion_kind(spec: GameSpec, action: int) -> str | None:
    """The motion kind an action tables, or None if it tables none."""
    m = int(spec.actions.motion[action])
    return MOTION_KINDS[spec.motions[m].kind] if m >= 0 else None
