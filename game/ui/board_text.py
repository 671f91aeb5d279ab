"""The board's words: the labels of the kinds of action (declared with each kind, in
``game.engine.kinds``), and the HTML of the news feed and of the chosen action's details
(what it costs and does, why it is not allowed, its likely effect and its vote forecast with
the reasons). Text only, so it can be checked without a window."""

from __future__ import annotations

import math

from game.engine.explain import action_help, action_title, why_illegal
from game.engine.forecast import FORECAST_SAMPLES, forecast_vote, likely_effects
from game.engine.kinds import KINDS, family
from game.engine.spec import GameSpec
from game.play.match import Match, TurnReport
from game.play.news import Dispatch, quarter_news
from game.scenario.dates import Quarter

NEWS_QUARTERS = 6


def categories(spec: GameSpec) -> list[str]:
    """The kinds of action, in the order the scenario lists its actions."""
    seen: list[str] = []
    for kind in spec.actions.kinds:
        name = family(kind)
        if name not in seen:
            seen.append(name)
    return seen


def category_label(spec: GameSpec, category: str) -> str:
    """A kind of action's short label on the board: 'Appoint', 'Shift line'."""
    return KINDS[spec.actions.kinds[_first(spec, category)]].words.label


def category_tip(spec: GameSpec, category: str) -> str:
    """What a kind of action does (the help of its first option)."""
    return action_help(spec, _first(spec, category))


def _first(spec: GameSpec, category: str) -> int:
    """The first action of a kind of action (a family of the registry)."""
    return next(a for a in range(spec.actions.size) if family(spec.actions.kinds[a]) == category)


def quarter_name(label: str) -> str:
    """'1922Q2' -> 'Spring 1922'."""
    return Quarter.parse(label).season


def chance_words(chance: float, samples: int = FORECAST_SAMPLES) -> str:
    """A forecast's chance as a percentage no surer than its draws: of 48, none passing is
    'under 3%' (not '0%', which a two-vote margin does not earn) and all 'over 97%'."""
    step = math.ceil(100 / samples)
    if chance <= 0.0:
        return f"under {step}%"
    if chance >= 1.0:
        return f"over {100 - step}%"
    return f"{100 * chance:.0f}%"


def escape(text: str) -> str:
    """Text made safe for pygame_gui's HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quarter_html(spec: GameSpec, report: TurnReport) -> str:
    """One quarter's news under its date: actions, events, votes with their reasons."""
    items = "".join(f"• {escape(d.text)}<br>" for d in quarter_news(spec, report))
    return f"<b>{quarter_name(spec.quarter_labels[report.turn])}</b><br>{items}"


def news_html(match: Match, unfolding: TurnReport | None, revealed: list[Dispatch]) -> str:
    """The news feed: the quarter being revealed (if any), then the last quarters, newest
    first."""
    spec = match.spec
    parts = []
    if unfolding is not None:
        items = "".join(f"• {escape(d.text)}<br>" for d in revealed)
        label = quarter_name(spec.quarter_labels[unfolding.turn]).upper()
        parts.append(f"<b>{label} — THE QUARTER UNFOLDS</b><br>{items}")
    for report in reversed(match.reports[-NEWS_QUARTERS:]):
        if report is not unfolding:
            parts.append(quarter_html(spec, report))
    if not parts:
        parts.append(
            "<b>THE NEWS</b><br>Nothing yet: the first quarter has not been played. What every "
            "faction does, every event and every vote, with its reasons, will be told here."
        )
    return "<br>".join(parts)


def details_html(match: Match, faction: int, action: int, red: str) -> str:
    """The chosen action: cost, what it does, then either why it is not allowed (once) or its
    likely effect and, for a motion, the forecast of its vote with the reasons."""
    spec = match.spec
    state = match.planning_state(faction)
    cost = float(spec.actions.cost[action])
    lines = [
        f"<b>{escape(action_title(spec, action))} — costs {cost:g} influence</b>",
        escape(action_help(spec, action)),
    ]
    if not match.legal(faction)[action]:
        why = why_illegal(spec, state, faction, action)
        lines.append(f"<font color='{red}'><b>Not allowed now:</b> {escape(why)}</font>")
        return "<br>".join(lines)
    if len(match.plans[faction]) >= match.rounds:
        lines.append(
            f"<font color='{red}'>Both actions of this quarter are planned: end the quarter, or "
            "undo one to choose again.</font>"
        )
    effects = likely_effects(spec, state, faction, action, len(match.plans[faction]))
    said = "; ".join(effect.rstrip(".") for effect in effects)
    lines.append(f"<b>Likely effect:</b> {escape(said)}.")
    forecast = forecast_vote(spec, state, faction, action)
    if forecast is not None:
        session = spec.sessions[forecast.session]
        lines.append(
            f"<font color='{red}'><b>If {escape(session.name)} voted now: "
            f"{chance_words(forecast.chance_to_pass)} chance to pass, about {forecast.yes:.0f} to "
            f"{forecast.no:.0f}.</b></font>"
        )
        lines += ["· " + escape(reason) for reason in forecast.reasons]
    return "<br>".join(lines)


HINT_HTML = (
    "Pick a kind of action above, then one of its options, to see its cost, what it does and "
    "its likely effect; then Plan it (or Enter on the option). Shift+PgUp / Shift+PgDn scroll "
    "this box."
)
