"""The base of every screen: its pygame_gui buttons with their actions, keyboard focus that
moves over them (Tab, arrows) and presses them (Enter, Space), shortcut keys, text fields
(while one has the keyboard, the screen's letter keys type into it instead of acting), and
hot zones that show a tooltip under the mouse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import pygame
import pygame_gui

from game.ui import draw

if TYPE_CHECKING:
    from game.ui.app import App

Action = Callable[[], None]
T = TypeVar("T")
NEXT_KEYS = (pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT)
PREV_KEYS = (pygame.K_UP, pygame.K_LEFT)
PRESS_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def cycle(values: Sequence[T], current: T, step: int = 1) -> T:
    """The value ``step`` places after ``current`` in ``values``, round the end (the first
    if ``current`` is not there)."""
    items = list(values)
    return items[(items.index(current) + step) % len(items)] if current in items else items[0]


@dataclass
class Entry:
    """A button, what clicking it does, whether keyboard focus may land on it, what pressing
    it with the keyboard does when that differs from a click (``press``), and for a
    selector, how Left and Right step its value (``step``, given -1 or 1)."""

    element: pygame_gui.elements.UIButton
    action: Action
    focusable: bool = True
    press: Action | None = None
    step: Callable[[int], None] | None = None


class Screen:
    """One screen of the game. Subclasses build their widgets in ``build`` (called on entry
    and after a resize), react to events in ``on_event``, and draw in ``draw``."""

    name = "screen"
    arrow_focus = True  # arrows move the focus; screens that use arrows themselves say False
    shows_message = False  # whether the screen shows the app's message (see ``App.go``)

    def __init__(self, app: App) -> None:
        self.app = app
        self.entries: list[Entry] = []
        self.focus = 0
        self.shortcuts: dict[int, Action] = {}
        self.zones: list[tuple[pygame.Rect, str]] = []
        self.fields: dict[str, pygame_gui.elements.UITextEntryLine] = {}
        self._old_fields: dict[str, pygame_gui.elements.UITextEntryLine] = {}
        self.foot = app.window.get_height()  # the top of the buttons at the screen's foot
        self.message_shown: str | None = None  # the app's message when the screen was entered

    # --- life cycle -----------------------------------------------------------------------

    def enter(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Drop every widget and build the screen again (after a resize, a new theme...); a
        text field built again keeps its text and the keyboard."""
        for entry in self.entries:
            entry.element.kill()
        self.entries, self.shortcuts = [], {}
        self._old_fields, self.fields = self.fields, {}
        self.build()
        for name, field in self._old_fields.items():
            if self.fields.get(name) is not field:
                field.kill()
        self._old_fields = {}
        self.focus = min(self.focus, max(len(self.entries) - 1, 0))

    def leave(self) -> None:
        for entry in self.entries:
            entry.element.kill()
        for field in self.fields.values():
            field.kill()
        self.entries, self.fields = [], {}

    def closing(self) -> None:
        """The window is closing: finish what the game's autosave must hold."""

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

    def selector(
        self,
        rect: pygame.Rect,
        text: str,
        step: Callable[[int], None],
        tooltip: str,
        enabled: bool = True,
    ) -> None:
        """A value chosen from a cycle, both ways: a ◂ button (the previous value), then a
        button showing the value (a click, Enter or Space: the next one); with the keyboard
        focus on it, Left and Right step back and forth. Its text is cut to fit, and its
        tooltip says it whole."""
        side = rect.h
        tip = f"{text}. {tooltip} ◂ or Left: the previous choice; ▸, Right or Enter: the next."
        self.button(
            pygame.Rect(rect.x, rect.y, side, rect.h),
            "◂",
            partial(self._step_back, len(self.entries) + 1, step),
            tooltip=tip,
            enabled=enabled,
            focusable=False,
        )
        width = rect.w - side - 4
        label = draw.fit(self.app.theme, text, width - 40) + "  ▸"
        main = pygame.Rect(rect.x + side + 4, rect.y, width, rect.h)
        self.button(main, label, partial(step, 1), tooltip=tip, enabled=enabled)
        self.entries[-1].step = step

    def _step_back(self, selector: int, step: Callable[[int], None]) -> None:
        """A selector's ◂: the keyboard focus goes to the selector, its value steps back."""
        self.focus = selector
        step(-1)

    def foot_rects(self, rect: pygame.Rect, labels: list[str]) -> list[pygame.Rect]:
        """Buttons for ``labels`` in as many rows as they need at the foot of ``rect``
        (``draw.row_rects``); the screen's content ends above them, at ``foot``."""
        rects = draw.row_rects(self.app.theme, rect, labels)
        self.foot = min(r.y for r in rects)
        return rects

    def text_field(
        self, name: str, rect: pygame.Rect, text: str, placeholder: str, numbers: bool = False
    ) -> pygame_gui.elements.UITextEntryLine:
        """The one-line text field ``name`` (digits only with ``numbers``), holding ``text``
        when new; built again, it is moved, and keeps its text, cursor and keyboard. The
        screen hears of each change in ``field_changed`` and of the keys it does not type in
        ``field_key``."""
        field = self._old_fields.get(name)
        if field is not None and field.alive() and field.ui_manager is self.app.manager:
            field.set_relative_position(rect.topleft)
            field.set_dimensions(rect.size)
        else:
            field = pygame_gui.elements.UITextEntryLine(
                rect, self.app.manager, placeholder_text=placeholder
            )
            if numbers:
                field.set_allowed_characters("numbers")
            if text:
                field.set_text(text)
        self.fields[name] = field
        return field

    @property
    def typing(self) -> bool:
        """A text field has the keyboard: letters type, they press no button."""
        return any(field.alive() and field.is_focused for field in self.fields.values())

    def type_into(self, field: pygame_gui.elements.UITextEntryLine) -> None:
        """Give ``field`` the keyboard."""
        self.app.manager.set_focus_set(field)

    def stop_typing(self) -> None:
        """Take the keyboard from every text field."""
        self.app.manager.set_focus_set(None)

    def field_changed(self, field: pygame_gui.elements.UITextEntryLine, text: str) -> None:
        """The text of ``field`` changed (typed, deleted, pasted)."""

    def field_key(self, event: pygame.event.Event) -> None:
        """A key pressed while a text field has the keyboard; Enter, Esc and Tab (which a
        field does not use) give the keyboard back to the screen's buttons."""
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB):
            self.stop_typing()

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
            for i, entry in enumerate(self.entries):
                if entry.element is event.ui_element:
                    if entry.focusable:  # the keyboard goes on from the button clicked
                        self.focus = i
                    entry.action()
                    return
        mine = any(event.__dict__.get("ui_element") is f for f in self.fields.values())
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and mine:
            self.field_changed(event.ui_element, event.text)
            return
        if event.type == pygame.KEYDOWN and self.typing:
            self.field_key(event)
            return
        if self.on_event(event):
            return
        if event.type == pygame.KEYDOWN:
            self._key(event)

    def _key(self, event: pygame.event.Event) -> None:
        focusable = [i for i, e in enumerate(self.entries) if e.focusable and e.element.alive()]
        back = event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
        stepping = self.entries[self.focus].step if self.focus in focusable else None
        if event.key in self.shortcuts:
            self.shortcuts[event.key]()
        elif stepping is not None and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            stepping(1 if event.key == pygame.K_RIGHT else -1)
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
        """The keyboard focus: a thick frame around the focused button, or around the text
        field that has the keyboard."""
        typing = [f for f in self.fields.values() if f.alive() and f.is_focused]
        if typing:
            pygame.draw.rect(surface, self.app.theme.colour("red"), typing[0].rect.inflate(6, 6), 3)
            return
        if not self.entries or self.focus >= len(self.entries):
            return
        entry = self.entries[self.focus]
        if not entry.focusable or not entry.element.alive():
            return
        rect = entry.element.rect.inflate(6, 6)
        pygame.draw.rect(surface, self.app.theme.colour("red"), rect, 3)
