"""Every model constant the engine reads exists in the scenario format, and every constant the
format offers is read: a typo in ``k["..."]`` would otherwise only fail in the one branch that
reads it."""

from __future__ import annotations

import re
from pathlib import Path

from game.scenario.models import Constants

GAME = Path(__file__).resolve().parents[2] / "game"
READ = re.compile(r"""\bk\[["']([a-z_]+)["']\]|rules\.k\[["']([a-z_]+)["']\]""")
INDIRECT = re.compile(r'"(testament_[a-z_]+)"')


def _names_read() -> set[str]:
    names: set[str] = set()
    for path in GAME.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in READ.finditer(text):
            names.add(match.group(1) or match.group(2))
        names.update(m for m in INDIRECT.findall(text) if m in Constants.model_fields)
    return names


def test_every_constant_read_is_defined() -> None:
    """The engine asks only for constants the format defines."""
    assert _names_read() <= set(Constants.model_fields)


def test_every_defined_constant_is_read() -> None:
    """No constant in the format is dead."""
    assert set(Constants.model_fields) <= _names_read()
