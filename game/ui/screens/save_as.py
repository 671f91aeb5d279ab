"""Saving the game under a name the player types (a class's games told apart by name, not by
time stamp): an empty field saves under a time-stamped name (said above it), Enter saves, Esc goes
back to the game menu. A name already used is refused, never overwritten; so is one that
could not be a file's name."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pygame
import pygame_gui

from game.play.saves import save_path, write_save
from game.ui import draw
from game.ui.app import App
from game.ui.screen import Screen

NAME = re.compile(r"[\w][\w .-]{0,59}")  # letters, digits, spaces, dots, dashes; no path


class SaveAsScreen(Screen):
    name = "save_as"
    shows_message = True

    def __init__(self, app: App, menu: Screen, then: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.menu = menu
        self.then = then  # what follows a save (Save and leave: the title); else the menu
        self.problem = ""
        self.default = time.strftime("game-%Y%m%d-%H%M%S")

    def enter(self) -> None:
        """The text of the key that opened this screen (S in the game menu) waits in the
        queue; it is dropped, so the field starts empty."""
        self.app.pending = [e for e in self.app.pending if e.type != pygame.TEXTINPUT]
        pygame.event.clear(pygame.TEXTINPUT)
        super().enter()

    def build(self) -> None:
        w, h = self.app.window.get_size()
        width = min(w - 80, int(560 * self.app.theme.scale))
        x, y, row = (w - width) // 2, int(h * 0.3), self.app.theme.row() + 14
        field = self.text_field("name", pygame.Rect(x, y, width, row), "", self.default)
        self.button(pygame.Rect(x, y + row + 16, width // 2 - 8, row), "Save  [Enter]", self.save)
        self.button(
            pygame.Rect(x + width // 2 + 8, y + row + 16, width // 2 - 8, row),
            "Back  [Esc]",
            lambda: self.app.go(self.menu),
            key=pygame.K_ESCAPE,
        )
        self.type_into(field)

    def field_key(self, event: pygame.event.Event) -> None:
        """Enter in the field saves; Esc goes back."""
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.save()
        elif event.key == pygame.K_ESCAPE:
            self.app.go(self.menu)

    def field_changed(self, field: pygame_gui.elements.UITextEntryLine, text: str) -> None:
        self.problem = ""

    def save(self) -> None:
        """Save under the name typed, then back to the game menu, which says where."""
        match = self.app.match
        assert match is not None
        name = self.fields["name"].get_text().strip() or self.default
        if not NAME.fullmatch(name):
            self.problem = "A name of letters, digits, spaces, dots and dashes, at most 60."
            return
        if name == "autosave" or save_path(name).exists():
            self.problem = f"A save named {name} exists already: choose another name."
            return
        try:
            path = write_save(match, name)
        except OSError as error:
            self.problem = f"The game could not be saved: {error}"
            return
        match.kept = len(match.history)
        self.app.message = f"Saved as {path.stem} in {path.parent}."
        if self.then is not None:
            self.then()
        else:
            self.app.go(self.menu)

    def draw(self, surface: pygame.Surface) -> None:
        """The heading and, above the field, the hint or the reason a name was refused."""
        theme = self.app.theme
        draw.poster_background(surface, theme)
        w, h = surface.get_size()
        ink = theme.colour("ink")
        hint = self.problem or (
            f"Type a name for this save, or leave it empty to save as {self.default}. "
            "A name in use is refused: nothing is overwritten." + self._unplanned()
        )
        colour = theme.colour("red") if self.problem else ink
        lines = draw.wrap(theme, hint, min(w - 80, int(560 * theme.scale)), "small")
        step = theme.font("small").get_linesize()
        y = int(h * 0.3) - 10 - len(lines) * step
        heading = theme.text("SAVE THE GAME", "heading", ink, "poster")
        surface.blit(heading, ((w - heading.get_width()) // 2, y - heading.get_height() - 12))
        for i, line in enumerate(lines):
            image = theme.text(line, "small", colour)
            surface.blit(image, ((w - image.get_width()) // 2, y + i * step))

    def _unplanned(self) -> str:
        """A save holds the game as the quarter began: the actions planned are not in it."""
        match = self.app.match
        planned = match is not None and any(match.plans.values())
        return (
            " The actions planned this quarter are not saved: plan them again after a load."
            if planned
            else ""
        )
