"""Small truths, in the real window headless: the checkpoint of Stalin's mastery names him, so
it does not read as denied to a Trotsky who won outright; the all-human exercise does not say
the computer plays the other factions; a message (a game loaded) is shown once, not on every
screen after; the lab's choices (and the new game's, and the settings') step both ways."""

from __future__ import annotations

import copy
from pathlib import Path

import pygame
import pytest

from game.analysis.runs import load
from game.engine.spec import STATUSES
from game.engine.state import DECLARATION_KEPT, NOT_DECLARED
from game.play.exercises import exercise_list
from game.play.match import Match, Setup
from game.play.saves import save_path, write_save
from game.ui import flow
from game.ui.board_view import View
from game.ui.screens.end import EndScreen
from game.ui.screens.exercises import ExercisesScreen
from game.ui.screens.lab import LabScreen
from game.ui.screens.new_game import NewGameScreen

from .conftest import SHORT, Driver

CAMPAIGN = Path(__file__).resolve().parents[2] / "scenarios" / "1922_succession.yaml"


def _trotsky_wins_outright() -> Match:
    """A finished campaign, then Trotsky given the Secretariat and every rival expelled."""
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("trotsky",), seed=3))
    while not match.over:
        match.resolve(auto=True)
    spec, state = match.spec, match.state
    trotsky = spec.factions.index("trotsky")
    leader = int(spec.faction_leader[trotsky])
    state.holder[0, spec.general_secretary] = leader
    state.figure_faction[0, leader] = trotsky
    state.status[0, leader] = STATUSES.index("active")
    state.has_recanted[0, leader] = False
    state.alive[0, leader] = True
    for f in range(spec.n_factions):
        if f != trotsky:
            state.status[0, int(spec.faction_leader[f])] = STATUSES.index("expelled")
    state.reached[0, [c.id for c in spec.checkpoints].index("stalin_alone")] = -1
    outcome = match.outcome()
    assert int(outcome.winner[0]) == trotsky and bool(outcome.outright[0])
    return match


def test_stalins_mastery_names_him_when_trotsky_wins(driver: Driver, drawn: list[str]) -> None:
    match = _trotsky_wins_outright()
    driver.app.match = match
    driver.app.go(EndScreen(driver.app, match))
    drawn.clear()
    driver.step()
    assert any("wins outright" in text and "Trotsky" in text for text in drawn)
    assert "Master of the party" not in drawn, "read as the mastery Trotsky just won"
    assert "Stalin, master of the party" in drawn


def _exercise_note(d: Driver, drawn: list[str], stem: str) -> str:
    screen = ExercisesScreen(d.app)
    d.app.go(screen)
    screen.chosen = next(i for i, e in enumerate(exercise_list()) if e.path.stem == stem)  # type: ignore[union-attr]
    screen.rebuild()
    drawn.clear()
    d.step()
    return " ".join(drawn)


def test_the_all_human_exercise_leaves_no_faction_to_the_computer(
    driver: Driver, drawn: list[str]
) -> None:
    note = _exercise_note(driver, drawn, "the_machine")
    assert "played by the computer" not in note and "The computer plays" not in note
    assert "Every faction is played by students" in note
    note = _exercise_note(driver, drawn, "lenin_lives")
    assert "The computer plays Zinoviev's Leningrad Machine, Bukharin's Right." in note


def test_a_message_is_shown_by_one_screen_and_dropped(driver: Driver, drawn: list[str]) -> None:
    d = driver
    match = Match(load(SHORT), Setup(SHORT, ("stalin",), guided=False))
    write_save(match, "game-1")
    flow.load_game(d.app, save_path("game-1"))
    d.step()
    assert d.screen == "board"
    assert "Loaded game-1." in d.app.screen.boxes["details"].html_text  # type: ignore[union-attr]
    d.key(pygame.K_ESCAPE)
    assert d.screen == "pause"
    drawn.clear()
    d.step()
    assert not any("Loaded" in text for text in drawn), "the load is old news in the menu"
    d.key(pygame.K_q)  # a game loaded from a save of its own leaves at once
    drawn.clear()
    d.step()
    assert d.screen == "title" and not any("Loaded" in text for text in drawn)


def test_the_labs_choices_step_both_ways(driver: Driver) -> None:
    d = driver
    d.key(pygame.K_b)
    lab = d.app.screen
    assert isinstance(lab, LabScreen) and lab.runs == 1000
    d.click("Runs: 1,000")
    assert lab.runs == 10_000
    d.click_at(_back_of(d, "Runs: 10,000"))
    d.click_at(_back_of(d, "Runs: 1,000"))
    assert lab.runs == 200
    d.key(pygame.K_LEFT)  # the focus is on the runs: Left steps back, Right on
    assert lab.runs == 10_000
    d.key(pygame.K_RIGHT)
    d.key(pygame.K_RIGHT)
    assert lab.runs == 1000
    seed = lab.seed
    d.click_at(_back_of(d, f"Seed: {seed}"))
    d.click_at(_back_of(d, f"Seed: {seed - 1}"))
    assert lab.seed == max(seed - 2, 0)
    other = copy.copy(lab.other)
    d.click_at(_back_of(d, "Other:"))
    assert lab.other == (other - 1) % len(lab.files)


def test_the_new_games_choices_step_both_ways(driver: Driver) -> None:
    d = driver
    d.key(pygame.K_n)
    screen = d.app.screen
    assert isinstance(screen, NewGameScreen) and screen.difficulty == "normal"
    d.click_at(_back_of(d, "Difficulty: normal"))
    assert screen.difficulty == "easy"
    d.key(pygame.K_LEFT)
    assert screen.difficulty == "hard"


def _back_of(d: Driver, label: str) -> tuple[int, int]:
    """The centre of the ◂ button just before the button whose text starts with ``label``."""
    assert d.app.screen is not None
    entries = d.app.screen.entries
    for i, entry in enumerate(entries):
        if entry.element.text.startswith(label):
            back = entries[i - 1].element
            assert back.text == "◂"
            return back.rect.center  # type: ignore[no-any-return]
    raise AssertionError(f"no {label!r}: {[e.element.text for e in entries]}")


def _board_lines_at_the_least_size(
    d: Driver, monkeypatch: pytest.MonkeyPatch, match: Match
) -> list[str]:
    """Every line of text the board's view writes for ``match`` at 960×600 with the largest
    text, in the order drawn."""
    d.app.settings.width, d.app.settings.height, d.app.settings.text_size = 960, 600, "large"
    d.app.apply_settings()
    written: list[str] = []
    text = View.text

    def recorded(
        self: View, surface: pygame.Surface, line: str, *args: object, **kwargs: object
    ) -> pygame.Rect:
        written.append(line)
        return text(self, surface, line, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(View, "text", recorded)
    flow.play(d.app, match)
    d.step()
    assert d.app.window.get_size() == (960, 600)
    return written


@pytest.mark.parametrize(
    ("camp", "status"),
    [("trotsky", "expelled"), ("zinoviev", "readmitted"), ("bukharin", "censured, declared")],
)
def test_a_leaders_status_is_shown_at_the_least_size(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, camp: str, status: str
) -> None:
    """At 960×600 with the largest text the player's own card ("Trotsky's Left (you)") had no
    room for its leader's status, so an expelled Trotsky read as any leader; and a readmitted
    Zinoviev's card, its long name filling the line, showed no status at all; a camp keeping a
    declaration of submission was not marked. Every status but active is always drawn (the
    name cut for it if need be)."""
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("trotsky",), guided=False))
    spec = match.spec
    f = spec.factions.index(camp)
    match.state.status[0, int(spec.faction_leader[f])] = STATUSES.index(status.split(",")[0])
    match.state.declared[0, f] = DECLARATION_KEPT if "declared" in status else NOT_DECLARED
    written = _board_lines_at_the_least_size(driver, monkeypatch, match)
    leader = spec.figure_names[int(spec.faction_leader[f])].split()[-1]
    shown = [i for i, line in enumerate(written) if line in (f"{leader}, {status}", status)]
    assert shown, f"no status line for {camp}"
    card = written[shown[-1] - 1].removesuffix(" (you)").removesuffix("…")
    assert spec.faction_names[f].startswith(card), "the status stands beside the camp's name"


def test_the_title_names_the_camps_by_leader_and_camp(driver: Driver, drawn: list[str]) -> None:
    """The title's blurb calls the camps what the board calls them, not by an office one of
    them may lose ('the General Secretary')."""
    drawn.clear()
    driver.step()
    blurb = " ".join(drawn)
    assert driver.screen == "title"
    assert "General Secretary" not in blurb
    spec = load(CAMPAIGN).spec
    words = set(blurb.replace(",", " ").replace(".", " ").split())
    for name in spec.faction_names:
        assert set(name.split()) <= words, name


def test_the_help_says_which_ally_a_faction_allied_with_both_sides_follows() -> None:
    """A Bukharin allied with Trotsky and with Zinoviev voted for Zinoviev's motion against
    Trotsky, while the help said only 'Allies vote alike': the rule the vote follows (the
    mover pulls its allies, ``wants.pin``) is the one the help gives."""
    from game.ui.help_text import RULES

    assert "pulls its allies" in RULES and "goes with the mover" in RULES


def test_the_glossary_says_why_a_beaten_camps_power_is_zero() -> None:
    """A recanted Bukharin's camp showed 'Power 0.00' while holding seats and offices, and the
    glossary did not say why (``outcome.power_scores`` zeroes a neutralised leader's camp)."""
    from game.ui.help_text import GLOSSARY

    power = GLOSSARY[GLOSSARY.index("<b>Power</b>") :].split("<br>")[0]
    assert "recanted scores 0" in power


def test_every_card_labels_its_gauges_alike(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Prest.' on three cards and 'Prestige 7' on the fourth: a gauge's label is chosen for
    the widest value, so it is the same on every faction's card."""
    match = Match(load(CAMPAIGN), Setup(CAMPAIGN, ("trotsky",), guided=False))
    match.state.stats[0, 2, 1] = 0.07  # one camp's prestige in one digit
    written = _board_lines_at_the_least_size(driver, monkeypatch, match)
    labels = {line.split()[0] for line in written if line.startswith("Prest")}
    assert len(labels) == 1, labels
