"""The command line: parse arguments and hand each subcommand to the module that does the work.

Nothing heavy is imported at module level, so ``--help`` and ``validate`` start fast, and
pygame is imported only by ``play`` (the default command) and ``bench --ui``.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.analysis.commands import Outputs
    from game.analysis.dask_pool import Workers
    from game.analysis.runs import Loaded
    from game.scenario.analysis_file import AnalysisFile

from game import __version__
from game.boundary import args as numbers
from game.boundary.refusal import Refused, printable
from game.fileio import STDOUT, OutputRefused, check_outputs, data_on_stdout
from game.limits import MAX_GAMES, MAX_RUNS, MAX_SEED
from game.resources import campaign, packaged, resolve_name, scenarios_dir, schema_path

DEFAULT_SCENARIO = campaign()
SCENARIO_HELP = "a scenario file or a shipped scenario (builtin:NAME, see 'scenarios list')"

Handler = Callable[[argparse.Namespace], int]
SEED_RANGE = f"0 to 2**63-1 ({MAX_SEED:,})"
SEED_HELP = f"{SEED_RANGE}; default: 1"
JOBS_HELP = (
    f"worker processes (default and at most: the {numbers.cores()} cores); never changes results"
)


class UsageError(Exception):
    """A flag's value is wrong: reported like argparse's own errors, with the usage line."""


def _cmd_validate(args: argparse.Namespace) -> int:
    from game.scenario.loader import validate_command

    return validate_command(args.paths)


def _scenario(text: str) -> Path:
    """A scenario named on the command line: a path, or ``builtin:NAME`` for a shipped one
    (an unknown name is refused when it is read, like a missing file)."""
    return resolve_name(text)


def _cmd_schema(args: argparse.Namespace) -> int:
    from game.scenario.schema_export import write_schema

    if args.out is None:
        raise UsageError("name where to write the schema: --out FILE (- for standard output)")
    _check_outputs(args, ["out"])
    write_schema(args.out)
    print(f"wrote {args.out}")
    return 0


def _load(path: Path) -> Loaded:
    from game.analysis.runs import load

    return load(path)


def _check_ai(args: argparse.Namespace, factions: tuple[str, ...]) -> None:
    """Refuse a bad ``--ai`` with a usage message (exit 2)."""
    from game.ai.policies import parse_ai

    try:
        parse_ai(args.ai, factions, args.historicity)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _check_games(arms: int, runs: int) -> None:
    """Refuse a command whose batches together would hold more than ``MAX_GAMES`` games."""
    if arms * runs > MAX_GAMES:
        raise UsageError(
            f"{arms} batches of {runs:,} runs are more than the {MAX_GAMES:,} games one command "
            "may hold; give fewer --runs"
        )


def _outputs(args: argparse.Namespace) -> Outputs:
    from game.analysis.commands import Outputs

    return Outputs(args.out, args.csv, args.html)


def _cmd_scenarios(args: argparse.Namespace) -> int:
    from game.scenario.shipped import export_command, list_command

    if args.action == "list":
        return list_command()
    if args.dir is None:
        raise UsageError("scenarios export: name the folder to copy them into (DIR)")
    written = export_command(args.dir, args.force)
    if not args.quiet:
        print(f"wrote {len(written)} files into {args.dir}")
    return 0


def _cmd_simulate(args: argparse.Namespace) -> int:
    from game.analysis.commands import simulate

    loaded = _load(args.scenario)
    _check_ai(args, loaded.spec.factions)
    _check_outputs(args, ["out", "csv", "html"], loaded)
    simulate(
        loaded,
        args.runs,
        args.seed,
        args.ai,
        args.historicity,
        _workers(args),
        _outputs(args),
        args.quiet,
    )
    return 0


def _workers(args: argparse.Namespace) -> Workers:
    """Where a batch command's games are played: ``--dask``'s cluster, else ``--jobs``
    local processes (a malformed address is refused at once, exit 2)."""
    from game.analysis.dask_pool import Dask

    workers: Workers = Dask(args.dask) if args.dask else args.jobs
    return workers


def _cmd_calibrate(args: argparse.Namespace) -> int:
    from game.analysis.calibrate import main as calibrate
    from game.analysis.calibrate import marked_block

    loaded = _load(args.scenario)
    _check_outputs(args, ["out"], loaded)
    if args.apply:
        marked_block(args.scenario)
    return calibrate(
        loaded.spec,
        args.scenario,
        args.seed,
        args.runs,
        args.budget,
        args.loo_budget,
        args.out,
        args.apply,
    )


def _cmd_decompose(args: argparse.Namespace) -> int:
    from game.analysis.decompose import arms_for, decompose_command

    _check_games(len(arms_for(args.focus)), args.runs)
    loaded = _load(args.scenario)
    _check_outputs(args, ["out", "md"], loaded)
    if args.focus not in loaded.spec.factions:
        raise UsageError(
            f"--focus {args.focus!r} is not a faction of {args.scenario}; choose from "
            + ", ".join(loaded.spec.factions)
        )
    decompose_command(
        loaded,
        args.runs,
        args.seed,
        args.historicity,
        args.focus,
        args.jobs,
        (args.out, args.md),
        args.quiet,
    )
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from game.analysis.batch import RunConfig
    from game.analysis.commands import compare

    base, other = _load(args.base), _load(args.other)
    _check_ai(args, base.spec.factions)
    _check_ai(args, other.spec.factions)
    _check_outputs(args, ["out", "csv", "html"], base, other)
    config = RunConfig(str(base.path), base.sha256, args.seed, args.runs, args.ai, args.historicity)
    compare(base, other, config, args.independent, _workers(args), _outputs(args), args.quiet)
    return 0


def _cmd_sweep(args: argparse.Namespace) -> int:
    from game.analysis.batch import RunConfig
    from game.analysis.commands import sweep
    from game.analysis.params import ParamError, parse_param

    try:
        _check_games(len(parse_param(args.param).values), args.runs)
    except ParamError as error:
        raise UsageError(str(error)) from None
    folder = _writable_folder(args.out_dir)
    loaded = _load(args.scenario)
    _check_ai(args, loaded.spec.factions)
    if folder.is_dir():
        names = ("sweep.csv", "sweep.json", "winners.png", "checkpoints.png")
        outputs = [("--out-dir", folder / name) for name in names]
        check_outputs(outputs, loaded.source.files)
    config = RunConfig(
        str(loaded.path), loaded.sha256, args.seed, args.runs, args.ai, args.historicity
    )
    try:
        sweep(loaded, args.param, config, _workers(args), folder, args.quiet)
    except ParamError as error:
        raise UsageError(str(error)) from None
    return 0


def _cmd_sensitivity(args: argparse.Namespace) -> int:
    from game.analysis.params import ParamError
    from game.analysis.sensitivity import parse_range
    from game.analysis.sensitivity_command import (
        FILES,
        Overrides,
        check_design,
        design_of,
        run_sensitivity,
    )

    try:
        ranges = [parse_range(text) for text in args.range]
    except ParamError as error:
        raise UsageError(str(error)) from None
    folder = _writable_folder(args.out_dir)
    loaded = _load(args.scenario)
    analysis = _analysis_file(args.analysis, loaded) if args.analysis else None
    given = Overrides(
        args.method,
        args.samples,
        args.runs,
        args.seed,
        args.ai,
        args.historicity,
        tuple(args.checkpoint),
    )
    design = design_of(ranges, analysis, given)
    _check_ai(
        argparse.Namespace(ai=design.ai, historicity=design.historicity), loaded.spec.factions
    )
    try:
        check_design(loaded, design)
    except ParamError as error:
        raise UsageError(str(error)) from None
    _check_games(design.points(), design.runs)
    if folder.is_dir():
        outputs = [("--out-dir", folder / name) for name in FILES]
        check_outputs(outputs, loaded.source.files)
    run_sensitivity(loaded, design, _workers(args), folder, args.quiet)
    return 0


def _analysis_file(path: Path, loaded: Loaded) -> AnalysisFile:
    """The analysis file, each range's path checked against the scenario."""
    from game.analysis.params import ParamError
    from game.analysis.sensitivity import Range, check_ranges
    from game.scenario.analysis_file import AnalysisRange, load_analysis

    def check(r: AnalysisRange) -> str | None:
        try:
            check_ranges(loaded.source, [Range(r.path, tuple(r.path.split(".")), r.low, r.high)])
        except ParamError as error:
            return str(error)
        return None

    return load_analysis(path, check)


def _writable_folder(folder: Path) -> Path:
    """``--out-dir``: a folder, or a name where one can be made."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out-dir {folder} is a file; name a folder")
    existing = folder.absolute()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK):
        raise UsageError(f"--out-dir {folder}: cannot write in {existing}")
    return folder


def _cmd_report(args: argparse.Namespace) -> int:
    from game.analysis.report_command import build_report, write_report

    if args.html is None and args.md is None:
        raise UsageError("name an output: --html FILE and/or --md FILE")
    if args.md == STDOUT:
        raise OutputRefused("--md -: the Markdown's charts are written beside it; name a file")
    inputs = [path for path in (args.file, args.exercise, args.scenario) if path is not None]
    check_outputs([("--html", args.html), ("--md", args.md)], inputs)
    document = build_report(args.file, args.exercise, args.scenario, args.runs, args.jobs, inputs)
    for path in write_report(document, args.html, args.md, inputs):
        print(f"wrote {path}")
    return 0


def _check_outputs(args: argparse.Namespace, flags: list[str], *read: Loaded) -> None:
    """Refuse, before any work, an output flag's file that cannot be written or is one of the
    files of the scenarios ``read`` (``game.fileio.check_outputs``)."""
    outputs = [(f"--{flag}", getattr(args, flag)) for flag in flags]
    check_outputs(outputs, [path for loaded in read for path in loaded.source.files])


def _data_on_stdout(args: argparse.Namespace) -> AbstractContextManager[None]:
    """Messages go to stderr while an output is written to standard output (``-``)."""
    named = [getattr(args, flag, None) for flag in ("out", "csv", "html", "md")]
    return data_on_stdout() if STDOUT in named else nullcontext()


def _cmd_replay(args: argparse.Namespace) -> int:
    import json

    from game.analysis.commands import format_replay, replay_text

    if (args.run is None) == (args.record is None):
        raise UsageError("give either --run I or --record FILE")
    if args.record is not None:
        loaded, data = _replay_record(args)
    else:
        loaded = _load(args.scenario)
        _check_ai(args, loaded.spec.factions)
        data = replay_text(loaded, args.seed, args.run, args.ai, args.historicity)
    print(json.dumps(data, indent=1) if args.json else format_replay(loaded, data))
    return 0


def _replay_record(args: argparse.Namespace) -> tuple[Loaded, dict[str, Any]]:
    """``replay --record FILE``: the game in a record or a save told again; one that cannot
    be replayed here is refused. The scenario is the one the file names, unless SCENARIO is
    given."""
    from game.analysis.report_game import read_game_file, replay_saved

    saved = read_game_file(args.record)
    if args.scenario == DEFAULT_SCENARIO and saved.scenario is not None:
        args.scenario = Path(saved.scenario)
    loaded = _load(args.scenario)
    return loaded, replay_saved(loaded, saved)


def _cmd_bench(args: argparse.Namespace) -> int:
    if args.ui:
        from game.ui.bench import bench_ui

        print(bench_ui(_load(args.scenario)))
        return 0
    if args.compare is not None:
        from game.analysis.commands import bench_compare

        _load(args.scenario)
        _load(args.compare)
        print(bench_compare(str(args.scenario), str(args.compare), args.runs))
        return 0
    from game.analysis.commands import bench

    print(bench(_load(args.scenario), str(args.scenario), args.runs))
    return 0


def _cmd_play(args: argparse.Namespace) -> int:
    """Open the window. Every argument is checked first, so a bad one gives a message and
    a non-zero exit without opening anything."""
    from game.play.saves import read_save
    from game.play.settings import data_dir

    data_dir()  # a HEIRS_DATA_DIR that is no folder is refused here
    loaded = _load(args.scenario)
    if args.faction is not None and args.faction not in loaded.spec.factions:
        raise UsageError(
            f"--faction {args.faction!r} is not a faction of {args.scenario}; choose from "
            + ", ".join(loaded.spec.factions)
        )
    if args.load is not None:
        read_save(args.load)
    if args.exercise is not None:
        from game.scenario.exercise import load_exercise

        load_exercise(args.exercise)  # a bad file: its problems, exit 2
    if args.seed is not None and args.seed < 0:
        raise UsageError(f"--seed must be 0 or more, not {args.seed}")
    if args.new and (args.load is not None or args.exercise is not None):
        raise UsageError("--new starts a new game: not with --load or --exercise")
    from game.ui import Options, run

    options = Options(
        args.scenario, args.faction, args.load, args.exercise, seed=args.seed, new=args.new
    )
    return run(options)


def _cmd_duel(args: argparse.Namespace) -> int:
    from game.analysis.duel import duel_command
    from game.boundary.args import cores

    spec = _load(args.scenario).spec
    factions = list(spec.factions) if args.factions is None else args.factions.split(",")
    unknown = [f for f in factions if f not in spec.factions]
    if unknown or not factions:
        raise UsageError(
            f"--factions names no faction {unknown[0] if unknown else ''!r}; factions: "
            + ", ".join(spec.factions)
        )
    if len(set(factions)) < len(factions):
        raise UsageError(f"--factions names a faction twice: {args.factions!r}")
    jobs = args.jobs or cores()
    print(duel_command(spec, args.seed, args.runs, factions, jobs))
    return 0


def _add_scenario_and_seed(parser: argparse.ArgumentParser, scenario: bool = True) -> None:
    """The optional SCENARIO (the campaign by default) and --seed every batch command takes."""
    if scenario:
        parser.add_argument(
            "scenario",
            nargs="?",
            type=_scenario,
            default=DEFAULT_SCENARIO,
            metavar="SCENARIO",
            help=f"{SCENARIO_HELP}; default: the 1922 campaign",
        )
    parser.add_argument("--seed", type=numbers.seed, default=1, help=SEED_HELP)


def _add_run_options(parser: argparse.ArgumentParser, scenario: bool = True) -> None:
    _add_scenario_and_seed(parser, scenario)
    parser.add_argument(
        "--ai",
        default="standard",
        help="random, standard, historical or hard (difficulties: easy, normal = standard, "
        "hard), for all or per faction: 'stalin=hard,default=standard' (default: %(default)s)",
    )
    _add_historicity(parser)


def _add_historicity(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--historicity",
        type=numbers.share,
        default=1.0,
        help="0..1, how strongly 'historical' follows the record (default: 1)",
    )


def _add_batch_options(
    parser: argparse.ArgumentParser, runs_help: str = "default: %(default)s", reports: bool = True
) -> None:
    """--runs, --jobs, --out and --quiet; with ``reports``, --csv and --html too."""
    parser.add_argument("--runs", type=numbers.runs, default=1000, help=runs_help)
    parser.add_argument("--jobs", type=numbers.jobs, default=None, help=JOBS_HELP)
    parser.add_argument("--out", type=Path, help="write the results as JSON")
    if reports:
        parser.add_argument("--csv", type=Path, help="write one row per run as CSV")
        parser.add_argument("--html", type=Path, help="write a report as one HTML file")
    parser.add_argument("--quiet", action="store_true", help="print nothing")


def _add_dask(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="play the games on a Dask cluster: a scheduler's address (tcp://host:8786), or "
        "'local' to start one worker per core here; results are the same as without it",
    )


def _add_sensitivity(sub: Any) -> None:
    sens = sub.add_parser(
        "sensitivity",
        help="which parameters decide who wins: Sobol' or Morris analysis with SALib",
        description="Draw every --range parameter uniformly between its bounds (Saltelli's "
        "sampling for Sobol', trajectories for Morris), with a dummy parameter that changes "
        "nothing as a noise check; play RUNS runs of the same seed at every point; write "
        "sensitivity.csv, sensitivity.json and sensitivity.png with first-order and total "
        "indices (Sobol') or mu* (Morris) and 95%% bootstrap intervals for each faction's win "
        "share, a split's, the outright share and each --checkpoint's. Options given here "
        "override the --analysis file's.",
    )
    _add_scenario_and_seed(sens)
    sens.set_defaults(seed=None)
    sens.add_argument(
        "--range",
        action="append",
        default=[],
        metavar="PATH=LOW,HIGH",
        help="a parameter and its bounds (sweep's path syntax); repeat",
    )
    sens.add_argument(
        "--analysis",
        type=_scenario,
        metavar="FILE",
        help="a ready-made analysis: a file, or a shipped one such as "
        "builtin:analyses/vote_and_apparatus.yaml",
    )
    sens.add_argument(
        "--method",
        choices=("sobol", "morris"),
        default=None,
        help="Sobol' indices, or a cheap Morris screen (default: sobol)",
    )
    sens.add_argument(
        "--samples",
        type=numbers.runs,
        default=None,
        help="Sobol': base samples N, N x (D+2) points; Morris: trajectories, "
        "D+1 points each (default: 512)",
    )
    sens.add_argument("--runs", type=numbers.runs, default=None, help="runs a point (default: 100)")
    sens.add_argument("--ai", default=None, help="as simulate's --ai (default: standard)")
    sens.add_argument(
        "--historicity",
        type=numbers.share,
        default=None,
        help="0..1, for 'historical' (default: 1)",
    )
    sens.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        metavar="ID",
        help="also measure the share of runs reaching this checkpoint; repeat",
    )
    sens.add_argument("--jobs", type=numbers.jobs, default=None, help=JOBS_HELP)
    _add_dask(sens)
    sens.add_argument(
        "--out-dir", type=Path, default=Path("sensitivity"), help="folder (default: %(default)s)"
    )
    sens.add_argument("--quiet", action="store_true", help="print nothing but errors")
    sens.set_defaults(handler=_cmd_sensitivity)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, so that ``--help`` documents every subcommand."""
    parser = argparse.ArgumentParser(
        prog="heirs",
        description="Heirs of Lenin: the struggle to succeed Lenin, 1922-1929.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = sub.add_parser("validate", help="check scenario files and report every error")
    validate.add_argument("paths", nargs="+", type=_scenario, metavar="PATH", help=SCENARIO_HELP)
    validate.set_defaults(handler=_cmd_validate)

    schema = sub.add_parser("schema", help="write the JSON Schema of scenario files")
    schema.add_argument(
        "--out",
        type=Path,
        default=None if packaged() else schema_path(),
        help="the file to write, - for standard output (default, in a checkout only: the "
        "committed scenarios/scenario.schema.json)",
    )
    schema.set_defaults(handler=_cmd_schema)

    scenarios = sub.add_parser(
        "scenarios",
        help="the shipped scenarios: list their builtin: names, or export them to edit",
        description="'list' prints the builtin: names of the shipped scenarios, class exercises "
        "and sensitivity analyses (a scenario of your own can say 'extends: "
        "builtin:1922_succession.yaml'; --analysis builtin:analyses/... reads a shipped "
        "analysis); 'export DIR' "
        "copies them, with the schema, into DIR, refusing to overwrite a file unless --force.",
    )
    scenarios.add_argument("action", choices=("list", "export"))
    scenarios.add_argument("dir", nargs="?", type=Path, metavar="DIR", help="export's folder")
    scenarios.add_argument("--force", action="store_true", help="overwrite files in DIR")
    scenarios.add_argument("--quiet", action="store_true", help="print nothing")
    scenarios.set_defaults(handler=_cmd_scenarios)

    simulate = sub.add_parser("simulate", help="play many headless games and compare with history")
    _add_run_options(simulate)
    _add_batch_options(simulate)
    _add_dask(simulate)
    simulate.set_defaults(handler=_cmd_simulate)

    calibrate = sub.add_parser(
        "calibrate",
        help="fit the vote model's constants to the recorded votes (historical play)",
        description="Fit the vote model's constants (game/analysis/calibrate.py lists them) to "
        "the scenario's history.votes under --ai historical --historicity 1, with the same runs "
        "at every evaluation; print the table and leave-one-out predictions.",
    )
    _add_scenario_and_seed(calibrate)
    calibrate.add_argument(
        "--runs", type=numbers.runs, default=128, help="runs per evaluation (default: %(default)s)"
    )
    calibrate.add_argument(
        "--budget",
        type=numbers.budget,
        default=200,
        help="evaluations for the fit (default: %(default)s)",
    )
    calibrate.add_argument(
        "--loo-budget",
        type=numbers.loo_budget,
        default=80,
        help="evaluations for each leave-one-out fit, 0 for none (default: %(default)s)",
    )
    calibrate.add_argument("--out", type=Path, help="write the calibration record (YAML)")
    calibrate.add_argument(
        "--apply",
        action="store_true",
        help="write the fitted values into the scenario's marked rules block",
    )
    calibrate.set_defaults(handler=_cmd_calibrate)

    decompose = sub.add_parser(
        "decompose",
        help="who wins and what made each checkpoint true, with the record followed by all, "
        "by one faction, by his rivals or by none, with and without the apparatus",
    )
    _add_scenario_and_seed(decompose)
    _add_historicity(decompose)
    decompose.add_argument(
        "--focus",
        default="stalin",
        help="the faction whose play is set apart from his rivals' (default: %(default)s)",
    )
    _add_batch_options(decompose, runs_help="per arm (default: %(default)s)", reports=False)
    decompose.add_argument("--md", type=Path, help="write the tables as Markdown")
    decompose.set_defaults(handler=_cmd_decompose)

    compare = sub.add_parser(
        "compare",
        help="two scenarios side by side: differences, 95%% intervals, Holm's correction",
        description="Run BASE and OTHER with the same seeds (common random numbers: run i of "
        "both uses the draws of (seed, i), analysed as paired) and report who wins and each "
        "checkpoint's rate and timing in each, every difference OTHER - BASE with its 95%% "
        "interval, and which differences survive Holm's correction at family-wise alpha 0.05.",
    )
    compare.add_argument("base", type=_scenario, metavar="BASE", help="the reference scenario")
    compare.add_argument("other", type=_scenario, metavar="OTHER", help="the changed scenario")
    _add_run_options(compare, scenario=False)
    _add_batch_options(compare)
    _add_dask(compare)
    compare.add_argument(
        "--independent",
        action="store_true",
        help="run OTHER with seed S+1 and analyse the arms as independent samples",
    )
    compare.set_defaults(handler=_cmd_compare)

    sweep = sub.add_parser(
        "sweep",
        help="one scenario parameter over a list or range of values: CSV and charts",
        description="Play a batch for each value of one scenario parameter (same seed for "
        "every value) and write sweep.csv, sweep.json, winners.png and checkpoints.png. "
        "PATH is dotted, lists by id or position: rules.constants.machine_fear, "
        "factions.trotsky.popularity, events.lenin_dies.window (alias lenin.death). VALUES: "
        "1,2,3.5 or 0.3..0.9:0.1 (inclusive, step) or 1924Q1..1927Q4 (one per quarter; a "
        "quarter sets both ends of a window and moves the event's date with it).",
    )
    _add_run_options(sweep)
    sweep.add_argument("--param", required=True, metavar="PATH=VALUES", help="what to vary")
    sweep.add_argument(
        "--runs", type=numbers.runs, default=1000, help="per value (default: %(default)s)"
    )
    sweep.add_argument("--jobs", type=numbers.jobs, default=None, help=JOBS_HELP)
    _add_dask(sweep)
    sweep.add_argument(
        "--out-dir", type=Path, default=Path("sweep"), help="folder (default: %(default)s)"
    )
    sweep.add_argument("--quiet", action="store_true", help="print nothing")
    sweep.set_defaults(handler=_cmd_sweep)

    _add_sensitivity(sub)

    report = sub.add_parser(
        "report",
        help="a report (HTML, Markdown) of a batch, a comparison or a saved game",
        description="FILE is what simulate --out or compare --out wrote, or a saved game (a "
        "game record as JSON, alone with a 'scenario' key or inside a mapping with 'record' "
        "and 'scenario' keys, as replay --json writes). A saved game is set against --runs "
        "runs of the same scenario, seed and policies.",
    )
    report.add_argument("file", type=Path, metavar="FILE")
    report.add_argument("--html", type=Path, help="write one self-contained HTML file")
    report.add_argument("--md", type=Path, help="write Markdown (charts as PNG files beside it)")
    report.add_argument(
        "--exercise", type=_scenario, help="an exercise file: its debrief questions"
    )
    report.add_argument(
        "--scenario", type=_scenario, help="the scenario file, if not the one named"
    )
    report.add_argument("--runs", type=numbers.runs, default=1000, help="default: %(default)s")
    report.add_argument("--jobs", type=numbers.jobs, default=None, help=JOBS_HELP)
    report.set_defaults(handler=_cmd_report)

    replay = sub.add_parser("replay", help="tell one run quarter by quarter")
    _add_run_options(replay)
    replay.add_argument(
        "--run",
        type=numbers.run_index,
        help=f"the run index within the seed (0 to {MAX_RUNS - 1:,})",
    )
    replay.add_argument("--json", action="store_true", help="print the record and log as JSON")
    replay.add_argument(
        "--record",
        type=Path,
        metavar="FILE",
        help="tell the game in FILE instead (a record, as --json writes, or a saved game); "
        "one made under other rules is refused",
    )
    replay.set_defaults(handler=_cmd_replay)

    bench = sub.add_parser("bench", help="measure games per second and decision time")
    bench.add_argument("scenario", nargs="?", type=_scenario, default=DEFAULT_SCENARIO)
    bench.add_argument("--runs", type=numbers.runs, default=10000, help="default: %(default)s")
    bench.add_argument(
        "--ui", action="store_true", help="time the window's frames instead (headless)"
    )
    bench.add_argument(
        "--compare",
        type=_scenario,
        nargs="?",
        const=scenarios_dir() / "ablations" / "no_apparatus.yaml",
        metavar="OTHER",
        help="time 'compare SCENARIO OTHER' at --runs runs each instead "
        "(OTHER default: the no_apparatus ablation)",
    )
    bench.set_defaults(handler=_cmd_bench)

    play = sub.add_parser("play", help="open the game window (the default command)")
    play.add_argument(
        "--scenario",
        type=_scenario,
        default=DEFAULT_SCENARIO,
        help=f"{SCENARIO_HELP}; default: the 1922 campaign",
    )
    play.add_argument("--faction", help="the faction you lead (default: chosen in the window)")
    play.add_argument("--load", type=Path, metavar="SAVE", help="a saved game to open")
    play.add_argument(
        "--exercise",
        type=_scenario,
        metavar="FILE",
        help="a class exercise to start (scenarios/exercises/*.yaml, or "
        "builtin:exercises/NAME.yaml); its end screen writes "
        "the report",
    )
    play.add_argument(
        "--seed",
        type=numbers.seed,
        help="the dice of every new game in this window, so that a class's groups meet the "
        f"same chances ({SEED_RANGE}; default: fresh dice for each game)",
    )
    play.add_argument(
        "--new",
        action="store_true",
        help="start a new game at once (the faction of --faction, or the scenario's first), "
        "as the new-game screen would with its defaults",
    )
    play.set_defaults(handler=_cmd_play)

    duel = sub.add_parser(
        "duel", help="win rates of each faction played by hard against standard opponents"
    )
    duel.add_argument("scenario", nargs="?", type=_scenario, default=DEFAULT_SCENARIO)
    duel.add_argument("--seed", type=numbers.seed, default=1, help=SEED_HELP)
    duel.add_argument(
        "--runs", type=numbers.runs, default=300, help="games per faction (default: 300)"
    )
    duel.add_argument("--factions", help="comma-separated (default: every faction)")
    duel.add_argument("--jobs", type=numbers.jobs, default=None, help=JOBS_HELP)
    duel.set_defaults(handler=_cmd_duel)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code: 0 done, 2 a refused input (each
    problem on its own line of standard error, ``file:line:col: path: message``), 1 an
    input or output failure (one line)."""
    for stream in (sys.stdout, sys.stderr):  # a name in no encoding is printed escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:  # bare ``python -m game`` opens the game
        args = parser.parse_args(["play"])
        handler = _cmd_play
    from game.analysis.dask_pool import DaskError
    from game.stopping import exit_code, signal_name, stop_on_signals

    try:
        with stop_on_signals(), _data_on_stdout(args):
            return handler(args)
    except UsageError as error:
        parser.error(printable(str(error)))
    except Refused as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    except (OutputRefused, DaskError) as error:
        print(printable(f"heirs: error: {error}"), file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of standard output went away
        sys.stderr.close()
        return 0
    except OSError as error:
        print(printable(f"heirs: error: {error}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt as error:  # Ctrl-C or SIGTERM (``game.stopping``)
        print(
            f"heirs: stopped by {signal_name(error)}; unfinished outputs are not written",
            file=sys.stderr,
        )
        return exit_code(error)
