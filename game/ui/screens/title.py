"""The title screen: the poster, and the way into a new game, the last game, the saves, the
class exercises, the counterfactual lab, the settings and the help."""

from __future__ import annotations

import pygame

from game.play.saves import AUTOSAVE, save_path
from game.ui import draw, flow
from game.ui.screen import Screen


class TitleScreen(Screen):
    name = "title"

    def build(self) -> None:
        w, h = self.app.window.get_size()
        x, y, bw, bh = int(w * 0.62), int(h * 0.3), int(w * 0.3), 40
        items = [
            ("New game  [N]", lambda: flow.new_game(self.app), pygame.K_n, True),
            (
                "Continue  [C]",
                lambda: flow.load_game(self.app, save_path(AUTOSAVE)),
                pygame.K_c,
                save_path(AUTOSAVE).exists(),
            ),
            ("Load a game  [L]", lambda: flow.saves(self.app), pygame.K_l, True),
            ("Class exercises  [E]", lambda: flow.exercises(self.app), pygame.K_e, True),
            ("Counterfactual lab  [B]", lambda: flow.lab(self.app), pygame.K_b, True),
            ("Settings  [S]", lambda: flow.settings(self.app), pygame.K_s, True),
            ("Help and glossary  [H]", lambda: flow.help(self.app), pygame.K_h, True),
            ("Quit  [Esc]", self.app.quit, pygame.K_ESCAPE, True),
        ]
        for i, (text, action, key, enabled) in enumerate(items):
            rect = pygame.Rect(x, y + i * (bh + 10), bw, bh)
            self.button(rect, text, action, key=key, enabled=enabled)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.poster_background(surface, theme, bold=True)
        w, h = surface.get_size()
        ink, paper, red = theme.colour("ink"), theme.colour("paper"), theme.colour("red")
        title = theme.text("HEIRS", "poster", ink, "poster")
        surface.blit(title, (int(w * 0.06), int(h * 0.08)))
        title2 = theme.text("OF LENIN", "poster", red, "poster")
        surface.blit(title2, (int(w * 0.06), int(h * 0.08) + title.get_height()))
        sub = theme.text("НАСЛЕДНИКИ ЛЕНИНА · 1922–1929", "heading", ink, "poster")
        surface.blit(sub, (int(w * 0.06), int(h * 0.08) + 2 * title.get_height() + 6))
        lines = (
            "Spring 1922. Lenin is ill. Four camps reach for his mantle:",
            "the General Secretary, the Left, the Leningrad bloc and the Right.",
            "Only party bodies vote. Win them.",
        )
        y = int(h * 0.08) + 2 * title.get_height() + 48
        for line in lines:
            surface.blit(theme.text(line, "body", ink), (int(w * 0.06), y))
            y += theme.font("body").get_linesize()
        if self.app.message:
            box = pygame.Rect(int(w * 0.06), int(h * 0.78), int(w * 0.5), 60)
            pygame.draw.rect(surface, ink, box)
            draw.text_block(
                surface,
                theme,
                self.app.message,
                (box.x + 8, box.y + 6),
                box.w - 16,
                "small",
                paper,
                max_lines=3,
            )
