"""Fit the vote model's constants to the recorded votes: ``python -m game calibrate``.

The data are the scenario's ``history.votes`` marked ``fitted``: tallies (a yes share of the
votes cast, 1.0 for a unanimous vote) and outcomes (carried, withdrawn, refused). The model is
played under ``--ai historical --historicity 1`` with common random numbers: every evaluation
plays the same runs 0..N-1 of the same seed, so two sets of constants are compared on the same
games. The loss is

    sum over tallied votes of (recorded share - model median share over the runs where it
    was put)^2, counting 1 for a tallied vote the model never puts,
    + OUTCOME_WEIGHT for each vote whose outcome in most runs differs from the record.

The median, not the mean: a vote's shares over the runs are bimodal where some runs have left
history (an opposition still holding machines in December 1927 votes its delegations against
the congress), and the record is a hall of the typical run; the mean is pulled toward runs
that are not that hall.

scipy's bounded Powell search minimises it from the scenario's own values; the command keeps
the start if nothing better is found. Leave-one-out: for each tallied vote, the fit is made
again without it and the vote is predicted by that fit. The record (``--out``, YAML) holds each
constant with its start, fitted value and bounds, the data, the loss, the leave-one-out table
and the command; ``--apply`` writes the fitted values into the scenario's marked ``rules:``
block.
"""

from __future__ import annotations

import dataclasses
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from numpy.typing import NDArray
from scipy.optimize import minimize

from game.analysis.batch import run_chunk
from game.analysis.recorded import Tallies, agrees, majority_outcome, summarise_votes
from game.boundary.files import read_input
from game.boundary.jsondoc import decode_utf8
from game.boundary.refusal import Refused
from game.engine.spec import GameSpec
from game.fileio import write_atomic
from game.limits import SCENARIO_BYTES

FloatArray = NDArray[np.float64]

AI, HISTORICITY = "historical", 1.0
OUTCOME_WEIGHT = 0.1
BEGIN = "# --- calibrate: begin"
END = "# --- calibrate: end"


@dataclass(frozen=True)
class Constant:
    """One fitted constant: ``rules.<section>.<name>`` in the scenario, within [low, high]."""

    section: str  # "vote" (rules.vote) or "constants" (rules.constants)
    name: str
    low: float
    high: float
    meaning: str

    @property
    def path(self) -> str:
        return f"rules.{self.section}.{self.name}"


CONSTANTS = (
    Constant("constants", "grip_base", 0.2, 1.0, "share of a delegation its machine holds"),
    Constant("constants", "grip_defiance", 0.0, 3.0, "how far a defiant following loosens it"),
    Constant("constants", "machine_block", 0.0, 1.0, "part of that hold cast as one vote"),
    Constant("constants", "faction_discipline", 0.0, 1.0, "share of a faction voting as one"),
    Constant("constants", "named_faction", 0.0, 4.0, "uncommitted closing ranks once named"),
    Constant("vote", "chance", 0.1, 2.0, "weight of a vote's chance"),
    Constant("constants", "sanction_threat", 0.0, 2.0, "want to sanction per unit of threat"),
)


def with_constants(spec: GameSpec, values: Sequence[float]) -> GameSpec:
    """The scenario with the fitted constants set to ``values`` (in CONSTANTS order)."""
    vote, k = dict(spec.rules.vote), dict(spec.rules.k)
    for constant, value in zip(CONSTANTS, values, strict=True):
        (vote if constant.section == "vote" else k)[constant.name] = float(value)
    return dataclasses.replace(spec, rules=dataclasses.replace(spec.rules, vote=vote, k=k))


def start_values(spec: GameSpec) -> list[float]:
    """The scenario's own values of the fitted constants."""
    rules = {"vote": spec.rules.vote, "constants": spec.rules.k}
    return [float(rules[c.section][c.name]) for c in CONSTANTS]


def play(spec: GameSpec, seed: int, runs: int) -> Tallies:
    """The recorded votes' tallies over runs 0..runs-1 of ``seed`` (the common numbers)."""
    result = run_chunk(spec, seed, np.arange(runs), AI, HISTORICITY)
    assert result.tallies is not None
    return result.tallies


def loss(spec: GameSpec, tallies: Tallies, used: Sequence[int]) -> float:
    """The loss (see the module's docstring) over the recorded votes with indices ``used``."""
    share = tallies.share
    majority = majority_outcome(tallies)
    total = 0.0
    for v in used:
        record = spec.recorded_votes[v]
        if record.share is not None:
            put = share[:, v][~np.isnan(share[:, v])]
            total += (record.share - float(np.median(put))) ** 2 if put.size else 1.0
        total += 0.0 if agrees(record.outcome, majority[v]) else OUTCOME_WEIGHT
    return total


@dataclass
class Fit:
    """The best constants found, their loss, the start's loss and how many evaluations."""

    values: list[float]
    loss: float
    start_loss: float
    evaluations: int


def fit(
    spec: GameSpec, seed: int, runs: int, used: Sequence[int], start: Sequence[float], budget: int
) -> Fit:
    """Minimise the loss over ``used`` records from ``start`` with at most ``budget``
    evaluations (bounded Powell); never returns something worse than the start."""
    count = 0

    def objective(x: FloatArray) -> float:
        nonlocal count
        count += 1
        return loss(spec, play(with_constants(spec, x.tolist()), seed, runs), used)

    first = objective(np.array(start))
    bounds = [(c.low, c.high) for c in CONSTANTS]
    found = minimize(
        objective,
        np.clip(start, [b[0] for b in bounds], [b[1] for b in bounds]),
        method="Powell",
        bounds=bounds,
        options={"maxfev": max(budget - 1, 1), "xtol": 1e-3, "ftol": 1e-4},
    )
    if float(found.fun) < first:
        return Fit([float(v) for v in found.x], float(found.fun), first, count)
    return Fit(list(start), first, first, count)


def leave_one_out(
    spec: GameSpec, seed: int, runs: int, used: Sequence[int], start: Sequence[float], budget: int
) -> list[dict[str, Any]]:
    """For each tallied vote in ``used``: the fit made without it, and its prediction."""
    rows = []
    for v in used:
        if spec.recorded_votes[v].share is None:
            continue
        others = [u for u in used if u != v]
        refit = fit(spec, seed, runs, others, start, budget)
        predicted = summarise_votes(spec, play(with_constants(spec, refit.values), seed, runs))[v]
        low, high = predicted["p5"], predicted["p95"]
        recorded = predicted["recorded_share"]
        rows.append(
            {
                "id": predicted["id"],
                "recorded_share": recorded,
                "predicted_median": predicted["model_median"],
                "p5": low,
                "p95": high,
                "inside_band": low is not None and low <= recorded <= high,
                "constants": {
                    c.path: _round(x) for c, x in zip(CONSTANTS, refit.values, strict=True)
                },
            }
        )
    return rows


def calibrate(
    spec: GameSpec,
    scenario: Path,
    seed: int,
    runs: int,
    budget: int,
    loo_budget: int,
    command: str,
    say: Callable[[str], None],
) -> dict[str, Any]:
    """The whole calibration record: fit, data table and leave-one-out."""
    used = [v for v, record in enumerate(spec.recorded_votes) if record.fitted]
    start = start_values(spec)
    say(f"fitting {len(CONSTANTS)} constants to {len(used)} recorded votes, {runs} runs each")
    best = fit(spec, seed, runs, used, start, budget)
    say(f"loss {best.start_loss:.4f} -> {best.loss:.4f} in {best.evaluations} evaluations")
    data = summarise_votes(spec, play(with_constants(spec, best.values), seed, runs))
    loo = leave_one_out(spec, seed, runs, used, best.values, loo_budget) if loo_budget else []
    return {
        "command": command,
        "scenario": str(scenario),
        "ai": AI,
        "historicity": HISTORICITY,
        "seed": seed,
        "runs": runs,
        "loss": {
            "definition": "sum over tallied votes of (recorded share - model median share where "
            "put)^2 (1 if never put) + "
            f"{OUTCOME_WEIGHT} for each vote whose majority outcome differs from the record",
            "start": _round(best.start_loss),
            "fitted": _round(best.loss),
            "evaluations": best.evaluations,
        },
        "constants": [
            {
                "name": c.path,
                "meaning": c.meaning,
                "start": _round(s),
                "fitted": _round(x),
                "bounds": [c.low, c.high],
            }
            for c, s, x in zip(CONSTANTS, start, best.values, strict=True)
        ],
        "data": data,
        "leave_one_out": loo,
    }


def command_line(
    scenario: Path,
    seed: int,
    runs: int,
    budget: int,
    loo_budget: int,
    out: Path | None,
    apply: bool,
) -> str:
    """The command that makes a record, as a user would type it."""
    parts = ["python", "-m", "game", "calibrate", str(scenario), "--seed", str(seed)]
    parts += ["--runs", str(runs), "--budget", str(budget), "--loo-budget", str(loo_budget)]
    parts += ["--out", str(out)] if out is not None else []
    return shlex.join(parts + (["--apply"] if apply else []))


def table(record: dict[str, Any]) -> str:
    """The data and leave-one-out tables as fixed-width text."""

    def cell(value: object) -> str:
        return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)

    lines = [
        f"{'vote':34} {'record':>7} {'median':>6} {'p5':>6} {'p95':>6} {'put':>5} "
        f"{'carried':>7}  outcome (record / model)"
    ]
    for row in record["data"]:
        lines.append(
            f"{row['id']:34} {cell(row['recorded_share']):>7} {cell(row['model_median']):>6} "
            f"{cell(row['p5']):>6} {cell(row['p95']):>6} {cell(row['put_rate']):>5} "
            f"{cell(row['carried_rate']):>7}  {row['recorded_outcome']} / {row['model_outcome']}"
        )
    lines.append("")
    lines.append(f"{'constant':34} {'start':>7} {'fitted':>7}  bounds")
    for c in record["constants"]:
        lines.append(f"{c['name']:34} {c['start']:>7} {c['fitted']:>7}  {c['bounds']}")
    if record["leave_one_out"]:
        lines.append("")
        lines.append(f"{'left out':34} {'record':>7} {'pred.':>6} {'p5':>6} {'p95':>6}  inside")
        for row in record["leave_one_out"]:
            lines.append(
                f"{row['id']:34} {cell(row['recorded_share']):>7} "
                f"{cell(row['predicted_median']):>6} {cell(row['p5']):>6} {cell(row['p95']):>6}"
                f"  {row['inside_band']}"
            )
    return "\n".join(lines)


def write_record(record: dict[str, Any], out: Path) -> None:
    header = f"# Written by `{record['command']}`; do not edit by hand.\n"
    write_atomic(out, header + yaml.safe_dump(record, sort_keys=False, width=100))


def marked_block(scenario: Path) -> tuple[str, int, int]:
    """The scenario's text and where its marked ``rules:`` block starts and stops; refused
    (before any work, by ``calibrate --apply``) for a file without one."""
    text = decode_utf8(read_input(scenario, SCENARIO_BYTES, "a scenario file"), str(scenario))
    start, stop = text.find(BEGIN), text.find(END)
    if start < 0 or stop < start:
        message = f"no block between {BEGIN!r} and {END!r} to write the fitted values into"
        raise Refused.file(scenario, message)
    return text, start, stop


def apply_to_scenario(record: dict[str, Any], scenario: Path) -> None:
    """Replace the scenario's marked ``rules:`` block with the fitted values."""
    text, start, stop = marked_block(scenario)
    sections: dict[str, dict[str, float]] = {}
    for c, row in zip(CONSTANTS, record["constants"], strict=True):
        sections.setdefault(c.section, {})[c.name] = row["fitted"]
    lines = [f"{BEGIN} (fitted by `{record['command']}`;", "# see calibration/votes.yaml)"]
    lines.append("rules:")
    for section, values in sections.items():
        inner = ", ".join(f"{name}: {value}" for name, value in values.items())
        lines.append(f"  {section}: {{{inner}}}")
    write_atomic(scenario, text[:start] + "\n".join(lines) + "\n" + text[stop:])


def _round(value: float) -> float:
    return round(float(value), 4)


def main(
    spec: GameSpec,
    scenario: Path,
    seed: int,
    runs: int,
    budget: int,
    loo_budget: int,
    out: Path | None,
    apply: bool,
) -> int:
    """The ``calibrate`` command: fit, print the tables, write the record (and the scenario)."""
    command = command_line(scenario, seed, runs, budget, loo_budget, out, apply)
    say = lambda text: print(text, file=sys.stderr)  # noqa: E731
    record = calibrate(spec, scenario, seed, runs, budget, loo_budget, command, say)
    print(table(record))
    if out is not None:
        write_record(record, out)
        print(f"wrote {out}", file=sys.stderr)
    if apply:
        apply_to_scenario(record, scenario)
        print(f"wrote the fitted values into {scenario}", file=sys.stderr)
    return 0
