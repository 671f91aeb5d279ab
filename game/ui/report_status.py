"""Writing a finished game's report from the end screen: the reference batch and the HTML
are made in a thread (the window keeps drawing), with a progress bar, then the full path of
the file written, or why it could not be."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.boundary.refusal import Refused
from game.play.match import Match
from game.play.reports import write_game_report
from game.ui import draw
from game.ui.draw import Zone
from game.ui.theme import Theme
from game.ui.worker import Worker, checkpoint


class ReportWriter:
    """One game's report: started by ``start``, followed by ``update`` every frame."""

    def __init__(self, match: Match, runs: int) -> None:
        self.match = match
        self.runs = runs
        self.worker: Worker[Path] | None = None
        self.games = 0.0  # games of the reference batch played so far (written by the thread)
        self.path: Path | None = None
        self.error: str | None = None

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        """Write the report in a thread (nothing if it is being or has been written)."""
        if self.worker is None and self.path is None:
            self.games, self.path, self.error = 0.0, None, None
            self.worker = Worker(lambda: write_game_report(self.match, self.runs, self._played))

    def _played(self, games: float) -> None:
        """Told by the thread of the games played; stops it if the window is closing."""
        self.games += games
        checkpoint()

    def update(self) -> None:
        """Take the thread's result once it has finished."""
        if self.worker is None or not self.worker.done:
            return
        try:
            self.path = self.worker.result()
        except (Refused, OSError) as error:
            self.error = f"The report could not be written: {error}"
        self.worker = None

    def draw(self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, zone: Zone) -> None:
        """The progress bar while writing, then where the report is (or the error), each
        cut to ``rect`` (whole in its tooltip)."""
        font = theme.font("small", "bold")
        if self.running:
            text = f"Writing the report: {self.runs:,} runs of the same scenario to compare with…"
            shown = draw.fit(theme, text, rect.w, "small")
            surface.blit(theme.text(shown, "small", face="bold"), rect.topleft)
            gauge = pygame.Rect(rect.x, rect.y + font.get_linesize() + 4, rect.w, 12)
            draw.bar(surface, theme, gauge, self.games / self.runs, theme.colour("red"))
            if shown != text:
                zone(rect, text)
        elif self.path is not None:
            text = f"Report written: {self.path.resolve()}"
            lines = path_lines(font, text, rect.w)
            kept = lines[: max(rect.h // font.get_linesize(), 1)]
            for i, line in enumerate(kept):
                image = theme.text(draw.fit(theme, line, rect.w, "small"), "small", face="bold")
                surface.blit(image, (rect.x, rect.y + i * font.get_linesize()))
            if len(kept) < len(lines) or any(font.size(line)[0] > rect.w for line in kept):
                zone(rect, text)
        elif self.error is not None:
            draw.text_block(
                surface,
                theme,
                self.error,
                rect.topleft,
                rect.w,
                "small",
                theme.colour("red"),
                bottom=rect.bottom,
                zone=zone,
            )


def path_lines(font: pygame.font.Font, path: str, width: int) -> list[str]:
    """A file path broken after its separators into lines no wider than ``width`` (a part
    wider than that stays whole)."""
    lines = [""]
    for part in path.replace("/", "/\0").replace("\\", "\\\0").split("\0"):
        if lines[-1] and font.size(lines[-1] + part)[0] > width:
            lines.append("")
        lines[-1] += part
    return lines
