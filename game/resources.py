"""Where the data the program ships is found: the scenarios (with their schema) and the fonts.

``scenarios/`` and ``assets/`` stay at the top of the repository; the build maps them into the
package as ``game/_data/scenarios`` and ``game/_data/assets`` (``setup.py``, ``pyproject.toml``),
so an installed wheel finds them with ``importlib.resources``. A checkout (and an editable
install, whose import hook maps only ``game``) has no ``game/_data``: there they are read where
they are, beside the package.

A shipped scenario can be named from anywhere as ``builtin:NAME``, NAME being its path within
``scenarios/`` (``builtin:1922_succession.yaml``, ``builtin:ablations/no_apparatus.yaml``): on
the command line, in ``extends:`` and in an exercise's ``scenario:``. Only the names of the
shipped files are taken; anything else (``builtin:../x.yaml``, a typo) is left as it is and
refused by ``game.boundary.files.resolve_input`` like a missing file.
"""

from __future__ import annotations

import os
from functools import cache
from importlib.resources import files
from pathlib import Path

BUILTIN = "builtin:"
CAMPAIGN = "1922_succession.yaml"
SCHEMA = "scenario.schema.json"
_CHECKOUT = Path(__file__).resolve().parent.parent


def packaged() -> bool:
    """Whether the data comes from the package (an installed wheel), not from a checkout."""
    return _packaged_root() is not None


def scenarios_dir() -> Path:
    """The folder of the shipped scenarios."""
    return _data("scenarios")


def fonts_dir() -> Path:
    """The folder of the shipped fonts."""
    return _data("assets") / "fonts"


def schema_path() -> Path:
    """The shipped JSON Schema of scenario files."""
    return scenarios_dir() / SCHEMA


def campaign() -> Path:
    """The 1922 campaign, the default scenario of every command."""
    return scenarios_dir() / CAMPAIGN


@cache
def shipped_scenarios() -> tuple[str, ...]:
    """The ``builtin:`` names of the shipped scenarios, exercises and sensitivity analyses
    (paths within the scenarios folder, ``/``-separated), sorted."""
    root = scenarios_dir()
    return tuple(sorted(p.relative_to(root).as_posix() for p in root.rglob("*.yaml")))


def is_builtin(name: str | Path) -> bool:
    """Whether ``name`` is written as a ``builtin:`` name (shipped or not)."""
    return str(name).startswith(BUILTIN)


def resolve_name(name: str | Path) -> Path:
    """The file a name given by a user means: a shipped scenario's file for a ``builtin:``
    name of one, else ``name`` as a path (an unknown ``builtin:`` name is refused when read)."""
    text = str(name)
    if is_builtin(text) and text[len(BUILTIN) :] in shipped_scenarios():
        return scenarios_dir() / text[len(BUILTIN) :]
    return Path(name)


def beside(base: Path, name: str) -> Path:
    """The file a reference ``name`` in the file ``base`` means: a ``builtin:`` name, or a
    path relative to ``base``'s folder (normalised: ``a/../b`` is ``b``)."""
    return resolve_name(name) if is_builtin(name) else Path(os.path.normpath(base.parent / name))


def _data(kind: str) -> Path:
    """The folder ``kind`` (``scenarios`` or ``assets``): packaged, else the checkout's."""
    root = _packaged_root()
    return (root if root is not None else _CHECKOUT) / kind


@cache
def _packaged_root() -> Path | None:
    """``game/_data`` of an installed package (a folder on disk), or None in a checkout."""
    root = files("game") / "_data"
    return Path(str(root)) if root.is_dir() else None
