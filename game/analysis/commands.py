"""The headless commands: ``simulate``, ``compare``, ``replay`` and ``bench``."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from game import __version__
from game.ai.policies import make_policy, parse_ai
from game.ai.utility import context
from game.analysis.batch import RunConfig, run_batch, run_batches, summarise
from game.analysis.compare import compare_summary, format_compare, independent_seed
from game.analysis.csvout import RunTable, write_runs_csv
from game.analysis.dask_pool import Workers
from game.analysis.runs import Loaded
from game.engine.record import GameRecord, record_game, replay
from game.engine.spec import GameSpec
from game.engine.state import State, initial_state
from game.engine.turn import play_quarter
from game.fileio import write_atomic


@dataclass(frozen=True)
class Outputs:
    """Where a batch command writes: the JSON summary, the per-run CSV, the HTML report."""

    out: Path | None = None
    csv: Path | None = None
    html: Path | None = None


@contextmanager
def progress_bar(games: int, quiet: bool, unit: str = "game") -> Iterator[Callable[[float], None]]:
    """A progress bar on stderr for ``games`` games, or other ``unit`` (none when quiet or for
    fewer than 200 games); yields the function a batch calls with the games' worth of
    quarters (or the units) just played."""
    with tqdm(
        total=games,
        unit=unit,
        disable=quiet or (unit == "game" and games < 200),
        file=sys.stderr,
        leave=False,
        bar_format="{l_bar}{bar}| {n:.0f}/{total} " + unit + "s [{elapsed}<{remaining}]",
    ) as bar:

        def advance(done: float) -> None:
            bar.update(min(done, games - bar.n))

        yield advance


def simulate(
    loaded: Loaded,
    runs: int,
    seed: int,
    ai: str,
    historicity: float,
    jobs: Workers,
    outputs: Outputs,
    quiet: bool = False,
) -> dict[str, Any]:
    """Run the batch, print its summary, and write the outputs asked for."""
    config = RunConfig(str(loaded.path), loaded.sha256, seed, runs, ai, historicity)
    with progress_bar(runs, quiet) as advance:
        summary, tables = simulated(loaded, config, jobs, advance)
    if not quiet:
        print(format_summary(summary))
    _write_outputs(outputs, summary, tables, [loaded], quiet)
    return summary


def simulated(
    loaded: Loaded,
    config: RunConfig,
    jobs: Workers,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, Any], list[RunTable]]:
    """The batch of ``config`` played: its summary (``--out``) and its runs (``--csv``)."""
    result = run_batch(loaded.spec, config, jobs, progress)
    return summarise(loaded.spec, config, result), [RunTable(loaded.spec, config, result)]


def compare(
    base: Loaded,
    other: Loaded,
    config: RunConfig,
    independent: bool,
    jobs: Workers,
    outputs: Outputs,
    quiet: bool = False,
) -> dict[str, Any]:
    """Run both arms through one pool of workers, print the comparison and write the outputs.
    ``config`` is BASE's; OTHER's differs by its scenario and, if independent, its seed."""
    with progress_bar(2 * config.runs, quiet) as advance:
        summary, tables = compared(base, other, config, independent, jobs, advance)
    if not quiet:
        print(format_compare(summary))
    _write_outputs(outputs, summary, tables, [base, other], quiet)
    return summary


def compared(
    base: Loaded,
    other: Loaded,
    config: RunConfig,
    independent: bool,
    jobs: Workers,
    progress: Callable[[float], None] | None = None,
) -> tuple[dict[str, Any], list[RunTable]]:
    """Both arms played through one pool: the comparison (``--out``) and the runs of both
    (``--csv``). ``config`` is BASE's; OTHER's differs by its scenario and, if independent,
    its seed."""
    other_seed = independent_seed(config.seed) if independent else config.seed
    other_config = replace(
        config, scenario=str(other.path), scenario_sha256=other.sha256, seed=other_seed
    )
    arms = [(base.spec, config), (other.spec, other_config)]
    base_result, other_result = run_batches(arms, jobs, progress)
    summary = compare_summary(
        (base.spec, config, base_result), (other.spec, other_config, other_result), not independent
    )
    tables = [
        RunTable(base.spec, config, base_result, "base"),
        RunTable(other.spec, other_config, other_result, "other"),
    ]
    return summary, tables


def _write_outputs(
    outputs: Outputs,
    summary: dict[str, Any],
    tables: list[RunTable],
    scenarios: list[Loaded],
    quiet: bool,
) -> None:
    """Write the JSON summary, the per-run CSV and the report, each only if asked for."""
    written = []
    if outputs.out is not None:
        write_atomic(outputs.out, summary_json(summary))
        written.append(outputs.out)
    if outputs.csv is not None:
        write_runs_csv(outputs.csv, tables)
        written.append(outputs.csv)
    if outputs.html is not None:
        from game.analysis.document import render_html
        from game.analysis.report import summary_document

        document = summary_document(summary, [s.source.model for s in scenarios], None)
        write_atomic(outputs.html, render_html(document))
        written.append(outputs.html)
    if written and not quiet:
        print("\n" + "\n".join(f"wrote {path}" for path in written))


def summary_json(summary: dict[str, Any]) -> str:
    """A batch's or a comparison's summary as the text ``--out`` writes."""
    return json.dumps(summary, indent=2, sort_keys=True) + "\n"


def sweep(
    loaded: Loaded,
    param_text: str,
    config: RunConfig,
    jobs: Workers,
    folder: Path,
    quiet: bool = False,
) -> list[Path]:
    """Check every value of ``--param`` first, then play a batch per value and write the
    table and charts into ``folder``."""
    from game.analysis.params import parse_param
    from game.analysis.sweep import prepare, run_sweep, write_sweep

    param = parse_param(param_text)
    prepared = prepare(loaded.source, param)
    with progress_bar(len(prepared) * config.runs, quiet) as advance:
        points = run_sweep(str(loaded.path), prepared, config, jobs, advance)
    paths = write_sweep(folder, param, points)
    if not quiet:
        for point in points:
            top = max(point.summary["winners"].items(), key=lambda kv: kv[1])
            share = 100 * top[1] / config.runs
            print(f"  {param.text}={point.value}: most wins {top[0]} {share:.1f}%")
        print("\n".join(f"wrote {path}" for path in paths))
    return paths


def format_summary(summary: dict[str, Any]) -> str:
    """The batch summary as text for the terminal."""
    runs = summary["runs"]
    lines = [
        f"{summary['scenario']} (sha256 {summary['scenario_sha256'][:12]}), "
        f"seed {summary['seed']}, {runs} runs, ai {summary['ai']}, "
        f"historicity {summary['historicity']}, version {summary['version']}",
        "",
        "Who won:",
    ]
    for name, count in sorted(summary["winners"].items(), key=lambda kv: -kv[1]):
        if count == 0:
            continue
        line = f"  {name:<10} {100 * count / runs:6.1f}%"
        if name in summary["outright_winners"]:
            outright = summary["outright_winners"][name]
            line += f"   (outright {100 * outright / runs:.1f}%)"
        lines.append(line)
    lines += ["", "Checkpoints (reached, on time, mean offset in quarters):"]
    for c in summary["checkpoints"]:
        offset = c["mean_offset_quarters"]
        shown = "   —" if offset is None else f"{offset:+5.1f}"
        lines.append(
            f"  {c['date']}  {100 * c['rate']:5.1f}%  {100 * c['on_time_rate']:5.1f}%  "
            f"{shown}  {c['title']}"
        )
    reached = summary["checkpoints_reached"]
    total = len(summary["checkpoints"])
    floor = max(1, total - 4)
    at_least = sum(v for k, v in reached.items() if int(k) >= floor)
    lines.append(f"\nRuns reaching at least {floor} of {total}: {100 * at_least / runs:.1f}%")
    return "\n".join(lines)


def replay_text(loaded: Loaded, seed: int, run: int, ai: str, historicity: float) -> dict[str, Any]:
    """Play run ``run`` of ``seed`` alone and return its record and quarter-by-quarter log."""
    spec = loaded.spec
    log: list[dict[str, Any]] = []
    choose = parse_ai(ai, spec.factions, historicity).choose_all
    record, state = record_game(spec, loaded.sha256, seed, run, ai, historicity, choose, log)
    return _replay_data(loaded, record, state, log)


def record_text(loaded: Loaded, record: GameRecord) -> dict[str, Any]:
    """Replay a game record (or a save's) and return it as ``replay_text`` does; raises
    ``ReplayMismatch`` (``RulesVersionError`` for other rules) if it does not replay."""
    log: list[dict[str, Any]] = []
    state = replay(loaded.spec, record, log, loaded.sha256)
    return _replay_data(loaded, record, state, log)


def _replay_data(
    loaded: Loaded, record: GameRecord, state: State, log: list[dict[str, Any]]
) -> dict[str, Any]:
    from game.engine.outcome import SPLIT, decide

    spec = loaded.spec
    outcome = decide(spec, state)
    winner = int(outcome.winner[0])
    return {
        "scenario": str(loaded.path),
        "scenario_sha256": loaded.sha256,
        "version": __version__,
        "seed": record.seed,
        "run": record.run_index,
        "ai": record.ai,
        "historicity": record.historicity,
        "winner": "split" if winner == SPLIT else spec.factions[winner],
        "outright": bool(outcome.outright[0]),
        "record": record.to_json(),
        "log": log,
    }


def format_replay(loaded: Loaded, data: dict[str, Any]) -> str:
    """A run told quarter by quarter: actions, events, votes with their reasons, checkpoints."""
    spec = loaded.spec
    lines = [
        f"Run {data['run']} of seed {data['seed']} ({data['ai']}, historicity "
        f"{data['historicity']}), {spec.title}; scenario {data['scenario']} "
        f"(sha256 {data['scenario_sha256'][:12]}), version {data['version']}"
    ]
    for entry in data["log"]:
        kind = entry["type"]
        if kind == "actions":
            lines.append(f"\n== {spec.quarter_labels[entry['turn']]} ==")
            for rnd, chosen in enumerate(entry["actions"]):
                acts = ", ".join(
                    f"{spec.factions[f]}: {spec.actions.labels[a]}" for f, a in enumerate(chosen)
                )
                lines.append(f"  round {rnd + 1}: {acts}")
        elif kind == "event":
            lines.append(f"  EVENT {entry['title']}: {entry['text']}")
        elif kind == "session":
            lines.append(f"  SESSION {entry['name']} ({entry['date']})")
        elif kind == "vote":
            lines.extend(_format_vote(entry))
        elif kind == "withdrawn":
            lines.append(
                f"    motion '{entry['title']}' withdrawn by {entry['sponsor'] or 'nobody'}: "
                f"expected {entry['expected']:.0%} yes, needed {entry['needed']:.0%}"
            )
        elif kind == "checkpoint":
            lines.append(f"  HISTORY {entry['title']} (really {entry['date']})")
    lines.append(f"\nWinner: {data['winner']}{' (outright)' if data['outright'] else ''}")
    return "\n".join(lines)


def _format_vote(entry: dict[str, Any]) -> list[str]:
    verdict = "carried" if entry["passed"] else "defeated"
    lines = [
        f"    motion '{entry['title']}' moved by {entry['sponsor'] or 'nobody'}: "
        f"{entry['yes']}-{entry['no']}, {verdict}"
    ]
    for bloc in entry["blocs"]:
        if bloc["size"] == 0:
            continue
        top = sorted(bloc["terms"].items(), key=lambda kv: -abs(kv[1]))[:3]
        reasons = ", ".join(f"{name} {value:+.2f}" for name, value in top)
        lines.append(
            f"      {bloc['name']:<28} {bloc['yes']:>4} yes {bloc['no']:>4} no  ({reasons})"
        )
    return lines


def bench(loaded: Loaded, scenario_arg: str, runs: int) -> str:
    """Time the cold batch command, one standard and one hard decision in a single game, and
    the learning environments' env-steps per second (``game.envs.bench``)."""
    command = [
        sys.executable,
        "-m",
        "game",
        "simulate",
        scenario_arg,
        "--runs",
        str(runs),
        "--seed",
        "1",
        "--ai",
        "standard",
        "--quiet",
    ]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    cold = time.perf_counter() - start
    spec = loaded.spec
    state = initial_state(spec, 1, np.array([0]))
    policy = parse_ai("standard", spec.factions, 1.0)
    for _ in range(8):
        play_quarter(spec, state, policy.choose_all)
    repeats = 200
    start = time.perf_counter()
    for _ in range(repeats):
        policy.choose_all(spec, state, 0)
    decision_ms = (time.perf_counter() - start) / repeats / spec.n_factions * 1000
    return (
        f"simulate --runs {runs} --ai standard (cold, all cores): {cold:.2f} s, "
        f"{runs / cold:,.0f} games/s\n"
        f"one standard decision, single game, {spec.quarter_labels[state.turn]}: "
        f"{decision_ms:.2f} ms\n"
        f"hard decision: {hard_decision_ms(spec, state):.0f} ms\n"
        f"{learning_env_rates(spec)}"
    )


def learning_env_rates(spec: GameSpec) -> str:
    """The learning environments' env-steps per second (``game.envs.bench``), or why they
    were not measured."""
    try:
        from game.envs.bench import bench_envs
    except ImportError as error:
        return f"learning environments: not measured ({error})"
    return bench_envs(spec)


def bench_compare(scenario_arg: str, other_arg: str, runs: int) -> str:
    """Time ``compare`` of two scenarios at ``runs`` runs each as a cold command on all
    cores: the wall-clock time and the CPU time of every process (the machine may be shared,
    so the wall clock alone says little)."""
    command = [sys.executable, "-m", "game", "compare", scenario_arg, other_arg, "--runs",
               str(runs), "--seed", "1", "--ai", "standard", "--quiet"]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (
        f"compare --runs {runs} (two arms, {2 * runs:,} games, cold, all cores): "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU over all processes, {2 * runs / wall:,.0f} games/s"
    )


def hard_decision_ms(spec: GameSpec, state: State) -> float:
    """The slowest of the four factions' ``hard`` decisions from one single-game position,
    in milliseconds (the best of three timings each)."""
    ctx = context(spec, state)
    policy = make_policy("hard", 1.0)
    slowest = 0.0
    for f in range(spec.n_factions):
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            policy.choose(spec, state, f, 0, ctx)
            timings.append(time.perf_counter() - start)
        slowest = max(slowest, min(timings))
    return 1000.0 * slowest
