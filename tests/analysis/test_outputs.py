"""Outputs never damage: only regular files are written, through one atomic writer; devices,
FIFOs, symlink loops and the command's own inputs (by file identity) are refused with one
line and exit 2 before any work; a symlink to a regular file has its target replaced and
stays a link; ``-`` is standard output; stale temporary files of ours are cleaned."""

from __future__ import annotations

import json
import os
import re
import stat
import time
from pathlib import Path

import pytest

from game.fileio import (
    STDOUT,
    OutputRefused,
    check_outputs,
    clean_stale_temps,
    output_target,
    write_atomic,
)
from tests.analysis.cli import MINIMAL, run_game

OLD = time.time() - 3600  # before this process started


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A scenario, a FIFO, symlinks to both and to /dev/null, and a symlink loop."""
    (tmp_path / "scenario.yaml").write_bytes(MINIMAL.read_bytes())
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "to_fifo").symlink_to("fifo")
    (tmp_path / "to_null").symlink_to("/dev/null")
    (tmp_path / "to_scenario.yaml").symlink_to("scenario.yaml")
    (tmp_path / "loop_a").symlink_to("loop_b")
    (tmp_path / "loop_b").symlink_to("loop_a")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/dev/null", "is a character device"),
        ("fifo", "is a FIFO"),
        ("to_fifo", "is a FIFO"),
        ("to_null", "(a link to /dev/null) is a character device"),
        ("loop_a", "a symlink loop"),
        (".", "is a folder"),
        ("nowhere/out.json", "does not exist"),
    ],
)
def test_anything_but_a_regular_file_is_refused(folder: Path, name: str, reason: str) -> None:
    with pytest.raises(OutputRefused, match=re.escape(reason)):
        output_target(folder / name)


def test_the_writer_refuses_a_fifo_without_blocking_and_leaves_it(folder: Path) -> None:
    with pytest.raises(OutputRefused, match="FIFO"):
        write_atomic(folder / "to_fifo", "data")
    assert stat.S_ISFIFO((folder / "fifo").lstat().st_mode)
    assert (folder / "to_fifo").is_symlink()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_symlink_to_a_file_has_its_target_replaced_and_stays_a_link(tmp_path: Path) -> None:
    target, link = tmp_path / "run-42.json", tmp_path / "latest.json"
    target.write_text("old")
    target.chmod(0o640)
    link.symlink_to(target.name)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640, "the target keeps its mode"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "run-42.json"]


def test_an_input_is_refused_by_identity_whatever_its_name(folder: Path) -> None:
    scenario = folder / "scenario.yaml"
    os.link(scenario, folder / "hard_link.yaml")
    (folder / "sub").mkdir()
    for name in ("scenario.yaml", "to_scenario.yaml", "hard_link.yaml", "sub/../scenario.yaml"):
        with pytest.raises(OutputRefused, match=r"--out .* is an input of this command"):
            check_outputs([("--out", folder / name)], [scenario])
    check_outputs([("--out", folder / "other.json")], [scenario])


def test_two_outputs_may_not_share_a_file_or_standard_output(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    same = [("--out", tmp_path / "a.json"), ("--csv", tmp_path / "sub" / ".." / "a.json")]
    with pytest.raises(OutputRefused, match=r"--csv .*: --out already writes there"):
        check_outputs(same, [])
    with pytest.raises(OutputRefused, match="already writes to standard output"):
        check_outputs([("--out", STDOUT), ("--html", STDOUT)], [])
    check_outputs([("--out", STDOUT), ("--csv", tmp_path / "a.csv"), ("--html", None)], [])


def test_only_stale_temporary_files_of_ours_are_cleaned(tmp_path: Path) -> None:
    def make(name: str, when: float = OLD) -> Path:
        path = tmp_path / name
        path.write_text("x")
        os.utime(path, (when, when))
        return path

    stale = [make(".autosave.json.k2x_9abc.tmp"), make(".autosave.json.0123abcd.tmp")]
    kept = [
        make(".autosave.json.a1b2c3d4.tmp", time.time() + 5),  # a write still going on
        make(".settings.json.a1b2c3d4.tmp"),  # another file's: not asked for
        make("autosave.json.a1b2c3d4.tmp"),  # not our pattern
        make(".autosave.json.tmp"),
        make(".autosave.json.a1b2.tmp"),
        make(".autosave.json.A1B2C3D4.tmp"),
    ]
    (tmp_path / ".autosave.json.linklink.tmp").symlink_to(kept[0])  # never followed
    assert sorted(clean_stale_temps(tmp_path, "autosave.json")) == sorted(stale)
    assert all(path.exists() for path in kept)
    assert (tmp_path / ".autosave.json.linklink.tmp").is_symlink()
    assert clean_stale_temps(tmp_path) == [kept[1]]  # every name of ours


def test_writing_a_file_cleans_the_temporary_files_its_killed_writes_left(tmp_path: Path) -> None:
    leftover = tmp_path / ".out.json.abcdefgh.tmp"
    leftover.write_text("half")
    os.utime(leftover, (OLD, OLD))
    write_atomic(tmp_path / "out.json", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_simulate_refuses_to_overwrite_its_scenario_or_what_it_extends(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_bytes(MINIMAL.read_bytes())
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nid: child\n")
    for out in (child, base):
        before = out.read_bytes()
        done = run_game("simulate", str(child), "--runs", "5", "--jobs", "1", "--out", str(out))
        assert done.returncode == 2
        assert (
            done.stderr == f"heirs: error: --out {out} is an input of this command; name another\n"
        )
        assert out.read_bytes() == before


def test_simulate_refuses_a_fifo_at_once_and_leaves_it(folder: Path) -> None:
    start = time.monotonic()
    done = run_game("simulate", str(MINIMAL), "--runs", "5", "--csv", str(folder / "to_fifo"))
    assert done.returncode == 2 and time.monotonic() - start < 20
    assert done.stderr.count("\n") == 1 and "is a FIFO" in done.stderr
    assert stat.S_ISFIFO((folder / "fifo").lstat().st_mode)


def test_a_dash_writes_the_json_to_standard_output_and_messages_to_stderr() -> None:
    done = run_game("simulate", str(MINIMAL), "--runs", "5", "--jobs", "1", "--out", "-")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["runs"] == 5
    assert "Who won:" in done.stderr and "wrote -" in done.stderr


def test_report_markdown_cannot_go_to_standard_output(tmp_path: Path) -> None:
    done = run_game("report", str(tmp_path / "x.json"), "--md", "-")
    assert done.returncode == 2 and "--md -" in done.stderr and done.stderr.count("\n") == 1


def test_report_refuses_to_write_over_the_scenario_its_file_names(tmp_path: Path) -> None:
    """A batch result names its scenario; the report reads it for the sources, so an output
    on it (or on what it extends) is refused and the scenario is left as it was."""
    scenario = tmp_path / "s.yaml"
    scenario.write_text(MINIMAL.read_text())
    result = tmp_path / "b.json"
    done = run_game("simulate", str(scenario), "--runs", "5", "--out", str(result), "--quiet")
    assert done.returncode == 0, done.stderr
    before = scenario.read_bytes()
    for flag in ("--html", "--md"):
        done = run_game("report", str(result), flag, str(scenario))
        assert done.returncode == 2 and "is an input of this command" in done.stderr
        assert scenario.read_bytes() == before


def test_report_refuses_a_chart_beside_the_markdown_that_would_replace_its_input(
    tmp_path: Path,
) -> None:
    """The Markdown's charts are written beside it as STEM-NAME.png: one that would land on
    the input itself is refused before anything is written."""
    result = tmp_path / "b.json"
    done = run_game("simulate", str(MINIMAL), "--runs", "5", "--out", str(result), "--quiet")
    assert done.returncode == 0, done.stderr
    first = run_game("report", str(result), "--md", str(tmp_path / "r.md"))
    charts = sorted(p.name for p in tmp_path.glob("r-*.png"))
    assert first.returncode == 0 and charts
    disguised = tmp_path / charts[0]
    disguised.write_bytes(result.read_bytes())
    for path in tmp_path.glob("r*"):
        if path != disguised:
            path.unlink()
    done = run_game("report", str(disguised), "--md", str(tmp_path / "r.md"))
    assert done.returncode == 2 and "is an input of this command" in done.stderr
    assert disguised.read_bytes() == result.read_bytes()
    assert not (tmp_path / "r.md").exists()
