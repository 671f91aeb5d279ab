"""Saved games: versioned JSON holding what replays a game exactly (the scenario's path and
hash, the seed, who plays what, the actions of every finished quarter and a state hash per
quarter, how many quarters' events and sessions the players have been shown, and each
player's progress through the guide), written atomically. Reading a save never changes any
file; every way a save can be unusable raises ``SaveError`` with a message for the player,
located in the file. A save is read only through ``game.boundary``: a regular file within the
size limit, strict JSON, every field in bounds, a state hash for every quarter played,
replaying exactly under these rules."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.analysis.runs import load
from game.boundary.documents import SaveDocument, game_issues
from game.boundary.files import read_input
from game.boundary.jsondoc import JsonDocument, read_json
from game.boundary.refusal import Issue, Loc, Refused, printable
from game.engine.record import (
    RULES_VERSION,
    UNVERSIONED_RULES,
    ReplayMismatch,
    RulesVersionError,
    check_rules_version,
)
from game.fileio import write_atomic
from game.limits import JSON_BYTES
from game.play.match import GuideProgress, Match, Setup
from game.play.settings import data_dir
from game.scenario.dates import Quarter

SAVE_FORMAT = "heirs-of-lenin-save"
SAVE_VERSION = 1
AUTOSAVE = "autosave"
MAX_LABEL = 200  # characters of a save's label the saves screen shows


class SaveError(Refused):
    """A save that cannot be loaded; each problem says why, in the player's terms, located
    in the file."""


@dataclass(frozen=True)
class SaveInfo:
    """What the saves screen lists about one file, without replaying it."""

    path: Path
    name: str
    label: str
    saved_at: float


def saves_dir() -> Path:
    return data_dir() / "saves"


def save_path(name: str) -> Path:
    return saves_dir() / f"{name}.json"


def to_json(match: Match) -> dict[str, Any]:
    """The save document of a match, at the start of its current quarter."""
    setup = match.setup
    spec = match.spec
    turn = min(match.state.turn, spec.turns - 1)
    factions = ", ".join(spec.faction_names[f] for f in match.human)
    season = Quarter.parse(spec.quarter_labels[turn]).season
    return {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "rules_version": RULES_VERSION,
        "label": f"{season}, {factions} ({setup.difficulty}) — {spec.title}",
        "saved_at": time.time(),
        "scenario": str(setup.scenario),
        "scenario_sha256": match.loaded.sha256,
        "seed": setup.seed,
        "humans": list(setup.humans),
        "difficulty": setup.difficulty,
        "players": match.players,
        "guided": setup.guided,
        "exercise": setup.exercise,
        "actions": match.history,
        "hashes": match.hashes,
        "seen": match.seen,
        "guide": {
            spec.factions[f]: {"seen": sorted(progress.seen), "stopped": progress.stopped}
            for f, progress in match.guides.items()
        },
    }


def write_save(match: Match, name: str) -> Path:
    """Save ``match`` as ``name`` in the saves folder, atomically."""
    path = save_path(name)
    write_atomic(path, json.dumps(to_json(match)) + "\n")
    return path


def keep_autosave() -> Path:
    """Copy the autosave to a save of its own (``autosave-<date>-<time>``), so that another
    game's autosave does not replace it."""
    name = time.strftime(f"{AUTOSAVE}-%Y%m%d-%H%M%S")
    path = save_path(name)
    write_atomic(path, read_input(save_path(AUTOSAVE), JSON_BYTES, "a saved game"))
    return path


def read_save(path: Path) -> Match:
    """Load and replay a save. Raises ``SaveError`` if it is unreadable, corrupt, from a newer
    version of the game, made under other rules, for a missing or changed scenario, or does
    not replay to the state hash it holds for every quarter; nothing is written."""
    document, save = _document(path)
    scenario = Path(save.scenario)
    try:
        loaded = load(scenario)
    except Refused as error:
        issue = Issue(("scenario",), f"the save's scenario cannot be loaded ({error.reason})")
        raise SaveError(document.refuse([issue]).problems) from None
    if save.exercise is not None:
        _check_exercise(document, save.exercise)
    if loaded.sha256 != save.scenario_sha256:
        issue = Issue(
            ("scenario",), f"the scenario {scenario} has changed since this game was saved"
        )
        raise SaveError(document.refuse([issue]).problems)
    spec = loaded.spec
    shape = (spec.turns, spec.rules.actions_per_turn, spec.n_factions, len(spec.actions.cost))
    issues = game_issues(save.actions, save.hashes, shape)
    issues += [
        Issue(("humans", i), f"{human!r} is not a faction of {scenario}")
        for i, human in enumerate(save.humans)
        if human not in spec.factions
    ]
    issues += [
        Issue(("humans", i), f"{human!r} is named twice")
        for i, human in enumerate(save.humans)
        if human in save.humans[:i]
    ]
    if issues:
        raise SaveError(document.refuse(issues).problems)
    setup = Setup(
        scenario, tuple(save.humans), save.difficulty, save.seed, save.guided, save.exercise
    )
    try:
        match = Match(loaded, setup, save.actions, save.hashes)
    except ReplayMismatch as error:
        issue = Issue(error.loc, f"the save does not replay with this version: {error}")
        raise SaveError(document.refuse([issue]).problems) from None
    seen = document.data.get("seen")
    if type(seen) is int and 0 <= seen < match.seen:
        match.seen = seen  # the last quarter's events and sessions are still to be shown
    match.guides = {
        spec.factions.index(faction): GuideProgress(set(progress.seen), progress.stopped)
        for faction, progress in save.guide.items()
        if faction in save.humans
    }
    return match


def _document(path: Path) -> tuple[JsonDocument, SaveDocument]:
    """The save file read and checked on its own: a save of this game, of a format version
    this program reads, made under these rules, every field in bounds."""
    try:
        document = read_json(path, "a saved game")
    except Refused as error:
        damaged = [replace(p, message=f"the save is damaged: {p.message}") for p in error.problems]
        raise SaveError(damaged) from None
    data = document.data
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        where: Loc = ("format",) if isinstance(data, dict) else ()
        raise _refused(document, where, f"{path.name} is not a saved game of Heirs of Lenin")
    version = data.get("version")
    if type(version) is not int:
        raise _refused(document, ("version",), "the save is damaged (it has no version)")
    if version > SAVE_VERSION:
        raise _refused(
            document,
            ("version",),
            f"the save was made by a newer version of the game (save format {version}; this "
            f"one reads up to {SAVE_VERSION})",
        )
    try:
        save = document.validate(SaveDocument)
    except Refused as error:
        damaged = [replace(p, message=f"the save is damaged: {p.message}") for p in error.problems]
        raise SaveError(damaged) from None
    try:
        check_rules_version(data.get("rules_version", UNVERSIONED_RULES))
    except RulesVersionError as error:
        message = f"the save cannot be played: it was {error}"
        raise _refused(document, ("rules_version",), message) from None
    return document, save


def _check_exercise(document: JsonDocument, name: str) -> None:
    """The class exercise a save names is one (its end screen reads it): a system file, a
    pipe or a broken exercise is refused when the save is loaded, not when the game ends."""
    from game.scenario.exercise import load_exercise

    try:
        load_exercise(Path(name))
    except Refused as error:
        message = f"the save's exercise cannot be loaded ({error.reason})"
        raise SaveError(document.refuse([Issue(("exercise",), message)]).problems) from None


def _refused(document: JsonDocument, loc: Loc, message: str) -> SaveError:
    return SaveError(document.refuse([Issue(loc, message)]).problems)


def holds(path: Path, match: Match) -> bool:
    """Whether the save at ``path`` holds this very game at this very quarter (the same
    scenario, seed, players and actions): replacing it loses nothing. A file that cannot be
    read holds no game."""
    try:
        data = read_json(path, "a saved game").data
    except Refused:
        return False
    mine = to_json(match)
    same = ("scenario_sha256", "seed", "humans", "actions")
    return isinstance(data, dict) and all(data.get(k) == mine[k] for k in same)


def list_saves() -> list[SaveInfo]:
    """The saves in the saves folder, newest first. A file that cannot be read (damaged, a
    link to nothing, a loop of links, not a regular file) is listed by its name, marked."""
    folder = saves_dir()
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.json"):
        try:
            data = read_json(path, "a saved game").data
            label = str(data.get("label", path.stem)) if isinstance(data, dict) else path.stem
        except Refused:
            label = f"{path.stem} (damaged)"
        out.append(SaveInfo(path, path.stem, printable(label[:MAX_LABEL]), _saved_at(path)))
    return sorted(out, key=lambda s: -s.saved_at)


def _saved_at(path: Path) -> float:
    """When a save was last written; 0 for a link that leads nowhere."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
