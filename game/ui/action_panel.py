"""Drawing the board's right-hand panel under its widgets: the title, the influence left, the
actions planned so far, and, while the quarter is played out, what is happening and a
spinner that keeps turning while the AI thinks (F: speed, Space: skip)."""

from __future__ import annotations

import math

import pygame

from game.engine.explain import action_title
from game.engine.state import INFLUENCE
from game.play.match import Match
from game.ui import draw
from game.ui.draw import Zone
from game.ui.theme import Theme

PLAN_LABELS = ("Plan it [Enter]", "Undo [U]", "End quarter [E]")


def plan_button_rects(theme: Theme, rect: pygame.Rect) -> list[pygame.Rect]:
    """Where the Plan, Undo and End quarter buttons go at the panel's foot: in one row, each
    as wide as its label needs, or in as many rows as the labels need (large text)."""
    foot = pygame.Rect(rect.x + 6, rect.y, rect.w - 12, rect.h - 4)
    return draw.row_rects(theme, foot, list(PLAN_LABELS), gap=4)


def plans_top(theme: Theme, rect: pygame.Rect, rounds: int) -> int:
    """The y of the list of planned actions, just above the panel's buttons."""
    buttons_top = min(r.y for r in plan_button_rects(theme, rect))
    return buttons_top - 6 - rounds * theme.font("small").get_linesize()


def draw_planning(
    surface: pygame.Surface, theme: Theme, zone: Zone, match: Match, faction: int, rect: pygame.Rect
) -> None:
    """The panel while a human plans: the influence left and the list of planned actions."""
    spec = match.spec
    top = draw.panel(surface, theme, rect, f"Your quarter — {spec.faction_names[faction]}", zone)
    plans = match.plans[faction]
    infl = float(match.planning_state(faction).stats[0, faction, INFLUENCE])
    font = theme.font("body", "bold")
    line = next(
        (
            form
            for form in (
                f"Influence left {infl:.1f} · planned {len(plans)} of {match.rounds}",
                f"Influence {infl:.1f} · planned {len(plans)}/{match.rounds}",
            )
            if font.size(form)[0] <= rect.w - 16
        ),
        f"Influence {infl:.1f} · {len(plans)}/{match.rounds}",
    )
    label = surface.blit(theme.text(line, "body", face="bold"), (rect.x + 8, top + 2))
    zone(
        label,
        f"Influence left: {infl:.1f}; actions planned: {len(plans)} of {match.rounds}. "
        "Influence pays for actions. You plan your actions for the quarter; they are taken, "
        "with the other factions', when you end the quarter. Undo takes back the last one.",
    )
    y = plans_top(theme, rect, match.rounds)
    step = theme.font("small").get_linesize()
    for i in range(match.rounds):
        text = f"{i + 1}. {action_title(spec, plans[i])}" if i < len(plans) else f"{i + 1}. —"
        shown = draw.fit(theme, text, rect.w - 16, "small")
        drawn = surface.blit(theme.text(shown, "small", face="bold"), (rect.x + 8, y + i * step))
        if shown != text:
            zone(drawn, text)


def draw_resolving(surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
    """The panel while the quarter is played out."""
    top = draw.panel(surface, theme, rect, "The quarter is played out")
    draw.text_block(
        surface,
        theme,
        "The other factions' moves appear in the news as they are made; then come the "
        "quarter's events and sessions.",
        (rect.x + 8, top + 4),
        rect.w - 16,
    )


def draw_thinking(
    surface: pygame.Surface, theme: Theme, rect: pygame.Rect, clock: float, thinking: bool
) -> None:
    """A black box with a turning wheel: the AI deliberates, or the quarter unfolds."""
    paper = theme.colour("paper")
    text = "The other factions deliberate" if thinking else "The quarter unfolds"
    room = rect.w - 16 - 64  # the box's width, less its margins and the wheel
    lines = draw.wrap(theme, text + "...", room, "heading", "poster")
    step = theme.font("heading", "poster").get_linesize()
    hint = theme.text("F: change speed · Space: skip", "small", paper)
    box = pygame.Rect(
        rect.x + 8, rect.y + 120, rect.w - 16, 26 + step * len(lines) + hint.get_height()
    )
    pygame.draw.rect(surface, theme.colour("ink"), box)
    dots = 1 + int(clock * 3) % 3  # the dots keep their place: the text does not move
    for i, line in enumerate(lines):
        if i == len(lines) - 1:
            line = line[: len(line) - 3 + dots]
        surface.blit(
            theme.text(line, "heading", paper, "poster"), (box.x + 12, box.y + 8 + i * step)
        )
    centre = (box.right - 30, box.centery)
    for i in range(8):
        a = clock * 6.0 + i * math.pi / 4
        colour = theme.colour("red") if i == 0 else theme.colour("paper_dark")
        spoke = (centre[0] + int(14 * math.cos(a)), centre[1] + int(14 * math.sin(a)))
        pygame.draw.circle(surface, colour, spoke, 3)
    surface.blit(hint, (box.x + 12, box.bottom - hint.get_height() - 8))
