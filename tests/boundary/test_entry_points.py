"""One boundary for everything that enters: the entry points that read an input are listed
here, each is fed every kind of hostile file (a pipe, a device, a folder, a loop of links, a
link to nothing, a name too long for the system, a file over its size limit, bytes that are
not UTF-8, a system file) and must refuse it at once with ``Refused``, naming the file and
never repeating what it holds. A static check makes sure no other module reads a file."""

from __future__ import annotations

import ast
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from game.analysis.report_command import build_report
from game.analysis.report_game import read_game_file
from game.analysis.runs import load
from game.boundary.refusal import Refused
from game.play.saves import list_saves, read_save, saves_dir
from game.play.settings import DATA_ENV, Settings, data_dir
from game.scenario.exercise import load_exercise
from game.scenario.loader import load_scenario

from .contract import PROBLEM, ROOT
from .hostile import MAKERS

# Every entry point that reads a file named from outside, with the suffix its files carry
# and the commands and screens that reach it.
ENTRY_POINTS: dict[str, tuple[str, Callable[[Path], object]]] = {
    # validate, simulate, compare, sweep, replay, calibrate, decompose, duel, bench, play
    # --scenario, the window's New game and Lab, a save's or a result's scenario
    "scenario": (".yaml", load_scenario),
    "scenario, compiled for the engine": (".yaml", load),
    # play --exercise, report --exercise, the window's Exercises screen
    "exercise": (".yaml", load_exercise),
    # report FILE: a batch result or a comparison, a record or a save
    "result": (".json", lambda path: build_report(path, None, None, 5, 1)),
    # replay --record, report FILE
    "record": (".json", read_game_file),
    # play --load, the window's Saves screen
    "save": (".json", read_save),
}
# Folders and files found from HEIRS_DATA_DIR: the data folder itself, settings.json (read
# leniently: anything wrong falls back to the defaults), the saves folder's listing.
READERS_OUTSIDE_THE_BOUNDARY = {
    # writers through a temporary file, not readers
    "game/fileio.py",
    "game/scenario/schema_export.py",
    # the program's own source files, hashed to check that Dask workers run the same program
    "game/analysis/dask_pool.py",
    # appends each screen's name to $HEIRS_SCREEN_LOG for the monkey test: writes, never reads
    "game/ui/app.py",
}
REFUSAL_SECONDS = 5.0


@pytest.mark.parametrize("kind", sorted(MAKERS))
@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
def test_every_entry_point_refuses_every_hostile_file(
    entry: str, kind: str, tmp_path: Path
) -> None:
    suffix, read = ENTRY_POINTS[entry]
    path = MAKERS[kind](tmp_path, f"input{suffix}")
    start = time.monotonic()
    with pytest.raises(Refused) as refused:
        read(path)
    assert time.monotonic() - start < REFUSAL_SECONDS
    text = str(refused.value)
    assert all(PROBLEM.match(line) for line in text.splitlines()), text
    assert refused.value.problems[0].file.startswith(str(path)[:80])
    assert "root:x:0" not in text  # nothing of /etc/passwd is repeated


@pytest.mark.parametrize("kind", sorted(set(MAKERS) - {"missing"}))
def test_a_data_folder_that_is_no_folder_is_refused(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = MAKERS[kind](tmp_path, "data")
    monkeypatch.setenv(DATA_ENV, str(path))
    if kind == "folder":
        assert data_dir() == path
        return
    with pytest.raises(Refused) as refused:
        data_dir()
    problem = refused.value.problems[0]
    assert problem.path == DATA_ENV and problem.file.startswith(str(path)[:80])


def test_a_data_folder_named_in_no_encoding_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, "/tmp/caf\udce9")
    with pytest.raises(Refused, match="HEIRS_DATA_DIR: not a folder name"):
        data_dir()


@pytest.mark.parametrize("kind", sorted(set(MAKERS) - {"missing", "long_name"}))
def test_hostile_settings_fall_back_to_the_defaults(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    MAKERS[kind](tmp_path, "settings.json")
    start = time.monotonic()
    assert Settings.load() == Settings()
    assert time.monotonic() - start < REFUSAL_SECONDS


@pytest.mark.parametrize(
    ("content", "kept"),
    [
        ('{"width": 100000000000000000000, "height": -5, "palette": "x"}', {}),
        ('{"width": 1e400, "text_size": "enormous", "ai_speed": "warp"}', {}),
        ('{"width": 1600, "height": 900, "palette": "colour-blind"}', {"width": 1600}),
    ],
)
def test_settings_out_of_bounds_fall_back_value_by_value(
    content: str, kept: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    (tmp_path / "settings.json").write_text(content)
    loaded = Settings.load()
    assert loaded.width == kept.get("width", Settings().width)
    assert loaded.text_size == "normal" and loaded.ai_speed == "normal"


def test_the_settings_choices_are_the_themes() -> None:
    from game.play.settings import PALETTES, TEXT_SIZES
    from game.ui.theme import PALETTES as THEMES
    from game.ui.theme import TEXT_SIZES as SCALES

    assert set(PALETTES) == set(THEMES) and set(TEXT_SIZES) == set(SCALES)


def test_the_saves_folder_lists_hostile_entries_without_failing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    folder = saves_dir()
    folder.mkdir()
    kinds = sorted(set(MAKERS) - {"missing", "long_name"})
    for kind in kinds:
        MAKERS[kind](folder, f"{kind}.json")
    listed = {info.name: info for info in list_saves()}
    assert set(kinds) <= set(listed)
    assert all(listed[kind].label == f"{kind} (damaged)" for kind in kinds)
    assert listed["dangling"].saved_at == 0.0


def _reads_files(tree: ast.AST) -> list[str]:
    """The calls in a module that read a file or parse JSON on their own."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            found.append("open()")
        elif isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else ""
            if func.attr in ("read_text", "read_bytes", "open") and owner not in ("os", "tempfile"):
                found.append(f".{func.attr}()")
            if owner == "json" and func.attr in ("load", "loads"):
                found.append(f"json.{func.attr}()")
            if owner == "yaml" and func.attr.endswith("load"):
                found.append(f"yaml.{func.attr}()")
    return found


def test_no_module_reads_an_input_but_through_the_boundary() -> None:
    """Outside ``game/boundary`` (and the atomic writers), no module opens, reads or parses
    a file itself: every input goes through the entry points above."""
    readers = {}
    for module in sorted((ROOT / "game").rglob("*.py")):
        name = str(module.relative_to(ROOT))
        if name.startswith("game/boundary/") or name in READERS_OUTSIDE_THE_BOUNDARY:
            continue
        calls = _reads_files(ast.parse(module.read_text(encoding="utf-8")))
        if calls:
            readers[name] = calls
    assert readers == {}


def test_the_data_folder_is_read_only_through_data_dir() -> None:
    """``HEIRS_DATA_DIR`` is read in one place, which checks it."""
    users = [
        str(module.relative_to(ROOT))
        for module in (ROOT / "game").rglob("*.py")
        if "DATA_ENV" in module.read_text(encoding="utf-8")
    ]
    assert users == ["game/play/settings.py"]
