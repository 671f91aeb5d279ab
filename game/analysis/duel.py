"""The hard AI against the standard one, faction by faction.

For each faction, runs 0..N-1 of a seed are played twice, each time as one batch: with that
faction played by ``hard`` and every other by ``standard``, and with everyone ``standard``. The
same seeds make the games pairs, so the difference is tested with the exact one-sided McNemar
test on the pairs whose winner differs.
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats as sps
from tqdm import tqdm

from game.ai.policies import parse_ai
from game.analysis.pool import run_in_workers
from game.engine.outcome import decide
from game.engine.spec import GameSpec
from game.engine.state import initial_state
from game.engine.turn import play

IntArray = NDArray[np.int64]
Progress = Callable[[int], None]

TARGET_POINTS = 8.0
TARGET_RATIO = 2.0
TARGET_P = 0.01


@dataclass(frozen=True)
class DuelRow:
    """One faction's result over ``runs`` paired games."""

    faction: str
    runs: int
    standard_wins: int
    hard_wins: int
    gains: int  # games the faction won as hard and lost as standard
    losses: int  # games it won as standard and lost as hard

    @property
    def difference(self) -> float:
        """Hard's win rate minus standard's, in percentage points."""
        return 100.0 * (self.hard_wins - self.standard_wins) / self.runs

    @property
    def p_value(self) -> float:
        """The exact one-sided McNemar test: the chance of at least ``gains`` of the
        ``gains + losses`` discordant pairs going hard's way if either way were as likely;
        1 when there is no discordant pair."""
        discordant = self.gains + self.losses
        if discordant == 0:
            return 1.0
        return float(sps.binomtest(self.gains, discordant, 0.5, alternative="greater").pvalue)

    @property
    def meets_target(self) -> bool:
        """At least 8 points better, or twice as often, with one-sided p < 0.01."""
        better = (
            self.difference >= TARGET_POINTS or self.hard_wins >= TARGET_RATIO * self.standard_wins
        )
        return better and self.p_value < TARGET_P


def hard_ai(faction: str) -> str:
    """The ``--ai`` text for ``faction`` played by hard against standard opponents."""
    return f"{faction}=hard,default=standard"


def winners(spec: GameSpec, seed: int, runs: int, ai: str, progress: Progress) -> IntArray:
    """(N,): the winner of runs 0..N-1 of ``seed``, played as one batch; ``progress(1)`` is
    called after every quarter."""
    state = initial_state(spec, seed, np.arange(runs))
    play(spec, state, parse_ai(ai, spec.factions, 1.0).choose_all, on_turn=lambda _: progress(1))
    return decide(spec, state).winner


def duel(
    spec: GameSpec, seed: int, runs: int, factions: list[str], jobs: int, progress: Progress
) -> list[DuelRow]:
    """Play the all-standard batch and one hard batch per faction, over ``jobs`` processes;
    ``progress`` counts the quarters played, ``(1 + len(factions)) * spec.turns`` in all."""
    ais = ["standard", *(hard_ai(f) for f in factions)]
    if jobs == 1:
        results = [winners(spec, seed, runs, ai, progress) for ai in ais]
    else:
        results = _in_processes(spec, seed, runs, ais, jobs, progress)
    base = results[0]
    rows = []
    for name, hard in zip(factions, results[1:], strict=True):
        f = spec.factions.index(name)
        rows.append(
            DuelRow(
                name,
                runs,
                int((base == f).sum()),
                int((hard == f).sum()),
                int(((hard == f) & (base != f)).sum()),
                int(((hard != f) & (base == f)).sum()),
            )
        )
    return rows


def _in_processes(
    spec: GameSpec, seed: int, runs: int, ais: list[str], jobs: int, progress: Progress
) -> list[IntArray]:
    """The batches over forked worker processes, which report each quarter on a queue."""
    ticks: multiprocessing.Queue[int] = multiprocessing.get_context("fork").Queue()

    def work(index: int) -> IntArray:
        return winners(spec, seed, runs, ais[index], ticks.put)

    def drain() -> None:
        while True:
            try:
                progress(ticks.get_nowait())
            except queue.Empty:
                return

    results = run_in_workers(jobs, work, len(ais), drain)
    drain()
    return results


def duel_command(spec: GameSpec, seed: int, runs: int, factions: list[str], jobs: int) -> str:
    """Run the duel with a progress bar (in quarters played) and return the table."""
    total = (1 + len(factions)) * spec.turns
    with tqdm(total=total, unit="quarter", file=sys.stderr, leave=False) as bar:

        def advance(quarters: int) -> None:
            bar.update(quarters)

        rows = duel(spec, seed, runs, factions, jobs, advance)
    return format_duel(rows, seed)


def format_duel(rows: list[DuelRow], seed: int) -> str:
    """The results as a Markdown table, ready for the README."""
    lines = [
        f"hard against standard opponents, seed {seed}, {rows[0].runs} paired games per "
        "faction; p: exact one-sided McNemar test on the pairs whose winner differs",
        "",
        "| faction | standard wins | hard wins | difference | hard only / standard only "
        "| p (one-sided) | target met |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row.faction} | {100 * row.standard_wins / row.runs:.1f}% "
            f"| {100 * row.hard_wins / row.runs:.1f}% | {row.difference:+.1f} points "
            f"| {row.gains} / {row.losses} | {row.p_value:.1e} "
            f"| {'yes' if row.meets_target else 'no'} |"
        )
    return "\n".join(lines)
