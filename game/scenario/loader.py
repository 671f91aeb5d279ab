"""Load scenario files: safe YAML, ``extends``, the pydantic models and the reference checks.

Reading is bounded before any Python object is built: the file must be a regular file (checked
by ``game.boundary.files`` before a byte is read) of at most 2 MiB, nest at most 64 levels and
expand, with every alias copied out, to at most 500,000 YAML nodes (so an alias bomb is refused
at once); every text must be valid Unicode. Only PyYAML's safe loader is used, and YAML 1.1
timestamps are not resolved: ``1923-04-17`` stays a string, as every date in a scenario is a
string (``YYYY-MM`` or ``YYYY-MM-DD``; quarters ``1922Q2``). The YAML node tree is kept after
construction so that every problem, whichever check finds it, is reported at its line."""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.composer import ComposerError
from yaml.constructor import SafeConstructor
from yaml.error import Mark, MarkedYAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from game.boundary.files import read_input
from game.boundary.messages import describe
from game.boundary.refusal import ROOT, Issue, Problem, Refused, join_path
from game.boundary.values import value_issues
from game.limits import MAX_DEPTH, MAX_NODES, SCENARIO_BYTES
from game.resources import resolve_name
from game.scenario.errors import (
    ScenarioError,
    file_problem,
    locate,
    problem_at,
    validation_issues,
)
from game.scenario.merge import resolve_extends
from game.scenario.models import SCHEMA_VERSION, Scenario
from game.scenario.references import check_references

M = TypeVar("M", bound=BaseModel)

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
MAX_YAML_DIGITS = 1000  # digits of a whole number built from YAML (Python's limit: 4,300)


class _SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader without timestamps, refusing to compose nesting deeper than
    ``MAX_DEPTH`` (the composer is recursive, so this must be checked while composing)."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML keeps its resolvers per class)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, text: str, name: str) -> None:
        super().__init__(text)
        self.name = name
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self._depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise ComposerError(None, None, f"nesting deeper than {MAX_DEPTH} levels", mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario; ``sha256`` identifies its merged content (``extends`` resolved)."""

    path: Path
    model: Scenario
    sha256: str
    files: tuple[Path, ...] = ()  # every file read: the scenario and what it extends


def load_scenario(path: Path) -> LoadedScenario:
    """Load, merge and check a scenario file; raise ``ScenarioError`` listing every problem."""
    path = resolve_name(path)
    problems: list[Problem] = []
    files: list[Path] = []

    def read(link: Path) -> MappingNode:
        files.append(link)
        return read_tree(link)

    root = resolve_extends(path, read, problems)
    try:
        data = SafeConstructor().construct_document(root)
    except MarkedYAMLError as error:
        raise ScenarioError([*problems, _yaml_problem(error, str(path))]) from None
    return replace(_build(data, root, path, problems), files=tuple(files))


def load_scenario_from_dict(data: dict[str, Any], name: str) -> LoadedScenario:
    """Check a scenario given as Python data (tests, parameter sweeps); problems are reported
    as ``name:0:0: path: message``."""
    return _build(data, _nodes_of(data), Path(name), [])


def validate_command(paths: list[Path]) -> int:
    """``python -m game validate``: ``ok: PATH`` or every problem on stderr; 2 if any failed."""
    failed = False
    for path in paths:
        try:
            load_scenario(path)
        except ScenarioError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
        else:
            print(f"ok: {path}")
    return 2 if failed else 0


def _build(data: Any, root: Node, path: Path, problems: list[Problem]) -> LoadedScenario:
    """Validate merged data against the models, then its references; hash it. ``problems``
    already found (while merging) are reported with the others."""
    name = str(path)
    _check_version(data, root, name)
    try:
        model = Scenario.model_validate(data, by_alias=True, by_name=False)
    except ValidationError as error:
        issues = validation_issues(error)
    else:
        issues = check_references(model)
    values = value_issues(data, numbers=False)  # a lone surrogate said plainly, not as pydantic
    found = {issue.loc for issue in values}
    issues = values + [issue for issue in issues if issue.loc not in found]
    if issues or problems:
        raise ScenarioError([*problems, *(locate(issue, root, name) for issue in issues)])
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return LoadedScenario(path, model, hashlib.sha256(canonical.encode()).hexdigest())


def _check_version(data: Any, root: Node, name: str) -> None:
    """Refuse a file written for another format version before reporting anything else."""
    version = data.get("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version != SCHEMA_VERSION:
        message = f"unsupported version {describe(version)}; supported: {SCHEMA_VERSION}"
        raise ScenarioError([locate(Issue(("schema_version",), message), root, name)])


def read_tree(path: Path, what: str = "a scenario file") -> MappingNode:
    """Read one file into a YAML node tree, within the bounds, with a mapping at the top;
    ``what`` names the kind of file in messages."""
    name = str(path)
    root = _compose(_read_text(path, what), name)
    if root is None:
        raise file_problem(name, "the file is empty")
    _check_expansion(root)
    problems = list(_duplicate_keys(root, ROOT))
    if problems:
        raise ScenarioError(problems)
    if not isinstance(root, MappingNode):
        got = "a list" if isinstance(root, SequenceNode) else "a single value"
        message = f"the top level must be a mapping of keys to values, got {got}"
        raise ScenarioError([problem_at(root.start_mark, name, ROOT, message)])
    return root


def read_model(path: Path, model: type[M], what: str) -> tuple[M, MappingNode]:
    """A small YAML file (an exercise, an analysis) read like a scenario and validated
    against ``model``: every problem as ``file:line:col: path: message``. Returns the model
    and the node tree, for locating the caller's own checks."""
    name = str(path)
    root = read_tree(path, what)
    try:
        data = SafeConstructor().construct_document(root)
    except MarkedYAMLError as error:
        mark = error.problem_mark or root.start_mark
        raise ScenarioError([problem_at(mark, name, "(root)", str(error.problem))]) from None
    values = value_issues(data, numbers=False)  # text a model's types do not look into
    if values:
        raise ScenarioError(locate(issue, root, name) for issue in values)
    try:
        return model.model_validate(data, by_alias=True, by_name=False), root
    except ValidationError as error:
        raise ScenarioError(locate(i, root, name) for i in validation_issues(error)) from None


def _read_text(path: Path, what: str) -> str:
    """The file's text: a regular file of UTF-8, at most ``SCENARIO_BYTES``."""
    name = str(path)
    try:
        raw = read_input(path, SCENARIO_BYTES, what)
    except Refused as error:
        raise ScenarioError(error.problems) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte 0x{raw[error.start]:02x})"
        before = raw[: error.start].decode("utf-8")
        raise ScenarioError([_problem_after(before, name, message)]) from None


def _compose(text: str, name: str) -> Node | None:
    """The YAML node tree of ``text`` (None if it holds no document)."""
    try:
        loader = _SafeLoader(text, name)
    except ReaderError as error:
        message = f"character U+{error.character:04X} is not allowed in YAML"
        raise ScenarioError([_problem_after(text[: error.position], name, message)]) from None
    try:
        return loader.get_single_node()
    except MarkedYAMLError as error:
        raise ScenarioError([_yaml_problem(error, name)]) from None
    finally:
        loader.dispose()


def _problem_after(before: str, name: str, message: str) -> Problem:
    """A problem at the character that follows the text ``before``."""
    line = before.count("\n")
    column = len(before) - (before.rfind("\n") + 1)
    return problem_at(Mark(name, len(before), line, column, None, 0), name, ROOT, message)


def _yaml_problem(error: MarkedYAMLError, name: str) -> Problem:
    """A YAML syntax or construction error at its mark, with its context when there is one."""
    message = error.problem or "invalid YAML"
    if error.context and error.context_mark:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    return problem_at(error.problem_mark, name, ROOT, message)


def _check_expansion(root: Node) -> None:
    """Refuse a tree that, with aliases copied out, is deeper than ``MAX_DEPTH`` or bigger than
    ``MAX_NODES`` (alias bombs, recursive aliases). Shared nodes are measured once."""
    heights: dict[int, tuple[int, int]] = {}

    def measure(node: Node, depth: int) -> tuple[int, int]:
        """(nodes, height) of ``node`` expanded; ``depth`` is its own depth."""
        if id(node) not in heights:
            if depth > MAX_DEPTH:
                raise _limit(node, f"aliases nest deeper than {MAX_DEPTH} levels")
            _check_whole_number(node)
            sizes = [measure(child, depth + 1) for child in _children(node)]
            heights[id(node)] = (
                1 + sum(size for size, _ in sizes),
                1 + max((height for _, height in sizes), default=0),
            )
        size, height = heights[id(node)]
        if depth + height - 1 > MAX_DEPTH:
            raise _limit(node, f"aliases nest deeper than {MAX_DEPTH} levels")
        if size > MAX_NODES:
            raise _limit(node, f"aliases expand to more than {MAX_NODES:,} nodes")
        return size, height

    measure(root, 1)


def _check_whole_number(node: Node) -> None:
    """Refuse a whole number of more than ``MAX_YAML_DIGITS`` digits before it is built:
    beyond 4,300 digits Python will not even convert it (a ``ValueError``). Shorter ones are
    built and refused by the models, which say what the place allows."""
    if isinstance(node, ScalarNode) and node.tag == _INT_TAG:
        digits = sum(char.isdigit() for char in node.value)
        if digits > MAX_YAML_DIGITS:
            raise _limit(node, f"a whole number of {digits:,} digits is too large")


def _limit(node: Node, message: str) -> ScenarioError:
    """An error at a node that breaks one of the reading bounds."""
    return ScenarioError([problem_at(node.start_mark, "", ROOT, message)])


def _children(node: Node) -> list[Node]:
    """The nodes directly under a node: keys and values of a mapping, items of a list."""
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _duplicate_keys(node: Node, path: str) -> list[Problem]:
    """A key written twice in one mapping (YAML would silently keep the last)."""
    problems: list[Problem] = []
    if isinstance(node, MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            text = key.value if isinstance(key, ScalarNode) else str(id(key))
            if text in first:
                message = f"duplicate key {text!r} (first on line {first[text]})"
                problems.append(problem_at(key.start_mark, "", path, message))
            first.setdefault(text, key.start_mark.line + 1)
            problems += _duplicate_keys(value, join_path(path, text))
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(item, join_path(path, index))
    return problems


def _nodes_of(data: Any) -> Node:
    """A node tree without marks for Python data, so that problems get paths like a file's."""
    if isinstance(data, dict):
        pairs = [(ScalarNode(_STR_TAG, str(k)), _nodes_of(v)) for k, v in data.items()]
        return MappingNode("tag:yaml.org,2002:map", pairs)
    if isinstance(data, list | tuple):
        return SequenceNode("tag:yaml.org,2002:seq", [_nodes_of(item) for item in data])
    return ScalarNode(_STR_TAG, str(data))
