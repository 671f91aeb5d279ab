"""What the environments share: the scenario they play, faction names, their spaces, and
the seeds of their games.

An environment's games are runs of the engine's counter-based dice: ``reset(seed=s)`` plays
run 0 of seed ``s`` (runs 0..B-1 for a batch); each later ``reset()`` without a seed plays
the next run(s) of the same seed, so a seeded sequence of episodes is reproducible. Before
any seed is given, the seed is drawn from the system's entropy.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from game.engine.spec import GameSpec
from game.envs import missing
from game.envs.observe import size

try:
    from gymnasium import spaces
except ImportError as error:
    raise missing("gymnasium") from error


def load_spec(scenario: Path | str | GameSpec | None) -> GameSpec:
    """The compiled scenario: a ``GameSpec`` as given, a file, or the 1922 campaign."""
    if isinstance(scenario, GameSpec):
        return scenario
    from game.analysis.runs import load
    from game.cli import DEFAULT_SCENARIO

    return load(Path(scenario) if scenario is not None else DEFAULT_SCENARIO).spec


def faction_indices(spec: GameSpec, names: Sequence[str] | None) -> tuple[int, ...]:
    """Faction ids (``stalin``...) as indices, in the order given; None means all."""
    if names is None:
        return tuple(range(spec.n_factions))
    unknown = [n for n in names if n not in spec.factions]
    if unknown:
        raise ValueError(f"no faction {unknown[0]!r}; factions: {', '.join(spec.factions)}")
    return tuple(spec.factions.index(n) for n in names)


def observation_space(spec: GameSpec) -> spaces.Dict:
    """One faction's observation: the vector of ``game.envs.observe`` (in [-1, 1]) and the
    action mask (1: legal), as PettingZoo's classic games give them."""
    return spaces.Dict(
        {
            "observation": spaces.Box(-1.0, 1.0, (size(spec),), dtype=np.float32),
            "action_mask": spaces.Box(0, 1, (spec.actions.size,), dtype=np.int8),
        }
    )


def action_space(spec: GameSpec) -> spaces.Discrete:
    """One faction's action: an index into the scenario's action space."""
    return spaces.Discrete(spec.actions.size)


class Seeds:
    """The seed and the next run index of an environment's episodes (see the module)."""

    def __init__(self) -> None:
        self.seed: int | None = None
        self.next_run = 0

    def runs(self, seed: int | None, count: int) -> tuple[int, np.ndarray]:
        """(seed, run indices (count,)) for the next episode(s); a seed starts over at run 0."""
        if seed is not None:
            self.seed, self.next_run = int(seed), 0
        elif self.seed is None:
            self.seed = int(np.random.SeedSequence().entropy % (2**32))  # type: ignore[operator]
        runs = np.arange(self.next_run, self.next_run + count, dtype=np.int64)
        self.next_run += count
        return self.seed, runs
