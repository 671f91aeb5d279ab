"""Events are exogenous shocks: whatever their effects, they never decide an office, a status,
a seat, an alliance, a policy or a motion; the effect language cannot even say so."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import numpy as np
import pytest
from pydantic import BaseModel

from game.engine.events import _apply, run_event
from game.engine.spec import GameSpec
from game.engine.state import State
from game.scenario import models

from .helpers import present_scenarios, snapshots, spec_of, value_violations

DECIDED_BY_PLAY = (
    "holder",
    "status",
    "in_party",
    "alliance",
    "adopted",
    "passed",
    "politburo",
    "cc_member",
    "figure_faction",
    "secretary",
)
FORBIDDEN_WORDS = (
    "office",
    "holder",
    "status",
    "party",
    "alliance",
    "ally",
    "polic",
    "adopt",
    "motion",
    "passed",
    "politburo",
    "secretary",
    "expel",
    "exile",
    "deport",
    "vote",
)


def assert_untouched(before: State, after: State, what: str) -> None:
    for name in DECIDED_BY_PLAY:
        np.testing.assert_array_equal(getattr(after, name), getattr(before, name), err_msg=what)


def test_every_event_effect_leaves_what_play_decides_alone(scenario_path: Path) -> None:
    """Applying each effect of each event to every game, at many points of a game, changes no
    office holder, status, party membership, seat, alliance, policy, motion, faction or
    secretary, and keeps the state's values in range."""
    spec = spec_of(scenario_path)
    assert spec.events, "a scenario without events tests nothing here"
    for state in snapshots(scenario_path)[::2]:
        for event in spec.events:
            after = state.copy()
            for effect in event.effects:
                _apply(spec, after, effect, np.arange(after.batch))
            assert_untouched(state, after, event.id)
            assert value_violations(spec, after) == [], event.id


def forced(spec: GameSpec, chance: float) -> GameSpec:
    """The spec with every event certain (or impossible) and unconditional."""
    events = tuple(dataclasses.replace(e, chance=chance, condition=None) for e in spec.events)
    return dataclasses.replace(spec, events=events)


def test_running_a_due_event_fires_it_and_decides_nothing(scenario_path: Path) -> None:
    """With its chance forced to 1, ``run_event`` fires an event in every live game where it
    had not fired and still decides nothing that play decides; with its chance 0 it leaves
    the state exactly as it was."""
    spec = spec_of(scenario_path)
    certain, never = forced(spec, 1.0), forced(spec, 0.0)
    for state in snapshots(scenario_path)[::3]:
        for e, event in enumerate(spec.events):
            after = state.copy()
            run_event(certain, after, e, None)
            due = ~state.split & ~state.fired[:, e]
            np.testing.assert_array_equal(after.fired[:, e], state.fired[:, e] | due)
            assert_untouched(state, after, event.id)
            unchanged = state.copy()
            run_event(never, unchanged, e, None)
            assert unchanged.row_hashes() == state.row_hashes()


def _effect_models() -> dict[str, type[BaseModel]]:
    """The Effect union of the scenario models: tag -> model."""
    union = typing.get_args(models.Effect)[0]
    out = {}
    for member in typing.get_args(union):
        model, tag = typing.get_args(member)[:2]
        out[tag.tag] = model
    return out


def _names_and_values(model: type[BaseModel]) -> set[str]:
    """Every field name, alias and literal value reachable from a model's fields."""
    found: set[str] = set()
    todo: list[object] = [model]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            for name, field in item.model_fields.items():
                found |= {name, field.alias or name}
                todo.append(field.annotation)
        elif typing.get_origin(item) is typing.Literal:
            found |= {str(v) for v in typing.get_args(item)}
        else:
            todo.extend(typing.get_args(item))
    return found


def test_the_effect_language_cannot_decide_what_play_decides() -> None:
    """The effect kinds the models accept are exactly ``EFFECT_KEYS``, and no effect kind,
    field or allowed value names an office, a status, an alliance, a policy, a motion or a
    seat."""
    effect_models = _effect_models()
    assert set(effect_models) == set(models.EFFECT_KEYS)
    words = set(models.EFFECT_KEYS)
    for model in effect_models.values():
        words |= _names_and_values(model)
    assert "figure_dies" in words and "economy" in words, "the walk missed the models' fields"
    bad = sorted(w for w in words for f in FORBIDDEN_WORDS if f in w.lower())
    assert bad == []


@pytest.mark.parametrize("path", present_scenarios(), ids=lambda p: p.stem)
def test_compiled_effects_are_of_the_allowed_kinds(path: Path) -> None:
    """Every compiled event effect of every scenario is one of the effect kinds."""
    kinds = {effect.kind for event in spec_of(path).events for effect in event.effects}
    assert kinds <= set(models.EFFECT_KEYS)
