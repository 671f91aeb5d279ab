"""The guide: notes over a screen, each pointing at the part it explains, one at a time. The
guided opening's notes come in the first quarters, as the actions, the apparatus, the
delegates, unity and the sessions first matter; later notes come the first time something
happens (the first session's screen, the first offer of alliance to the player's faction,
the first sanction voted on against it, the first forecast of its own that the apparatus
beat). The notes' words are in ``guide_notes``, the happenings in ``game.play.happenings``.

Each human player at the machine has their own progress (hot-seat): notes one player has
read, or a guide one player has stopped, do not affect the others. 'Stop the guide' ends it
for that player in this game; the settings' "Guided opening" is the default for new games."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.forecast import next_session
from game.play.happenings import Details, happenings
from game.play.match import GuideProgress, Match
from game.ui import draw
from game.ui.guide_notes import STEPS, Step

if TYPE_CHECKING:
    from game.ui.app import App


GUIDE_QUARTERS = 3  # the opening's notes are shown in the first quarters (also after a load)


class Guide:
    """The guide of a player (``faction``) on a screen (``screen``: the board or a session),
    and its note, drawn above the screen's widgets with two buttons of its own: 'Got it' (G)
    and 'Stop the guide' (X)."""

    def __init__(
        self, app: App, match: Match, progress: GuideProgress, faction: int, screen: str = "board"
    ) -> None:
        self.app = app
        self.match = match
        self.progress = progress
        self.faction = faction
        self.screen = screen
        self.anchors: dict[str, pygame.Rect] = {}
        self.box = pygame.Rect(0, 0, 0, 0)
        self.next_rect = pygame.Rect(0, 0, 0, 0)
        self.stop_rect = pygame.Rect(0, 0, 0, 0)
        self._happened: tuple[int, dict[str, Details]] = (-1, {})

    def happened(self) -> dict[str, Details]:
        """What has happened to the player's faction (worked out once a quarter)."""
        quarters = len(self.match.reports)
        if self._happened[0] != quarters:
            self._happened = (quarters, happenings(self.match, self.faction))
        return self._happened[1]

    def current(self) -> Step | None:
        """The note to show now: the first not yet read of this screen's that is due."""
        if not self.match.setup.guided or self.progress.stopped:
            return None
        for step in STEPS:
            if step.screen == self.screen and step.id not in self.progress.seen and self._due(step):
                return step
        return None

    def _due(self, step: Step) -> bool:
        """An opening note in its quarters (the sessions' only while one is to come); a
        later note once its trigger has happened."""
        turn = self.match.state.turn
        if step.turn is not None and not step.turn <= turn < GUIDE_QUARTERS:
            return False
        return (step.trigger is None or step.trigger in self.happened()) and self._relevant(step)

    def text(self, step: Step) -> str:
        """The note's text, naming what happened."""
        return step.text.format(**self.happened().get(step.trigger or "", {}))

    def _relevant(self, step: Step) -> bool:
        if step.id != "sessions":
            return True
        return next_session(self.match.spec, self.match.state.turn) is not None

    def layout(self, anchors: dict[str, pygame.Rect]) -> None:
        """Place the note for the board's current layout: as high as its title and text,
        its two buttons at its foot."""
        self.anchors = anchors
        step = self.current()
        if step is None:
            return
        self.box = self._box(anchors[step.anchor], step)
        high = self.app.theme.font("small", "bold").get_linesize() + 10
        half = (self.box.w - 24) // 2
        y = self.box.bottom - high - 8
        self.next_rect = pygame.Rect(self.box.x + 8, y, half, high)
        self.stop_rect = pygame.Rect(self.box.x + 16 + half, y, half, high)

    def width(self) -> int:
        w = self.app.window.get_width()
        return min(int(380 * self.app.theme.scale), w // 3)

    def lines(self, step: Step) -> tuple[list[str], list[str]]:
        """The note's title (poster type) and text (small) broken to its width."""
        theme, room = self.app.theme, self.width() - 20
        return (
            draw.wrap(theme, step.title.upper(), room, "heading", "poster"),
            draw.wrap(theme, self.text(step), room, "small"),
        )

    def _box(self, anchor: pygame.Rect, step: Step) -> pygame.Rect:
        w, h = self.app.window.get_size()
        theme = self.app.theme
        title, text = self.lines(step)
        height = (
            8
            + len(title) * theme.font("heading", "poster").get_linesize()
            + 6
            + len(text) * theme.font("small").get_linesize()
            + 8
            + theme.font("small", "bold").get_linesize()
            + 18
        )
        box = pygame.Rect(0, 0, self.width(), height)
        if anchor.w > w * 0.5 or anchor.h < 60:
            box.midtop = (anchor.centerx, anchor.bottom + 16)
        elif anchor.centerx < w // 2:
            box.midleft = (anchor.right + 16, anchor.centery)
        else:
            box.midright = (anchor.x - 16, anchor.centery)
        box.clamp_ip(pygame.Rect(4, 4, w - 8, h - 8))
        return box

    def on_event(self, event: pygame.event.Event) -> bool:
        """G or a click on 'Got it' reads the note; X or 'Stop the guide' ends the guide."""
        step = self.current()
        if step is None:
            return False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_g:
            self.read()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_x:
            self.stop()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.next_rect.collidepoint(event.pos):
                self.read()
                return True
            if self.stop_rect.collidepoint(event.pos):
                self.stop()
                return True
            return self.box.collidepoint(event.pos)
        return False

    def read(self) -> None:
        """The note shown now has been read (it does not come back)."""
        step = self.current()
        if step is not None:
            self.progress.seen.add(step.id)

    def stop(self) -> None:
        """Stop the guide for this player, for the rest of this game."""
        self.progress.stopped = True

    def draw(self, surface: pygame.Surface) -> None:
        step = self.current()
        if step is None or not self.anchors:
            return
        self.layout(self.anchors)
        theme = self.app.theme
        anchor = self.anchors[step.anchor]
        pygame.draw.rect(surface, theme.colour("red"), anchor, 3)
        pygame.draw.line(
            surface, theme.colour("red"), self.box.center, _nearest(anchor, self.box.center), 4
        )
        draw.dark_box(surface, theme, self.box)
        paper = theme.colour("paper")
        title, text = self.lines(step)
        y = self.box.y + 8
        for lines, role, face, gap in (
            (title, "heading", "poster", 6),
            (text, "small", "regular", 0),
        ):
            for line in lines:
                surface.blit(theme.text(line, role, paper, face), (self.box.x + 10, y))
                y += theme.font(role, face).get_linesize()
            y += gap
        draw.flat_button(surface, theme, self.next_rect, "Got it [G]", "red")
        draw.flat_button(surface, theme, self.stop_rect, "Stop the guide [X]", "muted")


def _nearest(rect: pygame.Rect, point: tuple[int, int]) -> tuple[int, int]:
    return (min(max(point[0], rect.x), rect.right), min(max(point[1], rect.y), rect.bottom))
