"""``python -m game bench --ui``: frame times of the real window, headless, at 1280×720, on
the board, on the board with its motion list filtered, on the board with a motion's forecast
and what it assumes, on a session screen with the 15th Congress's 898 delegates and on the
end screen with its chart, while a worker thread keeps the AI thinking."""

from __future__ import annotations

import os
import statistics
import threading
import time
from typing import Any

import numpy as np

from game.analysis.runs import Loaded
from game.engine.votes import vote
from game.play.match import Match, Setup
from game.play.settings import Settings

FRAMES = 300
BIG_CONGRESS = "congress_15"


def bench_ui(loaded: Loaded) -> str:
    """Median and 95th-percentile frame time per screen, as text."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App, Options
    from game.ui.screens.board import BoardScreen
    from game.ui.screens.end import EndScreen
    from game.ui.screens.session import SessionScreen

    app = App(Options(loaded.path), Settings(guided=False))
    match = Match(loaded, Setup(loaded.path, (loaded.spec.factions[0],), guided=False))
    finished = Match(loaded, Setup(loaded.path, (loaded.spec.factions[0],), guided=False))
    while not finished.over:
        finished.resolve()
    session, entry = congress_vote(match)
    filtered = BoardScreen(app, match, 0)
    filtered.options.pick("motion")
    filtered.options.query = "expel"
    forecast = BoardScreen(app, match, 0)
    forecast.options.pick("motion")
    forecast.options.group = forecast.options.rows()[0].group
    forecast.selected = forecast.options.rows()[0].action
    screens = {
        "board": BoardScreen(app, match, 0),
        "board, motions filtered": filtered,
        "board, a motion's forecast": forecast,
        f"session ({sum(b['size'] for b in entry['blocs'])} delegates)": SessionScreen(
            app, match, session, [entry], lambda: None
        ),
        "end (with chart)": EndScreen(app, finished),
    }
    lines = [
        f"frame times at {app.window.get_width()}×{app.window.get_height()}, {FRAMES} frames each, "
        "AI thinking in a worker thread:"
    ]
    stop = threading.Event()
    thinker = threading.Thread(target=_think, args=(match, stop), daemon=True)
    thinker.start()
    try:
        for name, screen in screens.items():
            app.go(screen)
            times = _frames(app)
            median = statistics.median(times)
            p95 = float(np.percentile(times, 95))
            lines.append(f"  {name:<28} median {median:6.2f} ms   p95 {p95:6.2f} ms")
    finally:
        stop.set()
        thinker.join()
    return "\n".join(lines)


def _frames(app: Any) -> list[float]:
    for _ in range(10):  # warm caches: first frames render the layers
        app.step(1 / 60)
    times = []
    for _ in range(FRAMES):
        start = time.perf_counter()
        app.step(1 / 60)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _think(match: Match, stop: threading.Event) -> None:
    """Keep the AI choosing moves, as it does while the window waits for it."""
    state = match.state.copy()
    while not stop.is_set():
        match.policies.choose_all(match.spec, state, 0)


def congress_vote(match: Match) -> tuple[dict[str, Any], dict[str, Any]]:
    """A session log entry and one vote of the largest congress, as the session screen
    receives them, voted on the match's current state."""
    spec = match.spec
    index = next(
        (i for i, s in enumerate(spec.sessions) if s.id == BIG_CONGRESS),
        int(np.argmax([s.voting_delegates for s in spec.sessions])),
    )
    session = spec.sessions[index]
    motion = spec.motions[session.agenda[0]] if session.agenda else spec.motions[0]
    sponsor = np.array([0])
    result = vote(spec, match.state, session, motion, sponsor, 0, explain=True)
    assert result.explanation is not None
    entry = {
        "type": "vote",
        "session": session.id,
        "motion": motion.id,
        "title": motion.title,
        "sponsor": spec.factions[0],
        "yes": int(result.yes[0]),
        "no": int(result.no[0]),
        "passed": bool(result.passed[0]),
        "blocs": [vars(b) for b in result.explanation[0]],
    }
    return {"type": "session", "id": session.id, "name": session.name, "date": session.date}, entry
