"""The match at one machine (plans, undo, resolve) and its saves: round trips, and every way
a save can be unusable gives a message and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.ai.policies import POLICY_NAMES
from game.analysis.runs import load
from game.play.match import DIFFICULTIES, IllegalPlan, Match, Setup, policy_for
from game.play.saves import SaveError, list_saves, read_save, write_save
from game.play.settings import DATA_ENV, Settings

SHORT = Path("tests/ui/data/short.yaml")


@pytest.fixture
def match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Match:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    return Match(load(SHORT), Setup(SHORT, ("trotsky",)))


def test_difficulties_map_to_policies() -> None:
    assert [policy_for(d) for d in DIFFICULTIES] == ["easy", "standard", "hard"]
    assert all(policy_for(d) in POLICY_NAMES for d in DIFFICULTIES)


def test_plans_are_checked_and_undone(match: Match) -> None:
    spec = match.spec
    recruit = spec.actions.labels.index("recruit:moscow")
    with pytest.raises(IllegalPlan, match="secretary in Moscow"):
        match.plan(1, recruit)
    publish = spec.actions.block("publish").start
    match.plan(1, publish)
    match.plan(1, publish)
    with pytest.raises(IllegalPlan, match="all 2 actions"):
        match.plan(1, publish)
    assert match.undo(1) == publish and match.plans[1] == [publish]
    report = match.resolve()
    assert (
        report.actions[0][1] == publish and report.actions[1][1] == spec.actions.block("pass").start
    )
    assert match.plans[1] == [] and match.state.turn == 1 and len(match.strength) == 2


def test_a_save_replays_exactly(match: Match) -> None:
    match.plan(1, match.spec.actions.block("publish").start)
    match.resolve()
    match.resolve()
    loaded = read_save(write_save(match, "one"))
    assert loaded.history == match.history
    assert loaded.state.row_hashes() == match.state.row_hashes()
    assert loaded.setup == match.setup


def test_the_saves_list_names_the_season_and_the_scenario(match: Match) -> None:
    match.resolve()
    write_save(match, "three")
    [info] = [i for i in list_saves() if i.name == "three"]
    assert info.label.startswith("Summer 1922, Trotsky's Left (normal) — ")
    assert info.label.endswith(match.spec.title)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "damaged"),
        ('{"format": "something else"}', "not a saved game"),
        ('{"format": "heirs-of-lenin-save", "version": 99}', "newer version"),
        ('{"format": "heirs-of-lenin-save", "version": 1, "seed": 1}', "damaged"),
    ],
)
def test_bad_saves_say_why(match: Match, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(SaveError, match=message):
        read_save(path)
    assert path.read_text() == content


def test_a_save_of_a_changed_scenario_is_refused(match: Match, tmp_path: Path) -> None:
    path = write_save(match, "two")
    document = json.loads(path.read_text())
    document["scenario_sha256"] = "0" * 64
    path.write_text(json.dumps(document))
    with pytest.raises(SaveError, match="has changed"):
        read_save(path)


def test_settings_survive_and_bad_values_fall_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    Settings(width=1600, height=900, palette="colour-blind").save()
    assert Settings.load().palette == "colour-blind" and Settings.load().width == 1600
    (tmp_path / "settings.json").write_text('{"width": "wide", "fullscreen": true}')
    assert Settings.load().width == 1280 and Settings.load().fullscreen is True


def test_a_finished_games_report_names_who_played_each_faction_and_its_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.analysis.document import Paragraph
    from game.analysis.report_command import game_report
    from game.analysis.report_game import read_saved_game
    from game.boundary.jsondoc import parse_json
    from game.play.saves import to_json

    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    loaded = load(SHORT)
    match = Match(loaded, Setup(SHORT, ("trotsky", "bukharin"), "hard", 4242))
    while not match.over:
        match.resolve()
    saved = read_saved_game(parse_json(json.dumps(to_json(match)), "game.json"))
    assert saved is not None
    document = game_report(loaded, saved, None, 4, 1)
    said = " ".join(b.text for b in document.blocks if isinstance(b, Paragraph))
    assert "seed 4242" in said and "policies" not in said
    assert "Trotsky's Left: human" in said and "Bukharin's Right: human" in said
    assert "Stalin's Centre: the AI (hard)" in said
