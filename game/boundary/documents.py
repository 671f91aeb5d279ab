"""The JSON documents the program reads back, as strict models: a batch result, a comparison,
a game record and a save. Only what the readers use is checked (other keys are ignored, so a
newer file still reads), but all of it: every count within the runs, every share in 0..1,
every number finite, every list as long as the quarters it counts, every name it refers to
present. A document that passes cannot make a report or a replay fail.

``summary_issues`` and ``game_issues`` check what one field alone cannot: counts against the
runs, names against the checkpoints, actions against the scenario they are replayed in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from game.boundary.refusal import Issue, Loc
from game.limits import (
    MAX_FACTIONS,
    MAX_ITEMS,
    MAX_JSON_REAL,
    MAX_PATH,
    MAX_QUARTERS,
    MAX_RUNS,
    MAX_SEED,
    MAX_TITLE,
)
from game.scenario.dates import Quarter

MAX_ACTION = 10**6  # an action's index: far above any scenario's action space
MAX_ROUNDS = 6  # action rounds a quarter (the models' bound on actions_per_turn)
MAX_TEXT = 100_000  # characters of one text in a result (a scenario's texts are shorter)


class Document(BaseModel):
    """Base of every document model: strict types, finite numbers, other keys ignored."""

    model_config = ConfigDict(strict=True, extra="ignore", allow_inf_nan=False, frozen=True)


def _quarter(text: str) -> str:
    Quarter.parse(text)
    return text


Count = Annotated[int, Field(ge=0, le=MAX_RUNS)]
Runs = Annotated[int, Field(ge=1, le=MAX_RUNS)]
Seed = Annotated[int, Field(ge=0, le=MAX_SEED)]
RunIndex = Annotated[int, Field(ge=0, lt=MAX_RUNS)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Real = Annotated[float, Field(ge=-MAX_JSON_REAL, le=MAX_JSON_REAL)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Title = Annotated[str, Field(max_length=MAX_TITLE)]  # a chart's label: one line or a few
Name = Annotated[str, Field(min_length=1, max_length=200)]
FileName = Annotated[str, Field(min_length=1, max_length=MAX_PATH)]
COLOUR, SHA256, STATE_HASH = r"^#[0-9a-fA-F]{6}$", r"^[0-9a-f]{64}$", r"^[0-9a-f]{16}$"
PATTERNS = {
    COLOUR: "a colour like #1f4e8c",
    SHA256: "a SHA-256 hash (64 hexadecimal digits)",
    STATE_HASH: "a state hash (16 hexadecimal digits)",
}
Colour = Annotated[str, Field(pattern=COLOUR)]
Sha256 = Annotated[str, Field(pattern=SHA256)]
StateHash = Annotated[str, Field(pattern=STATE_HASH)]
QuarterLabel = Annotated[str, AfterValidator(_quarter)]
Interval = Annotated[list[Real], Field(min_length=2, max_length=2)]
Action = Annotated[int, Field(ge=0, le=MAX_ACTION)]
Actions = Annotated[
    list[
        Annotated[
            list[Annotated[list[Action], Field(max_length=MAX_FACTIONS)]],
            Field(max_length=MAX_ROUNDS),
        ]
    ],
    Field(max_length=MAX_QUARTERS),
]
Divergence = Literal["early", "late", "never"]


class CheckpointSummary(Document):
    id: Name
    title: Title
    date: Text
    quarter: QuarterLabel
    description: Text = ""
    sources: Annotated[list[Name], Field(max_length=MAX_ITEMS)] = []
    note: Text | None = None
    rate: Share
    on_time_rate: Share
    ci: Interval
    mean_offset_quarters: Real | None
    reached_by_quarter: Annotated[list[Count], Field(max_length=MAX_QUARTERS)]


class BatchSummary(Document):
    """What ``simulate --out`` writes (and each arm of a comparison)."""

    kind: Literal["batch"] = "batch"
    scenario: FileName
    scenario_sha256: Sha256
    version: Name
    seed: Seed
    runs: Runs
    ai: Text
    historicity: Share
    quarters: Annotated[list[QuarterLabel], Field(min_length=1, max_length=MAX_QUARTERS)]
    winners: Annotated[dict[Name, Count], Field(max_length=MAX_FACTIONS + 1)]
    outright_winners: Annotated[dict[Name, Count], Field(max_length=MAX_FACTIONS)]
    checkpoints: Annotated[list[CheckpointSummary], Field(max_length=MAX_ITEMS)]
    checkpoints_reached: Annotated[dict[Name, Count], Field(max_length=MAX_ITEMS + 1)]
    first_divergence: Annotated[dict[Name, Count], Field(max_length=MAX_ITEMS + 1)]
    first_divergence_how: Annotated[
        dict[Name, dict[Divergence, Count]], Field(max_length=MAX_ITEMS)
    ] = {}
    faction_colours: Annotated[dict[Name, Colour], Field(max_length=MAX_FACTIONS)] = {}


class ComparisonRow(Document):
    measure: Literal["winner", "checkpoint", "timing"]
    id: Name
    title: Title
    base: Real
    other: Real
    difference: Real
    ci: Interval
    p_value: Share
    p_holm: Share
    significant: bool


class CompareSummary(Document):
    """What ``compare --out`` writes."""

    kind: Literal["compare"]
    version: Name
    design_text: Text
    methods: dict[Literal["winner", "checkpoint", "timing"], Text]
    correction: Text
    base: BatchSummary
    other: BatchSummary
    comparisons: Annotated[list[ComparisonRow], Field(max_length=3 * MAX_ITEMS)]
    not_compared: Annotated[list[Name], Field(max_length=2 * MAX_ITEMS)] = []


class RangeSummary(Document):
    path: Name
    low: Real
    high: Real


class IndexRow(Document):
    """One measure's index for one parameter; absent values where the measure is constant.
    Sobol' indices and their bounds may stray a little outside 0..1 (estimation error)."""

    measure: Name
    parameter: Name
    varies: bool
    S1: Real | None = None
    S1_low: Real | None = None
    S1_high: Real | None = None
    ST: Real | None = None
    ST_low: Real | None = None
    ST_high: Real | None = None
    mu_star: Real | None = None
    mu_star_low: Real | None = None
    mu_star_high: Real | None = None
    sigma: Real | None = None


class SensitivitySummary(Document):
    """What ``sensitivity`` writes to ``sensitivity.json``."""

    kind: Literal["sensitivity"]
    scenario: FileName
    scenario_sha256: Annotated[str, Field(pattern=SHA256)]
    method: Literal["sobol", "morris"]
    samples: Runs
    points: Runs
    runs_per_point: Runs
    seed: Seed
    ai: Name
    historicity: Share
    ranges: Annotated[list[RangeSummary], Field(min_length=1, max_length=MAX_ITEMS)]
    indices: Annotated[list[IndexRow], Field(min_length=1, max_length=100 * MAX_ITEMS)]


def sensitivity_issues(summary: SensitivitySummary) -> list[Issue]:
    """Every index row names a parameter of the ranges (or the dummy) and, where its
    measure varies, carries the method's indices."""
    names = {r.path for r in summary.ranges} | {"dummy"}
    key = "ST" if summary.method == "sobol" else "mu_star"
    issues = []
    for i, row in enumerate(summary.indices):
        if row.parameter not in names:
            issues.append(Issue(("indices", i, "parameter"), f"{row.parameter!r} is not a range"))
        elif row.varies and getattr(row, key) is None:
            issues.append(Issue(("indices", i, key), f"missing for a {summary.method} analysis"))
    return issues


class RecordDocument(Document):
    """A game record (``replay --json``'s ``record``); the defaults are a save's game: run 0
    of its seed, the computer's factions played by the standard AI."""

    scenario_sha256: Sha256
    seed: Seed
    run_index: RunIndex = 0
    ai: Text = "standard"
    historicity: Share = 1.0
    actions: Actions
    hashes: Annotated[list[StateHash], Field(max_length=MAX_QUARTERS)]
    version: Literal[1] = 1  # game.engine.record.RECORD_VERSION
    rules_version: int
    humans: Annotated[list[Name], Field(max_length=MAX_FACTIONS)] = []


class GuideDocument(Document):
    """One human player's progress through the guide, in a save: the notes read (by id) and
    whether the player stopped it."""

    seen: Annotated[list[Name], Field(max_length=MAX_ITEMS)] = []
    stopped: bool = False


class SaveDocument(Document):
    """A save of the window (``format`` heirs-of-lenin-save), after its format and rules
    versions were found readable. ``guide`` (by faction id) is absent from older saves."""

    label: Text = ""
    scenario: FileName
    scenario_sha256: Sha256
    seed: Seed
    humans: Annotated[list[Name], Field(min_length=1, max_length=MAX_FACTIONS)]
    difficulty: Literal["easy", "normal", "hard"]
    guided: bool
    exercise: FileName | None = None
    actions: Actions
    hashes: Annotated[list[StateHash], Field(max_length=MAX_QUARTERS)]
    guide: Annotated[dict[Name, GuideDocument], Field(max_length=MAX_FACTIONS)] = {}


def summary_issues(summary: BatchSummary, loc: Loc = ()) -> list[Issue]:
    """What a batch summary's fields say against each other: no count above the runs, one
    count per quarter, every checkpoint's quarter among the quarters, every divergence at a
    checkpoint it has."""
    issues: list[Issue] = []
    runs, quarters = summary.runs, set(summary.quarters)
    ids = {c.id for c in summary.checkpoints}
    counted: list[tuple[Loc, dict[str, int]]] = [
        (("winners",), summary.winners),
        (("outright_winners",), summary.outright_winners),
        (("checkpoints_reached",), summary.checkpoints_reached),
        (("first_divergence",), summary.first_divergence),
    ]
    counted += [
        (("first_divergence_how", key), {str(k): v for k, v in how.items()})
        for key, how in summary.first_divergence_how.items()
    ]
    for where, counts in counted:
        issues += [
            Issue((*loc, *where, key), f"{count} is more than the {runs} runs")
            for key, count in counts.items()
            if count > runs
        ]
    for i, c in enumerate(summary.checkpoints):
        where = (*loc, "checkpoints", i)
        if c.quarter not in quarters:
            issues.append(Issue((*where, "quarter"), f"{c.quarter} is not among the quarters"))
        if len(c.reached_by_quarter) != len(summary.quarters):
            message = f"expected one count per quarter ({len(summary.quarters)})"
            issues.append(Issue((*where, "reached_by_quarter"), message))
    for key in summary.first_divergence:
        if key != "none" and key not in ids:
            issues.append(Issue((*loc, "first_divergence", key), "names no checkpoint"))
    for key in summary.first_divergence_how:
        if key not in ids:
            issues.append(Issue((*loc, "first_divergence_how", key), "names no checkpoint"))
    for key in summary.checkpoints_reached:
        if not (key.isascii() and key.isdigit() and int(key) <= len(ids)):
            message = f"expected a number of checkpoints from 0 to {len(ids)}"
            issues.append(Issue((*loc, "checkpoints_reached", key), message))
    return issues


def compare_issues(summary: CompareSummary) -> list[Issue]:
    """Both arms' own issues, arms of the same size, and a method for every measure."""
    issues = summary_issues(summary.base, ("base",)) + summary_issues(summary.other, ("other",))
    if summary.base.runs != summary.other.runs:
        issues.append(Issue(("other", "runs"), "the arms differ in their number of runs"))
    issues += [
        Issue(("comparisons", i, "measure"), f"the methods say nothing of {row.measure!r}")
        for i, row in enumerate(summary.comparisons)
        if row.measure not in summary.methods
    ]
    return issues


def game_issues(
    actions: Sequence[Sequence[Sequence[int]]],
    hashes: Sequence[str],
    shape: tuple[int, int, int, int],
    loc: Loc = (),
) -> list[Issue]:
    """A game's actions and state hashes against the scenario it is replayed in: ``shape``
    is (quarters, rounds, factions, actions) of that scenario. At most one quarter's actions
    each, every quarter with its rounds of one action per faction, every action one of the
    scenario's, and a state hash for every quarter played: a full chain, nothing less."""
    turns, rounds, factions, count = shape
    issues: list[Issue] = []
    if len(actions) > turns:
        issues.append(
            Issue((*loc, "actions"), f"{len(actions)} quarters; the scenario has {turns}")
        )
    for t, quarter in enumerate(actions):
        if len(quarter) != rounds:
            issues.append(Issue((*loc, "actions", t), f"expected {rounds} rounds of actions"))
            continue
        for r, chosen in enumerate(quarter):
            if len(chosen) != factions:
                message = f"expected one action for each of the {factions} factions"
                issues.append(Issue((*loc, "actions", t, r), message))
                continue
            issues += [
                Issue((*loc, "actions", t, r, f), f"no action {a}: the scenario has {count}")
                for f, a in enumerate(chosen)
                if a >= count
            ]
    if len(hashes) != len(actions):
        message = (
            f"{len(hashes)} state hashes for {len(actions)} quarters played: every quarter "
            "needs its hash"
        )
        issues.append(Issue((*loc, "hashes"), message))
    return issues


def as_dict(document: BaseModel) -> dict[str, Any]:
    """A validated document as plain data."""
    return document.model_dump()
