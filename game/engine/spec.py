"""The compiled form of a scenario: everything the rules need, as plain numbers and index tables.

The engine never sees YAML or pydantic. ``game.scenario.compile`` turns a validated scenario
into a ``GameSpec``: ids become indices, dates become (turn, day) pairs, conditions become
``Cond`` trees. Shapes use F factions, G figures, O offices, R regions, P policies, M motions,
S sessions, E events, C checkpoints.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from game.engine.conditions import Cond

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

STATUSES = ("active", "censured", "expelled", "exiled", "deported", "recanted", "readmitted")
ACTIVE, CENSURED, EXPELLED, EXILED, DEPORTED, RECANTED, READMITTED = range(7)
TESTAMENT_STATES = ("hidden", "surfaced", "read_to_delegations", "read_to_congress", "published")
PUBLISHED = TESTAMENT_STATES.index("published")
READ_TO_CONGRESS = TESTAMENT_STATES.index("read_to_congress")  # the reading Lenin asked for
TRACKS = ("unity", "mood", "lenin_health", "economy")
FACTION_STATS = ("influence", "prestige", "legitimacy", "popularity", "ideology")
MOTION_KINDS = (
    "policy",
    "condemn",
    "remove_politburo",
    "remove_cc",
    "remove_office",
    "expel",
    "exile",
    "deport",
    "readmit",
    "enrolment",
    "read_testament",
    "confirm_secretary",
    "condemn_line",
)
# Motion kinds that punish their target figure, from the mildest to the harshest.
SANCTION_KINDS = ("condemn", "remove_politburo", "remove_cc", "expel", "exile", "deport")
# Motion kinds the discipline mechanism governs: the sanctions, readmission and resolutions
# against a line (a deviation condemned without naming anyone).
DISCIPLINE_KINDS = (*SANCTION_KINDS, "readmit", "condemn_line")
SESSION_KINDS = ("congress", "conference", "plenum", "joint_plenum", "politburo")
# The majority a body needs to carry a motion: "none" where the body has no power to decide it,
# "simple" (more yes than no), "two_thirds" (at least two thirds of the votes cast).
MAJORITIES = ("none", "simple", "two_thirds")
NO_POWER, SIMPLE, TWO_THIRDS = range(3)
MECHANISMS = (
    "apparatus",
    "membership",
    "outside_popularity",
    "unity",
    "mediator",
    "legitimacy",
    "alliances",
    "discipline",
)


@dataclass(frozen=True)
class MotionSpec:
    """One question that can be put to a vote; ``-1`` marks an unused index.

    ``kind`` indexes MOTION_KINDS; ``target`` and ``successor`` are figures, ``office`` an
    office, ``policy`` a policy, ``testament`` a TESTAMENT_STATES index, ``deviation`` the
    side (+1 right, -1 left, 0 none) whose line a ``condemn_line`` resolution condemns. An
    agenda motion names its sponsor: ``sponsor_faction`` or, if that is -1, the faction
    holding ``sponsor_office``; at the session it is moved by that sponsor if it still wants
    it, else by the faction that wants it most (``sessions``). A tabled motion (``session``
    -1) is moved by whoever tables it. ``majority`` gives, per SESSION_KINDS, the MAJORITIES
    index a body of that kind needs to carry it (0: it has no power to decide it).
    ``fallback`` is the lesser motion the mover puts instead when it withdraws this one, -1
    none.
    """

    id: str
    title: str
    kind: int
    target: int
    office: int
    successor: int
    policy: int
    recruits: int
    testament: int
    sponsor_faction: int
    sponsor_office: int
    condition: Cond | None
    session: int
    deviation: int = 0
    majority: tuple[int, ...] = (NO_POWER,) * len(SESSION_KINDS)
    fallback: int = -1


@dataclass(frozen=True)
class SessionSpec:
    """A congress, conference, plenum or Politburo meeting: ``kind`` indexes SESSION_KINDS,
    (``turn``, ``day``) place it in the calendar, ``agenda`` lists motion indices; a congress
    with ``cc_size`` or ``politburo_size`` above 0 resizes those bodies."""

    id: str
    name: str
    kind: int
    turn: int
    day: int
    date: str
    voting_delegates: int
    cc_size: int
    politburo_size: int
    ccc_size: int  # a joint plenum: the Control Commission members sitting with the CC
    agenda: tuple[int, ...]


@dataclass(frozen=True)
class EffectSpec:
    """One effect of an event. ``kind`` is track, faction, region, figure_dies or testament."""

    kind: str
    index: int = -1
    stat: int = -1
    add: float = 0.0
    members_factor: float = 1.0
    recruits_add: float = 0.0
    sympathy_to: int = -1
    sympathy_add: float = 0.0


@dataclass(frozen=True)
class EventSpec:
    """An exogenous event, tried each turn in [first_turn, last_turn] until it fires."""

    id: str
    title: str
    text: str
    first_turn: int
    last_turn: int
    day: int
    chance: float
    condition: Cond | None
    effects: tuple[EffectSpec, ...]


@dataclass(frozen=True)
class CheckpointSpec:
    """A moment of real history: reached the first turn its condition holds."""

    id: str
    title: str
    date: str
    turn: int
    description: str
    condition: Cond
    sources: tuple[str, ...]
    note: str | None


OUTCOMES = ("carried", "withdrawn", "refused")


@dataclass(frozen=True)
class RecordedVoteSpec:
    """A vote the record gives: ``motion`` (an index into GameSpec.motions) put to the body
    of ``session``; ``share`` the recorded yes share of the votes cast (1.0 if unanimous,
    None where only the outcome is known); ``outcome`` one of OUTCOMES."""

    id: str
    session: int
    motion: int
    yes: int | None
    no: int | None
    abstain: int | None
    unanimous: bool
    share: float | None
    outcome: str
    fitted: bool
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class ActionPatternSpec:
    """A pattern over actions: a kind, and optionally the index of its argument (region,
    faction, figure or policy); -1 matches every action of the kind."""

    kind: str
    arg: int
    weight: float


@dataclass(frozen=True)
class StanceSpec:
    """What a faction really did in turns [first_turn, last_turn]."""

    first_turn: int
    last_turn: int
    patterns: tuple[ActionPatternSpec, ...]
    ideology: float | None


@dataclass(frozen=True)
class Rules:
    """The model's tunable numbers, read from the scenario's ``rules`` section."""

    actions_per_turn: int
    base_income: float
    action_costs: dict[str, float]
    vote: dict[str, float]
    split_threshold: float
    power: dict[str, float]
    k: dict[str, float]  # the named constants of each mechanism


@dataclass(frozen=True)
class ActionSpace:
    """The fixed discrete action space, the same for every faction. Actions of one kind are
    contiguous, so a legal mask is built block by block. Shapes are (A,)."""

    kinds: tuple[str, ...]  # kind of each action
    arg: IntArray  # region, faction, figure or policy index; -1 if none
    motion: IntArray  # index into GameSpec.motions for tabling actions, else -1
    labels: tuple[str, ...]  # "campaign:moscow", "motion:expel:trotsky", ...
    blocks: dict[str, tuple[int, int]]  # kind -> [start, stop)
    cost: FloatArray  # influence each action costs

    @property
    def size(self) -> int:
        return len(self.kinds)

    @cached_property
    def kind_names(self) -> tuple[str, ...]:
        """The distinct kinds, in the order of their blocks."""
        return tuple(self.blocks)

    @cached_property
    def kind_index(self) -> IntArray:
        """(A,) each action's kind as an index into ``kind_names``: cheap to compare."""
        names = self.kind_names
        return np.array([names.index(kind) for kind in self.kinds], dtype=np.int64)

    def block(self, kind: str) -> slice:
        start, stop = self.blocks[kind]
        return slice(start, stop)

    @cached_property
    def dense(self) -> frozenset[str]:
        """The kinds whose options' arguments are 0..n-1 in order (every region, faction or
        policy): a (B, n) table over those arguments fills their block as it stands."""
        return frozenset(
            kind
            for kind, (start, stop) in self.blocks.items()
            if stop > start and np.array_equal(self.arg[start:stop], np.arange(stop - start))
        )


@dataclass(frozen=True)
class GameSpec:
    """A compiled scenario. Arrays are the starting state, without the batch axis."""

    scenario_id: str
    title: str
    start: str
    turns: int
    quarter_labels: tuple[str, ...]
    factions: tuple[str, ...]
    faction_names: tuple[str, ...]
    faction_leader: IntArray  # (F,) figure index
    faction_colour: tuple[str, ...]
    common_touch: FloatArray  # (F,)
    faction_stats: FloatArray  # (F, 5) influence, prestige, legitimacy, popularity, ideology
    figures: tuple[str, ...]
    figure_names: tuple[str, ...]
    figure_faction: IntArray  # (G,) -1 unaligned
    figure_loyalty: FloatArray  # (G,)
    figure_politburo: BoolArray  # (G,)
    figure_candidate: BoolArray  # (G,) Politburo candidate members
    figure_cc: BoolArray  # (G,)
    figure_status: IntArray  # (G,)
    figure_alive: BoolArray  # (G,)
    offices: tuple[str, ...]
    office_names: tuple[str, ...]
    office_holder: IntArray  # (O,) figure index or -1
    office_income: FloatArray  # (O,)
    office_power: FloatArray  # (O,)
    office_appoints: BoolArray  # (O,)
    office_filled_by: BoolArray  # (O, len(SESSION_KINDS)) the bodies that fill each office
    general_secretary: int  # office index of the appointing office, -1 if none
    regions: tuple[str, ...]
    region_names: tuple[str, ...]
    region_members: FloatArray  # (R,)
    region_secretary: IntArray  # (R,) faction index or -1
    region_sympathy: FloatArray  # (R, F)
    region_recruits: FloatArray  # (R,)
    region_map: FloatArray  # (R, 2)
    region_boss: IntArray  # (R,) the office whose holder runs the region's machine, -1 none
    growth: FloatArray  # (T,) baseline membership growth per turn
    policies: tuple[str, ...]
    policy_names: tuple[str, ...]
    policy_position: FloatArray  # (P,)
    policy_adopted: BoolArray  # (P,)
    policy_excludes: BoolArray  # (P, P)
    policy_from: IntArray  # (P,) the first turn a motion for the policy can be put
    policy_while: tuple[Cond | None, ...]  # (P,) the condition under which it can be put
    alliance: BoolArray  # (F, F)
    grievance: FloatArray  # (F, F) holder x against
    testament: int
    tracks: FloatArray  # (4,) unity, mood, lenin_health, economy
    cc_size: int
    cc_share: FloatArray  # (F + 1,) the Central Committee by faction; last column unaligned
    politburo_size: int
    motions: tuple[MotionSpec, ...]
    procedure: IntArray  # (len(MOTION_KINDS), len(SESSION_KINDS)) majority needed, 0 no power
    motion_last_turn: IntArray  # (M,) last turn a session able to decide it is held, -1 none
    sessions: tuple[SessionSpec, ...]
    events: tuple[EventSpec, ...]
    checkpoints: tuple[CheckpointSpec, ...]
    recorded_votes: tuple[RecordedVoteSpec, ...]
    mechanisms: dict[str, bool]
    rules: Rules
    ai_noise: float
    personalities: FloatArray  # (F, 8) in the order of PERSONALITY_TRAITS
    stances: tuple[tuple[StanceSpec, ...], ...]  # per faction
    actions: ActionSpace
    schedule: tuple[tuple[tuple[str, int], ...], ...]  # per turn: ("event"|"session", index)

    @property
    def n_factions(self) -> int:
        return len(self.factions)

    @cached_property
    def motion_office(self) -> IntArray:
        """(M,) the office each motion is about, -1 none: cheap to index in legality checks."""
        return np.array([m.office for m in self.motions], dtype=np.int64)

    def on(self, mechanism: str) -> bool:
        """Whether a mechanism is switched on in this scenario."""
        return self.mechanisms[mechanism]


PERSONALITY_TRAITS = (
    "apparatus",
    "oratory",
    "aggression",
    "patience",
    "discipline",
    "alliance_appetite",
    "ideological_rigidity",
    "survival",
)
