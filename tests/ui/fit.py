"""Measuring a screen against its boxes with the fonts, not by eye.

While a screen draws, every line of text it renders (``Theme.text``) is remembered where it is
blitted, on the window or on a layer later blitted onto it (``Canvas``), and so is every box
the drawing helpers draw (panels, cards, header bars). Then ``problems`` lists what does not
fit: a text cut by the edge of its surface or of the window, a text that crosses the border of
a box it lies on, two texts that touch or overlap, a text under a widget, widgets that overlap
each other or a box they are not inside, a button's label wider than the button, a text cut
with an ellipsis with no tooltip giving it whole, and a tooltip (ours or pygame_gui's) that
would leave the window."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pygame
import pygame_gui
import pytest

from game.ui import draw
from game.ui.screen import Screen
from game.ui.theme import Theme

GAP = 3  # pixels that must separate two texts on one line, or they read as one word
LEADING = 2  # pixels two lines' boxes may share (a font's height can exceed its line step)
BUTTON_BORDER = 2  # the theme's border width for buttons


@dataclass(frozen=True)
class Text:
    """A line of text as blitted: where, what, and whether it lay wholly on its surface."""

    rect: pygame.Rect
    text: str
    whole: bool


@dataclass
class Recording:
    """What the screen drew: its texts and its boxes, in window coordinates."""

    texts: list[Text] = field(default_factory=list)
    boxes: list[pygame.Rect] = field(default_factory=list)


RENDERED: dict[int, tuple[pygame.Surface, str]] = {}  # a rendered line's surface -> its text
CUT: set[str] = set()  # every text ``draw.fit`` shortened with an ellipsis
SHOWN: set[tuple[object, ...]] = set()  # the tooltips already found to fit, and where


class Canvas(pygame.Surface):
    """A surface that remembers the texts blitted onto it (and those of any canvas blitted
    onto it, moved to its coordinates) and the boxes drawn on it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recording = Recording()

    def blit(self, source: pygame.Surface, dest: Any, *args: Any, **kwargs: Any) -> pygame.Rect:
        done = super().blit(source, dest, *args, **kwargs)
        x, y = (dest.x, dest.y) if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
        at = pygame.Rect(x, y, *source.get_size())
        mine = self.get_rect()
        if isinstance(source, Canvas):
            for text in source.recording.texts:
                moved = text.rect.move(x, y)
                whole = text.whole and mine.contains(moved)
                self.recording.texts.append(Text(moved, text.text, whole))
            self.recording.boxes += [box.move(x, y) for box in source.recording.boxes]
        known = RENDERED.get(id(source))
        if known is not None and known[0] is source and known[1].strip():
            self.recording.texts.append(Text(at, known[1], mine.contains(at)))
        return done


@contextmanager
def recording(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Within: every surface the screens make is a Canvas, and the drawing helpers' boxes
    are recorded."""
    with monkeypatch.context() as patch:
        patch.setattr(pygame, "Surface", Canvas)
        for name in ("panel", "card", "header_bar", "dark_box", "flat_button"):
            patch.setattr(draw, name, _boxed(getattr(draw, name)))
        yield


def _boxed(helper: Any) -> Any:
    def wrapped(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, *rest: Any) -> Any:
        if isinstance(surface, Canvas):
            surface.recording.boxes.append(pygame.Rect(rect))
        return helper(surface, theme, rect, *rest)

    return wrapped


def remember_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, every line ``Theme.text`` renders is known by its surface, and every
    text ``draw.fit`` cuts is remembered."""
    render, fit = Theme.text, draw.fit

    def cut(theme: Theme, value: str, *args: Any, **kwargs: Any) -> str:
        shown = fit(theme, value, *args, **kwargs)
        if shown != value:
            CUT.add(shown)
        return shown

    monkeypatch.setattr(draw, "fit", cut)

    def text(self: Theme, value: str, *args: Any, **kwargs: Any) -> pygame.Surface:
        surface = render(self, value, *args, **kwargs)
        RENDERED[id(surface)] = (surface, value)
        return surface

    monkeypatch.setattr(Theme, "text", text)


def draw_screen(screen: Screen, monkeypatch: pytest.MonkeyPatch) -> tuple[Recording, Recording]:
    """Build and draw ``screen`` on a canvas the window's size: what it draws under the
    widgets, and what it draws over them (notes)."""
    size = screen.app.window.get_size()
    with recording(monkeypatch):
        screen.rebuild()  # layers and images cached by the screen are drawn again
        under = Canvas(size)
        screen.draw(under)
        over = Canvas(size)
        screen.draw_over(over)
    return under.recording, over.recording


def widgets(screen: Screen) -> list[pygame_gui.core.UIElement]:
    """The screen's live widgets on the window (buttons, text boxes, text fields), not their
    parts (a text box's scroll bar)."""
    root = screen.app.manager.get_root_container()
    kinds = (
        pygame_gui.elements.UIButton,
        pygame_gui.elements.UITextBox,
        pygame_gui.elements.UITextEntryLine,
    )
    return [
        e
        for e in screen.app.manager.get_sprite_group().sprites()
        if isinstance(e, kinds) and e.alive() and e.visible and e.ui_container is root
    ]


def problems(screen: Screen, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Everything on ``screen`` that does not fit, each as a line naming the screen."""
    under, over = draw_screen(screen, monkeypatch)
    window = screen.app.window.get_rect()
    found: list[str] = []
    found += _texts_fit(under, window)
    found += _texts_fit(over, window)
    found += _texts_apart(under.texts) + _texts_apart(over.texts)
    found += _widgets_fit(screen, under, window)
    found += _ellipses_explained(screen, under.texts + over.texts)
    found += _tooltips_fit(screen, window)
    return [f"{screen.name}: {problem}" for problem in found]


def _texts_fit(drawn: Recording, window: pygame.Rect) -> list[str]:
    found = []
    for text in drawn.texts:
        if not text.whole or not window.contains(text.rect):
            found.append(f"{text.text!r} is cut by the edge at {tuple(text.rect)}")
        for box in drawn.boxes:
            if box.colliderect(text.rect) and not box.contains(text.rect):
                found.append(f"{text.text!r} at {tuple(text.rect)} crosses the box {tuple(box)}")
    return found


def _texts_apart(texts: list[Text]) -> list[str]:
    found = []
    for i, a in enumerate(texts):
        for b in texts[:i]:
            if a.rect == b.rect and a.text == b.text:
                continue  # drawn twice in one place
            if a.rect.inflate(2 * GAP, -2 * LEADING).colliderect(b.rect.inflate(0, -2 * LEADING)):
                found.append(f"{b.text!r} and {a.text!r} touch or overlap")
    return found


def _widgets_fit(screen: Screen, drawn: Recording, window: pygame.Rect) -> list[str]:
    found = []
    live = widgets(screen)
    for i, element in enumerate(live):
        rect = element.rect
        name = getattr(element, "text", type(element).__name__)
        if not window.contains(rect):
            found.append(f"the widget {name!r} leaves the window at {tuple(rect)}")
        for other in live[:i]:
            if rect.colliderect(other.rect):
                found.append(f"the widgets {getattr(other, 'text', '')!r} and {name!r} overlap")
        for box in drawn.boxes:
            if box.colliderect(rect) and not box.contains(rect):
                found.append(f"the widget {name!r} at {tuple(rect)} crosses the box {tuple(box)}")
        for text in drawn.texts:
            if rect.colliderect(text.rect):
                found.append(f"{text.text!r} lies under the widget {name!r}")
        if isinstance(element, pygame_gui.elements.UIButton):
            found += _label_fits(element)
    return found


def _label_fits(button: pygame_gui.elements.UIButton) -> list[str]:
    width, height = button.font.size(button.text)
    room = button.rect.w - 2 * BUTTON_BORDER - 2
    if width > room or height > button.rect.h - 2 * BUTTON_BORDER:
        return [f"the label {button.text!r} ({width} px) does not fit its button ({room} px)"]
    return []


def _said(stem: str, tip: str | None) -> bool:
    """Whether a tooltip says the part kept of a cut text (any case and spacing)."""
    return " ".join(stem.casefold().split()) in " ".join((tip or "").casefold().split())


def _cut(text: str) -> str | None:
    """The part of ``text`` kept by a cut (``draw.fit``), which its tooltip must say whole;
    None if it was not cut."""
    for shown in CUT:
        if shown in text:
            return shown.removesuffix("…").strip().lstrip("▸✕ ").strip()
    return None


def _ellipses_explained(screen: Screen, texts: list[Text]) -> list[str]:
    found = []
    for element in widgets(screen):
        label = getattr(element, "text", "")
        stem = _cut(label)
        if stem is not None and not _said(stem, element.tool_tip_text):
            found.append(f"the button {label!r} is cut, and its tooltip does not say it whole")
    for text in texts:
        stem = _cut(text.text)
        if stem is None:
            continue
        tips = [tip for rect, tip in screen.zones if rect.collidepoint(text.rect.center)]
        if not any(_said(stem, tip) for tip in tips):
            found.append(f"{text.text!r} is cut, and no tooltip over it says it whole")
    return found


def _tooltips_fit(screen: Screen, window: pygame.Rect) -> list[str]:
    """Our tooltips shown at each zone's far corners, and pygame_gui's at each button's right
    end, stay inside the window."""
    found = []
    theme = screen.app.theme
    for rect, tip in screen.zones:
        for pos in (rect.topleft, (rect.right - 1, rect.bottom - 1)):
            if not window.collidepoint(pos) or (tip, pos, window.size) in SHOWN:
                continue
            SHOWN.add((tip, pos, window.size))
            canvas = Canvas(window.size)
            draw.tooltip(canvas, theme, tip, pos)
            for text in canvas.recording.texts:
                if not text.whole:
                    found.append(f"the tooltip {tip[:40]!r} at {pos} leaves the window")
                    break
    for element in widgets(screen):
        tip = getattr(element, "tool_tip_text", None)
        if not tip or not isinstance(element, pygame_gui.elements.UIButton):
            continue
        if (tip, tuple(element.rect), window.size) in SHOWN:
            continue
        SHOWN.add((tip, tuple(element.rect), window.size))
        shown = screen.app.manager.create_tool_tip(
            text=tip,
            position=(element.rect.right - 1, element.rect.centery),
            hover_distance=(0, element.rect.h // 2),
            parent_element=element,
            object_id=None,
        )
        if not window.contains(shown.rect):
            found.append(f"the tooltip {tip[:40]!r} of {element.text!r} leaves the window")
        shown.kill()
    return found
