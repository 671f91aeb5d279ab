"""The player's settings and where this program keeps its files: saves and settings live in
the user's data folder (platformdirs), or in ``$HEIRS_DATA_DIR`` when set (tests use it)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from game.boundary.files import check_folder
from game.boundary.jsondoc import read_json
from game.boundary.refusal import Refused, printable
from game.fileio import write_atomic
from game.limits import SETTINGS_BYTES

DATA_ENV = "HEIRS_DATA_DIR"
AI_SPEEDS = ("slow", "normal", "fast", "instant")
TEXT_SIZES = ("small", "normal", "large")  # the theme's text scales (game.ui.theme)
PALETTES = ("poster", "colour-blind")  # the theme's palettes (game.ui.theme)
SIZES = {"width": (960, 7680), "height": (600, 4320)}  # the window, in pixels


def data_dir() -> Path:
    """The folder for saves and settings: ``$HEIRS_DATA_DIR`` when set, else the user's data
    folder. ``Refused`` for a ``HEIRS_DATA_DIR`` that is not a folder (a file, a device, a
    loop of links, a name in no encoding or too long): nothing would be saved there."""
    override = os.environ.get(DATA_ENV)
    if not override:
        return Path(user_data_dir("heirs-of-lenin", appauthor=False))
    if printable(override) != override:
        message = "not a folder name this program can use (no encoding, or control characters)"
        raise Refused.file(printable(override[:200]), message, DATA_ENV)
    return check_folder(Path(override), DATA_ENV)


_CHOICES: dict[str, tuple[str, ...]] = {
    "text_size": TEXT_SIZES,
    "palette": PALETTES,
    "ai_speed": AI_SPEEDS,
}


@dataclass
class Settings:
    """What the settings screen changes. Unknown or broken values fall back to defaults."""

    width: int = 1280
    height: int = 720
    fullscreen: bool = False
    text_size: str = "normal"
    palette: str = "poster"
    guided: bool = True
    ai_speed: str = "normal"

    @classmethod
    def load(cls) -> Settings:
        """The saved settings, or the defaults if there are none or they cannot be read; each
        value of the wrong type or out of bounds falls back to its default."""
        try:
            raw = read_json(data_dir() / "settings.json", "a settings file", SETTINGS_BYTES).data
        except Refused:
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = raw.get(f.name) if isinstance(raw, dict) else None
            default = getattr(defaults, f.name)
            values[f.name] = value if _acceptable(f.name, value, default) else default
        return cls(**values)

    def save(self) -> None:
        write_atomic(data_dir() / "settings.json", json.dumps(asdict(self), indent=1) + "\n")


def _acceptable(name: str, value: Any, default: Any) -> bool:
    """A setting's value is of its default's type and within its bounds or choices."""
    if type(value) is not type(default):
        return False
    if name in SIZES:
        low, high = SIZES[name]
        return bool(low <= value <= high)
    return name not in _CHOICES or value in _CHOICES[name]
