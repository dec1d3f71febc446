"""`assess import`: a spreadsheet decision matrix (CSV) to a case file."""

from __future__ import annotations

import argparse
from pathlib import Path

from assess.errors import InputError, Problem


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="turn a CSV decision matrix into a case file",
        description="Turn a CSV decision matrix into a case file. Header: "
        "option,<criterion id>...; rows @direction (benefit/cost), @weight, "
        "@min, @max (and @family) describe the columns; other rows are options.",
    )
    p.add_argument("matrix", metavar="MATRIX.csv")
    p.add_argument("-o", "--output", required=True, metavar="CASE.yaml")
    p.add_argument("--title", help="the case's title (default: the CSV's name)")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assess.cli.common import say_wrote
    from assess.io.casefile import write_new_case
    from assess.io.csv_import import matrix_to_case
    from assess.validate import check_case

    path = Path(args.matrix)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError([Problem(args.matrix, 0, 0, f"cannot read: {err}")]) from None
    case = matrix_to_case(text, args.matrix, args.title or path.stem)
    findings = check_case(case, None)
    if findings:
        raise InputError([Problem(args.matrix, 0, 0, msg, ".".join(map(str, p))) for p, msg in findings])
    stamp = write_new_case(args.output, case, force=args.force, inputs=[path])
    say_wrote(args.output, stamp.size, f"{len(case.options)} options, {len(case.criteria.use)} criteria")
    return 0
