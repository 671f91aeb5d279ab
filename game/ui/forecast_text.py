"""What a vote forecast assumes, in words for the board: that it is taken on today's board,
when the session that would vote meets, and which regions each rival may still take by
appointment before then with the influence it has now; and the forecasts a player's motions
were planned with, kept in view until they are voted."""

from __future__ import annotations

import numpy as np

from game.engine.actions import legal_mask
from game.engine.explain import action_title
from game.engine.forecast import forecast_vote, next_session
from game.engine.spec import SESSION_KINDS
from game.engine.state import INFLUENCE
from game.play.dates import session_title
from game.play.match import Match, Tabled
from game.ui.board_text import chance_words, escape, quarter_name
from game.ui.map_view import short_name

SHOWN_REGIONS = 6  # regions named per rival; the rest are counted


def assumptions_html(match: Match, faction: int, action: int) -> str:
    """The forecast's assumptions for a motion ``faction`` could table now ('' if it is not
    a motion or no session is left to vote on it)."""
    spec, state = match.spec, match.state
    m = int(spec.actions.motion[action])
    session = next_session(spec, state.turn, m) if m >= 0 else None
    if session is None:
        return ""
    found = spec.sessions[session]
    rounds = match.rounds * (found.turn - state.turn + 1)
    when = (
        "this quarter"
        if found.turn == state.turn
        else f"in {quarter_name(spec.quarter_labels[found.turn]).lower()}"
    )
    lines = [
        f"<b>This forecast is taken on today's board.</b> "
        f"{escape(session_title(found.name, found.date))} meets {when}; before it every "
        f"faction acts {rounds} times, and the vote may go otherwise.",
        *_congress_lines(match, session),
        *_rival_lines(match, faction),
    ]
    return "<br>".join(lines)


def _congress_lines(match: Match, session: int) -> list[str]:
    """A congress that meets before a vote of the Central Committee or of the Politburo it
    elects: the forecast counts today's committee, which that congress replaces."""
    spec, state = match.spec, match.state
    found = spec.sessions[session]
    if SESSION_KINDS[found.kind] in ("congress", "conference"):
        return []
    congress = next(
        (
            s
            for i, s in enumerate(spec.sessions)
            if SESSION_KINDS[s.kind] == "congress"
            and not state.held[0, i]
            and (s.turn, s.day) < (found.turn, found.day)
        ),
        None,
    )
    if congress is None:
        return []
    return [
        f"{escape(session_title(congress.name, congress.date))} elects a new Central Committee "
        "before it: the forecast counts today's, which may not be the one that votes."
    ]


def _rival_lines(match: Match, faction: int) -> list[str]:
    """The regions each rival may legally take by appointment now, with its influence."""
    spec, state = match.spec, match.state
    appoint = spec.actions.block("appoint")
    lines = []
    for rival in range(spec.n_factions):
        if rival == faction:
            continue
        legal = legal_mask(spec, state, rival)[0, appoint.start : appoint.stop]
        regions = [
            short_name(spec.region_names[int(spec.actions.arg[appoint.start + i])])
            for i in np.flatnonzero(legal)
        ]
        if not regions:
            continue
        named = ", ".join(regions[:SHOWN_REGIONS])
        more = f" and {len(regions) - SHOWN_REGIONS} more" if len(regions) > SHOWN_REGIONS else ""
        influence = float(state.stats[0, rival, INFLUENCE])
        lines.append(
            f"· {escape(spec.faction_names[rival])} (influence {influence:.1f} now) may "
            f"appoint its men in {escape(named)}{more}."
        )
    if not lines:
        lines.append("· No rival may appoint a regional secretary now.")
    return ["<b>Regions a rival may take before the vote:</b>", *lines]


def awaiting_html(match: Match, faction: int) -> str:
    """The faction's motions awaiting their vote, each with the forecast it was planned
    with and the board that forecast was taken on ('' if none)."""
    waiting = match.awaiting(faction)
    if not waiting:
        return ""
    items = "".join(f"• {escape(_awaiting_line(match, t))}<br>" for t in waiting)
    return f"<b>YOUR MOTIONS AWAITING THEIR VOTE</b><br>{items}"


def against_html(match: Match, faction: int) -> str:
    """The motions rivals have tabled against the faction's figures, each with its session
    and its forecast on today's board ('' if none): what a player must win back or recant
    before."""
    spec, state = match.spec, match.state
    items = []
    for rival in range(spec.n_factions):
        action = int(state.tabled[0, rival])
        m = int(spec.actions.motion[action]) if action >= 0 else -1
        target = spec.motions[m].target if m >= 0 else -1
        if rival == faction or target < 0 or state.figure_faction[0, target] != faction:
            continue
        forecast = forecast_vote(spec, state, rival, action)
        if forecast is None:
            continue
        session = spec.sessions[forecast.session]
        items.append(
            f"• {escape(spec.faction_names[rival])}: {escape(action_title(spec, action))}, "
            f"for {escape(session_title(session.name, session.date))}: "
            f"{chance_words(forecast.chance_to_pass)} to pass if voted today, about "
            f"{forecast.yes:.0f} to {forecast.no:.0f}.<br>"
        )
    return f"<b>MOTIONS TABLED AGAINST YOU</b><br>{''.join(items)}" if items else ""


def _awaiting_line(match: Match, tabled: Tabled) -> str:
    spec = match.spec
    session = spec.sessions[tabled.session]
    board = quarter_name(spec.quarter_labels[tabled.turn])
    return (
        f"{action_title(spec, tabled.action)}: {chance_words(tabled.chance)} to pass, about "
        f"{tabled.yes:.0f} to {tabled.no:.0f}, as forecast on the board of {board} for "
        f"{session_title(session.name, session.date)}."
    )
