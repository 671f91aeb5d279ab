"""Checks every value of a parsed document shares, whatever its kind: text that is real
Unicode (no lone surrogates, which no file can encode and no terminal can print) without
control characters (a NUL, a terminal's escape sequences, a bidirectional override that makes
a name read backwards: they reach a terminal, a chart or a report as they are), numbers
that are finite and whole numbers that fit in 64 bits, and nesting no deeper than
``MAX_DEPTH``. The walk is iterative, so no document can exhaust the stack."""

from __future__ import annotations

import math
import re
from typing import Any

from game.boundary.messages import describe
from game.boundary.refusal import KEY, Issue, Loc
from game.limits import MAX_DEPTH

MAX_WHOLE = 2**63 - 1
# C0 and C1 controls but tab and line breaks, and the bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def value_issues(data: Any, numbers: bool = True) -> list[Issue]:
    """Every value of ``data`` (mappings, lists, text, numbers) that no input may hold;
    without ``numbers``, only text and nesting (where a model bounds every number)."""
    issues: list[Issue] = []
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if len(loc) > MAX_DEPTH:
            issues.append(Issue(loc, f"nesting deeper than {MAX_DEPTH} levels"))
            continue
        if isinstance(value, dict):
            for key, item in value.items():
                issues += _scalar_issues((*loc, KEY), key, numbers)
                stack.append(((*loc, key if isinstance(key, str | int) else str(key)), item))
        elif isinstance(value, list | tuple):
            stack += [((*loc, i), item) for i, item in enumerate(value)]
        else:
            issues += _scalar_issues(loc, value, numbers)
    return sorted(issues, key=lambda issue: [str(step) for step in issue.loc])


def _scalar_issues(loc: Loc, value: Any, numbers: bool) -> list[Issue]:
    if isinstance(value, str) and not _encodable(value):
        return [Issue(loc, "text with a lone surrogate (\\ud800-\\udfff) is not valid Unicode")]
    if isinstance(value, str) and (control := _CONTROL.search(value)):
        code = f"U+{ord(control.group()):04X}"
        return [Issue(loc, f"text with a control character ({code}) is not allowed")]
    if not numbers:
        return []
    if isinstance(value, float) and not math.isfinite(value):
        return [Issue(loc, f"expected a finite number, got {describe(value)}")]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WHOLE:
        return [Issue(loc, f"expected a whole number below 2**63, got {describe(value)}")]
    return []


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
