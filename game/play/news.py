"""The news feed: a quarter's report told as short dispatches in the manner of the period's
party press, with the reasons behind each vote. Each kind of action's line is declared with
the kind, in the registry (``game.engine.kinds``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.explain import action_title, action_words
from game.engine.forecast import BlocForecast, vote_reasons
from game.engine.kinds import KINDS
from game.engine.names import mover_name
from game.engine.spec import GameSpec
from game.play.changes import change_lines, held_congress
from game.play.dates import long_date, session_title
from game.play.match import TurnReport


@dataclass(frozen=True)
class Dispatch:
    """One item of news: its kind (action, event, session, vote, history, plan, change) and
    its text."""

    kind: str
    text: str


def quarter_news(spec: GameSpec, report: TurnReport) -> list[Dispatch]:
    """What happened in the report's quarter, in order: actions, then events and sessions."""
    out = _actions(spec, report)
    for entry in report.log:
        out.extend(_entry(spec, entry))
    if report.opened is not None and report.closed is not None:
        congress = held_congress(spec, report.log)
        lines = change_lines(spec, report.opened, report.closed, names(spec, report), congress)
        out += [Dispatch("change", line) for line in lines]
    return out


def names(spec: GameSpec, report: TurnReport) -> tuple[str, ...]:
    """The factions' names as the report's quarter left them (leader and camp, an expelled
    leader shown as such); the scenario's names for a report that did not keep them."""
    return report.names or spec.faction_names


def _actions(spec: GameSpec, report: TurnReport) -> list[Dispatch]:
    """The quarter's actions, each faction named as the quarter opened, when it acted."""
    out = []
    who = report.opening or names(spec, report)
    for rnd, row in enumerate(report.actions):
        for f, action in enumerate(row):
            planned = report.planned.get(f, [])
            if rnd < len(planned) and planned[rnd] != action:
                title = action_title(spec, planned[rnd])
                out.append(
                    Dispatch(
                        "plan",
                        f"{who[f]}: '{title}' came to nothing "
                        "(no longer possible when its turn came).",
                    )
                )
            text = action_text(spec, who[f], action, (rnd, f) in report.refused)
            if text:
                out.append(Dispatch("action", text))
    return out


def action_text(spec: GameSpec, who: str, action: int, refused: bool = False) -> str:
    """A dispatch about one action taken by the faction named ``who``, from its kind's news
    line, or its refusal line where its drawn outcome went against the faction; '' for a
    kind that makes no news (waiting)."""
    words = KINDS[spec.actions.kinds[action]].words
    template = words.refused if refused else words.news
    if template is None:
        return ""
    return template.format(who=who, **action_words(spec, action))


def _entry(spec: GameSpec, entry: dict[str, Any]) -> list[Dispatch]:
    kind = entry["type"]
    if kind == "event":
        return [Dispatch("event", f"{entry['title'].upper()}. {entry['text']}")]
    if kind == "session":
        return [Dispatch("session", session_opens(entry["name"], entry["date"]))]
    if kind == "vote":
        return [Dispatch("vote", vote_text(spec, entry))]
    if kind == "withdrawn":
        return [Dispatch("vote", withdrawal_text(spec, entry))]
    if kind == "declared":
        return [Dispatch("vote", declaration_text(spec, entry))]
    if kind == "dropped":
        mover = mover_name(spec, entry["faction"])
        return [
            Dispatch("vote", f"{mover} drops its motion '{entry['title']}': {_told(entry['why'])}")
        ]
    if kind == "checkpoint":
        really = long_date(entry["date"])
        return [Dispatch("history", f"As in history: {entry['title']} (really {really}).")]
    return []


def _told(reason: str) -> str:
    """A rule's reason, written to the faction it stops ('your ally'), told of it ('its
    ally')."""
    words = {"your": "its", "Your": "Its", "you": "it", "You": "It"}
    return " ".join(words.get(word, word) for word in reason.split(" "))


def session_opens(name: str, date: str) -> str:
    """'Twelfth Congress (17 April 1923) opens.', the date given once."""
    return f"{session_title(name, date)} opens."


def vote_text(spec: GameSpec, entry: dict[str, Any]) -> str:
    """'Motion carried 278 to 130. Why: ...' for one logged vote."""
    verdict = "carried" if entry["passed"] else "defeated"
    mover = mover_name(spec, entry["sponsor"])
    reasons = " ".join(vote_reasons(logged_blocs(entry), top=2))
    tally = f"{entry['yes']} to {entry['no']}"
    if entry.get("majority") == "two_thirds":
        tally += " (two thirds needed)"
    return f"'{entry['title']}', moved by {mover}: {verdict} {tally}. {reasons}"


def withdrawal_text(spec: GameSpec, entry: dict[str, Any]) -> str:
    """'X withdraws Y: counting the votes it expected 55% yes where 67% were needed'."""
    return (
        f"{mover_name(spec, entry['sponsor'])} withdraws '{entry['title']}': counting the "
        "votes beforehand, "
        f"it expected {entry['expected']:.0%} yes where {entry['needed']:.0%} were needed."
    )


def declaration_text(spec: GameSpec, entry: dict[str, Any]) -> str:
    """What a logged declaration of submission (``sessions.declare``) means for the faction
    that made it: what it gave up, what it buys, and that an appeal would break it."""
    title = next(m.title for m in spec.motions if m.id == entry["motion"])
    return (
        f"{mover_name(spec, entry['faction'])} declares its submission before the vote on "
        f"'{title}'; an appeal over the party's head would break it, and a broken declaration "
        "is not believed again. Counting two thirds against it, it renounces factional work "
        "while keeping its views; while the declaration is kept, the other factions lose their "
        "political reasons to strike it."
    )


def logged_blocs(entry: dict[str, Any]) -> list[BlocForecast]:
    """The blocs of a logged vote in the form the reasons are worked out from."""
    return [
        BlocForecast(b["name"], b["size"], b["yes"], b["no"], b["terms"]) for b in entry["blocs"]
    ]
