"""Numbers from the command line, checked as argparse reads them: plain ASCII digits (no
full-width digits, underscores or signs where none belong), within the program's bounds, so
that a refused value is a one-line usage error with exit 2 before any work starts.

One range serves each kind of number wherever it is given: a seed is 0..``MAX_SEED`` for
``simulate``, ``compare``, ``replay``, ``play`` and in saves and records; runs are
1..``MAX_RUNS``; a run index 0..``MAX_RUNS`` - 1; ``--jobs`` is at least 1 and is capped at the
cores this process may use (more would only wait for them)."""

from __future__ import annotations

import argparse
import math
import os
import re
from collections.abc import Callable

from game.limits import MAX_BUDGET, MAX_RUNS, MAX_SEED

_WHOLE = re.compile(r"^[+-]?[0-9]{1,30}$")
_REAL = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?$")


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        value = int(text) if _WHOLE.match(text) else None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low:,} to {high:,}, got {text[:30]!r}"
            )
        return value

    return parse


def share(text: str) -> float:
    """An argparse type: a number from 0 to 1 (``--historicity``)."""
    value = float(text) if _REAL.match(text) else math.nan
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text[:30]!r}")
    return value


def jobs(text: str) -> int:
    """An argparse type: worker processes, at least 1, capped at ``cores()``."""
    return min(whole(1, 2**31)(text), cores())


runs = whole(1, MAX_RUNS)
seed = whole(0, MAX_SEED)
run_index = whole(0, MAX_RUNS - 1)
budget = whole(1, MAX_BUDGET)
loo_budget = whole(0, MAX_BUDGET)
