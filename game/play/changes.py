"""What a quarter changed on the board, told in the news: a figure who joined a camp (a
courting that worked) or left one, an office that changed hands, the Politburo's new members
and those who left it, the Central Committee a congress elected, a bloc formed or ended, and
an offer of one left to lapse. Each line compares the board as the quarter opened with the
board as it left it, so it cannot claim what did not happen."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.spec import SESSION_KINDS, GameSpec
from game.engine.state import OFFER_TURNS, State


@dataclass(frozen=True)
class Standing:
    """The part of one game's board the news compares across a quarter: the faction of each
    figure (G), the holder of each office (O, -1 vacant), who sits in the Politburo (G), and
    the Central Committee's shares by faction, the last one the uncommitted (F + 1)."""

    figure_faction: tuple[int, ...]
    holder: tuple[int, ...]
    politburo: tuple[bool, ...]
    cc_share: tuple[float, ...]
    alliance: tuple[tuple[bool, ...], ...]  # (F, F)
    offer: tuple[tuple[int, ...], ...]  # (F, F) turn of the latest proposal, by proposer
    turn: int


def standing(state: State) -> Standing:
    """The board of game 0 of ``state`` (the window plays one game)."""
    return Standing(
        tuple(int(x) for x in state.figure_faction[0]),
        tuple(int(x) for x in state.holder[0]),
        tuple(bool(x) for x in state.politburo[0]),
        tuple(float(x) for x in state.cc_share[0]),
        tuple(tuple(bool(x) for x in row) for row in state.alliance[0]),
        tuple(tuple(int(x) for x in row) for row in state.offer[0]),
        state.turn,
    )


def change_lines(
    spec: GameSpec, before: Standing, after: Standing, names: tuple[str, ...], congress: bool
) -> list[str]:
    """The quarter's changes as news lines, factions called by ``names``; the Central
    Committee's shares only where a ``congress`` elected it (lobbying moves them every
    quarter)."""
    lines = _joined(spec, before, after, names) + _offices(spec, before, after)
    lines += _politburo(spec, before, after) + _blocs(before, after, names)
    if congress:
        lines.append(_cc(before, after, names))
    return lines


def held_congress(spec: GameSpec, log: list[dict[str, object]]) -> bool:
    """Whether a congress met in a quarter whose log is ``log``."""
    kinds = {s.id: SESSION_KINDS[s.kind] for s in spec.sessions}
    return any(e["type"] == "session" and kinds.get(str(e["id"])) == "congress" for e in log)


def moves(before: Standing, after: Standing) -> list[tuple[int, int, int]]:
    """(figure, camp before, camp after) of every figure whose camp changed (-1: none)."""
    pairs = enumerate(zip(before.figure_faction, after.figure_faction, strict=True))
    return [(g, was, now) for g, (was, now) in pairs if was != now]


def _joined(spec: GameSpec, before: Standing, after: Standing, names: tuple[str, ...]) -> list[str]:
    lines = []
    for g, was, now in moves(before, after):
        if now >= 0 and was >= 0:
            lines.append(f"{spec.figure_names[g]} leaves {names[was]} for {names[now]}.")
        elif now >= 0:
            lines.append(f"{spec.figure_names[g]} now stands with {names[now]}.")
        else:
            lines.append(f"{spec.figure_names[g]} leaves {names[was]} and stands with no camp.")
    return lines


def _offices(spec: GameSpec, before: Standing, after: Standing) -> list[str]:
    lines = []
    for o, (was, now) in enumerate(zip(before.holder, after.holder, strict=True)):
        office = spec.office_names[o]
        if now == was:
            continue
        if now < 0:
            lines.append(f"{office}: {spec.figure_names[was]} is out; the post is vacant.")
        elif was < 0:
            lines.append(f"{office}: {spec.figure_names[now]} fills the vacant post.")
        else:
            lines.append(
                f"{office}: {spec.figure_names[now]} takes over from {spec.figure_names[was]}."
            )
    return lines


def _politburo(spec: GameSpec, before: Standing, after: Standing) -> list[str]:
    pairs = list(zip(before.politburo, after.politburo, strict=True))
    joined = [spec.figure_names[g] for g, (was, now) in enumerate(pairs) if now and not was]
    left = [spec.figure_names[g] for g, (was, now) in enumerate(pairs) if was and not now]
    parts = []
    if joined:
        parts.append(f"joining it {', '.join(joined)}")
    if left:
        parts.append(f"leaving it {', '.join(left)}")
    return [f"The Politburo changes: {'; '.join(parts)}."] if parts else []


def _cc(before: Standing, after: Standing, names: tuple[str, ...]) -> str:
    shares = [
        f"{name} {round(100 * now)}% ({round(100 * now) - round(100 * was):+d})".replace("-", "−")
        for name, was, now in zip(
            (*names, "the uncommitted"), before.cc_share, after.cc_share, strict=True
        )
    ]
    return f"The congress elects a new Central Committee: {', '.join(shares)}."


def _blocs(before: Standing, after: Standing, names: tuple[str, ...]) -> list[str]:
    """Blocs formed and ended, and offers of one whose second quarter has passed unanswered
    (an offer stands the quarter it is made and the next: ``state.OFFER_TURNS``)."""
    lines = []
    for a, row in enumerate(after.alliance):
        for b in range(a + 1, len(row)):
            if row[b] and not before.alliance[a][b]:
                lines.append(f"{names[a]} and {names[b]} form a bloc.")
            elif before.alliance[a][b] and not row[b]:
                lines.append(f"The bloc of {names[a]} and {names[b]} ends.")
    for p, offers in enumerate(after.offer):
        for a, made in enumerate(offers):
            lapsed = made == after.turn - OFFER_TURNS and not after.alliance[p][a]
            if lapsed and after.offer[a][p] < made:  # not answered by an offer of its own
                lines.append(f"{names[a]} lets the offer of a bloc from {names[p]} lapse.")
    return lines
