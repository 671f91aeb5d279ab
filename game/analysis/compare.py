"""Two scenarios side by side: who wins and each checkpoint's rate and timing in each, every
difference with its 95% interval, and which differences survive Holm's correction.

By default the arms share their random draws: run i of both uses the draws of (seed, i), so
the pairs (base run i, other run i) are common-random-number pairs and are analysed as paired.
With ``independent`` the other arm uses the seed ``seed + 1`` and the analysis treats the
arms as independent samples.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from game import __version__
from game.analysis.batch import BatchResult, RunConfig, by_date, summarise
from game.analysis.differences import (
    Difference,
    independent_means,
    independent_proportions,
    paired_means,
    paired_proportions,
)
from game.analysis.stats import holm
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.limits import MAX_SEED

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]
ALPHA = 0.05
TITLE = 40  # characters of a checkpoint's title in the terminal table

PAIRED_DESIGN = (
    "paired: common random numbers. Run i of both arms draws its chances from (seed, run i), "
    "so the arms differ only by the scenario; each run of BASE is paired with the same run "
    "of OTHER."
)
INDEPENDENT_DESIGN = (
    "independent: OTHER runs with the seed after BASE's (seed + 1), so the arms share no "
    "random draws and are analysed as independent samples."
)
PAIRED_METHOD = {
    "winner": "difference of shares; Newcombe's paired square-and-add interval (method 10, "
    "1998); McNemar's mid-p test",
    "checkpoint": "difference of rates; Newcombe's paired square-and-add interval (method 10, "
    "1998); McNemar's mid-p test",
    "timing": "mean paired difference in the quarter reached, over runs reaching it in both "
    "arms; paired t interval and test",
}
INDEPENDENT_METHOD = {
    "winner": "difference of shares; Newcombe's hybrid score interval; pooled two-proportion "
    "z test",
    "checkpoint": "difference of rates; Newcombe's hybrid score interval; pooled "
    "two-proportion z test",
    "timing": "difference of mean quarter reached, over runs reaching it in each arm; Welch's "
    "t interval and test",
}


def independent_seed(seed: int) -> int:
    """The seed of the OTHER arm in an independent comparison (after the last seed, 0)."""
    return (seed + 1) % (MAX_SEED + 1)


@dataclass(frozen=True)
class Comparison:
    """One measure in both arms: ``base`` and ``other`` are shares (winner, checkpoint) or
    mean offsets from the real date in quarters (timing); the difference is OTHER - BASE."""

    measure: str  # "winner", "checkpoint" or "timing"
    id: str
    title: str
    base: float
    other: float
    difference: Difference


def compare_results(
    base: tuple[GameSpec, BatchResult], other: tuple[GameSpec, BatchResult], paired: bool
) -> list[Comparison]:
    """Every comparison of the two arms: the share of wins of each faction of either
    scenario and of a split, each shared checkpoint's rate, and its timing where defined."""
    base_spec, base_result = base
    other_spec, other_result = other
    found: list[Comparison] = []
    proportions = paired_proportions if paired else independent_proportions
    for name in (*_union(base_spec.factions, other_spec.factions), "split"):
        x, y = wins_of(base_spec, base_result, name), wins_of(other_spec, other_result, name)
        found.append(Comparison("winner", name, name, _share(x), _share(y), proportions(x, y)))
    other_index = {c.id: i for i, c in enumerate(other_spec.checkpoints)}
    for c in by_date(base_spec):
        checkpoint = base_spec.checkpoints[c]
        if checkpoint.id not in other_index:
            continue
        o = other_index[checkpoint.id]
        x, y = base_result.reached[:, c] >= 0, other_result.reached[:, o] >= 0
        rate = proportions(x, y)
        found.append(
            Comparison("checkpoint", checkpoint.id, checkpoint.title, _share(x), _share(y), rate)
        )
        timing = _timing(base_spec, base_result, c, other_spec, other_result, o, paired)
        if timing is not None:
            found.append(timing)
    return found


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> list[str]:
    return [*first, *(name for name in second if name not in first)]


def wins_of(spec: GameSpec, result: BatchResult, name: str) -> BoolArray:
    """(N,): whether each run was won by faction ``name`` (or split, for ``split``)."""
    if name == "split":
        return result.winner == SPLIT  # type: ignore[no-any-return]
    if name not in spec.factions:
        return np.zeros(len(result.winner), dtype=bool)
    return result.winner == spec.factions.index(name)  # type: ignore[no-any-return]


def _share(outcome: BoolArray) -> float:
    return float(outcome.mean())


def _timing(
    base_spec: GameSpec,
    base_result: BatchResult,
    c: int,
    other_spec: GameSpec,
    other_result: BatchResult,
    o: int,
    paired: bool,
) -> Comparison | None:
    """The difference in when a checkpoint was reached, in quarters from its real date."""
    x = (base_result.reached[:, c] - base_spec.checkpoints[c].turn).astype(np.float64)
    y = (other_result.reached[:, o] - other_spec.checkpoints[o].turn).astype(np.float64)
    hit_x, hit_y = base_result.reached[:, c] >= 0, other_result.reached[:, o] >= 0
    if paired:
        both = hit_x & hit_y
        x, y = x[both], y[both]
        difference = paired_means(x, y)
    else:
        x, y = x[hit_x], y[hit_y]
        difference = independent_means(x, y)
    if difference is None:
        return None
    checkpoint = base_spec.checkpoints[c]
    base_mean, other_mean = float(x.mean()), float(y.mean())
    return Comparison("timing", checkpoint.id, checkpoint.title, base_mean, other_mean, difference)


def compare_summary(
    base: tuple[GameSpec, RunConfig, BatchResult],
    other: tuple[GameSpec, RunConfig, BatchResult],
    paired: bool,
) -> dict[str, Any]:
    """The comparison as a JSON-ready dictionary (the ``--out`` file): both arms' batch
    summaries, the design and methods, and every comparison with its Holm-adjusted p-value."""
    base_spec, base_config, base_result = base
    other_spec, other_config, other_result = other
    found = compare_results((base_spec, base_result), (other_spec, other_result), paired)
    adjusted, significant = holm([c.difference.p_value for c in found], ALPHA)
    base_ids = [c.id for c in base_spec.checkpoints]
    other_ids = [c.id for c in other_spec.checkpoints]
    return {
        "kind": "compare",
        "version": __version__,
        "design": "paired" if paired else "independent",
        "design_text": PAIRED_DESIGN if paired else INDEPENDENT_DESIGN,
        "methods": PAIRED_METHOD if paired else INDEPENDENT_METHOD,
        "alpha": ALPHA,
        "correction": f"Holm-Bonferroni over all {len(found)} comparisons, family-wise "
        f"alpha {ALPHA}; each interval is a separate 95% interval",
        "base": summarise(base_spec, base_config, base_result),
        "other": summarise(other_spec, other_config, other_result),
        "comparisons": [
            {**_row(c), "p_holm": p, "significant": s}
            for c, p, s in zip(found, adjusted, significant, strict=True)
        ],
        "not_compared": sorted(set(base_ids) ^ set(other_ids)),
    }


def _row(comparison: Comparison) -> dict[str, Any]:
    d = asdict(comparison.difference)
    return {
        "measure": comparison.measure,
        "id": comparison.id,
        "title": comparison.title,
        "base": comparison.base,
        "other": comparison.other,
        "difference": d["estimate"],
        "ci": [d["low"], d["high"]],
        "p_value": d["p_value"],
        "n": d["n"],
    }


def format_compare(summary: dict[str, Any]) -> str:
    """The comparison as text for the terminal."""
    base, other = summary["base"], summary["other"]
    lines = [
        f"BASE  {base['scenario']} (sha256 {base['scenario_sha256'][:12]}), seed {base['seed']}",
        f"OTHER {other['scenario']} (sha256 {other['scenario_sha256'][:12]}), seed {other['seed']}",
        f"{base['runs']} runs each, ai {base['ai']}, historicity {base['historicity']}, "
        f"version {summary['version']}",
        f"Design: {summary['design_text']}",
    ]
    headings = {
        "winner": "Who won (share of runs)",
        "checkpoint": "Checkpoints reached (share of runs)",
        "timing": "Timing (mean quarters from the real date)",
    }
    for measure, heading in headings.items():
        rows = [c for c in summary["comparisons"] if c["measure"] == measure]
        if not rows:
            continue
        lines += ["", f"{heading}: {summary['methods'][measure]}"]
        lines.append(
            f"  {'':<{TITLE}} {'BASE':>7} {'OTHER':>7} {'diff':>7}  {'95% CI':<18} "
            f"{'p':>8} {'Holm p':>8}"
        )
        lines += [_format_row(row, measure == "timing") for row in rows]
    count = sum(c["significant"] for c in summary["comparisons"])
    lines += [
        "",
        f"* larger than chance: {count} of {len(summary['comparisons'])} differences after "
        f"{summary['correction']}.",
    ]
    if summary["not_compared"]:
        lines.append(f"Checkpoints in only one scenario: {', '.join(summary['not_compared'])}")
    return "\n".join(lines)


def _format_row(row: dict[str, Any], quarters: bool) -> str:
    """One comparison: shares as percentages (percentage points for the difference), timing
    in quarters to two decimals."""
    scale, unit, digits = (1.0, " ", 2) if quarters else (100.0, "%", 1)
    low, high = row["ci"]
    mark = "*" if row["significant"] else " "
    title = row["title"] if len(row["title"]) <= TITLE else row["title"][: TITLE - 1] + "…"
    return (
        f"{mark} {title:<{TITLE}} {scale * row['base']:>6.{digits}f}{unit} "
        f"{scale * row['other']:>6.{digits}f}{unit} {scale * row['difference']:>+7.{digits}f}  "
        f"[{scale * low:+6.{digits}f}, {scale * high:+6.{digits}f}] "
        f"{row['p_value']:>8.2g} {row['p_holm']:>8.2g}"
    )
