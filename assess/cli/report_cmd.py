"""`assess report`: a self-contained report of one view of a case, as HTML or
Markdown (the output file's extension decides), for people who never open a
terminal."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from assess.cli.common import add_assessor_argument, add_case_argument, add_scenario_argument
from assess.core.robustness.analysis import DEFAULT_SAMPLES, DEFAULT_SEED


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _share(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must lie between 0 and 1, got {text}")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write a report to mail: HTML or Markdown",
        description="Write a self-contained report of a case (the question, options, criteria and "
        "weights, ranking, contributions, exclusions, robustness, every score's rationale and "
        "source, provenance). The output's extension picks the format: .html/.htm or .md. "
        "The same input gives the same bytes.",
    )
    add_case_argument(p)
    add_scenario_argument(p)
    add_assessor_argument(p)
    p.add_argument(
        "--output", "-o", metavar="FILE", required=True, help="the report file: .html, .htm or .md"
    )
    p.add_argument(
        "--samples",
        type=_count,
        default=DEFAULT_SAMPLES,
        metavar="N",
        help=f"Monte Carlo samples of the rank acceptability (default {DEFAULT_SAMPLES}; 0 skips it)",
    )
    p.add_argument(
        "--seed", type=_count, default=DEFAULT_SEED, metavar="S", help=f"random seed (default {DEFAULT_SEED})"
    )
    p.add_argument(
        "--spread",
        type=_share,
        metavar="R",
        help="draw each weight within ±R of its value (e.g. 0.3); default: from every possible weighting",
    )
    p.add_argument(
        "--timestamp", action="store_true", help="print the date and time of writing (off: reproducible)"
    )
    p.set_defaults(run=run)


def _check_output(path: Path) -> str:
    """The format `path` asks for; bad input if the extension or folder is wrong."""
    from assess.errors import InputError, Problem
    from assess.files.atomic import check_output
    from assess.render.report import FORMATS, format_for

    fmt = format_for(path)
    if fmt is None:
        known = ", ".join(FORMATS)
        msg = f"cannot tell the report format from '{path.suffix or path.name}'; name the file {known}"
        raise InputError([Problem(str(path), 0, 0, msg)])
    check_output(path)  # a folder, a device, a link, a missing folder: before the long work
    return fmt


def run(args: argparse.Namespace) -> int:
    from assess.cli.common import case_inputs, load_view, say_wrote
    from assess.files.atomic import write_output
    from assess.render.report import analyse_view, build_report, render

    output = Path(args.output)
    fmt = _check_output(output)
    loaded, view = load_view(args.case, args.scenario, args.assessor)
    robustness, note = analyse_view(view, args.samples, args.seed, args.spread)
    when = dt.datetime.now(dt.UTC) if args.timestamp else None
    text = render(build_report(loaded, view, robustness, note, when), fmt)
    stamp = write_output(output, text, inputs=case_inputs(loaded))
    view_name = f"scenario {args.scenario}" if args.scenario else "the baseline"
    who = f", assessor {args.assessor}" if args.assessor else ""
    label = {"html": "HTML", "markdown": "Markdown"}.get(fmt, fmt)
    say_wrote(output, stamp.size, f"{label} report of {view_name}{who}")
    return 0
