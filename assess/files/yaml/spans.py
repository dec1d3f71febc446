"""Where the text of a composed YAML node starts and ends, for editing in place.

PyYAML's marks give where a node starts; where it ends is less exact: a block
collection ends at the next token after it (past comments and blank lines), a
block scalar after its trailing blank lines, and an alias shares the marks of
its anchor. `Spans` works out the spans an editor needs from a text and its
node tree, and raises `CannotPatch` where it cannot be sure.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode


class CannotPatch(Exception):
    """This node cannot be edited in place: re-emit the node around it."""


class Spans:
    """Text positions in `text`, whose node tree is `root`."""

    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.first: dict[int, tuple[int | None, Any]] = {id(root): (None, None)}
        self._index(root)

    def _index(self, node: Node) -> None:
        """Remember where each node first occurs: later occurrences are aliases."""
        for slot, child in _children(node):
            if id(child) not in self.first:
                self.first[id(child)] = (id(node), slot)
                self._index(child)

    def is_ref(self, parent: Node | None, slot: Any, node: Node) -> bool:
        return self.first.get(id(node)) != (None if parent is None else id(parent), slot)

    def end(self, node: Node) -> int:
        """Where a node's own text ends (PyYAML's block ends reach into what follows)."""
        if isinstance(node, ScalarNode):
            if node.style not in ("|", ">"):
                return node.end_mark.index
            seg = self.text[node.start_mark.index : node.end_mark.index].rstrip(" \t\r\n")
            return self.line_end(node.start_mark.index + len(seg) - 1)
        if not isinstance(node, CollectionNode) or node.flow_style or not node.value:
            return node.end_mark.index
        return self.child_end(node, len(node.value) - 1)

    def child_end(self, node: Node, i: int) -> int:
        """The end of item i (or pair i's value); an alias ends after its name."""
        if isinstance(node, MappingNode):
            child = node.value[i][1]
            if not self.is_ref(node, ("v", i), child):
                return self.end(child)
            return self.alias_end(node.value[i][0].end_mark.index)
        j = i  # aliases in a list: from the last item that is not one, name by name
        while j >= 0 and self.is_ref(node, j, node.value[j]):
            j -= 1
        pos = self.end(node.value[j]) if j >= 0 else node.start_mark.index
        for _ in range(j + 1, i + 1):
            pos = self.alias_end(pos)
        return pos

    def ref_span(self, parent: Node | None, slot: Any) -> tuple[int, int]:
        """Where the alias `*name` standing in `parent` at `slot` is written."""
        if isinstance(parent, MappingNode):
            return self.alias_span(parent.value[slot[1]][0].end_mark.index)
        if not isinstance(parent, SequenceNode):
            raise CannotPatch("an alias at the top")
        return self.alias_span(self.child_end(parent, slot - 1) if slot else parent.start_mark.index)

    def alias_end(self, after: int) -> int:
        return self.alias_span(after)[1]

    def alias_span(self, after: int) -> tuple[int, int]:
        """The span of the alias `*name` that is the next token after `after`."""
        star = self.text.find("*", after)
        if star < 0 or self.text[after:star].strip(" \t\r\n:-?,[{"):
            raise CannotPatch("cannot find an alias")
        stop = star + 1
        while stop < len(self.text) and self.text[stop] not in " \t\r\n,[]{}":
            stop += 1
        return star, stop

    def block_indent(self, node: Node) -> int:
        for line in self.text[node.start_mark.index : self.end(node)].split("\n")[1:]:
            if line.strip():
                return len(line) - len(line.lstrip(" "))
        return 0

    def colon_after(self, key: Node) -> int:
        i = key.end_mark.index
        while i < len(self.text) and self.text[i] in " \t":
            i += 1
        if i >= len(self.text) or self.text[i] != ":":
            raise CannotPatch("no ':' after the key")
        return i + 1

    def dash_line(self, node: SequenceNode) -> int:
        if not self.leading(node.start_mark.index):
            raise CannotPatch("the list starts inside a line")
        return self.line_start(node.start_mark.index)

    def leading(self, i: int) -> bool:
        return not self.text[self.line_start(i) : i].strip(" ")

    def line_start(self, i: int) -> int:
        return self.text.rfind("\n", 0, i) + 1

    def line_end(self, i: int) -> int:
        j = self.text.find("\n", i)
        if j < 0:
            return len(self.text)
        return j - 1 if j and self.text[j - 1] == "\r" else j

    def after_line(self, i: int) -> int:
        j = self.text.find("\n", i)
        return len(self.text) if j < 0 else j + 1


def _children(node: Node) -> list[tuple[Any, Node]]:
    if isinstance(node, SequenceNode):
        return list(enumerate(node.value))
    if isinstance(node, MappingNode):
        return [p for i, (k, v) in enumerate(node.value) for p in ((("k", i), k), (("v", i), v))]
    return []
