"""The registry of action kinds is complete and honest: every kind of the action space has
each of its entries (legality with its reasons, effect, chance, cost, words, the AI's
utility), none of them a placeholder: its texts render, every illegal action says why, its
declared chance is the truth about its effect, and its utility moves with the position."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from game.ai.utility import UTILITIES, check_coverage, context, utilities
from game.engine.actions import apply_actions, legal_mask
from game.engine.explain import action_help, action_title, why_illegal
from game.engine.kinds import FALLBACK, KINDS, REGISTRY
from game.engine.kinds.base import Words
from game.engine.state import INFLUENCE, State, initial_state
from game.play.news import action_text
from game.scenario.models import ActionCosts

from .helpers import CAMPAIGN, chooser, present_scenarios, spec_of, step_turn

RUNS = 12
EVERY = 3  # quarters between the positions checked
FALLBACK_REASON = "Not possible at the moment."


@cache
def positions() -> tuple[State, ...]:
    """Runs 0..RUNS-1 of the campaign under standard and under historical play, at the start
    of every EVERY-th quarter's first round (income paid). Cached: callers copy to change."""
    spec = spec_of(CAMPAIGN)
    out: list[State] = []

    def keep(state: State) -> None:
        if state.turn % EVERY == 0:
            out.append(state.copy())

    for ai in ("standard", "historical"):
        state = initial_state(spec, 3, np.arange(RUNS))
        choose = chooser(spec, ai)
        while state.turn < spec.turns:
            step_turn(spec, state, choose, after_begin=keep)
    return tuple(out)


def _braces(text: str) -> bool:
    return "{" in text or "}" in text


def test_every_kind_has_every_entry_and_the_action_space_follows_the_registry() -> None:
    costs = set(ActionCosts().model_dump(by_alias=True))
    families = {kind.family for kind in REGISTRY}
    assert families == costs, "each family pays one field of rules.action_costs, and back"
    assert set(UTILITIES) == set(KINDS)
    for kind in REGISTRY:
        assert callable(kind.legal) and callable(kind.why_not) and callable(kind.effect)
        assert kind.chance is None or callable(kind.chance)
    for family in families:
        labels = {kind.words.label for kind in REGISTRY if kind.family == family}
        assert len(labels) == 1, f"the kinds of {family!r} show one label on the board"
    for path in present_scenarios():
        spec = spec_of(path)
        assert list(spec.actions.blocks) == [kind.name for kind in REGISTRY]
        assert spec.actions.kinds[spec.actions.block(FALLBACK).start] == FALLBACK


@pytest.mark.parametrize("path", present_scenarios(), ids=lambda p: p.stem)
def test_every_text_renders_for_every_action(path: Path) -> None:
    """Titles, explanations, news lines and tabled motions' titles: filled in, no
    placeholder left; only waiting makes no news."""
    spec = spec_of(path)
    for action in range(spec.actions.size):
        kind = KINDS[spec.actions.kinds[action]]
        texts = [action_title(spec, action), action_help(spec, action), kind.words.label]
        m = int(spec.actions.motion[action])
        if m >= 0:
            texts.append(spec.motions[m].title)
        for who in spec.faction_names:
            news = action_text(spec, who, action)
            assert bool(news) == (kind.words.news is not None)
            texts.append(news or "-")
            if kind.took is not None:
                texts.append(action_text(spec, who, action, refused=True))
        for text in texts:
            assert text.strip() and not _braces(text), (kind.name, text)
    silent = {kind.name for kind in REGISTRY if kind.words.news is None}
    assert silent == {FALLBACK}


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("title", "Appoint: {region}"),  # unknown placeholder
        ("news", "{} sends a man"),  # positional
        ("help", " "),  # empty
        ("title", "Appoint: {motion}"),  # appointing tables no motion
        ("news", "{who} moves {arg:>10}"),  # a format spec: a name must be plain
    ],
)
def test_a_text_that_would_not_render_is_refused_when_declared(field: str, text: str) -> None:
    appoint = KINDS["appoint"]
    words = dataclasses.replace(appoint.words, **{field: text})
    with pytest.raises(ValueError, match="appoint"):
        dataclasses.replace(appoint, words=words)


def test_a_kind_without_an_argument_cannot_name_one() -> None:
    with pytest.raises(ValueError, match="placeholder"):
        dataclasses.replace(KINDS["pass"], words=Words("Wait for {arg}", "Wait", "Wait.", None))


def test_every_illegal_action_says_why() -> None:
    """In every position checked, every action a faction may not take gets a reason of its
    own: the leader's standing, the rule of its kind, or its cost; never the bare fallback."""
    spec = spec_of(CAMPAIGN)
    illegal_kinds: set[str] = set()
    for state in positions():
        for g in range(0, RUNS, 3):
            game = state.take(np.array([g]))
            for f in range(spec.n_factions):
                for action in np.flatnonzero(~legal_mask(spec, game, f)[0]):
                    reason = why_illegal(spec, game, f, int(action))
                    assert reason.strip() and reason != FALLBACK_REASON, (
                        state.turn,
                        g,
                        f,
                        spec.actions.labels[action],
                    )
                    illegal_kinds.add(spec.actions.kinds[action])
    assert len(illegal_kinds) >= len(KINDS) - 2  # the positions put nearly every kind to it


def _unchanged(a: State, b: State) -> np.ndarray:
    """(B,): the games in which the two states are the same."""
    return np.array(a.row_hashes()) == np.array(b.row_hashes())


def test_a_kind_declares_chance_exactly_when_its_outcome_is_drawn() -> None:
    """Taken from the same positions with other dice (another seed), a kind without chance
    does exactly the same everywhere; a kind with chance comes out otherwise somewhere."""
    spec = spec_of(CAMPAIGN)
    differs = dict.fromkeys(KINDS, False)
    taken = dict.fromkeys(KINDS, 0)
    for state in positions():
        for f in range(spec.n_factions):
            legal = legal_mask(spec, state, f)
            for kind in REGISTRY:
                block = spec.actions.block(kind.name)
                can = legal[:, block].any(axis=1)
                if not can.any():
                    continue
                choice = np.where(can, block.start + np.argmax(legal[:, block], axis=1), 0)
                one, other = state.copy(), state.copy()
                other.seed = state.seed + 1
                apply_actions(spec, one, f, choice)
                apply_actions(spec, other, f, choice)
                differs[kind.name] |= bool((~_unchanged(one, other) & can).any())
                taken[kind.name] += int(can.sum())
    assert all(taken.values()), [k for k, n in taken.items() if not n]
    assert differs == {kind.name: kind.chance is not None for kind in REGISTRY}


def test_every_utility_moves_with_the_position() -> None:
    """Over the campaign's positions and factions, each kind's utility takes more than one
    value for some option: none is a constant placeholder. All are finite."""
    spec = spec_of(CAMPAIGN)
    values: dict[str, list[np.ndarray]] = {kind: [] for kind in spec.actions.kind_names}
    for state in positions():
        ctx = context(spec, state)
        for f in range(spec.n_factions):
            scores = utilities(spec, state, f, ctx)
            assert np.isfinite(scores).all()
            for kind in values:
                values[kind].append(scores[:, spec.actions.block(kind)])
    for kind, parts in values.items():
        seen = np.concatenate(parts)
        assert seen.size and (seen.max(axis=0) > seen.min(axis=0)).any(), kind


def test_a_kind_without_a_utility_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """No score is left unset: without its utility, scoring and the import refuse."""
    spec = spec_of(CAMPAIGN)
    state = positions()[0]
    monkeypatch.delitem(UTILITIES, "lobby")
    with pytest.raises(KeyError, match="lobby"):
        utilities(spec, state, 0, context(spec, state))
    with pytest.raises(RuntimeError, match="lobby"):
        check_coverage()


def test_an_action_its_kind_allows_is_refused_for_its_cost_only() -> None:
    """A motion the rules allow but the faction cannot pay for is explained by its cost, not
    by a rule of its kind that holds."""
    spec = spec_of(CAMPAIGN)
    state = initial_state(spec, 1, np.array([0]))
    trotsky = spec.factions.index("trotsky")
    condemn = spec.actions.labels.index("motion:condemn:stalin")
    assert legal_mask(spec, state, trotsky)[0, condemn]
    state.stats[0, trotsky, INFLUENCE] = 0.5
    assert not legal_mask(spec, state, trotsky)[0, condemn]
    assert why_illegal(spec, state, trotsky, condemn) == (
        "It costs 1.5 influence and you have 0.5."
    )
