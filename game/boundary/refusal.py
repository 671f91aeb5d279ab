"""What the boundary says when it refuses an input: every problem located as
``file:line:col: path: message`` on one line, whatever the input held.

Line and column are 1-based; ``0:0`` means the whole file (or data that has no lines). The
path is dotted, in the document's own terms (``sessions.3.date``), ``(root)`` for the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = "(root)"
KEY = "[key]"  # a path step meaning "the key just named, not its value" (pydantic's spelling)
Loc = tuple[str | int, ...]
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on one line: control characters, line separators and lone
    surrogates (a file name in no encoding) written as escapes."""
    return _UNPRINTABLE.sub(
        lambda match: match.group().encode("unicode_escape", "backslashreplace").decode("ascii"),
        text,
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, where it is and what it is."""

    file: str
    line: int
    col: int
    path: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}:{self.col}: {self.path}: {self.message}")


@dataclass(frozen=True)
class Issue:
    """A problem not yet located: ``loc`` is a path of mapping keys and list indices."""

    loc: Loc
    message: str


class Refused(Exception):
    """An input the program will not take; ``problems`` lists every reason, sorted by
    position. Every command reports it on standard error and exits with 2; the window shows
    ``reason``."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(map(str, self.problems)))

    @classmethod
    def file(cls, name: str | Path, message: str, path: str = ROOT) -> Refused:
        """A refusal of a whole file (missing, unreadable, too large) or of one value in it
        whose position is unknown."""
        return cls([Problem(str(name), 0, 0, path, message)])

    @property
    def reason(self) -> str:
        """The first problem's message, for a player: the window names the file itself."""
        return self.problems[0].message if self.problems else ""


def join_path(path: str, step: str | int) -> str:
    """A dotted path one step deeper; ``(root)`` is the empty path."""
    return str(step) if path == ROOT else f"{path}.{step}"


def dotted(loc: Loc) -> str:
    """A path of keys and indices as text: ``('sessions', 3, 'date')`` is ``sessions.3.date``."""
    path = ROOT
    for step in loc:
        path = join_path(path, step)
    return path
