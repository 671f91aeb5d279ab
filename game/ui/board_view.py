"""Drawing the state of one game for the board: the header with the date and the tracks,
the Politburo, the Central Committee, the offices and a panel per faction (the map of
regions is in ``map_view``). Each function draws into its rectangle and adds a tooltip for
every number through ``zone``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame

from game.engine import query
from game.engine.names import faction_name
from game.engine.outcome import power_scores
from game.engine.spec import STATUSES, GameSpec
from game.engine.state import (
    ECONOMY,
    IDEOLOGY,
    INFLUENCE,
    LEGITIMACY,
    LENIN_HEALTH,
    MOOD,
    POPULARITY,
    PRESTIGE,
    UNITY,
    State,
)
from game.ui import draw
from game.ui.board_text import quarter_name
from game.ui.theme import Colour, Theme

Zone = Callable[[pygame.Rect, str], None]

TRACK_HELP = {
    UNITY: "Party unity, 0 to 100. Open fights between large camps lower it; if it falls "
    "below {split:.0f} the party splits and every faction loses. It recovers slowly.",
    MOOD: "The party's mood, from the left (plan, industry, world revolution) to the right "
    "(NEP, the peasant). Members drift toward leaders near it; motions near it pass easier.",
    LENIN_HEALTH: "Lenin's health. While he lives, the struggle is muted; his strokes and "
    "death are events.",
    ECONOMY: "The economy: harvests and crises move it, and the mood with it.",
}


class View:
    """What every drawing function needs: the spec, the state (game 0), the theme and the
    function that records a tooltip zone."""

    def __init__(self, spec: GameSpec, state: State, theme: Theme, zone: Zone) -> None:
        self.spec = spec
        self.state = state
        self.theme = theme
        self.zone = zone

    def faction_colour(self, faction: int) -> Colour:
        return self.theme.faction_colour(self.spec.faction_colour, faction)

    def text(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        role: str = "small",
        colour: Colour | None = None,
        face: str = "regular",
    ) -> pygame.Rect:
        image = self.theme.text(text, role, colour, face)
        return surface.blit(image, pos)


def draw_header(
    surface: pygame.Surface, v: View, rect: pygame.Rect, turn: int | None = None
) -> None:
    """The black header: the date (which quarter of how many: ``turn``, or the state's), then
    the tracks; the right end is left to the Menu and Help buttons (wider with larger text).
    While a quarter is played out the board names that quarter, not the state's next one."""
    turn = min(v.state.turn if turn is None else turn, v.spec.turns - 1)
    title = f"{quarter_name(v.spec.quarter_labels[turn])} · quarter {turn + 1} of {v.spec.turns}"
    left = draw.header_bar(surface, v.theme, rect, title) + 20
    v.zone(
        pygame.Rect(0, 0, left, rect.h),
        "The date. A turn is a quarter of a year; each faction takes two actions, then the "
        "quarter's events and sessions happen in the order of their dates.",
    )
    draw_tracks(
        surface, v, pygame.Rect(left, 4, rect.w - int(262 * v.theme.scale) - left, rect.h - 6)
    )


def draw_tracks(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The four tracks as labelled gauges in a row."""
    tracks = v.state.tracks[0]
    split = 100 * v.spec.rules.split_threshold
    specs = (
        (UNITY, ("Unity", "Unity"), 0.0, 1.0, v.theme.colour("red")),
        (MOOD, ("Mood (left ↔ right)", "Mood"), -1.0, 1.0, v.theme.colour("accent")),
        (LENIN_HEALTH, ("Lenin's health", "Lenin"), 0.0, 1.0, v.theme.colour("ink")),
        (ECONOMY, ("Economy", "Economy"), 0.0, 1.0, v.theme.colour("muted")),
    )
    cell = rect.w // len(specs)
    font = v.theme.font("small")
    for i, (index, (long, short), low, high, colour) in enumerate(specs):
        x = rect.x + i * cell
        value = float(tracks[index])
        shown = f"{value:+.2f}" if low < 0 else f"{100 * value:.0f}"
        label = long if font.size(f"{long}: {shown}")[0] < cell - 12 else short
        title = v.text(
            surface, f"{label}: {shown}", (x + 4, rect.y), "small", v.theme.colour("paper")
        )
        gauge = pygame.Rect(x + 4, title.bottom + 2, cell - 16, 8)
        draw.bar(surface, v.theme, gauge, value, colour, low, high)
        if index == UNITY:
            mark = gauge.x + int(gauge.w * v.spec.rules.split_threshold)
            pygame.draw.line(
                surface, v.theme.colour("paper"), (mark, gauge.y - 2), (mark, gauge.bottom + 2), 2
            )
        v.zone(pygame.Rect(x, rect.y, cell, rect.h), TRACK_HELP[index].format(split=split))


def draw_politburo(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The Politburo's seats, each held by a named figure in his camp's colour."""
    top = draw.panel(surface, v.theme, rect, "The Politburo")
    spec, state = v.spec, v.state
    members = np.flatnonzero(state.politburo[0])
    size = max(int(state.politburo_size[0]), len(members))
    cell = (rect.w - 8) // max(size, 1)
    for i in range(size):
        cx = rect.x + 4 + i * cell + cell // 2
        cy = top + 14
        if i < len(members):
            g = int(members[i])
            f = int(state.figure_faction[0, g])
            pygame.draw.circle(surface, v.faction_colour(f), (cx, cy), 11)
            pygame.draw.circle(surface, v.theme.colour("ink"), (cx, cy), 11, 1)
            name = spec.figure_names[g].split()[-1]
            label = v.theme.text(name, "small")
            surface.blit(label, label.get_rect(midtop=(cx, cy + 13)))
            camp = faction_name(spec, state, f) if f >= 0 else "no faction"
            v.zone(
                pygame.Rect(cx - cell // 2, top, cell, rect.bottom - top),
                f"{spec.figure_names[g]}: a Politburo seat for {camp}; "
                f"{STATUSES[int(state.status[0, g])]}. A Politburo majority is one way to win.",
            )
        else:
            pygame.draw.circle(surface, v.theme.colour("muted"), (cx, cy), 11, 1)
            v.zone(
                pygame.Rect(cx - cell // 2, top, cell, rect.bottom - top),
                "An empty seat: the Central Committee fills it after a congress.",
            )


def draw_central_committee(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The Central Committee as a bar of shares, uncommitted members last."""
    top = draw.panel(surface, v.theme, rect, "The Central Committee")
    spec, state = v.spec, v.state
    shares = state.cc_share[0]
    size = int(state.cc_size[0])
    seats = query.delegates_by_region(size, np.maximum(state.cc_share, 0.0))[0]
    barrect = pygame.Rect(rect.x + 6, top + 2, rect.w - 12, rect.bottom - top - 8)
    x = barrect.x
    for f in range(spec.n_factions + 1):
        w = round(barrect.w * float(shares[f]))
        if f == spec.n_factions:
            w = barrect.right - x
        seg = pygame.Rect(x, barrect.y, w, barrect.h)
        colour = v.faction_colour(f if f < spec.n_factions else -1)
        pygame.draw.rect(surface, colour, seg)
        name = spec.faction_names[f] if f < spec.n_factions else "Uncommitted"
        if w > 40:
            ink = v.theme.on(colour)
            v.text(surface, f"{100 * shares[f]:.0f}%", (seg.x + 3, seg.y + 1), "small", ink)
        v.zone(
            seg,
            f"{name}: {100 * shares[f]:.0f}% of the Central Committee ({seats[f]} of {size} "
            "members). Plenums vote by these blocs; the uncommitted lean to the General "
            "Secretary's machine.",
        )
        x += w
    pygame.draw.rect(surface, v.theme.colour("ink"), barrect, 1)


def draw_offices(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The offices and who holds them, two columns."""
    top = draw.panel(surface, v.theme, rect, "The offices")
    spec, state = v.spec, v.state
    line = v.theme.font("small").get_linesize() + 1
    per_col = max(1, (rect.bottom - top) // line)
    col_w = rect.w // 2
    for o in range(len(spec.offices)):
        x = rect.x + 6 + (o // per_col) * col_w
        y = top + (o % per_col) * line
        holder = int(state.holder[0, o])
        f = int(state.figure_faction[0, holder]) if holder >= 0 else -1
        pygame.draw.rect(surface, v.faction_colour(f), (x, y + 3, 9, 9))
        who = spec.figure_names[holder].split()[-1] if holder >= 0 else "vacant"
        v.text(surface, f"{spec.office_names[o]}: {who}", (x + 13, y), "small")
        camp = faction_name(spec, state, f) if f >= 0 else "no faction"
        held_by = spec.figure_names[holder] if holder >= 0 else "nobody"
        tip = (
            f"{spec.office_names[o]}, held by {held_by} ({camp}): {spec.office_income[o]:g} "
            f"influence a quarter, {spec.office_power[o]:g} power at the end."
        )
        if spec.office_appoints[o]:
            tip += " Appoints the regional secretaries."
        v.zone(pygame.Rect(x, y, col_w - 8, line), tip)


FACTION_ROWS = (
    (
        PRESTIGE,
        "Prestige",
        "How the party rates the leader: strengthens campaigns, attacks and motions.",
    ),
    (LEGITIMACY, "Legitimacy", "Standing as Lenin's heir: members and votes weigh it."),
    (
        POPULARITY,
        "Popularity",
        "Standing outside the party (army, streets): it does not vote, but an appeal uses it.",
    ),
)


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
    y += v.theme.font("body").get_linesize() + 1
    y = _faction_gauges(surface, v, f, x, y, rect.w - 30)
    _faction_counts(surface, v, f, x, y)


def _faction_head(surface: pygame.Surface, v: View, rect: pygame.Rect, f: int, mine: bool) -> None:
    """The faction's name, its leader and his status, and its influence in big red type."""
    spec, state = v.spec, v.state
    x, y = rect.x + 14, rect.y + 3
    leader = int(spec.faction_leader[f])
    status = STATUSES[int(state.status[0, leader])] if state.alive[0, leader] else "dead"
    influence = float(state.stats[0, f, INFLUENCE])
    infl_image = v.theme.text(f"{influence:.1f}", "heading", v.theme.colour("red"), "poster")
    infl = surface.blit(infl_image, (rect.right - infl_image.get_width() - 8, y))
    v.zone(
        infl.inflate(6, 4),
        f"Influence: {influence:.1f}. Spent on actions; comes each quarter from offices "
        "held and regional machines run.",
    )
    name = f"{spec.faction_names[f]}{' (you)' if mine else ''}"
    head = v.text(surface, name, (x, y), "body", face="bold")
    who_text = f"{spec.figure_names[leader].split()[-1]}, {status}"
    who_image = v.theme.text(who_text, "small", v.theme.colour("muted"))
    who = head
    if head.right + 8 + who_image.get_width() < infl.x - 8:
        who = surface.blit(who_image, (head.right + 8, y + 2))
    v.zone(
        who.union(head),
        f"The faction's leader, {spec.figure_names[leader]}: {status}. A faction whose leader is "
        "out of the party can only recant or wait.",
    )


def _faction_gauges(surface: pygame.Surface, v: View, f: int, x: int, y: int, width: int) -> int:
    """Prestige, legitimacy and popularity as labelled gauges; returns the y below them."""
    stats = v.state.stats[0, f]
    gauge_w = width // 3
    for i, (stat, label, help_text) in enumerate(FACTION_ROWS):
        gx = x + i * gauge_w
        value = float(stats[stat])
        cell = v.text(surface, f"{label} {100 * value:.0f}", (gx, y), "small")
        bar = pygame.Rect(gx, cell.bottom + 1, gauge_w - 10, 5)
        draw.bar(surface, v.theme, bar, value, v.faction_colour(f))
        v.zone(
            pygame.Rect(gx, y, gauge_w, cell.h + 7),
            f"{label}: {100 * value:.0f} of 100. {help_text}",
        )
    return y + v.theme.font("small").get_linesize() + 9


def _faction_counts(surface: pygame.Surface, v: View, f: int, x: int, y: int) -> None:
    """The faction's counts on two lines, each with its tooltip; red ones are warnings."""
    step = v.theme.font("small").get_linesize()
    cx, cy = x, y
    for i, (text, tip, warn) in enumerate(_faction_items(v, f)):
        if i == 3:
            cx, cy = x, y + step
        colour = v.theme.colour("red") if warn else None
        r = v.text(surface, text, (cx, cy), "small", colour)
        v.zone(r.inflate(4, 2), tip)
        cx = r.right + 12


ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th")


def power_item(spec: GameSpec, state: State, f: int) -> tuple[str, str, bool]:
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


def _faction_items(v: View, f: int) -> list[tuple[str, str, bool]]:
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
            f"{seats} in the Politburo",
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
    allies = [faction_name(spec, state, int(g)) for g in np.flatnonzero(state.alliance[0, f])]
    if allies:
        items.append(
            (
                "Allied: " + ", ".join(a.split()[-1] for a in allies),
                f"Allied with {', '.join(allies)}. Allies vote alike on motions that touch "
                "either of them.",
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
