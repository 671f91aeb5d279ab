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
        self.report = ReportWriter(match, app.options.report_runs)
        if match.setup.exercise:  # an exercise's game writes its report unasked
            self.report.start()

    def build(self) -> None:
        """Write report, New game and Title; the focus starts on Write report, so Enter
        writes it, and moves to Title once it is written."""
        w, h = self.app.window.get_size()
        self.chart = None
        write = self.button(
            pygame.Rect(w - 630, h - 52, 200, 40),
            "Write report  [R]",
            self.report.start,
            tooltip="An HTML report of this game: its outcome among runs of the same scenario, "
            "its timeline and where it left history, in the reports folder.",
            key=pygame.K_r,
            object_id="@poster",
        )
        self.button(
            pygame.Rect(w - 420, h - 52, 200, 40),
            "New game  [N]",
            lambda: flow.new_game(self.app),
            key=pygame.K_n,
        )
        self.title = self.button(
            pygame.Rect(w - 210, h - 52, 200, 40),
            "Title  [T]",
            lambda: flow.title(self.app),
            key=pygame.K_t,
        )
        self.focus_on(self.title if self.report.path is not None else write)

    def update(self, dt: float) -> None:
        written = self.report.path
        self.report.update()
        if written is None and self.report.path is not None:
            self.focus_on(self.title)  # written: Enter now leaves

    def top(self) -> int:
        """The y under the verdict (two lines of heading) and the line of dice and players."""
        theme = self.app.theme
        return (
            60
            + 2 * theme.font("heading", "bold").get_linesize()
            + 2 * theme.font("small").get_linesize()
            + 8
        )

    def chart_rect(self) -> pygame.Rect:
        w, h = self.app.window.get_size()
        return pygame.Rect(w // 2 + 10, self.top(), w // 2 - 20, h - 70 - self.top())

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        self.zones = []
        draw.poster_background(surface, theme)
        w, h = surface.get_size()
        draw.header_bar(surface, theme, pygame.Rect(0, 0, w, 48), "THE END OF THE STRUGGLE")
        y = draw.text_block(
            surface,
            theme,
            verdict(self.match),
            (20, 60),
            w - 40,
            "heading",
            face="bold",
            max_lines=2,
        )
        players = players_text(self.match.spec, self.match.players)
        draw.text_block(
            surface,
            theme,
            f"Dice: seed {self.match.setup.seed}. Played by {players}.",
            (20, y + 2),
            w - 40,
            "small",
            theme.colour("muted"),
            max_lines=2,
        )
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
        self._timeline(surface, pygame.Rect(20, self.top(), w // 2 - 30, h - 70 - self.top()))
        self.report.draw(surface, theme, pygame.Rect(20, h - 60, w - 670, 56))

    def _timeline(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """History's checkpoints in date order, each with when (if ever) it happened in this
        game; columns as wide as their widest entry."""
        theme = self.app.theme
        spec, state = self.match.spec, self.match.state
        top = draw.panel(surface, theme, rect, "Your game beside history")
        line = theme.font("small").get_linesize()
        rows = [
            _checkpoint_row(spec, int(state.reached[0, c]), c) for c in range(len(spec.checkpoints))
        ]
        rows.sort(key=lambda row: spec.checkpoints[row[0]].date)
        font = theme.font("small", "bold")
        x1 = rect.x + 8
        x2 = x1 + max(font.size(t)[0] for t in ("really", *(r[1] for r in rows))) + 14
        x3 = x2 + max(font.size(t)[0] for t in ("in your game", *(r[2] for r in rows))) + 14
        muted = theme.colour("muted")
        for x, head in ((x1, "really"), (x2, "in your game"), (x3, "what")):
            surface.blit(theme.text(head, "small", muted, "bold"), (x, top))
        y = top + line + 2
        for c, date, when, reached in rows:
            if y > rect.bottom - 2 * line:
                break
            checkpoint = spec.checkpoints[c]
            colour = theme.colour("yes" if reached else "no")
            surface.blit(theme.text(date, "small"), (x1, y))
            surface.blit(theme.text(when, "small", colour, "bold"), (x2, y))
            surface.blit(theme.text(checkpoint.title, "small"), (x3, y))
            self.zone(
                pygame.Rect(x1, y, rect.w - 16, line),
                f"{checkpoint.title} ({checkpoint.date}): {checkpoint.description}"
                + (f" Note: {checkpoint.note}" if checkpoint.note else ""),
            )
            y += line
        reached_count = sum(1 for row in rows if row[3])
        summary = f"{reached_count} of {len(rows)} moments of real history happened in your game."
        red = theme.colour("red")
        surface.blit(theme.text(summary, "small", red, "bold"), (x1, rect.bottom - line - 4))


def _checkpoint_row(spec: GameSpec, turn: int, c: int) -> tuple[int, str, str, bool]:
    """(checkpoint, its real date, when it happened here and how early or late, reached?)."""
    checkpoint = spec.checkpoints[c]
    if turn < 0:
        return c, checkpoint.date, "not reached", False
    offset = turn - checkpoint.turn
    delta = "on time" if offset == 0 else f"{offset:+d} q"
    return c, checkpoint.date, f"{spec.quarter_labels[turn]} {delta}", True
