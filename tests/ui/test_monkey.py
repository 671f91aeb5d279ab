"""A monkey in a real window: 2,000 random clicks and keys sent with xdotool to the game running
under Xvfb with the openbox window manager, started on a new game (``play --new``) at 960×600
with the largest text, and started again on a new game whenever it quits cleanly (the title's
Quit, or the window closed), every other launch on the short test scenario of five quarters
so that its end is reached. The keys lean to Enter, E, Esc and Space so that quarters pass:
board, sessions, event cards, menus. Every screen entered is logged (``HEIRS_SCREEN_LOG``);
the run passes if the game never ends but by a clean quit (exit 0, no traceback) and reached
the board, a session, an event card, the game menu, and the end or the saves.

Clicks are sent inside the part of the window the display shows, found again after every
batch of events by the game's process (SDL opens a new X window when the settings change its
size); a window the window manager has hidden is brought back before it is closed.
The log and photographs of the display go to ``out/monkey/``. Skipped where Xvfb, openbox,
xdotool or ImageMagick is missing (``.ci/run`` installs them)."""

from __future__ import annotations

import collections
import contextlib
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.play.settings import DATA_ENV
from game.ui.app import SCREEN_LOG

from .xwindow import XSession, missing_tools

OUT = Path(__file__).resolve().parents[2] / "out" / "monkey"
EVENTS = 2000
BATCH = 25  # events sent by one xdotool call
PAUSE = "0.03"  # seconds between two events (a click adds none: its delay is set to 0)
SHOTS = (400, 1200, 1900)  # photographs of the display taken after this many events
LEANING = ("Return", "e", "Escape", "space")  # the keys that move a game on
OTHER_KEYS = (
    *("Tab", "shift+Tab", "Up", "Down", "Left", "Right", "Page_Up", "Page_Down", "BackSpace"),
    *("a", "b", "c", "d", "f", "g", "k", "l", "n", "o", "p", "q", "r", "s", "t", "u", "x"),
    *("1", "2", "3", "slash", "F1", "ctrl+f", "shift+Page_Down"),
)
FACTIONS = ("stalin", "trotsky", "zinoviev", "bukharin")
SHORT = Path(__file__).parent / "data" / "short.yaml"
REQUIRED = ({"board"}, {"session"}, {"event"}, {"pause"}, {"end", "saves"})


def _event(rng: random.Random, area: tuple[int, int, int, int]) -> list[str]:
    """One random event as xdotool arguments: a leaning key, another key, a click or a turn
    of the wheel somewhere in the window's ``area`` (left, top, right, bottom on the
    display), or (rarely) closing the window."""
    roll = rng.random()
    if roll < 0.36:
        return ["key", rng.choice(LEANING)]
    if roll < 0.52:
        return ["key", rng.choice(OTHER_KEYS)]
    if roll < 0.997:
        x, y = rng.randrange(area[0], area[2]), rng.randrange(area[1], area[3])
        button = "1" if roll < 0.96 else rng.choice(("4", "5"))
        return ["mousemove", str(x), str(y), "click", "--delay", "0", button]
    return ["key", "alt+F4"]


def _area(x: XSession, window: str) -> tuple[int, int, int, int]:
    """The part of the display the window's inside covers (left, top, right, bottom; a
    window larger than the display, opened so by the settings, is clicked where it can be
    seen). Its corners are found by moving the pointer to them, relative to the window (the
    pointer stops at the display's edge, which is then the edge of the part seen): under a
    window manager ``getwindowgeometry`` gives a corner off by the frame (one pixel left and
    the 20-pixel title bar up), and clicks in that band fell outside the window, on the
    desktop, where openbox's wheel switches to another desktop: the game was then hidden and
    never closed (the "did not quit within 60 s" failure)."""
    size = _fields(x.xdotool("getwindowgeometry", "--shell", window))
    width, height = int(size.get("WIDTH", 960)), int(size.get("HEIGHT", 600))
    corners = []
    for dx, dy in ((0, 0), (width - 1, height - 1)):
        probe = ["mousemove", "--window", window, str(dx), str(dy)]
        corners.append(_fields(x.xdotool(*probe, "getmouselocation", "--shell")))
    left, top = int(corners[0].get("X", 0)), int(corners[0].get("Y", 0))
    right, bottom = int(corners[1].get("X", 0)) + 1, int(corners[1].get("Y", 0)) + 1
    return left, top, max(right, left + 1), max(bottom, top + 1)


def _fields(shell: str) -> dict[str, str]:
    """xdotool's ``--shell`` output (NAME=value lines) as a dictionary."""
    return dict(line.split("=", 1) for line in shell.split() if "=" in line)


def _launch(
    x: XSession, data: Path, log: Path, launch: int, errors: Path
) -> subprocess.Popen[bytes]:
    """The game on a new game: each launch another faction, every other one of the short
    scenario's five quarters (so that the end screen is reached too)."""
    faction = FACTIONS[launch % len(FACTIONS)]
    scenario = ["--scenario", str(SHORT)] if launch % 2 else []
    command = [sys.executable, "-m", "game", "play", "--new", "--seed", "1922", *scenario]
    env = x.env(**{DATA_ENV: str(data), SCREEN_LOG: str(log)})
    with errors.open("ab") as stream:
        return subprocess.Popen(
            [*command, "--faction", faction],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            stdout=subprocess.DEVNULL,
            stderr=stream,
        )


class ExitFailure(AssertionError):
    """The game could not be closed (its window hidden) or did not quit within a minute of
    being closed: the failure still seen here on a heavily loaded machine (issue 9), the only
    one the xfail marker tolerates."""


def _ended_cleanly(x: XSession, game: subprocess.Popen[bytes], errors: Path, log: Path) -> None:
    """The game has quit, or quits within a minute of being closed, with exit code 0 and no
    traceback; else the display is photographed and the last screens are told."""
    try:
        code = game.wait(60)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(subprocess.SubprocessError):  # the X server may not answer
            x.shot(OUT / "monkey-stuck.png")
        game.kill()
        game.wait()
        last = log.read_text().split()[-8:] if log.exists() else []
        raise ExitFailure(f"the game did not quit when closed; last screens {last}") from None
    text = errors.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text, text[-3000:]
    if code != 0:
        raise AssertionError(f"the game ended with {code}: {text[-2000:]}")


def _shown(x: XSession, game: subprocess.Popen[bytes], seconds: float) -> str | None:
    """The game's window, once it can be seen; a window the window manager hid (iconified
    by a click on its frame) is brought back first, as a player would from the task bar.
    None if the game ended, or its window cannot be seen even so."""
    window = x.window(game, seconds)
    if window is None and game.poll() is None:
        for hidden in x.xdotool("search", "--pid", str(game.pid)).split():
            x.xdotool("windowactivate", hidden, timeout=10)
        window = x.window(game, 5)
    return window


def _hidden(x: XSession, game: subprocess.Popen[bytes]) -> None:
    """The game runs but its window cannot be seen, so it cannot be closed: a failure of its
    own (not a game that would not quit), with a photograph of the display."""
    x.shot(OUT / "monkey-hidden.png")
    desktop = x.xdotool("get_desktop")
    game.kill()
    game.wait()
    raise ExitFailure(f"the game runs but its window cannot be seen (desktop {desktop})")


@pytest.mark.skipif(bool(missing_tools()), reason=f"needs {', '.join(missing_tools())}")
@pytest.mark.xfail(
    strict=False,
    raises=ExitFailure,
    reason="issue 9: the abort at exit is fixed and the monkey clicks only inside the window; "
    "with the machine heavily loaded, one run in six still saw the game not quit within 60 s "
    "of alt+F4 (the X server did not answer a screenshot either) and one a hidden window",
)
def test_two_thousand_random_events_in_a_real_window(tmp_path: Path) -> None:
    rng = random.Random(9)
    settings = {"width": 960, "height": 600, "text_size": "large", "ai_speed": "instant"}
    (tmp_path / "settings.json").write_text(json.dumps(settings))
    log, errors = tmp_path / "screens.log", tmp_path / "stderr.log"
    sent, launches, started = 0, 0, time.monotonic()
    with XSession() as x:
        while sent < EVENTS:
            game = _launch(x, tmp_path, log, launches, errors)
            launches += 1
            while sent < EVENTS and game.poll() is None:
                window = _shown(x, game, 60)  # again each time: SDL opens a new one for a size
                if window is None:
                    break
                area = _area(x, window)
                batch: list[str] = []
                for _ in range(BATCH):
                    batch += [*_event(rng, area), "sleep", PAUSE]
                x.xdotool(*batch, timeout=60)
                sent += BATCH
                if sent in SHOTS:
                    x.shot(OUT / f"monkey-{sent}.png")
            if _shown(x, game, 10) is not None:  # the events are spent: close it, as a player
                x.xdotool("key", "alt+F4")
            elif game.poll() is None:
                _hidden(x, game)
            _ended_cleanly(x, game, errors, log)
    reached = collections.Counter(log.read_text().split())
    OUT.mkdir(parents=True, exist_ok=True)
    summary = {
        "events": sent,
        "launches": launches,
        "seconds": round(time.monotonic() - started, 1),
        "screens": dict(reached.most_common()),
    }
    (OUT / "screens.json").write_text(json.dumps(summary, indent=1) + "\n")
    for names in REQUIRED:
        assert names & set(reached), f"never reached {' or '.join(sorted(names))}: {summary}"
