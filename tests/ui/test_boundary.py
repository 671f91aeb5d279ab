"""The window at the boundary: the Saves screen lists whatever the saves folder holds (a link
to nothing, a loop of links, a pipe, saves with an action of 10**30, a null action, deep
nesting or no state hashes) without failing, and loading any of them is refused with a
message while the window stays in the menus and nothing changes; ``play --seed`` is the seed
of the game the New game screen starts."""

from __future__ import annotations

import json
import os

import pygame

from game.analysis.runs import load
from game.play.match import Match, Setup
from game.play.saves import saves_dir, write_save
from game.ui import Options

from .conftest import SHORT, Driver


def _hostile_saves() -> dict[str, str]:
    """Saves the window must refuse, by name, and a word of the message each must give."""
    folder = saves_dir()
    good = write_save(Match(load(SHORT), Setup(SHORT, ("trotsky",))), "good")
    match = Match(load(SHORT), Setup(SHORT, ("trotsky",)))
    match.resolve()
    document = json.loads(write_save(match, "played").read_text())
    text = json.dumps(document)
    (folder / "huge.json").write_text(
        text.replace('"actions": [[[', '"actions": [[[1' + "0" * 30 + ", ", 1)
    )
    (folder / "null.json").write_text(json.dumps({**document, "actions": [[[None, 0], [0, 0]]]}))
    (folder / "deep.json").write_text(text.replace('"actions": [', '"actions": ' + "[" * 5000, 1))
    (folder / "unhashed.json").write_text(json.dumps({**document, "hashes": []}))
    (folder / "dangling.json").symlink_to("nowhere.json")
    (folder / "loop.json").symlink_to("loop2.json")
    (folder / "loop2.json").symlink_to("loop.json")
    os.mkfifo(folder / "pipe.json")
    (folder / "played.json").unlink()
    assert good.exists()
    return {
        "huge": "too large",
        "null": "got null",
        "deep": "nesting deeper",
        "unhashed": "state hashes",
        "dangling": "does not exist",
        "loop": "loop of symbolic links",
        "pipe": "not a regular file",
    }


def _listing() -> dict[str, tuple[int, int, int]]:
    """What the saves folder holds: each entry's kind, size and time of change."""
    return {
        p.name: (p.lstat().st_mode, p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in saves_dir().iterdir()
    }


def test_the_saves_screen_survives_and_refuses_hostile_saves(driver: Driver) -> None:
    d = driver
    refusals = _hostile_saves()
    before = _listing()
    d.key(pygame.K_l)
    assert d.screen == "saves"
    listed = d.buttons()
    for name, word in refusals.items():
        assert any(label.startswith(f"{name}: ") for label in listed), (name, listed)
        d.click(f"{name}: ")
        assert d.screen == "saves" and d.app.match is None, name
        message = d.app.message or ""
        assert message.startswith(f"The save {name}.json cannot be used: ") and word in message
    assert _listing() == before
    d.click("good: ")
    assert d.screen == "board" and d.app.match is not None


def test_a_new_game_takes_the_seed_of_the_command_line(driver: Driver) -> None:
    d = driver
    d.app.options = Options(SHORT, seed=4711)
    d.app.class_seed = 4711  # what the window takes from play --seed when it opens
    d.key(pygame.K_n)
    assert d.screen == "new_game"
    d.key(pygame.K_RETURN)
    assert d.screen == "board"
    match = d.app.match
    assert match is not None and match.setup.seed == 4711
    assert match.state.seed == 4711
