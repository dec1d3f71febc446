"""The one JSON writer of every command's `--format json`.

- Numbers: every float rounded to `assess.render.fmt.MACHINE_DECIMALS` (6)
  decimals, so no float noise (`0.09000000000000001`) reaches a diff; a NaN
  or an infinity is written as null, never as the `NaN` / `Infinity` that
  strict parsers refuse. Integers stay integers. Each number is rounded on
  its own: sums agree with their parts to rounding.
- Text: UTF-8 as is, but every control character (C0, DEL, C1) and bidi
  control escaped as `\\uXXXX`, so JSON printed to a terminal cannot drive
  it, and `assess.render.safe.printable` leaves it whole.
- NumPy scalars and arrays, tuples and dict keys are turned into plain JSON.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from typing import Any

from assess.render.fmt import machine

_RAW_CONTROL = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What `json.dumps(ensure_ascii=False)` leaves unescaped of what `printable` drops."""


def plain(value: Any) -> Any:
    """`value` as plain JSON data, numbers rounded (see the module docstring)."""
    if isinstance(value, bool | None | str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return machine(float(value))
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return _numpy_plain(value)


def _numpy_plain(value: Any) -> Any:
    """A NumPy scalar or array as plain data; NumPy is looked at only if some
    module loaded it (without it, no value can be one of its types)."""
    np = sys.modules.get("numpy")
    if np is not None:
        if isinstance(value, np.integer):
            return int(value)
        if isinstance(value, np.floating):
            return machine(float(value))
        if isinstance(value, np.ndarray):
            return [plain(v) for v in value]
        if isinstance(value, np.bool_):
            return bool(value)
    raise TypeError(f"not JSON data: {type(value).__name__}")


def to_json(data: Any) -> str:
    """`data` as indented JSON text that any strict parser reads."""
    text = json.dumps(plain(data), indent=2, ensure_ascii=False, allow_nan=False)
    return _RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
