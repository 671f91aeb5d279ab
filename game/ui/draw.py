"""Drawing in the poster style: cream paper, red and black wedges on strong diagonals, bars,
wrapped text and tooltip boxes. Functions only; colours come from the theme."""

from __future__ import annotations

import pygame

from game.ui.theme import Colour, Theme


def poster_background(surface: pygame.Surface, theme: Theme, bold: bool = False) -> None:
    """Paper with a red diagonal band and a black wedge: heavier (``bold``) on menus."""
    w, h = surface.get_size()
    surface.fill(theme.colour("paper"))
    red, ink = theme.colour("red"), theme.colour("ink")
    if bold:
        pygame.draw.polygon(
            surface,
            red,
            [
                (0, h),
                (0, int(h * 0.55)),
                (int(w * 0.62), 0),
                (w, 0),
                (w, int(h * 0.08)),
                (int(w * 0.1), h),
            ],
        )
        pygame.draw.polygon(surface, ink, [(w, h), (w, int(h * 0.62)), (int(w * 0.55), h)])
    else:
        pygame.draw.polygon(surface, ink, [(w, h), (w, int(h * 0.9)), (int(w * 0.93), h)])


def card(surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
    """A paper card with an ink frame and a black drop shadow: text on the bold poster
    background sits on one, so no word crosses the red band."""
    pygame.draw.rect(surface, theme.colour("ink"), rect.move(8, 8))
    pygame.draw.rect(surface, theme.colour("paper"), rect)
    pygame.draw.rect(surface, theme.colour("ink"), rect, 2)


def text_card(
    surface: pygame.Surface,
    theme: Theme,
    lines: list[tuple[pygame.Surface, int]],
    anchor: tuple[int, int],
    centre: bool = False,
    pad: int = 16,
) -> pygame.Rect:
    """Rendered ``lines`` (each with the gap below it) stacked on a card: the first line's
    top left at ``anchor``, or, with ``centre``, each line centred on ``anchor``'s x.
    Returns the card's rectangle."""
    width = max(image.get_width() for image, _ in lines)
    height = sum(image.get_height() + gap for image, gap in lines[:-1]) + lines[-1][0].get_height()
    left = anchor[0] - width // 2 if centre else anchor[0]
    box = pygame.Rect(left - pad, anchor[1] - pad, width + 2 * pad, height + 2 * pad)
    card(surface, theme, box)
    y = anchor[1]
    for image, gap in lines:
        x = anchor[0] - image.get_width() // 2 if centre else anchor[0]
        surface.blit(image, (x, y))
        y += image.get_height() + gap
    return box


def header_bar(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, title: str) -> int:
    """A black bar with a red wedge and the title in poster type, clear of the wedge;
    returns the x where the title ends."""
    pygame.draw.rect(surface, theme.colour("ink"), rect)
    wedge = [
        (rect.x, rect.bottom),
        (rect.x + rect.h, rect.y),
        (rect.x + 2 * rect.h, rect.y),
        (rect.x + rect.h, rect.bottom),
    ]
    pygame.draw.polygon(surface, theme.colour("red"), wedge)
    text = theme.text(title, "heading", theme.colour("paper"), "poster")
    return surface.blit(
        text, (rect.x + 2 * rect.h + 16, rect.centery - text.get_height() // 2)
    ).right


def page(surface: pygame.Surface, theme: Theme, title: str, bar: int = 56) -> None:
    """A menu page: the paper background and a header bar of height ``bar`` with ``title``."""
    poster_background(surface, theme)
    header_bar(surface, theme, pygame.Rect(0, 0, surface.get_width(), bar), title)


def panel(
    surface: pygame.Surface, theme: Theme, rect: pygame.Rect, title: str | None = None
) -> int:
    """A paper panel with an ink border and an optional red title strip; returns the y at
    which its content starts."""
    pygame.draw.rect(surface, theme.colour("paper"), rect)
    pygame.draw.rect(surface, theme.colour("ink"), rect, 1)
    if not title:
        return rect.y + 4
    text = theme.text(title.upper(), "small", theme.on(theme.colour("red")), "poster")
    strip = pygame.Rect(rect.x, rect.y, rect.w, text.get_height() + 4)
    pygame.draw.rect(surface, theme.colour("red"), strip)
    surface.blit(text, (rect.x + 6, rect.y + 2))
    return strip.bottom + 4


def bar(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    value: float,
    colour: Colour,
    low: float = 0.0,
    high: float = 1.0,
) -> None:
    """A horizontal gauge of ``value`` between ``low`` and ``high``."""
    pygame.draw.rect(surface, theme.colour("paper_dark"), rect)
    share = (min(max(value, low), high) - low) / (high - low)
    if low < 0 < high:
        mid = rect.x + int(rect.w * (-low) / (high - low))
        end = rect.x + int(rect.w * share)
        fill = pygame.Rect(min(mid, end), rect.y, abs(end - mid), rect.h)
        pygame.draw.line(surface, theme.colour("ink"), (mid, rect.y), (mid, rect.bottom - 1))
    else:
        fill = pygame.Rect(rect.x, rect.y, int(rect.w * share), rect.h)
    pygame.draw.rect(surface, colour, fill)
    pygame.draw.rect(surface, theme.colour("ink"), rect, 1)


def wrap(
    theme: Theme, text: str, width: int, role: str = "body", face: str = "regular"
) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels."""
    font = theme.font(role, face)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}".strip()
            if font.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def fit(theme: Theme, text: str, width: int, role: str = "body", face: str = "bold") -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels (buttons use bold body text)."""
    font = theme.font(role, face)
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def text_block(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    pos: tuple[int, int],
    width: int,
    role: str = "body",
    colour: Colour | None = None,
    face: str = "regular",
    max_lines: int = 99,
) -> int:
    """Draw wrapped text; returns the y below it."""
    x, y = pos
    step = theme.font(role, face).get_linesize()
    for line in wrap(theme, text, width, role, face)[:max_lines]:
        surface.blit(theme.text(line, role, colour, face), (x, y))
        y += step
    return y


def tooltip(surface: pygame.Surface, theme: Theme, text: str, pos: tuple[int, int]) -> None:
    """A dark tooltip box near ``pos``, kept inside the window."""
    width = min(360, surface.get_width() - 20)
    lines = wrap(theme, text, width - 12, "small")
    step = theme.font("small").get_linesize()
    w = max(theme.font("small").size(line)[0] for line in lines) + 12
    h = step * len(lines) + 8
    x = min(pos[0] + 16, surface.get_width() - w - 4)
    y = pos[1] + 18 if pos[1] + 18 + h < surface.get_height() else pos[1] - h - 6
    box = pygame.Rect(x, y, w, h)
    pygame.draw.rect(surface, theme.colour("ink"), box)
    pygame.draw.rect(surface, theme.colour("accent"), box, 1)
    for i, line in enumerate(lines):
        surface.blit(theme.text(line, "small", theme.colour("paper")), (x + 6, y + 4 + i * step))


def centred(surface: pygame.Surface, image: pygame.Surface, centre: tuple[int, int]) -> pygame.Rect:
    rect = image.get_rect(center=centre)
    surface.blit(image, rect)
    return rect
