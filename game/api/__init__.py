"""The public Python API: load a scenario, play batches and comparisons, step one game by
hand. ``game`` re-exports these names (see ``game.__all__``)."""

from game.api.batch import Batch, Comparison, compare, simulate
from game.api.game import Game
from game.api.scenario import Scenario, load
from game.scenario.errors import ScenarioError

__all__ = [
    "Batch",
    "Comparison",
    "Game",
    "Scenario",
    "ScenarioError",
    "compare",
    "load",
    "simulate",
]
