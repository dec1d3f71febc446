"""Everything below the TUI imports without the terminal: neither Textual nor Rich
(nor textual-serve and aiohttp), so the non-UI commands start fast and the core
can be used from notebooks and CI. One test, in a fresh interpreter, over every
module of the layers below `assess.tui` and every CLI command module (their UI
imports are lazy, inside the commands that open the UI).

`tests/test_layers.py` checks the same statically, import by import; this one
checks what actually ends up loaded, third-party packages included."""

from __future__ import annotations

import json
import subprocess
import sys

TERMINAL = ("textual", "rich", "textual_serve", "aiohttp")
HEADLESS_PACKAGES = ("errors", "model", "kernels", "core", "files", "render", "cli")

CODE = f"""
import importlib, json, pkgutil, sys
import assess
names = []
for info in pkgutil.walk_packages(assess.__path__, "assess."):
    if info.name.split(".")[1] in {HEADLESS_PACKAGES!r}:
        importlib.import_module(info.name)
        names.append(info.name)
loaded = sorted(k for k in sys.modules if k.split(".")[0] in {TERMINAL!r})
print(json.dumps({{"imported": names, "terminal": loaded}}))
"""


def test_every_module_below_the_tui_imports_without_the_terminal() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["terminal"] == []
    imported = set(result["imported"])
    assert {
        "assess.core.edit",
        "assess.render.report",
        "assess.cli.serve_cmd",
        "assess.cli.open_cmd",
    } <= imported
    assert not any(m.startswith("assess.tui") for m in imported)
