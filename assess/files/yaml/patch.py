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

from dataclasses import dataclass, replace
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assess.errors import InputError
from assess.files.yaml.dump import body, dump_unchecked, dump_yaml, emit_inline, key_text, reads_back, same
from assess.files.yaml.safe import Path, mapping_key, parse_yaml
from assess.files.yaml.spans import CannotPatch, Spans

MAX_ATTEMPTS = 8
"""Patch attempts, each re-emitting larger nodes, before the whole document is."""


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
    for _ in range(MAX_ATTEMPTS):
        try:
            planner = _Planner(text, doc.root, forced)
            edits = planner.settle(planner.plan(doc.root, doc.data, new, (), _Ctx("root", 0)))
            out = _apply(text, edits)
        except CannotPatch:
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
            raise CannotPatch("overlapping edits")
        out += [text[pos : e.start], e.text]
        pos = e.end
    return "".join(out) + text[pos:]


class _Planner(Spans):
    """Plans the edits for one attempt; `forced` paths are re-emitted whole."""

    def __init__(self, text: str, root: Node, forced: set[Path]) -> None:
        super().__init__(text, root)
        self.forced = forced
        self.nl = "\r\n" if "\r\n" in text else "\n"

    def settle(self, edits: list[_Edit]) -> list[_Edit]:
        """Move an insert planned after a value whose last lines are deleted
        up to the last line that stays."""
        cuts = [(e.start, e.end) for e in edits if e.end > e.start and not e.text]
        out = []
        for e in edits:
            pos = e.start
            while (
                e.start == e.end
                and e.text.startswith(self.nl)
                and (cut := next((c for c in cuts if c[0] < pos < c[1]), None))
            ):
                if not cut[0]:
                    raise CannotPatch("nothing left to insert after")
                pos = self.line_end(cut[0] - 1)
            out.append(replace(e, start=pos, end=pos) if pos != e.start else e)
        return out

    # -- planning ---------------------------------------------------------------

    def plan(self, node: Node, old: Any, new: Any, path: Path, ctx: _Ctx) -> list[_Edit]:
        if same(old, new):
            return []
        if self.is_ref(ctx.parent, ctx.slot, node):
            return [self.redump(node, new, path, ctx, self.ref_span(ctx.parent, ctx.slot))]
        if path in self.forced:
            return [self.redump(node, new, path, ctx)]
        try:
            if (
                isinstance(node, ScalarNode)
                and _scalar(new)
                and _scalar(old)
                and node.start_mark.index < node.end_mark.index
            ):
                text = self.scalar_text(node, new, ctx)
                return [self.inline(node.start_mark.index, self.end(node), text, path[:-1])]
            if isinstance(node, MappingNode) and isinstance(old, dict) and isinstance(new, dict) and new:
                return self.mapping(node, old, new, path, ctx)
            if (
                isinstance(node, SequenceNode)
                and isinstance(old, list)
                and isinstance(new, list | tuple)
                and new
            ):
                return self.sequence(node, old, list(new), path, ctx)
        except CannotPatch:
            pass
        return [self.redump(node, new, path, ctx)]

    def edit(self, start: int, end: int, text: str, scope: Path | None) -> _Edit:
        return _Edit(start, end, text.replace("\n", self.nl), scope)

    def mapping(self, node: MappingNode, old: dict, new: dict, path: Path, ctx: _Ctx) -> list[_Edit]:
        pairs, flow = node.value, ctx.flow or bool(node.flow_style)
        if any(self.is_ref(node, ("k", i), k) for i, (k, _) in enumerate(pairs)):
            raise CannotPatch("alias keys")
        keys = [mapping_key(k) for k, _ in pairs]
        given = {key_text(k): k for k in new}  # inserted keys keep their type: `3:`
        new = {key_text(k): v for k, v in new.items()}
        if flow and set(keys) != set(new) or not set(keys) & set(new):
            raise CannotPatch("the keys changed")
        col = pairs[0][0].start_mark.column
        # added keys, by the kept key they follow (None: before the first)
        runs: dict[str | tuple[None, str] | None, dict[Any, Any]] = {}
        prev: str | None = None
        for k in new:
            if k in old:
                prev = k
            else:
                runs.setdefault(prev, {})[given[k]] = new[k]
        first = next(i for i, k in enumerate(keys) if k in new)
        if None in runs and not self.leading(pairs[first][0].start_mark.index):
            runs[keys[first]] = runs.pop(None) | runs.get(keys[first], {})
        edits = []
        if None in runs:
            pos = self.line_start(pairs[first][0].start_mark.index)
            edits.append(self.edit(pos, pos, self.block(runs[None], col) + "\n", path))
        for i, (key, (knode, vnode)) in enumerate(zip(keys, pairs, strict=True)):
            if not isinstance(key, str) or key not in new:  # a (None, why) key is never in new
                if not self.leading(knode.start_mark.index):
                    raise CannotPatch("the key shares its line")
                end = self.after_line(self.child_end(node, i))
                edits.append(self.edit(self.line_start(knode.start_mark.index), end, "", path))
                continue
            sub = _Ctx("map", col, flow, node, ("v", i), knode)
            edits += self.plan(vnode, old[key], new[key], path + (key,), sub)
            if key in runs:
                pos = self.line_end(self.child_end(node, i))
                edits.append(self.edit(pos, pos, "\n" + self.block(runs[key], col), path))
        return edits

    def sequence(self, node: SequenceNode, old: list, new: list, path: Path, ctx: _Ctx) -> list[_Edit]:
        items, flow = node.value, ctx.flow or bool(node.flow_style)
        n, m = len(old), len(new)
        if flow and n != m:
            raise CannotPatch("a flow list changed length")
        col = node.start_mark.column
        if not flow and self.text[node.start_mark.index] != "-":
            raise CannotPatch("a tagged or anchored list")
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
            added = self.block(new[a : m - s], col)
            if a:
                pos = self.line_end(self.child_end(node, a - 1))
                edits.append(self.edit(pos, pos, "\n" + added, path))
            else:
                pos = self.dash_line(node)
                edits.append(self.edit(pos, pos, added + "\n", path))
        return edits

    def redump(
        self, node: Node, new: Any, path: Path, ctx: _Ctx, span: tuple[int, int] | None = None
    ) -> _Edit:
        """Re-emit `node` whole as `new`, in its place and indentation; `span`
        gives the place of an alias, which then goes (the anchor stays)."""
        scope = path[:-1] if path else None
        start, end = span or (node.start_mark.index, self.end(node))
        old: Node | None = None if span else node
        # a non-empty flow collection stays flow; `{}` and `[]` grow into blocks
        was_flow = isinstance(old, MappingNode | SequenceNode) and old.flow_style and bool(old.value)
        if ctx.flow or was_flow:
            return self.edit(start, end, emit_inline(new, flow=True), scope)
        is_block = isinstance(new, dict | list | tuple) and len(new) > 0
        block_old = isinstance(old, MappingNode | SequenceNode) or start == end
        if ctx.kind == "map" and (is_block or block_old):
            start = self.colon_after(ctx.key)  # type: ignore[arg-type]
            if is_block:
                return self.edit(start, end, "\n" + self.block(new, ctx.indent + 2), scope)
            return self.inline(start, end, " " + self.scalar_text(old, new, ctx), scope)
        lead = " " if start == end and ctx.kind == "seq" else ""
        if not is_block:
            return self.inline(start, end, lead + self.scalar_text(old, new, ctx), scope)
        col = start - self.line_start(start) + len(lead)
        if ctx.kind == "root" and col:
            raise CannotPatch("a top-level value not at column 1")
        return self.edit(start, end, lead + self.block(new, col).lstrip(" "), scope)

    # -- text -------------------------------------------------------------------

    def inline(self, start: int, end: int, text: str, scope: Path | None) -> _Edit:
        """Replace [start, end) by a scalar's text; a comment after a value that
        becomes a block scalar moves up to its `|` line."""
        first, nl, rest = text.partition("\n")
        tail = self.text[end : self.line_end(end)]
        if nl and first.lstrip()[:1] in ("|", ">") and tail.strip():
            if not tail.lstrip().startswith("#"):
                raise CannotPatch("text after a value that becomes a block scalar")
            text, end = first + tail + nl + rest, end + len(tail)
        return self.edit(start, end, text, scope)

    def scalar_text(self, node: Node | None, new: Any, ctx: _Ctx) -> str:
        style = node.style if isinstance(node, ScalarNode) and isinstance(new, str) else None
        if style in ("'", '"') and "\n" in new:
            style = None
        if ctx.flow:
            return emit_inline(new, style, flow=True)
        first, *rest = emit_inline(new, style).split("\n")
        indent = ctx.indent + 2
        is_block = style in ("|", ">") and first[:1] in "|>" and not any(c.isdigit() for c in first)
        if is_block and isinstance(node, ScalarNode):  # a style is only ever a scalar's
            indent = self.block_indent(node) or indent
        return "\n".join([first] + [" " * (indent - 2) + line if line else "" for line in rest])

    def block(self, data: Any, col: int) -> str:
        """`data` dumped in block style, every line indented to column `col`."""
        lines = body(dump_unchecked(data)).split("\n")
        return "\n".join(" " * col + line if line else "" for line in lines)


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list | tuple)
