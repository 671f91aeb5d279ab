"""What the guide's later notes are told of: the first offer of alliance a rival made the
player's faction, the first sanction voted on against it, and the first motion of its own
that its forecast gave at least even odds and that lost with the apparatus pulling against
it (read from the game as played and the forecasts its motions were planned with)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from game.analysis.runs import load
from game.engine.kinds import family
from game.engine.names import faction_name
from game.play.happenings import happenings
from game.play.match import Match, Setup, Tabled, TurnReport

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _played(human: str, quarters: int) -> Match:
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, (human,), seed=3))
    for _ in range(quarters):
        match.resolve()
    return match


def test_a_rivals_offer_of_alliance_is_the_first_offer() -> None:
    match = _played("stalin", 0)
    assert happenings(match, 0) == {}
    match.resolve()
    offers = [
        (f, a)
        for rnd in match.reports[0].actions
        for f, a in enumerate(rnd)
        if match.spec.actions.kinds[a] == "ally" and match.spec.actions.arg[a] == 0
    ]
    assert offers, "seed 3: a rival courts Stalin in the first quarter"
    who = faction_name(match.spec, match.state, offers[0][0])  # as the first quarter left him
    offer = happenings(match, 0)["alliance_offer"]
    assert offer["who"] == who
    assert not match.state.alliance[0, 0, offers[0][0]], "Stalin did not propose it too"
    assert offer["answer"].startswith("A bloc forms when both sides propose it")


def test_a_sanction_voted_on_against_the_faction() -> None:
    match = _played("trotsky", 1)
    assert "sanction" not in happenings(match, 1)
    match.resolve()
    sanction = happenings(match, 1)["sanction"]
    vote = next(e for e in match.reports[1].log if e["type"] == "vote")
    assert {k: v for k, v in sanction.items() if k != "advice"} == {
        "motion": "Condemn: Leon Trotsky",
        "result": "carried" if vote["passed"] else "was defeated",
        "tally": f"{vote['yes']}–{vote['no']}",
    }
    assert sanction["advice"].startswith("Win the delegates back" if vote["passed"] else "The")
    assert "sanction" not in happenings(match, 0), "Stalin's camp was not the target"


def test_a_sanction_defeated_does_not_advise_recanting() -> None:
    """As played (Bukharin, seed 1925): 'Expel: Nikolai Bukharin' lost 17–648 at the 14th
    Congress, and the note told him to win the delegates back or recant."""
    match = _played("bukharin", 0)
    motion = next(m for m in match.spec.motions if m.title == "Expel: Nikolai Bukharin")
    vote = {
        "type": "vote",
        "motion": motion.id,
        "title": motion.title,
        "sponsor": "stalin",
        "yes": 17,
        "no": 648,
        "passed": False,
        "blocs": [],
    }
    match.reports.append(TurnReport(0, [], {}, [vote]))
    sanction = happenings(match, 3)["sanction"]
    assert sanction["result"] == "was defeated" and sanction["tally"] == "17–648"
    assert "recant" not in sanction["advice"]


def _beaten(chance: float, apparatus: float, passed: bool) -> dict[str, Any]:
    """Trotsky's game with a motion planned at ``chance`` and its vote as given."""
    match = _played("trotsky", 0)
    spec = match.spec
    action = next(
        a
        for a in range(spec.actions.size)
        if family(spec.actions.kinds[a]) == "motion" and int(spec.actions.motion[a]) >= 0
    )
    motion = spec.motions[int(spec.actions.motion[action])]
    match.forecasts[(1, action)] = Tabled(action, 0, 0, chance, 60.0, 40.0)
    bloc = {"name": "Moscow", "size": 40, "yes": 10, "no": 30, "terms": {"apparatus": apparatus}}
    vote = {
        "type": "vote",
        "motion": motion.id,
        "title": motion.title,
        "sponsor": "trotsky",
        "yes": 58,
        "no": 71,
        "passed": passed,
        "blocs": [bloc],
    }
    match.reports.append(TurnReport(0, [], {}, [vote]))
    return happenings(match, 1)


def test_a_forecast_the_apparatus_beat() -> None:
    found = _beaten(0.83, -0.4, passed=False)["forecast_beaten"]
    assert found["chance"] == "83%" and found["tally"] == "58–71"


@pytest.mark.parametrize(
    ("chance", "apparatus", "passed"),
    [(0.3, -0.4, False), (0.83, 0.4, False), (0.83, -0.4, True)],
    ids=["forecast to lose", "the apparatus for it", "it passed"],
)
def test_no_forecast_beaten_otherwise(chance: float, apparatus: float, passed: bool) -> None:
    assert "forecast_beaten" not in _beaten(chance, apparatus, passed)


def test_the_first_man_won_away_from_the_faction() -> None:
    """A man of the player's camp going over to another was told nowhere: the first quarter
    whose board left one of its men in another camp gives the guide his name and his camp."""
    match = _played("bukharin", 0)
    spec = match.spec
    bukharin, stalin = spec.factions.index("bukharin"), spec.factions.index("stalin")
    rykov = spec.figure_names.index("Alexei Rykov")
    assert int(match.state.figure_faction[0, rykov]) == bukharin
    match.resolve()
    assert "man_lost" not in happenings(match, bukharin)
    report = match.reports[-1]
    assert report.closed is not None
    moved = list(report.closed.figure_faction)
    moved[rykov] = stalin
    report.closed = replace(report.closed, figure_faction=tuple(moved))
    lost = happenings(match, bukharin)["man_lost"]
    assert lost == {"who": "Alexei Rykov", "camp": spec.faction_names[stalin]}
    assert "man_lost" not in happenings(match, stalin), "Stalin's camp won him; it lost no one"
