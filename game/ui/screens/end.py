"""The end: who won and how, the game's timeline beside history's (each checkpoint of the
scenario: reached or not, when, against its real date), each faction's strength over time,
charted with matplotlib, and the game's report (written unasked for a class exercise)."""

from __future__ import annotations

import pygame

from game.analysis.report_game import players_text
from game.engine.names import faction_name
from game.engine.outcome import SPLIT
from game.engine.spec import GameSpec
from game.play.match import Match
from game.ui import draw, flow
from game.ui.app import App
from game.ui.charts import strength_chart
from game.ui.report_status import ReportWriter
from game.ui.screen import Screen


def verdict(match: Match) -> str:
    """Who won and how, in a sentence."""
    spec = match.spec
    outcome = match.outcome()
    winner = int(outcome.winner[0])
    if winner == SPLIT:
        return "The party has split. The fear of every Bolshevik came true, and every faction lost."
    name = faction_name(spec, match.state, winner)
    leader = spec.figure_names[int(spec.faction_leader[winner])]
    if outcome.outright[0]:
        return (
            f"{name} wins outright: {leader} holds the commanding heights and every rival "
            "leader is out of the party or has recanted."
        )
    return (
        f"{name} wins on strength: no one crushed every rival, but {leader}'s camp holds the "
        "most seats, offices and standing."
    )


class EndScreen(Screen):
    name = "end"

    def __init__(self, app: App, match: Match) -> None:
        super().__init__(app)
        self.match = match
        self.chart: pygame.Surface | None = None
        self.head: tuple[tuple[int, int], list[str], list[str]] | None = None
        self.report = ReportWriter(match, app.options.report_runs)
        if match.setup.exercise:  # an exercise's game writes its report unasked
            self.report.start()

    def build(self) -> None:
        """Write report, New game and Title; the focus stays on Write report, so Enter
        writes it and, once it is written, does nothing more: only N or T leave."""
        w, h = self.app.window.get_size()
        self.chart = None
        labels = ["Write report  [R]", "New game  [N]", "Title  [T]"]
        foot = pygame.Rect(w // 2 + 10, 0, w // 2 - 20, h - 10)
        rects = self.foot_rects(foot, labels)
        write = self.button(
            rects[0],
            labels[0],
            self.report.start,
            tooltip="An HTML report of this game: its outcome among runs of the same scenario, "
            "its timeline and where it left history, in the reports folder.",
            key=pygame.K_r,
            object_id="@poster",
        )
        self.button(rects[1], labels[1], lambda: flow.new_game(self.app), key=pygame.K_n)
        self.button(rects[2], labels[2], lambda: flow.title(self.app), key=pygame.K_t)
        self.focus_on(write)

    def update(self, dt: float) -> None:
        self.report.update()

    def _head(self) -> tuple[list[str], list[str]]:
        """The verdict's lines (heading) and the line of dice and players (small), broken
        to the window's width (once per layout)."""
        theme, w = self.app.theme, self.app.window.get_width()
        if self.head is not None and self.head[0] == (w, id(theme)):
            return self.head[1], self.head[2]
        verdict_lines = draw.wrap(theme, verdict(self.match), w - 40, "heading", "bold")
        players = players_text(self.match.spec, self.match.players)
        dice = f"Dice: seed {self.match.setup.seed}. Played by {players}."
        self.head = ((w, id(theme)), verdict_lines, draw.wrap(theme, dice, w - 40, "small"))
        return self.head[1], self.head[2]

    def top(self) -> int:
        """The y under the verdict and the line of dice and players."""
        theme = self.app.theme
        verdict_lines, dice = self._head()
        return (
            60
            + len(verdict_lines) * theme.font("heading", "bold").get_linesize()
            + len(dice) * theme.font("small").get_linesize()
            + 10
        )

    def bottom(self) -> int:
        """The y above the buttons and the report's line."""
        return self.foot - 8

    def chart_rect(self) -> pygame.Rect:
        w, _ = self.app.window.get_size()
        return pygame.Rect(w // 2 + 10, self.top(), w // 2 - 20, self.bottom() - self.top())

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        self.zones = []
        draw.poster_background(surface, theme)
        w, h = surface.get_size()
        draw.header_bar(surface, theme, pygame.Rect(0, 0, w, 48), "THE END OF THE STRUGGLE")
        verdict_lines, dice = self._head()
        y = 60
        for text, role, face, colour in (
            *((line, "heading", "bold", None) for line in verdict_lines),
            *((line, "small", "regular", theme.colour("muted")) for line in dice),
        ):
            y = surface.blit(theme.text(text, role, colour, face), (20, y)).bottom
        rect = self.chart_rect()
        if self.chart is None:
            self.chart = strength_chart(self.match.spec, self.match.strength, rect.size, theme)
        surface.blit(self.chart, rect)
        self.zone(
            rect,
            "Power score after each quarter: Politburo seats, offices, the Central Committee "
            "share and prestige, weighted as at the end of the game. The strongest wins if "
            "nobody wins outright.",
        )
        self._timeline(
            surface, pygame.Rect(20, self.top(), w // 2 - 30, self.bottom() - self.top())
        )
        report = pygame.Rect(20, self.bottom() + 8, w // 2 - 30, h - self.bottom() - 12)
        self.report.draw(surface, theme, report, self.zone)

    def _timeline(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """History's checkpoints in date order, each with when (if ever) it happened in this
        game; the date columns as wide as their widest entry, the titles cut to the rest
        (whole in their tooltips), and how many happened at the foot."""
        theme = self.app.theme
        spec, state = self.match.spec, self.match.state
        top = draw.panel(surface, theme, rect, "Your game beside history", self.zone)
        line = theme.font("small").get_linesize()
        rows = [
            _checkpoint_row(spec, int(state.reached[0, c]), c) for c in range(len(spec.checkpoints))
        ]
        rows.sort(key=lambda row: spec.checkpoints[row[0]].date)
        reached_count = sum(1 for row in rows if row[3])
        summary = f"{reached_count} of {len(rows)} moments of real history happened in your game."
        foot = draw.wrap(theme, summary, rect.w - 16, "small", "bold")
        bottom = rect.bottom - 4 - line * len(foot)
        font = theme.font("small", "bold")
        x1 = rect.x + 8
        x2 = x1 + max(font.size(t)[0] for t in ("really", *(r[1] for r in rows))) + 14
        x3 = x2 + max(font.size(t)[0] for t in ("in your game", *(r[2] for r in rows))) + 14
        muted = theme.colour("muted")
        for x, head in ((x1, "really"), (x2, "in your game"), (x3, "what")):
            surface.blit(theme.text(head, "small", muted, "bold"), (x, top))
        y = top + line + 2
        room = max((bottom - y) // line, 1)
        if len(rows) > room:  # the last line tells the rows that do not fit
            rest = rows[room - 1 :]
            more = f"… and {len(rest)} more (hover here)"
            drawn = surface.blit(theme.text(more, "small", muted), (x1, y + (room - 1) * line))
            self.zone(
                drawn, "; ".join(f"{d}: {spec.checkpoints[c].title}, {w}" for c, d, w, _ in rest)
            )
            rows = rows[: room - 1]
        for c, date, when, reached in rows:
            checkpoint = spec.checkpoints[c]
            colour = theme.colour("yes" if reached else "no")
            surface.blit(theme.text(date, "small"), (x1, y))
            surface.blit(theme.text(when, "small", colour, "bold"), (x2, y))
            title = draw.fit(theme, checkpoint.title, rect.right - 8 - x3, "small", "regular")
            surface.blit(theme.text(title, "small"), (x3, y))
            self.zone(
                pygame.Rect(x1, y, rect.w - 16, line),
                f"{checkpoint.title} ({checkpoint.date}): {checkpoint.description}"
                + (f" Note: {checkpoint.note}" if checkpoint.note else ""),
            )
            y += line
        red = theme.colour("red")
        for i, text in enumerate(foot):
            surface.blit(theme.text(text, "small", red, "bold"), (x1, bottom + i * line))


def _checkpoint_row(spec: GameSpec, turn: int, c: int) -> tuple[int, str, str, bool]:
    """(checkpoint, its real date, when it happened here and how early or late, reached?)."""
    checkpoint = spec.checkpoints[c]
    if turn < 0:
        return c, checkpoint.date, "not reached", False
    offset = turn - checkpoint.turn
    delta = "on time" if offset == 0 else f"{offset:+d} q"
    return c, checkpoint.date, f"{spec.quarter_labels[turn]} {delta}", True
