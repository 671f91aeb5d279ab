"""``extends:``: a scenario may start from another file and say only what differs.

``extends: other.yaml`` names a ``.yaml`` file relative to the extending one, or a shipped one
(``extends: builtin:1922_succession.yaml``, ``game.resources``); that file may itself
extend another, up to ``MAX_EXTENDS`` files deep. The file must be a regular file (links are
followed; devices, pipes and folders are refused before anything is read). A loop is an error
naming the chain; any error names the file, never what it holds. The merge
rule, applied from the most basic file outwards (the extending file is the *override*):

- two mappings merge key by key, recursively; a key only in the override is appended;
- two non-empty lists whose items are all mappings with an ``id`` key merge by id: an override
  item with an existing id is deep-merged into that item (which keeps its place), an item with
  a new id is appended, in order, and ``{id: x, remove: true}`` deletes item ``x``;
- anything else (scalars, other lists, an empty list, a mapping over a list...) is replaced;
- so is a ``condition``: it is one test, and merging ``{all: ...}`` with ``{any: ...}`` would
  make a mapping with two tests.

``extends`` itself is dropped after merging. The merge works on YAML node trees, not on Python
values, so every node keeps the mark of the file that contributed it and errors found later
point into the right file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.boundary.files import resolve_input
from game.boundary.messages import describe
from game.boundary.refusal import ROOT, Problem, Refused, join_path
from game.limits import MAX_EXTENDS
from game.resources import beside
from game.scenario.errors import ScenarioError, problem_at

EXTENDS = "extends"
CONDITION = "condition"
Reader = Callable[[Path], MappingNode]
_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
SUFFIXES = (".yaml", ".yml")


def resolve_extends(path: Path, read: Reader, problems: list[Problem]) -> MappingNode:
    """Read ``path`` with ``read`` and merge it over everything it extends, recursively.

    A broken chain (missing file, loop) raises ``ScenarioError``; a problem within a merge
    (removing an item that does not exist) is appended to ``problems`` and the merge goes on,
    so that the rest of the file is still checked."""
    return _resolve(path, read, (), problems)


def _resolve(
    path: Path, read: Reader, chain: tuple[Path, ...], problems: list[Problem]
) -> MappingNode:
    """Resolve one link; ``chain`` holds the files that extend this one, outermost first."""
    root = read(path)
    found = _extends_node(root)
    if found is None:
        return root
    chain = (*chain, path)
    if len(chain) > MAX_EXTENDS:
        raise _error(found[1], f"extends more than {MAX_EXTENDS} files deep")
    base_path = _target(found[1], path, chain)
    base = _resolve(base_path, read, chain, problems)
    overrides = MappingNode(
        root.tag, [(k, v) for k, v in root.value if k is not found[0]], root.start_mark
    )
    return _merge_mappings(base, overrides, problems, ROOT)


def _extends_node(root: MappingNode) -> tuple[Node, Node] | None:
    """The (key, value) pair of ``extends`` in a top-level mapping, if there is one."""
    return next(((k, v) for k, v in root.value if k.value == EXTENDS), None)


def _target(value: Node, path: Path, chain: tuple[Path, ...]) -> Path:
    """The file an ``extends`` value names; an error if it is no file name, missing or a loop."""
    if not (isinstance(value, ScalarNode) and value.tag == _STR_TAG and value.value):
        raise _error(value, "extends must name a scenario file")
    target = beside(path, value.value)
    if target.suffix not in SUFFIXES:
        raise _error(value, f"extends must name a .yaml scenario file, not {describe(value.value)}")
    try:
        resolve_input(target, "a scenario file")
    except Refused as error:
        raise _error(
            value, f"cannot extend {describe(value.value)}: {target}: {error.reason}"
        ) from None
    seen = [link.resolve() for link in chain]
    if target.resolve() in seen:
        loop = [*chain[seen.index(target.resolve()) :], target]
        raise _error(value, "extends loop: " + " -> ".join(map(str, loop)))
    return target


def _error(node: Node, message: str) -> ScenarioError:
    """An error at the ``extends`` value."""
    return ScenarioError([problem_at(node.start_mark, "", EXTENDS, message)])


def merge_nodes(base: Node, override: Node, problems: list[Problem], path: str = ROOT) -> Node:
    """``override`` merged over ``base`` (at dotted ``path``) by the rule in the module
    docstring; inputs are not changed. An item removed that does not exist is a problem."""
    if isinstance(base, MappingNode) and isinstance(override, MappingNode):
        return _merge_mappings(base, override, problems, path)
    base_items, override_items = _items_by_id(base), _items_by_id(override)
    if base_items is not None and override_items:
        return _merge_by_id(base_items, override_items, override, problems, path)
    return override


def _merge_mappings(
    base: MappingNode, override: MappingNode, problems: list[Problem], path: str
) -> MappingNode:
    """Key by key; keys keep the base's order, new keys are appended."""
    pairs = {_key(k): (k, v) for k, v in base.value}
    for key, value in override.value:
        name = _key(key)
        if name in pairs and name != CONDITION:
            value = merge_nodes(pairs[name][1], value, problems, join_path(path, name))
        pairs[name] = (key, value)
    return MappingNode(override.tag, list(pairs.values()), override.start_mark, override.end_mark)


def _merge_by_id(
    base_items: list[tuple[str, Node]],
    override_items: list[tuple[str, Node]],
    override: Node,
    problems: list[Problem],
    path: str,
) -> SequenceNode:
    """Items matched by id: merged in place, appended, or removed."""
    items = dict(base_items)
    for item_id, item in _unique(override_items, problems, path):
        if _removes(item):
            if items.pop(item_id, None) is None:
                message = f"cannot remove {item_id!r}: the extended file has no item with this id"
                problems.append(problem_at(item.start_mark, "", path, message))
        elif item_id in items:
            item_path = join_path(path, list(items).index(item_id))
            items[item_id] = merge_nodes(items[item_id], item, problems, item_path)
        else:
            items[item_id] = item
    return SequenceNode(override.tag, list(items.values()), override.start_mark, override.end_mark)


def _unique(
    items: list[tuple[str, Node]], problems: list[Problem], path: str
) -> list[tuple[str, Node]]:
    """The (id, item) pairs of an override list without repeats; an id given twice there is a
    problem (merging would silently fold the two items together)."""
    first_line: dict[str, int] = {}
    unique = []
    for item_id, item in items:
        if item_id in first_line:
            message = f"duplicate id {item_id!r} (first on line {first_line[item_id]})"
            problems.append(problem_at(item.start_mark, "", path, message))
        else:
            first_line[item_id] = item.start_mark.line + 1
            unique.append((item_id, item))
    return unique


def _key(node: Node) -> str | int:
    """What identifies a mapping key: its text, or the node itself for a complex key."""
    return node.value if isinstance(node, ScalarNode) else id(node)


def _items_by_id(node: Node) -> list[tuple[str, Node]] | None:
    """(id, item) pairs of a list whose items are all mappings with a scalar ``id``; None for
    anything else."""
    if not isinstance(node, SequenceNode):
        return None
    ids = [_field(item, "id") for item in node.value]
    if None in ids:
        return None
    return [
        (str(item_id.value), item) for item_id, item in zip(ids, node.value, strict=True) if item_id
    ]


def _removes(item: Node) -> bool:
    """Whether an override item says ``remove: true``."""
    flag = _field(item, "remove")
    return (
        flag is not None
        and flag.tag == _BOOL_TAG
        and SafeConstructor.bool_values[flag.value.lower()]
    )


def _field(mapping: Node, name: str) -> ScalarNode | None:
    """The scalar value under key ``name`` of a mapping node; None if absent or not a scalar."""
    if not isinstance(mapping, MappingNode):
        return None
    return next(
        (v for k, v in mapping.value if _key(k) == name and isinstance(v, ScalarNode)), None
    )
