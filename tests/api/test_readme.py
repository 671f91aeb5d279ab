"""The README's "Python API" section runs: its ``python`` blocks, in order, in one namespace,
from the repository's root, so that its examples cannot go stale; and ``import game`` stays
light while every name of ``game.__all__`` is there."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import game

from .conftest import ROOT

SECTION = "## Python API"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def api_examples() -> list[str]:
    """The ``python`` code blocks of the README's "Python API" section, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n{SECTION}\n")
    end = text.find("\n## ", start + len(SECTION) + 2)
    return BLOCK.findall(text[start : end if end >= 0 else len(text)])


def test_the_section_has_examples_of_every_part_of_the_api() -> None:
    code = "\n".join(api_examples())
    names = ["game.load(", "game.simulate(", "game.compare(", "game.Game(", ".to_pandas()"]
    names += [".to_json()", ".step(", ".clone()", ".to_record()", "Game.from_record("]
    for name in names:
        assert name in code, name


def test_the_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    namespace: dict[str, object] = {"__name__": "readme"}
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        for number, block in enumerate(api_examples()):
            exec(compile(block, f"README.md, Python API block {number + 1}", "exec"), namespace)
    finally:
        os.chdir(before)
    printed = capsys.readouterr().out
    assert "stalin" in printed and "('stalin',) 1922Q2" in printed


def test_import_game_stays_light() -> None:
    """``import game`` (and so ``python -m game``'s start) loads neither the API nor numpy."""
    code = (
        "import game, sys; print(sorted(m for m in sys.modules if m.startswith(('game', 'numpy'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.strip() == "['game']"


def test_every_public_name_is_there() -> None:
    assert set(game.__all__) >= {"load", "simulate", "compare", "Game", "Scenario", "Batch"}
    for name in game.__all__:
        assert getattr(game, name) is not None
    assert callable(game.load) and isinstance(game.Game, type)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        game.nothing  # type: ignore[attr-defined]  # noqa: B018
