"""Hostile-proof YAML parsing that remembers where every value stands.

Case files travel between colleagues and through git, so any byte sequence may
arrive. `parse_yaml` turns bytes into plain Python data or raises `InputError`
with file, line and column: never a traceback, a hang or a crash.

Conventions (documented for file authors too):
- Only the YAML 1.1 core types load: null, bool, int, float, str, date/time,
  lists and mappings. Any other tag (``!!python/...``, ``!!set``, ``!foo``) is
  an error naming the tag.
- Mapping keys are strings. A plain key that would resolve to a number, bool
  or date (``2025:``, ``yes:``, ``0x1F:``) is kept as its source text
  (``"2025"``, ``"yes"``, ``"0x1F"``): the model converts keys it wants
  numeric (scale levels). Null, list and mapping keys are errors.
- Merge keys (``<<:``) are refused: write the keys out; a merge hides where a
  value comes from, which our messages must point at.
- ``.nan`` and ``.inf`` are refused here, where the position is still known.
- Limits (see `limits`): MAX_BYTES per file, MAX_DEPTH nested lists and
  mappings, MAX_NODES values and MAX_TEXT characters of text after expanding
  aliases (billion-laughs bombs), no recursive aliases, integers of at most
  MAX_INT_CHARS characters.
  Each refusal says which limit was hit.
- A value reached through an alias is located at its anchor.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from assess.errors import InputError, Problem, capped
from assess.files.yaml.doc import Mark, Path, YamlDoc, path_text
from assess.files.yaml.limits import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    MAX_TEXT,
    LimitError,
    measure,
    scan_events,
)

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "MAX_TEXT", "YamlDoc", "compose", "parse_yaml"]

MAX_INT_CHARS = 80
"""Integers (decimal, hex, octal, binary or sexagesimal) are written in at most
this many characters: a longer one is no score or weight, and converting or
printing it costs time (or fails: Python refuses over 4,300 digits)."""


_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + t for t in ("null", "bool", "int", "float", "str", "timestamp")}
_TEXT_KEY_TAGS = {_T + t for t in ("int", "float", "bool", "timestamp", "str", "value")}


def parse_yaml(
    data: bytes, filename: str, check_root: Callable[[Node | None], str | None] | None = None
) -> YamlDoc:
    """Parse untrusted bytes; raise InputError listing every problem found.

    `check_root` may refuse the composed tree before any value is built (and
    before any message could quote one): it returns why, or None."""
    if len(data) > MAX_BYTES:
        raise _error(
            filename,
            1,
            1,
            f"the file is {len(data):,} bytes; the limit is "
            f"{MAX_BYTES:,} bytes ({MAX_BYTES // 1024 // 1024} MiB)",
        )
    text = _decode(data, filename)
    root, loader = compose(text, filename)
    if check_root is not None and (why := check_root(root)):
        raise _error(filename, 1, 1, why)
    if root is None:
        return YamlDoc(None, text, None, filename=filename)
    builder = _Builder(filename, loader)
    value = builder.value(root, ())
    if builder.problems:
        raise InputError(capped(builder.problems))
    return YamlDoc(value, text, root, builder.marks, builder.key_marks, filename)


def compose(text: str, filename: str = "<text>") -> tuple[Node | None, yaml.SafeLoader]:
    """Compose `text` into a node tree (with marks) under our limits.

    libyaml (ten times faster than PyYAML's own parser) is used where it is
    installed. Its composer recurses in C without a guard, so the limits are
    checked first on its event stream (see `limits`), which stops at the
    first value over a limit however big the file; a tree with aliases is
    then measured with them expanded."""
    loader_class = getattr(yaml, "CSafeLoader", None) or _Loader
    try:
        aliased = scan_events(text, loader_class)
        loader = loader_class(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
        if aliased and root is not None:  # without aliases, the scan's limits are the whole story
            measure(root)
        return root, loader
    except LimitError as e:
        raise _at(filename, e.mark, e.message) from None
    except RecursionError:
        raise _error(
            filename, 0, 0, f"the document is nested too deeply (more than {MAX_DEPTH} levels)"
        ) from None
    except yaml.MarkedYAMLError as e:
        raise _marked(filename, e, text) from None
    except yaml.reader.ReaderError as e:
        line, column = _line_col(text, e.position)
        raise _error(
            filename,
            line,
            column,
            f"the character {e.character:#04x} is not "
            "allowed in YAML (control characters and NUL are refused)",
        ) from None
    except yaml.YAMLError as e:
        raise _error(filename, 0, 0, f"cannot read the YAML: {e}") from None
    except UnicodeEncodeError as e:  # libyaml and a lone surrogate in the text
        line, column = _line_col(text, e.start)
        raise _error(filename, line, column, "a lone surrogate is not a character") from None


class _Loader(yaml.SafeLoader):
    """PyYAML's own SafeLoader, where libyaml is missing. Its scanner looks
    ahead over every open '[' or '{' for a possible key; capping the level
    keeps '[[[[...' linear and fast."""

    def fetch_flow_collection_start(self, token_class: type) -> None:
        if self.flow_level >= MAX_DEPTH:
            raise LimitError(self.get_mark(), f"nested deeper than {MAX_DEPTH} levels")
        super().fetch_flow_collection_start(token_class)


class _Builder:
    """Walks a measured node tree into plain data, recording marks and problems."""

    def __init__(self, filename: str, loader: yaml.SafeLoader) -> None:
        self.filename, self.loader = filename, loader
        self.problems: list[Problem] = []
        self.marks: dict[Path, Mark] = {}
        self.key_marks: dict[Path, Mark] = {}

    def fail(self, node: Node, message: str, path: Path) -> None:
        problem = _at(self.filename, node.start_mark, message).problems[0]
        self.problems.append(dataclasses.replace(problem, path=path_text(path)))

    def value(self, node: Node, path: Path) -> Any:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        expected = _T + ("seq" if isinstance(node, SequenceNode) else "map")
        if node.tag != expected:
            return self.fail(node, f"unsupported tag {_show_tag(node.tag)}", path)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        return [self.value(item, path + (i,)) for i, item in enumerate(node.value)]  # a SequenceNode

    def mapping(self, node: MappingNode, path: Path) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for knode, vnode in node.value:
            key = self.key(knode, path)
            if key is None:
                continue
            if key in first_line:
                self.fail(
                    knode, f"duplicate key '{key}' (first defined on line {first_line[key]})", path + (key,)
                )
                continue
            first_line[key] = knode.start_mark.line + 1
            mark = knode.start_mark
            self.key_marks[path + (key,)] = (mark.line + 1, mark.column + 1)
            out[key] = self.value(vnode, path + (key,))
        return out

    def key(self, node: Node, path: Path) -> str | None:
        key = mapping_key(node)
        if isinstance(key, str):
            return key
        self.fail(node, key[1], path)
        return None

    def scalar(self, node: ScalarNode, path: Path) -> Any:
        if node.tag == _T + "value":
            return node.value  # a plain '=' is just text in our files
        if node.tag not in _SCALAR_TAGS:
            what = (
                "merge keys (<<) are not supported; write the keys out in full"
                if node.tag == _T + "merge"
                else f"unsupported tag {_show_tag(node.tag)}"
            )
            return self.fail(node, what, path)
        if node.tag == _T + "int" and len(node.value) > MAX_INT_CHARS:
            return self.fail(node, f"the number {_short(node.value)} is too large", path)
        try:
            value = self.loader.yaml_constructors[node.tag](self.loader, node)
        except Exception:  # noqa: BLE001 - explicit tags with bad text, bad dates
            return self.fail(node, f"'{_short(node.value)}' is not a valid {_show_tag(node.tag)} value", path)
        if isinstance(value, float) and not math.isfinite(value):
            return self.fail(node, f"'{_short(node.value)}' is not a finite number", path)
        return value


def mapping_key(node: Node) -> str | tuple[None, str]:
    """The string key a key node stands for, or (None, why it cannot be a key).

    Plain keys resolving to int/float/bool/date keep their source text.
    """
    if not isinstance(node, ScalarNode):
        return None, "a mapping key must be a single word or text, not a list or mapping"
    if node.tag == _T + "merge":
        return None, "merge keys (<<) are not supported; write the keys out in full"
    if node.tag == _T + "null":
        return None, "a mapping key is missing (empty or null key)"
    if node.tag not in _TEXT_KEY_TAGS:
        return None, f"unsupported tag {_show_tag(node.tag)}"
    return node.value


def _decode(data: bytes, filename: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        before = data[data.rfind(b"\n", 0, e.start) + 1 : e.start]
        column = len(before.decode("utf-8", errors="replace")) + 1
        raise _error(
            filename,
            line,
            column,
            f"the file is not UTF-8 text (byte {data[e.start]:#04x} cannot be decoded)",
        ) from None


def _marked(filename: str, e: yaml.MarkedYAMLError, text: str) -> InputError:
    mark = e.problem_mark or e.context_mark
    message = str(e.problem or "invalid YAML")
    if message == "exceeded maximum nesting depth" and mark is not None:  # libyaml's own limit
        return _at(filename, mark, f"nested deeper than {MAX_DEPTH} levels")
    if e.context:
        where = ""
        if e.context_mark is not None and e.context_mark is not mark:
            where = f" (line {e.context_mark.line + 1}, column {e.context_mark.column + 1})"
        message = f"{e.context}{where}: {message}"
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message += " (indent with spaces: YAML does not allow tabs for indentation)"
    return _error(filename, 0, 0, message) if mark is None else _at(filename, mark, message)


def _line_col(text: str, position: int) -> Mark:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


def _error(filename: str, line: int, column: int, message: str) -> InputError:
    return InputError([Problem(filename, line, column, message)])


def _at(filename: str, mark: yaml.Mark, message: str) -> InputError:
    return _error(filename, mark.line + 1, mark.column + 1, message)
