"""One run of a batch played again alone, kept quarter by quarter for the replay viewer: the
state after each quarter (a copy, so stepping back is instant) and the quarter's report.

A run depends only on (scenario, seed, run index, policies, historicity): every chance comes
from a counter-based draw of (seed, run index), so run i played alone is run i of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from game.ai.policies import parse_ai
from game.analysis.runs import Loaded
from game.engine.names import faction_names
from game.engine.state import State, initial_state
from game.engine.turn import play
from game.play.changes import standing
from game.play.match import TurnReport
from game.play.outcomes import Outcomes


@dataclass(frozen=True)
class Frame:
    """One quarter of a replayed run: the state after it and what happened in it."""

    state: State
    report: TurnReport


def replay_frames(loaded: Loaded, seed: int, run: int, ai: str, historicity: float) -> list[Frame]:
    """Play run ``run`` of ``seed`` to its end with the given policies; one frame per quarter
    (after a split the factions only wait, so every run has the scenario's quarters)."""
    spec = loaded.spec
    state = initial_state(spec, seed, np.array([run]))
    first = state.copy()
    log: list[dict[str, Any]] = []
    frames: list[Frame] = []

    outcomes = Outcomes(spec)

    def keep(after: State) -> None:
        head, *entries = log  # the quarter's actions come first, then what they led to
        names = faction_names(spec, after)
        opening = frames[-1].report.names if frames else spec.faction_names
        opened = frames[-1].report.closed if frames else standing(first)
        report = TurnReport(
            head["turn"], head["actions"], {}, entries, outcomes.refused, names, opening, opened,
            standing(after),
        )  # fmt: skip
        frames.append(Frame(after.copy(), report))
        log.clear()

    choose = parse_ai(ai, spec.factions, historicity).choose_all
    play(spec, state, choose, log, on_turn=keep, tracer=outcomes)
    return frames
