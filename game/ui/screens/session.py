"""A session's own screen: its delegates in a hemicycle, one seat each, grouped in their blocs
and coloured by the camp that controls the bloc (a filled seat voted yes, a hollow one no);
the agenda voted motion by motion, with the tally and the reasons for each outcome."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pygame

from game.engine.forecast import bloc_verdict, vote_reasons
from game.engine.names import mover_name
from game.engine.votes import TERMS
from game.play.dates import session_title
from game.play.match import GuideProgress, Match
from game.play.news import declaration_text, logged_blocs
from game.ui import draw
from game.ui.app import App
from game.ui.guide import Guide
from game.ui.screen import Screen

Seat = tuple[int, int, float]  # x, y, angle


def hemicycle(n: int, centre: tuple[int, int], outer: float) -> list[Seat]:
    """``n`` seat positions on concentric arcs, ordered by angle from the left end."""
    rows = max(2, min(14, int(math.sqrt(n / 3.0))))
    inner = outer * 0.38
    radii = [inner + (outer - inner) * i / max(rows - 1, 1) for i in range(rows)]
    total_r = sum(radii)
    counts = [max(1, round(n * r / total_r)) for r in radii]
    counts[-1] += n - sum(counts)
    seats: list[Seat] = []
    for radius, count in zip(radii, counts, strict=True):
        for j in range(count):
            angle = math.pi * (j + 0.5) / count
            seats.append(
                (
                    int(centre[0] - radius * math.cos(angle)),
                    int(centre[1] - radius * math.sin(angle)),
                    angle,
                )
            )
    seats.sort(key=lambda s: s[2])
    return seats


def _result(vote: dict[str, Any]) -> str:
    return "carried" if vote["passed"] else "defeated"


class SessionScreen(Screen):
    name = "session"
    arrow_focus = False

    def __init__(
        self,
        app: App,
        match: Match,
        session: dict[str, Any],
        votes: list[dict[str, Any]],
        then: Callable[[], None],
        declared: Sequence[dict[str, Any]] = (),
    ) -> None:
        super().__init__(app)
        self.match = match
        self.session = session
        self.votes = votes
        self.declared = declared  # the session's declarations of submission, in order
        self.then = then
        self.index = 0
        self.images: dict[int, pygame.Surface] = {}
        self.arcs: list[tuple[float, float, str]] = []
        self.centre = (0, 0)  # the hemicycle's centre in the hall's image
        reader = match.human[0]  # the screen is everyone's: the first player's guide explains it
        progress = match.guides.setdefault(reader, GuideProgress())
        self.guide = Guide(app, match, progress, reader, "session")

    def build(self) -> None:
        w, h = self.app.window.get_size()
        last = self.index >= len(self.votes) - 1
        labels = ["◂ Previous [←]", "Next motion [→]", "Continue [Enter]"]
        font = self.app.theme.font("body", "bold")
        width = sum(font.size(label)[0] + 24 for label in labels) + 12
        foot = pygame.Rect(max(w - 10 - width, 10), 0, min(width, w - 20), h - 10)
        previous, following, go_on = self.foot_rects(foot, labels)
        self.button(
            previous, labels[0], lambda: self._go(-1), key=pygame.K_LEFT, enabled=self.index > 0
        )
        self.button(following, labels[1], lambda: self._go(1), key=pygame.K_RIGHT, enabled=not last)
        self.button(go_on, labels[2], self._enter, key=pygame.K_RETURN, object_id="@poster")
        self.images = {}
        self.guide.layout({"hall": self.hall_rect(), "agenda": self.agenda_rect()})

    def _go(self, step: int) -> None:
        self.index = min(max(0, self.index + step), max(len(self.votes) - 1, 0))
        self.rebuild()

    def _enter(self) -> None:
        """The next motion; after the last, the quarter goes on, and the guide's note on
        how a session votes, shown over the hall, counts as read (it would otherwise cover
        the hall at every session until G)."""
        if self.index < len(self.votes) - 1:
            self._go(1)
        else:
            self.guide.read()
            self.then()

    # --- drawing --------------------------------------------------------------------------

    def bottom(self) -> int:
        """The y above the buttons."""
        return self.foot - 10

    def hall_rect(self) -> pygame.Rect:
        w, _ = self.app.window.get_size()
        return pygame.Rect(10, 60, int(w * 0.58), self.bottom() - 60)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        self.zones = []
        draw.poster_background(surface, theme)
        w, _ = surface.get_size()
        draw.header_bar(
            surface,
            theme,
            pygame.Rect(0, 0, w, 48),
            session_title(self.session["name"].upper(), self.session["date"], " · ", ""),
            self.zone,
        )
        hall = self.hall_rect()
        if self.votes:
            if self.index not in self.images:
                self.images[self.index] = self._render_hall(hall.size, self.votes[self.index])
            surface.blit(self.images[self.index], hall.topleft)
        else:
            draw.text_block(
                surface,
                theme,
                "No motion came to a vote at this session: nobody moved one that still made sense.",
                (hall.x + 20, hall.centery),
                hall.w - 40,
                "heading",
            )
        self._draw_agenda(surface, self.agenda_rect())

    def agenda_rect(self) -> pygame.Rect:
        hall, w = self.hall_rect(), self.app.window.get_width()
        return pygame.Rect(hall.right + 10, 60, w - hall.right - 20, self.bottom() - 60)

    def on_event(self, event: pygame.event.Event) -> bool:
        return self.guide.on_event(event)

    def draw_over(self, surface: pygame.Surface) -> None:
        self.guide.draw(surface)

    def _camp(self, bloc: dict[str, Any]) -> int:
        """The faction that controls a bloc (the number of factions for nobody), to seat
        each camp's blocs side by side."""
        spec, state = self.match.spec, self.match.state
        name = bloc["name"]
        if name in spec.region_names:
            owner = int(state.secretary[0, spec.region_names.index(name)])
            return owner if owner >= 0 else spec.n_factions
        for f, fname in enumerate(spec.faction_names):
            if name.startswith(fname + " ("):
                return f
        return spec.n_factions

    def _bloc_colour(self, name: str) -> tuple[int, int, int]:
        camp = self._camp({"name": name})
        spec = self.match.spec
        return self.app.theme.faction_colour(
            spec.faction_colour, camp if camp < spec.n_factions else -1
        )

    def _render_hall(self, size: tuple[int, int], vote: dict[str, Any]) -> pygame.Surface:
        """The hall: a seat per vote in the blocs' colours, the tally and the verdict in its
        middle, and the legend under it (wrapped to the hall's width)."""
        theme = self.app.theme
        image = pygame.Surface(size, pygame.SRCALPHA)
        blocs = sorted((b for b in vote["blocs"] if b["size"] > 0), key=self._camp)
        total = sum(b["size"] for b in blocs)
        legend = draw.wrap(
            theme,
            f"{total} votes · filled seat: yes · hollow seat: no · colour: the camp that "
            "controls the bloc",
            size[0] - 8,
            "small",
        )
        step = theme.font("small").get_linesize()
        centre = self.centre = (size[0] // 2, size[1] - 28 - step * len(legend))
        outer = min(size[0] / 2 - 12, centre[1] - 20)
        seats = hemicycle(total, centre, outer)
        radius = max(2, min(9, int(outer * 1.5 / math.sqrt(max(total, 1) * 1.6))))
        at = 0
        self.arcs = []
        for bloc in blocs:
            colour = self._bloc_colour(bloc["name"])
            group = seats[at : at + bloc["size"]]
            if group:
                self.arcs.append((group[0][2], group[-1][2], self._bloc_tip(bloc)))
            for k, (x, y, _) in enumerate(group):
                if k < bloc["yes"]:
                    pygame.draw.circle(image, colour, (x, y), radius)
                else:
                    pygame.draw.circle(image, theme.colour("paper"), (x, y), radius)
                    pygame.draw.circle(image, colour, (x, y), radius, max(1, radius // 3))
            at += bloc["size"]
        verdict = "CARRIED" if vote["passed"] else "DEFEATED"
        colour = theme.colour("yes") if vote["passed"] else theme.colour("no")
        tally = theme.text(f"{vote['yes']} – {vote['no']}", "title", theme.colour("ink"), "poster")
        word = theme.text(verdict, "heading", colour, "poster")
        top = centre[1] + 4 - word.get_height() - tally.get_height() - 4
        image.blit(tally, tally.get_rect(midtop=(centre[0], top)))
        image.blit(word, word.get_rect(midtop=(centre[0], top + tally.get_height() + 4)))
        for i, line in enumerate(legend):
            text = theme.text(line, "small", theme.colour("muted"))
            image.blit(text, text.get_rect(midtop=(centre[0], centre[1] + 20 + i * step)))
        return image

    def _bloc_tip(self, bloc: dict[str, Any]) -> str:
        top = sorted(
            ((t, bloc["terms"][t]) for t in TERMS if t != "bias"),
            key=lambda kv: -abs(kv[1]),
        )[:3]
        reasons = ", ".join(f"{t} {v:+.2f}" for t, v in top)
        side = bloc_verdict(bloc["yes"], bloc["no"])
        solid = bloc.get("solid", 0)
        block = f" {solid} cast as one by its machine or faction;" if solid else ""
        return (
            f"{bloc['name']}: {bloc['size']} votes, {bloc['yes']} yes and {bloc['no']} no "
            f"({side}).{block} Strongest pulls on the rest: {reasons} (positive pushes toward "
            "yes)."
        )

    def tooltip_at(self, pos: tuple[int, int]) -> str | None:
        hall = self.hall_rect()
        if not self.votes or not hall.collidepoint(pos):
            return super().tooltip_at(pos)
        cx, cy = hall.x + self.centre[0], hall.y + self.centre[1]
        dx, dy = pos[0] - cx, cy - pos[1]
        if dy < 0:
            return None
        angle = math.atan2(dy, -dx)
        for start, end, text in self.arcs:
            if start - 0.01 <= angle <= end + 0.01:
                return text
        return None

    def _draw_agenda(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The agenda (the motion shown marked), who moved it and the tally, why it went this
        way, and each bloc's vote, each cut where the panel ends (whole in its tooltip)."""
        theme = self.app.theme
        top = draw.panel(surface, theme, rect, "The agenda", self.zone)
        inner = pygame.Rect(rect.x + 8, top, rect.w - 16, rect.bottom - top - 4)
        column = draw.Column(surface, theme, inner, self.zone)
        for i, vote in enumerate(self.votes):
            mark = "▸ " if i == self.index else "   "
            current = i == self.index
            colour = theme.colour("red") if current else theme.colour("ink")
            text = f"{mark}{i + 1}. {vote['title']} — {_result(vote)}"
            column.add(text, 0, colour=colour, face="bold" if current else "regular", lines=2)
        if not self.votes:
            note = "Nothing came to a vote: the session met, and the quarter goes on."
            column.add(note, colour=theme.colour("muted"))
            return
        vote = self.votes[self.index]
        spec = self.match.spec
        sponsor = vote["sponsor"]
        mover = mover_name(spec, sponsor)
        tally = f"Moved by {mover}. {vote['yes']} for, {vote['no']} against: {_result(vote)}."
        column.add(tally, 8, "body", face="bold")
        for entry in self.declared:
            column.add(declaration_text(spec, entry), 4, colour=theme.colour("red"), lines=5)
        column.add("Why it went this way:", 6, colour=theme.colour("red"), face="bold")
        for reason in vote_reasons(logged_blocs(vote)):
            column.add("· " + reason, lines=4)
        self._bloc_lines(
            surface, vote, pygame.Rect(inner.x, column.y + 6, inner.w, inner.bottom - column.y - 6)
        )

    def _bloc_lines(self, surface: pygame.Surface, vote: dict[str, Any], rect: pygame.Rect) -> None:
        """Each bloc's vote, the largest first, as many as fit in ``rect`` (each cut to its
        width, whole in its tooltip); a last line says how many more there are."""
        theme = self.app.theme
        line = theme.font("small").get_linesize()
        blocs = sorted((b for b in vote["blocs"] if b["size"] > 0), key=lambda b: -b["size"])
        room = max(rect.h // line, 0)
        shown = blocs if len(blocs) <= room else blocs[: max(room - 1, 0)]
        y = rect.y
        for bloc in shown:
            pygame.draw.rect(surface, self._bloc_colour(bloc["name"]), (rect.x, y + 3, 9, 9))
            side = bloc_verdict(bloc["yes"], bloc["no"])
            tail = f": {bloc['yes']}–{bloc['no']} ({side})"
            width = rect.w - 14 - theme.font("small").size(tail)[0]
            name = draw.fit(theme, bloc["name"], width, "small", "regular")
            surface.blit(theme.text(name + tail, "small"), (rect.x + 14, y))
            self.zone(pygame.Rect(rect.x, y, rect.w, line), self._bloc_tip(bloc))
            y += line
        if room and len(shown) < len(blocs):
            more = f"And {len(blocs) - len(shown)} more blocs (hover the hall)."
            text = draw.fit(theme, more, rect.w, "small", "regular")
            surface.blit(theme.text(text, "small", theme.colour("muted")), (rect.x, y))
            if text != more:  # a tooltip only to give a cut line whole: it stood over the buttons
                self.zone(pygame.Rect(rect.x, y, rect.w, line), more)
