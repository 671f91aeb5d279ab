"""The base of every screen: its pygame_gui buttons with their actions, keyboard focus that
moves over them (Tab, arrows) and presses them (Enter, Space), shortcut keys, and hot zones
that show a tooltip under the mouse."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame
import pygame_gui

if TYPE_CHECKING:
    from game.ui.app import App

Action = Callable[[], None]
NEXT_KEYS = (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)
PRESS_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


@dataclass
class Entry:
    """A button, what clicking it does, whether keyboard focus may land on it, and what
    pressing it with the keyboard does when that differs from a click (``press``)."""

    element: pygame_gui.elements.UIButton
    action: Action
    focusable: bool = True
    press: Action | None = None


class Screen:
    """One screen of the game. Subclasses build their widgets in ``build`` (called on entry
    and after a resize), react to events in ``on_event``, and draw in ``draw``."""

    name = "screen"
    arrow_focus = True  # arrows move the focus; screens that use arrows themselves say False

    def __init__(self, app: App) -> None:
        self.app = app
        self.entries: list[Entry] = []
        self.focus = 0
        self.shortcuts: dict[int, Action] = {}
        self.zones: list[tuple[pygame.Rect, str]] = []

    # --- life cycle -----------------------------------------------------------------------

    def enter(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Drop every widget and build the screen again (after a resize, a new theme...)."""
        for entry in self.entries:
            entry.element.kill()
        self.entries = []
        self.shortcuts = {}
        self.build()
        self.focus = min(self.focus, max(len(self.entries) - 1, 0))

    def leave(self) -> None:
        for entry in self.entries:
            entry.element.kill()
        self.entries = []

    def build(self) -> None:
        """Create the screen's widgets for the current window size."""

    def update(self, dt: float) -> None:
        """Advance animations and background work by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw everything that is not a pygame_gui widget, under the widgets."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw what must lie above the widgets (notes, overlays)."""

    def on_event(self, event: pygame.event.Event) -> bool:
        """Handle an event the base class did not; True if it was used."""
        return False

    # --- widgets --------------------------------------------------------------------------

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action,
        tooltip: str | None = None,
        key: int | None = None,
        enabled: bool = True,
        object_id: str | None = None,
        focusable: bool = True,
        press: Action | None = None,
    ) -> pygame_gui.elements.UIButton:
        """A button that runs ``action`` when clicked, pressed with the keyboard focus on it,
        or (given ``key``) by that shortcut key; ``press``, if given, is what Enter or Space
        on it does instead (a shortcut for keyboard players)."""
        element = pygame_gui.elements.UIButton(
            rect, text, self.app.manager, tool_tip_text=tooltip, object_id=object_id
        )
        if not enabled:
            element.disable()
        self.entries.append(Entry(element, action, focusable and enabled, press))
        if key is not None and enabled:
            self.shortcuts[key] = action
        return element

    def zone(self, rect: pygame.Rect, text: str) -> None:
        """A hot zone: hovering ``rect`` shows ``text`` as a tooltip."""
        self.zones.append((rect, text))

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        for rect, text in reversed(self.zones):
            if rect.collidepoint(pos):
                return text
        return None

    # --- events ---------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for entry in self.entries:
                if entry.element is event.ui_element:
                    entry.action()
                    return
        if self.on_event(event):
            return
        if event.type == pygame.KEYDOWN:
            self._key(event)

    def _key(self, event: pygame.event.Event) -> None:
        focusable = [i for i, e in enumerate(self.entries) if e.focusable and e.element.alive()]
        back = event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
        if event.key in self.shortcuts:
            self.shortcuts[event.key]()
        elif focusable and (back or (self.arrow_focus and event.key in PREV_KEYS)):
            self._move(focusable, -1)
        elif focusable and (
            event.key == pygame.K_TAB or (self.arrow_focus and event.key in NEXT_KEYS)
        ):
            self._move(focusable, 1)
        elif focusable and event.key in PRESS_KEYS:
            if self.focus not in focusable:
                self.focus = focusable[0]
            entry = self.entries[self.focus]
            (entry.press or entry.action)()

    def _move(self, focusable: list[int], step: int) -> None:
        if self.focus not in focusable:
            self.focus = focusable[0] if step > 0 else focusable[-1]
        else:
            at = focusable.index(self.focus)
            self.focus = focusable[(at + step) % len(focusable)]
        self.focus_moved()

    def focus_moved(self) -> None:
        """The keyboard focus moved to another button (a screen may preview what it does)."""

    def focus_on(self, element: pygame_gui.elements.UIButton) -> None:
        for i, entry in enumerate(self.entries):
            if entry.element is element:
                self.focus = i

    def draw_focus(self, surface: pygame.Surface) -> None:
        """The keyboard focus: a thick frame around the focused button."""
        if not self.entries or self.focus >= len(self.entries):
            return
        entry = self.entries[self.focus]
        if not entry.focusable or not entry.element.alive():
            return
        rect = entry.element.rect.inflate(6, 6)
        pygame.draw.rect(surface, self.app.theme.colour("red"), rect, 3)
