"""The title screen: the poster, and the way into a new game, the last game, the saves, the
class exercises, the counterfactual lab, the settings and the help."""

from __future__ import annotations

import pygame

from game.play.saves import AUTOSAVE, save_path
from game.ui import draw, flow
from game.ui.screen import Screen


class TitleScreen(Screen):
    name = "title"
    shows_message = True

    def build(self) -> None:
        w, h = self.app.window.get_size()
        x, y, bw, bh = int(w * 0.62), int(h * 0.3), int(w * 0.3), self.app.theme.row() + 14
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
        self.zones = []
        draw.poster_background(surface, theme, bold=True)
        w, h = surface.get_size()
        ink, red = theme.colour("ink"), theme.colour("red")
        room = int(w * 0.62) - int(w * 0.06) - 2 * 20 - 16  # the card ends before the buttons
        body = (
            "Spring 1922. Lenin is ill. Four camps reach for his mantle: Stalin's Centre, "
            "Trotsky's Left, Zinoviev's Leningrad Machine and Bukharin's Right.\nOnly party "
            "bodies vote. Win them."
        )
        lines = [
            (theme.text("HEIRS", "poster", ink, "poster"), 0),
            (theme.text("OF LENIN", "poster", red, "poster"), 6),
            (theme.text("НАСЛЕДНИКИ ЛЕНИНА · 1922–1929", "heading", ink, "poster"), 18),
            *((theme.text(line, "body", ink), 3) for line in draw.wrap(theme, body, room)),
        ]
        draw.text_card(surface, theme, lines, (int(w * 0.06), int(h * 0.08)), pad=20)
        if self.app.message:  # a message from the last screen, on a card of its own
            wrapped, cut = draw.wrapped(theme, self.app.message, room, "small", lines=3)
            notes = [(theme.text(line, "small", ink), 2) for line in wrapped]
            card = draw.text_card(surface, theme, notes, (int(w * 0.06), int(h * 0.8)), pad=10)
            if cut:
                self.zone(card, self.app.message)
