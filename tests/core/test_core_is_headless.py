"""The core must import without Textual or Rich (the CLI starts fast, the
core can be used from notebooks and CI)."""

from __future__ import annotations

import json
import subprocess
import sys

CORE = [
    "assess.model",
    "assess.core.view",
    "assess.core.scoring",
    "assess.core.validate",
    "assess.core.values",
    "assess.files.casefile",
    "assess.files.csv_import",
    "assess.render.text.ranking",
    "assess.cli",
    "assess.kernels.methods",
    "assess.kernels.weighting",
    "assess.kernels.robustness",
]


def test_core_imports_without_textual_or_rich() -> None:
    code = (
        "import sys, json\n"
        f"for m in {CORE!r}: __import__(m)\n"
        "print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
