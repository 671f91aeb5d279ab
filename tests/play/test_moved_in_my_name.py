"""A player's faction moves only what its player tabled: no agenda item of the scenario is put
in the name of a faction a person plays (rules version 5). Before, a human Bukharin found five
of the scenario's motions against Kamenev "moved by Bukharin's Right"."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.runs import load
from game.play.match import Match, Setup

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _movers(human: str, quarters: int) -> list[tuple[str, str]]:
    """(motion id, mover) of every vote in the first ``quarters`` of a game in which the AI
    plans the person's actions too (``auto``): whatever it tables is the person's own; the
    scenario's agenda items are never."""
    loaded = load(CAMPAIGN)
    match = Match(loaded, Setup(CAMPAIGN, (human,), seed=7))
    votes: list[tuple[str, str]] = []
    for _ in range(quarters):
        report = match.resolve(auto=True)
        votes += [(e["motion"], e["sponsor"]) for e in report.log if e["type"] == "vote"]
    return votes


@pytest.mark.parametrize("human", ["stalin", "bukharin"])
def test_only_motions_the_player_tabled_are_moved_in_his_name(human: str) -> None:
    votes = _movers(human, 20)
    mine = [motion for motion, mover in votes if mover == human]
    assert not [m for m in mine if not m.startswith("tabled_")]
    assert len(votes) > 10  # the agenda was really put
