"""The map of the party's regions: a disc per region at its place on a schematic map, filled
with the camp of its secretary, ringed with its members' leanings and sized by membership;
labels placed where they cover no disc and no other label; a tooltip per region."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pygame

from game.engine import query
from game.engine.names import faction_name, surname
from game.engine.spec import GameSpec
from game.engine.state import State
from game.ui import draw
from game.ui.board_view import View
from game.ui.theme import Theme

RING = 6  # the sympathy ring's width beyond the disc, and a margin
LABEL_GAP = 4  # pixels kept between two labels on a line
WRONG_DISC = 5000.0  # the cost of a label's place nearer another disc than its own
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
    top = draw.panel(surface, v.theme, rect, "The regions — who runs each party machine", v.zone)
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
    """The discs (sized by membership) and their labels' places inside ``area``: each region
    spaced out with its label below its disc, or, where that leaves some label without a
    free place (a wide, low map), beside it; in a small window the discs shrink until every
    label has one. Failing that, the layout where labels cover least. Kept for the same
    memberships, area and labels (the board is drawn again on every choice)."""
    shares = query.member_shares(state)[0]
    key = (tuple(area), tuple(label_sizes), shares.round(4).tobytes(), spec.region_map.tobytes())
    if key not in _LAYOUTS:
        if len(_LAYOUTS) > 16:
            _LAYOUTS.clear()
        _LAYOUTS[key] = _best_layout(spec, shares, area, label_sizes)
    discs, places = _LAYOUTS[key]
    return list(discs), [pygame.Rect(p) for p in places]


_LAYOUTS: dict[tuple[object, ...], tuple[list[Disc], list[pygame.Rect]]] = {}


def _best_layout(
    spec: GameSpec, shares: np.ndarray, area: pygame.Rect, label_sizes: Sequence[tuple[int, int]]
) -> tuple[list[Disc], list[pygame.Rect]]:
    best: tuple[float, list[Disc], list[pygame.Rect]] | None = None
    for beside in (False, True):
        for shrink in (1.0, 0.85, 0.7, 0.55, 0.4):
            scale = shrink * min(area.w, area.h) / 290
            radii = [int(scale * (8 + 30 * math.sqrt(float(s)))) for s in shares]
            discs = _discs(spec, area, radii, label_sizes, beside)
            places = label_places(discs, label_sizes, area)
            cost = sum(
                _overlap(p, discs, places[:i]) + (WRONG_DISC if nearest_disc(p, discs) != i else 0)
                for i, p in enumerate(places)
            )
            if best is None or cost < best[0]:
                best = (cost, discs, places)
            if cost == 0:
                break
        if best is not None and best[0] == 0:
            break
    assert best is not None
    return best[1], best[2]


def _discs(
    spec: GameSpec,
    area: pygame.Rect,
    radii: Sequence[int],
    label_sizes: Sequence[tuple[int, int]],
    beside: bool,
) -> list[Disc]:
    """The discs, each region's footprint (its disc and its label, below it or ``beside``)
    spaced out in ``area``."""
    sizes = zip(radii, label_sizes, strict=True)
    if beside:
        footprints = [
            pygame.Rect(0, 0, 2 * (r + RING) + w + 8, max(2 * (r + RING), h) + 4)
            for r, (w, h) in sizes
        ]
    else:
        footprints = [
            pygame.Rect(0, 0, max(2 * (r + RING), w) + 6, 2 * (r + RING) + h + 2)
            for r, (w, h) in sizes
        ]
    centres = region_positions(spec.region_map, footprints, area)
    return [
        (x - fp.w // 2 + r + RING, y, r) if beside else (x, y - fp.h // 2 + r + RING, r)
        for (x, y), r, fp in zip(centres, radii, footprints, strict=True)
    ]


def region_positions(
    points: np.ndarray, footprints: Sequence[pygame.Rect], area: pygame.Rect
) -> list[tuple[int, int]]:
    """Where each region's footprint (its disc with the label below) is centred: the
    scenario's schematic coordinates, spread where they crowd (the west), then pushed apart,
    inside ``area``, until no two footprints overlap (or after a number of tries)."""
    xs, ys = points[:, 0], points[:, 1]
    span_x = max(float(xs.max() - xs.min()), 1e-9)
    span_y = max(float(ys.max() - ys.min()), 1e-9)
    half = [(fp.w / 2, fp.h / 2) for fp in footprints]
    low = [(area.x + hw, area.y + hh) for hw, hh in half]
    high = [(area.right - hw, area.bottom - hh) for hw, hh in half]
    spread = [((x - xs.min()) / span_x) ** 0.6 for x in xs], [(y - ys.min()) / span_y for y in ys]
    pos = [
        [lo[0] + float(sx) * (hi[0] - lo[0]), lo[1] + float(sy) * (hi[1] - lo[1])]
        for lo, hi, sx, sy in zip(low, high, *spread, strict=True)
    ]
    for _ in range(200):
        if not _separate(pos, half):
            break
        for p, lo, hi in zip(pos, low, high, strict=True):
            p[0], p[1] = min(max(p[0], lo[0]), hi[0]), min(max(p[1], lo[1]), hi[1])
    return [(int(x), int(y)) for x, y in pos]


def _separate(pos: list[list[float]], half: list[tuple[float, float]]) -> bool:
    """One pass pushing overlapping boxes (centres ``pos``, half sizes ``half``) apart along
    the axis where they overlap least; True if any overlapped."""
    moved = False
    for i in range(len(pos)):
        for j in range(i + 1, len(pos)):
            d = (pos[j][0] - pos[i][0], pos[j][1] - pos[i][1])
            overlap = (half[i][0] + half[j][0] - abs(d[0]), half[i][1] + half[j][1] - abs(d[1]))
            if overlap[0] <= 0 or overlap[1] <= 0:
                continue
            axis = 0 if overlap[0] <= overlap[1] else 1
            sign = 1.0 if d[axis] >= 0 else -1.0
            pos[i][axis] -= sign * (overlap[axis] / 2 + 0.5)
            pos[j][axis] += sign * (overlap[axis] / 2 + 0.5)
            moved = True
    return moved


def label_places(
    discs: Sequence[Disc], sizes: Sequence[tuple[int, int]], bounds: pygame.Rect
) -> list[pygame.Rect]:
    """A place for each disc's label, beside its disc and nearer to it than to any other,
    covering no disc (ring included) and no other label (nor touching it), inside
    ``bounds``; where nothing is free, the place that covers least. Each label is placed in
    turn, then placed again among all the others while that frees any."""
    candidates = [
        [c.clamp(bounds) for c in _candidates(disc, size)]
        for disc, size in zip(discs, sizes, strict=True)
    ]

    def cost(i: int, c: pygame.Rect, others: Sequence[pygame.Rect]) -> float:
        astray = WRONG_DISC if nearest_disc(c, discs) != i else 0.0
        return _overlap(c, discs, others) + astray + 0.01 * candidates[i].index(c)

    placed: list[pygame.Rect] = []
    for i in range(len(discs)):
        placed.append(min(candidates[i], key=lambda c: cost(i, c, placed)))
    for _ in range(4):
        moved = False
        for i in range(len(discs)):
            others = placed[:i] + placed[i + 1 :]
            best = min(candidates[i], key=lambda c: cost(i, c, others))
            if cost(i, best, others) < cost(i, placed[i], others):
                placed[i], moved = best, True
        if not moved:
            break
    return placed


def nearest_disc(rect: pygame.Rect, discs: Sequence[Disc]) -> int:
    """The disc whose edge lies nearest to ``rect``: the one a reader takes it to label."""
    return min(range(len(discs)), key=lambda d: _gap(rect, discs[d]))


def _gap(rect: pygame.Rect, disc: Disc) -> float:
    """How far ``rect`` lies from the edge of ``disc`` (negative: it covers the disc)."""
    x, y, r = disc
    near_x = min(max(x, rect.left), rect.right)
    near_y = min(max(y, rect.top), rect.bottom)
    return math.hypot(x - near_x, y - near_y) - r


def _candidates(disc: Disc, size: tuple[int, int]) -> list[pygame.Rect]:
    """Places for a label around its disc, clear of its ring, best first: below, above,
    right, left, then the corners; then the same a little further out."""
    x, y, r = disc
    w, h = size
    rect = pygame.Rect(0, 0, w, h)
    places = []
    for gap in (r + RING, r + RING + h // 2):
        corner = math.ceil(gap * 0.72)  # a corner at the gap's distance from the centre
        spots = (
            {"midtop": (x, y + gap)},
            {"midbottom": (x, y - gap)},
            {"midleft": (x + gap + 2, y)},
            {"midright": (x - gap - 2, y)},
            {"topleft": (x + corner, y + corner)},
            {"topright": (x - corner, y + corner)},
            {"bottomleft": (x + corner, y - corner)},
            {"bottomright": (x - corner, y - corner)},
        )
        places += [rect.move_to(**spot) for spot in spots]
    return places


def _overlap(rect: pygame.Rect, discs: Sequence[Disc], labels: Sequence[pygame.Rect]) -> float:
    """How much ``rect`` covers the discs (and their rings) and the labels (or comes
    within LABEL_GAP of one, where two names would read as one), in pixels."""
    total = 0.0
    for disc in discs:
        total += max(0.0, RING - _gap(rect, disc)) * 40
    spaced = rect.inflate(2 * LABEL_GAP, 0)
    for other in labels:
        clip = spaced.clip(other)
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
        names = [surname(spec.figure_names[int(g)]) for g in spec.faction_leader]
    x = rect.x
    for f, name in enumerate(names):
        pygame.draw.rect(surface, v.faction_colour(f), (x, rect.y + 3, 10, 10))
        x = v.text(surface, name, (x + 14, rect.y), "small").right + 10
    v.zone(
        pygame.Rect(rect.x, rect.y, x - rect.x, rect.h),
        "Each disc is a region's party organisation. Fill: the camp of its secretary (grey: "
        "nobody's man). Ring: the members' leanings. Size: the membership.",
    )
