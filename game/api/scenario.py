"""A scenario as the Python API hands it out: loaded, validated and compiled once, by the
same loader as every command (``game.analysis.runs.load``), with the same errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.analysis.runs import Loaded
from game.analysis.runs import load as load_file


@dataclass(frozen=True)
class Scenario:
    """A scenario ready to play: ``path`` as outputs name it (relative to the working folder
    when inside it), ``sha256`` of its files, its ``title`` and faction ids."""

    loaded: Loaded

    @property
    def path(self) -> Path:
        return self.loaded.path

    @property
    def sha256(self) -> str:
        return self.loaded.sha256

    @property
    def title(self) -> str:
        return self.loaded.spec.title

    @property
    def factions(self) -> tuple[str, ...]:
        """The faction ids, in the engine's order (``stalin``, ``trotsky``, ...)."""
        return self.loaded.spec.factions

    def __repr__(self) -> str:
        return f"Scenario({str(self.path)!r}, sha256={self.sha256[:12]!r})"


def load(path: str | Path | None = None) -> Scenario:
    """Load, validate and compile a scenario file (``None``: the 1922 campaign). A file that
    cannot be loaded raises ``ScenarioError``, whose message lists every problem as
    ``file:line:col: path: message``, as the command line prints them."""
    if path is None:
        from game.cli import DEFAULT_SCENARIO

        path = DEFAULT_SCENARIO
    return Scenario(load_file(Path(path)))


def scenario_of(scenario: Scenario | str | Path | None) -> Scenario:
    """A ``Scenario`` given as one, as a file, or as ``None`` (the campaign)."""
    return scenario if isinstance(scenario, Scenario) else load(scenario)
