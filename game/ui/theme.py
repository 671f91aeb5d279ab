"""The look, as data: palettes (the poster palette and a colour-blind-safe one), the fonts
shipped in ``assets/fonts`` (found through ``game.resources``), text sizes, window sizes, and
the pygame_gui theme built from them. Fonts and rendered text are cached, since the board
redraws every frame."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.resources import fonts_dir

FONTS = fonts_dir()
FONT_FILES = {
    "regular": FONTS / "DejaVuSans.ttf",
    "bold": FONTS / "DejaVuSans-Bold.ttf",
    "poster": FONTS / "DejaVuSansCondensed-Bold.ttf",
}
WINDOW_SIZES = ((1280, 720), (1600, 900), (1920, 1080))
TEXT_SIZES = {"small": 0.85, "normal": 1.0, "large": 1.2}
BASE_HEIGHT, MAX_GROWTH = 720, 1.3  # text grows with the window's height, up to 30 % more
BASE_SIZES = {"small": 12, "body": 14, "heading": 18, "title": 28, "poster": 64}
TOOLTIP_WIDTH = 360  # the widest a tooltip grows, ours and pygame_gui's
Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    """The colours of one look. ``factions`` overrides the scenario's faction colours (the
    colour-blind-safe palette does); ``yes`` and ``no`` colour votes."""

    name: str
    paper: str
    paper_dark: str
    ink: str
    red: str
    accent: str
    muted: str
    yes: str
    no: str
    unaligned: str
    factions: tuple[str, ...] | None


PALETTES = {
    "poster": Palette(
        "poster",
        paper="#efe4cc",
        paper_dark="#dccba6",
        ink="#17130f",
        red="#b0141c",
        accent="#c8871e",
        muted="#7a6e5a",
        yes="#2f6b2f",
        no="#b0141c",
        unaligned="#a89f8c",
        factions=None,
    ),
    # Okabe and Ito's palette: told apart under the common kinds of colour blindness.
    "colour-blind": Palette(
        "colour-blind",
        paper="#f3ecdc",
        paper_dark="#ddd2ba",
        ink="#111111",
        red="#d55e00",
        accent="#e69f00",
        muted="#6e6a60",
        yes="#0072b2",
        no="#d55e00",
        unaligned="#a8a39a",
        factions=("#d55e00", "#000000", "#e69f00", "#0072b2", "#cc79a7", "#009e73"),
    ),
}


def rgb(hex_colour: str) -> Colour:
    """'#b0141c' -> (176, 20, 28)."""
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def contrast(a: Colour, b: Colour) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21 (4.5 is enough for body text)."""

    def luminance(c: Colour) -> float:
        lin = [v / 255 / 12.92 if v <= 10 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def window_scale(height: int) -> float:
    """How much the text grows in a window ``height`` pixels high: not below the 720-pixel
    size, and at most by MAX_GROWTH, so a large window is filled without huge letters."""
    return min(max(height / BASE_HEIGHT, 1.0), MAX_GROWTH)


class Theme:
    """A palette and a text scale, with cached fonts and rendered lines of text."""

    def __init__(
        self, palette: str = "poster", text_size: str = "normal", height: int = BASE_HEIGHT
    ) -> None:
        self.palette = PALETTES[palette]
        self.scale = TEXT_SIZES[text_size] * window_scale(height)
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._text_cache: dict[tuple[str, str, int, Colour], pygame.Surface] = {}

    def colour(self, name: str) -> Colour:
        """A palette colour by field name: 'paper', 'ink', 'red'..."""
        value: str = getattr(self.palette, name)
        return rgb(value)

    def on(self, ground: Colour) -> Colour:
        """The colour for text on ``ground``: paper or ink, whichever contrasts more (paper
        on the poster red, ink on the colour-blind vermilion)."""
        return max(self.colour("paper"), self.colour("ink"), key=lambda c: contrast(c, ground))

    def row(self, role: str = "body") -> int:
        """The height of a one-line button for text of ``role``, growing with the text."""
        return self.font(role, "bold").get_linesize() + 8

    def faction_colour(self, scenario_colours: tuple[str, ...], faction: int) -> Colour:
        """A faction's colour: the scenario's, or the palette's own when it overrides them;
        the unaligned colour for -1."""
        if faction < 0:
            return self.colour("unaligned")
        own = self.palette.factions
        return rgb(own[faction % len(own)] if own else scenario_colours[faction])

    def size(self, role: str) -> int:
        return max(9, round(BASE_SIZES[role] * self.scale))

    def font(self, role: str = "body", face: str = "regular") -> pygame.font.Font:
        key = (face, self.size(role))
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = pygame.font.Font(str(FONT_FILES[face]), key[1])
        return font

    def text(
        self, text: str, role: str = "body", colour: Colour | None = None, face: str = "regular"
    ) -> pygame.Surface:
        """A rendered line of text, cached (at most a few thousand lines are kept)."""
        ink = colour or self.colour("ink")
        key = (text, face, self.size(role), ink)
        surface = self._text_cache.get(key)
        if surface is None:
            if len(self._text_cache) > 4000:
                self._text_cache.clear()
            surface = self.font(role, face).render(text, True, ink)
            self._text_cache[key] = surface
        return surface

    def gui_theme(self) -> dict[str, Any]:
        """The pygame_gui theme: buttons and text boxes in the poster style."""
        p = self.palette
        on_red = p.paper if self.on(self.colour("red")) == self.colour("paper") else p.ink
        font = {"name": "dejavu", "size": str(self.size("body")), "bold": "0"}
        bold = {**font, "bold": "1"}
        small = {**font, "size": str(self.size("small"))}
        return {
            "defaults": {
                "colours": {
                    "normal_bg": p.paper_dark,
                    "hovered_bg": p.accent,
                    "active_bg": p.red,
                    "disabled_bg": p.paper,
                    "selected_bg": p.red,
                    "dark_bg": p.paper,
                    "normal_text": p.ink,
                    "hovered_text": p.ink,
                    "active_text": on_red,
                    "selected_text": on_red,
                    "disabled_text": p.muted,
                    "text_cursor": p.ink,
                    "normal_border": p.ink,
                    "hovered_border": p.ink,
                    "active_border": p.ink,
                    "disabled_border": p.muted,
                    "selected_border": p.ink,
                    "link_text": p.red,
                    "link_hover": p.accent,
                    "link_selected": p.red,
                },
                "font": font,
                "misc": {"shape": "rectangle", "border_width": "1", "shadow_width": "0"},
            },
            "button": {"font": bold, "misc": {"border_width": "2", "shadow_width": "0"}},
            "text_box": {
                "font": font,
                "colours": {"dark_bg": p.paper, "normal_border": p.ink},
                "misc": {"border_width": "1", "padding": "6,4"},
            },
            "tool_tip": {
                "font": small,
                "colours": {"dark_bg": p.ink, "normal_text": p.paper, "normal_border": p.accent},
                "misc": {"rect_width": str(TOOLTIP_WIDTH)},
            },
            "label": {"font": font},
            "#news": {"font": small},
            "#details": {"font": small},
            "#kind": {"font": {**small, "bold": "1"}},
            "@poster": {"colours": {"normal_bg": p.red, "normal_text": on_red}},
        }


def register_fonts(manager: Any, theme: Theme) -> None:
    """Tell a pygame_gui manager where the shipped fonts are, and preload the sizes used."""
    regular, bold = str(FONT_FILES["regular"]), str(FONT_FILES["bold"])
    manager.add_font_paths("dejavu", regular, bold, regular, bold)
    manager.preload_fonts(
        [
            {"name": "dejavu", "point_size": theme.size(role), "style": style}
            for style in ("regular", "bold")
            for role in ("small", "body")
        ]
    )
