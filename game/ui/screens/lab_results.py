"""The lab's results: who wins in each arm, the differences that survive Holm's correction
(as ``compare`` marks them), and the comparison's charts; from here the list of runs."""

from __future__ import annotations

from typing import Any

import pygame

from game.analysis import charts as report_charts
from game.analysis.lab import LabSetup, RunRow
from game.ui import draw, flow
from game.ui.app import App
from game.ui.charts import figure_inches, fitted_chart, png_surface
from game.ui.screen import Screen
from game.ui.screens.lab import ai_label

CHARTS = ("Differences", "Who wins: base", "Who wins: other")


def shares_line(row: dict[str, Any]) -> str:
    """'12.0% → 30.5% (+18.5 pp)', or quarters from the real date for a timing."""
    if row["measure"] == "timing":
        return f"{row['base']:+.2f} q → {row['other']:+.2f} q ({row['difference']:+.2f} q)"
    return (
        f"{100 * row['base']:.1f}% → {100 * row['other']:.1f}% ({100 * row['difference']:+.1f} pp)"
    )


class LabResultsScreen(Screen):
    name = "lab_results"

    def __init__(
        self,
        app: App,
        setup: LabSetup,
        summary: dict[str, Any],
        rows: list[RunRow],
        back: Screen,
    ) -> None:
        super().__init__(app)
        self.setup = setup
        self.summary = summary
        self.rows = rows
        self.back = back
        self.chart_index = 0
        self.chart: pygame.Surface | None = None

    def build(self) -> None:
        w, h = self.app.window.get_size()
        self.chart = None
        items = [
            ("Runs  [L]", lambda: flow.lab_runs(self.app, self), pygame.K_l, "@poster"),
            (f"Chart: {CHARTS[self.chart_index]}  [C]", self._next_chart, pygame.K_c, None),
            ("Change the comparison  [Esc]", lambda: self.app.go(self.back), pygame.K_ESCAPE, None),
        ]
        rects = self.foot_rects(pygame.Rect(24, 0, w - 48, h - 12), [text for text, *_ in items])
        for rect, (text, action, key, style) in zip(rects, items, strict=True):
            self.button(rect, text, action, key=key, object_id=style)

    def _next_chart(self) -> None:
        self.chart_index = (self.chart_index + 1) % len(CHARTS)
        self.rebuild()

    def bottom(self) -> int:
        """The y above the buttons."""
        return (
            min((e.element.rect.y for e in self.entries), default=self.app.window.get_height() - 60)
            - 8
        )

    def chart_rect(self) -> pygame.Rect:
        w, _ = self.app.window.get_size()
        return pygame.Rect(w // 2 + 8, 64, w // 2 - 24, self.foot - 72)

    def _chart(self, size: tuple[int, int]) -> pygame.Surface:
        if self.chart_index == 0:
            return fitted_chart(
                lambda inches: report_charts.forest_chart(self.summary, inches),
                size,
                report_charts.DPI,
            )
        arm = self.summary["base" if self.chart_index == 1 else "other"]
        inches = figure_inches(size, report_charts.DPI)
        png = report_charts.winners_chart(arm, size=(inches[0], min(inches[1], 4.0)))
        return png_surface(png, size)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.page(surface, theme, "THE LAB: RESULTS", 52)
        w = surface.get_width()
        rect = self.chart_rect()
        pygame.draw.rect(surface, theme.colour("paper"), rect)
        if self.chart is None:
            self.chart = self._chart(rect.size)
        surface.blit(self.chart, self.chart.get_rect(center=rect.center))
        self.zones = []
        self._text(surface, pygame.Rect(24, 64, w // 2 - 40, self.foot - 72))

    def _text(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The question, the comparison's facts, who wins in each arm and the differences
        larger than chance, each cut to fit (whole in its tooltip)."""
        theme = self.app.theme
        setup = self.setup
        muted = theme.colour("muted")
        counterfactual = setup.other.source.model.counterfactual
        title = counterfactual.question if counterfactual else setup.other.spec.title
        column = draw.Column(surface, theme, rect, self.zone)
        column.add(title, 0, "heading", face="bold", lines=2)
        facts = (
            f"Base: {setup.base.spec.title}. Other: {setup.other.spec.title}. "
            f"{setup.runs:,} paired runs each, AI {ai_label(setup.ai, setup.historicity)}, "
            f"seed {setup.seed}."
        )
        column.add(facts, 2, colour=muted, lines=3)
        y = self._winners(surface, rect.x, column.y + 8, rect.w)
        comparisons = self.summary["comparisons"]
        found = [c for c in comparisons if c["significant"]]
        head = (
            f"Larger than chance after Holm's correction: {len(found)} of {len(comparisons)} "
            "differences"
        )
        column.y = y
        column.add(head, 10, face="bold", lines=2)
        y, x = column.y, rect.x
        line = theme.font("small").get_linesize()
        for row in found:
            if y > rect.bottom - 2 * line:
                more = f"… and {len(found) - found.index(row)} more (see the chart)"
                surface.blit(theme.text(more, "small", muted), (x, y))
                break
            value = theme.text(shares_line(row), "small", theme.colour("red"), "bold")
            surface.blit(value, (rect.right - value.get_width(), y))
            what = {"winner": "wins: ", "checkpoint": "", "timing": "when: "}[row["measure"]]
            label = f"{what}{row['title']}"
            shown = draw.fit(theme, label, rect.w - value.get_width() - 8, "small", "regular")
            drawn = surface.blit(theme.text(shown, "small"), (x, y))
            if shown != label:
                self.zone(drawn, label)
            y += line

    def _winners(self, surface: pygame.Surface, x: int, y: int, width: int) -> int:
        """Who wins in each arm, as a small table (names cut to their column, whole in their
        tooltips); returns the y below it."""
        theme = self.app.theme
        line = theme.font("small").get_linesize()
        bold = theme.font("small", "bold")
        number = bold.size("100.0%")[0] + 12
        mark = bold.size("+100.0 pp *")[0]
        columns = (
            x,
            x + width - mark - 2 * number - 8,
            x + width - mark - number - 4,
            x + width - mark,
        )
        for i, head in enumerate(("Who wins", "base", "other", "")):
            surface.blit(theme.text(head, "small", theme.colour("muted"), "bold"), (columns[i], y))
        y += line
        for row in (c for c in self.summary["comparisons"] if c["measure"] == "winner"):
            name = self._name(row["id"])
            shown = draw.fit(theme, name, columns[1] - x - 8, "small", "regular")
            drawn = surface.blit(theme.text(shown, "small"), (x, y))
            if shown != name:
                self.zone(drawn, name)
            for i, cell in ((1, f"{100 * row['base']:.1f}%"), (2, f"{100 * row['other']:.1f}%")):
                surface.blit(theme.text(cell, "small", face="bold"), (columns[i], y))
            if row["significant"]:
                mark_text = f"{100 * row['difference']:+.1f} pp *"
                surface.blit(
                    theme.text(mark_text, "small", theme.colour("red"), "bold"), (columns[3], y)
                )
            y += line
        return y

    def _name(self, faction: str) -> str:
        for spec in (self.setup.base.spec, self.setup.other.spec):
            if faction in spec.factions:
                return spec.faction_names[spec.factions.index(faction)]
        return "a split (everyone loses)" if faction == "split" else faction
