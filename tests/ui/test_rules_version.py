"""The window's load screen refuses a save made under other rules with a message naming the
version that made it, and stays where it was; nothing is changed."""

from __future__ import annotations

import json

from game.analysis.runs import load
from game.engine.record import RULES_VERSION
from game.play.match import Match, Setup
from game.play.saves import write_save

from .conftest import SHORT, Driver


def test_the_load_screen_refuses_an_old_save(driver: Driver) -> None:
    d = driver
    path = write_save(Match(load(SHORT), Setup(SHORT, ("trotsky",))), "old")
    document = json.loads(path.read_text())
    document.update(rules_version=1, label="a game of the first rules")
    path.write_text(json.dumps(document))
    before = path.read_bytes()
    d.click("Load a game")
    assert d.screen == "saves"
    d.click("old: a game of the first rules")
    assert d.screen == "saves" and d.app.match is None
    message = d.app.message or ""
    assert f"made by rules version 1; this is rules version {RULES_VERSION}" in message
    assert path.read_bytes() == before
