"""The preference kernels import only NumPy and the standard library (highspy lazily)."""

from __future__ import annotations

import json
import subprocess
import sys


def test_kernels_import_nothing_of_the_case_layers():
    code = (
        "import sys, json\n"
        "import assess.kernels.preferences\n"
        "print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in "
        "('pydantic', 'yaml', 'textual', 'rich', 'highspy', 'scipy') or "
        "(k.startswith('assess.') and not k.startswith('assess.kernels')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_solving_prints_nothing(capfd):
    """HiGHS's banner goes to file descriptor 1; the kernels must keep it quiet."""
    from assess.kernels.preferences import Interval, WeightPolytope

    WeightPolytope(3, [Interval(0, 0.2, 0.4)]).bounds()
    out, err = capfd.readouterr()
    assert out == "" and err == ""
