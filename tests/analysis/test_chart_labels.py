"""The report's charts, measured with matplotlib's own renderer: on the chart of who wins, no
label overlaps another, and the game's bar says "this game" beside its share (a label over
"73.0%" was read as part of the number)."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pytest

from game.analysis.charts import winners_figure


@pytest.mark.parametrize("share", [0.05, 0.5, 0.73, 0.98])
def test_the_games_label_overlaps_no_share(share: float) -> None:
    runs = 1000
    won = round(share * runs)
    summary = {
        "runs": runs,
        "winners": {"stalin": won, "trotsky": runs - won - 10, "split": 10},
        "faction_colours": {"stalin": "#b0141c", "trotsky": "#17130f"},
    }
    figure = winners_figure(summary, highlight="stalin")
    try:
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        axes = figure.axes[0]
        labels = [(t.get_text(), t.get_window_extent(renderer)) for t in axes.texts]
        for (a, box_a), (b, box_b) in itertools.combinations(labels, 2):
            assert not box_a.overlaps(box_b), (a, b)
        ours = [text for text, _ in labels if "this game" in text]
        assert ours == [f"{100 * won / runs:.1f}%  ← this game"]
    finally:
        plt.close(figure)
