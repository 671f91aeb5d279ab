"""The report of one saved game: its outcome and where it falls among runs of the same
scenario with the same policies, its timeline beside history's, the first point where it left
history and the events and votes around it, the sources, and the debrief questions.

A saved game is a ``GameRecord`` as JSON, either alone (with a ``scenario`` key naming the
scenario file, beside the record's fields) or wrapped: any mapping with a ``record`` key
holding the record and a ``scenario`` key (as ``replay --json`` writes), or a save file of
the window. The game must be finished, with a state hash for every quarter, and replay to
them under the rules that made it: a record that does not is refused, located in its file."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from game.analysis import charts
from game.analysis.batch import ON_TIME_QUARTERS, by_date, first_divergences
from game.analysis.document import Block, Document, Figure, Heading, Paragraph, Table
from game.analysis.report import (
    debrief_blocks,
    exercise_intro,
    outcome_blocks,
    sources_blocks,
)
from game.analysis.runs import Loaded
from game.boundary.documents import RecordDocument, game_issues
from game.boundary.jsondoc import JsonDocument, read_json
from game.boundary.refusal import Issue, Loc, Refused
from game.engine.explain import action_title
from game.engine.names import mover_name
from game.engine.outcome import SPLIT, decide
from game.engine.record import (
    UNVERSIONED_RULES,
    GameRecord,
    ReplayMismatch,
    RulesVersionError,
    check_rules_version,
    replay,
)
from game.engine.spec import GameSpec
from game.play.dates import long_date, session_title
from game.scenario.exercise import Exercise
from game.scenario.models import Scenario

RECORD_KEYS = frozenset(f.name for f in fields(GameRecord))


class SavedGameError(Refused):
    """A file that is not a saved game this program can read, or that does not replay."""


@dataclass(frozen=True)
class SavedGame:
    """A game read from a document: its record, the scenario file the document names, and
    where the record sits in the document (``("record",)`` inside a wrapper), so that a
    problem found later is located in the file."""

    record: GameRecord
    scenario: str | None  # the scenario file as the save names it
    document: JsonDocument
    loc: Loc = ()
    players: dict[str, str] | None = None  # a window save's: faction id -> human or policy

    def refuse(self, issues: list[Issue]) -> SavedGameError:
        """A refusal of this game, each issue (its path within the record) located."""
        located = [Issue((*self.loc, *issue.loc), issue.message) for issue in issues]
        return SavedGameError(self.document.refuse(located).problems)


def players_text(spec: GameSpec, players: dict[str, str]) -> str:
    """Who played each faction, in words: "Trotsky's Left: human; Bukharin's Right: the AI
    (standard)"."""
    parts = []
    for f, fid in enumerate(spec.factions):
        who = players.get(fid, "?")
        shown = who if who == "human" else f"the AI ({who})"
        parts.append(f"{spec.faction_names[f]}: {shown}")
    return "; ".join(parts)


def read_game_file(path: Path) -> SavedGame:
    """The saved game in a JSON file (a record, alone or wrapped, or a window save);
    ``Refused`` if the file is anything else."""
    document = read_json(path, "a game record or a saved game")
    saved = read_saved_game(document)
    if saved is None:
        raise SavedGameError.file(path, "not a game record or a saved game")
    return saved


def read_saved_game(document: JsonDocument) -> SavedGame | None:
    """The saved game in a parsed JSON document, or None if it is not one; raises
    ``SavedGameError`` (located in the file) for one that lacks what a replay needs. Besides
    a ``GameRecord`` alone or under a ``record`` key, this reads the window's save files
    (``format`` heirs-of-lenin-save): their game is run 0 of their seed, its computer
    factions played by the standard AI. A game made under other rules (or naming none: the
    first) is refused, naming the version that made it."""
    data = document.data
    if not isinstance(data, dict):
        return None
    inner = data.get("record")
    loc: Loc = ("record",)
    if isinstance(inner, dict):  # a wrapper: replay --json's output
        scenario = data.get("scenario", inner.get("scenario"))
    elif {"actions", "seed", "scenario_sha256"} <= data.keys():
        inner, loc, scenario = data, (), data.get("scenario")
    else:
        return None
    values = {k: v for k, v in inner.items() if k in RECORD_KEYS}
    players = inner.get("players")
    if not (isinstance(players, dict) and all(isinstance(v, str) for v in players.values())):
        players = None
    if "format" in inner:  # a save file: its version is the file format's, not the record's
        values.pop("version", None)
    values.setdefault("rules_version", UNVERSIONED_RULES)
    record = GameRecord(**document.validate(RecordDocument, values, loc).model_dump())
    try:
        check_rules_version(record.rules_version)
    except RulesVersionError as error:
        issue = Issue((*loc, "rules_version"), f"the game was {error}")
        raise SavedGameError(document.refuse([issue]).problems) from None
    name = scenario if isinstance(scenario, str) else None
    return SavedGame(record, name, document, loc, players)


def check_game(saved: SavedGame, loaded: Loaded) -> None:
    """Refuse a game made with another scenario than ``loaded``, one whose actions and
    hashes do not fit it (see ``game_issues``), or one that did not reach its end."""
    spec = loaded.spec
    if saved.record.scenario_sha256 != loaded.sha256:
        message = f"cannot replay it with {loaded.path}: the game was made with another scenario"
        raise saved.refuse([Issue(("scenario_sha256",), message)])
    shape = (spec.turns, spec.rules.actions_per_turn, spec.n_factions, len(spec.actions.cost))
    issues = game_issues(saved.record.actions, saved.record.hashes, shape)
    done = len(saved.record.actions)
    if not issues and done < spec.turns:
        where = spec.quarter_labels[done]
        issues = [Issue(("actions",), f"the game is not finished (saved in {where})")]
    if issues:
        raise saved.refuse(issues)


def mismatch(saved: SavedGame, loaded: Loaded, error: ReplayMismatch) -> SavedGameError:
    """A replay that left the record, located at the quarter it left it."""
    return saved.refuse([Issue(error.loc, f"cannot replay it with {loaded.path}: {error}")])


def replay_saved(loaded: Loaded, saved: SavedGame) -> dict[str, Any]:
    """``replay --record``: the finished game told again with ``loaded``'s scenario; refused
    (located in the file) if it does not fit the scenario or does not replay."""
    from game.analysis.commands import record_text

    check_game(saved, loaded)
    try:
        return record_text(loaded, saved.record)
    except ReplayMismatch as error:
        raise mismatch(saved, loaded, error) from None


@dataclass(frozen=True)
class PlayedGame:
    """A saved game replayed: its winner, the turn each checkpoint was reached (-1 never),
    and the replay's log."""

    winner: str
    outright: bool
    reached: list[int]
    log: list[dict[str, Any]]


def play_back(spec: GameSpec, sha256: str, record: GameRecord) -> PlayedGame:
    """Replay the record with a log (raises ``ReplayMismatch`` if it does not fit)."""
    log: list[dict[str, Any]] = []
    state = replay(spec, record, log, sha256)
    outcome = decide(spec, state)
    winner = int(outcome.winner[0])
    name = "split" if winner == SPLIT else spec.factions[winner]
    return PlayedGame(name, bool(outcome.outright[0]), state.reached[0].tolist(), log)


def game_document(
    spec: GameSpec,
    scenario: Scenario,
    saved: SavedGame,
    played: PlayedGame,
    reference: dict[str, Any],
    exercise: Exercise | None,
) -> Document:
    """The report; ``reference`` is the batch summary of runs with the same scenario, seed
    and policies, to show where this game's outcome falls."""
    record = saved.record
    document = Document(f"{scenario.title}: one game")
    reached_count = sum(turn >= 0 for turn in played.reached)
    who = (
        f"played by {players_text(spec, saved.players)}"
        if saved.players
        else f"run {record.run_index}, policies {record.ai}, historicity {record.historicity}"
    )
    document.blocks += [
        Paragraph(
            f"Scenario file {saved.scenario} (sha256 {record.scenario_sha256[:12]}), seed "
            f"{record.seed}, {who}."
        ),
        *exercise_intro(exercise),
        *_outcome(spec, played, reference, reached_count, saved.players is not None),
        *_timeline(spec, played, reference),
        *_divergence(spec, played),
        *sources_blocks(reference["checkpoints"], scenario),
        *debrief_blocks(exercise),
    ]
    return document


def _outcome(
    spec: GameSpec,
    played: PlayedGame,
    reference: dict[str, Any],
    reached_count: int,
    humans: bool,
) -> list[Block]:
    """The winner, and where the game falls among the reference runs (played by the AI
    alone where humans played this game)."""
    runs = reference["runs"]
    among = "and seed, every faction played by the AI" if humans else "with the same policies"
    same = reference["winners"].get(played.winner, 0)
    counts = {int(k): v for k, v in reference["checkpoints_reached"].items()}
    fewer = sum(v for k, v in counts.items() if k < reached_count)
    how = " outright" if played.outright else " on the power score"
    split = played.winner == "split"
    winner = "the split" if split else spec.faction_names[spec.factions.index(played.winner)]
    blocks: list[Block] = [
        Heading("Outcome of this game"),
        Paragraph(
            f"Winner: {'none, the party split' if split else winner + how}. The game "
            f"reached {reached_count} of {len(spec.checkpoints)} checkpoints."
        ),
        Paragraph(
            f"Among {runs:,} runs of the same scenario {among} "
            f"({reference['ai']}), {winner} {'came' if split else 'won'} "
            f"{100 * same / runs:.1f}%, and "
            f"{100 * fewer / runs:.1f}% of runs reached fewer checkpoints than this game."
        ),
    ]
    names = dict(zip(spec.factions, spec.faction_names, strict=True))
    distribution = outcome_blocks(reference, played.winner, names)
    blocks += distribution[2:]  # the table and the chart, without the general heading
    blocks.append(
        Figure(
            charts.reached_chart(reference, reached_count),
            "Checkpoints reached: this game among the runs",
            "reached",
        )
    )
    return blocks


def _verdict(spec: GameSpec, c: int, turn: int) -> str:
    if turn < 0:
        return "never"
    offset = turn - spec.checkpoints[c].turn
    if abs(offset) <= ON_TIME_QUARTERS:
        return "on time" if offset == 0 else f"on time ({offset:+d} q)"
    return f"{'early' if offset < 0 else 'late'} by {abs(offset)} quarters"


def _timeline(spec: GameSpec, played: PlayedGame, reference: dict[str, Any]) -> list[Block]:
    rates = {c["id"]: c["rate"] for c in reference["checkpoints"]}
    rows = []
    for c in by_date(spec):
        checkpoint, turn = spec.checkpoints[c], played.reached[c]
        rows.append(
            [
                checkpoint.date,
                checkpoint.title,
                spec.quarter_labels[turn] if turn >= 0 else "—",
                _verdict(spec, c, turn),
                f"{100 * rates.get(checkpoint.id, 0.0):.1f}%",
            ]
        )
    game = {
        checkpoint.id: spec.quarter_labels[turn] if turn >= 0 else None
        for checkpoint, turn in zip(spec.checkpoints, played.reached, strict=True)
    }
    return [
        Heading("Timeline beside history"),
        Table(["real date", "checkpoint", "in this game", "", "share of runs reaching it"], rows),
        Figure(
            charts.timeline_chart(reference, game),
            "This game's timeline beside history's and the runs'",
            "timeline",
        ),
    ]


def _divergence(spec: GameSpec, played: PlayedGame) -> list[Block]:
    """The first checkpoint missed, and what happened in the quarters that decided it: the
    quarter it was reached if too early, else the quarters around its real date."""
    import numpy as np

    c = int(first_divergences(spec, np.array([played.reached]))[0])
    if c < 0:
        return [
            Heading("First point of divergence"),
            Paragraph("This game never left history: every checkpoint on time."),
        ]
    checkpoint, turn = spec.checkpoints[c], played.reached[c]
    due = checkpoint.turn
    early = 0 <= turn < due
    if early:
        quarters = [turn]
        lead = f"It came too early, in {spec.quarter_labels[turn]}. What led to it:"
    else:
        quarters = list(
            range(max(0, due - ON_TIME_QUARTERS), min(spec.turns, due + ON_TIME_QUARTERS + 1))
        )
        when = "It never came" if turn < 0 else f"It came only in {spec.quarter_labels[turn]}"
        lead = f"{when}. What happened around the real date instead:"
    return [
        Heading("First point of divergence"),
        Paragraph(
            f"The game first left history at '{checkpoint.title}' (really "
            f"{checkpoint.date}): {checkpoint.description.strip()} {lead}"
        ),
        Table(["quarter", "what happened"], _happenings(spec, played.log, quarters, early)),
    ]


def _happenings(
    spec: GameSpec, log: list[dict[str, Any]], quarters: list[int], with_actions: bool
) -> list[list[str]]:
    """The log's events, votes (and, if asked, the factions' actions) in ``quarters``."""
    rows: list[list[str]] = []
    turn = -1
    for entry in log:
        kind = entry["type"]
        if kind == "actions":
            turn = entry["turn"]
        if turn not in quarters:
            continue
        label = spec.quarter_labels[turn]
        if kind == "actions" and with_actions:
            for rnd, chosen in enumerate(entry["actions"], start=1):
                acts = ", ".join(
                    f"{spec.faction_names[f]}: {action_title(spec, a)}"
                    for f, a in enumerate(chosen)
                )
                rows.append([label, f"actions, round {rnd}: {acts}"])
        elif kind == "event":
            rows.append([label, f"event: {entry['title']}"])
        elif kind == "session":
            rows.append([label, f"session: {session_title(entry['name'], entry['date'])}"])
        elif kind == "vote":
            verdict = "carried" if entry["passed"] else "defeated"
            rows.append(
                [
                    label,
                    f"vote: {entry['title']}, moved by {mover_name(spec, entry['sponsor'])}: "
                    f"{entry['yes']}-{entry['no']}, {verdict}",
                ]
            )
        elif kind == "checkpoint":
            rows.append([label, f"history: {entry['title']} (really {long_date(entry['date'])})"])
    return rows or [["—", "nothing recorded"]]
