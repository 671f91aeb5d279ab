"""``game.Game``: one game stepped by hand, an action round at a time. Policies play as they
do in a batch, the rules are enforced, clones are independent, and records round-trip."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import game
from game.engine.record import GameRecord, replay

from .conftest import ROOT, run_cli

RIVALS = {"trotsky": "standard", "zinoviev": "standard", "bukharin": "standard"}


def play_randomly(match: game.Game, seed: int, steps: int | None = None) -> int:
    """Step ``match`` with uniformly drawn legal actions for its stepped factions; returns
    the rounds stepped."""
    rng = random.Random(seed)
    done = 0
    while not match.is_over() and (steps is None or done < steps):
        match.step({f: rng.choice(match.legal_actions(f)) for f in match.stepped})
        done += 1
    return done


def test_a_game_of_policies_is_run_zero_of_its_seed(campaign: game.Scenario) -> None:
    """Every faction played by a policy: the actions and state hashes of ``replay --run 0``."""
    match = game.Game(campaign, seed=11, policies=dict.fromkeys(campaign.factions, "standard"))
    assert match.stepped == ()
    while not match.is_over():
        match.step()
    done = run_cli("replay", "--run", "0", "--seed", "11", "--json")
    assert done.returncode == 0, done.stderr
    replayed = json.loads(done.stdout)
    record = match.to_record()["record"]
    assert record["actions"] == replayed["record"]["actions"]
    assert record["hashes"] == replayed["record"]["hashes"]
    assert match.winner() == replayed["winner"]
    assert match.log == replayed["log"]
    again = game.Game.from_record(replayed)  # what replay --json prints reads back
    assert again.players == dict.fromkeys(campaign.factions, "standard")
    assert again.to_record() == match.to_record() and again.is_over()


def test_stepping_to_the_end(campaign: game.Scenario) -> None:
    match = game.Game(campaign, seed=2, policies=RIVALS)
    assert match.stepped == ("stalin",) and match.returns() == dict.fromkeys(match.factions, 0.0)
    first = match.observation("stalin")
    assert (first["turn"], first["round"], first["office.general_secretary"]) == (0, 0, 1.0)
    assert match.winner() is None
    rounds = play_randomly(match, seed=2)
    assert match.is_over() and match.winner() in (*match.factions, "split")
    quarters = len(match.to_record()["record"]["actions"])
    assert quarters == len(match.to_record()["record"]["hashes"])
    assert match.turn == quarters  # every quarter played, a split game's played out
    assert rounds <= quarters * len(match.to_record()["record"]["actions"][0])
    returns = match.returns()
    if match.winner() == "split":
        assert set(returns.values()) == {-0.5}
    else:
        assert sorted(returns.values())[:-1] == [0.0] * 3
        assert returns[match.winner()] in (0.5, 1.0)  # type: ignore[index]
    assert match.legal_actions("stalin") == []
    with pytest.raises(ValueError, match="the game is over"):
        match.step({"stalin": match.wait})


def test_the_rules_are_enforced(campaign: game.Scenario) -> None:
    match = game.Game(campaign, seed=4, policies=RIVALS)
    legal = match.legal_actions("stalin")
    assert match.wait in legal and match.action_name(match.wait) == "pass"
    illegal = next(a for a in range(len(match.action_names)) if a not in legal)
    before = match.to_record()
    with pytest.raises(ValueError, match=f"stalin may not take {match.action_name(illegal)}"):
        match.step({"stalin": illegal})
    with pytest.raises(ValueError, match="trotsky is played by the standard policy"):
        match.step({"stalin": match.wait, "trotsky": match.wait})
    with pytest.raises(ValueError, match="no action for stalin"):
        match.step({})
    with pytest.raises(ValueError, match="no faction 'lenin'"):
        match.step({"lenin": match.wait})
    with pytest.raises(ValueError, match="no action 100000"):
        match.step({"stalin": 100000})
    assert match.to_record() == before  # nothing was played
    taken = match.step({"stalin": legal[-1]})
    assert taken["stalin"] == legal[-1] and match.round == 1


def test_a_faction_whose_leader_is_out_may_only_wait_or_recant(campaign: game.Scenario) -> None:
    """Play random games with the leaders' fates open until some leader is out of the party:
    from then, his faction may only wait (or recant, to come back), and any other action is
    refused."""
    out: list[str] = []
    for seed in range(1, 11):
        match = game.Game(campaign, seed=seed, policies={})
        rng = random.Random(seed)
        while not match.is_over() and not out:
            match.step({f: rng.choice(match.legal_actions(f)) for f in match.stepped})
            out = [f for f in match.factions if not match.observation(f)["leader_active"]]
        if out:
            break
    assert out, "no leader left the party in ten random games"
    legal = match.legal_actions(out[0])
    assert match.wait in legal
    assert {match.action_name(a) for a in legal} <= {"pass", "recant"}
    campaign_action = match.action_names.index("campaign:moscow")
    with pytest.raises(ValueError, match=f"{out[0]} may not take campaign:moscow"):
        match.step({**dict.fromkeys(match.stepped, match.wait), out[0]: campaign_action})


def test_clones_are_independent(campaign: game.Scenario) -> None:
    match = game.Game(campaign, seed=6, policies=RIVALS)
    play_randomly(match, seed=6, steps=5)
    before = (match.to_record(), match.observation("stalin"), match.log)
    twin = match.clone()
    play_randomly(twin, seed=7, steps=9)
    assert (match.to_record(), match.observation("stalin"), match.log) == before
    assert twin.to_record() != before[0]
    again = match.clone()
    play_randomly(again, seed=7, steps=9)
    assert again.to_record() == twin.to_record()  # the same actions: the same game


def test_a_record_round_trip_gives_the_same_game(campaign: game.Scenario) -> None:
    match = game.Game(campaign, seed=8, policies={"trotsky": "random", "bukharin": "easy"})
    play_randomly(match, seed=8, steps=7)  # mid-quarter
    data = json.loads(json.dumps(match.to_record()))
    assert data["rounds"], "the test should stop mid-quarter"
    loaded = game.Game.from_record(data)
    assert loaded.to_record() == match.to_record()
    assert loaded.players == match.players and loaded.round == match.round
    for faction in match.factions:
        assert loaded.observation(faction) == match.observation(faction)
        assert loaded.legal_actions(faction) == match.legal_actions(faction)
    play_randomly(match, seed=9)
    play_randomly(loaded, seed=9)
    assert loaded.to_record() == match.to_record() and loaded.returns() == match.returns()


def test_a_tampered_record_is_refused(campaign: game.Scenario) -> None:
    match = game.Game(campaign, seed=8, policies=RIVALS)
    play_randomly(match, seed=8, steps=6)
    data = match.to_record()
    data["record"]["hashes"][1] = "0" * 16
    with pytest.raises(ValueError, match="does not replay"):
        game.Game.from_record(data)
    data = match.to_record()
    data["record"]["seed"] = 9
    with pytest.raises(ValueError):
        game.Game.from_record(data)
    with pytest.raises(ValueError, match="not a game record"):
        game.Game.from_record({"hello": 1})
    broken = [
        (lambda d: d["record"]["players"].update(trotsky="clever"), "'clever'"),
        (lambda d: d.update(rounds=[[0, 0, 0]]), "'rounds' must list fewer than"),
        (lambda d: d["record"]["actions"].__setitem__(0, []), r"record\.actions\.0"),
    ]
    for damage, message in broken:
        data = match.to_record()
        damage(data)
        with pytest.raises(ValueError, match=message):
            game.Game.from_record(data)
    no_apparatus = ROOT / "scenarios" / "ablations" / "no_apparatus.yaml"
    with pytest.raises(ValueError, match="made with another scenario"):
        game.Game.from_record(match.to_record(), no_apparatus)


def test_a_finished_record_is_read_by_replay_record(
    campaign: game.Scenario, tmp_path: Path
) -> None:
    match = game.Game(campaign, seed=5, policies=RIVALS)
    play_randomly(match, seed=5)
    path = tmp_path / "game.json"
    path.write_text(json.dumps(match.to_record()))
    done = run_cli("replay", "--record", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["winner"] == match.winner()


def test_games_are_deterministic(campaign: game.Scenario) -> None:
    one, two = (game.Game(campaign, seed=3, policies=RIVALS) for _ in range(2))
    play_randomly(one, seed=1, steps=12)
    play_randomly(two, seed=1, steps=12)
    assert one.to_record() == two.to_record() and one.log == two.log
    three = game.Game(campaign, seed=4, policies=RIVALS)
    play_randomly(three, seed=1, steps=12)
    assert three.to_record()["record"]["hashes"] != one.to_record()["record"]["hashes"]


def test_bad_policies_are_refused(campaign: game.Scenario) -> None:
    with pytest.raises(ValueError, match="policies name no faction 'lenin'"):
        game.Game(campaign, policies={"lenin": "standard"})
    with pytest.raises(ValueError, match="unknown AI policy 'clever'"):
        game.Game(campaign, policies={"stalin": "clever"})
    with pytest.raises(ValueError, match="seed must be"):
        game.Game(campaign, seed=-3)


def test_a_split_party_ends_the_game_as_a_batch_ends_it(tmp_path: Path) -> None:
    """A party that splits at the first strain: the game is over, every faction gets -0.5,
    and the remaining quarters are played out with every faction waiting, as ``replay``
    plays them, so the record is complete and reads back."""
    fragile = tmp_path / "fragile.yaml"
    campaign_file = ROOT / "scenarios" / "1922_succession.yaml"
    fragile.write_text(f"extends: {campaign_file}\nid: fragile\nrules: {{split_threshold: 0.79}}\n")
    match = game.Game(fragile, seed=1, policies=dict.fromkeys(RIVALS, "random"))
    match.step({"stalin": match.wait})
    match.step({"stalin": match.wait})
    assert match.is_over() and match.winner() == "split"
    assert set(match.returns().values()) == {-0.5}
    record = match.to_record()["record"]
    assert len(record["actions"]) == len(record["hashes"]) == match.turn > 1
    assert {a for quarter in record["actions"][1:] for row in quarter for a in row} == {match.wait}
    assert game.Game.from_record(match.to_record()).to_record() == match.to_record()
    everyone = game.Game(fragile, seed=1, policies=dict.fromkeys(match.factions, "random"))
    while not everyone.is_over():
        everyone.step()
    done = run_cli("replay", str(fragile), "--run", "0", "--seed", "1", "--ai", "random", "--json")
    assert done.returncode == 0, done.stderr
    replayed = json.loads(done.stdout)
    assert replayed["winner"] == everyone.winner() == "split"
    assert everyone.to_record()["record"]["hashes"] == replayed["record"]["hashes"]
    assert everyone.log == replayed["log"]


def test_a_stepped_faction_moves_only_what_its_program_tables(campaign: game.Scenario) -> None:
    """Stalin stepped by the caller, who only waits: none of the scenario's agenda items is
    moved in his name (rules version 5), and the record says who was stepped, so a report
    replays the game to the same hashes."""
    match = game.Game(campaign, seed=5, policies={"trotsky": "standard", "zinoviev": "standard",
                                                  "bukharin": "standard"})  # fmt: skip
    while not match.is_over():
        match.step({"stalin": match.wait})
    votes = [e for e in match.log if e["type"] == "vote"]
    assert votes and not [v for v in votes if v["sponsor"] == "stalin"]
    record = match.to_record()["record"]
    assert record["humans"] == ["stalin"]
    stripped = GameRecord(**{k: v for k, v in record.items() if k != "players"})
    scenario = campaign.loaded
    replay(scenario.spec, stripped, sha256=scenario.sha256)  # raises if it leaves the record
