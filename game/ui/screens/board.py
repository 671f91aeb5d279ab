"""The board: the state of the party at a glance, and the quarter's actions.

The right-hand panel lists every kind of action, then the options of the chosen kind allowed
now (``OptionBrowser``: the others on demand, motions grouped, a filter); picking one shows,
in a scrolling box, its cost, what it does, its likely effect and, for a motion, the vote it
would get now with the reasons and what that forecast assumes; an action that is not allowed
says why, and cannot be planned. Planned actions can be taken back until the quarter is
ended. Then the AI factions choose in a worker thread while the window keeps drawing, and
their moves are revealed at the chosen speed (or skipped)."""

from __future__ import annotations

from functools import partial

import pygame
import pygame_gui

from game.engine.explain import action_title
from game.play.match import GuideProgress, IllegalPlan, Match, TurnReport
from game.play.news import Dispatch, quarter_news
from game.play.settings import AI_SPEEDS
from game.ui import (
    action_panel,
    board_text,
    board_view,
    draw,
    faction_panel,
    flow,
    forecast_text,
    map_view,
)
from game.ui.app import App
from game.ui.board_layout import MIDDLE, board_rects, guide_anchors
from game.ui.guide import Guide
from game.ui.option_browser import OptionBrowser, filter_keys
from game.ui.screen import Screen
from game.ui.text_box import ScrollingTextBox
from game.ui.worker import Worker

REVEAL_SECONDS = {"slow": 0.9, "normal": 0.45, "fast": 0.15, "instant": 0.0}
SCROLL_KEYS = {pygame.K_PAGEUP: -0.35, pygame.K_PAGEDOWN: 0.35}  # with Shift: the details


class BoardScreen(Screen):
    name = "board"
    shows_message = True

    def __init__(self, app: App, match: Match, faction: int) -> None:
        super().__init__(app)
        self.match = match
        self.faction = faction
        self.options = OptionBrowser(self, match, faction)
        self.selected: int | None = None
        self.playing: int | None = None  # the quarter being played out, until it is shown
        self.notice: str | None = None
        self.worker: Worker[TurnReport] | None = None
        self.report: TurnReport | None = None
        self.revealed: list[Dispatch] = []
        self.pending: list[Dispatch] = []
        self.clock = 0.0
        self.layer: pygame.Surface | None = None
        self.boxes: dict[str, pygame_gui.elements.UITextBox] = {}
        self._layout: tuple[object, dict[str, pygame.Rect]] | None = None
        self.guide = Guide(app, match, match.guides.setdefault(faction, GuideProgress()), faction)

    @property
    def resolving(self) -> bool:
        """The quarter is being played out (the AI thinks, or its moves are revealed)."""
        return self.worker is not None or self.report is not None

    def rects(self) -> dict[str, pygame.Rect]:
        """The board's panels for the window's size and text, and as many lines as the
        factions' counts need (kept until the window, the text or the quarter changes)."""
        size, theme, spec = self.app.window.get_size(), self.app.theme, self.match.spec
        key = (size, id(theme), self.match.state.turn)
        if self._layout is None or self._layout[0] != key:
            view = board_view.View(spec, self.match.state, theme, self.zone)
            lines = faction_panel.count_lines(view, int(size[0] * MIDDLE))
            self._layout = (key, board_rects(size, theme, len(spec.offices), lines))
        return self._layout[1]

    def enter(self) -> None:
        """A message left for this screen (a game loaded, another kept) is its first notice."""
        if self.message_shown:
            self.notice = self.message_shown
        super().enter()

    def leave(self) -> None:
        self._kill_boxes()
        super().leave()

    def _kill_boxes(self) -> None:
        for box in self.boxes.values():
            box.kill()
        self.boxes = {}

    # --- widgets --------------------------------------------------------------------------

    def build(self) -> None:
        r = self.rects()
        self.layer = None
        self._kill_boxes()
        self._text_box("news", self._news_html(), r["news"])
        self._header_buttons(r["header"])
        if self.resolving:
            self._resolving_buttons(r["actions"])
            actions_h = 200
        else:
            details_top = self._action_buttons(r["actions"])
            self._details(r["actions"], details_top)
            actions_h = details_top - r["actions"].y
        self.guide.layout(guide_anchors(r, actions_h))

    def _text_box(self, name: str, html: str, rect: pygame.Rect) -> None:
        self.boxes[name] = ScrollingTextBox(html, rect, self.app.manager, object_id=f"#{name}")

    def _header_buttons(self, header: pygame.Rect) -> None:
        """Help and Menu at the header's right end, as wide as their labels (which show their
        keys where the header has room, and always in their tooltips)."""
        theme = self.app.theme
        font = theme.font("body", "bold")
        titles = board_view.header_titles(self.match.spec, self._shown_turn())
        _, labels = board_view.header_fit(theme, header.w, titles, board_view.HEADER_BUTTONS)
        x = header.right - board_view.header_button_width(theme, labels) + 6
        for label, (action, key, tip) in zip(
            labels,
            (
                (
                    lambda: flow.help(self.app),
                    pygame.K_F1,
                    "The rules, the keys and the glossary [F1]",
                ),
                (self._menu, pygame.K_ESCAPE, "The game menu: save, load, settings, leave [Esc]"),
            ),
            strict=True,
        ):
            rect = pygame.Rect(x, 6, font.size(label)[0] + 24, header.h - 12)
            self.button(rect, label, action, tooltip=tip, key=key, focusable=False)
            x = rect.right + 6

    def _shown_turn(self) -> int:
        """The quarter the header names: the one being played out, or the state's."""
        turn = (
            self.playing if self.resolving and self.playing is not None else self.match.state.turn
        )
        return min(turn, self.match.spec.turns - 1)

    def _action_buttons(self, rect: pygame.Rect) -> int:
        """The kinds of action, the chosen kind's options and the plan, undo and end buttons;
        returns the y where the details of the chosen option begin."""
        theme = self.app.theme
        top = rect.y + theme.font("small").get_linesize() + theme.font("body").get_linesize() + 16
        y = self._category_buttons(rect, top)  # under the panel's title and the influence left
        y = self._option_buttons(rect, y)
        self._plan_buttons(rect)
        return y

    def _category_buttons(self, rect: pygame.Rect, y: int) -> int:
        spec = self.match.spec
        cats = board_text.categories(spec)
        cols, row = 3, self.app.theme.row("small") + 7
        bw = (rect.w - 12) // cols
        chosen = self.options.category
        for i, cat in enumerate(cats):
            button = self.button(
                pygame.Rect(rect.x + 6 + (i % cols) * bw, y + (i // cols) * row, bw - 4, row - 2),
                board_text.category_label(spec, cat),
                partial(self._pick_category, cat),
                tooltip=board_text.category_tip(spec, cat),
                object_id="#kind",
            )
            if cat == chosen:  # the kind shown is marked in red
                button.select()
                if self.selected is None:
                    self.focus_on(button)
        return y + ((len(cats) + cols - 1) // cols) * row + 6

    def _option_buttons(self, rect: pygame.Rect, y: int) -> int:
        """One page of the chosen kind's list and its controls (``OptionBrowser``)."""
        return self.options.build(rect, y, self.selected)

    def _plan_buttons(self, rect: pygame.Rect) -> None:
        """Plan (only a legal option while actions are left), Undo and End quarter."""
        plan, undo, end = action_panel.plan_button_rects(self.app.theme, rect)
        plans = self.match.plans[self.faction]
        can_plan = (
            self.selected is not None
            and len(plans) < self.match.rounds
            and bool(self.match.legal(self.faction)[self.selected])
        )
        labels = action_panel.PLAN_LABELS
        self.button(plan, labels[0], self._plan, enabled=can_plan, object_id="@poster")
        self.button(undo, labels[1], self._undo, key=pygame.K_u, enabled=bool(plans))
        self.button(end, labels[2], self._end, key=pygame.K_e)

    def _details(self, rect: pygame.Rect, top: int) -> None:
        """The chosen option's details in a box that scrolls (mouse wheel, Shift+PgUp/PgDn)."""
        bottom = action_panel.plans_top(self.app.theme, rect, self.match.rounds) - 4
        box = pygame.Rect(rect.x + 6, top, rect.w - 12, max(bottom - top, 40))
        self._text_box("details", self._details_html(), box)

    def _details_html(self, action: int | None = None) -> str:
        """The details of ``action`` (the selected option by default), after any notice."""
        red = self.app.theme.palette.red
        notice = (
            f"<font color='{red}'>{board_text.escape(self.notice)}</font><br>"
            if self.notice
            else ""
        )
        action = self.selected if action is None else action
        if action is None:
            return notice + board_text.HINT_HTML
        details = board_text.details_html(self.match, self.faction, action, red)
        if self.match.legal(self.faction)[action]:
            assumed = forecast_text.assumptions_html(self.match, self.faction, action)
            details += f"<br>{assumed}" if assumed else ""
        return notice + details

    def rebuild(self) -> None:
        """Build the board again; the details follow the focus if it is not on the chosen
        option (whose details the build has shown)."""
        super().rebuild()
        if self.options.option_at.get(self.focus) != self.selected or self.selected is None:
            self.focus_moved()

    def focus_moved(self) -> None:
        """With the keyboard focus on an option, the details box shows that option, so a
        keyboard player reads what Enter would plan before planning it; on a group of
        motions, what the group holds."""
        if "details" not in self.boxes:
            return
        action = self.options.option_at.get(self.focus)
        group = self.options.group_at.get(self.focus)
        if action is not None:
            self.boxes["details"].set_text(self._details_html(action))
        elif group is not None:
            self.boxes["details"].set_text(self._group_html(group))

    def _group_html(self, group: str) -> str:
        rows = [r for r in self.options.rows() if r.group == group]
        tip = rows[0].tooltip if rows else ""
        return f"<b>{board_text.escape(tip)}</b><br>Enter (or a click) opens the group."

    def _resolving_buttons(self, rect: pygame.Rect) -> None:
        labels = [f"Speed: {self.app.settings.ai_speed} [F]", "Skip [Space]"]
        foot = pygame.Rect(rect.x + 6, rect.y, rect.w - 12, rect.h - 4)
        speed, skip = draw.row_rects(self.app.theme, foot, labels)
        self.button(speed, labels[0], self._faster, key=pygame.K_f)
        self.button(skip, labels[1], self._skip, key=pygame.K_SPACE, object_id="@poster")

    def on_event(self, event: pygame.event.Event) -> bool:
        if not self.resolving and self.guide.on_event(event):
            return True
        if event.type == pygame.KEYDOWN and not self.resolving and filter_keys(event):
            self.options.open_filter()
            return True
        return self._scroll_key(event)

    def _scroll_key(self, event: pygame.event.Event) -> bool:
        """Shift+PgUp / Shift+PgDn scroll the details, wherever the keyboard is."""
        shifted = event.type == pygame.KEYDOWN and event.mod & pygame.KMOD_SHIFT
        if shifted and event.key in SCROLL_KEYS and "details" in self.boxes:
            _scroll(self.boxes["details"], SCROLL_KEYS[event.key])
            return True
        return False

    def draw_over(self, surface: pygame.Surface) -> None:
        if not self.resolving:  # the guide waits while the quarter is played out
            self.guide.draw(surface)

    def field_changed(self, field: pygame_gui.elements.UITextEntryLine, text: str) -> None:
        self.options.set_query(text)

    def field_key(self, event: pygame.event.Event) -> None:
        """Enter, Down or Tab in the filter give the keyboard back, on the list's first row;
        Esc too; Shift+PgUp / Shift+PgDn scroll the details."""
        if self._scroll_key(event):
            return
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_DOWN, pygame.K_TAB):
            self.options.leave_filter()
        elif event.key == pygame.K_ESCAPE:
            self.stop_typing()

    def _news_html(self) -> str:
        """The news, under the motions tabled against the player (with today's forecasts)
        and the player's own awaiting their vote (with the forecasts they were planned
        with)."""
        unfolding = self.report if (self.revealed or self.pending) else None
        news = board_text.news_html(self.match, unfolding, self.revealed)
        heads = (
            forecast_text.against_html(self.match, self.faction),
            forecast_text.awaiting_html(self.match, self.faction),
        )
        return "<br>".join([*(h for h in heads if h), news])

    # --- choosing -------------------------------------------------------------------------

    def _pick_category(self, category: str) -> None:
        self.notice = None
        self.selected = self.options.pick(category)
        self.rebuild()

    def select(self, action: int | None, focus_plan: bool = True) -> None:
        """Choose an option (None: none): the details show it; with ``focus_plan`` (a click)
        the focus moves to Plan it, else it stays on the option's row."""
        self.selected, self.notice = action, None
        self.rebuild()
        if focus_plan and action is not None:
            self._focus_plan()

    def _focus_plan(self) -> None:
        for entry in self.entries:
            if entry.element.text.startswith("Plan it") and entry.focusable:
                self.focus_on(entry.element)

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
        self.rebuild()

    def plan_now(self, action: int) -> None:
        """Enter on a legal option plans it at once, and the focus stays on that row."""
        focus = self.focus
        self.selected = action
        self._plan()
        self.focus = min(focus, len(self.entries) - 1)
        self.focus_moved()

    def _undo(self) -> None:
        action = self.match.undo(self.faction)
        if action is not None:
            self.notice = f"Taken back: {action_title(self.match.spec, action)}."
        self.rebuild()

    def _end(self) -> None:
        """End the quarter; with nothing planned, ask first."""
        if self.match.plans[self.faction]:
            flow.done_planning(self.app, self)
            return
        from game.ui.screens.confirm import Choice, ConfirmScreen

        self.app.go(
            ConfirmScreen(
                self.app,
                "NOTHING PLANNED",
                "You have planned no action this quarter: if you end it now, your faction "
                "waits while the others act.",
                [
                    Choice("End the quarter  [E]", pygame.K_e, self._end_anyway),
                    Choice("Back  [Esc]", pygame.K_ESCAPE, lambda: self.app.go(self)),
                ],
            )
        )

    def _end_anyway(self) -> None:
        self.app.go(self)
        flow.done_planning(self.app, self)

    def _menu(self) -> None:
        from game.ui.screens.pause import PauseScreen

        self.app.go(PauseScreen(self.app, self))

    # --- resolving ------------------------------------------------------------------------

    def resolve(self) -> None:
        """Let the AI choose and the quarter play out in a worker thread."""
        self.selected = None
        self.playing = self.match.state.turn
        self.worker = Worker(self.match.resolve)
        self.rebuild()

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.worker is not None and self.worker.done:
            self.report = self.worker.result()
            self.worker = None
            news = quarter_news(self.match.spec, self.report)
            self.pending = [d for d in news if d.kind in ("action", "plan")]
            self.revealed = []
            self.clock = 0.0
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
        if changed:
            self.boxes["news"].set_text(self._news_html())
        if not self.pending and self.clock >= step * 2:
            self._finish()

    def _faster(self) -> None:
        speed = self.app.settings.ai_speed
        self.app.settings.ai_speed = AI_SPEEDS[(AI_SPEEDS.index(speed) + 1) % len(AI_SPEEDS)]
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
        flow.present(self.app, [report])

    # --- drawing --------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.layer is None or self.layer.get_size() != surface.get_size():
            self.layer = self._draw_layer(surface.get_size())
        surface.blit(self.layer, (0, 0))
        if self.resolving:
            rect = self.rects()["actions"]
            action_panel.draw_thinking(
                surface, self.app.theme, rect, self.clock, self.worker is not None
            )

    def _draw_layer(self, size: tuple[int, int]) -> pygame.Surface:
        """Everything that changes only when the state or the plans do, drawn once."""
        layer = pygame.Surface(size)
        self.zones = []
        theme = self.app.theme
        draw.poster_background(layer, theme)
        r = self.rects()
        view = board_view.View(self.match.spec, self.match.state, theme, self.zone)
        board_view.draw_header(layer, view, r["header"], self._shown_turn())
        map_view.draw_map(layer, view, r["map"])
        board_view.draw_politburo(layer, view, r["politburo"])
        board_view.draw_central_committee(layer, view, r["cc"])
        board_view.draw_offices(layer, view, r["offices"])
        faction_panel.draw_factions(layer, view, r["factions"], self.faction)
        if self.resolving:
            action_panel.draw_resolving(layer, theme, r["actions"])
        else:
            action_panel.draw_planning(
                layer, theme, self.zone, self.match, self.faction, r["actions"]
            )
        return layer


def _scroll(box: pygame_gui.elements.UITextBox, step: float) -> None:
    """Scroll a text box by ``step`` of its length (nothing if it fits)."""
    bar = box.scroll_bar
    if bar is not None:
        bar.set_scroll_from_start_percentage(min(max(bar.start_percentage + step, 0.0), 1.0))
