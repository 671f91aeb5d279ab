"""What one faction sees of a game, as a flat dictionary of readable numbers: the quarter
and round, its own standing, the offices it holds, its alliances and the party's tracks.
The keys are the same for every position of a scenario, so the values line up as a vector."""

from __future__ import annotations

from game.engine import query
from game.engine.outcome import power_scores
from game.engine.spec import GameSpec
from game.engine.state import State

STATS = ("influence", "prestige", "legitimacy", "popularity", "ideology")
TRACKS = ("unity", "mood", "lenin_health", "economy")


def observation(spec: GameSpec, state: State, faction: int, rnd: int) -> dict[str, float]:
    """Faction ``faction``'s view of game 0 at action round ``rnd`` of the current quarter:
    ``turn`` (quarters played), ``round``, ``leader_active`` (1 if its leader is alive and in
    the party), its five stats, ``power`` (the score that decides a game without an outright
    winner), ``weight`` (its share of the party's members and Central Committee),
    ``politburo_seats``, ``cc_share``, ``offices`` (how many it holds) and ``office.<id>``
    (1 for each it holds), ``allied.<faction>`` for every other faction, and the tracks."""
    out: dict[str, float] = {"turn": float(state.turn), "round": float(rnd)}
    out["leader_active"] = float(query.leader_active(spec, state)[0, faction])
    out.update(
        {name: float(state.stats[0, faction, i]) for i, name in enumerate(STATS)},
    )
    out["power"] = float(power_scores(spec, state)[0, faction])
    out["weight"] = float(query.weight(spec, state)[0, faction])
    out["politburo_seats"] = float(query.politburo_seats(spec, state)[0, faction])
    out["cc_share"] = float(state.cc_share[0, faction])
    held = query.office_faction(state)[0] == faction
    out["offices"] = float(held.sum())
    out.update({f"office.{oid}": float(held[o]) for o, oid in enumerate(spec.offices)})
    out.update(
        {
            f"allied.{other}": float(state.alliance[0, faction, f])
            for f, other in enumerate(spec.factions)
            if f != faction
        }
    )
    out.update({name: float(state.tracks[0, i]) for i, name in enumerate(TRACKS)})
    return out
