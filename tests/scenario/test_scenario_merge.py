"""The ``extends`` merge rule, and the hash of a scenario that extends another."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import Node

from game.boundary.refusal import Problem
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario
from game.scenario.merge import merge_nodes

MINIMAL = Path(__file__).resolve().parent / "minimal.yaml"


def compose(text: str) -> Node:
    """The node tree of a one-line YAML document."""
    node = yaml.compose(text)
    assert node is not None
    return node


def merged(base: str, override: str) -> tuple[Any, list[Problem]]:
    """Merge two YAML documents; return the merged data and the merge's problems."""
    problems: list[Problem] = []
    node = merge_nodes(compose(base), compose(override), problems)
    return SafeConstructor().construct_document(node), problems


def test_mappings_merge_recursively_and_override_wins() -> None:
    data, _ = merged("a: {x: 1, y: {p: 1, q: 2}}\nb: 2", "a: {y: {q: 3}, z: 4}\nc: 5")
    assert data == {"a": {"x": 1, "y": {"p": 1, "q": 3}, "z": 4}, "b": 2, "c": 5}
    assert list(data) == ["a", "b", "c"]


def test_lists_of_items_with_ids_merge_by_id() -> None:
    base = "l: [{id: a, v: 1, w: 1}, {id: b, v: 2}, {id: c, v: 3}]"
    data, problems = merged(base, "l: [{id: d, v: 4}, {id: a, v: 9}, {id: b, remove: true}]")
    assert data == {"l": [{"id": "a", "v": 9, "w": 1}, {"id": "c", "v": 3}, {"id": "d", "v": 4}]}
    assert problems == []


@pytest.mark.parametrize(
    ("base", "override", "expected"),
    [
        ("l: [1, 2, 3]", "l: [4]", [4]),
        ("l: [{id: a}]", "l: [{name: b}]", [{"name": "b"}]),
        ("l: [{id: a}]", "l: []", []),
        ("l: [{id: a}]", "l: 5", 5),
        ("l: {id: a}", "l: [{id: a}]", [{"id": "a"}]),
    ],
    ids=["scalars", "items_without_ids", "empty_list", "scalar_over_list", "list_over_mapping"],
)
def test_anything_else_is_replaced(base: str, override: str, expected: Any) -> None:
    assert merged(base, override)[0] == {"l": expected}


def test_a_condition_is_replaced_whole() -> None:
    data, _ = merged("condition: {all: [{date: {}}]}", "condition: {any: [{date: {}}]}")
    assert data == {"condition": {"any": [{"date": {}}]}}


def test_removing_or_repeating_an_id_is_a_problem() -> None:
    _, problems = merged("l: [{id: a}]", "l: [{id: b, remove: true}, {id: c}, {id: c}]")
    assert sorted((p.col, p.message) for p in problems) == [
        (5, "cannot remove 'b': the extended file has no item with this id"),
        (37, "duplicate id 'c' (first on line 1)"),
    ]


def test_inputs_are_not_changed() -> None:
    base, override = compose("l: [{id: a, v: 1}]"), compose("l: [{id: a, v: 2}]")
    merge_nodes(base, override, [])
    assert SafeConstructor().construct_document(base) == {"l": [{"id": "a", "v": 1}]}


def write_child(directory: Path, text: str) -> Path:
    """A scenario extending a copy of the minimal one, both in ``directory``."""
    shutil.copy(MINIMAL, directory / "base.yaml")
    child = directory / "child.yaml"
    child.write_text("extends: base.yaml\n" + text, encoding="utf-8")
    return child


def test_extending_file_overrides_and_extends_is_dropped(tmp_path: Path) -> None:
    text = (
        "title: Child\nfigures: [{id: kalinin, remove: true}]\n"
        "offices: [{id: gensec, filled_by: [plenum]}]"
    )
    child = write_child(tmp_path, text)
    model = load_scenario(child).model
    assert model.title == "Child"
    assert [figure.id for figure in model.figures] == ["stalin", "trotsky"]
    assert model.offices[0].filled_by == ["plenum"]


def test_hash_changes_when_the_extended_file_changes(tmp_path: Path) -> None:
    child = write_child(tmp_path, "title: Child\n")
    before = load_scenario(child).sha256
    assert load_scenario(child).sha256 == before
    base = tmp_path / "base.yaml"
    base.write_text(base.read_text().replace("noise: 0.5", "noise: 0.6"))
    assert load_scenario(child).sha256 != before


def test_errors_point_into_the_file_that_gave_the_value(tmp_path: Path) -> None:
    child = write_child(tmp_path, "regions:\n  - {id: moscow, recruits: 2}\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(child)
    assert [str(p) for p in caught.value.problems] == [
        f"{child}:3:28: regions.0.recruits: expected a number <= 1.0, got 2"
    ]
