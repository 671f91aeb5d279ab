"""Compile a validated scenario into the engine's ``GameSpec``: ids become indices, dates become
turns and days, conditions become test trees, and the action space is laid out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from game.engine import conditions as c
from game.engine.kinds import KINDS, REGISTRY, family, pattern_name
from game.engine.kinds.base import ActionKind
from game.engine.names import leader_and_camp
from game.engine.spec import (
    FACTION_STATS,
    MAJORITIES,
    MOTION_KINDS,
    NO_POWER,
    PERSONALITY_TRAITS,
    SESSION_KINDS,
    STATUSES,
    TESTAMENT_STATES,
    TRACKS,
    ActionPatternSpec,
    ActionSpace,
    CheckpointSpec,
    EffectSpec,
    EventSpec,
    GameSpec,
    MotionSpec,
    RecordedVoteSpec,
    Rules,
    SessionSpec,
    StanceSpec,
)
from game.scenario import models as m
from game.scenario.dates import Date, Quarter
from game.scenario.procedure import deciding_bodies


class Indexer:
    """Maps every id of the scenario to its index."""

    def __init__(self, scenario: m.Scenario) -> None:
        self.faction = {f.id: i for i, f in enumerate(scenario.factions)}
        self.figure = {g.id: i for i, g in enumerate(scenario.figures)}
        self.office = {o.id: i for i, o in enumerate(scenario.offices)}
        self.region = {r.id: i for i, r in enumerate(scenario.regions)}
        self.policy = {p.id: i for i, p in enumerate(scenario.policies)}
        self.session = {s.id: i for i, s in enumerate(scenario.sessions)}
        self.event = {e.id: i for i, e in enumerate(scenario.events)}
        agenda = [mo.id for s in scenario.sessions for mo in s.agenda]
        fallbacks = [
            mo.fallback.id for s in scenario.sessions for mo in s.agenda if mo.fallback is not None
        ]
        self.motion = {ident: i for i, ident in enumerate([*agenda, *fallbacks])}
        self.start = Quarter.parse(scenario.start)

    def turn(self, quarter: str) -> int:
        return Quarter.parse(quarter).index_from(self.start)

    def date_turn(self, date: str) -> tuple[int, int]:
        parsed = Date.parse(date)
        return parsed.quarter.index_from(self.start), parsed.day_of_quarter


def compile_condition(cond: m.Condition, ix: Indexer) -> c.Cond:
    """Turn a parsed condition into a test tree."""
    if isinstance(cond, m.AllCondition):
        return c.AllOf(tuple(compile_condition(part, ix) for part in cond.all))
    if isinstance(cond, m.AnyCondition):
        return c.AnyOf(tuple(compile_condition(part, ix) for part in cond.any))
    if isinstance(cond, m.NotCondition):
        return c.Not(compile_condition(cond.not_, ix))
    return _compile_leaf(cond, ix)


def _compile_leaf(cond: m.Condition, ix: Indexer) -> c.Cond:
    if isinstance(cond, m.StatusCondition):
        statuses = tuple(STATUSES.index(s) for s in cond.status.in_)
        return c.StatusIn(ix.figure[cond.status.figure], statuses)
    if isinstance(cond, m.OfficeCondition):
        who = cond.office.held_by
        return c.OfficeHeld(
            ix.office[cond.office.id],
            figure=ix.figure.get(who, -1) if who else -1,
            faction=ix.faction.get(who, -1) if who else -1,
        )
    if isinstance(cond, m.PolitburoCondition):
        return c.OnPolitburo(ix.figure[cond.politburo.figure], cond.politburo.member)
    if isinstance(cond, m.AllianceCondition):
        first, second = (ix.faction[f] for f in cond.alliance.between)
        return c.Allied(first, second, cond.alliance.active)
    if isinstance(cond, m.PolicyCondition):
        return c.PolicyAdopted(ix.policy[cond.policy.id], cond.policy.adopted)
    if isinstance(cond, m.MotionCondition):
        return c.MotionPassed(ix.motion[cond.motion.id], cond.motion.passed)
    if isinstance(cond, m.SessionCondition):
        return c.SessionHeld(ix.session[cond.session.id], cond.session.held)
    if isinstance(cond, m.EventCondition):
        return c.EventFired(ix.event[cond.event.id], cond.event.fired)
    if isinstance(cond, m.CompareCondition):
        test = cond.compare
        if test.track is not None:
            return c.TrackCompare(TRACKS.index(test.track), test.op, test.value)
        assert test.faction is not None and test.stat is not None
        return c.StatCompare(
            ix.faction[test.faction], FACTION_STATS.index(test.stat), test.op, test.value
        )
    if isinstance(cond, m.DateCondition):
        first = ix.turn(cond.date.from_) if cond.date.from_ else -(10**6)
        last = ix.turn(cond.date.to) if cond.date.to else 10**6
        return c.DateBetween(first, last)
    assert isinstance(cond, m.TestamentCondition)
    return c.TestamentIn(tuple(TESTAMENT_STATES.index(s) for s in cond.testament.in_))


DEVIATION_SIDES = {"left": -1, "right": 1}


def majorities(scenario: m.Scenario, kind: str, office: str | None = None) -> tuple[int, ...]:
    """Per SESSION_KINDS, the MAJORITIES index a motion of ``kind`` needs there (0 no power)."""
    bodies = deciding_bodies(scenario, kind, office)
    return tuple(MAJORITIES.index(bodies.get(body, "none")) for body in SESSION_KINDS)


def _compile_motion(
    motion: m.Motion, session: int, ix: Indexer, scenario: m.Scenario
) -> MotionSpec:
    sponsor_faction = ix.faction.get(motion.sponsor, -1)
    fallback = motion.fallback
    return MotionSpec(
        id=motion.id,
        title=motion.title,
        kind=MOTION_KINDS.index(motion.kind),
        target=ix.figure[motion.target] if motion.target else -1,
        office=ix.office[motion.office] if motion.office else -1,
        successor=ix.figure[motion.successor] if motion.successor else -1,
        policy=ix.policy[motion.policy] if motion.policy else -1,
        recruits=motion.recruits,
        testament=TESTAMENT_STATES.index(motion.testament) if motion.testament else -1,
        sponsor_faction=sponsor_faction,
        sponsor_office=-1 if sponsor_faction >= 0 else ix.office[motion.sponsor],
        condition=compile_condition(motion.condition, ix) if motion.condition else None,
        session=session,
        deviation=DEVIATION_SIDES.get(motion.deviation or "", 0),
        majority=majorities(scenario, motion.kind, motion.office),
        fallback=ix.motion[fallback.id] if fallback else -1,
    )


def _fallback(parent: MotionSpec, fallback: m.Fallback, scenario: m.Scenario) -> MotionSpec:
    """The milder motion put instead of ``parent``: same target, mover and session."""
    return replace(
        parent,
        id=fallback.id,
        title=fallback.title,
        kind=MOTION_KINDS.index(fallback.kind),
        majority=majorities(scenario, fallback.kind),
        fallback=-1,
    )


def _tabled_motion(
    scenario: m.Scenario, kind: str, title: str, ident: str, **fields: int
) -> MotionSpec:
    """A motion a faction can table; its sponsor is whoever tables it."""
    values = {"target": -1, "office": -1, "successor": -1, "policy": -1, "testament": -1}
    values.update(fields)
    office = scenario.offices[values["office"]].id if values["office"] >= 0 else None
    return MotionSpec(
        id=ident,
        title=title,
        kind=MOTION_KINDS.index(kind),
        recruits=0,
        sponsor_faction=-1,
        sponsor_office=-1,
        condition=None,
        session=-1,
        majority=majorities(scenario, kind, office),
        **values,
    )


@dataclass(frozen=True)
class _Option:
    """One option of a kind of action: its argument (-1 none), the ids that follow the kind
    in its label, the id of the motion it tables, what that motion is about (target, office,
    policy, testament) and the names its title gives (figure, policy, office)."""

    arg: int
    ids: tuple[str, ...] = ()
    motion_id: str = ""
    about: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def build_actions(scenario: m.Scenario, first_motion: int) -> tuple[ActionSpace, list[MotionSpec]]:
    """Lay out the action space, kind by kind in the registry's order, and the motions that
    tabling actions put to the vote."""
    kinds: list[str] = []
    args: list[int] = []
    motions: list[int] = []
    labels: list[str] = []
    blocks: dict[str, tuple[int, int]] = {}
    extra: list[MotionSpec] = []
    for kind in REGISTRY:
        start = len(kinds)
        for option in _options(scenario, kind):
            kinds.append(kind.name)
            args.append(option.arg)
            labels.append(":".join([pattern_name(kind.name), *option.ids]))
            motions.append(-1)
            if kind.tables is not None and option.motion_id:
                motions[-1] = first_motion + len(extra)
                title = kind.words.motion.format(**option.names)
                extra.append(
                    _tabled_motion(scenario, kind.tables, title, option.motion_id, **option.about)
                )
        blocks[kind.name] = (start, len(kinds))
    costs = scenario.rules.action_costs.model_dump(by_alias=True)
    space = ActionSpace(
        kinds=tuple(kinds),
        arg=np.array(args, dtype=np.int64),
        motion=np.array(motions, dtype=np.int64),
        labels=tuple(labels),
        blocks=blocks,
        cost=np.array([costs[family(kind)] for kind in kinds]),
    )
    return space, extra


def _options(scenario: m.Scenario, kind: ActionKind) -> list[_Option]:
    """The options of ``kind`` in this scenario, as its ``options`` lists them."""
    tabled = f"tabled_{kind.tables}"
    figures = list(enumerate(scenario.figures))
    leaders = {f.leader for f in scenario.factions}
    aligned = [(i, g) for i, g in figures if g.faction is not None]
    if kind.options == "once":
        about = _fixed_about(scenario, kind.tables)
        return [_Option(-1, motion_id=tabled if about is not None else "", about=about or {})]
    if kind.options == "regions":
        return [_Option(i, (r.id,)) for i, r in enumerate(scenario.regions)]
    if kind.options == "factions":
        return [_Option(i, (f.id,)) for i, f in enumerate(scenario.factions)]
    if kind.options == "courtable":
        return [_Option(i, (g.id,)) for i, g in figures if g.loyalty < 1.0 and g.id not in leaders]
    if kind.options == "policies":
        return [
            _Option(i, (p.id,), f"{tabled}_{p.id}", {"policy": i}, {"policy": p.name})
            for i, p in enumerate(scenario.policies)
        ]
    if kind.options == "office_holders":
        return [
            _Option(
                i,
                (g.id,) if o.appoints_secretaries else (g.id, o.id),
                _removal_id(o, g.id),
                {"target": i, "office": o_index},
                {"figure": g.name, "office": o.name},
            )
            for o_index, o in _removable_offices(scenario)
            for i, g in aligned
        ]
    chosen = [(i, g) for i, g in aligned if kind.options == "members" or g.id in leaders]
    return [
        _Option(i, (g.id,), f"{tabled}_{g.id}", {"target": i}, {"figure": g.name})
        for i, g in chosen
    ]


def _fixed_about(scenario: m.Scenario, tables: str | None) -> dict[str, int] | None:
    """What the motion tabled by a kind with a single option is about: the General Secretary
    to confirm, the Testament to publish; None for a kind that tables none, or where there is
    nothing for it to be about (no General Secretary)."""
    if tables is None:
        return None
    if tables == "confirm_secretary":
        gensec = [i for i, o in enumerate(scenario.offices) if o.appoints_secretaries]
        return {"office": gensec[0]} if gensec else None
    if tables == "read_testament":
        return {"testament": TESTAMENT_STATES.index("published")}
    raise ValueError(f"no single motion of kind {tables!r} can be tabled")


def _removable_offices(scenario: m.Scenario) -> list[tuple[int, m.Office]]:
    """The offices a faction can table a motion to take from their holder: the General
    Secretary's, and each office that runs a region's machine."""
    bosses = {r.boss_office for r in scenario.regions}
    return [
        (i, o) for i, o in enumerate(scenario.offices) if o.appoints_secretaries or o.id in bosses
    ]


def _removal_id(office: m.Office, figure: str) -> str:
    """The id of a tabled motion to take ``office`` from ``figure``."""
    if office.appoints_secretaries:
        return f"tabled_remove_gensec_{figure}"
    return f"tabled_remove_{office.id}_{figure}"


def _pattern(text: str, weight: float, ix: Indexer) -> ActionPatternSpec:
    """'motion:expel:trotsky' -> kind motion_expel with the figure's index as its argument."""
    parts = text.split(":")
    kind, rest = parts[0], parts[1:]
    if kind == "motion":
        kind, rest = f"motion_{rest[0]}", rest[1:]
    tables = {"region": ix.region, "faction": ix.faction, "figure": ix.figure, "policy": ix.policy}
    argument = KINDS[kind].argument
    arg = tables[argument][rest[0]] if rest and argument is not None else -1
    return ActionPatternSpec(kind=kind, arg=arg, weight=weight)


def _stances(scenario: m.Scenario, ix: Indexer) -> tuple[tuple[StanceSpec, ...], ...]:
    out = []
    for faction in scenario.factions:
        stances = scenario.ai.historical.get(faction.id, [])
        out.append(
            tuple(
                StanceSpec(
                    first_turn=ix.turn(s.from_),
                    last_turn=ix.turn(s.to),
                    patterns=tuple(_pattern(p, w, ix) for p, w in s.actions.items()),
                    ideology=s.ideology,
                )
                for s in stances
            )
        )
    return tuple(out)


def _effect(effect: m.Effect, ix: Indexer) -> EffectSpec:
    if isinstance(effect, m.TrackEffectItem):
        return EffectSpec("track", index=TRACKS.index(effect.track.id), add=effect.track.add)
    if isinstance(effect, m.FactionEffectItem):
        e = effect.faction
        return EffectSpec(
            "faction", index=ix.faction[e.id], stat=FACTION_STATS.index(e.stat), add=e.add
        )
    if isinstance(effect, m.RegionEffectItem):
        r = effect.region
        return EffectSpec(
            "region",
            index=ix.region.get(r.id, -1),
            members_factor=r.members_factor,
            recruits_add=r.recruits_add,
            sympathy_to=ix.faction[r.sympathy_to] if r.sympathy_to else -1,
            sympathy_add=r.sympathy_add,
        )
    if isinstance(effect, m.FigureDiesEffectItem):
        return EffectSpec("figure_dies", index=ix.figure[effect.figure_dies])
    return EffectSpec("testament", index=TESTAMENT_STATES.index(effect.testament))


def _events(scenario: m.Scenario, ix: Indexer) -> tuple[EventSpec, ...]:
    out = []
    for e in scenario.events:
        day = Date.parse(e.date).day_of_quarter if e.date else 0
        out.append(
            EventSpec(
                id=e.id,
                title=e.title,
                text=e.text,
                first_turn=ix.turn(e.window.from_),
                last_turn=ix.turn(e.window.to),
                day=day,
                chance=e.chance,
                condition=compile_condition(e.condition, ix) if e.condition else None,
                effects=tuple(_effect(x, ix) for x in e.effects),
            )
        )
    return tuple(out)


def _sessions(
    scenario: m.Scenario, ix: Indexer
) -> tuple[tuple[SessionSpec, ...], list[MotionSpec]]:
    sessions: list[SessionSpec] = []
    motions: list[MotionSpec] = []
    fallbacks: list[MotionSpec] = []
    for s_index, s in enumerate(scenario.sessions):
        turn, day = ix.date_turn(s.date)
        agenda = []
        for motion in s.agenda:
            agenda.append(len(motions))
            motions.append(_compile_motion(motion, s_index, ix, scenario))
            if motion.fallback is not None:
                fallbacks.append(_fallback(motions[-1], motion.fallback, scenario))
        sessions.append(
            SessionSpec(
                id=s.id,
                name=s.name,
                kind=SESSION_KINDS.index(s.kind),
                turn=turn,
                day=day,
                date=s.date,
                voting_delegates=s.voting_delegates or 0,
                cc_size=s.central_committee_size or 0,
                politburo_size=s.politburo_size or 0,
                ccc_size=s.control_commission_size or 0,
                agenda=tuple(agenda),
            )
        )
    return tuple(sessions), motions + fallbacks


def _last_turns(motions: Sequence[MotionSpec], sessions: Sequence[SessionSpec]) -> np.ndarray:
    """(M,): the last turn a session with the power to decide each motion is held, -1 none."""
    last = np.full(len(motions), -1, dtype=np.int64)
    for i, motion in enumerate(motions):
        turns = [s.turn for s in sessions if motion.majority[s.kind] != NO_POWER]
        last[i] = max(turns, default=-1)
    return last


def _schedule(
    turns: int, sessions: Sequence[SessionSpec], events: Sequence[EventSpec]
) -> tuple[tuple[tuple[str, int], ...], ...]:
    """Per turn, the events and sessions in date order (events first on the same day)."""
    per_turn: list[list[tuple[int, int, str, int]]] = [[] for _ in range(turns)]
    for i, e in enumerate(events):
        for t in range(max(e.first_turn, 0), min(e.last_turn, turns - 1) + 1):
            per_turn[t].append((e.day, 0, "event", i))
    for i, s in enumerate(sessions):
        if 0 <= s.turn < turns:
            per_turn[s.turn].append((s.day, 1, "session", i))
    return tuple(tuple((kind, i) for _, _, kind, i in sorted(items)) for items in per_turn)


def _growth(scenario: m.Scenario, ix: Indexer, turns: int) -> np.ndarray:
    """(T,) baseline membership growth per turn; periods outside the scenario are clipped."""
    growth = np.zeros(turns)
    for period in scenario.membership.growth:
        first = min(max(ix.turn(period.from_), 0), turns)
        last = min(max(ix.turn(period.to) + 1, 0), turns)
        growth[first:last] = period.rate
    return growth


def _track_start(scenario: m.Scenario, track: str) -> float:
    starts = {str(key): value for key, value in scenario.tracks.items()}
    return starts.get(track, 0.0)


def _recorded_vote(vote: m.RecordedVote, ix: Indexer) -> RecordedVoteSpec:
    """A recorded vote with its session and motion as indices and its yes share of the
    votes cast (abstentions apart)."""
    share = None
    if vote.unanimous:
        share = 1.0
    elif vote.for_ is not None and vote.against is not None:
        share = vote.for_ / max(vote.for_ + vote.against, 1)
    return RecordedVoteSpec(
        id=vote.id,
        session=ix.session[vote.session],
        motion=ix.motion[vote.motion],
        yes=vote.for_,
        no=vote.against,
        abstain=vote.abstaining,
        unanimous=vote.unanimous,
        share=share,
        outcome=vote.outcome,
        fitted=vote.fitted,
        sources=tuple(vote.sources),
        note=vote.note,
    )


def _rules(scenario: m.Scenario) -> Rules:
    r = scenario.rules
    return Rules(
        actions_per_turn=r.actions_per_turn,
        base_income=r.base_income,
        action_costs=r.action_costs.model_dump(by_alias=True),
        vote=r.vote.model_dump(),
        split_threshold=r.split_threshold,
        power=r.power.model_dump(),
        k=r.constants.model_dump(),
    )


def compile_scenario(scenario: m.Scenario) -> GameSpec:
    """The engine's view of a validated scenario."""
    ix = Indexer(scenario)
    turns = Quarter.parse(scenario.end).index_from(ix.start) + 1
    n_f = len(scenario.factions)
    sessions, motions = _sessions(scenario, ix)
    actions, tabled = build_actions(scenario, len(motions))
    events = _events(scenario, ix)
    people = {g.id: g.name for g in scenario.figures}
    cc = scenario.central_committee
    cc_share = np.zeros(n_f + 1)
    for fid, share in cc.shares.items() if cc else ():
        cc_share[ix.faction[fid]] = share
    cc_share[n_f] = 1.0 - cc_share[:n_f].sum()
    alliance = np.zeros((n_f, n_f), dtype=bool)
    for a in scenario.alliances:
        i, j = (ix.faction[f] for f in a.between)
        alliance[i, j] = alliance[j, i] = True
    grievance = np.zeros((n_f, n_f))
    for gr in scenario.grievances:
        grievance[ix.faction[gr.holder], ix.faction[gr.against]] = gr.value
    excludes = np.zeros((len(scenario.policies),) * 2, dtype=bool)
    for i, p in enumerate(scenario.policies):
        for other in p.excludes:
            excludes[i, ix.policy[other]] = True
    gensec = [i for i, o in enumerate(scenario.offices) if o.appoints_secretaries]
    spec = GameSpec(
        scenario_id=scenario.id,
        title=scenario.title,
        start=scenario.start,
        turns=turns,
        quarter_labels=tuple(str(ix.start.shifted(t)) for t in range(turns)),
        factions=tuple(f.id for f in scenario.factions),
        faction_names=tuple(leader_and_camp(people[f.leader], f.name) for f in scenario.factions),
        faction_leader=np.array([ix.figure[f.leader] for f in scenario.factions]),
        faction_colour=tuple(f.colour for f in scenario.factions),
        common_touch=np.array([f.common_touch for f in scenario.factions]),
        faction_stats=np.array(
            [
                [f.influence, f.prestige, f.legitimacy, f.popularity, f.ideology]
                for f in scenario.factions
            ]
        ),
        figures=tuple(g.id for g in scenario.figures),
        figure_names=tuple(g.name for g in scenario.figures),
        figure_faction=np.array(
            [ix.faction[g.faction] if g.faction else -1 for g in scenario.figures]
        ),
        figure_loyalty=np.array([g.loyalty for g in scenario.figures]),
        figure_politburo=np.array([g.politburo for g in scenario.figures]),
        figure_candidate=np.array([g.politburo_candidate for g in scenario.figures]),
        figure_cc=np.array([g.central_committee for g in scenario.figures]),
        figure_status=np.array([STATUSES.index(g.status) for g in scenario.figures]),
        figure_alive=np.array([g.alive for g in scenario.figures]),
        offices=tuple(o.id for o in scenario.offices),
        office_names=tuple(o.name for o in scenario.offices),
        office_holder=np.array([ix.figure[o.holder] if o.holder else -1 for o in scenario.offices]),
        office_income=np.array([o.income for o in scenario.offices]),
        office_power=np.array([o.power for o in scenario.offices]),
        office_appoints=np.array([o.appoints_secretaries for o in scenario.offices]),
        office_filled_by=np.array(
            [[body in o.filled_by for body in SESSION_KINDS] for o in scenario.offices],
            dtype=bool,
        ).reshape(len(scenario.offices), len(SESSION_KINDS)),
        general_secretary=gensec[0] if gensec else -1,
        regions=tuple(r.id for r in scenario.regions),
        region_names=tuple(r.name for r in scenario.regions),
        region_members=np.array([float(r.members) for r in scenario.regions]),
        region_secretary=np.array(
            [ix.faction[r.secretary.camp] if r.secretary.camp else -1 for r in scenario.regions]
        ),
        region_sympathy=np.array(
            [[r.sympathy.get(f.id, 0.0) for f in scenario.factions] for r in scenario.regions]
        ),
        region_recruits=np.array([r.recruits for r in scenario.regions]),
        region_map=np.array([[r.map.x, r.map.y] for r in scenario.regions]),
        region_boss=np.array(
            [ix.office[r.boss_office] if r.boss_office else -1 for r in scenario.regions],
            dtype=np.int64,
        ),
        growth=_growth(scenario, ix, turns),
        policies=tuple(p.id for p in scenario.policies),
        policy_names=tuple(p.name for p in scenario.policies),
        policy_position=np.array([p.position for p in scenario.policies]),
        policy_adopted=np.array([p.adopted for p in scenario.policies]),
        policy_excludes=excludes,
        policy_from=np.array(
            [
                ix.date_turn(p.proposable_from)[0] if p.proposable_from else -(10**6)
                for p in scenario.policies
            ],
            dtype=np.int64,
        ),
        policy_while=tuple(
            compile_condition(p.proposable_while, ix) if p.proposable_while else None
            for p in scenario.policies
        ),
        alliance=alliance,
        grievance=grievance,
        testament=TESTAMENT_STATES.index(scenario.testament),
        tracks=np.array([_track_start(scenario, t) for t in TRACKS]),
        cc_size=cc.size if cc else max(1, sum(g.central_committee for g in scenario.figures)),
        cc_share=cc_share,
        politburo_size=cc.politburo_size
        if cc
        else max(1, sum(g.politburo for g in scenario.figures)),
        motions=tuple(motions) + tuple(tabled),
        procedure=np.array([majorities(scenario, kind) for kind in MOTION_KINDS], dtype=np.int64),
        motion_last_turn=_last_turns([*motions, *tabled], sessions),
        sessions=sessions,
        events=events,
        checkpoints=tuple(
            CheckpointSpec(
                id=h.id,
                title=h.title,
                date=h.date,
                turn=ix.date_turn(h.date)[0],
                description=h.description,
                condition=compile_condition(h.condition, ix),
                sources=tuple(h.sources),
                note=h.note,
            )
            for h in scenario.history.checkpoints
        ),
        recorded_votes=tuple(_recorded_vote(v, ix) for v in scenario.history.votes),
        mechanisms=scenario.mechanisms.model_dump(),
        rules=_rules(scenario),
        ai_noise=scenario.ai.noise,
        personalities=np.array(
            [
                [getattr(scenario.ai.personalities[f.id], t) for t in PERSONALITY_TRAITS]
                for f in scenario.factions
            ]
        ),
        stances=_stances(scenario, ix),
        actions=actions,
        schedule=_schedule(turns, sessions, events),
    )
    _freeze(spec)
    return spec


def _freeze(item: object) -> None:
    """Make every array of the compiled scenario read-only: the rules must never change it."""
    for value in vars(item).values():
        if isinstance(value, np.ndarray):
            value.flags.writeable = False
        elif isinstance(value, ActionSpace):
            _freeze(value)
