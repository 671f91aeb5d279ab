"""A run of the lab played again in the window, quarter by quarter: the board as the quarter
left it and that quarter's news (actions, events, votes with their reasons, history's
checkpoints). Left/Right step back and forth, Home/End go to the first and last quarter,
Esc returns to the list of runs. The run is rebuilt in a thread from (scenario, seed, run
index, policies, historicity), keeping one state per quarter, so stepping is instant."""

from __future__ import annotations

import pygame
import pygame_gui

from game.analysis.lab import LabSetup
from game.play.replay import Frame, replay_frames
from game.ui import board_view, draw, faction_panel, map_view
from game.ui.app import App
from game.ui.board_layout import MIDDLE, board_rects
from game.ui.board_text import quarter_html, quarter_name
from game.ui.screen import Screen
from game.ui.screens.lab import ai_label
from game.ui.text_box import ScrollingTextBox
from game.ui.worker import Worker

ARMS = ("base", "other")


class ReplayScreen(Screen):
    name = "replay"
    arrow_focus = False  # Left and Right step through the quarters

    def __init__(self, app: App, setup: LabSetup, arm: int, run: int, back: Screen) -> None:
        super().__init__(app)
        self.loaded = setup.other if arm else setup.base
        self.arm = arm
        self.run = run
        self.setup = setup
        self.back = back
        self.worker: Worker[list[Frame]] | None = Worker(
            lambda: replay_frames(self.loaded, setup.seed, run, setup.ai, setup.historicity)
        )
        self.frames: list[Frame] = []
        self.turn = 0
        self.news: pygame_gui.elements.UITextBox | None = None
        self.layer: pygame.Surface | None = None

    def rects(self) -> dict[str, pygame.Rect]:
        """The board's panels, the factions' as high as the quarter shown needs."""
        size, theme, spec = self.app.window.get_size(), self.app.theme, self.loaded.spec
        lines = 2
        if self.frames:
            view = board_view.View(spec, self.frames[self.turn].state, theme, self.zone)
            lines = faction_panel.count_lines(view, int(size[0] * MIDDLE))
        return board_rects(size, theme, len(spec.offices), lines)

    def build(self) -> None:
        self.layer = None
        right = self.rects()["actions"]
        keys = (
            ("◂ Back  [←]", lambda: self.step(-1), pygame.K_LEFT, True),
            ("Next  [→] ▸", lambda: self.step(1), pygame.K_RIGHT, True),
            ("First  [Home]", lambda: self.go_to(0), pygame.K_HOME, True),
            ("Last  [End]", lambda: self.go_to(len(self.frames) - 1), pygame.K_END, True),
            ("Back to the runs  [Esc]", lambda: self.app.go(self.back), pygame.K_ESCAPE, False),
        )
        rects = draw.row_rects(self.app.theme, right, [text for text, *_ in keys])
        for rect, (text, action, key, stepping) in zip(rects, keys, strict=True):
            enabled = bool(self.frames) or not stepping
            self.button(rect, text, action, key=key, enabled=enabled)
        top = min(rect.y for rect in rects)
        self._news(pygame.Rect(right.x, right.y, right.w, top - 8 - right.y))

    def _news(self, rect: pygame.Rect) -> None:
        if self.news is not None:
            self.news.kill()
        if self.frames:
            html = quarter_html(self.loaded.spec, self.frames[self.turn].report)
        else:
            html = f"<b>Playing run {self.run} again…</b>"
        self.news = ScrollingTextBox(html, rect, self.app.manager, object_id="#news")

    def leave(self) -> None:
        if self.news is not None:
            self.news.kill()
            self.news = None
        super().leave()

    def step(self, by: int) -> None:
        self.go_to(self.turn + by)

    def go_to(self, turn: int) -> None:
        """Show the quarter ``turn`` (kept within the run)."""
        if self.frames:
            self.turn = min(max(turn, 0), len(self.frames) - 1)
            self.rebuild()

    def update(self, dt: float) -> None:
        if self.worker is not None and self.worker.done:
            self.frames = self.worker.result()
            self.worker = None
            self.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        if self.layer is None or self.layer.get_size() != surface.get_size():
            self.layer = self._draw_layer(surface.get_size())
        surface.blit(self.layer, (0, 0))

    def _draw_layer(self, size: tuple[int, int]) -> pygame.Surface:
        layer = pygame.Surface(size)
        self.zones = []
        theme = self.app.theme
        draw.poster_background(layer, theme)
        r = self.rects()
        if not self.frames:
            draw.header_bar(layer, theme, r["header"], f"RUN {self.run}: PLAYING IT AGAIN…")
            return layer
        spec = self.loaded.spec
        view = board_view.View(spec, self.frames[self.turn].state, theme, self.zone)
        label = quarter_name(spec.quarter_labels[self.turn])
        where = f"{self.turn + 1} of {len(self.frames)}"
        titles = [
            f"{label} · {where} · run {self.run}, {ARMS[self.arm]}",
            f"{label} · {self.turn + 1}/{len(self.frames)} · run {self.run}",
            f"{label} · {self.turn + 1}/{len(self.frames)}",
        ]
        board_view.draw_header(layer, view, r["header"], self.turn, titles, ((),))
        map_view.draw_map(layer, view, r["map"])
        board_view.draw_politburo(layer, view, r["politburo"])
        board_view.draw_central_committee(layer, view, r["cc"])
        board_view.draw_offices(layer, view, r["offices"])
        faction_panel.draw_factions(layer, view, r["factions"], -1)
        note = (
            f"{spec.title}. The board as the quarter left it; every faction played by the "
            f"computer ({ai_label(self.setup.ai, self.setup.historicity)}), seed "
            f"{self.setup.seed}."
        )
        draw.text_block(
            layer,
            theme,
            note,
            r["news"].topleft,
            r["news"].w,
            "small",
            bottom=r["news"].bottom,
            zone=self.zone,
        )
        return layer
