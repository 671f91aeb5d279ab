"""Short messages for refused values, in the input's own terms: pydantic's errors turned into
``expected a number <= 1.0, got 2``, and a value described without echoing more of the input
than a reader needs to find it (a long text is cut, a huge number is only measured)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

SHOWN = 40  # characters of a text value a message repeats
_EXPECTED = {
    "float_type": "a number",
    "int_type": "a whole number",
    "string_type": "a string",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "finite_number": "a finite number",
}
_BOUNDS = {
    "greater_than": ("gt", ">"),
    "greater_than_equal": ("ge", ">="),
    "less_than": ("lt", "<"),
    "less_than_equal": ("le", "<="),
}
_LENGTHS = {"too_short": ("min_length", "at least"), "too_long": ("max_length", "at most")}


def describe(value: Any) -> str:
    """A value as its author wrote it: ``'abc'``, ``12``, ``true``, ``null``, ``a list``; a
    text longer than ``SHOWN`` characters is cut, a whole number of more than 18 digits is
    given by its size."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int) and abs(value) >= 10**18:
        return f"a number of about {int(abs(value).bit_length() * 0.30103) + 1} digits"
    if isinstance(value, str) and len(value) > SHOWN:
        return repr(value[: SHOWN - 1] + "…")
    text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def message(detail: ErrorDetails, patterns: Mapping[str, str]) -> str:
    """A short message for one pydantic error; ``patterns`` names what a string pattern
    means (``a quarter: 1924Q1``). Pydantic's own message when nothing fits better."""
    kind, loc, ctx = detail["type"], detail["loc"], detail.get("ctx", {})
    got = describe(detail["input"])
    if kind == "extra_forbidden":
        return f"unknown key {describe(loc[-1])}"
    if kind == "missing":
        return f"missing required key {describe(loc[-1])}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {got}"
    if kind == "literal_error":
        return f"expected {ctx['expected']}, got {got}"
    if kind == "string_pattern_mismatch":
        meaning = patterns.get(ctx["pattern"], f"text matching {ctx['pattern']}")
        return f"expected {meaning}, got {got}"
    if kind in _BOUNDS:
        key, operator = _BOUNDS[kind]
        return f"expected a number {operator} {ctx[key]}, got {got}"
    if kind == "string_too_long":
        return f"expected at most {ctx['max_length']} characters, got {len(detail['input'])}"
    if kind in _LENGTHS:
        key, bound = _LENGTHS[kind]
        items = "item" if ctx[key] == 1 else "items"
        return f"expected {bound} {ctx[key]} {items}, got {ctx.get('actual_length', 'more')}"
    if kind == "value_error":
        return str(ctx["error"])
    return str(detail["msg"])
