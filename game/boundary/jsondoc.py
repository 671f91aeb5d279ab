"""JSON documents that enter the program (batch and comparison results, game records, saves,
settings): read within their size limit, decoded as strict UTF-8, parsed without ``NaN``,
``Infinity``, numbers too large for 64 bits or nesting deeper than ``MAX_DEPTH``, and checked
against a model. Every problem is located in the file as ``file:line:col: path: message``:
the parser gives the place of a syntax error, and a value refused later is found again by
walking the text along its path."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np
from pydantic import BaseModel, ValidationError

from game.boundary.documents import PATTERNS
from game.boundary.files import read_input
from game.boundary.messages import describe, message
from game.boundary.refusal import KEY, Issue, Loc, Problem, Refused, dotted
from game.boundary.values import value_issues
from game.limits import JSON_BYTES, MAX_DEPTH, MAX_INT_DIGITS

Model = TypeVar("Model", bound=BaseModel)
_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


class _BadLiteral(ValueError):
    """A number the parser met that no input may hold."""

    def __init__(self, literal: str, reason: str) -> None:
        super().__init__(reason)
        self.literal = literal


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _BadLiteral(text, f"a whole number of {len(text.lstrip('-'))} digits is too large")
    return int(text)


def _real(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _BadLiteral(text, "a number too large to hold")
    return value


def _constant(text: str) -> Any:
    raise _BadLiteral(text, f"{text} is not a number")


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are all different: with a key given twice, readers disagree
    on which value counts (Python's takes the last), so a document could say two things."""
    data = dict(pairs)
    if len(data) < len(pairs):
        twice = next(key for i, (key, _) in enumerate(pairs) if key in dict(pairs[:i]))
        raise _BadLiteral(json.dumps(twice), f"the key {describe(twice)} is given twice")
    return data


_DECODER = json.JSONDecoder(
    parse_int=_whole, parse_float=_real, parse_constant=_constant, object_pairs_hook=_mapping
)
_STRING_SCANNER: Callable[[str, int], tuple[str, int]] = _DECODER.parse_string  # type: ignore[attr-defined]


@dataclass(frozen=True)
class JsonDocument:
    """A parsed JSON file: its name as given, its text (to locate problems) and its data."""

    name: str
    text: str
    data: Any

    def problem(self, issue: Issue) -> Problem:
        """The problem ``issue`` names, at the line and column of its value in the text."""
        offset, found = _position(self.text, issue.loc)
        line, col = _line_col(self.text, offset)
        return Problem(self.name, line, col, dotted(found), issue.message)

    def refuse(self, issues: list[Issue]) -> Refused:
        return Refused(self.problem(issue) for issue in issues)

    def validate(self, model: type[Model], data: Any = None, loc: Loc = ()) -> Model:
        """``data`` as ``model``: the whole document by default, else data found at the path
        ``loc`` of the document (a part, perhaps with defaults filled in); ``Refused`` with
        every problem at its place."""
        try:
            return model.model_validate(self.data if data is None else data, strict=True)
        except ValidationError as error:
            issues = [Issue((*loc, *d["loc"]), message(d, PATTERNS)) for d in error.errors()]
            raise self.refuse(issues) from None


def read_json(path: Path, what: str, limit: int = JSON_BYTES) -> JsonDocument:
    """Read and parse one JSON input file; ``Refused`` (file:line:col) if it is not a regular
    file within ``limit`` bytes, not UTF-8, not JSON, or holds a value no input may hold."""
    name = str(path)
    text = decode_utf8(read_input(path, limit, what), name)
    return parse_json(text, name)


def parse_json(text: str, name: str) -> JsonDocument:
    """Parse JSON text read from ``name`` (see ``read_json``)."""
    try:
        data, end = _DECODER.raw_decode(text, _skip(text, 0))
    except json.JSONDecodeError as error:
        raise Refused(
            [Problem(name, error.lineno, error.colno, "(root)", f"not JSON: {error.msg}")]
        ) from None
    except _BadLiteral as error:
        line, col = _line_col(text, max(text.find(error.literal), 0))
        raise Refused([Problem(name, line, col, "(root)", str(error))]) from None
    except RecursionError:
        line, col = _line_col(text, _too_deep_at(text))
        raise Refused(
            [Problem(name, line, col, "(root)", f"nesting deeper than {MAX_DEPTH} levels")]
        ) from None
    end = _skip(text, end)
    if end != len(text):
        line, col = _line_col(text, end)
        raise Refused(
            [Problem(name, line, col, "(root)", "not JSON: extra data after the document")]
        )
    document = JsonDocument(name, text, data)
    issues = value_issues(data)
    if issues:
        raise document.refuse(issues)
    return document


def decode_utf8(raw: bytes, name: str) -> str:
    """``raw`` as UTF-8 text; ``Refused`` at the first byte that is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8")
        line, col = _line_col(before, len(before))
        reason = f"not UTF-8 text (byte 0x{raw[error.start]:02x})"
        raise Refused([Problem(name, line, col, "(root)", reason)]) from None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _position(text: str, loc: Loc) -> tuple[int, Loc]:
    """The offset of the value ``loc`` names in ``text`` (of its key, where the path ends
    with ``KEY``) and the path found: the deepest part of ``loc`` that exists, as a missing
    key is reported at the mapping that lacks it."""
    offset, found = _skip(text, 0), cast(Loc, ())
    for i, step in enumerate(loc):
        if step == KEY:
            break
        child = _child(text, offset, step)
        if child is None:
            break
        key_offset, offset = child
        found = (*found, step)
        if loc[i + 1 : i + 2] == (KEY,):
            return key_offset, found
    return offset, found


def _skip(text: str, at: int) -> int:
    """The offset of the first character at or after ``at`` that is not white space."""
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _child(text: str, offset: int, step: str | int) -> tuple[int, int] | None:
    """(offset of the key or item, offset of the value) that ``step`` names in the mapping
    or list that starts at ``offset``."""
    opening = text[offset : offset + 1]
    if opening not in ("{", "["):
        return None
    index = 0
    at = _skip(text, offset + 1)
    while text[at : at + 1] not in ("}", "]", ""):
        start = at
        if opening == "{":
            key, at = _STRING_SCANNER(text, at + 1)
            at = _skip(text, _skip(text, at) + 1)
            if key == str(step):
                return start, at
        elif index == step:
            return start, at
        _, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        if text[at : at + 1] == ",":
            at = _skip(text, at + 1)
        index += 1
    return None


def _too_deep_at(text: str) -> int:
    """The offset of the first bracket nested deeper than ``MAX_DEPTH`` (text in strings
    ignored), counted in one vectorised pass over the UTF-8 bytes."""
    raw = text.encode("utf-8", "surrogatepass")
    codes = np.frombuffer(_STRING.sub(lambda match: b" " * len(match.group()), raw), np.uint8)
    opens = (codes == ord("[")) | (codes == ord("{"))
    closes = (codes == ord("]")) | (codes == ord("}"))
    deep = np.flatnonzero(np.cumsum(opens.astype(np.int32) - closes) > MAX_DEPTH)
    if not deep.size:
        return 0
    return len(raw[: int(deep[0])].decode("utf-8", "surrogatepass"))
