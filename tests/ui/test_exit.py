"""Closing the window while a thread works (issue 9's exit failures, found by the monkey): the
program must not end while a worker runs numpy, or Python's exit kills the thread inside
numpy's C++ code (SIGABRT, "terminate called without an active exception") or inside
OpenBLAS (the exit hangs). Closing stops a report being written at once, plays a quarter
being played to its end before the autosave (from any screen, the game menu too), and the
program then ends with exit code 0."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pygame
import pytest

from game.play.match import Setup
from game.play.saves import saves_dir
from game.play.settings import Settings
from game.ui import App, Options, flow

from .conftest import SHORT, Driver, on_the_end_screen, slow_quarters

REPORT_RUNS = 100_000  # a reference batch that cannot end while the test closes the window
STOP_SECONDS = 20.0  # such a report takes much longer; stopping it, one step


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "heirs-ai" and t.is_alive()]


def test_closing_while_a_report_is_written_stops_its_thread(data_dir: Path) -> None:
    app = App(Options(SHORT, report_runs=REPORT_RUNS), Settings(ai_speed="instant"))
    d = Driver(app)
    try:
        screen = on_the_end_screen(app, d)
        d.key(pygame.K_r)
        assert app.screen is screen and screen.report.running
        d.until(lambda: screen.report.games > 0)  # the reference batch is under way
        started = time.monotonic()
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        d.step(1)
        assert not app.running
        assert _workers() == [], "the window closed with the report's thread still running"
        assert time.monotonic() - started < STOP_SECONDS, "closing waited for the whole report"
        assert screen.report.games < REPORT_RUNS
        assert not list((data_dir / "reports").glob("*.html"))
    finally:
        pygame.quit()


def test_closing_on_the_game_menu_while_the_ai_thinks_keeps_the_quarter(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = driver
    flow.start(d.app, Setup(SHORT, ("stalin",), guided=False))
    d.step()
    match = d.app.match
    assert match is not None
    slow_quarters(monkeypatch, match, 0.5)
    d.end_quarter()
    d.key(pygame.K_ESCAPE)  # the game menu, while the quarter is played in the thread
    assert d.screen == "pause" and _workers()
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    d.step(1)
    assert not d.app.running and _workers() == []
    saved = json.loads((saves_dir() / "autosave.json").read_text())
    assert len(saved["actions"]) == 1, "the autosave holds the quarter played in the thread"


SCRIPT = """
import numpy as np
from game.ui.worker import Worker, checkpoint, stop_all

ids = np.random.default_rng(0).integers(0, 50, 400_000)

def job():
    while True:  # numpy's C++ code (np.unique), the interpreter's lock released
        np.unique(ids)
        checkpoint()

Worker(job)
import time
time.sleep(0.3)
stop_all()
"""


def test_the_program_ends_cleanly_after_stopping_a_job_inside_numpy() -> None:
    """Without ``stop_all`` (the threads were daemons), this program aborted in about two
    runs of three: 'terminate called without an active exception'."""
    root = Path(__file__).resolve().parents[2]
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert "terminate called" not in done.stderr
