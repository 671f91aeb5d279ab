"""What the registry declares about each kind of action (``ActionKind``, its ``Words``), and
the seat from which one faction's actions are judged (``Seat``).

A declaration is checked when it is made: a template with an unknown or positional
placeholder, an empty text, a motion kind or an option list that does not exist raise
``ValueError`` at import, so a half-declared kind never reaches a game.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Literal, get_args

import numpy as np
from numpy.typing import NDArray

from game.engine import query
from game.engine.spec import MOTION_KINDS, GameSpec
from game.engine.state import State

BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]

# How the action space lists a kind's options (``game.scenario.compile`` lays them out):
# once; one per region, faction or policy; per figure that can be courted (loyalty below 1,
# not a leader), that belongs to a faction, or that leads one; per removable office and
# aligned figure.
Options = Literal[
    "once", "regions", "factions", "policies", "courtable", "members", "leaders", "office_holders"
]
# What an option's argument names (None: it has none), by the way the options are listed.
ARGUMENT: dict[str, str | None] = {
    "once": None,
    "regions": "region",
    "factions": "faction",
    "policies": "policy",
    "courtable": "figure",
    "members": "figure",
    "leaders": "figure",
    "office_holders": "figure",
}
# The placeholders each text of a kind may use: {who} the faction acting, {arg} the name of
# the option's argument, {motion} the title of the motion it tables; a tabled motion's title
# names its {figure}, {policy} or {office}.
PLACEHOLDERS = {
    "title": frozenset({"arg", "motion"}),
    "label": frozenset(),
    "help": frozenset(),
    "news": frozenset({"who", "arg", "motion"}),
    "refused": frozenset({"who", "arg"}),
    "motion": frozenset({"figure", "policy", "office"}),
}


class Seat:
    """Faction ``f`` at one position of a batch: what its actions' legality reads. The
    figures of rival camps are worked out for all figures once, when a kind first asks about
    several of them."""

    def __init__(self, spec: GameSpec, state: State, f: int) -> None:
        self.spec, self.state, self.f = spec, state, f
        self._rivals: BoolArray | None = None

    def rivals(self, figures: IntArray) -> BoolArray:
        """(B, n): which of ``figures`` (n,) belong to another camp than the faction's that is
        not its ally. One figure alone (a tabled motion checked again) is judged alone."""
        if self._rivals is None and figures.size == 1:
            return self._rival(self.state.figure_faction[:, figures])
        if self._rivals is None:
            self._rivals = self._rival(self.state.figure_faction)
        return self._rivals[:, figures]

    def _rival(self, target: IntArray) -> BoolArray:
        """Whether factions ``target`` (B, n; -1 none) are another camp, not allied."""
        allied = query.gather(self.state.alliance[:, self.f, :], np.maximum(target, 0))
        return (target != self.f) & (target >= 0) & ~allied  # type: ignore[no-any-return]

    def arg(self, action: int) -> int:
        """The argument of ``action``: a region, faction, figure or policy index, -1 none."""
        return int(self.spec.actions.arg[action])


# (seat, actions (n,) of one kind) -> (B, n) or (B, 1): which the faction may take, by the
# kind's own rules (the engine adds the leader's standing and the cost).
Legality = Callable[[Seat, IntArray], BoolArray]
# (seat, action) -> why the kind's own rules forbid the action in game 0, '' if they do not.
Reason = Callable[[Seat, int], str]
# (spec, state, faction, games (n,), args (n,), actions taken (n,), round) -> None: apply it.
Effect = Callable[[GameSpec, State, int, IntArray, IntArray, IntArray, int], None]
# (spec, state, faction, arg) -> the odds of a drawn outcome in game 0, in short lines.
Odds = Callable[[GameSpec, State, int, int], list[str]]
# (state after the action, faction, arg) -> whether a drawn outcome went the faction's way in
# game 0 (read from the state, so a news line tells what happened, not what was tried).
Took = Callable[[State, int, int], bool]


@dataclass(frozen=True)
class Words:
    """What the player reads about a kind. ``title`` names one option in lists (``{arg}``,
    ``{motion}``); ``label`` names its family on the board; ``help`` says what it does;
    ``news`` is the dispatch when a faction takes it (``{who}``, ``{arg}``, ``{motion}``;
    None: it makes no news); ``motion`` is the title of the motion it tables (``{figure}``,
    ``{policy}``, ``{office}``), '' if it tables none; ``refused`` is the dispatch, with its
    reason, when a drawn outcome went against the faction (``{who}``, ``{arg}``; None: the
    kind's outcome is certain)."""

    title: str
    label: str
    help: str
    news: str | None
    motion: str = ""
    refused: str | None = None


@dataclass(frozen=True)
class ActionKind:
    """One kind of action, declared once.

    ``family`` is the board's category and the field of ``rules.action_costs`` it pays;
    ``options`` how the action space lists it (see ``Options``); ``legal`` and ``why_not``
    its own rules and, for game 0, the reason they give when they forbid it; ``effect`` what
    it does; ``chance`` the odds in words when its outcome is drawn (None: it is certain, and
    a forecast plays it out on a copy); ``took`` whether that drawn outcome went the
    faction's way, read from the state after it (with ``words.refused``); ``tables`` the
    kind of motion (MOTION_KINDS) it tables for the next session, if any; ``while_out``
    whether a faction whose leader is out of the party may still take it."""

    name: str
    family: str
    options: Options
    legal: Legality
    why_not: Reason
    effect: Effect
    words: Words
    chance: Odds | None = None
    took: Took | None = None
    tables: str | None = None
    while_out: bool = False

    def __post_init__(self) -> None:
        if self.options not in get_args(Options):
            raise ValueError(f"action kind {self.name!r}: unknown options {self.options!r}")
        if self.tables is not None and self.tables not in MOTION_KINDS:
            raise ValueError(f"action kind {self.name!r}: unknown motion kind {self.tables!r}")
        if (self.words.refused is None) != (self.took is None):
            raise ValueError(f"action kind {self.name!r}: a refusal's news iff a drawn outcome")
        if bool(self.words.motion) != (self.tables is not None):
            raise ValueError(f"action kind {self.name!r}: a motion title iff it tables one")
        for field in fields(Words):
            text = getattr(self.words, field.name)
            if text is None and field.name in ("news", "refused"):
                continue
            if text == "" and field.name == "motion":
                continue
            self._check_text(field.name, text)

    @property
    def argument(self) -> str | None:
        """What an option's argument names: region, faction, figure, policy; None if none."""
        return ARGUMENT[self.options]

    def _check_text(self, name: str, text: str) -> None:
        """A text is not empty and uses only the placeholders it may, by name."""
        where = f"action kind {self.name!r}, words.{name}"
        if not text.strip():
            raise ValueError(f"{where}: empty")
        allowed = set(PLACEHOLDERS[name])
        if self.argument is None:
            allowed.discard("arg")
        if self.tables is None:
            allowed.discard("motion")
        for _, field, spec, conversion in string.Formatter().parse(text):
            if field is None:
                continue
            if field not in allowed or spec or conversion:
                raise ValueError(f"{where}: placeholder {{{field}}} not in {sorted(allowed)}")
