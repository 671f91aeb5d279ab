"""Charts drawn with matplotlib into an Agg buffer and handed to pygame as a surface; and the
reports' PNG charts (``game.analysis.charts``) fitted into a rectangle of the window."""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

import pygame
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from game.engine.spec import GameSpec
from game.ui.theme import Theme

DPI = 100


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def strength_chart(
    spec: GameSpec, strength: list[list[float]], size: tuple[int, int], theme: Theme
) -> pygame.Surface:
    """Each faction's power score after every quarter, as lines, on the theme's paper."""
    fig = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    fig.patch.set_facecolor(_hex(theme.colour("paper")))
    ax = fig.add_subplot(1, 1, 1)
    ax.set_facecolor(_hex(theme.colour("paper")))
    quarters = list(range(len(strength)))
    for f in range(spec.n_factions):
        values = [row[f] for row in strength]
        ax.plot(
            quarters,
            values,
            color=_hex(theme.faction_colour(spec.faction_colour, f)),
            linewidth=2.4,
            label=spec.faction_names[f],
        )
    labels = ["start", *spec.quarter_labels[: len(strength) - 1]]
    step = max(1, len(labels) // 8)
    ax.set_xticks(quarters[::step], labels[::step], fontsize=8)
    ax.tick_params(colors=_hex(theme.colour("ink")), labelsize=8)
    ax.set_ylabel("power score (seats, offices, CC, prestige)", fontsize=8)
    ax.set_title("Each faction's strength, quarter by quarter", fontsize=10, fontweight="bold")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    fig.tight_layout()
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    buffer = canvas.buffer_rgba()
    width, height = canvas.get_width_height()
    return pygame.image.frombuffer(bytes(buffer), (width, height), "RGBA").convert_alpha()


def figure_inches(size: tuple[int, int], dpi: int) -> tuple[float, float]:
    """The figure size, in inches at ``dpi``, that fills ``size`` pixels."""
    return size[0] / dpi, size[1] / dpi


def fitted_chart(
    render: Callable[[tuple[float, float]], bytes], size: tuple[int, int], dpi: int
) -> pygame.Surface:
    """A chart drawn to fill ``size`` pixels at its own text size. A chart saved with a tight
    box grows past its figure by its labels, and scaling it back down shrinks the text (a
    lab's two dozen differences became hard to read): so it is drawn once, and again with
    the figure smaller by what overflowed."""
    inches = figure_inches(size, dpi)
    png = render(inches)
    width, height = pygame.image.load(io.BytesIO(png), "chart.png").get_size()
    if width > size[0] or height > size[1]:
        inches = (
            inches[0] * min(1.0, size[0] / width) * 0.98,
            inches[1] * min(1.0, size[1] / height) * 0.98,
        )
        png = render(inches)
    return png_surface(png, size)


def png_surface(png: bytes, size: tuple[int, int]) -> pygame.Surface:
    """A PNG chart scaled to fit within ``size`` pixels, keeping its proportions."""
    image = pygame.image.load(io.BytesIO(png), "chart.png").convert_alpha()
    scale = min(size[0] / image.get_width(), size[1] / image.get_height())
    shape = (max(1, int(image.get_width() * scale)), max(1, int(image.get_height() * scale)))
    return pygame.transform.smoothscale(image, shape)
