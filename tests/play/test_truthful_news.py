"""The truth on every screen: factions named by leader and camp (an expelled leader shown as
such), news lines told from what happened (a refused appointment says so), and readable
names in a game's report. Each assertion breaks if a name or a line comes from what was
tried or from an office rather than from the state."""

from __future__ import annotations

import re
from pathlib import Path

from game.analysis.report_game import _happenings
from game.analysis.runs import load
from game.engine.event_text import effect_lines
from game.engine.names import faction_name
from game.engine.spec import EXPELLED
from game.play.match import Match, Setup
from game.play.news import action_text, quarter_news
from game.play.replay import replay_frames

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _appoint_army(seed: int) -> tuple[Match, list[str]]:
    """Stalin's Secretariat sends its man to the army's party organisations, run by
    Trotsky's man with half the members behind him (the local party takes him about one
    time in four); the quarter's news lines about the Secretariat."""
    loaded = load(CAMPAIGN)
    match = Match(loaded, Setup(CAMPAIGN, ("stalin",), seed=seed))
    match.plan(0, loaded.spec.actions.labels.index("appoint:red_army"))
    report = match.resolve()
    return match, [d.text for d in quarter_news(match.spec, report) if "Secretariat" in d.text]


def test_factions_are_named_by_leader_and_camp_not_by_an_office() -> None:
    spec = load(CAMPAIGN).spec
    assert spec.faction_names == (
        "Stalin's Centre",
        "Trotsky's Left",
        "Zinoviev's Leningrad Machine",
        "Bukharin's Right",
    )
    assert not any(office in name for name in spec.faction_names for office in spec.office_names)


def test_an_expelled_leader_is_shown_as_such_in_the_news_and_on_event_cards() -> None:
    loaded = load(CAMPAIGN)
    match = Match(loaded, Setup(CAMPAIGN, ("stalin",)))  # a human: he waits, not recants
    spec, stalin = match.spec, int(loaded.spec.faction_leader[0])
    match.state.status[0, stalin] = EXPELLED
    match.state.in_party[0, stalin] = False
    assert faction_name(spec, match.state, 0) == "Stalin's Centre (Stalin expelled)"
    assert faction_name(spec, match.state, 1) == "Trotsky's Left"
    report = match.resolve()
    assert report.names[0] == "Stalin's Centre (Stalin expelled)"
    event = next(e for e in spec.events if e.id == "lenin_turns_to_trotsky")
    lines = effect_lines(spec, event, match.names_after(report.turn))
    assert "Stalin's Centre (Stalin expelled): legitimacy −5" in lines
    assert "Trotsky's Left: legitimacy +15" in lines


def test_a_refused_appointment_is_told_as_a_refusal_with_its_reason() -> None:
    match, said = _appoint_army(seed=1)
    army = match.spec.region_names.index("Red Army party organisations")
    assert match.state.secretary[0, army] == 1  # Trotsky's man stays
    assert said == [
        "The Secretariat sends a man of Stalin's Centre to Red Army party organisations, but "
        "the local party refuses him: its members stand by the sitting secretary."
    ]


def test_an_accepted_appointment_is_told_as_a_takeover() -> None:
    match, said = _appoint_army(seed=4)
    army = match.spec.region_names.index("Red Army party organisations")
    assert match.state.secretary[0, army] == 0
    assert said == [
        "The Secretariat sends a man of Stalin's Centre to take over the party in Red Army "
        "party organisations."
    ]


def test_courting_tells_whether_the_figure_came_over() -> None:
    """Over a few seeds, each courtship's news matches the figure's camp after it."""
    loaded = load(CAMPAIGN)
    spec = loaded.spec
    kalinin = spec.figure_names.index("Mikhail Kalinin")
    court = spec.actions.labels.index("court:kalinin")
    told = set()
    for seed in range(1, 13):
        match = Match(loaded, Setup(CAMPAIGN, ("trotsky",), seed=seed))
        before = int(match.state.figure_faction[0, kalinin])
        match.plan(1, court)
        news = [d.text for d in quarter_news(spec, match.resolve())]
        [line] = [t for t in news if t.startswith("Trotsky's Left makes overtures to")]
        came = int(match.state.figure_faction[0, kalinin]) == 1 and before != 1
        assert ("turns them down" not in line) == came, (seed, line)
        told.add(came)
    assert told == {True, False}


def test_the_report_names_factions_and_actions_in_words() -> None:
    spec = load(CAMPAIGN).spec
    chosen = [spec.actions.labels.index(a) for a in ("appoint:volga", "publish", "pass", "pass")]
    vote = {"type": "vote", "turn": 0, "title": "T", "sponsor": "trotsky", "yes": 3, "no": 1}
    log = [{"type": "actions", "turn": 0, "actions": [chosen]}, {**vote, "passed": True}]
    text = " ".join(cell for row in _happenings(spec, log, [0], True) for cell in row)
    assert "Stalin's Centre: Appoint a secretary: Volga and Nizhny Novgorod" in text
    assert "moved by Trotsky's Left" in text
    assert "appoint:" not in text and "stalin:" not in text


def test_session_names_and_event_texts_claim_nothing_the_board_may_deny() -> None:
    """A session opens whatever its agenda's conditions allow, so its name (told in the
    news as 'X opens') names no figure; and no event hands an office to someone by its text
    alone ("the army passes to Voroshilov" while Trotsky holds it; "his deputy inherits the
    files" while the GPU stood vacant, then went to Kirov)."""
    spec = load(CAMPAIGN).spec
    surnames = {name.split()[-1] for name in spec.figure_names}
    for session in spec.sessions:
        assert not surnames & set(session.name.replace(",", " ").split()), session.name
    for event in spec.events:
        for claim in ("passes to", "inherits", "succeeds him"):  # the session fills a post
            assert claim not in event.text, (event.id, claim)
        assert "The War Commissar" not in event.text, event.id


def test_an_event_that_ends_a_track_says_where_it_ends() -> None:
    """Lenin's death takes his health to 0 whatever it was: not '−100' when it was 10."""
    spec = load(CAMPAIGN).spec
    death = next(e for e in spec.events if e.id == "lenin_dies")
    lines = effect_lines(spec, death)
    assert "Lenin's health falls to 0" in lines
    assert not any("−100" in line for line in lines)


def test_a_replayed_run_tells_its_refusals_too() -> None:
    """The replay viewer's news comes from the same watch as the window's: every drawn
    action that failed is told as a refusal."""
    loaded = load(CAMPAIGN)
    spec = loaded.spec
    frames = replay_frames(loaded, 1, 0, "standard", 1.0)
    refusals = 0
    for frame in frames:
        news = [d.text for d in quarter_news(spec, frame.report)]
        for rnd, f in frame.report.refused:
            action = frame.report.actions[rnd][f]
            assert spec.actions.kinds[action] in ("appoint", "court")
            line = action_text(spec, frame.report.opening[f], action, refused=True)
            assert line in news
            refusals += 1
    assert refusals > 0


def test_the_news_writes_dates_as_the_cards_do() -> None:
    """As played (Bukharin): 'Thirteenth Party Conference opens (1924-01-16).' beside cards
    dated '21 January 1924'; the news writes its dates in words too."""
    loaded = load(CAMPAIGN)
    spec = loaded.spec
    match = Match(loaded, Setup(CAMPAIGN, ("bukharin",), seed=1925))
    for _ in range(3):
        match.resolve()
    lines = [d.text for report in match.reports for d in quarter_news(spec, report)]
    opens = [line for line in lines if line.endswith(" opens.")]
    assert opens, "a session met in the first three quarters"
    assert "Twelfth Party Conference (4 August 1922) opens." in opens
    assert not [line for line in lines if re.search(r"\(\d{4}-\d\d(-\d\d)?\)", line)]
