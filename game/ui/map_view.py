"""The map of the party's regions: a disc per region at its place on a schematic map, filled
with the camp of its secretary, ringed with its members' leanings and sized by membership;
labels placed where they cover no disc and no other label; a tooltip per region."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pygame

from game.engine import query
from game.engine.names import faction_name
from game.engine.spec import GameSpec
from game.engine.state import State
from game.ui import draw
from game.ui.board_view import View
from game.ui.theme import Theme

RING = 6  # the sympathy ring's width beyond the disc, and a margin
SHORTENED = (
    " party organisations",
    " and Nizhny Novgorod",
    " and the Don",
    " and Central Asia",
    " Region",
)
Disc = tuple[int, int, int]  # x, y, radius


def draw_map(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The map panel: hatching, the discs, their labels and tooltips, and the legend."""
    top = draw.panel(surface, v.theme, rect, "The regions — who runs each party machine")
    _hatch(surface, v.theme, rect, top)
    area = map_area(v.theme, rect, top)
    legend_h = v.theme.font("small").get_linesize() + 4
    labels = [
        v.theme.text(short_name(name), "small", v.theme.colour("ink"), "bold")
        for name in v.spec.region_names
    ]
    discs, places = map_layout(v.spec, v.state, area, [label.get_size() for label in labels])
    seats = _congress_seats(v.spec, v.state)
    for r, ((x, y, radius), label, place) in enumerate(zip(discs, labels, places, strict=True)):
        _region_disc(surface, v, r, (x, y), radius)
        surface.blit(label, place)
        reach = radius + RING
        hot = pygame.Rect(x - reach, y - reach, 2 * reach, 2 * reach)
        v.zone(hot.union(place), _region_tip(v.spec, v.state, r, seats))
    _legend(surface, v, pygame.Rect(rect.x + 6, rect.bottom - legend_h, rect.w - 12, legend_h))


def map_area(theme: Theme, rect: pygame.Rect, top: int) -> pygame.Rect:
    """The part of the map panel (content from ``top``) left for discs, above the legend."""
    legend_h = theme.font("small").get_linesize() + 4
    return pygame.Rect(rect.x + 4, top + 2, rect.w - 8, rect.bottom - top - legend_h - 6)


def map_layout(
    spec: GameSpec, state: State, area: pygame.Rect, label_sizes: Sequence[tuple[int, int]]
) -> tuple[list[Disc], list[pygame.Rect]]:
    """The discs (sized by membership) and their labels' places inside ``area``; in a small
    window the discs shrink until every label has a free place."""
    shares = query.member_shares(state)[0]
    for shrink in (1.0, 0.85, 0.7, 0.55):
        scale = shrink * min(area.w, area.h) / 290
        radii = [int(scale * (8 + 30 * math.sqrt(float(s)))) for s in shares]
        footprints = [
            pygame.Rect(0, 0, max(2 * (r + RING), w) + 6, 2 * (r + RING) + h + 2)
            for r, (w, h) in zip(radii, label_sizes, strict=True)
        ]
        centres = region_positions(spec.region_map, footprints, area)
        discs = [
            (x, y - fp.h // 2 + r + RING, r)
            for (x, y), r, fp in zip(centres, radii, footprints, strict=True)
        ]
        places = label_places(discs, label_sizes, area)
        if all(_overlap(p, discs, places[:i]) == 0 for i, p in enumerate(places)):
            break
    return discs, places


def region_positions(
    points: np.ndarray, footprints: Sequence[pygame.Rect], area: pygame.Rect
) -> list[tuple[int, int]]:
    """Where each region's footprint (its disc with the label below) is centred: the
    scenario's schematic coordinates, spread where they crowd (the west), then pushed apart,
    inside ``area``, until no two footprints overlap (or after a number of tries)."""
    xs, ys = points[:, 0], points[:, 1]
    span_x = max(float(xs.max() - xs.min()), 1e-9)
    span_y = max(float(ys.max() - ys.min()), 1e-9)
    half = np.array([(fp.w / 2, fp.h / 2) for fp in footprints])
    low = np.array([area.x, area.y]) + half
    high = np.array([area.right, area.bottom]) - half
    pos = np.stack([((xs - xs.min()) / span_x) ** 0.6, (ys - ys.min()) / span_y], axis=1)
    pos = low + pos * (high - low)
    for _ in range(200):
        if not _separate(pos, half):
            break
        pos = np.clip(pos, low, high)
    return [(int(x), int(y)) for x, y in pos]


def _separate(pos: np.ndarray, half: np.ndarray) -> bool:
    """One pass pushing overlapping boxes (centres ``pos``, half sizes ``half``) apart along
    the axis where they overlap least; True if any overlapped."""
    moved = False
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            d = pos[j] - pos[i]
            overlap = half[i] + half[j] - np.abs(d)
            if overlap[0] <= 0 or overlap[1] <= 0:
                continue
            axis = int(np.argmin(overlap))
            sign = 1.0 if d[axis] >= 0 else -1.0
            pos[i, axis] -= sign * (overlap[axis] / 2 + 0.5)
            pos[j, axis] += sign * (overlap[axis] / 2 + 0.5)
            moved = True
    return moved


def label_places(
    discs: Sequence[Disc], sizes: Sequence[tuple[int, int]], bounds: pygame.Rect
) -> list[pygame.Rect]:
    """A place for each disc's label, beside its disc, covering no disc (ring included) and
    no label placed before it, inside ``bounds``; where nothing is free, the place that
    covers least."""
    placed: list[pygame.Rect] = []
    for size, disc in zip(sizes, discs, strict=True):
        candidates = [c.clamp(bounds) for c in _candidates(disc, size)]
        best = min(
            candidates, key=lambda c: _overlap(c, discs, placed) + 0.01 * candidates.index(c)
        )
        placed.append(best)
    return placed


def _candidates(disc: Disc, size: tuple[int, int]) -> list[pygame.Rect]:
    """Places for a label around its disc, best first: below, above, right, left, corners."""
    x, y, r = disc
    w, h = size
    gap = r + RING
    rect = pygame.Rect(0, 0, w, h)
    spots = (
        {"midtop": (x, y + gap)},
        {"midbottom": (x, y - gap)},
        {"midleft": (x + gap + 2, y)},
        {"midright": (x - gap - 2, y)},
        {"topleft": (x + gap // 2, y + gap - 4)},
        {"topright": (x - gap // 2, y + gap - 4)},
        {"bottomleft": (x + gap // 2, y - gap + 4)},
        {"bottomright": (x - gap // 2, y - gap + 4)},
    )
    return [rect.move_to(**spot) for spot in spots]


def _overlap(rect: pygame.Rect, discs: Sequence[Disc], labels: Sequence[pygame.Rect]) -> float:
    """How much ``rect`` covers the discs (and their rings) and the labels, in pixels."""
    total = 0.0
    for x, y, r in discs:
        near_x = min(max(x, rect.left), rect.right)
        near_y = min(max(y, rect.top), rect.bottom)
        total += max(0.0, r + RING - math.hypot(x - near_x, y - near_y)) * 40
    for other in labels:
        clip = rect.clip(other)
        total += clip.w * clip.h
    return total


def _hatch(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, top: int) -> None:
    """Faint poster diagonals behind the map."""
    colour = theme.colour("paper_dark")
    for x in range(rect.x - rect.h, rect.right, 28):
        pygame.draw.line(surface, colour, (x, rect.bottom - 2), (x + (rect.bottom - top), top), 1)


def short_name(name: str) -> str:
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
    boss = faction_name(spec, state, sec) if sec >= 0 else "nobody's man"
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
    """A swatch per faction, named in full, or by its leader where the full names do not
    fit."""
    spec = v.spec
    font = v.theme.font("small")
    names = list(spec.faction_names)
    if sum(font.size(n)[0] + 24 for n in names) > rect.w:
        names = [spec.figure_names[int(g)].split()[-1] for g in spec.faction_leader]
    x = rect.x
    for f, name in enumerate(names):
        pygame.draw.rect(surface, v.faction_colour(f), (x, rect.y + 3, 10, 10))
        x = v.text(surface, name, (x + 14, rect.y), "small").right + 10
    v.zone(
        pygame.Rect(rect.x, rect.y, x - rect.x, rect.h),
        "Each disc is a region's party organisation. Fill: the camp of its secretary (grey: "
        "nobody's man). Ring: the members' leanings. Size: the membership.",
    )
