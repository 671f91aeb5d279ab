"""What the board's list of options shows for a kind of action, as rows: the options allowed
now (all of them, with those not allowed marked, when asked for), in the scenario's order so
that a list does not reorder from one quarter to the next, and narrowed by a filter typed by
the player. Motions, the longest list, come grouped: first the groups, one per person they
concern (the faction leaders first), the policies and the party's other questions; then a
group's motions, in the scenario's order too, each named with the body that would vote on it
(ordered by that body's next meeting, the rows moved from one quarter to the next).
Words only, so the lists can be checked without a window."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from game.engine.explain import action_title, argument_name
from game.engine.forecast import next_session
from game.engine.kinds import family
from game.engine.names import surname
from game.engine.spec import MOTION_KINDS, SESSION_KINDS, GameSpec
from game.ui.map_view import short_name

POLICIES, OTHER = "policies", "other"  # the groups of motions that concern no one person
BODY_NAMES = {
    "congress": "Congress",
    "conference": "Conference",
    "plenum": "Plenum",
    "joint_plenum": "Joint plenum",
    "politburo": "Politburo",
}
REGION_KINDS = ("campaign", "appoint", "recruit")


@dataclass(frozen=True)
class Row:
    """One row of the list: an option (``action``) or a group of motions (``group``), its
    short label for the button (and a ``suffix`` kept whole when the label is cut to fit),
    the full text for its tooltip, and whether it is allowed."""

    label: str
    tooltip: str
    legal: bool
    action: int | None = None
    group: str | None = None
    suffix: str = ""


def options(spec: GameSpec, category: str) -> list[int]:
    """The kind's options in the scenario's order."""
    return [a for a in range(spec.actions.size) if family(spec.actions.kinds[a]) == category]


def matches(spec: GameSpec, action: int, query: str) -> bool:
    """Whether an option's title contains every word of the filter (any case)."""
    title = action_title(spec, action).casefold()
    return all(word in title for word in query.casefold().split())


def visible(
    spec: GameSpec, category: str, legal: NDArray[np.bool_], query: str, show_all: bool
) -> list[int]:
    """The kind's options shown: allowed ones (or all), matching the filter."""
    return [
        a
        for a in options(spec, category)
        if (show_all or legal[a]) and (not query or matches(spec, a, query))
    ]


def option_row(spec: GameSpec, action: int, legal: bool, turn: int, in_group: bool) -> Row:
    """An option's row: its argument alone where it has one ('Moscow'), since the kind is
    chosen above; a motion by its short title (without the person it concerns in an open
    group, whose name heads the list) and the body that would vote on it."""
    title = action_title(spec, action)
    tip = title if legal else f"{title}. Not allowed now: select it to see why."
    kind = spec.actions.kinds[action]
    if family(kind) == "motion":
        label = motion_label(spec, action, in_group)
        return Row(label, tip, legal, action, suffix=f" · {body_label(spec, action, turn)}")
    name = argument_name(spec, kind, int(spec.actions.arg[action]))
    if kind in REGION_KINDS:
        name = short_name(name)
    return Row(name or title, tip, legal, action)


def motion_label(spec: GameSpec, action: int, in_group: bool) -> str:
    """A motion's title with the person it concerns by surname ('Expel: Trotsky'), or in his
    own group without him ('Expel', 'Replace him as General Secretary')."""
    title = action_title(spec, action)
    target = spec.motions[int(spec.actions.motion[action])].target
    if target < 0:
        return title
    full = spec.figure_names[target]
    if not in_group:
        return title.replace(full, surname(full))
    if title.endswith(f": {full}"):
        return title[: -len(f": {full}")]
    return title.replace(full, "him")


def body_label(spec: GameSpec, action: int, turn: int) -> str:
    """The body that would vote on a tabled motion, with its year: 'Congress 1923'."""
    session = next_session(spec, turn, int(spec.actions.motion[action]))
    if session is None:
        return "no session left"
    found = spec.sessions[session]
    return f"{BODY_NAMES.get(SESSION_KINDS[found.kind], 'session')} {found.date[:4]}"


def group_of(spec: GameSpec, action: int) -> str:
    """The group a motion belongs to: the person it concerns (by index), the policies, or
    the party's other questions."""
    motion = spec.motions[int(spec.actions.motion[action])]
    if motion.target >= 0:
        return str(motion.target)
    return POLICIES if MOTION_KINDS[motion.kind] == "policy" else OTHER


def group_order(spec: GameSpec) -> list[str]:
    """Every group in a fixed order: the faction leaders, the policies, the party's other
    questions, then every other figure in the scenario's order."""
    leaders = [str(int(g)) for g in spec.faction_leader]
    others = [str(g) for g in range(len(spec.figure_names)) if str(g) not in leaders]
    return [*leaders, POLICIES, OTHER, *others]


def group_name(spec: GameSpec, group: str) -> str:
    if group == POLICIES:
        return "Policies"
    if group == OTHER:
        return "The party"
    return surname(spec.figure_names[int(group)])


def group_rows(spec: GameSpec, shown: list[int], legal: NDArray[np.bool_]) -> list[Row]:
    """One row per group that has a motion shown, in the fixed order; a group is allowed if
    one of its motions is."""
    members: dict[str, list[int]] = {}
    for action in shown:
        members.setdefault(group_of(spec, action), []).append(action)
    rows = []
    for group in group_order(spec):
        if group not in members:
            continue
        titles = "; ".join(action_title(spec, a) for a in members[group])
        name = group_name(spec, group)
        count = len(members[group])
        tip = f"{name}: {count} motion{'' if count == 1 else 's'} — {titles}."
        rows.append(Row(name, tip, bool(legal[members[group]].any()), group=group))
    return rows


def rows(
    spec: GameSpec,
    turn: int,
    category: str,
    legal: NDArray[np.bool_],
    query: str = "",
    show_all: bool = False,
    group: str | None = None,
) -> list[Row]:
    """The rows of the list for a kind of action: its options, or for motions its groups
    (unless a group is open, or a filter narrows the list, when its motions are shown)."""
    shown = visible(spec, category, legal, query, show_all)
    if category == "motion" and group is None and not query:
        return group_rows(spec, shown, legal)
    if category == "motion" and group is not None and not query:
        shown = [a for a in shown if group_of(spec, a) == group]
    in_group = group is not None and not query
    return [option_row(spec, a, bool(legal[a]), turn, in_group) for a in shown]
