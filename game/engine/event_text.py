"""What an event changes, in plain words, from the scenario's effects: the lines an event
card shows under the event's own text ("Lenin's health −20", "Trotsky's Left: legitimacy
+15"), each faction named as the caller gives it (leader and camp, from the state).
Numbers are shown as the board shows them (0 to 100 for shares, the mood and a line as
left or right)."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.events import TRACK_RANGES
from game.engine.spec import TESTAMENT_STATES, EffectSpec, EventSpec, GameSpec
from game.engine.state import IDEOLOGY, INFLUENCE, LEGITIMACY, MOOD

TRACK_WORDS = ("Party unity", "The party's mood", "Lenin's health", "The economy")
STAT_WORDS = ("influence", "prestige", "legitimacy", "popularity", "line")
TESTAMENT_WORDS = {
    "hidden": "is hidden",
    "surfaced": "surfaces",
    "read_to_delegations": "is read to the delegations",
    "read_to_congress": "is read to the congress",
    "published": "is published",
}


def _points(add: float) -> str:
    """A share as the board shows it: 0.15 -> '+15'."""
    return f"{100 * add:+.0f}".replace("-", "−")


def _leaning(add: float) -> str:
    """A move on the left-right scale: -0.1 -> 'moves left by 0.10'."""
    return f"moves {'left' if add < 0 else 'right'} by {abs(add):.2f}"


def _track(effect: EffectSpec) -> str:
    """A track's change; one that spans the track's whole range says where it ends ("Lenin's
    health falls to 0"), not a change the track cannot make ("−100" when it was 10)."""
    name = TRACK_WORDS[effect.index]
    if effect.index == MOOD:
        return f"{name} {_leaning(effect.add)}"
    low, high = TRACK_RANGES[effect.index]
    if effect.add <= low - high:
        return f"{name} falls to {100 * low:.0f}"
    if effect.add >= high - low:
        return f"{name} rises to {100 * high:.0f}"
    return f"{name} {_points(effect.add)}"


def _faction(effect: EffectSpec, names: Sequence[str]) -> str:
    name, stat = names[effect.index], STAT_WORDS[effect.stat]
    if effect.stat == IDEOLOGY:
        return f"{name}: its line {_leaning(effect.add)}"
    if effect.stat == INFLUENCE:
        return f"{name}: influence {effect.add:+.1f}".replace("-", "−")
    return f"{name}: {stat} {_points(effect.add)}"


def _region(spec: GameSpec, effect: EffectSpec, names: Sequence[str]) -> list[str]:
    where = spec.region_names[effect.index] if effect.index >= 0 else "Every region"
    lines = []
    if effect.members_factor != 1.0:
        lines.append(f"{where}: party members {_points(effect.members_factor - 1.0)}%")
    if effect.recruits_add:
        lines.append(f"{where}: new recruits {_points(effect.recruits_add)}")
    if effect.sympathy_to >= 0 and effect.sympathy_add:
        towards = names[effect.sympathy_to]
        lines.append(f"{where}: members lean toward {towards} ({_points(effect.sympathy_add)})")
    return lines


def effect_lines(spec: GameSpec, event: EventSpec, names: Sequence[str] | None = None) -> list[str]:
    """Each effect of ``event`` as a short line (a legitimacy effect only where the
    scenario counts legitimacy, as the rules apply it), the factions called by ``names``
    (see ``game.engine.names``; the scenario's leader-and-camp names if None)."""
    names = spec.faction_names if names is None else names
    lines: list[str] = []
    for effect in event.effects:
        if effect.kind == "track":
            lines.append(_track(effect))
        elif effect.kind == "faction" and (effect.stat != LEGITIMACY or spec.on("legitimacy")):
            lines.append(_faction(effect, names))
        elif effect.kind == "region":
            lines += _region(spec, effect, names)
        elif effect.kind == "figure_dies":
            lines.append(f"{spec.figure_names[effect.index]} dies")
        elif effect.kind == "testament":
            lines.append(f"Lenin's Testament {TESTAMENT_WORDS[TESTAMENT_STATES[effect.index]]}")
    return lines
