"""Cross-reference checks of a scenario that the models have already validated.

The models check shapes; this module checks that every id naming something names something
that exists, that ids are unique, that motions carry what their kind needs, that dates fall
inside the scenario, that AI action patterns name real targets, and that history checkpoints
test the game state. Each problem is an ``Issue`` whose path points at the offending value.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import singledispatch
from typing import Protocol

from pydantic import BaseModel

from game.boundary.refusal import KEY, Issue, Loc
from game.engine.kinds import KINDS, REGISTRY, pattern_name
from game.limits import MAX_QUARTERS
from game.scenario.dates import Date, Quarter
from game.scenario.models import (
    AI,
    AllCondition,
    Alliance,
    AllianceTest,
    AnyCondition,
    Checkpoint,
    CompareTest,
    Condition,
    DateCondition,
    Event,
    EventTest,
    Expectation,
    Faction,
    FactionEffect,
    Figure,
    FigureDiesEffectItem,
    Grievance,
    Motion,
    MotionKind,
    MotionTest,
    NotCondition,
    Office,
    OfficeTest,
    Policy,
    PolicyTest,
    PolitburoTest,
    RecordedVote,
    Region,
    RegionEffect,
    Scenario,
    Session,
    SessionTest,
    Stance,
    StatusTest,
)
from game.scenario.procedure import deciding_bodies, milder

ID_LISTS: tuple[tuple[str, ...], ...] = (
    ("factions",),
    ("figures",),
    ("offices",),
    ("regions",),
    ("policies",),
    ("sessions",),
    ("events",),
    ("history", "checkpoints"),
    ("history", "votes"),
)
# How a historical stance may name a kind of action: by its name, or ``motion`` and the kind
# of motion it tables; the kinds of motion a stance may name.
PATTERN_KINDS = tuple(dict.fromkeys(pattern_name(k.name).split(":")[0] for k in REGISTRY))
PATTERN_MOTION_KINDS = tuple(k.tables for k in REGISTRY if k.family == "motion" and k.tables)
OPTIONAL_ARGUMENTS = ("region",)  # 'appoint' alone pulls toward appointing anywhere
_MOTION_NEEDS: dict[str, tuple[str, ...]] = {
    "policy": ("policy",),
    "remove_office": ("target", "office"),
    "read_testament": ("testament",),
    "condemn_line": ("deviation",),
    **dict.fromkeys(
        ("condemn", "remove_politburo", "remove_cc", "expel", "exile", "deport", "readmit"),
        ("target",),
    ),
}


class _HasId(Protocol):
    """Anything with an id: a faction, a figure, a motion..."""

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class _Names:
    """Every id a scenario defines, by kind, and its calendar."""

    factions: frozenset[str]
    figures: frozenset[str]
    offices: frozenset[str]
    regions: frozenset[str]
    policies: frozenset[str]
    sessions: frozenset[str]
    events: frozenset[str]
    motions: frozenset[str]
    agendas: dict[str, frozenset[str]]  # session id -> the ids of its motions
    sources: frozenset[str]
    checkpoints: frozenset[str]
    start: Quarter
    end: Quarter


def check_references(scenario: Scenario) -> list[Issue]:
    """Every cross-reference problem of a scenario, in no particular order."""
    names = _names(scenario)
    issues = list(_duplicate_ids(scenario))
    for loc, model in _walk(scenario, ()):
        issues += _sources(model, loc, names)
        issues += _span(model, loc)
        issues += _check(model, loc, names)
    return issues


def _names(scenario: Scenario) -> _Names:
    """Collect the ids of each kind."""
    return _Names(
        factions=_ids(scenario.factions),
        figures=_ids(scenario.figures),
        offices=_ids(scenario.offices),
        regions=_ids(scenario.regions),
        policies=_ids(scenario.policies),
        sessions=_ids(scenario.sessions),
        events=_ids(scenario.events),
        motions=_ids(_all_motions(scenario)),
        agendas={session.id: _ids(session.agenda) for session in scenario.sessions},
        sources=frozenset(scenario.sources),
        checkpoints=_ids(scenario.history.checkpoints),
        start=Quarter.parse(scenario.start),
        end=Quarter.parse(scenario.end),
    )


def _all_motions(scenario: Scenario) -> Iterator[_HasId]:
    """Every agenda motion and the fallback it names, if any."""
    for session in scenario.sessions:
        for motion in session.agenda:
            yield motion
            if motion.fallback is not None:
                yield motion.fallback


def _ids(items: Iterable[_HasId]) -> frozenset[str]:
    """The ids of some items."""
    return frozenset(item.id for item in items)


def _walk(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, BaseModel]]:
    """Every model nested in ``model`` (itself included), with its path in YAML keys."""
    yield loc, model
    for name, field in type(model).model_fields.items():
        yield from _walk_value(getattr(model, name), (*loc, field.alias or name))


def _walk_value(value: object, loc: Loc) -> Iterator[tuple[Loc, BaseModel]]:
    """The models inside one field's value: a model, a list or a mapping of them."""
    if isinstance(value, BaseModel):
        yield from _walk(value, loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_value(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, (*loc, key))


def _ref(value: str | None, known: Collection[str], loc: Loc, what: str) -> Iterator[Issue]:
    """An issue if ``value`` is set and not among ``known``, suggesting a close match."""
    if value is None or value in known:
        return
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    yield Issue(loc, f"unknown {what} {value!r}{hint}")


def _refs(values: Sequence[str], known: Collection[str], loc: Loc, what: str) -> Iterator[Issue]:
    """``_ref`` for each item of a list."""
    for index, value in enumerate(values):
        yield from _ref(value, known, (*loc, index), what)


def _duplicates(entries: Iterable[tuple[Loc, str]]) -> Iterator[Issue]:
    """An issue at each id (given with the path of its item) already used before it."""
    first: dict[str, Loc] = {}
    for loc, item_id in entries:
        if item_id in first:
            where = ".".join(map(str, first[item_id]))
            yield Issue((*loc, "id"), f"duplicate id {item_id!r} (first at {where})")
        first.setdefault(item_id, loc)


def _duplicate_ids(scenario: Scenario) -> Iterator[Issue]:
    """Ids unique within each list, and motion ids unique across all sessions."""
    for path in ID_LISTS:
        items: object = scenario
        for key in path:
            items = getattr(items, key)
        assert isinstance(items, list)
        yield from _duplicates(((*path, i), item.id) for i, item in enumerate(items))
    yield from _duplicates(
        (("sessions", i, "agenda", j, *tail), item.id)
        for i, session in enumerate(scenario.sessions)
        for j, motion in enumerate(session.agenda)
        for tail, item in (((), motion), (("fallback",), motion.fallback))
        if item is not None
    )


def _sources(model: BaseModel, loc: Loc, names: _Names) -> Iterator[Issue]:
    """Every ``sources:`` list names keys of the top-level ``sources``."""
    keys = getattr(model, "sources", None)
    if isinstance(keys, list):
        yield from _refs(keys, names.sources, (*loc, "sources"), "source")


def _span(model: BaseModel, loc: Loc) -> Iterator[Issue]:
    """A ``from``/``to`` pair of quarters must not run backwards."""
    start, end = getattr(model, "from_", None), getattr(model, "to", None)
    if (
        isinstance(start, str)
        and isinstance(end, str)
        and Quarter.parse(start) > Quarter.parse(end)
    ):
        yield Issue((*loc, "to"), f"{end} is before from: {start}")


def _within(when: Quarter, text: str, loc: Loc, names: _Names) -> Iterator[Issue]:
    """A quarter (written ``text``) must fall inside the scenario's start..end."""
    if not names.start <= when <= names.end:
        yield Issue(loc, f"{text} is outside the scenario ({names.start}..{names.end})")


@singledispatch
def _check(model: BaseModel, loc: Loc, names: _Names) -> Iterator[Issue]:
    """The checks specific to one kind of model; most kinds have none."""
    return iter(())


@_check.register
def _(model: Scenario, loc: Loc, names: _Names) -> Iterator[Issue]:
    if names.start > names.end:
        yield Issue(("end",), f"the scenario ends ({model.end}) before it starts ({model.start})")
    elif names.end.index_from(names.start) >= MAX_QUARTERS:
        yield Issue(
            ("end",),
            f"the scenario runs {names.end.index_from(names.start) + 1} quarters "
            f"({model.start}..{model.end}); at most {MAX_QUARTERS}",
        )
    appointing = sum(office.appoints_secretaries for office in model.offices)
    if appointing != 1:
        yield Issue(
            ("offices",),
            f"exactly one office must appoint regional secretaries (the General Secretary's); "
            f"{appointing} do",
        )
    yield from _procedure(model)


def _procedure(scenario: Scenario) -> Iterator[Issue]:
    """Every motion kind has its rule, every office can be filled by a body that may remove
    its holder, and every agenda motion (and fallback) is put to a body with the power."""
    for kind in typing.get_args(MotionKind):
        if kind not in scenario.procedure:
            yield Issue(("procedure",), f"no rule says which bodies decide {kind!r} motions")
    rule = scenario.procedure.get("remove_office")
    for i, office in enumerate(scenario.offices):
        extra = [body for body in office.filled_by if rule is not None and body not in rule.bodies]
        if extra:
            message = f"{', '.join(extra)} may not remove office holders (procedure.remove_office)"
            yield Issue(("offices", i, "filled_by"), message)
    for i, session in enumerate(scenario.sessions):
        for j, motion in enumerate(session.agenda):
            yield from _put_to(scenario, session, motion, ("sessions", i, "agenda", j))


def _put_to(scenario: Scenario, session: Session, motion: Motion, loc: Loc) -> Iterator[Issue]:
    """A motion, and its fallback, must go to a body with the power to decide them; the
    fallback must be a milder sanction against the same target."""
    yield from _power(scenario, session, motion.kind, motion.office, loc)
    fallback = motion.fallback
    if fallback is None:
        return
    if not milder(fallback.kind, motion.kind):
        message = (
            f"a fallback must be a milder sanction than {motion.kind!r}, not {fallback.kind!r}"
        )
        yield Issue((*loc, "fallback", "kind"), message)
    else:
        yield from _power(scenario, session, fallback.kind, motion.office, (*loc, "fallback"))


def _power(
    scenario: Scenario, session: Session, kind: str, office: str | None, loc: Loc
) -> Iterator[Issue]:
    if kind == "remove_office" and office is None:
        return  # the missing office is reported on its own
    bodies = deciding_bodies(scenario, kind, office)
    if session.kind in bodies:
        return
    what = f"remove the holder of {office!r}" if kind == "remove_office" else f"decide {kind!r}"
    who = ", ".join(bodies) or "no body"
    yield Issue(loc, f"a {session.kind} has no power to {what} (the procedure gives it to: {who})")


@_check.register
def _(model: Faction, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.leader, names.figures, (*loc, "leader"), "figure")


@_check.register
def _(model: Figure, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.faction, names.factions, (*loc, "faction"), "faction")


@_check.register
def _(model: Office, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.holder, names.figures, (*loc, "holder"), "figure")


@_check.register
def _(model: Region, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.secretary.camp, names.factions, (*loc, "secretary", "camp"), "faction")
    yield from _ref(model.boss_office, names.offices, (*loc, "boss_office"), "office")
    for faction in model.sympathy:
        yield from _ref(faction, names.factions, (*loc, "sympathy", faction, KEY), "faction")


@_check.register
def _(model: Policy, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _refs(model.excludes, names.policies, (*loc, "excludes"), "policy")


@_check.register(Alliance)
@_check.register(AllianceTest)
def _(model: Alliance | AllianceTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _refs(model.between, names.factions, (*loc, "between"), "faction")


@_check.register
def _(model: Grievance, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.holder, names.factions, (*loc, "holder"), "faction")
    yield from _ref(model.against, names.factions, (*loc, "against"), "faction")


@_check.register
def _(model: Expectation, loc: Loc, names: _Names) -> Iterator[Issue]:
    needs = {"wins": "faction", "outright": "faction", "checkpoint": "checkpoint"}
    field = needs.get(model.measure)
    if field is not None and getattr(model, field) is None:
        yield Issue(loc, f"a claim on {model.measure!r} needs {field!r}")
    yield from _ref(model.faction, names.factions, (*loc, "faction"), "faction")
    yield from _ref(model.checkpoint, names.checkpoints, (*loc, "checkpoint"), "checkpoint")


@_check.register
def _(model: Motion, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.target, names.figures, (*loc, "target"), "figure")
    yield from _ref(model.successor, names.figures, (*loc, "successor"), "figure")
    yield from _ref(model.office, names.offices, (*loc, "office"), "office")
    yield from _ref(model.policy, names.policies, (*loc, "policy"), "policy")
    sponsors = names.factions | names.offices
    yield from _ref(model.sponsor, sponsors, (*loc, "sponsor"), "faction or office")
    for field in _MOTION_NEEDS.get(model.kind, ()):
        if getattr(model, field) is None:
            yield Issue(loc, f"a motion of kind {model.kind!r} needs {field!r}")
    if model.kind == "enrolment" and model.recruits <= 0:
        yield Issue((*loc, "recruits"), "a motion of kind 'enrolment' needs recruits above 0")


@_check.register
def _(model: Session, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _within(Date.parse(model.date).quarter, model.date, (*loc, "date"), names)
    if model.end_date is not None and Date.parse(model.end_date) < Date.parse(model.date):
        yield Issue((*loc, "end_date"), f"the session ends before it opens ({model.date})")
    if model.kind in ("congress", "conference") and model.voting_delegates is None:
        yield Issue(loc, f"a {model.kind} needs voting_delegates")
    if (model.kind == "joint_plenum") != (model.control_commission_size is not None):
        yield Issue(loc, "control_commission_size is given for a joint plenum, and only there")


@_check.register
def _(model: RecordedVote, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.session, names.agendas, (*loc, "session"), "session")
    agenda = names.agendas.get(model.session)
    if agenda is not None:
        for issue in _ref(model.motion, agenda, (*loc, "motion"), "motion"):
            yield Issue(issue.loc, f"{issue.message} in the agenda of {model.session!r}")
    if (model.for_ is None) != (model.against is None):
        yield Issue(loc, "a recorded tally gives both 'for' and 'against'")
    if model.unanimous and (model.against or model.outcome != "carried"):
        yield Issue(loc, "a unanimous vote must have carried with nobody against")
    if model.for_ is not None and model.against is not None:
        carried = model.for_ > model.against
        if carried != (model.outcome == "carried"):
            tally = f"{model.for_}-{model.against}"
            yield Issue((*loc, "outcome"), f"the tally {tally} says otherwise")


@_check.register
def _(model: Event, loc: Loc, names: _Names) -> Iterator[Issue]:
    window = model.window
    for key, text in (("from", window.from_), ("to", window.to)):
        yield from _within(Quarter.parse(text), text, (*loc, "window", key), names)
    if model.date is not None:
        quarter = Date.parse(model.date).quarter
        if not Quarter.parse(window.from_) <= quarter <= Quarter.parse(window.to):
            message = f"{model.date} is outside the event's window ({window.from_}..{window.to})"
            yield Issue((*loc, "date"), message)


@_check.register
def _(model: Checkpoint, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _within(Date.parse(model.date).quarter, model.date, (*loc, "date"), names)
    if _only_dates(model.condition):
        message = "a checkpoint's condition must test the game state, not only the date"
        yield Issue((*loc, "condition"), message)


def _only_dates(condition: Condition) -> bool:
    """Whether a condition is made only of ``date`` tests (combined by all/any/not)."""
    if isinstance(condition, DateCondition):
        return True
    if isinstance(condition, AllCondition | AnyCondition):
        parts = condition.all if isinstance(condition, AllCondition) else condition.any
        return all(map(_only_dates, parts))
    return isinstance(condition, NotCondition) and _only_dates(condition.not_)


@_check.register(StatusTest)
@_check.register(PolitburoTest)
def _(model: StatusTest | PolitburoTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.figure, names.figures, (*loc, "figure"), "figure")


@_check.register
def _(model: OfficeTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.offices, (*loc, "id"), "office")
    holders = names.figures | names.factions
    yield from _ref(model.held_by, holders, (*loc, "held_by"), "figure or faction")


@_check.register
def _(model: PolicyTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.policies, (*loc, "id"), "policy")


@_check.register
def _(model: MotionTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.motions, (*loc, "id"), "motion")


@_check.register
def _(model: SessionTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.sessions, (*loc, "id"), "session")


@_check.register
def _(model: EventTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.events, (*loc, "id"), "event")


@_check.register
def _(model: CompareTest, loc: Loc, names: _Names) -> Iterator[Issue]:
    by_track = model.track is not None and model.faction is None and model.stat is None
    by_faction = model.track is None and model.faction is not None and model.stat is not None
    if not (by_track or by_faction):
        yield Issue(loc, "compare needs either 'track', or both 'faction' and 'stat'")
    yield from _ref(model.faction, names.factions, (*loc, "faction"), "faction")


@_check.register
def _(model: FactionEffect, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.factions, (*loc, "id"), "faction")


@_check.register
def _(model: RegionEffect, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.id, names.regions | {"all"}, (*loc, "id"), "region")
    yield from _ref(model.sympathy_to, names.factions, (*loc, "sympathy_to"), "faction")


@_check.register
def _(model: FigureDiesEffectItem, loc: Loc, names: _Names) -> Iterator[Issue]:
    yield from _ref(model.figure_dies, names.figures, (*loc, "figure_dies"), "figure")


@_check.register
def _(model: AI, loc: Loc, names: _Names) -> Iterator[Issue]:
    for section in ("personalities", "historical"):
        for faction in getattr(model, section):
            yield from _ref(faction, names.factions, (*loc, section, faction, KEY), "faction")
    for faction in sorted(names.factions - set(model.personalities)):
        yield Issue((*loc, "personalities"), f"faction {faction!r} has no personality")


@_check.register
def _(model: Stance, loc: Loc, names: _Names) -> Iterator[Issue]:
    for pattern in model.actions:
        message = _pattern_problem(pattern, names)
        if message:
            yield Issue((*loc, "actions", pattern, KEY), message)


def _pattern_problem(pattern: str, names: _Names) -> str | None:
    """What is wrong with an AI action pattern such as ``motion:expel:trotsky``, if anything."""
    kind, *targets = pattern.split(":")
    if kind not in PATTERN_KINDS:
        return f"unknown action {kind!r}; actions are: {', '.join(PATTERN_KINDS)}"
    slots, required = _pattern_slots(kind, targets, names)
    if not required <= len(targets) <= len(slots):
        wanted = ":".join([kind, *(f"<{what}>" for what, _ in slots)])
        return f"{pattern!r} does not fit the form {wanted}"
    for target, (what, known) in zip(targets, slots, strict=False):
        if target not in known:
            return f"unknown {what} {target!r}"
    return None


def _pattern_slots(
    kind: str, targets: list[str], names: _Names
) -> tuple[list[tuple[str, Collection[str]]], int]:
    """The targets an action kind takes, as (what, allowed ids), and how many are required:
    the argument of the kind's options (a motion names its kind of motion first)."""
    known: dict[str, Collection[str]] = {
        "region": names.regions,
        "faction": names.factions,
        "figure": names.figures,
        "policy": names.policies,
    }
    if kind != "motion":
        argument = KINDS[kind].argument
        if argument is None:
            return [], 0
        return [(argument, known[argument])], 0 if argument in OPTIONAL_ARGUMENTS else 1
    tabling = KINDS.get(f"motion_{targets[0]}" if targets else "")
    argument = tabling.argument if tabling is not None else "figure"
    slots: list[tuple[str, Collection[str]]] = [("motion kind", PATTERN_MOTION_KINDS)]
    if argument is not None:
        slots.append((argument, known[argument]))
    return slots, len(slots)
