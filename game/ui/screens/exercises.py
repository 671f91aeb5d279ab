"""The class exercises: each exercise under ``scenarios/exercises`` with its length, its
scenario, the factions the students play and its goals; starting one begins a new game of
its scenario with the students' factions human and the guided opening on."""

from __future__ import annotations

from functools import partial

import pygame

from game.play.exercises import EXERCISES, ExerciseInfo, exercise_list, exercise_setup
from game.ui import draw, flow
from game.ui.app import App
from game.ui.screen import Screen


class ExercisesScreen(Screen):
    name = "exercises"
    arrow_focus = False  # Up and Down choose the exercise

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.items = exercise_list(EXERCISES)
        self.chosen = 0

    @property
    def info(self) -> ExerciseInfo | None:
        """The chosen exercise, or None if there is none or it cannot be read."""
        if not self.items:
            return None
        item = self.items[self.chosen]
        return item if isinstance(item, ExerciseInfo) else None

    def build(self) -> None:
        w, h = self.app.window.get_size()
        x, y, bw, bh = 24, 76, int(w * 0.36), 40
        font = self.app.theme.font("body", "bold")
        for i, item in enumerate(self.items):
            if isinstance(item, ExerciseInfo):
                name = item.exercise.title
                tail = f" · {item.exercise.minutes} min" if item.exercise.minutes else ""
            else:
                name, tail = item[0].name, " (cannot be read)"
            rect = pygame.Rect(x, y + i * (bh + 8), bw, bh)
            label = draw.fit(self.app.theme, name, bw - 16 - font.size(tail)[0]) + tail
            button = self.button(rect, label, partial(self._choose, i), tooltip=name + tail)
            if i == self.chosen:  # the exercise shown is marked in red
                button.select()
                self.focus_on(button)
        labels = ["Start  [Enter]", "Back  [Esc]"]
        start, back = self.foot_rects(pygame.Rect(x, 0, bw, h - 16), labels)
        self.button(
            start,
            labels[0],
            self._start,
            key=pygame.K_RETURN,
            enabled=self.info is not None,
            object_id="@poster",
        )
        self.button(back, labels[1], lambda: flow.title(self.app), key=pygame.K_ESCAPE)

    def _choose(self, index: int) -> None:
        self.chosen = index
        self.rebuild()

    def _start(self) -> None:
        info = self.info
        if info is not None:
            flow.start(self.app, exercise_setup(info, flow.dice(self.app)))

    def on_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN):
            step = 1 if event.key == pygame.K_DOWN else -1
            if self.items:
                self._choose((self.chosen + step) % len(self.items))
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        self.zones = []
        draw.page(surface, theme, "CLASS EXERCISES")
        w, h = surface.get_size()
        rect = pygame.Rect(int(w * 0.36) + 48, 76, w - int(w * 0.36) - 72, h - 140)
        if not self.items:
            draw.text_block(surface, theme, f"No exercises in {EXERCISES}.", rect.topleft, rect.w)
            return
        item = self.items[self.chosen]
        top = draw.panel(surface, theme, rect, "The exercise")
        inner = pygame.Rect(rect.x + 12, top + 6, rect.w - 24, rect.bottom - top - 12)
        if isinstance(item, ExerciseInfo):
            self._details(surface, item, inner)
        else:
            text = f"{item[0]} cannot be read: {item[1]}"
            draw.text_block(
                surface,
                theme,
                text,
                inner.topleft,
                inner.w,
                "small",
                theme.colour("red"),
                bottom=inner.bottom,
                zone=self.zone,
            )

    def _details(self, surface: pygame.Surface, info: ExerciseInfo, rect: pygame.Rect) -> None:
        """The exercise's title, facts, description, change and goals, and what the game
        does at the end, each cut (whole in its tooltip) where the panel ends."""
        exercise = info.exercise
        muted = self.app.theme.colour("muted")
        column = draw.Column(surface, self.app.theme, rect, self.zone)
        column.add(exercise.title, 0, "heading", face="bold")
        facts = [f"Scenario: {info.scenario_title}", f"Students play: {', '.join(info.students)}"]
        if exercise.minutes:
            facts.append(f"About {exercise.minutes} minutes")
        column.add(" · ".join(facts), 2, colour=muted)
        for text in (exercise.description, exercise.change and f"The change: {exercise.change}"):
            if text:
                column.add(text, 8)
        if exercise.goals:
            column.add("Goals", 10, "body", face="bold")
            for goal in exercise.goals:
                column.add(f"• {goal}", 2)
        others = info.computer
        who = (
            f"The computer plays {', '.join(others)}."
            if others
            else "Every faction is played by students; none by the computer."
        )
        note = (
            f"{who} At the end, the game writes a report with the debrief questions and where "
            f"your game falls among {self.app.options.report_runs:,} computer runs of the same "
            "scenario."
        )
        column.add(note, 12, colour=muted)
