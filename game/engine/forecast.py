"""What an action is likely to do, worked out on copies of one game's state (row 0), never on
the state itself: the changes it brings, and for a motion the vote it would get at the next
session, over many draws of chance, with the reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.engine import query
from game.engine.actions import apply_actions
from game.engine.explain import TERM_HELP
from game.engine.kinds import KINDS
from game.engine.procedure import empowered
from game.engine.spec import GameSpec
from game.engine.state import (
    DECLARATION_BROKEN,
    DECLARATION_KEPT,
    IDEOLOGY,
    INFLUENCE,
    LEGITIMACY,
    POPULARITY,
    PRESTIGE,
    UNITY,
    State,
)
from game.engine.votes import TERMS, BlocVote, vote

FORECAST_SAMPLES = 48
FORECAST_RUN_OFFSET = 1_000_003  # chance draws of imagined runs, apart from the real game's
STAT_NAMES = {
    INFLUENCE: "influence",
    PRESTIGE: "prestige",
    LEGITIMACY: "legitimacy",
    POPULARITY: "popularity",
    IDEOLOGY: "line",
}


@dataclass(frozen=True)
class BlocForecast:
    """One bloc's expected vote: mean yes and no, and the mean of each term."""

    name: str
    size: int
    yes: float
    no: float
    terms: dict[str, float]


@dataclass(frozen=True)
class VoteForecast:
    """A motion's likely fate at session ``session`` if it were voted now."""

    session: int
    chance_to_pass: float
    yes: float
    no: float
    blocs: tuple[BlocForecast, ...]
    reasons: tuple[str, ...]


def next_session(spec: GameSpec, turn: int, motion: int = -1) -> int | None:
    """The first session held in quarter ``turn`` or later (with the power to decide motion
    ``motion``, if one is given), or None if none is left."""
    for t in range(turn, spec.turns):
        for kind, index in spec.schedule[t]:
            if kind == "session" and (
                motion < 0 or empowered(spec.motions[motion], spec.sessions[index])
            ):
                return index
    return None


def forecast_vote(
    spec: GameSpec, state: State, faction: int, action: int, samples: int = FORECAST_SAMPLES
) -> VoteForecast | None:
    """The vote the motion tabled by ``action`` would get at the next session, moved by
    ``faction``, as if it were held now: the share of ``samples`` draws of chance in which it
    passes, the mean tally and each bloc's mean terms. None if the action tables nothing or
    no session is left."""
    m = int(spec.actions.motion[action])
    session = next_session(spec, state.turn, m)
    if m < 0 or session is None:
        return None
    copies = state.take(np.zeros(samples, dtype=np.int64))
    copies.run_index = FORECAST_RUN_OFFSET + np.arange(samples, dtype=np.int64)
    sponsor = np.full(samples, faction, dtype=np.int64)
    result = vote(spec, copies, spec.sessions[session], spec.motions[m], sponsor, 0, True)
    assert result.explanation is not None
    blocs = _mean_blocs(result.explanation)
    return VoteForecast(
        session,
        float(result.passed.mean()),
        float(result.yes.mean()),
        float(result.no.mean()),
        blocs,
        vote_reasons(blocs),
    )


def _mean_blocs(explanation: list[list[BlocVote]]) -> tuple[BlocForecast, ...]:
    n = len(explanation)
    out = []
    for i, first in enumerate(explanation[0]):
        rows = [game[i] for game in explanation]
        out.append(
            BlocForecast(
                first.name,
                first.size,
                sum(r.yes for r in rows) / n,
                sum(r.no for r in rows) / n,
                {t: sum(r.terms[t] for r in rows) / n for t in TERMS},
            )
        )
    return tuple(out)


def vote_reasons(blocs: Sequence[BlocForecast], top: int = 3) -> tuple[str, ...]:
    """The terms that weighed most across the hall, in words, naming the largest blocs they
    pushed each way: 'Apparatus: for it in Moscow; against it in Urals, Siberia (...)'."""
    total = max(sum(b.size for b in blocs), 1)
    pull = {t: sum(abs(b.terms.get(t, 0.0)) * b.size for b in blocs) / total for t in TERMS}
    ranked = sorted((t for t in TERMS if t != "bias"), key=lambda t: -pull[t])
    return tuple(_term_line(term, blocs) for term in ranked[:top] if pull[term] >= 0.05)


def _term_line(term: str, blocs: Sequence[BlocForecast]) -> str:
    def named(sign: float) -> str:
        pushed = [b for b in blocs if b.size and sign * b.terms.get(term, 0.0) >= 0.1]
        pushed.sort(key=lambda b: -abs(b.terms[term]) * b.size)
        names = [b.name for b in pushed[:3]] + (["…"] if len(pushed) > 3 else [])
        return ", ".join(names)

    sides = [
        f"{label} in {names}"
        for label, names in (("for it", named(1.0)), ("against it", named(-1.0)))
        if names
    ]
    where = "; ".join(sides) or "weakly everywhere"
    return f"{term.capitalize()}: {where} ({TERM_HELP[term]})."


def bloc_verdict(yes: float, no: float) -> str:
    """'for', 'against' or 'split' for a bloc's mean vote."""
    if yes > 1.5 * no:
        return "for"
    if no > 1.5 * yes:
        return "against"
    return "split"


def likely_effects(spec: GameSpec, state: State, faction: int, action: int, rnd: int) -> list[str]:
    """What taking ``action`` now would change, in short lines. A kind whose outcome is drawn
    (courting, appointing) gives its chances instead: played out on a copy, the draw would
    give the real dice away."""
    kind = KINDS[spec.actions.kinds[action]]
    if kind.chance is not None:
        return kind.chance(spec, state, faction, int(spec.actions.arg[action]))
    after = state.copy()
    apply_actions(spec, after, faction, np.array([action]), rnd)
    lines = _stat_changes(spec, state, after)
    lines += _region_changes(spec, state, after, faction)
    lines += _party_changes(spec, state, after, faction)
    if kind.tables is not None:
        session = next_session(spec, state.turn, int(spec.actions.motion[action]))
        where = "no session is left" if session is None else spec.sessions[session].name
        lines.append(f"Put to the next session with the power to decide it: {where}.")
    return lines or ["No visible change."]


def _stat_changes(spec: GameSpec, before: State, after: State) -> list[str]:
    lines = []
    for f in range(spec.n_factions):
        for stat, name in STAT_NAMES.items():
            delta = float(after.stats[0, f, stat] - before.stats[0, f, stat])
            if abs(delta) >= 0.005:
                lines.append(f"{spec.faction_names[f]}: {name} {_signed(delta, stat)}")
    unity = float(after.tracks[0, UNITY] - before.tracks[0, UNITY])
    if abs(unity) >= 0.001:
        lines.append(f"Party unity {100 * unity:+.1f} points")
    return lines


def _signed(delta: float, stat: int) -> str:
    """A change as the board shows its stat: influence and the line in their own units
    (the line is the panel's 'Line +0.60'), the gauges in points of 100."""
    if stat == INFLUENCE:
        return f"{delta:+.1f}"
    if stat == IDEOLOGY:
        return f"{delta:+.2f}".replace("-", "−") + (
            " (to the left)" if delta < 0 else " (to the right)"
        )
    return f"{100 * delta:+.0f} points"


def _region_changes(spec: GameSpec, before: State, after: State, f: int) -> list[str]:
    lines = []
    for r in range(len(spec.regions)):
        old, new = float(before.sympathy[0, r, f]), float(after.sympathy[0, r, f])
        if abs(new - old) >= 0.002:
            lines.append(
                f"{spec.region_names[r]}: members for you {100 * old:.0f}% → {100 * new:.0f}%"
            )
        grown = float(after.members[0, r] - before.members[0, r])
        if grown >= 1.0:
            lines.append(f"{spec.region_names[r]}: {grown:,.0f} new members")
    return lines


def _party_changes(spec: GameSpec, before: State, after: State, f: int) -> list[str]:
    lines = []
    cc = float(after.cc_share[0, f] - before.cc_share[0, f])
    if abs(cc) >= 0.001:
        lines.append(f"Your Central Committee share {100 * cc:+.1f} points")
    formed = after.alliance[0, f] & ~before.alliance[0, f]
    broken = before.alliance[0, f] & ~after.alliance[0, f]
    for g in np.flatnonzero(formed):
        lines.append(f"Alliance with {spec.faction_names[g]} (they have proposed too)")
    for g in np.flatnonzero(broken):
        lines.append(f"Alliance with {spec.faction_names[g]} ends")
    offered = (after.offer[0, f] != before.offer[0, f]) & ~formed
    for g in np.flatnonzero(offered):
        lines.append(f"An offer to {spec.faction_names[g]}; it stands this quarter and the next")
    if before.declared[0, f] == DECLARATION_KEPT and after.declared[0, f] == DECLARATION_BROKEN:
        lines.append(
            "Breaks your declaration of submission: the others regain their reasons to strike "
            "you, and a broken declaration is never believed again"
        )
    if (after.status[0] != before.status[0]).any():
        lines.append(
            "Your censured and expelled people recant: face is lost and old grudges against you "
            "soften, but a motion already tabled against them still comes to its vote, and "
            "the expelled return only if a session votes to readmit them"
        )
    return lines


def machine_count(state: State, faction: int) -> int:
    """How many regional machines ``faction`` runs."""
    return int((state.secretary[0] == faction).sum())


def weight_now(spec: GameSpec, state: State) -> list[float]:
    """Each faction's weight in the party (members' sympathy and CC share), game 0."""
    return [float(x) for x in query.weight(spec, state)[0]]
