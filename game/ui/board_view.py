"""Drawing the state of one game for the board: the header with the date and the tracks,
the Politburo, the Central Committee and the offices (the map of regions is in ``map_view``,
the factions' panels in ``faction_panel``). Each function draws into its rectangle, fitting
its text to it, and adds a tooltip for every number through ``zone``."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from game.engine import query
from game.engine.names import faction_name, surname
from game.engine.spec import STATUSES, GameSpec
from game.engine.state import ECONOMY, LENIN_HEALTH, MOOD, UNITY, State
from game.ui import draw
from game.ui.board_layout import header_height
from game.ui.board_text import quarter_name
from game.ui.draw import Zone
from game.ui.theme import Colour, Theme

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


LENIN_DEAD = ("Lenin", "Lenin")  # the track's labels once he has died: "Lenin: dead"
LENIN_DEAD_HELP = "His health is no longer a track: the struggle for his succession is open."
LENIN = "lenin"  # the figure whose health the track follows


def lenin_dead(spec: GameSpec, state: State) -> bool:
    """Whether Lenin (the scenario's figure ``lenin``, if it has one) has died in game 0: his
    health track then reads "dead", not a health of 0."""
    return LENIN in spec.figures and not bool(state.alive[0, spec.figures.index(LENIN)])


HEADER_BUTTONS = (("Help [F1]", "Menu [Esc]"), ("Help", "Menu"))  # with their keys, or not
TRACKS = (  # each track: its labels (long, short), its range and its colour
    (UNITY, ("Unity", "Unity"), 0.0, 1.0, "red"),
    (MOOD, ("Mood (left ↔ right)", "Mood"), -1.0, 1.0, "accent"),
    (LENIN_HEALTH, ("Lenin's health", "Lenin"), 0.0, 1.0, "ink"),
    (ECONOMY, ("Economy", "Economy"), 0.0, 1.0, "muted"),
)


def header_titles(spec: GameSpec, turn: int) -> list[str]:
    """The board's date, long and short: 'Spring 1922 · quarter 1 of 31', 'Spring 1922 · 1/31'."""
    name = quarter_name(spec.quarter_labels[turn])
    return [f"{name} · quarter {turn + 1} of {spec.turns}", f"{name} · {turn + 1}/{spec.turns}"]


def header_button_width(theme: Theme, labels: Sequence[str]) -> int:
    """The room the header's buttons take at its right end (each as wide as its label)."""
    font = theme.font("body", "bold")
    return sum(font.size(label)[0] + 24 + 6 for label in labels) + 8 if labels else 8


def tracks_width(theme: Theme) -> int:
    """The least room the four tracks need: each short label with its widest value."""
    font = theme.font("small")
    return len(TRACKS) * (max(font.size(f"{short}: -0.00")[0] for _, (_, short), *_ in TRACKS) + 12)


def header_fit(
    theme: Theme, width: int, titles: Sequence[str], buttons: Sequence[Sequence[str]]
) -> tuple[str, Sequence[str]]:
    """The longest title and button labels (the keys in brackets, where they fit) that leave
    the tracks their room in a header ``width`` pixels wide; else the shortest."""
    font, tracks = theme.font("heading", "poster"), tracks_width(theme)
    wedge = 2 * (header_height(theme) - 4) + 16 + 20  # where draw.header_bar puts the title
    for labels in buttons:
        for title in titles:
            if wedge + font.size(title)[0] + tracks + header_button_width(theme, labels) <= width:
                return title, labels
    return titles[-1], buttons[-1]


def draw_header(
    surface: pygame.Surface,
    v: View,
    rect: pygame.Rect,
    turn: int | None = None,
    titles: Sequence[str] | None = None,
    buttons: Sequence[Sequence[str]] = HEADER_BUTTONS,
) -> None:
    """The black header: the date (which quarter of how many: ``turn``, or the state's; or
    ``titles``, long to short), then the tracks; the right end is left to the buttons (the
    board's Help and Menu, which drop their keys where the window is narrow). While a
    quarter is played out the board names that quarter, not the state's next one."""
    turn = min(v.state.turn if turn is None else turn, v.spec.turns - 1)
    title, labels = header_fit(v.theme, rect.w, titles or header_titles(v.spec, turn), buttons)
    left = draw.header_bar(surface, v.theme, rect, title) + 20
    v.zone(
        pygame.Rect(0, 0, left, rect.h),
        f"{title}. A turn is a quarter of a year; each faction takes two actions, then the "
        "quarter's events and sessions happen in the order of their dates.",
    )
    right = rect.right - header_button_width(v.theme, labels)
    draw_tracks(surface, v, pygame.Rect(left, 4, right - left, rect.h - 6))


def draw_tracks(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The four tracks as labelled gauges in a row, each label long where it fits."""
    tracks = v.state.tracks[0]
    split = 100 * v.spec.rules.split_threshold
    cell = rect.w // len(TRACKS)
    font = v.theme.font("small")
    for i, (index, labels, low, high, colour) in enumerate(TRACKS):
        x = rect.x + i * cell
        value = float(tracks[index])
        (long, short), shown, help_text = track_words(v, index, labels, value, low)
        label = long if font.size(f"{long}: {shown}")[0] < cell - 12 else short
        text = draw.fit(v.theme, f"{label}: {shown}", cell - 12, "small", "regular")
        title = v.text(surface, text, (x + 4, rect.y), "small", v.theme.colour("paper"))
        gauge = pygame.Rect(x + 4, title.bottom + 2, cell - 16, 8)
        draw.bar(surface, v.theme, gauge, value, v.theme.colour(colour), low, high)
        if index == UNITY:
            mark = gauge.x + int(gauge.w * v.spec.rules.split_threshold)
            pygame.draw.line(
                surface, v.theme.colour("paper"), (mark, gauge.y - 2), (mark, gauge.bottom + 2), 2
            )
        tip = f"{long}: {shown}. " + help_text.format(split=split)
        v.zone(pygame.Rect(x, rect.y, cell, rect.h), tip)


def track_words(
    v: View, index: int, labels: tuple[str, str], value: float, low: float
) -> tuple[tuple[str, str], str, str]:
    """A track's labels (long, short), its value as shown, and its tooltip's help. Lenin's
    health reads "Lenin: dead" once he has died (his track is then 0, but not a health)."""
    if index == LENIN_HEALTH and lenin_dead(v.spec, v.state):
        return LENIN_DEAD, "dead", LENIN_DEAD_HELP
    shown = f"{value:+.2f}" if low < 0 else f"{100 * value:.0f}"
    return labels, shown, TRACK_HELP[index]


def draw_politburo(surface: pygame.Surface, v: View, rect: pygame.Rect) -> None:
    """The Politburo's seats, each held by a named figure in his camp's colour; where the
    names do not fit side by side, every other one goes a line lower (and a name longer than
    two seats is cut, whole in its tooltip)."""
    top = draw.panel(surface, v.theme, rect, "The Politburo")
    spec, state = v.spec, v.state
    members = np.flatnonzero(state.politburo[0])
    size = max(int(state.politburo_size[0]), len(members))
    cell = (rect.w - 8) // max(size, 1)
    names = [surname(spec.figure_names[int(g)]) for g in members]
    font = v.theme.font("small")
    staggered = any(font.size(name)[0] > cell - 4 for name in names)
    room = (2 * cell if staggered else cell) - 4
    step = font.get_linesize()
    for i in range(size):
        cx = rect.x + 4 + i * cell + cell // 2
        cy = top + 14
        hot = pygame.Rect(cx - cell // 2, top, cell, rect.bottom - top)
        if i >= len(members):
            pygame.draw.circle(surface, v.theme.colour("muted"), (cx, cy), 11, 1)
            v.zone(hot, "An empty seat: the Central Committee fills it after a congress.")
            continue
        g = int(members[i])
        f = int(state.figure_faction[0, g])
        pygame.draw.circle(surface, v.faction_colour(f), (cx, cy), 11)
        pygame.draw.circle(surface, v.theme.colour("ink"), (cx, cy), 11, 1)
        name = draw.fit(v.theme, names[i], room, "small", "regular")
        label = v.theme.text(name, "small")
        y = cy + 13 + (step if staggered and i % 2 else 0)
        surface.blit(label, label.get_rect(midtop=(cx, y)))
        camp = faction_name(spec, state, f) if f >= 0 else "no faction"
        v.zone(
            hot,
            f"{spec.figure_names[g]}: a Politburo seat for {camp}; "
            f"{STATUSES[int(state.status[0, g])]}. A Politburo majority is one way to win.",
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
    """The offices and who holds them, one a line (two columns where the panel is short),
    each office's name cut to fit its column, never its holder's (whole in its tooltip)."""
    top = draw.panel(surface, v.theme, rect, "The offices")
    spec, state = v.spec, v.state
    line = v.theme.font("small").get_linesize() + 1
    per_col = max(1, (rect.bottom - top) // line)
    columns = -(-len(spec.offices) // per_col)
    col_w = (rect.w - 6) // columns
    for o in range(len(spec.offices)):
        x = rect.x + 6 + (o // per_col) * col_w
        y = top + (o % per_col) * line
        holder = int(state.holder[0, o])
        f = int(state.figure_faction[0, holder]) if holder >= 0 else -1
        pygame.draw.rect(surface, v.faction_colour(f), (x, y + 3, 9, 9))
        who = surname(spec.figure_names[holder]) if holder >= 0 else "vacant"
        text = f"{spec.office_names[o]}: {who}"
        room = col_w - 21 - v.theme.font("small").size(f": {who}")[0]
        office = draw.fit(v.theme, spec.office_names[o], room, "small", "regular")
        v.text(surface, f"{office}: {who}", (x + 13, y))
        camp = faction_name(spec, state, f) if f >= 0 else "no faction"
        held_by = spec.figure_names[holder] if holder >= 0 else "nobody"
        tip = (
            f"{text} ({held_by}, {camp}): {spec.office_income[o]:g} influence a quarter, "
            f"{spec.office_power[o]:g} power at the end."
        )
        if spec.office_appoints[o]:
            tip += " Appoints the regional secretaries."
        v.zone(pygame.Rect(x, y, col_w - 8, line), tip)
