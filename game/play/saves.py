"""Saved games: versioned JSON holding what replays a game exactly (the scenario's path and
hash, the seed, who plays what, the actions of every finished quarter and a state hash per
quarter, and how many quarters' events and sessions the players have been shown), written
atomically. Reading a save never changes any file; every way a save can be
unusable raises ``SaveError`` with a message for the player."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.analysis.runs import load
from game.engine.record import (
    RULES_VERSION,
    UNVERSIONED_RULES,
    ReplayMismatch,
    RulesVersionError,
    check_rules_version,
)
from game.fileio import write_atomic
from game.play.match import DIFFICULTIES, Match, Setup
from game.play.settings import data_dir
from game.scenario.dates import Quarter

SAVE_FORMAT = "heirs-of-lenin-save"
SAVE_VERSION = 1
AUTOSAVE = "autosave"


class SaveError(Exception):
    """A save that cannot be loaded; the message says why, in the player's terms."""


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
    write_atomic(path, save_path(AUTOSAVE).read_text(encoding="utf-8"))
    return path


def read_save(path: Path) -> Match:
    """Load and replay a save. Raises SaveError if it is unreadable, corrupt, from a newer
    version of the game, made under other rules, for a missing or changed scenario, or does
    not replay."""
    data = _document(path)
    scenario = Path(data["scenario"])
    try:
        loaded = load(scenario)
    except Exception as error:  # a scenario error or an unreadable file, in the player's words
        raise SaveError(f"The save's scenario {scenario} cannot be loaded ({error}).") from None
    if loaded.sha256 != data["scenario_sha256"]:
        raise SaveError(f"The scenario {scenario} has changed since this game was saved.")
    exercise = data.get("exercise")
    setup = Setup(
        scenario,
        tuple(data["humans"]),
        data["difficulty"],
        int(data["seed"]),
        bool(data["guided"]),
        exercise if isinstance(exercise, str) else None,
    )
    try:
        match = Match(loaded, setup, data["actions"], data["hashes"])
    except (ReplayMismatch, IndexError, ValueError) as error:
        raise SaveError(f"The save does not replay with this version: {error}.") from None
    seen = data.get("seen")
    if isinstance(seen, int) and 0 <= seen < match.seen:
        match.seen = seen  # the last quarter's events and sessions are still to be shown
    return match


def _document(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SaveError(f"The save {path.name} cannot be read ({error.strerror}).") from None
    except ValueError:
        raise SaveError(f"The save {path.name} is damaged (not valid JSON).") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path.name} is not a saved game of Heirs of Lenin.")
    version = data.get("version")
    if not isinstance(version, int):
        raise SaveError(f"The save {path.name} is damaged (it has no version).")
    if version > SAVE_VERSION:
        raise SaveError(
            f"The save {path.name} was made by a newer version of the game (save format "
            f"{version}; this one reads up to {SAVE_VERSION})."
        )
    _check_fields(path, data)
    try:
        check_rules_version(data.get("rules_version", UNVERSIONED_RULES))
    except RulesVersionError as error:
        raise SaveError(f"The save {path.name} cannot be played: it was {error}.") from None
    return data


def _check_fields(path: Path, data: dict[str, Any]) -> None:
    expected = {
        "scenario": str,
        "scenario_sha256": str,
        "seed": int,
        "humans": list,
        "difficulty": str,
        "guided": bool,
        "actions": list,
        "hashes": list,
    }
    for key, kind in expected.items():
        if not isinstance(data.get(key), kind):
            raise SaveError(f"The save {path.name} is damaged (its {key!r} is missing or wrong).")
    if data["difficulty"] not in DIFFICULTIES or not data["humans"]:
        raise SaveError(f"The save {path.name} is damaged (its players are wrong).")


def list_saves() -> list[SaveInfo]:
    """The saves in the saves folder, newest first; a damaged file is listed by its name."""
    folder = saves_dir()
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.json"):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            label = str(raw.get("label", path.stem)) if isinstance(raw, dict) else path.stem
        except (OSError, ValueError):
            label = f"{path.stem} (damaged)"
        out.append(SaveInfo(path, path.stem, label, path.stat().st_mtime))
    return sorted(out, key=lambda s: -s.saved_at)
