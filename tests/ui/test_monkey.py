"""A monkey in a real window: 2,000 random clicks and keys sent with xdotool to the game running
under Xvfb with the openbox window manager, started on a new game (``play --new``) at 960×600
with the largest text, and started again on a new game whenever it quits cleanly (the title's
Quit, or the window closed). The keys lean to Enter, E, Esc and Space so that quarters pass:
board, sessions, event cards, menus. Every screen entered is logged (``HEIRS_SCREEN_LOG``);
the run passes if the game never ends but by a clean quit (exit 0, no traceback) and reached
the board, a session, an event card, the game menu, and the end or the saves.

The log and photographs of the display go to ``out/monkey/``. Skipped where Xvfb, openbox,
xdotool or ImageMagick is missing (``.ci/run`` installs them)."""

from __future__ import annotations

import collections
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
PAUSE = "0.02"  # seconds between two events
SHOTS = (400, 1200, 1900)  # photographs of the display taken after this many events
LEANING = ("Return", "e", "Escape", "space")  # the keys that move a game on
OTHER_KEYS = (
    *("Tab", "shift+Tab", "Up", "Down", "Left", "Right", "Page_Up", "Page_Down", "BackSpace"),
    *("a", "b", "c", "d", "f", "g", "k", "l", "n", "o", "p", "q", "r", "s", "t", "u", "x"),
    *("1", "2", "3", "slash", "F1", "ctrl+f", "shift+Page_Down"),
)
REQUIRED = ({"board"}, {"session"}, {"event"}, {"pause"}, {"end", "saves"})


def _event(rng: random.Random, size: tuple[int, int], window: str) -> list[str]:
    """One random event as xdotool arguments: a leaning key, another key, a click or a turn
    of the wheel somewhere in the window, or (rarely) closing the window."""
    roll = rng.random()
    if roll < 0.36:
        return ["key", rng.choice(LEANING)]
    if roll < 0.52:
        return ["key", rng.choice(OTHER_KEYS)]
    if roll < 0.997:
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        button = "1" if roll < 0.96 else rng.choice(("4", "5"))
        return ["mousemove", "--window", window, str(x), str(y), "click", button]
    return ["key", "alt+F4"]


def _size(x: XSession, window: str) -> tuple[int, int]:
    shell = dict(
        line.split("=", 1) for line in x.xdotool("getwindowgeometry", "--shell", window).split()
    )
    return int(shell.get("WIDTH", 960)), int(shell.get("HEIGHT", 600))


def _launch(
    x: XSession, data: Path, log: Path, faction: str, errors: Path
) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "game", "play", "--new", "--seed", "1922"]
    env = x.env(**{DATA_ENV: str(data), SCREEN_LOG: str(log)})
    with errors.open("ab") as stream:
        return subprocess.Popen(
            [*command, "--faction", faction],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            stdout=subprocess.DEVNULL,
            stderr=stream,
        )


def _ended_cleanly(game: subprocess.Popen[bytes], errors: Path) -> None:
    code = game.wait(60)
    text = errors.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text, text[-3000:]
    assert code == 0, f"the game ended with {code}: {text[-2000:]}"


@pytest.mark.skipif(bool(missing_tools()), reason=f"needs {', '.join(missing_tools())}")
def test_two_thousand_random_events_in_a_real_window(tmp_path: Path) -> None:
    rng = random.Random(9)
    settings = {"width": 960, "height": 600, "text_size": "large", "ai_speed": "instant"}
    (tmp_path / "settings.json").write_text(json.dumps(settings))
    log, errors = tmp_path / "screens.log", tmp_path / "stderr.log"
    factions = ("stalin", "trotsky", "zinoviev", "bukharin")
    sent, launches, started = 0, 0, time.monotonic()
    with XSession() as x:
        while sent < EVENTS:
            game = _launch(x, tmp_path, log, factions[launches % len(factions)], errors)
            launches += 1
            window = x.window(game)
            while window is not None and sent < EVENTS and game.poll() is None:
                size = _size(x, window)
                batch: list[str] = []
                for _ in range(BATCH):
                    batch += [*_event(rng, size, window), "sleep", PAUSE]
                x.xdotool(*batch, timeout=60)
                sent += BATCH
                if sent in SHOTS:
                    x.shot(OUT / f"monkey-{sent}.png")
            if game.poll() is None and window is not None:  # spent: close it, as a player
                x.xdotool("windowactivate", "--sync", window, "key", "alt+F4")
            _ended_cleanly(game, errors)
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
