"""Writing YAML that people read in review: `dump_yaml` and its building blocks.

Files live in git, so what we write must be pleasant to read and to diff:
keys keep their order, long or multi-line text becomes a block scalar,
sequences are indented under their key, floats that are whole print as ints.
`patch_yaml` (in `assess.files.yaml.patch`, built on these blocks) changes an
existing text only where the data changed. The dumper is a subclass: PyYAML's
global representers stay untouched.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import yaml

from assess.errors import InputError
from assess.files.yaml.safe import parse_yaml

WIDTH = 88
LONG_TEXT = 70
"""Strings longer than this (or with line breaks) are written as block scalars."""
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ODD_BREAKS = frozenset("\x85\u2028\u2029")


class _Dumper(yaml.SafeDumper):
    """SafeDumper with our styles; `block_text` False writes strings the plain way."""

    block_text = True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # PyYAML writes `key:\n- item`; never indentless gives `key:\n  - item`.
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never write &id001 anchors for shared objects


class _PlainDumper(_Dumper):
    block_text = False


def _safe_style(text: str, style: str | None) -> str | None:
    """`style`, unless `text` holds a Unicode line break (NEL, LS, PS): PyYAML
    writes those raw in plain, single-quoted and block styles, and they do not
    read back; double quotes escape them."""
    return '"' if _ODD_BREAKS.intersection(text) else style


def _represent_str(dumper: _Dumper, data: str) -> yaml.ScalarNode:
    style = None
    if dumper.block_text and "\n" in data:
        style = "|"  # PyYAML falls back to quotes where '|' cannot hold the text
    elif dumper.block_text and len(data) > LONG_TEXT and " " in data.strip():
        style = ">"
    return dumper.represent_scalar(_STR, data, style=_safe_style(data, style))


def _represent_float(dumper: _Dumper, data: float) -> yaml.ScalarNode:
    if data.is_integer():
        return dumper.represent_int(int(data))
    return yaml.SafeDumper.represent_float(dumper, data)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(float, _represent_float)
_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)
# dates already dump as YYYY-MM-DD (SafeRepresenter.represent_date).


def dump_yaml(data: Any) -> str:
    """`data` as a readable YAML document that parses back (with `parse_yaml`) to it.

    If PyYAML's block-scalar writer ever produces text that does not read back
    the same, the document is written again with plain and quoted strings.
    """
    text = dump_unchecked(data)
    if not reads_back(text, data):
        text = dump_unchecked(data, plain=True)
    return text


def dump_unchecked(data: Any, *, plain: bool = False, flow: bool = False) -> str:
    """One YAML document for `data`, unchecked: building block for patches."""
    return yaml.dump(
        data,
        Dumper=_PlainDumper if plain or flow else _Dumper,
        sort_keys=False,
        default_flow_style=flow,
        allow_unicode=True,
        indent=2,
        width=10**9 if flow else WIDTH,
    )


def emit_inline(value: Any, style: str | None = None, *, flow: bool = False) -> str:
    """`value` as it follows `key: ` in a block mapping (later lines indented by
    2), or, with `flow`, as an item of a one-line flow list. Block mode takes
    scalars and empty collections only. `style` asks for a string style
    (quotes, `|`, `>`); PyYAML keeps it where the string allows it."""
    rep = (_PlainDumper if flow else _Dumper)(io.StringIO(), sort_keys=False, default_flow_style=flow)
    node = rep.represent_data(value)
    if style and isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        node.style = _safe_style(node.value, style)
    if flow:
        wrapper: yaml.Node = yaml.SequenceNode(_SEQ, [node], flow_style=True)
    else:
        wrapper = yaml.MappingNode(_MAP, [(yaml.ScalarNode(_STR, "k"), node)], flow_style=False)
    out = yaml.serialize(
        wrapper,
        Dumper=_PlainDumper if flow else _Dumper,
        allow_unicode=True,
        indent=2,
        width=10**9 if flow else WIDTH,
    )
    out = body(out)
    return out[1:-1] if flow else out[3:]


def body(out: str) -> str:
    """A dumped document without its final newline and `...` end marker."""
    if out.endswith("\n...\n"):
        out = out[:-4]
    return out[:-1] if out.endswith("\n") else out


def reads_back(text: str, data: Any) -> bool:
    """Whether `text` parses (our way) to data equal to `data`."""
    try:
        return same(parse_yaml(text.encode("utf-8"), "<written>").data, data)
    except InputError:
        return False


def same(a: Any, b: Any) -> bool:
    """Data equality as a YAML file sees it: tuples are lists, 3 == 3.0,
    True is not 1, dict keys compare by their text, dates by type and value."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        ka = {key_text(k): v for k, v in a.items()}
        kb = {key_text(k): v for k, v in b.items()}
        return ka.keys() == kb.keys() and all(same(ka[k], kb[k]) for k in ka)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def key_text(key: Any) -> str:
    """The string a mapping key becomes when parsed (see `assess.files.yaml.safe`)."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)
