"""Ctrl-C and SIGTERM stop the work at once: a 100,000-run batch on two workers ends within
3 s of the signal with exit 130 or 143 and one line on stderr, leaves no process behind and
writes no output; the window's background lab dies with the program however it ends.

The processes are found in /proc (Linux): a command's workers by their parent before the
signal, and afterwards anything still alive in the command's process groups."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.analysis.cli import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

STOP_WITHIN = 3.0
# A local Dask cluster also closes its scheduler and the nannies of its workers: 1.7 s here
# on a quiet machine, 4.2 s once in a full suite run on a loaded one.
STOP_WITHIN_DASK = 10.0
SHORT = ROOT / "tests" / "ui" / "data" / "short.yaml"


def _table() -> dict[int, tuple[int, int]]:
    """Every live process (zombies left out): pid -> (parent pid, process group)."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:  # ended while we looked
            continue
        state, ppid, pgrp = stat[stat.rindex(")") + 2 :].split()[:3]
        if state != "Z":
            table[int(entry)] = (int(ppid), int(pgrp))
    return table


def _children(pid: int) -> set[int]:
    return {p for p, (ppid, _) in _table().items() if ppid == pid}


def _wait_for_children(process: subprocess.Popen[bytes], count: int) -> set[int]:
    """The process's children once there are ``count`` of them (the workers are playing)."""
    deadline = time.monotonic() + 60
    while len(found := _children(process.pid)) < count:
        assert process.poll() is None, "the command ended before its workers started"
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    return found


def _survivors(pids: set[int], groups: set[int]) -> set[int]:
    """Which of ``pids``, or of the members of ``groups``, are still alive after a moment
    (the kernel may take a little while to finish killing them)."""
    deadline = time.monotonic() + 1.0
    while True:
        table = _table()
        alive = {p for p in pids if p in table} | {p for p, (_, g) in table.items() if g in groups}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def _stop(
    process: subprocess.Popen[bytes], signum: int, watched: set[int], group: bool = False
) -> tuple[float, set[int]]:
    """Send ``signum`` (to the whole process group, as a terminal's Ctrl-C does, if
    ``group``); return how long the process took to end and which of ``watched`` and of its
    process groups survived it (killed now, so that no test leaves anything running)."""
    start = time.monotonic()
    if group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    took = time.monotonic() - start
    groups = {process.pid, *(_table().get(p, (0, process.pid))[1] for p in watched)}
    left = _survivors(watched, groups)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return took, left


@pytest.mark.parametrize(
    ("signum", "group", "jobs"),
    [
        (signal.SIGINT, False, 2),
        (signal.SIGTERM, False, 2),
        (signal.SIGINT, True, 2),  # Ctrl-C at a terminal: the workers get it too
        (signal.SIGTERM, False, 1),  # played in the command's own process
    ],
    ids=["sigint", "sigterm", "ctrl-c-to-the-group", "sigterm-one-job"],
)
def test_a_signal_stops_a_big_batch_at_once(
    tmp_path: Path, signum: int, group: bool, jobs: int
) -> None:
    outputs = [tmp_path / "runs.json", tmp_path / "runs.csv", tmp_path / "report.html"]
    stderr = tmp_path / "stderr.txt"
    command = [sys.executable, "-m", "game", "simulate", "--runs", "100000"]
    command += ["--jobs", str(jobs), "--quiet", "--out", str(outputs[0])]
    command += ["--csv", str(outputs[1]), "--html", str(outputs[2])]
    with stderr.open("wb") as err:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
        )
    workers = _wait_for_children(process, jobs) if jobs > 1 else set()
    time.sleep(1.0 if jobs > 1 else 3.0)  # well into the work
    took, left = _stop(process, signum, workers, group)
    assert not left, "a worker outlived the command"
    assert process.returncode == 128 + signum
    assert took < STOP_WITHIN, f"stopped {took:.1f} s after the signal"
    message = stderr.read_text()
    expected = f"heirs: stopped by {signal.Signals(signum).name}; unfinished outputs are not "
    assert message.strip() == expected + "written", message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stderr.txt"], "a partial output"


def _big_batch(out: Path, *spread: str) -> subprocess.Popen[bytes]:
    """``simulate --runs 100000`` spread as ``spread`` says, writing ``out``, in its own
    session, with its stderr piped."""
    command = [sys.executable, "-m", "game", "simulate", "--runs", "100000", *spread]
    return subprocess.Popen(
        [*command, "--quiet", "--out", str(out)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_a_batch_on_a_local_dask_cluster(tmp_path: Path, signum: int) -> None:
    """``--dask local``: the futures are cancelled, the workers killed and the cluster closed
    within seconds, with the same one line and no output."""
    out = tmp_path / "runs.json"
    process = _big_batch(out, "--dask", "local")
    cluster = _wait_for_children(process, 2)
    time.sleep(4.0)  # the cluster up and the games being played
    cluster |= {pid for parent in cluster for pid in _children(parent)}
    took, left = _stop(process, signum, cluster)
    assert not left, "a Dask process outlived the command"
    assert process.returncode == 128 + signum
    assert took < STOP_WITHIN_DASK, f"stopped {took:.1f} s after the signal"
    assert process.stderr is not None
    assert (
        process.stderr.read()
        .decode()
        .startswith(f"heirs: stopped by {signal.Signals(signum).name}")
    )
    assert not out.exists()


def test_a_worker_killed_from_outside_ends_the_batch_with_one_line(tmp_path: Path) -> None:
    """Exit 1 (an operating-system failure), the other worker killed too, no output."""
    out = tmp_path / "runs.json"
    process = _big_batch(out, "--jobs", "2")
    victim, *others = sorted(_wait_for_children(process, 2))
    time.sleep(0.5)
    os.kill(victim, signal.SIGKILL)
    try:
        process.wait(timeout=STOP_WITHIN)
    finally:
        _, left = _stop(process, signal.SIGKILL, set(others))
    assert not left and process.returncode == 1
    assert process.stderr is not None
    message = process.stderr.read().decode()
    assert message == "heirs: error: a worker process ended without its result (exit code -9)\n"
    assert not out.exists()


_LAB = f"""
import sys, time
from pathlib import Path
from game.analysis.background import BackgroundBatches
from game.analysis.lab import LabSetup
from game.analysis.runs import load
from game.stopping import exit_code, stop_on_signals

loaded = load(Path({str(SHORT)!r}))
try:
    with stop_on_signals():
        lab = BackgroundBatches(LabSetup(loaded, loaded, 100000, "standard", 1.0, 2).arms(), 2)
        while lab.result() is None:
            time.sleep(0.05)
except KeyboardInterrupt as error:
    sys.exit(exit_code(error))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_the_background_lab_dies_with_the_program(signum: int) -> None:
    """A program running the window's lab (the lab's child leads its own process group, with
    two workers in it) is stopped by a signal, or killed outright: the lab's processes are
    gone within 3 s."""
    process = subprocess.Popen(
        [sys.executable, "-c", _LAB], cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE
    )
    [lab] = _wait_for_children(process, 1)
    deadline = time.monotonic() + 60
    while len(workers := _children(lab)) < 2:
        assert time.monotonic() < deadline, "the lab's workers never started"
        time.sleep(0.05)
    time.sleep(0.5)
    start = time.monotonic()
    took, left = _stop(process, signum, {lab, *workers})
    assert not left, f"left running: {left}"
    assert time.monotonic() - start < STOP_WITHIN, f"took {took:.1f} s"
    assert process.returncode == (128 + signum if signum != signal.SIGKILL else -signum)
    assert process.stderr is not None and b"Traceback" not in process.stderr.read()
