"""The scenario file format: pydantic models for everything a scenario YAML file may say.

These models are the contract between historians (who write YAML under ``scenarios/``) and the
engine (which only ever sees the compiled form). They check types and shapes; cross references
(ids naming figures, factions, sessions, sources...) are checked by ``game.scenario.references``.
The JSON Schema committed as ``scenarios/scenario.schema.json`` is exported from here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from game.limits import (
    MAX_AGENDA,
    MAX_BODY,
    MAX_CHECKPOINTS,
    MAX_DELEGATES,
    MAX_FACTIONS,
    MAX_FIGURES,
    MAX_INFLUENCE,
    MAX_ITEMS,
    MAX_MEMBERS,
    MAX_POLITBURO,
    MAX_TEXT,
    MAX_TITLE,
    MAX_WEIGHT,
)
from game.scenario.dates import Date, Quarter

SCHEMA_VERSION = 1

Id = Annotated[
    str,
    Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64, description="A lower-case identifier."),
]
Title = Annotated[str, Field(max_length=MAX_TITLE, description="A name or title: one line.")]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Fraction = Share  # a model constant that is a share, a chance or a change of a 0..1 value
Scale = Annotated[float, Field(ge=0.0, le=MAX_WEIGHT)]  # a weight, a cost, a scale: not negative
Weight = Annotated[float, Field(ge=-MAX_WEIGHT, le=MAX_WEIGHT)]  # a signed weight or stance
Members = Annotated[int, Field(gt=0, le=MAX_MEMBERS)]
Delegates = Annotated[int, Field(ge=0, le=MAX_DELEGATES)]
Tally = Annotated[int, Field(ge=0, le=MAX_MEMBERS, description="Votes cast one way.")]
BodySize = Annotated[int, Field(gt=0, le=MAX_BODY)]
PolitburoSize = Annotated[int, Field(gt=0, le=MAX_POLITBURO)]
Axis = Annotated[float, Field(ge=-1.0, le=1.0, description="Left (-1) to right (+1).")]
SourceKeys = Annotated[
    list[Id], Field(min_length=1, description="Keys into the top-level sources.")
]

Status = Literal["active", "censured", "expelled", "exiled", "deported", "recanted", "readmitted"]
Track = Literal["unity", "mood", "lenin_health", "economy"]
FactionStat = Literal["influence", "prestige", "legitimacy", "popularity", "ideology"]
TestamentState = Literal[
    "hidden", "surfaced", "read_to_delegations", "read_to_congress", "published"
]
MotionKind = Literal[
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
]
SessionKind = Literal["congress", "conference", "plenum", "joint_plenum", "politburo"]
Majority = Literal["simple", "two_thirds"]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors and values are not coerced."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        populate_by_name=True,
        allow_inf_nan=False,
        str_max_length=MAX_TEXT,
    )


def _check_quarter(value: str) -> str:
    Quarter.parse(value)
    return value


def _check_date(value: str) -> str:
    Date.parse(value)
    return value


QuarterStr = Annotated[
    str,
    Field(pattern=r"^[0-9]{4}Q[1-4]$", description="A quarter: 1924Q1."),
    AfterValidator(_check_quarter),
]
DateStr = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
        description="A date: 1924-01 or 1924-01-21 (a string).",
    ),
    AfterValidator(_check_date),
]


class Source(Strict):
    """A work a fact comes from: name the book, chapter or encyclopedia entry, not a mirror."""

    title: Title
    url: str | None = None
    note: str | None = None


# --- Conditions: a small structured language, compiled once by the loader. -----------------


class StatusTest(Strict):
    figure: Id
    in_: Annotated[list[Status], Field(alias="in", min_length=1)]


class OfficeTest(Strict):
    id: Id
    held_by: Id | None = Field(
        None,
        description="A figure id (it wins when a faction has the same id, as each leader's "
        "faction does), otherwise a faction id; omit for 'vacant'.",
    )


class PolitburoTest(Strict):
    figure: Id
    member: bool = True


class AllianceTest(Strict):
    between: Annotated[list[Id], Field(min_length=2, max_length=2)]
    active: bool = True


class PolicyTest(Strict):
    id: Id
    adopted: bool = True


class MotionTest(Strict):
    id: Id
    passed: bool = True


class SessionTest(Strict):
    id: Id
    held: bool = True


class EventTest(Strict):
    id: Id
    fired: bool = True


class CompareTest(Strict):
    track: Track | None = None
    faction: Id | None = None
    stat: FactionStat | None = None
    op: Literal["<", "<=", ">", ">="]
    value: Weight


class DateTest(Strict):
    from_: QuarterStr | None = Field(None, alias="from")
    to: QuarterStr | None = None


class TestamentTest(Strict):
    in_: Annotated[list[TestamentState], Field(alias="in", min_length=1)]


class AllCondition(Strict):
    all: Annotated[list[Condition], Field(min_length=1)]


class AnyCondition(Strict):
    any: Annotated[list[Condition], Field(min_length=1)]


class NotCondition(Strict):
    not_: Condition = Field(alias="not")


class StatusCondition(Strict):
    status: StatusTest


class OfficeCondition(Strict):
    office: OfficeTest


class PolitburoCondition(Strict):
    politburo: PolitburoTest


class AllianceCondition(Strict):
    alliance: AllianceTest


class PolicyCondition(Strict):
    policy: PolicyTest


class MotionCondition(Strict):
    motion: MotionTest


class SessionCondition(Strict):
    session: SessionTest


class EventCondition(Strict):
    event: EventTest


class CompareCondition(Strict):
    compare: CompareTest


class DateCondition(Strict):
    date: DateTest


class TestamentCondition(Strict):
    testament: TestamentTest


CONDITION_KEYS = (
    "all",
    "any",
    "not",
    "status",
    "office",
    "politburo",
    "alliance",
    "policy",
    "motion",
    "session",
    "event",
    "compare",
    "date",
    "testament",
)


def _single_key(value: Any) -> str | None:
    """The tag of a one-key mapping, or None (pydantic then reports the custom error)."""
    if isinstance(value, dict) and len(value) == 1:
        return str(next(iter(value)))
    if isinstance(value, BaseModel):
        name = next(iter(value.model_fields_set), None)
        return None if name is None else type(value).model_fields[name].alias or name
    return None


Condition = Annotated[
    Annotated[AllCondition, Tag("all")]
    | Annotated[AnyCondition, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[StatusCondition, Tag("status")]
    | Annotated[OfficeCondition, Tag("office")]
    | Annotated[PolitburoCondition, Tag("politburo")]
    | Annotated[AllianceCondition, Tag("alliance")]
    | Annotated[PolicyCondition, Tag("policy")]
    | Annotated[MotionCondition, Tag("motion")]
    | Annotated[SessionCondition, Tag("session")]
    | Annotated[EventCondition, Tag("event")]
    | Annotated[CompareCondition, Tag("compare")]
    | Annotated[DateCondition, Tag("date")]
    | Annotated[TestamentCondition, Tag("testament")],
    Discriminator(
        _single_key,
        custom_error_type="condition_key",
        custom_error_message="a condition is a mapping with exactly one key, one of: "
        + ", ".join(CONDITION_KEYS),
    ),
]


# --- Effects: what an exogenous event may change. Never offices, statuses, alliances,
# policies or motion outcomes: those move only through actions and votes. ---------------------


class TrackEffect(Strict):
    id: Track
    add: Weight


class FactionEffect(Strict):
    id: Id
    stat: FactionStat
    add: Weight


class RegionEffect(Strict):
    id: Id = Field(description="A region id, or 'all'.")
    members_factor: Annotated[float, Field(gt=0.0, le=3.0)] = 1.0
    recruits_add: Annotated[float, Field(ge=-1.0, le=1.0)] = 0.0
    sympathy_to: Id | None = Field(None, description="Faction whose sympathy moves.")
    sympathy_add: Annotated[float, Field(ge=-1.0, le=1.0)] = 0.0


class TrackEffectItem(Strict):
    track: TrackEffect


class FactionEffectItem(Strict):
    faction: FactionEffect


class RegionEffectItem(Strict):
    region: RegionEffect


class FigureDiesEffectItem(Strict):
    figure_dies: Id


class TestamentEffectItem(Strict):
    """Lenin's letters come to light, or are printed by someone outside the party's control
    (as Max Eastman did in 1926)."""

    testament: Literal["surfaced", "published"]


EFFECT_KEYS = ("track", "faction", "region", "figure_dies", "testament")

Effect = Annotated[
    Annotated[TrackEffectItem, Tag("track")]
    | Annotated[FactionEffectItem, Tag("faction")]
    | Annotated[RegionEffectItem, Tag("region")]
    | Annotated[FigureDiesEffectItem, Tag("figure_dies")]
    | Annotated[TestamentEffectItem, Tag("testament")],
    Discriminator(
        _single_key,
        custom_error_type="effect_key",
        custom_error_message="an effect is a mapping with exactly one key, one of: "
        + ", ".join(EFFECT_KEYS),
    ),
]


# --- The cast and the board. -------------------------------------------------------------


class Faction(Strict):
    """A playable faction, led by one figure."""

    id: Id
    name: Title
    leader: Id
    colour: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    description: str
    ideology: Axis
    influence: Annotated[float, Field(ge=0.0, le=MAX_INFLUENCE)]
    prestige: Share
    legitimacy: Share
    popularity: Share = Field(description="Standing outside the party: army, society.")
    common_touch: Share = Field(
        0.5,
        description="How far new, barely schooled members see the leader as one of them.",
    )
    sources: SourceKeys


class Figure(Strict):
    """A named figure. ``faction`` null means unaligned (courtable)."""

    id: Id
    name: Title
    faction: Id | None
    loyalty: Share = Field(description="How firmly the figure stays with its faction.")
    politburo: bool = False
    politburo_candidate: bool = Field(
        False, description="A candidate member: first in line for a Politburo vacancy."
    )
    central_committee: bool = True
    status: Status = "active"
    alive: bool = True
    description: str
    sources: SourceKeys


class Office(Strict):
    id: Id
    name: Title
    holder: Id | None
    income: Scale
    power: Annotated[Scale, Field(description="Weight in the power score.")]
    appoints_secretaries: bool = False
    filled_by: Annotated[list[SessionKind], Field(min_length=1)] = Field(
        description="The bodies that fill the office and may remove its holder: a vacancy waits "
        "for the next session of one of them, which elects the nominee of its largest group."
    )
    description: str
    sources: SourceKeys


class Secretary(Strict):
    name: Title
    camp: Id | None = Field(description="Faction the secretary answers to; null if nobody's.")


class MapPoint(Strict):
    x: Share
    y: Share


class Region(Strict):
    id: Id
    name: Title
    members: Annotated[Members, Field(description="Members and candidates at the start.")]
    members_estimate: bool = Field(description="True where no source gives the figure.")
    members_note: str = Field(description="Where the figure comes from, or how it was estimated.")
    secretary: Secretary
    sympathy: dict[Id, Share] = Field(description="Share of members leaning to each faction.")
    recruits: Share = Field(description="Share of members who joined recently.")
    map: MapPoint
    boss_office: Id | None = Field(
        None,
        description="An office whose holder runs the region's machine: while a figure of another "
        "faction holds it, the Secretariat cannot appoint there; removing him hands the region "
        "to the new holder's faction.",
    )
    sources: SourceKeys

    @field_validator("sympathy")
    @classmethod
    def _sympathy_sums_to_at_most_one(cls, value: dict[str, float]) -> dict[str, float]:
        if sum(value.values()) > 1.0 + 1e-9:
            raise ValueError("sympathy shares add up to more than 1")
        return value


class GrowthPeriod(Strict):
    from_: QuarterStr = Field(alias="from")
    to: QuarterStr
    rate: Annotated[float, Field(ge=-0.5, le=0.5, description="Growth per quarter, -0.02 = -2%.")]


class MembershipTarget(Strict):
    date: DateStr
    members: Members
    sources: SourceKeys
    note: str | None = None


class Membership(Strict):
    """Baseline growth of the party outside recruitment drives, and the real series to match."""

    growth: Annotated[list[GrowthPeriod], Field(max_length=MAX_ITEMS)]
    targets: Annotated[list[MembershipTarget], Field(max_length=MAX_ITEMS)]


class CentralCommittee(Strict):
    """The Central Committee at the start: its size and how its members lean."""

    size: BodySize
    shares: dict[Id, Share] = Field(description="Share of members leaning to each faction.")
    politburo_size: PolitburoSize
    sources: SourceKeys
    note: str | None = None

    @field_validator("shares")
    @classmethod
    def _shares_sum_to_at_most_one(cls, value: dict[str, float]) -> dict[str, float]:
        if sum(value.values()) > 1.0 + 1e-9:
            raise ValueError("shares add up to more than 1")
        return value


class Policy(Strict):
    id: Id
    name: Title
    position: Axis
    adopted: bool = False
    excludes: list[Id] = []
    proposable_from: DateStr | None = Field(
        None,
        description=(
            "The first date a motion for the policy can be put: when it was first formulated"
            " or drafted. Absent: from the start."
        ),
    )
    proposable_while: Condition | None = Field(
        None,
        description=(
            "A condition the position must meet for a motion on the policy to be put: what the"
            " policy answered (the grain emergency: only while grain is short). Absent: always."
        ),
    )
    description: str
    sources: SourceKeys
    note: str | None = None


class Alliance(Strict):
    between: Annotated[list[Id], Field(min_length=2, max_length=2)]


class Grievance(Strict):
    holder: Id = Field(description="Faction that bears the grudge.")
    against: Id
    value: Share
    sources: SourceKeys


# --- Sessions and motions. ---------------------------------------------------------------


class ProcedureRule(Strict):
    """Which bodies may decide one kind of motion, and the majority each of them needs."""

    bodies: dict[SessionKind, Majority] = Field(
        description="Session kinds with the power to decide it: simple (more yes than no) or "
        "two_thirds (at least two thirds of the votes cast). For remove_office, the bodies "
        "that may remove any office holder; each office's filled_by narrows them."
    )
    sources: SourceKeys
    note: str | None = None


class Fallback(Strict):
    """The lesser motion a mover puts instead of an agenda sanction it expects to lose: the
    same target and mover, a milder kind."""

    id: Id
    title: Title
    kind: MotionKind
    sources: SourceKeys
    note: str | None = None


class Motion(Strict):
    """A question put to a vote. It can fail."""

    id: Id
    title: Title
    kind: MotionKind
    target: Id | None = Field(None, description="The figure a discipline motion is about.")
    office: Id | None = None
    successor: Id | None = Field(None, description="Figure who takes the office if it passes.")
    policy: Id | None = None
    recruits: Annotated[int, Field(ge=0, le=MAX_MEMBERS)] = 0
    testament: Literal["read_to_delegations", "read_to_congress", "published"] | None = None
    deviation: Literal["left", "right"] | None = Field(
        None, description="The side whose line a condemn_line resolution condemns."
    )
    sponsor: Id = Field(
        description=(
            "The faction that really moved it, or an office id (the holder's faction). At the"
            " session the sponsor moves it if it still wants it; else the faction that wants"
            " it most; else it is not put."
        )
    )
    condition: Condition | None = Field(
        None, description="The motion is only put if this holds when the session opens."
    )
    fallback: Fallback | None = Field(
        None,
        description="Put instead when the mover, counting the votes beforehand, expects the "
        "motion to fall short of the majority it needs (it is withdrawn).",
    )
    sources: SourceKeys
    note: str | None = None


class Session(Strict):
    id: Id
    name: Title
    kind: SessionKind
    date: DateStr
    end_date: DateStr | None = None
    voting_delegates: Annotated[Delegates, Field(gt=0)] | None = None
    consultative_delegates: Delegates | None = None
    central_committee_size: BodySize | None = Field(
        None, description="A congress elects a Central Committee this large."
    )
    politburo_size: PolitburoSize | None = None
    control_commission_size: BodySize | None = Field(
        None,
        description="A joint plenum (required there, only there): the Control Commission "
        "members who sat with the CC; they split as the CC the same congress elected.",
    )
    agenda: Annotated[list[Motion], Field(max_length=MAX_AGENDA)] = []
    sources: SourceKeys
    note: str | None = None


class Window(Strict):
    from_: QuarterStr = Field(alias="from")
    to: QuarterStr


class Event(Strict):
    """An exogenous shock: it happens to the party, nobody in the game decides it."""

    id: Id
    title: Title
    text: str
    window: Window
    date: DateStr | None = Field(None, description="Orders it among the quarter's sessions.")
    chance: Share = Field(1.0, description="Chance per quarter inside the window.")
    condition: Condition | None = None
    effects: Annotated[list[Effect], Field(min_length=1)]
    sources: SourceKeys
    note: str | None = None


class Checkpoint(Strict):
    """A moment of real history, tested against the game state."""

    id: Id
    title: Title
    date: DateStr
    description: str
    condition: Condition
    sources: SourceKeys
    note: str | None = None


class RecordedVote(Strict):
    """A vote the record gives: the body's session, the motion put, the tally or the outcome.
    The vote model is fitted to these (``python -m game calibrate``) and tested against them."""

    id: Id
    session: Id = Field(description="The session that voted: an id in sessions.")
    motion: Id = Field(description="The motion put: an id in that session's agenda.")
    for_: Tally | None = Field(None, alias="for", description="Votes for.")
    against: Tally | None = None
    abstaining: Tally | None = None
    unanimous: bool = Field(False, description="Recorded as unanimous: no tally, no votes against.")
    outcome: Literal["carried", "withdrawn", "refused"] = Field(
        description="carried; withdrawn before the vote; refused: put and voted down."
    )
    fitted: bool = Field(
        True, description="False for a record the model cannot represent (the note says why)."
    )
    sources: SourceKeys
    note: str | None = None


class History(Strict):
    """What really happened: checkpoints on the game state and the recorded votes."""

    checkpoints: Annotated[list[Checkpoint], Field(max_length=MAX_CHECKPOINTS)]
    votes: Annotated[list[RecordedVote], Field(max_length=MAX_ITEMS)] = []


# --- AI. ----------------------------------------------------------------------------------


class Personality(Strict):
    """How a faction's leader plays, as weights on the utility of each kind of action."""

    apparatus: Share
    oratory: Share
    aggression: Share
    patience: Share
    discipline: Share
    alliance_appetite: Share
    ideological_rigidity: Share
    survival: Share


ActionPattern = Annotated[
    str,
    Field(
        pattern=r"^[a-z_]+(:[a-z_0-9]+)*$",
        description="An action kind, optionally with targets: 'appoint', 'ally:zinoviev', "
        "'motion:expel:trotsky'.",
    ),
]


class Stance(Strict):
    """What a faction really did in a period: the actions the historical policy pulls toward."""

    from_: QuarterStr = Field(alias="from")
    to: QuarterStr
    actions: dict[ActionPattern, Annotated[float, Field(gt=0.0, le=MAX_WEIGHT)]]
    ideology: Axis | None = None
    sources: SourceKeys

    @field_validator("actions")
    @classmethod
    def _no_outcomes(cls, actions: dict[str, float]) -> dict[str, float]:
        """A recantation is an outcome, the faction's own judgement under the rules: the
        record may not script it (accepting an alliance likewise cannot be named)."""
        if "recant" in actions:
            raise ValueError(
                "a stance cannot name 'recant': recanting is the faction's own judgement"
            )
        return actions


class AI(Strict):
    noise: Annotated[float, Field(ge=0.0, le=5.0)]
    personalities: dict[Id, Personality]
    historical: dict[Id, Annotated[list[Stance], Field(max_length=MAX_ITEMS)]]


# --- Rules: the model's numbers. Defaults here; a scenario may override any of them. -------


class VoteWeights(Strict):
    """Weights of each term in a delegate's vote (logit scale)."""

    apparatus: Weight = 2.0
    sympathy: Weight = 2.0
    mood: Weight = 0.4
    prestige: Weight = 1.0
    legitimacy: Weight = 1.0
    unity: Weight = 1.0
    chance: Weight = 1.0
    bias: Weight = 0.0


class Mechanisms(Strict):
    """Each of the model's mechanisms can be switched off to measure what it carries."""

    apparatus: bool = True
    membership: bool = True
    outside_popularity: bool = True
    unity: bool = True
    mediator: bool = True
    legitimacy: bool = True
    alliances: bool = True
    discipline: bool = True


class PowerWeights(Strict):
    politburo: Scale = 1.0
    offices: Scale = 1.0
    central_committee: Scale = 1.0
    prestige: Scale = 1.0


Cost = Scale


class ActionCosts(Strict):
    """Influence each kind of action costs."""

    pass_: Cost = Field(0.0, alias="pass")
    campaign: Cost = 1.0
    appoint: Cost = 1.5
    recruit: Cost = 1.0
    publish: Cost = 1.0
    denounce: Cost = 1.0
    court: Cost = 1.0
    ally: Cost = 0.5
    break_: Cost = Field(0.5, alias="break")
    resign: Cost = 0.0
    appeal: Cost = 1.0
    recant: Cost = 0.0
    lobby: Cost = 1.0
    shift: Cost = 0.5
    motion: Cost = 1.5


class Constants(Strict):
    """The named constants of each mechanism. The README's model section explains them."""

    # Actions.
    campaign: Fraction = Field(
        0.06, description="Share of a region's other members one campaign wins."
    )
    appoint_resistance: Scale = Field(
        1.5, description="Chance an appointee is refused, per share loyal to the sitting camp."
    )
    appoint_grievance: Fraction = Field(
        0.15, description="Grudge of a camp whose secretary is replaced."
    )
    recruit_growth: Fraction = Field(0.03, description="Members a local recruitment drive adds.")
    publish_legitimacy: Fraction = Field(0.06, description="Legitimacy gap one publication closes.")
    publish_prestige: Fraction = Field(0.01, description="Prestige a publication brings.")
    denounce: Fraction = Field(0.05, description="Prestige a denunciation costs its target.")
    denounce_legitimacy: Fraction = Field(
        0.2, description="Legitimacy lost to a more orthodox critic."
    )
    denounce_grievance: Fraction = Field(0.2, description="Grudge a denunciation leaves.")
    denounce_unity: Fraction = Field(0.03, description="Unity an open attack costs the party.")
    attacker_cost: Fraction = Field(0.05, description="Prestige an attacker loses as unity frays.")
    patience_prestige: Fraction = Field(0.02, description="Prestige for waiting while unity frays.")
    court: Scale = Field(0.5, description="Chance scale of winning a figure over.")
    alliance_confusion: Scale = Field(0.1, description="Legitimacy lost per unit of old grudges.")
    break_grievance: Fraction = Field(0.3, description="Grudge a broken alliance leaves.")
    break_unity: Fraction = Field(0.02, description="Unity a broken alliance costs.")
    appeal_sympathy: Fraction = Field(
        0.08, description="Sympathy an appeal outside wins, x popularity."
    )
    appeal_unity: Fraction = Field(0.08, description="Unity an appeal outside the party costs.")
    appeal_popularity: Fraction = Field(0.03, description="Popularity an appeal brings.")
    recant_prestige: Fraction = Field(
        0.15, description="Prestige and legitimacy a recantation costs."
    )
    recant_forgiveness: Fraction = Field(0.5, description="Share of others' grudges left after it.")
    lobby: Fraction = Field(0.08, description="Share of uncommitted CC members a lobbying wins.")
    shift_step: Scale = Field(0.15, description="How far one shift moves a faction's line.")
    # Votes.
    routine_support: Weight = Field(0.3, description="Every faction's stance on a routine motion.")
    secretary_support: Weight = Field(
        0.2, description="A faction's stance on keeping the General Secretary, before grudges."
    )
    ally_pull: Fraction = Field(
        0.5, description="How far an ally moves toward its partner's stance."
    )
    sanction_base: Weight = Field(-0.6, description="A bystander's stance on a sanction.")
    sanction_distance: Weight = Field(0.5, description="Extra support per unit of ideological gap.")
    sanction_threat: Weight = Field(
        0.5, description="Extra support per unit of the target's threat (prestige, seats, posts)."
    )
    shared_chance: Fraction = Field(
        0.7, description="Part of a vote's chance shared by every bloc: the mood of the hall."
    )
    testament_doubt: Scale = Field(
        0.3,
        description="How far Lenin's letter, once known to the leaders, turns members against "
        "the holder; twice as far once it is printed.",
    )
    organised_swing: Scale = Field(
        0.3,
        description="How far the hall's mood, standing and chance move an organised bloc, "
        "against 1 for the uncommitted: organised blocs vote their line.",
    )
    machine_fear: Scale = Field(
        3.5, description="How far the machines a General Secretary holds turn others against him."
    )
    mood_tolerance: Scale = Field(0.5, description="Distance from the mood a target can afford.")
    grip_base: Fraction = Field(
        0.6, description="A regional machine's hold on its delegation: the share it votes as one."
    )
    machine_block: Fraction = Field(
        1.0, description="Share of a machine's hold on a bloc that it casts as one vote."
    )
    faction_discipline: Fraction = Field(
        0.0, description="Share of a faction's own members of a body who vote as one, its way."
    )
    named_faction: Scale = Field(
        0.0,
        description="How far the uncommitted follow the General Secretary's line once the "
        "opposition has been condemned as a faction.",
    )
    grip_defiance: Scale = Field(
        1.5, description="How far a rival's following in a region loosens the machine's grip."
    )
    grip_recruits: Scale = Field(0.8, description="Extra hold per share of new recruits.")
    cc_machine_grip: Fraction = Field(0.5, description="The Secretariat's hold on uncommitted CC.")
    cc_machine: Fraction = Field(
        0.4, description="Share of a delegation's CC picks its machine makes."
    )
    # Motions.
    policy_mood_pull: Fraction = Field(0.2, description="How far an adopted line pulls the mood.")
    win_prestige: Fraction = Field(0.01, description="Prestige for carrying a motion.")
    censure_prestige: Fraction = Field(0.08, description="Prestige a censure or removal costs.")
    closing_ranks: Fraction = Field(0.02, description="Unity regained when dissent is censured.")
    expel_purge: Fraction = Field(
        0.5, description="Share of an expelled leader's following purged."
    )
    expel_prestige: Fraction = Field(
        0.15, description="Prestige an expulsion, exile or deportation costs."
    )
    expel_unity: Fraction = Field(0.03, description="Unity an expulsion costs.")
    testament_to_delegations: Fraction = Field(
        0.05, description="Legitimacy the General Secretary loses when delegations hear the letter."
    )
    testament_to_congress: Fraction = Field(
        0.15, description="Legitimacy lost when the whole congress hears it."
    )
    testament_published: Fraction = Field(0.25, description="Legitimacy lost when it is published.")
    resign_prestige: Fraction = Field(0.08, description="Prestige for being asked to stay.")
    # The quarter's slow forces.
    machine_income: Scale = Field(0.1, description="Influence per regional machine held.")
    secretary_pull: Fraction = Field(
        0.015, description="Share of members a machine wins per quarter."
    )
    recruits_follow_secretary: Fraction = Field(0.6, description="Share of recruits who follow it.")
    recruit_decay: Fraction = Field(0.9, description="Share of 'recent recruits' still counted so.")
    reputation_pull: Fraction = Field(
        0.1, description="Drift of members toward factions of above-average name."
    )
    mood_pull: Fraction = Field(0.01, description="Drift of members toward lines near the mood.")
    unity_recovery: Fraction = Field(0.1, description="Share of the gap to rest unity regained.")
    unity_rest: Fraction = Field(0.8, description="The unity the party returns to in calm times.")
    breach_decay: Fraction = Field(0.7, description="Share of discipline breaches remembered.")
    grievance_decay: Fraction = Field(0.95, description="Share of grudges kept each quarter.")
    defection: Fraction = Field(
        0.2,
        description="Chance a quarter that a figure of no loyalty leaves a beaten patron for "
        "the strongest faction; x (1 - loyalty). A game estimate: no source gives a rate.",
    )


class Rules(Strict):
    """Tunable numbers of the model. Every one is read by the engine."""

    actions_per_turn: Annotated[int, Field(ge=1, le=6)] = 2
    base_income: Scale = 1.0
    action_costs: ActionCosts = ActionCosts()
    vote: VoteWeights = VoteWeights()
    split_threshold: Share = 0.1
    power: PowerWeights = PowerWeights()
    constants: Constants = Constants()


class Expectation(Strict):
    """One claim a counterfactual makes about its outcome, against the scenario it extends."""

    measure: Literal["wins", "outright", "split", "checkpoint"] = Field(
        description="wins: the faction wins (outright or on points); outright: it wins "
        "outright; split: the party splits; checkpoint: the checkpoint is reached at all."
    )
    faction: Id | None = Field(None, description="For wins and outright.")
    checkpoint: Id | None = Field(None, description="For checkpoint: an id in history.")
    direction: Literal["up", "down", "same"] = Field(
        description="up or down: changed that way, beyond chance; same: the change, with its "
        "confidence interval, stays within the margin either way."
    )
    margin: Share = Field(0.05, description="For same: the largest change that counts as none.")
    historians: Literal["up", "down", "same"] | None = Field(
        None,
        description="What historians' argument expects of this measure, kept apart from the "
        "model's answer (direction, measured and tested).",
    )
    reason: str | None = Field(
        None,
        description="One line: why the model's answer differs from the historians' expectation, "
        "or why the claim changed.",
    )

    @model_validator(mode="after")
    def _a_difference_is_explained(self) -> Expectation:
        if self.historians not in (None, self.direction) and not self.reason:
            raise ValueError(
                f"the model answers {self.direction!r} where historians expect "
                f"{self.historians!r}: give the reason"
            )
        return self


class Counterfactual(Strict):
    """What a counterfactual scenario asks and argues, so that a batch can test it."""

    question: Title = Field(description="The 'what if', in one line.")
    framing: str = Field(
        description="A paragraph in our own words: what changes, what historians argue follows, "
        "and where the model's answer differs from that argument."
    )
    ai: str = Field("historical", description="The policies under which the claim is tested.")
    historicity: Share = 1.0
    expects: Annotated[list[Expectation], Field(min_length=1)]
    sources: SourceKeys


class Scenario(Strict):
    """A whole scenario file after ``extends`` has been resolved."""

    schema_version: Literal[1]
    id: Id
    title: Title
    description: str
    start: QuarterStr
    end: QuarterStr
    sources: Annotated[dict[Id, Source], Field(max_length=4 * MAX_ITEMS)]
    mechanisms: Mechanisms = Mechanisms()
    rules: Rules = Rules()
    factions: Annotated[list[Faction], Field(min_length=2, max_length=MAX_FACTIONS)]
    figures: Annotated[list[Figure], Field(max_length=MAX_FIGURES)]
    offices: Annotated[list[Office], Field(max_length=MAX_ITEMS)]
    regions: Annotated[list[Region], Field(min_length=1, max_length=MAX_ITEMS)]
    membership: Membership
    policies: Annotated[list[Policy], Field(min_length=1, max_length=MAX_ITEMS)]
    procedure: dict[MotionKind, ProcedureRule] = Field(
        description="The party's procedure: for each kind of motion, the bodies with the power "
        "to decide it and the majority each needs."
    )
    alliances: Annotated[list[Alliance], Field(max_length=MAX_ITEMS)] = []
    grievances: Annotated[list[Grievance], Field(max_length=MAX_ITEMS)] = []
    central_committee: CentralCommittee | None = None
    testament: TestamentState = "hidden"
    tracks: dict[Track, Axis] = Field(description="Starting values of the global tracks.")
    sessions: Annotated[list[Session], Field(max_length=MAX_ITEMS)]
    events: Annotated[list[Event], Field(max_length=MAX_ITEMS)]
    ai: AI
    history: History
    counterfactual: Counterfactual | None = Field(
        None, description="Set in a counterfactual file: its question, framing and claims."
    )


AllCondition.model_rebuild()
AnyCondition.model_rebuild()
NotCondition.model_rebuild()
Motion.model_rebuild()
Event.model_rebuild()
Checkpoint.model_rebuild()
History.model_rebuild()
Scenario.model_rebuild()
