"""News lines that read as a player expects: an action named by its faction as it was when it
acted (not as the quarter's congress left it), a session's date given once, and a share
written '−8%', as every other percentage in the game is."""

from __future__ import annotations

import re
from pathlib import Path

from game.analysis.report_game import _happenings
from game.analysis.runs import load
from game.engine.event_text import effect_lines
from game.play.changes import Standing, change_lines, held_congress
from game.play.match import Match, Setup, TurnReport
from game.play.news import quarter_news, session_opens

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def test_an_action_names_its_faction_as_it_was_when_it_acted() -> None:
    """Trotsky tables a motion in spring 1924, then the May congress expels him: the news
    line about the motion does not call him expelled; the quarter's later lines may."""
    spec = load(CAMPAIGN).spec
    trotsky = spec.factions.index("trotsky")
    motion = next(a for a, kind in enumerate(spec.actions.kinds) if kind == "motion_remove_office")
    row = [spec.actions.block("pass").start] * spec.n_factions
    row[trotsky] = motion
    after = tuple(
        f"{name} (Trotsky expelled)" if f == trotsky else name
        for f, name in enumerate(spec.faction_names)
    )
    report = TurnReport(8, [row], {}, [], [], names=after, opening=spec.faction_names)
    lines = [d.text for d in quarter_news(spec, report) if d.kind == "action"]
    assert lines and lines[0].startswith(spec.faction_names[trotsky])
    assert "expelled" not in lines[0]


def test_a_session_that_names_its_date_is_not_followed_by_it_again() -> None:
    assert session_opens("CC plenum of 1 January 1926", "1926-01-01") == (
        "CC plenum of 1 January 1926 opens."
    )
    assert session_opens("Twelfth Congress", "1923-04-17") == (
        "Twelfth Congress (17 April 1923) opens."
    )


def test_a_share_of_members_has_no_space_before_its_percent_sign() -> None:
    spec = load(CAMPAIGN).spec
    lines = [line for event in spec.events for line in effect_lines(spec, event)]
    shares = [line for line in lines if "party members" in line]
    assert shares, "the scenario has an event that changes a region's membership"
    assert all(re.search(r"[+−]\d+%$", line) for line in shares), shares


def test_the_reports_table_tells_rounds_apart_and_writes_dates_in_words() -> None:
    """'1924Q2 actions:' stood twice for a quarter's two rounds, and 'session: CC plenum of
    21 May 1924 (1924-05-21)' gave its date twice, once in ISO."""
    spec = load(CAMPAIGN).spec
    wait = spec.actions.block("pass").start
    log = [
        {"type": "actions", "turn": 0, "actions": [[wait] * 4, [wait] * 4]},
        {"type": "session", "name": "CC plenum of 21 May 1924", "date": "1924-05-21"},
        {"type": "checkpoint", "title": "A moment", "date": "1924-05"},
    ]
    rows = [text for _, text in _happenings(spec, log, [0], True)]
    assert [r.split(":")[0] for r in rows[:2]] == ["actions, round 1", "actions, round 2"]
    assert "session: CC plenum of 21 May 1924" in rows
    assert "history: A moment (really May 1924)" in rows
    assert not [r for r in rows if re.search(r"\d{4}-\d\d", r)]


def test_the_news_tells_what_the_quarter_changed_on_the_board() -> None:
    """A courting that worked, an office that changed hands, the Politburo's new members and
    the CC a congress elected were told nowhere (two play logs): each change between the
    board as a quarter opened and as it left it is a line, and only those."""
    loaded = load(CAMPAIGN)
    spec = loaded.spec
    match = Match(loaded, Setup(CAMPAIGN, ("trotsky",), seed=976178))
    for _ in range(10):
        report = match.resolve(auto=True)
        told = [d.text for d in quarter_news(spec, report) if d.kind == "change"]
        opened, closed = report.opened, report.closed
        assert opened is not None and closed is not None
        for o, (was, now) in enumerate(zip(opened.holder, closed.holder, strict=True)):
            about = [line for line in told if line.startswith(f"{spec.office_names[o]}:")]
            assert len(about) == (was != now), (report.turn, spec.office_names[o], told)
        pairs = list(zip(opened.figure_faction, closed.figure_faction, strict=True))
        joined = sum(a != b and b >= 0 and a < 0 for a, b in pairs)
        switched = sum(a != b and b >= 0 and a >= 0 for a, b in pairs)
        left = sum(a != b and b < 0 for a, b in pairs)
        assert sum("now stands with" in line for line in told) == joined
        assert sum(re.search(r" leaves .* for ", line) is not None for line in told) == switched
        assert sum("stands with no camp" in line for line in told) == left
        congress = [line for line in told if line.startswith("The congress elects")]
        assert len(congress) == held_congress(spec, report.log)
    changes = [d.text for r in match.reports for d in quarter_news(spec, r) if d.kind == "change"]
    assert any("now stands with" in line or " for " in line for line in changes), "a man won"


def test_a_congress_line_gives_each_camps_share_and_its_change() -> None:
    spec = load(CAMPAIGN).spec
    before = Standing((), (), (), (0.25, 0.24, 0.2, 0.1, 0.21), (), (), 4)
    after = Standing((), (), (), (0.32, 0.16, 0.2, 0.07, 0.25), (), (), 5)
    line = change_lines(spec, before, after, spec.faction_names, congress=True)[0]
    assert line.startswith("The congress elects a new Central Committee: Stalin's Centre 32% (+7)")
    assert "Trotsky's Left 16% (−8)" in line and "the uncommitted 25% (+4)" in line
    assert not change_lines(spec, before, after, spec.faction_names, congress=False)


def test_blocs_formed_ended_and_offers_left_to_lapse_are_told() -> None:
    """Offers of a bloc 'proposed' and then heard of no more (a play log): an offer made the
    quarter before, unanswered by the end of this one, lapses, and the news says so."""
    spec = load(CAMPAIGN).spec
    n, none = spec.n_factions, -9
    alone = tuple(tuple(False for _ in range(n)) for _ in range(n))
    stalin_zinoviev = tuple(
        tuple({a, b} == {0, 2} for b in range(n)) for a in range(n)
    )  # fmt: skip
    offers = [[none] * n for _ in range(n)]
    offers[3][0] = 4  # Bukharin proposed to Stalin in quarter 4
    before = Standing((), (), (), (), stalin_zinoviev, tuple(map(tuple, offers)), 5)
    after = Standing((), (), (), (), alone, tuple(map(tuple, offers)), 6)
    lines = change_lines(spec, before, after, spec.faction_names, congress=False)
    names = spec.faction_names
    assert f"The bloc of {names[0]} and {names[2]} ends." in lines
    assert f"{names[0]} lets the offer of a bloc from {names[3]} lapse." in lines
    again = change_lines(spec, after, before, spec.faction_names, congress=False)
    assert f"{names[0]} and {names[2]} form a bloc." in again
    assert not [line for line in again if "lapse" in line], "offered in 4: it stood in 4 and 5"


def test_a_dropped_motion_is_told_with_its_reason_in_the_third_person() -> None:
    spec = load(CAMPAIGN).spec
    entry = {
        "type": "dropped",
        "session": "conference_12",
        "faction": "zinoviev",
        "title": "Condemn: Nikolai Bukharin",
        "why": "Nikolai Bukharin's faction is your ally.",
    }
    report = TurnReport(0, [], {}, [entry])
    lines = [d.text for d in quarter_news(spec, report)]
    assert lines == [
        "Zinoviev's Leningrad Machine drops its motion 'Condemn: Nikolai Bukharin': "
        "Nikolai Bukharin's faction is its ally."
    ]
