"""The counterfactual lab: choose two scenarios (BASE, OTHER), the number of runs, the AI and
the seed; run the paired comparison in a background process group with a progress bar (the
window keeps drawing; Esc cancels at once), then show its results."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.analysis.background import BackgroundBatches, BatchFailed
from game.analysis.lab import AI_CHOICES, LabSetup, default_ai, lab_summary, run_rows
from game.analysis.runs import Loaded
from game.ui import draw, flow
from game.ui.app import App
from game.ui.screen import Screen, cycle
from game.ui.screens.new_game import SCENARIOS, load_cached, scenario_files

RUN_CHOICES = (200, 1000, 10000)


def ai_label(ai: str, historicity: float) -> str:
    return ai if ai != "historical" else f"historical, historicity {historicity:g}"


class LabScreen(Screen):
    name = "lab"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.files = scenario_files(SCENARIOS)
        if app.options.scenario.resolve() not in [p.resolve() for p in self.files]:
            self.files.insert(0, app.options.scenario)
        self.base = 0
        self.other = next(
            (i for i, p in enumerate(self.files) if "counterfactuals" in p.parts), 1
        ) % len(self.files)
        self.cache: dict[Path, Loaded | str] = {}
        self.runs = RUN_CHOICES[1]
        self.seed = 1
        self.ai = self._default_ai()
        self.batches: BackgroundBatches | None = None
        self.setup: LabSetup | None = None
        self.error: str | None = None

    def loaded(self, index: int) -> Loaded | str:
        """A scenario of the list, loaded once; a string says why it cannot be."""
        return load_cached(self.cache, self.files[index])

    def _default_ai(self) -> tuple[str, float]:
        other = self.loaded(self.other)
        return AI_CHOICES[0] if isinstance(other, str) else default_ai(other)

    # --- widgets --------------------------------------------------------------------------

    def build(self) -> None:
        w, h = self.app.window.get_size()
        x, y, bw, bh, gap = 24, 76, int(w * 0.5), 38, 8
        idle = self.batches is None
        rows = [
            (f"Base: {self._label(self.base)}", self._step_base, "The scenario compared with."),
            (f"Other: {self._label(self.other)}", self._step_other, "The changed scenario."),
            (f"Runs: {self.runs:,} of each", self._step_runs, "More runs, narrower intervals."),
            (
                f"AI: {ai_label(*self.ai)}",
                self._step_ai,
                "How the computer plays every faction: by its personality (standard), or "
                "pulled toward what it really did (historical).",
            ),
            (f"Seed: {self.seed}", self._step_seed, "Another seed, other random draws."),
        ]
        for i, (text, step, tip) in enumerate(rows):
            rect = pygame.Rect(x, y + i * (bh + gap), bw, bh)
            self.selector(rect, text, step, tip, enabled=idle)
        ready = idle and all(not isinstance(self.loaded(i), str) for i in (self.base, self.other))
        labels = ["Run the comparison  [Enter]", "Back  [Esc]" if idle else "Cancel  [Esc]"]
        run, back = self.foot_rects(pygame.Rect(x, 0, bw, h - 16), labels)
        self.button(
            run, labels[0], self._run, key=pygame.K_RETURN, enabled=ready, object_id="@poster"
        )
        self.button(back, labels[1], self._back, key=pygame.K_ESCAPE)

    def _label(self, index: int) -> str:
        path = self.files[index]
        shown = path.relative_to(SCENARIOS) if path.is_relative_to(SCENARIOS) else path.name
        return str(shown)

    def _step_base(self, step: int) -> None:
        self.base = (self.base + step) % len(self.files)
        self.rebuild()

    def _step_other(self, step: int) -> None:
        self.other = (self.other + step) % len(self.files)
        self.ai = self._default_ai()
        self.rebuild()

    def _step_runs(self, step: int) -> None:
        self.runs = cycle(RUN_CHOICES, self.runs, step)
        self.rebuild()

    def _step_ai(self, step: int) -> None:
        choices = list(AI_CHOICES) if self.ai in AI_CHOICES else [self.ai, *AI_CHOICES]
        self.ai = cycle(choices, self.ai, step)
        self.rebuild()

    def _step_seed(self, step: int) -> None:
        self.seed = max(self.seed + step, 0)
        self.rebuild()

    # --- running --------------------------------------------------------------------------

    def _run(self) -> None:
        base, other = self.loaded(self.base), self.loaded(self.other)
        assert not isinstance(base, str) and not isinstance(other, str)
        self.setup = LabSetup(base, other, self.runs, self.ai[0], self.ai[1], self.seed)
        self.error = None
        self.batches = BackgroundBatches(self.setup.arms())
        self.rebuild()

    def _back(self) -> None:
        if self.batches is None:
            flow.title(self.app)
        else:
            self._stop()
            self.rebuild()

    def _stop(self) -> None:
        if self.batches is not None:
            self.batches.cancel()
            self.batches = None

    def leave(self) -> None:
        self._stop()
        super().leave()

    def update(self, dt: float) -> None:
        if self.batches is None or self.setup is None:
            return
        try:
            results = self.batches.result()
        except BatchFailed as error:
            self.error = f"The comparison failed: {error}"
            self.batches = None
            self.rebuild()
            return
        if results is not None:
            self.batches = None
            setup = self.setup
            flow.lab_results(
                self.app, setup, lab_summary(setup, results), run_rows(setup, results), self
            )

    # --- drawing --------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        self.zones = []
        draw.page(surface, theme, "THE COUNTERFACTUAL LAB")
        w, h = surface.get_size()
        rect = pygame.Rect(int(w * 0.5) + 48, 76, w - int(w * 0.5) - 72, h - 140)
        top = draw.panel(surface, theme, rect, "The question")
        inner = pygame.Rect(rect.x + 12, top + 6, rect.w - 24, rect.bottom - top - 12)
        self._question(surface, inner)
        status = pygame.Rect(24, 76 + 5 * 46 + 16, int(w * 0.5), self.foot - 76 - 5 * 46 - 24)
        if self.batches is not None:
            text = (
                f"Playing {2 * self.runs:,} games on all cores…  {100 * self.batches.fraction:.0f}%"
            )
            line = draw.fit(theme, text, status.w)
            surface.blit(theme.text(line, "body", face="bold"), status.topleft)
            gauge = pygame.Rect(status.x, status.y + 26, status.w, 18)
            draw.bar(surface, theme, gauge, self.batches.fraction, theme.colour("red"))
            if line != text:
                self.zone(gauge.union(pygame.Rect(status.topleft, (status.w, 24))), text)
            return
        text = self.error or (
            "Run i of both scenarios draws the same chances, so the two arms differ only "
            "by the change: every difference is reported with its 95% interval, and "
            "marked when it survives Holm's correction."
        )
        colour = theme.colour("red" if self.error else "muted")
        draw.text_block(
            surface,
            theme,
            text,
            status.topleft,
            status.w,
            "small",
            colour,
            bottom=status.bottom,
            zone=self.zone,
        )

    def _question(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Each scenario's title and question (or description), then the counterfactual's
        framing, cut where the panel ends (whole in their tooltips)."""
        theme = self.app.theme
        column = draw.Column(surface, theme, rect, self.zone)
        for role, index in (("Base", self.base), ("Other", self.other)):
            got = self.loaded(index)
            if isinstance(got, str):
                text = f"{role}: {self.files[index].name} {got}"
                column.add(text, colour=theme.colour("red"), lines=4)
                continue
            column.add(f"{role}: {got.spec.title}", 0, "body", face="bold")
            counterfactual = got.source.model.counterfactual
            text = counterfactual.question if counterfactual else got.source.model.description
            column.add(text, 2, lines=6)
            column.y += 10
        other = self.loaded(self.other)
        if not isinstance(other, str) and other.source.model.counterfactual:
            framing = other.source.model.counterfactual.framing
            column.add(framing, colour=theme.colour("muted"), lines=12)
