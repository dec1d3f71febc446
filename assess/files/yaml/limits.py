"""The limits a YAML file must keep before any of it is built, and their checks.

A case file is at most MAX_BYTES long, nests at most MAX_DEPTH lists and
mappings, holds at most MAX_NODES values, and has no recursive alias: these are
checked on the parser's event stream, which costs no recursion and keeps
nothing, and stops at the first value over a limit. Aliases are then measured
on the composed tree, memoised per shared node so that a billion-laughs bomb
costs linear time: with every alias expanded, a file may hold at most
MAX_NODES values and MAX_TEXT characters of text (what any command could end
up writing out), and nest at most MAX_DEPTH levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import Node, ScalarNode, SequenceNode

from assess.files.reading import MAX_BYTES

MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_TEXT = MAX_BYTES
"""Characters of scalar text with aliases expanded: as much as the largest
file without aliases can hold."""


class LimitError(Exception):
    """A limit was hit at `mark`; `message` says which."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark, self.message = mark, message


_STARTS = (MappingStartEvent, SequenceStartEvent)
_ENDS = (MappingEndEvent, SequenceEndEvent)


def scan_events(text: str, loader_class: type) -> bool:
    """Walk the events of `text`: raise LimitError at the first value nested
    deeper than MAX_DEPTH, past MAX_NODES, or at a recursive alias; say whether
    there is an alias at all. YAML errors propagate (yaml.YAMLError)."""
    depth, count, aliased = 0, 0, False
    open_anchors: list[str | None] = []
    for event in yaml.parse(text, Loader=loader_class):
        kind = type(event)  # exact types, not isinstance: hundreds of thousands of events
        if kind in _ENDS:
            depth -= 1
            open_anchors.pop()
            continue
        if kind in _STARTS:
            depth += 1
            open_anchors.append(cast(CollectionStartEvent, event).anchor)  # `kind` says it is one
            if depth > MAX_DEPTH:
                raise LimitError(_mark(event), f"nested deeper than {MAX_DEPTH} levels")
        elif kind is AliasEvent:
            aliased = True
            anchor = cast(AliasEvent, event).anchor
            if anchor in open_anchors:
                raise LimitError(
                    _mark(event),
                    f"the alias *{anchor} refers to a list or mapping that contains it (a recursive alias)",
                )
        elif kind is not ScalarEvent:
            continue  # stream and document events
        count += 1
        if count > MAX_NODES:
            raise LimitError(
                _mark(event), f"the file holds more than {MAX_NODES:,} values, the limit for one file"
            )
    return aliased


def _mark(event: Event) -> yaml.Mark:
    """Where `event` starts: the parser gives every event a mark (the stubs allow None),
    of PyYAML's or libyaml's Mark class, which have the same fields."""
    return cast(yaml.Mark, event.start_mark)


@dataclass(frozen=True, slots=True)
class _Size:
    nodes: int
    chars: int
    height: int


def measure(root: Node) -> None:
    """Raise LimitError if `root`, its aliases expanded, is over a limit."""
    _measure(root, 0, {})


def _measure(node: Node, depth: int, memo: dict[int, _Size]) -> _Size:
    if isinstance(node, ScalarNode):
        return _Size(1, len(node.value), 0)
    if depth >= MAX_DEPTH:
        raise LimitError(node.start_mark, f"nested deeper than {MAX_DEPTH} levels (through aliases)")
    known = memo.get(id(node))
    if known is None:
        nodes, chars, height = 1, 0, 0
        for child in _children(node):
            size = _measure(child, depth + 1, memo)
            nodes, chars, height = nodes + size.nodes, chars + size.chars, max(height, size.height)
            if nodes > MAX_NODES or chars > MAX_TEXT:
                break
        known = memo[id(node)] = _Size(nodes, chars, height + 1)
    _check(node, depth, known)
    return known


def _check(node: Node, depth: int, size: _Size) -> None:
    if size.nodes > MAX_NODES:
        raise LimitError(
            node.start_mark,
            f"through its aliases this value expands to more than "
            f"{MAX_NODES:,} values, the limit for one file (an alias bomb?)",
        )
    if size.chars > MAX_TEXT:
        raise LimitError(
            node.start_mark,
            f"through its aliases this value expands to more than "
            f"{MAX_TEXT:,} characters of text, the limit for one file",
        )
    if depth + size.height > MAX_DEPTH:
        raise LimitError(node.start_mark, f"nested deeper than {MAX_DEPTH} levels (through aliases)")


def _children(node: Node) -> list[Any]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    return [n for pair in node.value for n in pair]
