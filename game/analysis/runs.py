"""Loading a scenario for play or analysis: validated, compiled, and identified by its hash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.spec import GameSpec
from game.scenario.compile import compile_scenario
from game.scenario.loader import LoadedScenario, load_scenario


@dataclass(frozen=True)
class Loaded:
    """A scenario file as the engine needs it, with what identifies it in every output."""

    path: Path
    sha256: str
    spec: GameSpec
    source: LoadedScenario


def load(path: Path) -> Loaded:
    """Load and compile; raises ``ScenarioError`` with every problem found."""
    source = load_scenario(path)
    return Loaded(_shown(path), source.sha256, compile_scenario(source.model), source)


def _shown(path: Path) -> Path:
    """The path as outputs record it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
