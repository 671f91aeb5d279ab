"""The guided opening: a few notes on the board in the first quarters, each pointing at the
part of the screen it explains — the actions, the apparatus, the delegates, unity and the
sessions — as they first matter. Shown one at a time, only in the first quarters.

Each human player at the machine has their own progress (hot-seat): notes one player has
read, or a guide one player has stopped, do not affect the others. 'Stop the guide' ends it
for that player in this game; the settings' "Guided opening" is the default for new games."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.engine.forecast import next_session
from game.play.match import Match
from game.ui import draw

if TYPE_CHECKING:
    from game.ui.app import App


@dataclass(frozen=True)
class Step:
    """One note: shown from quarter ``turn`` on, pointing at the board's ``anchor``."""

    id: str
    turn: int
    anchor: str
    title: str
    text: str


STEPS = (
    Step(
        "actions",
        0,
        "actions",
        "Your quarter",
        "Each quarter you plan two actions, paid for with influence (the red number on your panel). Pick a kind, then an option: before you commit you see its cost, what it does and its likely effect. Undo takes an action back until you end the quarter.",
    ),
    Step(
        "apparatus",
        0,
        "map",
        "The apparatus",
        "Each disc is a region's party organisation. Its fill shows whose man is the regional secretary. Secretaries steer their region's delegates and pull its members their way; the General Secretary appoints them. Hover a region for its numbers.",
    ),
    Step(
        "delegates",
        0,
        "cc",
        "Delegates and the Central Committee",
        "Congresses vote by regional delegations, sized by membership: big regions send many delegates. A congress elects the Central Committee, which votes at plenums and fills the Politburo.",
    ),
    Step(
        "unity",
        0,
        "tracks",
        "Unity",
        "Open fights between big camps lower party unity. If it falls below the white mark, the party splits and every faction loses. Denouncing rivals and appeals outside the party cost unity.",
    ),
    Step(
        "sessions",
        0,
        "header",
        "Sessions",
        "When a congress, conference or plenum meets, motions are voted. Table a motion and it goes to the next session; the forecast shows the likely vote and why. Sessions get their own screen.",
    ),
    Step(
        "news",
        1,
        "news",
        "The news",
        "What every faction did last quarter, the events, and every vote with its reasons.",
    ),
)


GUIDE_QUARTERS = 3  # the notes are shown in the first quarters only (also after a load)


@dataclass
class GuideProgress:
    """One player's progress through the guide: the notes read, and whether it was stopped."""

    seen: set[str] = field(default_factory=set)
    stopped: bool = False


class Guide:
    """The guide of the player at the board, and its note, drawn above the board's widgets
    with two buttons of its own: 'Got it' (G) and 'Stop the guide' (X)."""

    def __init__(self, app: App, match: Match, progress: GuideProgress) -> None:
        self.app = app
        self.match = match
        self.progress = progress
        self.anchors: dict[str, pygame.Rect] = {}
        self.box = pygame.Rect(0, 0, 0, 0)
        self.next_rect = pygame.Rect(0, 0, 0, 0)
        self.stop_rect = pygame.Rect(0, 0, 0, 0)

    def current(self) -> Step | None:
        turn = self.match.state.turn
        if not self.match.setup.guided or self.progress.stopped or turn >= GUIDE_QUARTERS:
            return None
        for step in STEPS:
            if step.id not in self.progress.seen and turn >= step.turn and self._relevant(step):
                return step
        return None

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
            draw.wrap(theme, step.text, room, "small"),
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
            self.progress.seen.add(step.id)
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_x:
            self.stop()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.next_rect.collidepoint(event.pos):
                self.progress.seen.add(step.id)
                return True
            if self.stop_rect.collidepoint(event.pos):
                self.stop()
                return True
            return self.box.collidepoint(event.pos)
        return False

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
