"""`assess import`: a spreadsheet decision matrix (CSV) to a case file."""

from __future__ import annotations

import argparse
from pathlib import Path

from assess.errors import InputError, Problem


def add_parser(sub: argparse._SubParsersAction) -> None:
    from assess.files.csv_import import DELIMITERS, MAX_CRITERIA, MAX_OPTIONS
    from assess.model.families import family_ids

    p = sub.add_parser(
        "import",
        help="turn a CSV decision matrix into a case file",
        description="Turn a CSV decision matrix into a case file. Header: "
        "option,<criterion id>...; rows @direction (benefit/cost), @weight, "
        f"@min, @max and @family ({'/'.join(family_ids())}) describe the columns; "
        "other rows are options. The delimiter is the one after 'option' in the header "
        "(comma, semicolon, tab or |); with a semicolon or tab, decimal commas are read. "
        f"At most {MAX_OPTIONS:,} options and {MAX_CRITERIA} criteria.",
    )
    p.add_argument("matrix", metavar="MATRIX.csv")
    p.add_argument("-o", "--output", required=True, metavar="CASE.yaml")
    p.add_argument("--title", help="the case's title (default: the CSV's name)")
    p.add_argument(
        "--delimiter",
        "-d",
        choices=sorted(DELIMITERS),
        metavar="D",
        help="the character between cells: comma (,), semicolon (;), tab or pipe (|) "
        "(default: the one after 'option' in the header)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assess.cli.common import say_wrote
    from assess.files.casefile import write_new_case
    from assess.files.csv_import import read_matrix
    from assess.files.reading import Refused, open_regular

    path = Path(args.matrix)
    try:
        stream = open_regular(path)
    except Refused as why:
        raise InputError([Problem(args.matrix, 1, 1, str(why))]) from None
    with stream:
        case = read_matrix(stream, args.matrix, args.title or path.stem, args.delimiter)
    stamp = write_new_case(args.output, case, force=args.force, inputs=[path])
    say_wrote(args.output, stamp.size, f"{len(case.options)} options, {len(case.criteria.use)} criteria")
    return 0
