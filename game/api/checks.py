"""The API's arguments checked as the command line checks its flags, with the same bounds
(``game.limits``), so that a bad value raises one clear ``ValueError`` before any work."""

from __future__ import annotations

from game.analysis.dask_pool import Dask, Workers
from game.limits import MAX_RUNS, MAX_SEED


def whole(name: str, value: int, low: int, high: int) -> int:
    """``value`` as a whole number from ``low`` to ``high``; ValueError names ``name``."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low:,} to {high:,}, not {value!r}")
    return value


def seed(value: int) -> int:
    return whole("seed", value, 0, MAX_SEED)


def runs(value: int) -> int:
    return whole("runs", value, 1, MAX_RUNS)


def jobs(value: int | None, dask: str | None = None) -> Workers:
    """Where the games are played: on the Dask scheduler at ``dask`` (``local`` starts one
    here), else in ``value`` worker processes (None: every core). Never changes results."""
    if dask is not None:
        return Dask(dask)
    return None if value is None else whole("jobs", value, 1, 2**31)


def historicity(value: float) -> float:
    """How strongly ``historical`` follows the record: a number from 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"historicity must be a number from 0 to 1, not {value!r}")
    return float(value)


def ai(text: str, factions: tuple[str, ...], share: float) -> str:
    """The policies as ``--ai`` takes them (``standard``, ``stalin=hard,default=standard``);
    ValueError with the command line's message if they are not."""
    from game.ai.policies import parse_ai

    if not isinstance(text, str):
        raise ValueError(f"ai must be text as --ai takes it, not {text!r}")
    parse_ai(text, factions, share)
    return text
