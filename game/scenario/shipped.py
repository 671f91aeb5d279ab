"""``heirs scenarios``: the shipped scenarios listed by their ``builtin:`` names, and copied out
into a folder for editing (the tree as shipped: the campaign, its ablations, counterfactuals
and exercises, and the schema, so that their relative ``extends`` and ``$schema`` still hold).

A copy never overwrites a file unless asked (``--force``), and never writes into the shipped
folder itself; every file goes through the one atomic writer (``game.fileio``)."""

from __future__ import annotations

from pathlib import Path

from game.boundary.files import check_folder, read_input
from game.fileio import OutputRefused, write_atomic
from game.limits import SCENARIO_BYTES
from game.resources import BUILTIN, SCHEMA, scenarios_dir, shipped_scenarios


def list_command() -> int:
    """``heirs scenarios list``: one ``builtin:`` name a line."""
    for name in shipped_scenarios():
        print(f"{BUILTIN}{name}")
    return 0


def export_command(folder: Path, force: bool) -> list[Path]:
    """Copy every shipped scenario and the schema into ``folder`` (made if missing); return
    the files written. ``OutputRefused`` before anything is written if ``folder`` is the shipped
    folder or, without ``force``, if any of the files is already there."""
    check_folder(folder, "DIR")
    source = scenarios_dir()
    if folder.exists() and folder.resolve() == source.resolve():
        raise OutputRefused(f"{folder} is the shipped scenarios' folder; name another")
    names = [*shipped_scenarios(), SCHEMA]
    there = [folder / name for name in names if (folder / name).exists()]
    if there and not force:
        more = f" (and {len(there) - 1} more of the {len(names)} files)" if len(there) > 1 else ""
        raise OutputRefused(f"{there[0]} exists{more}; give --force to overwrite")
    for name in names:
        write_atomic(folder / name, read_input(source / name, SCENARIO_BYTES, "a shipped file"))
    return [folder / name for name in names]
