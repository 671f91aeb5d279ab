"""Drawing the state of one game for the board: the tracks, the map of regions, the
Politburo, the Central Committee, the offices and a panel per faction. Each function draws
into its rectangle and adds a tooltip for every number through ``zone``."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pygame

from game.engine import query
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


def draw_tracks(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The four tracks as labelled gauges in a row."""
    tracks = v.state.tracks[0]
    split = 100 * v.spec.rules.split_threshold
    specs = (
        (UNITY, "Unity", 0.0, 1.0, v.theme.colour("red")),
        (MOOD, "Mood (left ↔ right)", -1.0, 1.0, v.theme.colour("accent")),
        (LENIN_HEALTH, "Lenin's health", 0.0, 1.0, v.theme.colour("ink")),
        (ECONOMY, "Economy", 0.0, 1.0, v.theme.colour("muted")),
    )
    cell = rect.w // len(specs)
    for i, (index, label, low, high, colour) in enumerate(specs):
        x = rect.x + i * cell
        value = float(tracks[index])
        shown = f"{value:+.2f}" if low < 0 else f"{100 * value:.0f}"
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


def draw_map(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The regions as discs at their places on a schematic map: the fill is the camp of the
    regional secretary, the ring the members' sympathies, the size the membership."""
    top = draw.panel(surface, v.theme, rect, "The regions — who runs each party machine")
    area = pygame.Rect(rect.x + 40, top + 26, rect.w - 80, rect.bottom - top - 80)
    _hatch(surface, v.theme, rect, top)
    spec, state = v.spec, v.state
    shares = query.member_shares(state)[0]
    seats = _congress_seats(spec, state)
    radii = [int(8 + 30 * math.sqrt(float(s))) for s in shares]
    for r, (x, y) in enumerate(region_positions(spec.region_map, radii, area)):
        radius = radii[r]
        _region_disc(surface, v, r, (x, y), radius)
        label = v.theme.text(_short(spec.region_names[r]), "small", v.theme.colour("ink"), "bold")
        surface.blit(label, label.get_rect(midtop=(x, y + radius + 5)))
        hot = pygame.Rect(x - radius - 5, y - radius - 5, 2 * radius + 10, 2 * radius + 10)
        v.zone(
            hot.union(label.get_rect(midtop=(x, y + radius + 5))),
            _region_tip(spec, state, r, seats),
        )
    _legend(surface, v, pygame.Rect(rect.x + 6, rect.bottom - 20, rect.w - 12, 16))


def region_positions(
    points: np.ndarray, radii: list[int], area: pygame.Rect
) -> list[tuple[int, int]]:
    """Screen places for the regions: the scenario's schematic coordinates, spread where
    they crowd (the west), then pushed apart until no two discs and labels overlap."""
    xs, ys = points[:, 0], points[:, 1]
    span_x = max(float(xs.max() - xs.min()), 1e-9)
    span_y = max(float(ys.max() - ys.min()), 1e-9)
    pos = np.stack(
        [
            area.x + area.w * ((xs - xs.min()) / span_x) ** 0.6,
            area.y + area.h * (ys - ys.min()) / span_y,
        ],
        axis=1,
    )
    gap = np.array(radii, dtype=float) + 16.0
    for _ in range(60):
        for i in range(len(pos)):
            for j in range(i + 1, len(pos)):
                d = pos[j] - pos[i]
                dist = float(np.hypot(*d)) or 1e-6
                need = gap[i] + gap[j]
                if dist < need:
                    push = d / dist * (need - dist) / 2
                    pos[i] -= push
                    pos[j] += push
        pos[:, 0] = np.clip(pos[:, 0], area.x, area.right)
        pos[:, 1] = np.clip(pos[:, 1], area.y, area.bottom)
    return [(int(x), int(y)) for x, y in pos]


def _hatch(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, top: int) -> None:
    """Faint poster diagonals behind the map."""
    colour = theme.colour("paper_dark")
    for x in range(rect.x - rect.h, rect.right, 28):
        pygame.draw.line(surface, colour, (x, rect.bottom - 2), (x + (rect.bottom - top), top), 1)


SHORTENED = (
    " party organisations",
    " and Nizhny Novgorod",
    " and the Don",
    " and Central Asia",
    " Region",
)


def _short(name: str) -> str:
    """A region's name short enough to label a disc: 'Red Army party organisations' ->
    'Red Army'; the full name is in the tooltip."""
    name = name.split(" (")[0]
    for tail in SHORTENED:
        name = name.replace(tail, "")
    return name


def _region_disc(
    surface: pygame.Surface, v: View, r: int, centre: tuple[int, int], radius: int
) -> None:
    state = v.state
    secretary = int(state.secretary[0, r])
    sympathy = state.sympathy[0, r]
    start = -math.pi / 2
    ring = radius + 5
    for f in range(v.spec.n_factions):
        share = float(sympathy[f])
        if share <= 0.005:
            continue
        end = start + 2 * math.pi * share
        points = [centre] + [
            (centre[0] + ring * math.cos(a), centre[1] + ring * math.sin(a))
            for a in np.linspace(start, end, max(3, int(share * 40)))
        ]
        pygame.draw.polygon(surface, v.faction_colour(f), points)
        start = end
    pygame.draw.circle(surface, v.theme.colour("paper"), centre, radius + 1)
    pygame.draw.circle(surface, v.faction_colour(secretary), centre, radius - 1)
    pygame.draw.circle(surface, v.theme.colour("ink"), centre, radius + 5, 1)


def _congress_seats(spec: GameSpec, state: State) -> list[int]:
    """Each region's seats in a congress of the campaign's last known size."""
    sizes = [s.voting_delegates for s in spec.sessions if s.voting_delegates > 0]
    total = sizes[0] if sizes else 100
    for s in spec.sessions:
        if s.turn <= state.turn and s.voting_delegates > 0:
            total = s.voting_delegates
    return [int(x) for x in query.delegates_by_region(total, state.members)[0]]


def _region_tip(spec: GameSpec, state: State, r: int, seats: list[int]) -> str:
    sec = int(state.secretary[0, r])
    boss = spec.faction_names[sec] if sec >= 0 else "nobody's man"
    lean = ", ".join(
        f"{spec.faction_names[f]} {100 * state.sympathy[0, r, f]:.0f}%"
        for f in range(spec.n_factions)
    )
    uncommitted = 100 * (1.0 - float(state.sympathy[0, r].sum()))
    return (
        f"{spec.region_names[r]}: {state.members[0, r]:,.0f} members, "
        f"{100 * query.member_shares(state)[0, r]:.1f}% of the party — about {seats[r]} delegates "
        f"to a congress of {sum(seats)}. Secretary: {boss}. Recent recruits: "
        f"{100 * state.recruits[0, r]:.0f}% (they follow the secretary). Members lean: {lean}; "
        f"uncommitted {uncommitted:.0f}%."
    )


def _legend(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    x = rect.x
    for f in range(v.spec.n_factions):
        pygame.draw.rect(surface, v.faction_colour(f), (x, rect.y + 3, 10, 10))
        x = v.text(surface, v.spec.faction_names[f], (x + 14, rect.y), "small").right + 10
    v.zone(
        pygame.Rect(rect.x, rect.y, x - rect.x, rect.h),
        "Each disc is a region's party organisation. Fill: the camp of its secretary (grey: "
        "nobody's man). Ring: the members' leanings. Size: the membership.",
    )


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
            camp = spec.faction_names[f] if f >= 0 else "no faction"
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
            ink = v.theme.colour("paper") if sum(colour) < 360 else v.theme.colour("ink")
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
        camp = spec.faction_names[f] if f >= 0 else "no faction"
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


def draw_faction(surface: pygame.Surface, v: View, rect: pygame.Rect, f: int, mine: bool) -> None:
    """A faction's panel: leader, influence, standing, line, machines, seats and support."""
    spec, state = v.spec, v.state
    pygame.draw.rect(surface, v.theme.colour("paper"), rect)
    pygame.draw.rect(surface, v.faction_colour(f), (rect.x, rect.y, 8, rect.h))
    pygame.draw.rect(surface, v.theme.colour("red" if mine else "ink"), rect, 3 if mine else 1)
    x, y = rect.x + 14, rect.y + 3
    leader = int(spec.faction_leader[f])
    status = STATUSES[int(state.status[0, leader])] if state.alive[0, leader] else "dead"
    head = v.text(
        surface, f"{spec.faction_names[f]}{' (you)' if mine else ''}", (x, y), "body", face="bold"
    )
    who_text = v.theme.text(f"{spec.figure_names[leader].split()[-1]}, {status}", "small")
    who = pygame.Rect(head.right + 8, y + 2, who_text.get_width(), who_text.get_height())
    if who.right < rect.right - 56:
        v.text(
            surface,
            f"{spec.figure_names[leader].split()[-1]}, {status}",
            who.topleft,
            "small",
            v.theme.colour("muted"),
        )
    v.zone(
        who.union(head),
        f"The faction's leader, {spec.figure_names[leader]}: {status}. A faction whose leader is "
        "out of the party can only recant or wait.",
    )
    stats = state.stats[0, f]
    infl = v.text(
        surface,
        f"{stats[INFLUENCE]:.1f}",
        (rect.right - 44, y),
        "heading",
        v.theme.colour("red"),
        "poster",
    )
    v.zone(
        infl.inflate(6, 4),
        f"Influence: {stats[INFLUENCE]:.1f}. Spent on actions; comes each quarter from offices "
        "held and regional machines run.",
    )
    y += v.theme.font("body").get_linesize() + 1
    gauge_w = (rect.w - 30) // 3
    for i, (stat, label, help_text) in enumerate(FACTION_ROWS):
        gx = x + i * gauge_w
        value = float(stats[stat])
        cell = v.text(surface, f"{label} {100 * value:.0f}", (gx, y), "small")
        draw.bar(
            surface,
            v.theme,
            pygame.Rect(gx, cell.bottom + 1, gauge_w - 10, 5),
            value,
            v.faction_colour(f),
        )
        v.zone(
            pygame.Rect(gx, y, gauge_w, cell.h + 7),
            f"{label}: {100 * value:.0f} of 100. {help_text}",
        )
    y += v.theme.font("small").get_linesize() + 9
    _faction_counts(surface, v, f, x, y, rect.w - 24)


def _faction_counts(surface: pygame.Surface, v: View, f: int, x: int, y: int, width: int) -> None:
    spec, state = v.spec, v.state
    machines = int((state.secretary[0] == f).sum())
    seats = int(query.politburo_seats(spec, state)[0, f])
    cc = 100 * float(state.cc_share[0, f])
    support = 100 * float(query.weight(spec, state)[0, f])
    line = float(state.stats[0, f, IDEOLOGY])
    allies = [spec.faction_names[g] for g in np.flatnonzero(state.alliance[0, f])]
    items = (
        (
            f"Line {line:+.2f}",
            f"Line {line:+.2f} on the axis from left (-1: plan, industry, world revolution) to "
            "right (+1: NEP, the peasant).",
        ),
        (
            f"Machines {machines}",
            f"Regional machines run by this faction's secretaries: {machines} of "
            f"{len(spec.regions)}. Each brings influence and steers a delegation.",
        ),
        (f"{seats} in the Politburo", f"Politburo seats held by this faction's figures: {seats}."),
        (f"CC {cc:.0f}%", f"Share of the Central Committee: {cc:.0f}%."),
        (
            f"Support {support:.0f}%",
            f"Weight in the party: half the members' sympathy, half the CC share: {support:.0f}%.",
        ),
    )
    line = v.theme.font("small").get_linesize()
    cx, cy = x, y
    for i, (text, tip) in enumerate(items):
        if i == 3:
            cx, cy = x, y + line
        r = v.text(surface, text, (cx, cy), "small")
        v.zone(r.inflate(4, 2), tip)
        cx = r.right + 12
    if allies:
        r = v.text(
            surface,
            "Allied: " + ", ".join(a.split()[-1] for a in allies),
            (cx, cy),
            "small",
            v.theme.colour("red"),
        )
        v.zone(
            r,
            "Allied with "
            + ", ".join(allies)
            + ". Allies vote alike on motions that touch either of them.",
        )
        cx = r.right + 12
    breaches = float(state.breaches[0, f])
    if breaches >= 0.1:
        r = v.text(surface, f"Breaches {breaches:.1f}", (cx, cy), "small", v.theme.colour("red"))
        v.zone(
            r,
            "Open breaches of party discipline (appeals outside the party): voters punish them "
            "when unity is at stake. They fade with time.",
        )
