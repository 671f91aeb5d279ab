"""The board: the state of the party at a glance, and the quarter's actions.

The right-hand panel lists every kind of action, then its options with their cost; picking
one shows what it does, its likely effect and, for a motion, the vote it would get now with
the reasons; an action that is not allowed says why. Planned actions can be taken back until
the quarter is ended. Then the AI factions choose in a worker thread while the window keeps
drawing, and their moves are revealed at the chosen speed (or skipped)."""

from __future__ import annotations

from functools import partial

import pygame
import pygame_gui

from game.engine.actions import family
from game.engine.explain import action_help, action_title, why_illegal
from game.engine.forecast import forecast_vote, likely_effects
from game.play.match import IllegalPlan, Match, TurnReport
from game.play.news import Dispatch, quarter_news
from game.play.settings import AI_SPEEDS
from game.ui import board_view, draw, flow
from game.ui.app import App
from game.ui.guide import Guide
from game.ui.screen import Screen
from game.ui.worker import Worker

CATEGORY_LABELS = {
    "pass": "Wait",
    "publish": "Publish",
    "resign": "Resign?",
    "appeal": "Appeal",
    "recant": "Recant",
    "lobby": "Lobby CC",
    "shift": "Shift line",
    "campaign": "Campaign",
    "appoint": "Appoint",
    "recruit": "Recruit",
    "denounce": "Denounce",
    "ally": "Ally",
    "break": "Break",
    "court": "Court",
    "motion": "Motion",
}
REVEAL_SECONDS = {"slow": 0.9, "normal": 0.45, "fast": 0.15, "instant": 0.0}
NEWS_QUARTERS = 6


class BoardScreen(Screen):
    name = "board"

    def __init__(self, app: App, match: Match, faction: int) -> None:
        super().__init__(app)
        self.match = match
        self.faction = faction
        self.category = "campaign"
        self.page = 0
        self.selected: int | None = None
        self.notice: str | None = None
        self.worker: Worker[TurnReport] | None = None
        self.report: TurnReport | None = None
        self.revealed: list[Dispatch] = []
        self.pending: list[Dispatch] = []
        self.clock = 0.0
        self.layer: pygame.Surface | None = None
        self.layer_zones: list[tuple[pygame.Rect, str]] = []
        self.anchors: dict[str, pygame.Rect] = {}
        self.news_box: pygame_gui.elements.UITextBox | None = None
        self.guide = Guide(app, match)

    def leave(self) -> None:
        if self.news_box is not None:
            self.news_box.kill()
            self.news_box = None
        super().leave()

    # --- layout ---------------------------------------------------------------------------

    def rects(self) -> dict[str, pygame.Rect]:
        w, h = self.app.window.get_size()
        top = 48
        lw, mw = int(w * 0.40), int(w * 0.27)
        x1 = 8 + lw + 8
        x2 = x1 + mw + 8
        map_h = int(h * 0.50)
        panel_h = min(92, (h - top) // 7)
        return {
            "header": pygame.Rect(0, 0, w, top - 4),
            "map": pygame.Rect(8, top, lw, map_h),
            "politburo": pygame.Rect(8, top + map_h + 6, lw, 64),
            "cc": pygame.Rect(8, top + map_h + 76, lw, 44),
            "offices": pygame.Rect(8, top + map_h + 126, lw, h - (top + map_h + 126) - 8),
            "factions": pygame.Rect(x1, top, mw, 4 * (panel_h + 4)),
            "news": pygame.Rect(
                x1, top + 4 * (panel_h + 4) + 4, mw, h - (top + 4 * (panel_h + 4) + 4) - 8
            ),
            "actions": pygame.Rect(x2, top, w - x2 - 8, h - top - 8),
        }

    # --- widgets --------------------------------------------------------------------------

    def build(self) -> None:
        r = self.rects()
        self.layer = None
        self._news(r["news"])
        header = r["header"]
        self.button(
            pygame.Rect(header.right - 256, 6, 126, 30),
            "Menu [Esc]",
            self._menu,
            key=pygame.K_ESCAPE,
            focusable=False,
        )
        self.button(
            pygame.Rect(header.right - 124, 6, 116, 30),
            "Help [F1]",
            lambda: flow.help(self.app),
            key=pygame.K_F1,
            focusable=False,
        )
        if self.worker is not None or self.report is not None:
            self._resolving_buttons(r["actions"])
        else:
            self._action_buttons(r["actions"])
        self.guide.layout(self.anchors_for(r))

    def anchors_for(self, r: dict[str, pygame.Rect]) -> dict[str, pygame.Rect]:
        """The parts of the board the guided opening points at."""
        w = r["header"].w
        return {
            **r,
            "actions": pygame.Rect(r["actions"].x, r["actions"].y, r["actions"].w, 200),
            "tracks": pygame.Rect(int(w * 0.3), 0, int(w * 0.5), r["header"].h),
            "header": pygame.Rect(0, 0, int(w * 0.3), r["header"].h),
        }

    def on_event(self, event: pygame.event.Event) -> bool:
        return self.guide.on_event(event)

    def draw_over(self, surface: pygame.Surface) -> None:
        self.guide.draw(surface)

    def _news(self, rect: pygame.Rect) -> None:
        html = self._news_html()
        if self.news_box is not None:
            self.news_box.kill()
        self.news_box = pygame_gui.elements.UITextBox(
            html, rect, self.app.manager, object_id="#news"
        )

    def _news_html(self) -> str:
        spec = self.match.spec
        parts = []
        if self.revealed or self.pending:
            label = spec.quarter_labels[self.report.turn] if self.report else ""
            items = "".join(f"• {_escape(d.text)}<br>" for d in self.revealed)
            parts.append(f"<b>{label} — THE QUARTER UNFOLDS</b><br>{items}")
        for report in reversed(self.match.reports[-NEWS_QUARTERS:]):
            if self.report is not None and report is self.report:
                continue
            items = "".join(f"• {_escape(d.text)}<br>" for d in quarter_news(spec, report))
            parts.append(f"<b>{spec.quarter_labels[report.turn]}</b><br>{items}")
        if not parts:
            parts.append(
                "<b>THE NEWS</b><br>Nothing yet: the first quarter has not been played. What every "
                "faction does, every event and every vote, with its reasons, will be told here."
            )
        return "<br>".join(parts)

    def _action_buttons(self, rect: pygame.Rect) -> None:
        x, y = rect.x + 6, rect.y + 52
        cats = _categories(self.match)
        cols = 3
        bw = (rect.w - 12) // cols
        for i, cat in enumerate(cats):
            bx = x + (i % cols) * bw
            by = y + (i // cols) * 28
            label = CATEGORY_LABELS.get(cat, cat)
            button = self.button(
                pygame.Rect(bx, by, bw - 4, 26),
                ("▸ " if cat == self.category else "") + label,
                partial(self._pick_category, cat),
                tooltip=_category_tip(self.match, cat),
            )
            if cat == self.category and self.selected is None:
                self.focus_on(button)
        y += ((len(cats) + cols - 1) // cols) * 28 + 6
        options = self._options()
        rows = max(3, min(7, (rect.h - 430) // 25))
        pages = max(1, (len(options) + rows - 1) // rows)
        self.page = min(self.page, pages - 1)
        legal = self.match.legal(self.faction)
        for i, action in enumerate(options[self.page * rows : (self.page + 1) * rows]):
            cost = float(self.match.spec.actions.cost[action])
            ok = bool(legal[action])
            text = f"{'' if ok else '✕ '}{action_title(self.match.spec, action)} — {cost:g}"
            button = self.button(
                pygame.Rect(x, y + i * 25, rect.w - 12, 23),
                text[:60],
                partial(self._select, action),
                tooltip=None if ok else "Not allowed now: select it to see why.",
            )
            if action == self.selected:
                self.focus_on(button)
        if pages > 1:
            py = y + rows * 25
            self.button(
                pygame.Rect(x, py, 90, 22),
                "◂ [PgUp]",
                lambda: self._turn_page(-1),
                key=pygame.K_PAGEUP,
                focusable=False,
            )
            self.button(
                pygame.Rect(rect.right - 96, py, 90, 22),
                "[PgDn] ▸",
                lambda: self._turn_page(1),
                key=pygame.K_PAGEDOWN,
                focusable=False,
            )
        self.anchors["options_bottom"] = pygame.Rect(x, y + rows * 25 + 26, rect.w - 12, 1)
        by = rect.bottom - 36
        full = rect.w - 12
        w1, w2 = int(full * 0.34), int(full * 0.25)
        plans = self.match.plans[self.faction]
        can_plan = self.selected is not None and len(plans) < self.match.rounds
        self.button(
            pygame.Rect(x, by, w1 - 4, 32),
            "Plan it [Enter]",
            self._plan,
            enabled=can_plan,
            object_id="@poster",
        )
        self.button(
            pygame.Rect(x + w1, by, w2 - 4, 32),
            "Undo [U]",
            self._undo,
            key=pygame.K_u,
            enabled=bool(plans),
        )
        self.button(
            pygame.Rect(x + w1 + w2, by, full - w1 - w2, 32),
            "End quarter [E]",
            self._end,
            key=pygame.K_e,
        )

    def _resolving_buttons(self, rect: pygame.Rect) -> None:
        by = rect.bottom - 36
        half = (rect.w - 12) // 2
        speed = self.app.settings.ai_speed
        self.button(
            pygame.Rect(rect.x + 6, by, half - 4, 32),
            f"Speed: {speed} [F]",
            self._faster,
            key=pygame.K_f,
        )
        self.button(
            pygame.Rect(rect.x + 6 + half, by, half - 4, 32),
            "Skip [Space]",
            self._skip,
            key=pygame.K_SPACE,
            object_id="@poster",
        )

    # --- choosing -------------------------------------------------------------------------

    def _options(self) -> list[int]:
        spec = self.match.spec
        legal = self.match.legal(self.faction)
        picked = [
            a for a in range(spec.actions.size) if family(spec.actions.kinds[a]) == self.category
        ]
        return sorted(picked, key=lambda a: (not legal[a], a))

    def _pick_category(self, category: str) -> None:
        self.category, self.page, self.selected, self.notice = category, 0, None, None
        self.rebuild()
        options = self._options()
        if options:
            self._select(options[0], rebuild=False)
        self.rebuild()

    def _select(self, action: int, rebuild: bool = True) -> None:
        self.selected, self.notice = action, None
        self.layer = None
        if rebuild:
            self.rebuild()
            self._focus_plan()

    def _focus_plan(self) -> None:
        for entry in self.entries:
            if entry.element.text.startswith("Plan it") and entry.focusable:
                self.focus_on(entry.element)

    def _turn_page(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self.rebuild()

    def _plan(self) -> None:
        if self.selected is None:
            return
        try:
            self.match.plan(self.faction, self.selected)
        except IllegalPlan as error:
            self.notice = str(error)
        else:
            self.notice = f"Planned: {action_title(self.match.spec, self.selected)}."
            self.selected = None
        self.layer = None
        self.rebuild()

    def _undo(self) -> None:
        action = self.match.undo(self.faction)
        if action is not None:
            self.notice = f"Taken back: {action_title(self.match.spec, action)}."
        self.layer = None
        self.rebuild()

    def _end(self) -> None:
        flow.done_planning(self.app, self)

    def _menu(self) -> None:
        from game.ui.screens.pause import PauseScreen

        self.app.go(PauseScreen(self.app, self))

    # --- resolving ------------------------------------------------------------------------

    def resolve(self) -> None:
        """Let the AI choose and the quarter play out in a worker thread."""
        self.selected = None
        self.worker = Worker(self.match.resolve)
        self.layer = None
        self.rebuild()

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.worker is not None and self.worker.done:
            self.report = self.worker.result()
            self.worker = None
            self.pending = [
                d
                for d in quarter_news(self.match.spec, self.report)
                if d.kind in ("action", "plan")
            ]
            self.revealed = []
            self.clock = 0.0
            self.layer = None
            self.rebuild()
        if self.report is not None and self.worker is None:
            self._reveal()

    def _reveal(self) -> None:
        step = REVEAL_SECONDS[self.app.settings.ai_speed]
        changed = False
        while self.pending and self.clock >= step:
            self.revealed.append(self.pending.pop(0))
            self.clock -= step
            changed = True
        if changed and self.news_box is not None:
            self.news_box.set_text(self._news_html())
        if not self.pending and self.clock >= step * 2:
            self._finish()

    def _faster(self) -> None:
        speeds = AI_SPEEDS
        self.app.settings.ai_speed = speeds[
            (speeds.index(self.app.settings.ai_speed) + 1) % len(speeds)
        ]
        self.rebuild()

    def _skip(self) -> None:
        if self.worker is not None:
            self.app.settings.ai_speed = "instant"
            return
        self.revealed += self.pending
        self.pending = []
        self._finish()

    def _finish(self) -> None:
        report = self.report
        assert report is not None
        self.report = None
        flow.present(self.app, report)

    # --- drawing --------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.layer is None or self.layer.get_size() != surface.get_size():
            self._draw_layer(surface.get_size())
        assert self.layer is not None
        surface.blit(self.layer, (0, 0))
        if self.worker is not None or self.report is not None:
            self._draw_thinking(surface)

    def _draw_layer(self, size: tuple[int, int]) -> None:
        layer = pygame.Surface(size)
        self.zones = []
        theme = self.app.theme
        draw.poster_background(layer, theme)
        r = self.rects()
        view = board_view.View(self.match.spec, self.match.state, theme, self.zone)
        self._draw_header(layer, r["header"], view)
        board_view.draw_map(layer, view, r["map"])
        board_view.draw_politburo(layer, view, r["politburo"])
        board_view.draw_central_committee(layer, view, r["cc"])
        board_view.draw_offices(layer, view, r["offices"])
        panel_h = r["factions"].h // 4
        for f in range(self.match.spec.n_factions):
            rect = pygame.Rect(
                r["factions"].x, r["factions"].y + f * panel_h, r["factions"].w, panel_h - 4
            )
            board_view.draw_faction(layer, view, rect, f, f == self.faction)
        self._draw_actions(layer, r["actions"])
        self.layer = layer

    def _draw_header(
        self, surface: pygame.Surface, rect: pygame.Rect, view: board_view.View
    ) -> None:
        spec, state = self.match.spec, self.match.state
        turn = min(state.turn, spec.turns - 1)
        draw.header_bar(
            surface,
            self.app.theme,
            rect,
            f"{_quarter_name(spec.quarter_labels[turn])} · quarter {turn + 1} of {spec.turns}",
        )
        self.zone(
            pygame.Rect(0, 0, int(rect.w * 0.31), rect.h),
            "The date. A turn is a quarter of a year; each faction takes two actions, then the "
            "quarter's events and sessions happen in the order of their dates.",
        )
        tracks = pygame.Rect(int(rect.w * 0.31), 4, rect.w - 262 - int(rect.w * 0.31), rect.h - 6)
        board_view.draw_tracks(surface, view, tracks)

    def _draw_actions(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.app.theme
        spec = self.match.spec
        top = draw.panel(surface, theme, rect, f"Your quarter — {spec.faction_names[self.faction]}")
        plans = self.match.plans[self.faction]
        state = self.match.planning_state(self.faction)
        infl = float(state.stats[0, self.faction, 0])
        if self.worker is not None or self.report is not None:
            draw.text_block(
                surface,
                theme,
                "The quarter is being played out. The other factions' moves appear in the news as "
                "they are made; then come the quarter's events and sessions.",
                (rect.x + 8, top + 4),
                rect.w - 16,
            )
            return
        line = f"Influence left {infl:.1f} · planned {len(plans)} of {self.match.rounds}"
        label = theme.text(line, "body", face="bold")
        surface.blit(label, (rect.x + 8, top + 2))
        self.zone(
            pygame.Rect(rect.x + 8, top + 2, label.get_width(), label.get_height()),
            "Influence pays for actions. You plan your actions for the quarter; they are taken, "
            "with the other factions', when you end the quarter. Undo takes back the last one.",
        )
        self._draw_details(surface, rect, plans)

    def _draw_details(self, surface: pygame.Surface, rect: pygame.Rect, plans: list[int]) -> None:
        theme = self.app.theme
        spec = self.match.spec
        x, width = rect.x + 8, rect.w - 16
        y = self.anchors.get("options_bottom", pygame.Rect(0, rect.y + 300, 0, 0)).y + 4
        bottom = rect.bottom - 44 - 2 * theme.font("small").get_linesize()
        for i in range(self.match.rounds):
            text = f"{i + 1}. {action_title(spec, plans[i])}" if i < len(plans) else f"{i + 1}. —"
            surface.blit(
                theme.text(text, "small", face="bold"),
                (x, bottom + i * theme.font("small").get_linesize()),
            )
        if self.notice:
            y = draw.text_block(
                surface, theme, self.notice, (x, y), width, "small", theme.colour("red")
            )
        if self.selected is None:
            draw.text_block(
                surface,
                theme,
                "Pick a kind of action above, then one of its options, to see its cost, what it "
                "does and its likely effect.",
                (x, y),
                width,
                "small",
                theme.colour("muted"),
            )
            return
        self._describe(surface, self.selected, x, y, width, bottom - 4)

    def _describe(
        self, surface: pygame.Surface, action: int, x: int, y: int, width: int, bottom: int
    ) -> None:
        """The chosen action: cost, what it does, and why it is not allowed or its likely
        effect and, for a motion, the forecast of its vote with the reasons; cut at
        ``bottom``."""
        theme = self.app.theme
        spec, f = self.match.spec, self.faction
        state = self.match.planning_state(f)
        line = theme.font("small").get_linesize()
        cursor = [y]

        def put(text: str, colour: str = "ink", face: str = "regular", cap: int = 3) -> None:
            room = (bottom - cursor[0]) // line
            if room >= 1:
                cursor[0] = draw.text_block(
                    surface,
                    theme,
                    text,
                    (x, cursor[0]),
                    width,
                    "small",
                    theme.colour(colour),
                    face,
                    max_lines=min(cap, room),
                )

        cost = spec.actions.cost[action]
        put(f"{action_title(spec, action)} — costs {cost:g} influence", face="bold")
        put(action_help(spec, action))
        if not self.match.legal(f)[action]:
            put("Not allowed now: " + why_illegal(spec, state, f, action), "red", cap=4)
            return
        effects = likely_effects(spec, state, f, action, len(self.match.plans[f]))
        put("Likely effect: " + "; ".join(effects), cap=4)
        forecast = forecast_vote(spec, state, f, action)
        if forecast is None:
            return
        session = spec.sessions[forecast.session]
        put(
            f"If {session.name} voted now: {100 * forecast.chance_to_pass:.0f}% chance "
            f"to pass, about {forecast.yes:.0f} to {forecast.no:.0f}.",
            "red",
            "bold",
        )
        for reason in forecast.reasons:
            put("· " + reason)

    def _draw_thinking(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        rect = self.rects()["actions"]
        box = pygame.Rect(rect.x + 8, rect.y + 120, rect.w - 16, 70)
        pygame.draw.rect(surface, theme.colour("ink"), box)
        dots = "." * (1 + int(self.clock * 3) % 3)
        text = (
            "The other factions deliberate" + dots
            if self.worker is not None
            else f"The quarter unfolds{dots}"
        )
        surface.blit(
            theme.text(text, "heading", theme.colour("paper"), "poster"), (box.x + 12, box.y + 10)
        )
        angle = self.clock * 6.0
        centre = (box.right - 30, box.centery)
        for i in range(8):
            a = angle + i * 0.785
            colour = theme.colour("red") if i == 0 else theme.colour("paper_dark")
            pygame.draw.circle(
                surface,
                colour,
                (
                    centre[0] + int(14 * pygame.math.Vector2(1, 0).rotate_rad(a).x),
                    centre[1] + int(14 * pygame.math.Vector2(1, 0).rotate_rad(a).y),
                ),
                3,
            )
        surface.blit(
            theme.text("F: change speed · Space: skip", "small", theme.colour("paper")),
            (box.x + 12, box.bottom - 22),
        )


def _categories(match: Match) -> list[str]:
    seen: list[str] = []
    for kind in match.spec.actions.kinds:
        name = family(kind)
        if name not in seen:
            seen.append(name)
    return seen


def _category_tip(match: Match, category: str) -> str:
    spec = match.spec
    first = next(a for a in range(spec.actions.size) if family(spec.actions.kinds[a]) == category)
    return action_help(spec, first)


def _quarter_name(label: str) -> str:
    year, q = label.split("Q")
    season = {"1": "Winter", "2": "Spring", "3": "Summer", "4": "Autumn"}[q]
    return f"{season} {year}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
