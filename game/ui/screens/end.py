"""The end: who won and how, the game's timeline beside history's (each checkpoint of the
scenario: reached or not, when, against its real date), and each faction's strength over
time, charted with matplotlib."""

from __future__ import annotations

import pygame

from game.engine.outcome import SPLIT
from game.play.match import Match
from game.ui import draw, flow
from game.ui.app import App
from game.ui.charts import strength_chart
from game.ui.screen import Screen


def verdict(match: Match) -> str:
    """Who won and how, in a sentence."""
    spec = match.spec
    outcome = match.outcome()
    winner = int(outcome.winner[0])
    if winner == SPLIT:
        return "The party has split. The fear of every Bolshevik came true, and every faction lost."
    name = spec.faction_names[winner]
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

    def build(self) -> None:
        w, h = self.app.window.get_size()
        self.chart = None
        self.button(
            pygame.Rect(w - 420, h - 52, 200, 40),
            "New game  [N]",
            lambda: flow.new_game(self.app),
            key=pygame.K_n,
        )
        self.button(
            pygame.Rect(w - 210, h - 52, 200, 40),
            "Title  [Enter]",
            lambda: flow.title(self.app),
            key=pygame.K_RETURN,
            object_id="@poster",
        )

    def chart_rect(self) -> pygame.Rect:
        w, h = self.app.window.get_size()
        return pygame.Rect(w // 2 + 10, 120, w // 2 - 20, h - 190)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        self.zones = []
        draw.poster_background(surface, theme)
        w, h = surface.get_size()
        draw.header_bar(surface, theme, pygame.Rect(0, 0, w, 48), "THE END OF THE STRUGGLE")
        draw.text_block(
            surface,
            theme,
            verdict(self.match),
            (20, 60),
            w - 40,
            "heading",
            face="bold",
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
        self._timeline(surface, pygame.Rect(20, 120, w // 2 - 30, h - 190))

    def _timeline(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.app.theme
        spec, state = self.match.spec, self.match.state
        top = draw.panel(surface, theme, rect, "Your game beside history")
        line = theme.font("small").get_linesize()
        x = rect.x + 8
        surface.blit(theme.text("really", "small", theme.colour("muted"), "bold"), (x, top))
        surface.blit(
            theme.text("in your game", "small", theme.colour("muted"), "bold"), (x + 70, top)
        )
        surface.blit(theme.text("what", "small", theme.colour("muted"), "bold"), (x + 170, top))
        y = top + line + 2
        reached_count = 0
        for c, checkpoint in enumerate(spec.checkpoints):
            if y > rect.bottom - 2 * line:
                break
            turn = int(state.reached[0, c])
            if turn >= 0:
                reached_count += 1
                offset = turn - checkpoint.turn
                when = spec.quarter_labels[turn]
                delta = "on time" if offset == 0 else f"{offset:+d} q"
                colour = theme.colour("yes")
            else:
                when, delta, colour = "not reached", "", theme.colour("no")
            surface.blit(theme.text(checkpoint.date, "small"), (x, y))
            surface.blit(theme.text(f"{when} {delta}", "small", colour, "bold"), (x + 70, y))
            title = theme.text(checkpoint.title[:48], "small")
            surface.blit(title, (x + 170, y))
            self.zone(
                pygame.Rect(x, y, rect.w - 16, line),
                f"{checkpoint.title} ({checkpoint.date}): {checkpoint.description}"
                + (f" Note: {checkpoint.note}" if checkpoint.note else ""),
            )
            y += line
        total = len(spec.checkpoints)
        summary = f"{reached_count} of {total} moments of real history happened in your game."
        surface.blit(
            theme.text(summary, "small", theme.colour("red"), "bold"), (x, rect.bottom - line - 4)
        )
