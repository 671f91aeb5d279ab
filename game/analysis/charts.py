"""Charts for reports and sweeps, drawn with matplotlib's Agg backend and returned as PNG bytes.

Every function takes the JSON-ready summaries the commands write (see ``batch.summarise``,
``compare.compare_summary``), so a chart can be redrawn from a saved file.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from game.analysis.stats import wilson_interval

if TYPE_CHECKING:
    from game.analysis.sweep import SweepPoint

SPLIT_COLOUR = "#777777"
DPI = 110
HISTORY = "#111111"
GAME = "#d62728"
plt.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False})


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def _colour(summary: dict[str, Any], name: str) -> str:
    colour: str = summary.get("faction_colours", {}).get(name, SPLIT_COLOUR)
    return colour


def _wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def winners_chart(
    summary: dict[str, Any],
    highlight: str | None = None,
    size: tuple[float, float] | None = None,
) -> bytes:
    """Each faction's share of wins (and of splits) with its 95% Wilson interval, largest
    first; ``highlight`` (a saved game's winner) is outlined and labelled. ``size`` (inches)
    overrides the size fitted to the number of bars."""
    return _png(winners_figure(summary, highlight, size))


def winners_figure(
    summary: dict[str, Any],
    highlight: str | None = None,
    size: tuple[float, float] | None = None,
) -> Figure:
    """The figure of ``winners_chart``: each bar's share written at its interval's end, the
    highlighted one's followed by "this game" in the same label (so the two never overlap)."""
    runs = summary["runs"]
    items = sorted(summary["winners"].items(), key=lambda kv: -kv[1])
    names = [name for name, _ in items]
    shares = np.array([count / runs for _, count in items])
    bounds = np.array([wilson_interval(count, runs) for _, count in items])
    errors = np.abs(bounds.T - shares)
    figure, axes = plt.subplots(figsize=size or (6.4, 0.45 * len(names) + 0.9))
    bars = axes.barh(names, shares, xerr=errors, color=[_colour(summary, n) for n in names])
    axes.invert_yaxis()
    for name, bar, share, high in zip(names, bars, shares, bounds[:, 1], strict=True):
        ours = name == highlight
        axes.text(
            high + 0.015,
            bar.get_y() + bar.get_height() / 2,
            f"{100 * share:.1f}%" + ("  ← this game" if ours else ""),
            va="center",
            color=GAME if ours else "black",
            fontweight="bold" if ours else "normal",
        )
        if ours:
            bar.set_edgecolor(GAME)
            bar.set_linewidth(2.5)
    axes.set_xlim(0, 1.08)
    axes.set_xlabel(f"share of {runs:,} runs won (bars: 95% interval)")
    axes.set_title("Who wins")
    return figure


def timeline_chart(summary: dict[str, Any], game: dict[str, str | None] | None = None) -> bytes:
    """The checkpoints in order of real date: the real quarter (black diamond) beside the
    quarters in which runs reached it (bar from the 10th to the 90th percentile, dot at the
    median, and the share of runs reaching it at the right). ``game`` maps checkpoint ids to
    the quarter a saved game reached each (None: never), drawn as red circles."""
    quarters = summary["quarters"]
    checkpoints = sorted(summary["checkpoints"], key=lambda c: c["date"])
    figure, axes = plt.subplots(figsize=(8.6, 0.34 * len(checkpoints) + 1.3))
    for row, c in enumerate(checkpoints):
        counts = np.array(c["reached_by_quarter"], dtype=float)
        if counts.sum() > 0:
            cumulative = np.cumsum(counts) / counts.sum()
            low, mid, high = (int(np.searchsorted(cumulative, q)) for q in (0.1, 0.5, 0.9))
            axes.plot(
                [low, high],
                [row, row],
                color="#4c72b0",
                linewidth=5,
                alpha=0.45,
                solid_capstyle="round",
            )
            axes.plot(mid, row, "o", color="#4c72b0", markersize=5)
        axes.plot(quarters.index(c["quarter"]), row, "D", color=HISTORY, markersize=6)
        if game is not None:
            reached = game.get(c["id"])
            if reached is not None:
                axes.plot(
                    quarters.index(reached),
                    row,
                    "o",
                    markersize=9,
                    markerfacecolor="none",
                    markeredgecolor=GAME,
                    markeredgewidth=2,
                )
        axes.text(len(quarters) - 0.3, row, f"{100 * c['rate']:.0f}%", va="center", fontsize=8)
    axes.set_yticks(range(len(checkpoints)), [_wrap(c["title"], 40) for c in checkpoints])
    axes.invert_yaxis()
    ticks = [i for i, label in enumerate(quarters) if label.endswith("Q1")] or [0]
    axes.set_xticks(ticks, [quarters[i][:4] for i in ticks])
    axes.set_xlim(-0.7, len(quarters) + 1.2)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    handles = [
        Line2D([], [], marker="D", color=HISTORY, linestyle="none", label="history"),
        Line2D(
            [],
            [],
            marker="o",
            color="#4c72b0",
            linewidth=5,
            alpha=0.6,
            label="runs: median, 10-90%",
        ),
    ]
    if game is not None:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markerfacecolor="none",
                color=GAME,
                linestyle="none",
                markeredgewidth=2,
                label="this game",
            )
        )
    axes.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=3, frameon=False
    )
    axes.set_title("When each checkpoint was reached (right: share of runs reaching it)")
    return _png(figure)


def reached_chart(summary: dict[str, Any], mark: int | None = None) -> bytes:
    """How many runs reached 0, 1, ... of the checkpoints; ``mark`` (a saved game's count) is
    drawn in red."""
    counts = {int(k): v for k, v in summary["checkpoints_reached"].items()}
    ks = sorted(counts)
    figure, axes = plt.subplots(figsize=(6.4, 2.8))
    colours = [GAME if k == mark else "#4c72b0" for k in ks]
    axes.bar(ks, [counts[k] / summary["runs"] for k in ks], color=colours)
    axes.set_xticks(ks)
    axes.set_xlabel(f"checkpoints reached (of {len(ks) - 1})")
    axes.set_ylabel("share of runs")
    title = "How much of history each run reached"
    axes.set_title(title if mark is None else f"{title} (red: this game, {mark})")
    return _png(figure)


def forest_chart(summary: dict[str, Any], size: tuple[float, float] | None = None) -> bytes:
    """A comparison's differences in share (OTHER - BASE, percentage points) for who wins and
    each checkpoint, with 95% intervals; those surviving Holm's correction in red. ``size``
    (inches) overrides the size fitted to the number of rows."""
    rows = [c for c in summary["comparisons"] if c["measure"] in ("winner", "checkpoint")]
    figure, axes = plt.subplots(figsize=size or (7.6, 0.3 * len(rows) + 1.2))
    for y, row in enumerate(rows):
        colour = GAME if row["significant"] else "#555555"
        low, high = (100 * v for v in row["ci"])
        axes.plot([low, high], [y, y], color=colour, linewidth=2)
        axes.plot(100 * row["difference"], y, "o", color=colour, markersize=4)
    labels = [("wins: " if r["measure"] == "winner" else "") + r["title"] for r in rows]
    axes.set_yticks(range(len(rows)), [_wrap(label, 44) for label in labels])
    axes.invert_yaxis()
    axes.axvline(0, color="#999999", linewidth=0.8)
    axes.set_xlabel(
        "OTHER - BASE, percentage points (95% interval; red: larger than chance after Holm)"
    )
    axes.set_title("Differences between the scenarios")
    return _png(figure)


def _sweep_axis(param: str, points: Sequence[SweepPoint]) -> tuple[list[float], list[str]]:
    """x positions and tick labels: the values themselves if numeric, else their order."""
    values = [p.value for p in points]
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return [float(v) for v in values], [str(v) for v in values]
    return [float(i) for i in range(len(values))], [str(v) for v in values]


def _set_sweep_ticks(axes: Any, xs: list[float], labels: list[str], most: int = 12) -> None:
    step = max(1, -(-len(xs) // most))
    axes.set_xticks(xs[::step], labels[::step], rotation=45 if step > 1 or len(xs) > 8 else 0)


def sweep_winners_chart(param: str, points: Sequence[SweepPoint]) -> bytes:
    """Each faction's chance of winning (and of a split) against the parameter, with 95%
    Wilson bands."""
    xs, labels = _sweep_axis(param, points)
    figure, axes = plt.subplots(figsize=(7.2, 4.2))
    first = points[0].summary
    for name in [*first.get("faction_colours", {}), "split"]:
        counts = [p.summary["winners"].get(name, 0) for p in points]
        runs = [p.summary["runs"] for p in points]
        shares = [k / n for k, n in zip(counts, runs, strict=True)]
        bands = np.array([wilson_interval(k, n) for k, n in zip(counts, runs, strict=True)])
        colour = _colour(first, name)
        axes.fill_between(xs, bands[:, 0], bands[:, 1], color=colour, alpha=0.15, linewidth=0)
        axes.plot(xs, shares, "o-", color=colour, label=name, markersize=3)
    _set_sweep_ticks(axes, xs, labels)
    axes.set_ylim(0, 1)
    axes.set_xlabel(param)
    axes.set_ylabel(f"chance of winning ({first['runs']:,} runs per value)")
    axes.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    axes.set_title(f"Who wins as {param} varies")
    return _png(figure)


def sweep_checkpoints_chart(param: str, points: Sequence[SweepPoint]) -> bytes:
    """One small panel per checkpoint (in order of real date): the share of runs reaching it
    against the parameter, with a 95% Wilson band."""
    xs, labels = _sweep_axis(param, points)
    checkpoints = sorted(points[0].summary["checkpoints"], key=lambda c: c["date"])
    columns = 4
    rows = -(-len(checkpoints) // columns)
    figure, grid = plt.subplots(
        rows, columns, figsize=(11, 2.1 * rows + 0.6), sharex=True, sharey=True, squeeze=False
    )
    for index, axes in enumerate(grid.flat):
        if index >= len(checkpoints):
            axes.set_visible(False)
            continue
        ident = checkpoints[index]["id"]
        found = [next(c for c in p.summary["checkpoints"] if c["id"] == ident) for p in points]
        rates = [c["rate"] for c in found]
        bands = np.array([c["ci"] for c in found])
        axes.fill_between(xs, bands[:, 0], bands[:, 1], color="#4c72b0", alpha=0.2, linewidth=0)
        axes.plot(xs, rates, "o-", color="#4c72b0", markersize=2.5)
        axes.set_title(
            f"{_wrap(checkpoints[index]['title'], 30)}\n({checkpoints[index]['date']})", fontsize=8
        )
        axes.set_ylim(-0.02, 1.02)
        axes.grid(color="#eeeeee", linewidth=0.6)
        if index >= len(checkpoints) - columns:
            axes.tick_params(labelbottom=True)
            _set_sweep_ticks(axes, xs, labels, most=6)
            axes.set_xlabel(param, fontsize=8)
    figure.suptitle(f"Share of runs reaching each checkpoint as {param} varies", y=1.0)
    figure.tight_layout()
    return _png(figure)


def sensitivity_chart(analysis: dict[str, Any], measures: Sequence[str]) -> bytes:
    """One panel per measure: each parameter's total (ST) and first-order (S1) Sobol' index
    with its 95% interval, or Morris's mu* with its interval, largest first; the dummy
    parameter in grey marks the size of an index that noise alone gives."""
    sobol = analysis["method"] == "sobol"
    key = "ST" if sobol else "mu_star"
    panels = [
        m for m in measures if any(r["measure"] == m and r["varies"] for r in analysis["indices"])
    ]
    figure, axes_list = plt.subplots(
        len(panels) or 1,
        1,
        figsize=(7.0, 0.9 + 0.32 * len(analysis["ranges"]) * max(1, len(panels))),
        squeeze=False,
    )
    for axes, measure in zip(axes_list[:, 0], panels, strict=False):
        rows = sorted(
            (r for r in analysis["indices"] if r["measure"] == measure and r["varies"]),
            key=lambda r: r[key],
        )
        ys = np.arange(len(rows))
        colours = [SPLIT_COLOUR if r["parameter"] == "dummy" else GAME for r in rows]
        values = np.array([r[key] for r in rows])
        errors = np.array([[r[key] - r[key + "_low"], r[key + "_high"] - r[key]] for r in rows]).T
        axes.barh(ys, values, xerr=np.maximum(errors, 0.0), color=colours, alpha=0.75,
                  label="total (ST)" if sobol else "mu*")  # fmt: skip
        if sobol:
            axes.plot([r["S1"] for r in rows], ys, "k|", markersize=12, label="first order (S1)")
        axes.set_yticks(ys, [r["parameter"] for r in rows])
        axes.set_title(measure, loc="left")
        axes.axvline(0.0, color="#999999", linewidth=0.8)
        axes.legend(loc="lower right", fontsize=7, frameon=False)
    axes_list[-1, 0].set_xlabel(
        "Sobol' index (share of variance), 95% bootstrap interval" if sobol
        else "Morris mu* (mean absolute elementary effect)"
    )  # fmt: skip
    figure.tight_layout()
    return _png(figure)
