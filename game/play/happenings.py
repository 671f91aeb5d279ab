"""What has happened to one faction so far that a first-timer should have explained, read from
the game's quarters as played (their actions and logs) and the forecasts its motions were
planned with: the first offer of alliance a rival made it, the first sanction put to a vote
against its leader or one of its men, the first of its motions that was forecast to pass
and was beaten with the apparatus pulling against it, and the first of its men won over by
another camp. Each with the words a note needs.
Words only, so the guide's triggers can be checked without a window."""

from __future__ import annotations

from typing import Any

from game.engine.names import faction_name
from game.engine.spec import MOTION_KINDS, SANCTION_KINDS, GameSpec
from game.play.changes import moves
from game.play.match import Match

Details = dict[str, str]


def happenings(match: Match, faction: int) -> dict[str, Details]:
    """Each kind of happening that has come to ``faction`` ('alliance_offer', 'sanction',
    'forecast_beaten', 'man_lost'), with the words of its first time."""
    found: dict[str, Details] = {}
    for name, first in (
        ("alliance_offer", _alliance_offer),
        ("sanction", _sanction),
        ("forecast_beaten", _forecast_beaten),
        ("man_lost", _man_lost),
    ):
        details = first(match, faction)
        if details is not None:
            found[name] = details
    return found


def _alliance_offer(match: Match, faction: int) -> Details | None:
    """The first quarter a rival proposed a common front to ``faction``: who did (named as
    that quarter left him), and what the player may do about it: accept, or nothing when the
    player had proposed it too and the bloc already stands."""
    spec = match.spec
    for report in match.reports:
        for rnd in report.actions:
            for f, action in enumerate(rnd):
                offer = spec.actions.kinds[action] == "ally" and spec.actions.arg[action] == faction
                if f != faction and offer:
                    named = report.opening or report.names
                    who = named[f] if named else faction_name(spec, None, f)
                    allied = bool(match.state.alliance[0, faction, f])
                    return {"who": who, "answer": (ALLIED if allied else OPEN).format(who=who)}
    return None


OPEN = (
    "A bloc forms when both sides propose it: choose Ally and {who} this quarter or the next "
    "to accept, or let it lapse."
)
ALLIED = "You had proposed it too, so the bloc stands (both panels say 'Allied'); Break ends it."


def _votes(match: Match) -> list[dict[str, Any]]:
    """Every vote of the game so far, in order."""
    return [e for report in match.reports for e in report.log if e["type"] == "vote"]


def _motion(spec: GameSpec, motion_id: str) -> int:
    return next(i for i, m in enumerate(spec.motions) if m.id == motion_id)


def _sanction(match: Match, faction: int) -> Details | None:
    """The first sanction voted on against the faction's leader or one of its men (as the
    factions stand now): the motion, whether it passed, and the tally."""
    spec, state = match.spec, match.state
    for vote in _votes(match):
        motion = spec.motions[_motion(spec, vote["motion"])]
        if MOTION_KINDS[motion.kind] not in SANCTION_KINDS or motion.target < 0:
            continue
        ours = motion.target == int(spec.faction_leader[faction])
        if ours or int(state.figure_faction[0, motion.target]) == faction:
            result = "carried" if vote["passed"] else "was defeated"
            advice = CARRIED if vote["passed"] else DEFEATED
            return {
                "motion": vote["title"],
                "result": result,
                "tally": _tally(vote),
                "advice": advice,
            }
    return None


CARRIED = "Win the delegates back before the next session, or recant to stay in."
DEFEATED = "The delegates held this time; keep them, as the next motion may climb higher."


def _forecast_beaten(match: Match, faction: int) -> Details | None:
    """The first motion ``faction`` moved that its forecast gave at least even odds and that
    lost, the apparatus (the machines' pull on their delegates) weighing against it."""
    spec = match.spec
    mine = spec.factions[faction]
    planned = {
        spec.motions[int(spec.actions.motion[t.action])].id: t
        for (f, _), t in match.forecasts.items()
        if f == faction and t.chance >= 0.5
    }
    for vote in _votes(match):
        tabled = planned.get(vote["motion"])
        if tabled is None or vote["sponsor"] != mine or vote["passed"]:
            continue
        pull = sum(b["size"] * b["terms"].get("apparatus", 0.0) for b in vote["blocs"])
        if pull < 0:
            return {
                "motion": vote["title"],
                "chance": f"{100 * tabled.chance:.0f}%",
                "tally": _tally(vote),
            }
    return None


def _man_lost(match: Match, faction: int) -> Details | None:
    """The first of the faction's men who went over to another camp in a quarter (the board
    as it opened against the board as it left it): who, and to whom (named as then)."""
    spec = match.spec
    for report in match.reports:
        if report.opened is None or report.closed is None:
            continue
        for g, was, now in moves(report.opened, report.closed):
            if was == faction and now >= 0:
                names = report.names or spec.faction_names
                return {"who": spec.figure_names[g], "camp": names[now]}
    return None


def _tally(vote: dict[str, Any]) -> str:
    return f"{vote['yes']}–{vote['no']}"
