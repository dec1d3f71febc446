"""`assess schema`: the JSON Schema of case files (and of the catalogue)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of case files",
        description="Print the JSON Schema of case files, for editors to validate them.",
    )
    p.add_argument("--catalogue", action="store_true", help="the schema of criteria.yaml instead")
    p.set_defaults(run=run)


def schema_text(catalogue: bool = False) -> str:
    """The schema, with the fields' docstrings as descriptions.

    The models read their docstrings only when ASSESS_SCHEMA_DOCS=1 was set
    before they were imported (see `assess.model.base`); otherwise the
    schema is made in a fresh process that sets it."""
    from assess.model.base import SCHEMA_DOCS

    if not SCHEMA_DOCS:
        cmd = [sys.executable, "-m", "assess", "schema", *(["--catalogue"] if catalogue else [])]
        env = {**os.environ, "ASSESS_SCHEMA_DOCS": "1"}
        return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    from assess.model import Case, Catalogue

    schema = (Catalogue if catalogue else Case).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.catalogue))
    return 0
