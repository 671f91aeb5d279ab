"""The player's settings and where this program keeps its files: saves and settings live in
the user's data folder (platformdirs), or in ``$HEIRS_DATA_DIR`` when set (tests use it)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from game.fileio import write_atomic

DATA_ENV = "HEIRS_DATA_DIR"
AI_SPEEDS = ("slow", "normal", "fast", "instant")


def data_dir() -> Path:
    """The folder for saves and settings."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else Path(user_data_dir("heirs-of-lenin", appauthor=False))


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
        """The saved settings, or the defaults if there are none or they cannot be read."""
        try:
            raw = json.loads((data_dir() / "settings.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = raw.get(f.name) if isinstance(raw, dict) else None
            values[f.name] = (
                value
                if type(value) is type(getattr(defaults, f.name))
                else getattr(defaults, f.name)
            )
        return cls(**values)

    def save(self) -> None:
        write_atomic(data_dir() / "settings.json", json.dumps(asdict(self), indent=1) + "\n")
