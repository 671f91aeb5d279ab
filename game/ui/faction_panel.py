"""The board's faction panels, one above the other: each faction's name (cut to fit, whole in
its tooltip), leader and influence; its prestige, legitimacy and popularity as gauges (their
labels shortened where the panel is narrow); and its counts (line, machines, Politburo seats,
power score, Central Committee share, support, alliances, breaches) flowing over as many lines
as the panel's width needs, every one with its tooltip."""

from __future__ import annotations

import numpy as np
import pygame

from game.engine import query
from game.engine.names import faction_name, surname
from game.engine.outcome import power_scores
from game.engine.spec import STATUSES, GameSpec
from game.engine.state import (
    DECLARATION_KEPT,
    IDEOLOGY,
    INFLUENCE,
    LEGITIMACY,
    POPULARITY,
    PRESTIGE,
    State,
)
from game.ui import draw
from game.ui.board_layout import head_height
from game.ui.board_view import View
from game.ui.theme import Theme

Item = tuple[str, str, bool]  # a count's text, its tooltip, and whether it is a warning
GAP = 8  # pixels between two counts on a line
FACTION_ROWS = (  # each gauge: its stat, its label (long, short) and what it means
    (
        PRESTIGE,
        ("Prestige", "Prest."),
        "How the party rates the leader: strengthens campaigns, attacks and motions.",
    ),
    (
        LEGITIMACY,
        ("Legitimacy", "Legit."),
        "Standing as Lenin's heir: members and votes weigh it.",
    ),
    (
        POPULARITY,
        ("Popularity", "Popul."),
        "Standing outside the party (army, streets): it does not vote, but an appeal uses it.",
    ),
)
ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th")


def count_width(rect_w: int) -> int:
    """The width a panel ``rect_w`` wide leaves its counts (after its colour strip)."""
    return rect_w - 18


def flow(theme: Theme, texts: list[str], width: int) -> list[tuple[int, int]]:
    """Each text's (line, x) when the texts run left to right, a line ``width`` wide, the
    next line begun where one does not fit."""
    font = theme.font("small")
    placed, line, x = [], 0, 0
    for text in texts:
        size = min(font.size(text)[0], width)
        if x and x + size > width:
            line, x = line + 1, 0
        placed.append((line, x))
        x += size + GAP
    return placed


def count_lines(v: View, width: int) -> int:
    """The most lines any faction's counts need in panels ``width`` wide (two at least)."""
    lines = [
        flow(v.theme, [text for text, _, _ in faction_items(v, f)], count_width(width))[-1][0] + 1
        for f in range(v.spec.n_factions)
    ]
    return max(2, *lines)


def draw_factions(surface: pygame.Surface, v: View, rect: pygame.Rect, mine: int) -> None:
    """A panel per faction, one above the other; the player's own is framed in red."""
    panel_h = rect.h // v.spec.n_factions
    for f in range(v.spec.n_factions):
        panel = pygame.Rect(rect.x, rect.y + f * panel_h, rect.w, panel_h - 4)
        draw_faction(surface, v, panel, f, f == mine)


def draw_faction(surface: pygame.Surface, v: View, rect: pygame.Rect, f: int, mine: bool) -> None:
    """A faction's panel: leader, influence, standing, line, machines, seats and support."""
    pygame.draw.rect(surface, v.theme.colour("paper"), rect)
    pygame.draw.rect(surface, v.faction_colour(f), (rect.x, rect.y, 8, rect.h))
    pygame.draw.rect(surface, v.theme.colour("red" if mine else "ink"), rect, 3 if mine else 1)
    x, y = rect.x + 14, rect.y + 3
    _faction_head(surface, v, rect, f, mine)
    y += head_height(v.theme) + 1
    y = _faction_gauges(surface, v, f, x, y, rect.w - 24)
    _faction_counts(surface, v, f, x, y, count_width(rect.w))


def _faction_head(surface: pygame.Surface, v: View, rect: pygame.Rect, f: int, mine: bool) -> None:
    """The faction's name (cut to fit, the player's own marked), its leader and his status
    where there is room (any status but active always, the name cut for it: in red for a
    leader censured, out of the party or recanted; 'declared' while the faction keeps a
    declaration of submission), and its influence in red poster type."""
    spec, state = v.spec, v.state
    x, y = rect.x + 14, rect.y + 3
    leader = int(spec.faction_leader[f])
    status = STATUSES[int(state.status[0, leader])] if state.alive[0, leader] else "dead"
    declared = bool(state.declared[0, f] == DECLARATION_KEPT)
    status += ", declared" if declared else ""
    influence = float(state.stats[0, f, INFLUENCE])
    infl_image = v.theme.text(f"{influence:.1f}", "body", v.theme.colour("red"), "poster")
    infl = surface.blit(infl_image, (rect.right - infl_image.get_width() - 8, y))
    v.zone(
        infl.inflate(6, 4),
        f"Influence: {influence:.1f}. Spent on actions; comes each quarter from offices "
        "held and regional machines run.",
    )
    room = infl.x - 8 - x
    you = " (you)" if mine else ""
    you_w = v.theme.font("body", "bold").size(you)[0]
    small = v.theme.font("small")
    out = status.split(",")[0] not in ("active", "readmitted")  # sanctioned, out or recanted
    reserve = small.size(status)[0] + 8 if status != "active" else 0
    name = draw.fit(v.theme, spec.faction_names[f], room - you_w - reserve) + you
    head = v.text(surface, name, (x, y), "body", face="bold")
    who = head
    last = surname(spec.figure_names[leader])
    shown = [
        t for t in (f"{last}, {status}", status) if head.right + 8 + small.size(t)[0] <= x + room
    ]
    if shown:
        colour = v.theme.colour("red" if out else "muted")
        who = v.text(surface, shown[0], (head.right + 8, y + 2), "small", colour)
    v.zone(
        who.union(head),
        f"{spec.faction_names[f]}{you}. The faction's leader, {spec.figure_names[leader]}: "
        f"{status}. A faction whose leader is out of the party can only recant or wait."
        + (DECLARED_HELP if declared else ""),
    )


DECLARED_HELP = (
    " It has declared its submission: while it keeps the declaration the others have no "
    "political reason to strike it; an appeal would break it, and a broken one is not believed."
)


def _faction_gauges(surface: pygame.Surface, v: View, f: int, x: int, y: int, width: int) -> int:
    """Prestige, legitimacy and popularity as labelled gauges (short labels where the long
    do not fit); returns the y below them."""
    stats = v.state.stats[0, f]
    gauge_w = width // 3
    font = v.theme.font("small")
    for i, (stat, (long, short), help_text) in enumerate(FACTION_ROWS):
        gx = x + i * gauge_w
        value = float(stats[stat])
        label = long if font.size(f"{long} 100")[0] <= gauge_w - 8 else short  # same on every card
        text = draw.fit(v.theme, f"{label} {100 * value:.0f}", gauge_w - 8, "small", "regular")
        cell = v.text(surface, text, (gx, y), "small")
        bar = pygame.Rect(gx, cell.bottom + 1, gauge_w - 10, 5)
        draw.bar(surface, v.theme, bar, value, v.faction_colour(f))
        v.zone(
            pygame.Rect(gx, y, gauge_w, cell.h + 7),
            f"{long}: {100 * value:.0f} of 100. {help_text}",
        )
    return y + v.theme.font("small").get_linesize() + 9


def _faction_counts(surface: pygame.Surface, v: View, f: int, x: int, y: int, width: int) -> None:
    """The faction's counts flowing over lines ``width`` wide, each with its tooltip (a count
    too long for a line is cut, and its tooltip gives it whole); red ones are warnings."""
    step = v.theme.font("small").get_linesize()
    items = faction_items(v, f)
    for (text, tip, warn), (line, dx) in zip(
        items, flow(v.theme, [t for t, _, _ in items], width), strict=True
    ):
        shown = draw.fit(v.theme, text, width, "small", "regular")
        colour = v.theme.colour("red") if warn else None
        r = v.text(surface, shown, (x + dx, y + line * step), "small", colour)
        v.zone(r.inflate(4, 2), tip if shown == text else f"{text}. {tip}")


def power_item(spec: GameSpec, state: State, f: int) -> Item:
    """The faction's power score and its rank, with the reason it matters; the leader's
    is marked (and drawn red)."""
    power = power_scores(spec, state)[0]
    rank = int((power > power[f]).sum())
    first = int(np.argmax(power))
    leads = rank == 0
    tip = (
        f"Power score {power[f]:.2f}, {ORDINALS[rank]} of {spec.n_factions}: Politburo seats, "
        "offices, the Central Committee share and prestige, weighted as at the end. If nobody "
        "wins outright, the strongest camp wins"
        + (
            ": today it is this one."
            if leads
            else f"; today {faction_name(spec, state, first)} leads with {power[first]:.2f}."
        )
    )
    return (f"Power {power[f]:.2f}{' ★' if leads else ''}", tip, leads)


def faction_items(v: View, f: int) -> list[Item]:
    """(text, tooltip, is it a warning): line, machines, Politburo seats, the power score
    (marked where it leads), CC share, support, then alliances and breaches of discipline if
    any."""
    spec, state = v.spec, v.state
    machines = int((state.secretary[0] == f).sum())
    seats = int(query.politburo_seats(spec, state)[0, f])
    cc = 100 * float(state.cc_share[0, f])
    support = 100 * float(query.weight(spec, state)[0, f])
    line = float(state.stats[0, f, IDEOLOGY])
    items = [
        (
            f"Line {line:+.2f}",
            f"Line {line:+.2f} on the axis from left (-1: plan, industry, world revolution) to "
            "right (+1: NEP, the peasant).",
            False,
        ),
        (
            f"Machines {machines}",
            f"Regional machines run by this faction's secretaries: {machines} of "
            f"{len(spec.regions)}. Each brings influence and steers a delegation.",
            False,
        ),
        (
            f"Politburo {seats}",
            f"Politburo seats held by this faction's figures: {seats}.",
            False,
        ),
        power_item(spec, state, f),
        (f"CC {cc:.0f}%", f"Share of the Central Committee: {cc:.0f}%.", False),
        (
            f"Support {support:.0f}%",
            f"Weight in the party: half the members' sympathy, half the CC share: {support:.0f}%.",
            False,
        ),
    ]
    partners = [int(g) for g in np.flatnonzero(state.alliance[0, f])]
    allies = [faction_name(spec, state, g) for g in partners]
    if allies:
        leaders = [surname(spec.figure_names[int(spec.faction_leader[g])]) for g in partners]
        items.append(
            (
                "Allied: " + ", ".join(leaders),
                f"Allied with {', '.join(allies)}. Allies vote alike: a mover pulls its allies "
                "with it, even against another of their allies.",
                True,
            )
        )
    breaches = float(state.breaches[0, f])
    if breaches >= 0.1:
        items.append(
            (
                f"Breaches {breaches:.1f}",
                "Open breaches of party discipline (appeals outside the party): voters punish "
                "them when unity is at stake. They fade with time.",
                True,
            )
        )
    return items
