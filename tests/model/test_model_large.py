"""Long lists in the new blocks are read in time proportional to their length.

A file may hold up to 200,000 values (`assess.io.yamlsafe.MAX_NODES`); a check
that compares every entry with every other would hang on such a file. Each run
here is a fresh process given a minute: the work is a fraction of a second when
linear, hours when quadratic (this is a bound against hanging, not a timing)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

N = 60_000

SCRIPT = f"""
import sys
sys.path.insert(0, "tests/model")
from model_cases import full_case_data
from assess.model import Case
from assess.model.references import check_references

data = full_case_data()
ids = [f"c{{i}}" for i in range({N})]
data["weights"]["statements"][0]["order"] = ids
data["weights"]["record"][0]["order"] = ids
data["options"] = [{{"id": f"o{{i}}", "name": "O"}} for i in range({N})]
data["rules"] = {{
    "must": [f"o{{i}}" for i in range(0, {N}, 2)],
    "must_not": [f"o{{i}}" for i in range(1, {N}, 2)],
    "at_most_one": [[f"o{{i}}" for i in range(1, {N}, 2)]],
}}
data["reference"] = "o0"
data["costs"] = {{}}
del data["scenarios"]
case = Case.model_validate(data)
found = check_references(case, set(ids) | {{"gain", "reach", "risk"}})
print(len(found))
"""


def test_long_orders_and_rules_are_read_in_linear_time() -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1"]  # the reference 'o0' named in `must`
