"""Problems found in scenario files, located at the line and column that caused them.

Every check (YAML reading, ``extends``, the pydantic models, cross references) reports an
``Issue``: a path into the document in YAML terms plus a message. ``locate`` walks the YAML node
tree along that path to find the file, line and column, so a historian sees
``file:line:col: dotted.path: message`` for every problem at once. Line and column are 1-based;
``0:0`` means the whole file (or a scenario built from a dict, which has no lines).
"""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, SequenceNode

from game.boundary.messages import message
from game.boundary.refusal import KEY, ROOT, Issue, Loc, Problem, Refused, join_path
from game.scenario.models import CONDITION_KEYS, EFFECT_KEYS, ActionPattern, DateStr, Id, QuarterStr

_UNION_TAGS = frozenset(CONDITION_KEYS) | frozenset(EFFECT_KEYS)


def _pattern_names() -> dict[str, str]:
    """What each named pattern of the models means, from its description: 'a quarter: 1924Q1'."""
    names = {}
    for annotated in (Id, QuarterStr, DateStr, ActionPattern):
        schema = TypeAdapter(annotated).json_schema()
        description = schema["description"].rstrip(".")
        names[schema["pattern"]] = description[0].lower() + description[1:]
    return names


_PATTERN_NAMES = _pattern_names()


class ScenarioError(Refused):
    """A scenario or exercise file could not be loaded; ``problems`` lists every reason."""


def problem_at(mark: Mark | None, file: str, path: str, message: str) -> Problem:
    """A problem at a YAML mark (0-based there), or at ``file:0:0`` when there is no mark."""
    if mark is None:
        return Problem(file, 0, 0, path, message)
    return Problem(mark.name, mark.line + 1, mark.column + 1, path, message)


def file_problem(file: str, message: str) -> ScenarioError:
    """An error about a whole file: missing, unreadable, empty."""
    return ScenarioError([Problem(file, 0, 0, ROOT, message)])


def locate(issue: Issue, root: Node, file: str) -> Problem:
    """Find the node ``issue.loc`` names; stop at the deepest one that exists (a missing key
    is reported at its parent mapping) and report the path walked so far."""
    node, key, path = root, root, ROOT
    for step in issue.loc:
        if step == KEY:
            node = key
            continue
        found = _child(node, step)
        if found is None:
            break
        key, node = found
        path = join_path(path, step)
    return problem_at(node.start_mark, file, path, issue.message)


def _child(node: Node, step: str | int) -> tuple[Node, Node] | None:
    """The (key node, value node) that ``step`` names under ``node``, if any."""
    if isinstance(node, MappingNode):
        return next(((k, v) for k, v in node.value if k.value == str(step)), None)
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item: Node = node.value[step]
        return item, item
    return None


def validation_issues(error: ValidationError) -> list[Issue]:
    """Turn pydantic's errors into issues with YAML paths and short, human messages."""
    return [Issue(_yaml_loc(detail), message(detail, _PATTERN_NAMES)) for detail in error.errors()]


def _yaml_loc(detail: ErrorDetails) -> Loc:
    """The error's path in the YAML: without the tags pydantic inserts for discriminated unions
    (a condition ``{status: ...}`` appears as ``('status', 'status', ...)`` in ``loc`` but is
    one key in the YAML), and at the key itself for an unknown key."""
    loc = detail["loc"]
    steps: list[str | int] = []
    i = 0
    while i < len(loc):
        step = loc[i]
        steps.append(step)
        i += 2 if step in _UNION_TAGS and loc[i + 1 : i + 2] == (step,) else 1
    if detail["type"] == "extra_forbidden":
        steps.append(KEY)
    return tuple(steps)
