"""Environments for learning agents (the optional extra ``heirs-of-lenin[rl]``).

- ``HeirsParallelEnv`` (``game.envs.parallel``): PettingZoo's ``ParallelEnv``, the four
  factions acting at once in each action round;
- ``HeirsEnv`` (``game.envs.single``): a Gymnasium env for one faction;
- ``HeirsVectorEnv`` (``game.envs.vector``): B games in one call of the batch engine.

The observation encoder (``observe``) and the batched core (``tables``) need only numpy;
the environments import PettingZoo or Gymnasium when first asked for, and say which extra
to install when they are missing.
"""

from __future__ import annotations

import importlib
from typing import Any

EXTRA = "heirs-of-lenin[rl]"
_EXPORTS = {
    "HeirsParallelEnv": "game.envs.parallel",
    "HeirsEnv": "game.envs.single",
    "HeirsVectorEnv": "game.envs.vector",
}
__all__ = ["EXTRA", "missing", *_EXPORTS]


def missing(module: str) -> ImportError:
    """The error to raise when ``module`` (pettingzoo, gymnasium) cannot be imported: it
    names the extra that brings it."""
    return ImportError(f"game.envs needs {module}: pip install '{EXTRA}'")


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'game.envs' has no attribute {name!r}")
