"""Heirs of Lenin: the struggle to succeed Lenin, 1922-1929, as a game and a counterfactual lab.

The public Python API (``game.api``), imported on first use so that ``import game`` and the
command line stay as fast to start as before:

- ``load(path=None)`` a scenario file (the 1922 campaign by default) as a ``Scenario``;
- ``simulate(...)`` a batch, as ``simulate`` plays it, as a ``Batch``;
- ``compare(base, other, ...)`` two scenarios, as ``compare`` runs them, as a ``Comparison``;
- ``Game(scenario, seed=, policies=)`` one game stepped an action round at a time;
- ``ScenarioError``, what ``load`` raises for a file that cannot be loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.api import (
        Batch,
        Comparison,
        Game,
        Scenario,
        ScenarioError,
        compare,
        load,
        simulate,
    )

__version__ = "0.1.0"
__all__ = [
    "Batch",
    "Comparison",
    "Game",
    "Scenario",
    "ScenarioError",
    "__version__",
    "compare",
    "load",
    "simulate",
]


def __getattr__(name: str) -> Any:
    """The API's names, imported from ``game.api`` when first asked for."""
    if name in __all__:
        import game.api

        return getattr(game.api, name)
    raise AttributeError(f"module 'game' has no attribute {name!r}")
