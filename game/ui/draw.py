"""Drawing in the poster style: cream paper, red and black wedges on strong diagonals, bars,
wrapped text and tooltip boxes. Functions only; colours come from the theme."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.theme import TOOLTIP_WIDTH, Colour, Theme

Zone = Callable[[pygame.Rect, str], None]  # a screen's hover zones: a rectangle and its text


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


def dark_box(surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
    """An ink box with a red frame: a note over the board."""
    pygame.draw.rect(surface, theme.colour("ink"), rect)
    pygame.draw.rect(surface, theme.colour("red"), rect, 3)


def flat_button(
    surface: pygame.Surface, theme: Theme, rect: pygame.Rect, label: str, fill: str
) -> None:
    """A button drawn over the widgets (a note's): ``fill`` with a paper frame, its label
    in small bold type in the middle."""
    pygame.draw.rect(surface, theme.colour(fill), rect)
    pygame.draw.rect(surface, theme.colour("paper"), rect, 1)
    centred(surface, theme.text(label, "small", theme.on(theme.colour(fill)), "bold"), rect.center)


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


def header_bar(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    title: str,
    zone: Zone | None = None,
) -> int:
    """A black bar with a red wedge and the title in poster type, clear of the wedge (cut to
    fit, and given whole to ``zone`` if it was); returns the x where the title ends."""
    pygame.draw.rect(surface, theme.colour("ink"), rect)
    wedge = [
        (rect.x, rect.bottom),
        (rect.x + rect.h, rect.y),
        (rect.x + 2 * rect.h, rect.y),
        (rect.x + rect.h, rect.bottom),
    ]
    pygame.draw.polygon(surface, theme.colour("red"), wedge)
    left = rect.x + 2 * rect.h + 16
    shown = fit(theme, title, rect.right - left - 8, "heading", "poster")
    text = theme.text(shown, "heading", theme.colour("paper"), "poster")
    if zone is not None and shown != title:
        zone(rect, title)
    return surface.blit(text, (left, rect.centery - text.get_height() // 2)).right


def page(surface: pygame.Surface, theme: Theme, title: str, bar: int = 56) -> None:
    """A menu page: the paper background and a header bar of height ``bar`` with ``title``."""
    poster_background(surface, theme)
    header_bar(surface, theme, pygame.Rect(0, 0, surface.get_width(), bar), title)


def panel(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    title: str | None = None,
    zone: Zone | None = None,
) -> int:
    """A paper panel with an ink border and an optional red title strip (the title cut to
    fit, and given whole to ``zone`` if it was); returns the y at which its content starts."""
    pygame.draw.rect(surface, theme.colour("paper"), rect)
    pygame.draw.rect(surface, theme.colour("ink"), rect, 1)
    if not title:
        return rect.y + 4
    shown = fit(theme, title.upper(), rect.w - 12, "small", "poster")
    text = theme.text(shown, "small", theme.on(theme.colour("red")), "poster")
    strip = pygame.Rect(rect.x, rect.y, rect.w, text.get_height() + 4)
    pygame.draw.rect(surface, theme.colour("red"), strip)
    surface.blit(text, (rect.x + 6, rect.y + 2))
    if zone is not None and shown != title.upper():
        zone(strip, title)
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


def wrapped(
    theme: Theme, text: str, width: int, role: str = "body", face: str = "regular", lines: int = 99
) -> tuple[list[str], bool]:
    """``text`` broken into at most ``lines`` lines no wider than ``width``, the last cut
    with an ellipsis if there was more; and whether it was cut."""
    every = wrap(theme, text, width, role, face)
    shown = every[:lines]
    if len(shown) == len(every) or not shown:
        return shown, len(shown) < len(every)
    shown[-1] = fit(theme, shown[-1] + " " + every[len(shown)], width, role, face)
    return shown, True


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
    bottom: int | None = None,
    zone: Zone | None = None,
) -> int:
    """Draw wrapped text, at most ``max_lines`` lines and none below ``bottom``; returns the
    y below it. Text that does not fit is cut with an ellipsis, and ``zone`` (a screen's
    hover zones) is given the whole text over the lines drawn."""
    x, y = pos
    step = theme.font(role, face).get_linesize()
    if bottom is not None:
        max_lines = min(max_lines, max((bottom - y) // step, 0))
    lines, cut = wrapped(theme, text, width, role, face, max_lines)
    if cut and zone is not None:
        zone(pygame.Rect(x, y, width, step * max(len(lines), 1)), text)
    for line in lines:
        surface.blit(theme.text(line, role, colour, face), (x, y))
        y += step
    return y


class Column:
    """Blocks of wrapped text one under the other in ``rect``, each cut with an ellipsis
    where the rect ends (and given whole to ``zone``, a screen's hover zones)."""

    def __init__(
        self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, zone: Zone
    ) -> None:
        self.surface, self.theme, self.rect, self.zone = surface, theme, rect, zone
        self.y = rect.y

    def add(
        self,
        text: str,
        gap: int = 0,
        role: str = "small",
        colour: Colour | None = None,
        face: str = "regular",
        lines: int = 99,
    ) -> None:
        """A block ``gap`` pixels under the last, at most ``lines`` lines."""
        self.y = text_block(
            self.surface,
            self.theme,
            text,
            (self.rect.x, self.y + gap),
            self.rect.w,
            role,
            colour,
            face,
            max_lines=lines,
            bottom=self.rect.bottom,
            zone=self.zone,
        )


def row_rects(
    theme: Theme, rect: pygame.Rect, labels: list[str], gap: int = 6
) -> list[pygame.Rect]:
    """Buttons for ``labels`` laid out in ``rect``'s width, bottom-aligned with its bottom:
    one row sharing the width by each label's need, or, where they do not fit in one row,
    as many rows as needed (each row's buttons sharing its width)."""
    font = theme.font("body", "bold")
    needs = [font.size(label)[0] + 24 for label in labels]
    rows: list[list[int]] = [[]]
    for i, need in enumerate(needs):
        used = sum(needs[j] for j in rows[-1]) + gap * len(rows[-1])
        if rows[-1] and used + need > rect.w:
            rows.append([])
        rows[-1].append(i)
    height = theme.row() + 10
    rects: list[pygame.Rect] = [pygame.Rect(0, 0, 0, 0)] * len(labels)
    top = rect.bottom - len(rows) * height - (len(rows) - 1) * gap
    for r, row in enumerate(rows):
        spare = rect.w - sum(needs[i] for i in row) - gap * (len(row) - 1)
        x = rect.x
        for k, i in enumerate(row):
            width = needs[i] + spare // len(row) + (spare % len(row) if k == len(row) - 1 else 0)
            rects[i] = pygame.Rect(x, top + r * (height + gap), width, height)
            x += width + gap
    return rects


def tooltip(surface: pygame.Surface, theme: Theme, text: str, pos: tuple[int, int]) -> None:
    """A dark tooltip box near ``pos``, kept inside the window: below the pointer, or above
    it, or (a long text) wider and from the window's top."""
    sw, sh = surface.get_size()
    step = theme.font("small").get_linesize()
    width = min(TOOLTIP_WIDTH, sw - 20)
    lines = wrap(theme, text, width - 12, "small")
    while step * len(lines) + 8 > sh - 8 and width < sw - 20:
        width = min(width + TOOLTIP_WIDTH // 2, sw - 20)
        lines = wrap(theme, text, width - 12, "small")
    lines, _ = wrapped(theme, text, width - 12, "small", lines=max((sh - 16) // step, 1))
    w = max(theme.font("small").size(line)[0] for line in lines) + 12
    h = step * len(lines) + 8
    x = min(pos[0] + 16, sw - w - 4)
    y = pos[1] + 18 if pos[1] + 18 + h < sh else max(pos[1] - h - 6, 4)
    box = pygame.Rect(x, y, w, h)
    pygame.draw.rect(surface, theme.colour("ink"), box)
    pygame.draw.rect(surface, theme.colour("accent"), box, 1)
    for i, line in enumerate(lines):
        surface.blit(theme.text(line, "small", theme.colour("paper")), (x + 6, y + 4 + i * step))


def centred(surface: pygame.Surface, image: pygame.Surface, centre: tuple[int, int]) -> pygame.Rect:
    rect = image.get_rect(center=centre)
    surface.blit(image, rect)
    return rect
