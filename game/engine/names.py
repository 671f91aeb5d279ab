"""How every screen, news line, event text and report names a faction: by its leader and
its camp ("Trotsky's Left"), never by an office that may pass to someone else; and, from the
state, whether its leader is still in the game ("Stalin's Centre (Stalin expelled)")."""

from __future__ import annotations

from game.engine.spec import CENSURED, READMITTED, STATUSES, GameSpec
from game.engine.state import State


def surname(name: str) -> str:
    """'Joseph Stalin' -> 'Stalin'; a name of one word, or blank, as it is."""
    words = name.split()
    return words[-1] if words else name


def leader_and_camp(leader: str, camp: str) -> str:
    """A faction's name from its leader's full name and its camp's name as the scenario
    gives it: ('Leon Trotsky', 'The Left') -> "Trotsky's Left"."""
    bare = camp[4:] if camp.startswith("The ") else camp
    return f"{surname(leader)}'s {bare}"


def leader_standing(spec: GameSpec, state: State, faction: int, game: int = 0) -> str:
    """What has become of the faction's leader in game ``game``: '' while he is in the party
    as a member in good standing (or censured, or readmitted), else 'Stalin expelled',
    'Trotsky deported', 'Zinoviev recanted', 'Frunze dead'."""
    leader = int(spec.faction_leader[faction])
    who = surname(spec.figure_names[leader])
    if not state.alive[game, leader]:
        return f"{who} dead"
    status = int(state.status[game, leader])
    if status <= CENSURED or status == READMITTED:
        return ""
    return f"{who} {STATUSES[status]}"


def faction_name(spec: GameSpec, state: State | None, faction: int, game: int = 0) -> str:
    """The faction's name on every screen: leader and camp ("Trotsky's Left"), with what has
    become of the leader when he is out ("Stalin's Centre (Stalin expelled)"). Without a
    state (before a game exists), the leader and camp alone."""
    name = spec.faction_names[faction]
    if state is None:
        return name
    standing = leader_standing(spec, state, faction, game)
    return f"{name} ({standing})" if standing else name


def faction_names(spec: GameSpec, state: State, game: int = 0) -> tuple[str, ...]:
    """Every faction's name in game ``game`` (see ``faction_name``)."""
    return tuple(faction_name(spec, state, f, game) for f in range(spec.n_factions))


def mover_name(spec: GameSpec, sponsor: str | None) -> str:
    """Who moved a motion as logs and records keep it (a faction id, or None for the
    chair): the faction's leader and camp, or 'the chair'."""
    return spec.faction_names[spec.factions.index(sponsor)] if sponsor else "the chair"
