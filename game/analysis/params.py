"""Scenario parameters named by a path, and lists or ranges of values for them (``sweep``).

``--param PATH=VALUES``:

- PATH is a dotted path into the scenario as its YAML file spells it: mapping keys by name,
  items of a list that have an ``id`` by that id, other list items by position from 0. For
  example ``rules.constants.machine_fear``, ``factions.trotsky.popularity``,
  ``events.lenin_dies.window`` or ``membership.growth.0.rate``. ``lenin.death`` is short for
  ``events.lenin_dies.window``.
- VALUES is a comma-separated list of items; an item is one value or a range. A value is a
  number, a quarter (``1926Q1``), ``true``/``false``, or text. A range ``A..B:STEP`` runs from A
  to B inclusive: numbers by STEP (default 1), quarters by STEP quarters (default 1). So
  ``1,2,3.5``, ``0.3..0.9:0.1`` and ``1924Q1..1927Q4`` (16 quarters).
- A quarter given for a window (a mapping with ``from`` and ``to``) sets both ends, and an
  event's ``date`` moves with its window by as many quarters, so that it stays inside.

Each value is applied to the scenario's data and validated and checked as a whole file would
be, so a value out of bounds is reported like an error in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from game.scenario.dates import Date, Quarter, days_in_month
from game.scenario.errors import ScenarioError
from game.scenario.loader import LoadedScenario, load_scenario_from_dict

Value = float | int | bool | str
ALIASES = {"lenin.death": "events.lenin_dies.window"}
MAX_VALUES = 1000
MAX_NUMBER = Decimal("1e15")  # the magnitude of a value: far beyond any the models accept
_NUMBER = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")
_QUARTER = re.compile(r"^[0-9]{4}Q[1-4]$")


class ParamError(ValueError):
    """A ``--param`` that cannot be read or does not name a part of the scenario."""


@dataclass(frozen=True)
class Param:
    """A path into the scenario and the values to give it, in order."""

    text: str  # as the user wrote the path
    path: tuple[str, ...]
    values: tuple[Value, ...]


def parse_param(text: str) -> Param:
    """Read ``PATH=VALUES``; raise ``ParamError`` naming what is wrong."""
    name, sep, spec = text.partition("=")
    name, spec = name.strip(), spec.strip()
    if not sep or not name or not spec:
        raise ParamError(
            f"--param {text!r}: write it as PATH=VALUES, e.g. lenin.death=1924Q1..1926Q4"
        )
    path = ALIASES.get(name, name).split(".")
    if any(not step for step in path):
        raise ParamError(f"--param {name}: empty step in the path")
    values: list[Value] = []
    for item in spec.split(","):
        values.extend(_item(name, item.strip()))
        if len(values) > MAX_VALUES:
            raise ParamError(f"--param {name}: more than {MAX_VALUES} values")
    return Param(name, tuple(path), tuple(values))


def _item(name: str, item: str) -> list[Value]:
    """One value, or every value of a range ``A..B:STEP``."""
    if ".." not in item:
        return [_scalar(name, item)]
    span, _, step_text = item.partition(":")
    first, _, last = span.partition("..")
    first, last = first.strip(), last.strip()
    if _QUARTER.match(first) and _QUARTER.match(last):
        return _quarter_range(name, first, last, step_text)
    if _NUMBER.match(first) and _NUMBER.match(last):
        return _number_range(name, first, last, step_text)
    raise ParamError(f"--param {name}: {item!r} is not a range of numbers or of quarters")


def _scalar(name: str, text: str) -> Value:
    if not text:
        raise ParamError(f"--param {name}: an empty value")
    if _NUMBER.match(text):
        number = Decimal(text)
        if not abs(number) <= MAX_NUMBER:
            raise ParamError(f"--param {name}: {text[:20]!r} is too large (at most {MAX_NUMBER:g})")
        return int(text) if re.match(r"^[+-]?[0-9]+$", text) else float(text)
    return {"true": True, "false": False}.get(text, text)


def _number_range(name: str, first: str, last: str, step_text: str) -> list[Value]:
    """first, first + step, ... up to last inclusive, in decimal arithmetic so that
    0.3..0.9:0.1 gives 0.3, 0.4, ... 0.9 exactly; whole numbers stay whole."""
    if step_text and not _NUMBER.match(step_text):  # nan, inf, snan: no step
        raise ParamError(f"--param {name}: the step {step_text[:20]!r} is not a number")
    low, high, step = Decimal(first), Decimal(last), Decimal(step_text or "1")
    if not max(abs(low), abs(high)) <= MAX_NUMBER:
        raise ParamError(f"--param {name}: the range {first[:20]}..{last[:20]} is too large")
    if not step > 0:
        raise ParamError(f"--param {name}: the step {step_text!r} must be a positive number")
    if high < low:
        raise ParamError(f"--param {name}: the range {first}..{last} runs backwards")
    if high - low >= step * MAX_VALUES:
        raise ParamError(f"--param {name}: more than {MAX_VALUES} values")
    count = int((high - low) / step) + 1
    if count > MAX_VALUES:
        raise ParamError(f"--param {name}: more than {MAX_VALUES} values")
    values = [low + i * step for i in range(count)]
    whole = all(v == v.to_integral_value() for v in (low, step)) and "." not in first + step_text
    return [int(v) if whole else float(v) for v in values]


def _quarter_range(name: str, first: str, last: str, step_text: str) -> list[Value]:
    step = _scalar(name, step_text) if step_text else 1
    if isinstance(step, bool) or not isinstance(step, int) or step <= 0:
        raise ParamError(f"--param {name}: a quarter range's step must be a whole number ≥ 1")
    start, stop = Quarter.parse(first), Quarter.parse(last)
    if stop < start:
        raise ParamError(f"--param {name}: the range {first}..{last} runs backwards")
    return [str(start.shifted(i)) for i in range(0, stop.index_from(start) + 1, step)]


def variant(source: LoadedScenario, param: Param, value: Value) -> LoadedScenario:
    """The scenario with ``param`` set to ``value``, validated and checked as a file would be;
    a ``ParamError`` lists every problem the value causes, with its place in the scenario."""
    data = source.model.model_dump(by_alias=True)
    set_value(data, param, value)
    try:
        return load_scenario_from_dict(data, f"{source.path} with {param.text}={value}")
    except ScenarioError as error:
        found = "; ".join(f"{p.path}: {p.message}" for p in error.problems)
        raise ParamError(f"--param {param.text}={value}: {found}") from None


def set_value(data: dict[str, Any], param: Param, value: Value) -> None:
    """Set the part of the scenario data that ``param`` names (in place)."""
    node: Any = data
    *parents, last = param.path
    for depth, step in enumerate(parents):
        node = node[_key(node, step, param, depth)]
    key = _key(node, last, param, len(parents))
    old = node[key]
    if isinstance(old, dict) and set(old) >= {"from", "to"} and isinstance(value, str):
        _set_window(node, key, old, value, param)
    elif isinstance(old, dict | list):
        parts = ", ".join(map(str, old)) if isinstance(old, dict) else "a list"
        raise ParamError(f"--param {param.text}: {'.'.join(param.path)} holds {parts}; name one")
    else:
        node[key] = value


def _key(node: Any, step: str, param: Param, depth: int) -> str | int:
    """The key or list position in ``node`` that ``step`` names: a mapping key, the id of a
    list item, or a position from 0. ``depth`` steps of the path led to ``node``."""
    where = ".".join(param.path[:depth]) or "the scenario"
    if isinstance(node, dict):
        if step not in node:
            known = ", ".join(sorted(map(str, node)))
            raise ParamError(f"--param {param.text}: {where} has no {step!r}; it has: {known}")
        return step
    if isinstance(node, list):
        ids = [item.get("id") if isinstance(item, dict) else None for item in node]
        if step in ids:
            return ids.index(step)
        if step.isdigit() and int(step) < len(node):
            return int(step)
        named = [str(i) for i in ids if i is not None]
        known = ", ".join(named) if named else f"positions 0..{len(node) - 1}"
        raise ParamError(f"--param {param.text}: {where} has no item {step!r}; it has: {known}")
    raise ParamError(f"--param {param.text}: {where} is a single value, not a mapping or list")


def _set_window(
    node: Any, key: str | int, window: dict[str, Any], quarter: str, param: Param
) -> None:
    """Set both ends of a window to ``quarter``; move the owner's ``date`` with it."""
    if not _QUARTER.match(quarter):
        raise ParamError(
            f"--param {param.text}: a window takes a quarter like 1926Q1, not {quarter!r}"
        )
    shift = Quarter.parse(quarter).index_from(Quarter.parse(window["from"]))
    window["from"] = window["to"] = quarter
    if isinstance(node, dict) and key == "window" and node.get("date"):
        node["date"] = _shifted_date(node["date"], shift)


def _shifted_date(text: str, quarters: int) -> str:
    """A date moved by whole quarters, its day kept within the new month."""
    date = Date.parse(text)
    months = date.year * 12 + date.month - 1 + 3 * quarters
    year, month = divmod(months, 12)
    day = None if date.day is None else min(date.day, days_in_month(year, month + 1))
    return str(Date(year, month + 1, day))
