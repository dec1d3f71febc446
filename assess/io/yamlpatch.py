"""Minimal-diff YAML writing: change a text only where its data changed.

Case files are reviewed in git, so saving must not reformat them: comments,
blank lines, key order and quoting outside the changed values survive byte
for byte. `patch_yaml` walks the old and new data along the node tree of the
text and plans edits on the text:

- in place: a changed scalar (its exact span; quoting or block style kept),
  keys added to a block mapping (after the previous kept key in the new
  order), keys removed (their lines), items changed, inserted or removed in a
  block sequence (by common prefix and suffix), values changed inside a flow
  collection of unchanged shape;
- re-emitted (that node only, same indentation, flow style if it was flow):
  flow collections that changed shape, list <-> mapping <-> scalar changes,
  mappings losing their first key on a `- key:` line, values reached through
  aliases.

The result is always parsed again; if it does not read back as `new`, the
edited nodes' parents are re-emitted, and as a last resort the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assess.errors import InputError
from assess.io.yamlsafe import MAX_DEPTH, Path, mapping_key, parse_yaml
from assess.io.yamlwrite import body, dump_yaml, emit, emit_inline, key_text, reads_back, same


class _CannotPatch(Exception):
    """This node cannot be edited in place: its parent re-emits it."""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    scope: Path | None
    """The node to re-emit whole if this edit does not read back (None: the document)."""


@dataclass(frozen=True)
class _Ctx:
    """Where a node stands: under a key ('map'), in a list ('seq') or at the top."""

    kind: str
    indent: int
    """Column of the parent's keys or dashes."""
    flow: bool = False
    parent: Node | None = None
    slot: Any = None
    key: Node | None = None


def patch_yaml(text: str, old: object, new: object) -> str:
    """`text` edited so that it parses to `new`, changing as few bytes as possible.

    `old` is what `text` parses to; the text itself is the authority, so it is
    parsed again here. Raises ValueError only if `new` cannot be written as YAML
    that reads back equal (e.g. it holds NaN or an unsupported type).
    """
    try:
        doc = parse_yaml(text.encode("utf-8"), "<text>")
    except InputError:
        return _whole(new)
    if same(doc.data, new):
        return text
    if doc.root is None:
        return _whole(new)
    forced: set[Path] = set()
    for _ in range(2 * MAX_DEPTH):
        try:
            edits = _Planner(text, doc.root, forced).plan(doc.root, doc.data, new, (),
                                                          _Ctx("root", 0))
            out = _apply(text, edits)
        except _CannotPatch:
            break
        if reads_back(out, new):
            return out
        scopes = {e.scope for e in edits}
        if None in scopes or scopes <= forced:
            break
        forced |= scopes  # type: ignore[arg-type]
    return _whole(new)


def _whole(new: object) -> str:
    text = dump_yaml(new)
    if not reads_back(text, new):
        raise ValueError("the data cannot be written as YAML that reads back the same")
    return text


def _apply(text: str, edits: list[_Edit]) -> str:
    edits = sorted(edits, key=lambda e: e.start)  # stable: same-place inserts keep order
    out, pos = [], 0
    for e in edits:
        if e.start < pos:
            raise _CannotPatch("overlapping edits")
        out += [text[pos:e.start], e.text]
        pos = e.end
    return "".join(out) + text[pos:]


def _children(node: Node) -> list[tuple[Any, Node]]:
    if isinstance(node, SequenceNode):
        return list(enumerate(node.value))
    if isinstance(node, MappingNode):
        return [p for i, (k, v) in enumerate(node.value) for p in ((("k", i), k), (("v", i), v))]
    return []


class _Planner:
    """Plans the edits for one attempt; `forced` paths are re-emitted whole."""

    def __init__(self, text: str, root: Node, forced: set[Path]) -> None:
        self.text, self.forced = text, forced
        self.nl = "\r\n" if "\r\n" in text else "\n"
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

    # -- planning ---------------------------------------------------------------

    def plan(self, node: Node, old: Any, new: Any, path: Path, ctx: _Ctx) -> list[_Edit]:
        if same(old, new):
            return []
        if self.is_ref(ctx.parent, ctx.slot, node):
            raise _CannotPatch("an alias")
        if path in self.forced:
            return [self.redump(node, new, path, ctx)]
        try:
            if isinstance(node, ScalarNode) and _scalar(new) and _scalar(old) \
                    and node.start_mark.index < node.end_mark.index:
                text = self.scalar_text(node, new, ctx)
                return [self.edit(node.start_mark.index, self.end(node), text, path[:-1])]
            if isinstance(node, MappingNode) and isinstance(old, dict) \
                    and isinstance(new, dict) and new:
                return self.mapping(node, old, new, path, ctx)
            if isinstance(node, SequenceNode) and isinstance(old, list) \
                    and isinstance(new, list | tuple) and new:
                return self.sequence(node, old, list(new), path, ctx)
        except _CannotPatch:
            pass
        return [self.redump(node, new, path, ctx)]

    def edit(self, start: int, end: int, text: str, scope: Path | None) -> _Edit:
        return _Edit(start, end, text.replace("\n", self.nl), scope)

    def mapping(self, node: MappingNode, old: dict, new: dict, path: Path, ctx: _Ctx
                ) -> list[_Edit]:
        pairs, flow = node.value, ctx.flow or bool(node.flow_style)
        if any(self.is_ref(node, ("k", i), k) for i, (k, _) in enumerate(pairs)):
            raise _CannotPatch("alias keys")
        keys = [mapping_key(k) for k, _ in pairs]
        new = {key_text(k): v for k, v in new.items()}
        if flow and set(keys) != set(new) or not set(keys) & set(new):
            raise _CannotPatch("the keys changed")
        col = pairs[0][0].start_mark.column
        runs, prev = {}, None  # added keys, by the kept key they follow
        for k in new:
            if k in old:
                prev = k
            else:
                runs.setdefault(prev, {})[k] = new[k]
        first = next(i for i, k in enumerate(keys) if k in new)
        if None in runs and not self.leading(pairs[first][0].start_mark.index):
            runs[keys[first]] = runs.pop(None) | runs.get(keys[first], {})
        edits = []
        if None in runs:
            pos = self.line_start(pairs[first][0].start_mark.index)
            edits.append(self.edit(pos, pos, self.block(runs[None], col) + "\n", path))
        for i, (key, (knode, vnode)) in enumerate(zip(keys, pairs, strict=True)):
            if key not in new:
                if not self.leading(knode.start_mark.index):
                    raise _CannotPatch("the key shares its line")
                end = self.after_line(self.child_end(node, i))
                edits.append(self.edit(self.line_start(knode.start_mark.index), end, "", path))
                continue
            sub = _Ctx("map", col, flow, node, ("v", i), knode)
            edits += self.plan(vnode, old[key], new[key], path + (key,), sub)
            if key in runs:
                pos = self.line_end(self.child_end(node, i))
                edits.append(self.edit(pos, pos, "\n" + self.block(runs[key], col), path))
        return edits

    def sequence(self, node: SequenceNode, old: list, new: list, path: Path, ctx: _Ctx
                 ) -> list[_Edit]:
        items, flow = node.value, ctx.flow or bool(node.flow_style)
        n, m = len(old), len(new)
        if flow and n != m:
            raise _CannotPatch("a flow list changed length")
        col = node.start_mark.column
        if not flow and self.text[node.start_mark.index] != "-":
            raise _CannotPatch("a tagged or anchored list")
        p = next((i for i in range(min(n, m)) if not same(old[i], new[i])), min(n, m))
        s = 0
        while s < min(n, m) - p and same(old[n - 1 - s], new[m - 1 - s]):
            s += 1
        k = min(n, m) - s - p
        edits = []
        for i in range(p, p + k):
            sub = _Ctx("seq", col, flow, node, i)
            edits += self.plan(items[i], old[i], new[i], path + (i,), sub)
        a, b = p + k, n - s  # old items a..b-1 go; new items a..m-s-1 come
        if b > a:
            start = self.after_line(self.child_end(node, a - 1)) if a else self.dash_line(node)
            edits.append(self.edit(start, self.after_line(self.child_end(node, b - 1)), "", path))
        if m - s > a:
            added = self.block(new[a:m - s], col)
            if a:
                pos = self.line_end(self.child_end(node, a - 1))
                edits.append(self.edit(pos, pos, "\n" + added, path))
            else:
                pos = self.dash_line(node)
                edits.append(self.edit(pos, pos, added + "\n", path))
        return edits

    def redump(self, node: Node, new: Any, path: Path, ctx: _Ctx) -> _Edit:
        """Re-emit `node` whole as `new`, in its place and indentation."""
        scope = path[:-1] if path else None
        start, end = node.start_mark.index, self.end(node)
        # a non-empty flow collection stays flow; `{}` and `[]` grow into blocks
        was_flow = isinstance(node, MappingNode | SequenceNode) and node.flow_style \
            and bool(node.value)
        if ctx.flow or was_flow:
            return self.edit(start, end, emit_inline(new, flow=True), scope)
        is_block = isinstance(new, dict | list | tuple) and len(new) > 0
        block_old = isinstance(node, MappingNode | SequenceNode) or start == end
        if ctx.kind == "map" and (is_block or block_old):
            start = self.colon_after(ctx.key)  # type: ignore[arg-type]
            if is_block:
                return self.edit(start, end, "\n" + self.block(new, ctx.indent + 2), scope)
            return self.edit(start, end, " " + self.scalar_text(node, new, ctx), scope)
        lead = " " if start == end and ctx.kind == "seq" else ""
        if not is_block:
            return self.edit(start, end, lead + self.scalar_text(node, new, ctx), scope)
        col = node.start_mark.column + len(lead)
        if ctx.kind == "root" and col:
            raise _CannotPatch("a top-level value not at column 1")
        return self.edit(start, end, lead + self.block(new, col).lstrip(" "), scope)

    # -- text -------------------------------------------------------------------

    def scalar_text(self, node: Node, new: Any, ctx: _Ctx) -> str:
        style = node.style if isinstance(node, ScalarNode) and isinstance(new, str) else None
        if style in ("'", '"') and "\n" in new:
            style = None
        if ctx.flow:
            return emit_inline(new, style, flow=True)
        first, *rest = emit_inline(new, style).split("\n")
        indent = ctx.indent + 2
        if style in ("|", ">") and first[:1] in "|>" and not any(c.isdigit() for c in first):
            indent = self.block_indent(node) or indent
        return "\n".join([first] + [" " * (indent - 2) + line if line else "" for line in rest])

    def block(self, data: Any, col: int) -> str:
        """`data` dumped in block style, every line indented to column `col`."""
        lines = body(emit(data)).split("\n")
        return "\n".join(" " * col + line if line else "" for line in lines)

    def end(self, node: Node) -> int:
        """Where a node's own text ends (PyYAML's block ends reach into what follows)."""
        if isinstance(node, ScalarNode):
            if node.style not in ("|", ">"):
                return node.end_mark.index
            seg = self.text[node.start_mark.index:node.end_mark.index].rstrip(" \t\r\n")
            return self.line_end(node.start_mark.index + len(seg) - 1)
        if node.flow_style or not node.value:
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

    def alias_end(self, after: int) -> int:
        """The end of the alias `*name` that is the next token after `after`."""
        star = self.text.find("*", after)
        if star < 0 or self.text[after:star].strip(" \t\r\n:-?"):
            raise _CannotPatch("cannot find an alias")
        stop = star + 1
        while stop < len(self.text) and self.text[stop] not in " \t\r\n,[]{}":
            stop += 1
        return stop

    def block_indent(self, node: Node) -> int:
        for line in self.text[node.start_mark.index:self.end(node)].split("\n")[1:]:
            if line.strip():
                return len(line) - len(line.lstrip(" "))
        return 0

    def colon_after(self, key: Node) -> int:
        i = key.end_mark.index
        while i < len(self.text) and self.text[i] in " \t":
            i += 1
        if i >= len(self.text) or self.text[i] != ":":
            raise _CannotPatch("no ':' after the key")
        return i + 1

    def dash_line(self, node: SequenceNode) -> int:
        if not self.leading(node.start_mark.index):
            raise _CannotPatch("the list starts inside a line")
        return self.line_start(node.start_mark.index)

    def leading(self, i: int) -> bool:
        return not self.text[self.line_start(i):i].strip(" ")

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


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list | tuple)
