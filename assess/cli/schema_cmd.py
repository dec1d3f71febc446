"""`assess schema`: the JSON Schema of case files (and of the catalogue)."""

from __future__ import annotations

import argparse
import json


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of case files",
        description="Print the JSON Schema of case files, for editors to validate them.",
    )
    p.add_argument("--catalogue", action="store_true", help="the schema of criteria.yaml instead")
    p.set_defaults(run=run)


def schema_text(catalogue: bool = False) -> str:
    from assess.model import Case, Catalogue

    model = Catalogue if catalogue else Case
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def run(args: argparse.Namespace) -> int:
    print(schema_text(args.catalogue), end="")
    return 0
