"""Loading scenarios: the public API, reading bounds, problems without lines, the hash."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml.constructor import SafeConstructor

from game.boundary.refusal import Problem
from game.scenario.dates import Quarter
from game.scenario.errors import ScenarioError
from game.scenario.loader import (
    load_scenario,
    load_scenario_from_dict,
    read_tree,
    validate_command,
)

MINIMAL = Path(__file__).resolve().parent / "minimal.yaml"


def minimal_data() -> dict[str, Any]:
    """The minimal scenario as Python data, read as the loader reads it (dates as strings)."""
    data: dict[str, Any] = SafeConstructor().construct_document(read_tree(MINIMAL))
    return data


def problems_of(data: dict[str, Any]) -> list[str]:
    """The problem lines of a scenario given as data."""
    with pytest.raises(ScenarioError) as caught:
        load_scenario_from_dict(data, "sweep")
    return [str(problem) for problem in caught.value.problems]


def test_loaded_scenario_has_model_path_and_hash() -> None:
    loaded = load_scenario(MINIMAL)
    assert loaded.path == MINIMAL
    assert loaded.model.id == "minimal"
    assert [f.id for f in loaded.model.factions] == ["stalin", "trotsky"]
    assert len(loaded.sha256) == 64


def test_dates_stay_strings() -> None:
    session = load_scenario(MINIMAL).model.sessions[0]
    assert (session.date, session.end_date) == ("1923-04-17", "1923-04-25")


def test_dict_and_file_give_the_same_hash() -> None:
    assert load_scenario_from_dict(minimal_data(), "m").sha256 == load_scenario(MINIMAL).sha256


def test_hash_follows_content() -> None:
    data = minimal_data()
    data["tracks"]["unity"] = 0.8
    assert load_scenario_from_dict(data, "m").sha256 != load_scenario(MINIMAL).sha256


def test_dict_problems_have_paths_and_no_lines() -> None:
    data = minimal_data()
    data["regions"][0]["members"] = "many"
    del data["figures"][0]["name"]
    assert problems_of(data) == [
        "sweep:0:0: figures.0: missing required key 'name'",
        "sweep:0:0: regions.0.members: expected a whole number, got 'many'",
    ]


def test_reference_checks_run_on_dicts() -> None:
    data = minimal_data()
    data["factions"][0]["leader"] = "molotov"
    data["factions"].append(copy.deepcopy(data["factions"][1]))
    del data["ai"]["personalities"]["trotsky"]
    assert problems_of(data) == [
        "sweep:0:0: ai.personalities: faction 'trotsky' has no personality",
        "sweep:0:0: factions.0.leader: unknown figure 'molotov'",
        "sweep:0:0: factions.2.id: duplicate id 'trotsky' (first at factions.1)",
    ]


def test_field_names_are_not_yaml_keys() -> None:
    data = minimal_data()
    data["membership"]["growth"][0]["from_"] = data["membership"]["growth"][0].pop("from")
    assert problems_of(data) == [
        "sweep:0:0: membership.growth.0: missing required key 'from'",
        "sweep:0:0: membership.growth.0.from_: unknown key 'from_'",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"x" * (2 * 2**20 + 1), "larger than 2 MiB"),
        (b"# only a comment\n", "the file is empty"),
    ],
    ids=["missing", "too_large", "only_comments"],
)
def test_unreadable_files_are_problems(
    tmp_path: Path, content: bytes | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.yaml"
    if content is not None:
        path.write_bytes(content)
    assert validate_command([path]) == 2
    assert capsys.readouterr().err == f"{path}:0:0: (root): {message}\n"


def test_a_directory_is_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate_command([tmp_path]) == 2
    message = "is a directory, not a scenario file"
    assert capsys.readouterr().err == f"{tmp_path}:0:0: (root): {message}\n"


def test_validate_command_reports_each_path(capsys: pytest.CaptureFixture[str]) -> None:
    missing = MINIMAL.with_name("missing.yaml")
    assert validate_command([MINIMAL, missing, MINIMAL]) == 2
    output = capsys.readouterr()
    assert output.out == f"ok: {MINIMAL}\nok: {MINIMAL}\n"
    assert output.err == f"{missing}:0:0: (root): no such file\n"


def test_problems_sort_by_file_line_and_column() -> None:
    problems = [
        Problem("b", 1, 1, "x", "m"),
        Problem("a", 9, 2, "y", "m"),
        Problem("a", 9, 1, "z", "m"),
    ]
    error = ScenarioError(problems)
    assert [str(p) for p in error.problems] == ["a:9:1: z: m", "a:9:2: y: m", "b:1:1: x: m"]


def test_control_characters_are_located(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb: 'x\x07'\n")
    with pytest.raises(ScenarioError) as caught:
        read_tree(path)
    assert str(caught.value) == f"{path}:2:6: (root): character U+0007 is not allowed in YAML"


def test_unknown_tags_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: !!python/object:os.system x\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert [p.line for p in caught.value.problems] == [1]
    assert "python/object" in caught.value.problems[0].message


JUNK = ["", "x", "-1", "null", "[]", "{}", "{a: 1}", "1922Q9", "1923-02-29", ".nan", "&a x", "*a"]
JUNK += ["? [a]\n: b", "!!binary aGk=", "!!set {a}", "<<: {a: 1}", "1: 2", "'\\u0000'", "- a"]


@settings(max_examples=60, deadline=None)
@given(edits=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(JUNK)), max_size=3))
def test_damaged_files_never_crash(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, str]]
) -> None:
    """Replace random lines of the minimal scenario with junk: always a verdict, never a crash."""
    lines = MINIMAL.read_text(encoding="utf-8").splitlines()
    for index, junk in edits:
        line = lines[index % len(lines)]
        key = line.partition(":")[0]
        lines[index % len(lines)] = f"{key}: {junk}" if ":" in line else junk
    path = tmp_path_factory.mktemp("damaged") / "x.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert validate_command([path]) in (0, 2)


def test_a_quarter_reads_as_its_season() -> None:
    assert [Quarter(1922, q).season for q in (1, 2, 3, 4)] == [
        "Winter 1922",
        "Spring 1922",
        "Summer 1922",
        "Autumn 1922",
    ]
