"""Hypothesis strategies for the boundary's fuzz tests.

Scenario documents are generated from the pydantic models: a real scenario (dumped from its
model, so every field is present) is mutated at places chosen at random, and what the models
say a place may hold decides the new value: most often a value of the right type within its
bounds (ids that exist in the document, quarters and dates within the scenario), so that the
document still validates and the engine is reached; otherwise a hostile value (NaN, an
infinity, a whole number past 64 bits, a lone surrogate, full-width digits, an impossible
date, deep nesting...) or a change of shape (an item dropped or repeated, a key removed or
added). Saves, records and results are real documents of real games, mutated the same way as
JSON, and sometimes damaged as text (cut, a 5,000-digit number, 10,000 brackets)."""

from __future__ import annotations

import copy
import json
import re
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from game.scenario.loader import load_scenario
from game.scenario.models import Scenario

from .contract import ROOT

Loc = tuple[str | int, ...]
BASES = {
    "minimal": ROOT / "tests" / "scenario" / "minimal.yaml",
    "wide": ROOT / "tests" / "engine" / "data" / "wide.yaml",
    "short campaign": ROOT / "tests" / "ui" / "data" / "short.yaml",
}
ID = re.compile(r"^[a-z][a-z0-9_]*$")
QUARTER = r"^[0-9]{4}Q[1-4]$"
DATE = r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
HOSTILE_SCALARS: list[Any] = [
    float("nan"),
    float("inf"),
    float("-inf"),
    1e308,
    -1e308,
    2**63,
    2**64 + 1,
    10**30,
    -(2**63) - 1,
    -1,
    0,
    None,
    True,
    "",
    "x" * 400,
    "bad \ud800 text",
    "１９２３",
    "１９２３-04-17",
    "1923-02-29",
    "1922-13",
    "0000Q1",
    "9999Q4",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "\x00\x1b[2J",
]


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


HOSTILE_SHAPES: list[Any] = [[], {}, [None], {"unknown": 1}, _deep(70), {"a": _deep(10)}]


@dataclass(frozen=True)
class Slot:
    """What the models say one place of a scenario document may hold: its type (``kind``),
    the types or values inside it (``args``), its bounds and whether it may be null."""

    kind: Any
    args: tuple[Any, ...] = ()
    bounds: dict[str, Any] = field(default_factory=dict)
    nullable: bool = False


def slot_of(annotation: Any, metadata: list[Any] | None = None) -> Slot:
    """The slot an annotation describes (``Annotated``, ``X | None`` and nested ``FieldInfo``
    unwrapped, their constraints gathered)."""
    bounds: dict[str, Any] = {}
    nullable = False
    extra = list(metadata or [])
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *more = typing.get_args(annotation)
            extra += more
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            nullable = nullable or len(members) < len(typing.get_args(annotation))
            if len(members) != 1:
                return Slot(typing.Union, tuple(members), bounds, nullable)
            annotation = members[0]
        else:
            break
    for item in extra:
        if isinstance(item, FieldInfo):
            extra += item.metadata
        for name in ("ge", "gt", "le", "lt", "min_length", "max_length", "pattern"):
            if getattr(item, name, None) is not None:
                bounds[name] = getattr(item, name)
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return Slot(Literal, typing.get_args(annotation), bounds, nullable)
    if origin in (list, dict):
        return Slot(origin, typing.get_args(annotation), bounds, nullable)
    return Slot(annotation, (), bounds, nullable)


def child_slot(slot: Slot, step: str | int, value: Any) -> Slot | None:
    """The slot one step below ``slot`` (``value`` is what is there, to choose among the
    members of a union); None where the models say nothing (an unknown key)."""
    if slot.kind is list:
        return slot_of(slot.args[0])
    if slot.kind is dict:
        return slot_of(slot.args[1])
    if slot.kind is typing.Union and isinstance(value, dict) and len(value) == 1:
        tag = next(iter(value))
        for member in slot.args:
            inner, *meta = typing.get_args(member) or (member,)
            if any(getattr(m, "tag", None) == tag for m in meta):
                return child_slot(slot_of(inner), step, value)
        return None
    if isinstance(slot.kind, type) and issubclass(slot.kind, BaseModel):
        for name, info in slot.kind.model_fields.items():
            if step in (name, info.alias):
                return slot_of(info.annotation, info.metadata)
    return None


def slot_at(document: dict[str, Any], loc: Loc) -> Slot | None:
    """The slot at path ``loc`` of a scenario document."""
    slot: Slot | None = Slot(Scenario)
    node: Any = document
    for step in loc:
        if slot is None:
            return None
        slot = child_slot(slot, step, node)
        node = node[step]
    return slot


def places(node: Any, loc: Loc = ()) -> list[Loc]:
    """Every place of a document, containers and values, depth first."""
    found = [loc]
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += places(value, (*loc, i))
    return found


def _at(document: Any, loc: Loc) -> Any:
    """The value at path ``loc``."""
    for step in loc:
        document = document[step]
    return document


def _ids(document: dict[str, Any]) -> list[str]:
    """Every identifier-like text of a document: choosing among them keeps references valid."""
    return sorted({p for p in _texts(document) if ID.match(p) and len(p) < 40}) or ["x"]


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [t for key, value in node.items() for t in (str(key), *_texts(value))]
    if isinstance(node, list):
        return [t for value in node for t in _texts(value)]
    return [node] if isinstance(node, str) else []


def _years(document: dict[str, Any]) -> tuple[int, int]:
    """The years of the scenario's start and end, as far as they can still be read."""
    years = [
        int(text[:4]) if isinstance(text, str) and re.match(r"^[0-9]{4}", text) else default
        for text, default in ((document.get("start"), 1922), (document.get("end"), 1929))
    ]
    return min(years), max(years)


def fitting(slot: Slot, document: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values of the slot's type within its bounds, as a historian might write them."""
    strategy = _fitting(slot, document)
    return st.one_of(strategy, st.none()) if slot.nullable else strategy


def _fitting(slot: Slot, document: dict[str, Any]) -> st.SearchStrategy[Any]:
    b = slot.bounds
    if slot.kind is bool:
        return st.booleans()
    if slot.kind is Literal:
        return st.sampled_from(slot.args)
    if slot.kind is float:
        low, high = b.get("ge", b.get("gt", -10.0)), b.get("le", b.get("lt", 10.0))
        ends = [v for v, open_end in ((low, "gt" in b), (high, "lt" in b)) if not open_end]
        return st.one_of(
            st.floats(low, high, exclude_min="gt" in b, exclude_max="lt" in b),
            st.floats(max(low, -2.0), min(high, 2.0), exclude_min="gt" in b, exclude_max="lt" in b),
            st.sampled_from(ends or [(low + high) / 2]),
        )
    if slot.kind is int:
        low = b.get("ge", b.get("gt", -1) + 1)
        high = b.get("le", b.get("lt", 10**6) - 1)
        return st.one_of(st.integers(low, min(high, low + 1000)), st.sampled_from([low, high]))
    if slot.kind is str:
        pattern = b.get("pattern")
        first, last = _years(document)
        if pattern == QUARTER:
            return st.builds(lambda y, q: f"{y}Q{q}", st.integers(first, last), st.integers(1, 4))
        if pattern == DATE:
            return st.builds(
                lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
                st.integers(first, last),
                st.integers(1, 12),
                st.integers(1, 28),
            )
        if pattern and pattern.startswith("^[a-z]"):  # an id: most often one the document has
            return st.sampled_from(_ids(document))
        return st.text(max_size=60)
    return st.sampled_from(HOSTILE_SHAPES)


@st.composite
def scenario_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A scenario document: a real scenario with one to three places changed."""
    name = draw(st.sampled_from(sorted(BASES)))
    document = copy.deepcopy(base_document(name))
    for _ in range(draw(st.integers(1, 3))):
        document = _mutated(draw, document)
    return document


def _mutated(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with one place changed: most often a value to one of its type (a leaf),
    else any place to a hostile value or a change of shape."""
    how = draw(st.sampled_from(["fit"] * 8 + ["hostile", "shape"]))
    found = places(document)[1:]
    leaves = [loc for loc in found if not isinstance(_at(document, loc), dict | list)]
    loc = draw(st.sampled_from(leaves if how == "fit" and leaves else found))
    *parent_loc, step = loc
    parent = _at(document, tuple(parent_loc))
    value = parent[step]
    slot = slot_at(document, loc)
    if how == "fit" and slot is not None and not isinstance(value, dict | list):
        parent[step] = draw(fitting(slot, document))
    elif how == "shape" and isinstance(value, list | dict) and value:
        _reshape(draw, value)
    elif how == "shape" and isinstance(parent, dict):
        del parent[step]
    else:
        parent[step] = copy.deepcopy(draw(st.sampled_from(HOSTILE_SCALARS + HOSTILE_SHAPES)))
    return document


def _reshape(draw: st.DrawFn, value: list[Any] | dict[str, Any]) -> None:
    """Drop an item, repeat one, or add an unknown key."""
    if isinstance(value, list):
        i = draw(st.integers(0, len(value) - 1))
        if draw(st.booleans()):
            del value[i]
        else:
            value.insert(i, copy.deepcopy(value[i]))
    elif draw(st.booleans()):
        del value[draw(st.sampled_from(sorted(value)))]
    else:
        value[draw(st.sampled_from(["unknown", "extends", "Title", "1"]))] = draw(
            st.sampled_from(HOSTILE_SCALARS)
        )


@cache
def base_document(name: str) -> dict[str, Any]:
    """A real scenario as data, every field present (dumped from its validated model)."""
    return load_scenario(BASES[name]).model.model_dump(by_alias=True)


# --- JSON documents: results, records, saves. ---------------------------------------------


def _json_hostile() -> st.SearchStrategy[Any]:
    finite = [v for v in HOSTILE_SCALARS if not (isinstance(v, float) and v != v)]
    return st.one_of(
        st.sampled_from(finite + HOSTILE_SHAPES),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=20),
    )


def _json_nudged(value: Any) -> st.SearchStrategy[Any]:
    """A value near a real one: a whole number moved a little, a share past its bounds, a
    hash with one digit changed, a list cut short."""
    if isinstance(value, bool):
        return st.just(not value)
    if isinstance(value, int):
        return st.integers(value - 3, value + 40)
    if isinstance(value, float):
        return st.sampled_from([value + 1.0, -value - 0.5, value * 1e9, 0.0])
    if isinstance(value, str) and value:
        return st.builds(
            lambda i: value[:i] + ("0" if value[i] != "0" else "1") + value[i + 1 :],
            st.integers(0, len(value) - 1),
        )
    if isinstance(value, list) and value:
        return st.builds(lambda i: value[:i], st.integers(0, len(value) - 1))
    return _json_hostile()


@st.composite
def json_documents(draw: st.DrawFn, base: dict[str, Any]) -> str:
    """The text of a JSON document: ``base`` with one to three places changed, sometimes then
    damaged as text."""
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        loc = draw(st.sampled_from(places(document)))
        if not loc:
            continue
        *parent_loc, step = loc
        parent: Any = document
        for part in parent_loc:
            parent = parent[part]
        how = draw(st.sampled_from(["nudge", "nudge", "hostile", "remove"]))
        if how == "remove" and isinstance(parent, dict):
            del parent[step]
        elif how == "nudge":
            parent[step] = draw(_json_nudged(parent[step]))
        else:
            parent[step] = copy.deepcopy(draw(_json_hostile()))
    text = json.dumps(document)
    damage = draw(st.sampled_from([None] * 6 + ["cut", "digits", "brackets", "nan", "bytes"]))
    return _damaged(draw, text, damage)


def _damaged(draw: st.DrawFn, text: str, damage: str | None) -> str:
    """``text`` damaged as text at a place drawn from it."""
    if damage is None:
        return text
    at = draw(st.integers(0, len(text)))
    insert = {
        "cut": "",
        "digits": "9" * 5000,
        "brackets": "[" * 10_000,
        "nan": "NaN",
        "bytes": "\ud800\x00",
    }[damage]
    return text[:at] + insert + ("" if damage == "cut" else text[at:])


def write_text(path: Path, text: str) -> Path:
    """Write a document's text, lone surrogates as the bytes no encoder would write."""
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path
