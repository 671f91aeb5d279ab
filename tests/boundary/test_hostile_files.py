"""Hostile files through the command line, made at test time: a pipe, a device, a loop of
links, a name too long for the system, a folder, through every command that reads a file;
``extends`` chains and targets no file in git can hold; a data folder that is no folder. Each
is refused within 20 s, exit 2, one ``file:line:col: path: message`` line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from .contract import ROOT, assert_refused, run
from .hostile import MAKERS

MINIMAL = ROOT / "tests" / "scenario" / "minimal.yaml"
COMMANDS = {  # the suffix of the file each command reads, and the command; {} is the file
    "validate": (".yaml", ("validate", "{}")),
    "simulate": (".yaml", ("simulate", "{}", "--runs", "2", "--jobs", "1")),
    "report": (".json", ("report", "{}", "--md", "/tmp/never.md")),
    "replay": (".json", ("replay", "--record", "{}")),
    "play": (".json", ("play", "--scenario", str(MINIMAL), "--load", "{}")),
    "exercise": (".yaml", ("play", "--exercise", "{}")),
}
OTHER_KINDS = ["device", "loop", "long_name", "folder", "system_file"]
# Every command gets a pipe and one other kind in turn (every kind meets every entry point in
# process, in test_entry_points; this is the sample through the command line).
CASES = [
    (command, kind)
    for i, command in enumerate(sorted(COMMANDS))
    for kind in ("fifo", OTHER_KINDS[i % len(OTHER_KINDS)])
]


@pytest.mark.parametrize(("command", "kind"), CASES)
def test_a_hostile_file_is_refused_by_every_command(
    command: str, kind: str, tmp_path: Path
) -> None:
    suffix, argv = COMMANDS[command]
    path = MAKERS[kind](tmp_path, f"input{suffix}")
    filled = [part.format(path) for part in argv]
    done, seconds = run(*filled, env={"HEIRS_DATA_DIR": str(tmp_path / "data")})
    lines = assert_refused(done, seconds)
    assert lines[0].startswith(str(path)[:80])
    assert "root:x:0" not in done.stderr


def _chain(folder: Path, length: int) -> Path:
    """``length`` files, each extending the next; the last extends the minimal scenario."""
    for i in range(length):
        target = f"link{i + 1}.yaml" if i + 1 < length else str(MINIMAL)
        (folder / f"link{i}.yaml").write_text(f"extends: {target}\n")
    return folder / "link0.yaml"


def test_a_thousand_files_of_extends_are_refused_at_the_depth_limit(tmp_path: Path) -> None:
    done, seconds = run("validate", str(_chain(tmp_path, 1000)))
    [line] = assert_refused(done, seconds)
    assert line == f"{tmp_path}/link8.yaml:1:10: extends: extends more than 8 files deep"


def test_a_short_chain_of_extends_is_read(tmp_path: Path) -> None:
    done, _ = run("validate", str(_chain(tmp_path, 8)))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "loop", "dangling"])
def test_extends_reaches_only_regular_files(kind: str, tmp_path: Path) -> None:
    MAKERS[kind](tmp_path, "base.yaml")
    (tmp_path / "child.yaml").write_text("extends: base.yaml\n")
    done, seconds = run("validate", str(tmp_path / "child.yaml"))
    [line] = assert_refused(done, seconds)
    assert line.startswith(f"{tmp_path}/child.yaml:1:10: extends: cannot extend 'base.yaml': ")


def test_a_name_too_long_for_the_system_is_located(tmp_path: Path) -> None:
    """Errno 36 was exit 1 with no file:line:col."""
    path = MAKERS["long_name"](tmp_path, "x.yaml")
    done, seconds = run("validate", str(path))
    [line] = assert_refused(done, seconds)
    assert line == f"{path}:0:0: (root): the file name is too long for this system"


@pytest.mark.parametrize("kind", ["fifo", "device", "loop", "system_file"])
def test_a_data_folder_that_is_no_folder_stops_the_window_before_it_opens(
    kind: str, tmp_path: Path
) -> None:
    path = MAKERS[kind](tmp_path, "data")
    done, seconds = run("play", "--scenario", str(MINIMAL), env={"HEIRS_DATA_DIR": str(path)})
    [line] = assert_refused(done, seconds)
    assert line.startswith(f"{path}:0:0: HEIRS_DATA_DIR: ")
