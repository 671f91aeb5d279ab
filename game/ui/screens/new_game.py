"""The new-game screen: the scenario (the campaign, its counterfactuals and ablations), the
faction you lead, who else is human at this machine (hot-seat), the AI's difficulty, the
guided opening and the dice: fresh for each game, or one seed a teacher gives the whole
class so that its groups' games can be compared fairly."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pygame
import pygame_gui

from game.analysis.runs import Loaded, load
from game.play.match import DIFFICULTIES, Setup
from game.resources import scenarios_dir
from game.scenario.errors import ScenarioError
from game.ui import draw, flow
from game.ui.app import App
from game.ui.screen import Screen, cycle

SCENARIOS = scenarios_dir()


def scenario_files(folder: Path = SCENARIOS) -> list[Path]:
    """Every scenario file under ``folder`` (not the class exercises, which name scenarios,
    nor the sensitivity analyses): the campaign first, then the others by name."""
    found = sorted(
        p
        for p in folder.rglob("*.yaml")
        if not {"exercises", "analyses"} & set(p.relative_to(folder).parts)
    )
    return sorted(
        found, key=lambda p: (p.parent != folder, p.name != "1922_succession.yaml", str(p))
    )


def load_cached(cache: dict[Path, Loaded | str], path: Path) -> Loaded | str:
    """The scenario at ``path``, loaded once into ``cache``; a string says why it cannot be."""
    if path not in cache:
        try:
            cache[path] = load(path)
        except (ScenarioError, OSError) as error:
            cache[path] = f"cannot be loaded: {error}"
    return cache[path]


class NewGameScreen(Screen):
    name = "new_game"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.files = scenario_files()
        chosen = app.options.scenario.resolve()
        self.file_index = next((i for i, p in enumerate(self.files) if p.resolve() == chosen), 0)
        if chosen not in [p.resolve() for p in self.files]:
            self.files.insert(0, app.options.scenario)
            self.file_index = 0
        self.cache: dict[Path, Loaded | str] = {}
        self.humans: set[str] = set()
        self.lead: str | None = app.options.faction
        self.difficulty = "normal"
        self.guided = app.settings.guided

    def loaded(self) -> Loaded | str:
        """The chosen scenario, loaded once; a string says why it cannot be."""
        return load_cached(self.cache, self.files[self.file_index])

    def factions(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        got = self.loaded()
        if isinstance(got, str):
            return (), ()
        return got.spec.factions, got.spec.faction_names

    def build(self) -> None:
        ids, names = self.factions()
        if ids and self.lead not in ids:
            self.lead = ids[0]
        self.humans &= set(ids)
        if self.lead:
            self.humans.add(self.lead)
        w, _h = self.app.window.get_size()
        x, y, bw, bh, gap = int(w * 0.08), 120, int(w * 0.5), 36, 8
        rows: list[tuple[str, Callable[[int], None] | Callable[[], None], str, bool]] = [
            (
                f"Scenario: {self._scenario_label()}",
                self._step_scenario,
                "Which scenario to play: the campaign or a counterfactual.",
                True,
            ),
        ]
        if ids:
            lead = names[ids.index(self.lead or ids[0])]
            rows.append((f"You lead: {lead}", self._step_lead, "The faction you play.", True))
            for fid, fname in zip(ids, names, strict=True):
                who = "human" if fid in self.humans else "AI"
                rows.append(
                    (
                        f"   {fname}: {who}",
                        partial(self._toggle_human, fid),
                        "Human players share this machine and take turns (hot-seat).",
                        False,
                    )
                )
        rows.append(
            (
                f"Difficulty: {self.difficulty}",
                self._step_difficulty,
                "How well the AI factions play.",
                True,
            )
        )
        rows.append(
            (
                f"Guided opening: {'on' if self.guided else 'off'}",
                self._toggle_guided,
                "A short guide through the first quarters.",
                False,
            )
        )
        for i, (text, action, tip, stepping) in enumerate(rows):
            rect = pygame.Rect(x, y + i * (bh + gap), bw, bh)
            if stepping:
                self.selector(rect, text, action, tip)  # type: ignore[arg-type]
            else:
                self.button(rect, text, action, tooltip=tip)  # type: ignore[arg-type]
        self._dice_row(pygame.Rect(x, y + len(rows) * (bh + gap), bw, bh))
        by = y + (len(rows) + 1) * (bh + gap) + 16
        self.button(
            pygame.Rect(x, by, bw // 2 - 4, bh + 6),
            "Start  [Enter]",
            self._start,
            key=pygame.K_RETURN,
            enabled=bool(ids),
            object_id="@poster",
        )
        self.button(
            pygame.Rect(x + bw // 2 + 4, by, bw // 2 - 4, bh + 6),
            "Back  [Esc]",
            lambda: flow.title(self.app),
            key=pygame.K_ESCAPE,
        )

    def _dice_row(self, rect: pygame.Rect) -> None:
        """The dice: a button that gives the keyboard to the seed field beside it."""
        half = rect.w * 2 // 5
        self.button(
            pygame.Rect(rect.x, rect.y, half - 4, rect.h),
            "Dice (seed)  [D]",
            lambda: self.type_into(self.seed_field),
            tooltip="Empty: fresh dice for each game. A teacher gives every group the same "
            "seed, so that their games meet the same chances and can be compared fairly.",
            key=pygame.K_d,
        )
        seed = self.app.class_seed
        self.seed_field = self.text_field(
            "seed",
            pygame.Rect(rect.x + half + 4, rect.y, rect.w - half - 4, rect.h),
            "" if seed is None else str(seed),
            "fresh for each game",
            numbers=True,
        )

    def field_changed(self, field: pygame_gui.elements.UITextEntryLine, text: str) -> None:
        """The seed typed is the class's seed for every new game in this window; none, fresh
        dice."""
        self.app.class_seed = int(text[:18]) if text else None

    def _scenario_label(self) -> str:
        path = self.files[self.file_index]
        got = self.loaded()
        title = got.spec.title if not isinstance(got, str) else got
        return f"{path.name} — {title}"

    def _step_scenario(self, step: int) -> None:
        self.file_index = (self.file_index + step) % len(self.files)
        self.rebuild()

    def _step_lead(self, step: int) -> None:
        ids, _ = self.factions()
        if self.lead:
            self.humans.discard(self.lead)
        self.lead = cycle(ids, self.lead or ids[0], step)
        self.rebuild()

    def _toggle_human(self, faction: str) -> None:
        if faction in self.humans and faction != self.lead:
            self.humans.discard(faction)
        else:
            self.humans.add(faction)
        self.rebuild()

    def _step_difficulty(self, step: int) -> None:
        self.difficulty = cycle(DIFFICULTIES, self.difficulty, step)
        self.rebuild()

    def _toggle_guided(self) -> None:
        self.guided = not self.guided
        self.rebuild()

    def _start(self) -> None:
        ids, _ = self.factions()
        humans = tuple(f for f in ids if f in self.humans)
        path = self.files[self.file_index]
        setup = Setup(path, humans, self.difficulty, flow.dice(self.app), self.guided)
        flow.start(self.app, setup)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.page(surface, theme, "A NEW GAME")
        got = self.loaded()
        x = int(surface.get_width() * 0.62)
        width = int(surface.get_width() * 0.33)
        column = draw.Column(
            surface, theme, pygame.Rect(x, 120, width, surface.get_height() - 136), self.zone
        )
        self.zones = []
        if isinstance(got, str):
            column.add(f"This scenario {got}", colour=theme.colour("red"))
            return
        column.add(got.spec.title, 0, "heading", face="bold", lines=4)
        lead = got.spec.factions.index(self.lead) if self.lead in got.spec.factions else 0
        model = got.source.model
        column.add(model.description, 8)
        column.add(f"{got.spec.faction_names[lead]}: {model.factions[lead].description}", 12)
