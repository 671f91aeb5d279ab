"""The model beside the recorded votes: for each vote in the scenario's ``history.votes``, the
distribution of the yes share over a batch's runs and how often the motion was put and carried.

``simulate --out`` writes these rows as ``recorded_votes``; ``calibrate`` fits the vote model's
constants to them, and the tests check the issue's criterion on them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game.engine.spec import GameSpec, RecordedVoteSpec
from game.engine.state import State

BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]

# What a run did with a recorded motion: carried, withdrawn by its mover before the vote,
# refused (put and voted down), or never put.
MODEL_OUTCOMES = ("carried", "withdrawn", "refused", "not_put")


@dataclass
class Tallies:
    """Per run and recorded vote, shapes (N, V): whether the motion was put, whether it
    carried, whether its mover withdrew it, and the yes and no votes at its latest vote."""

    put: BoolArray
    carried: BoolArray
    withdrawn: BoolArray
    yes: IntArray
    no: IntArray

    @staticmethod
    def concat(parts: list[Tallies]) -> Tallies:
        return Tallies(
            *(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Tallies))
        )

    @property
    def share(self) -> FloatArray:
        """(N, V) yes share of the votes cast; NaN where the motion was not put."""
        cast = self.yes + self.no
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.put & (cast > 0), self.yes / np.maximum(cast, 1), np.nan)


def tallies_of(spec: GameSpec, state: State) -> Tallies:
    """The recorded motions' tallies at the end of a batch of games."""
    m = np.array([v.motion for v in spec.recorded_votes], dtype=np.int64)
    return Tallies(
        state.put[:, m],
        state.passed[:, m],
        state.withdrawn[:, m],
        state.vote_yes[:, m],
        state.vote_no[:, m],
    )


def outcomes(tallies: Tallies) -> IntArray:
    """(N, V) each run's outcome as an index into MODEL_OUTCOMES."""
    codes = np.where(tallies.put, 2, 3)
    return np.where(tallies.carried, 0, np.where(tallies.withdrawn, 1, codes))


def majority_outcome(tallies: Tallies) -> list[str]:
    """(V,) the outcome most runs reached for each recorded vote."""
    codes = outcomes(tallies)
    counts = np.stack([(codes == k).sum(axis=0) for k in range(len(MODEL_OUTCOMES))])
    return [MODEL_OUTCOMES[k] for k in np.argmax(counts, axis=0)]


def agrees(recorded: str, model: str) -> bool:
    """Whether the model's outcome is the recorded one."""
    return recorded == model


def summarise_votes(spec: GameSpec, tallies: Tallies) -> list[dict[str, Any]]:
    """One JSON-ready row per recorded vote: the recorded share and outcome, the model's mean,
    median, 5th and 95th percentile of the yes share over the runs where the motion was put,
    the put and carried rates, and the model's majority outcome."""
    share = tallies.share
    majority = majority_outcome(tallies)
    rows = []
    for v, record in enumerate(spec.recorded_votes):
        put = share[:, v][~np.isnan(share[:, v])]
        rows.append(
            {
                **_record_fields(spec, record),
                "model_mean": _round(put.mean()) if put.size else None,
                "model_median": _round(np.median(put)) if put.size else None,
                "p5": _round(np.percentile(put, 5)) if put.size else None,
                "p95": _round(np.percentile(put, 95)) if put.size else None,
                "put_rate": _round(tallies.put[:, v].mean()),
                "carried_rate": _round(tallies.carried[:, v].mean()),
                "withdrawn_rate": _round(tallies.withdrawn[:, v].mean()),
                "model_outcome": majority[v],
                "outcome_agrees": agrees(record.outcome, majority[v]),
            }
        )
    return rows


def _record_fields(spec: GameSpec, record: RecordedVoteSpec) -> dict[str, Any]:
    return {
        "id": record.id,
        "session": spec.sessions[record.session].id,
        "motion": spec.motions[record.motion].id,
        "recorded_share": None if record.share is None else _round(record.share),
        "unanimous": record.unanimous,
        "recorded_outcome": record.outcome,
        "fitted": record.fitted,
    }


def _round(value: float) -> float:
    return round(float(value), 4)
