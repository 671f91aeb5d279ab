"""The command line: parse arguments and hand each subcommand to the module that does the work.

Nothing heavy is imported at module level, so ``--help`` and ``validate`` start fast, and
pygame is imported only by ``play``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from game import __version__

SCENARIOS_DIR = Path(__file__).resolve().parent.parent / "scenarios"
DEFAULT_SCENARIO = SCENARIOS_DIR / "1922_succession.yaml"
SCHEMA_PATH = SCENARIOS_DIR / "scenario.schema.json"

Handler = Callable[[argparse.Namespace], int]


def _cmd_validate(args: argparse.Namespace) -> int:
    from game.scenario.loader import validate_command

    return validate_command(args.paths)


def _cmd_schema(args: argparse.Namespace) -> int:
    from game.scenario.schema_export import write_schema

    write_schema(args.out)
    print(f"wrote {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, so that ``--help`` documents every subcommand."""
    parser = argparse.ArgumentParser(
        prog="heirs",
        description="Heirs of Lenin: the struggle to succeed Lenin, 1922-1929.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = sub.add_parser("validate", help="check scenario files and report every error")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.set_defaults(handler=_cmd_validate)

    schema = sub.add_parser("schema", help="write the JSON Schema of scenario files")
    schema.add_argument("--out", type=Path, default=SCHEMA_PATH, help="default: %(default)s")
    schema.set_defaults(handler=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
