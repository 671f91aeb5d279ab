"""Shipped scenarios named from anywhere (``builtin:NAME``) and copied out for editing, in the
checkout (the wheel test runs the same commands from an installed package)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from game.resources import campaign, fonts_dir, resolve_name, scenarios_dir, shipped_scenarios
from game.scenario.errors import ScenarioError
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
PROBLEM = re.compile(r"^.+:\d+:\d+: \S.*: .+$")  # file:line:col: path: message


def test_the_data_is_the_checkouts_and_every_shipped_scenario_has_a_name() -> None:
    assert scenarios_dir() == ROOT / "scenarios" and fonts_dir() == ROOT / "assets" / "fonts"
    names = set(shipped_scenarios())
    on_disk = {
        p.relative_to(ROOT / "scenarios").as_posix() for p in scenarios_dir().rglob("*.yaml")
    }
    assert names == on_disk and "1922_succession.yaml" in names
    assert {"ablations/no_apparatus.yaml", "exercises/the_machine.yaml"} <= names
    assert resolve_name("builtin:1922_succession.yaml") == campaign()


def test_a_users_file_extends_a_shipped_scenario(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: builtin:1922_succession.yaml\ntitle: My variant\n")
    loaded = load_scenario(mine)
    shipped = load_scenario(campaign()).model
    assert loaded.model.title == "My variant"
    assert loaded.model.model_copy(update={"title": shipped.title}) == shipped
    assert loaded.files == (mine, campaign())


@pytest.mark.parametrize(
    "name", ["builtin:nope.yaml", "builtin:../README.md.yaml", "builtin:ablations/../x.yaml"]
)
def test_an_unknown_builtin_name_is_refused_at_its_line(tmp_path: Path, name: str) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(f"title: x\nextends: {name}\n")
    with pytest.raises(ScenarioError) as refused:
        load_scenario(mine)
    (problem,) = refused.value.problems
    assert (problem.file, problem.line, problem.col, problem.path) == (str(mine), 2, 10, "extends")
    assert "no shipped scenario of that name" in problem.message


def test_the_command_line_takes_builtin_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "builtin:ablations/no_apparatus.yaml"]) == 0
    assert main(["validate", "builtin:1922_succession.yml"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "builtin:1922_succession.yml:0:0: (root): no shipped scenario of that name "
        "('heirs scenarios list' names them)"
    ]
    assert all(PROBLEM.match(line) for line in lines)


def test_scenarios_list_names_every_shipped_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "list"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == [f"builtin:{name}" for name in shipped_scenarios()]


def test_export_copies_the_tree_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine"
    assert main(["scenarios", "export", str(out), "--quiet"]) == 0
    for name in [*shipped_scenarios(), "scenario.schema.json"]:
        assert (out / name).read_bytes() == (scenarios_dir() / name).read_bytes()
    edited = out / "ablations" / "no_apparatus.yaml"
    assert load_scenario(edited).files[-1] == out / "1922_succession.yaml"  # relative extends
    (out / "1922_succession.yaml").write_text("changed")
    assert main(["scenarios", "export", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"heirs: error: {out / '1922_succession.yaml'} exists (and ")
    assert "give --force to overwrite" in err
    assert (out / "1922_succession.yaml").read_text() == "changed"
    assert main(["scenarios", "export", str(out), "--force", "--quiet"]) == 0
    assert (out / "1922_succession.yaml").read_bytes() == campaign().read_bytes()


def test_export_refuses_the_shipped_folder_and_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scenarios", "export", str(scenarios_dir()), "--force"]) == 2
    assert "is the shipped scenarios' folder" in capsys.readouterr().err
    (tmp_path / "file").write_text("")
    assert main(["scenarios", "export", str(tmp_path / "file")]) == 2
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'file'}:0:0: DIR: is not a folder")
