"""`assess sensitivity`: how robust is a view's weighted-sum ranking?

    assess sensitivity CASE [--scenario S] [--assessor A] [--samples N]
                            [--seed S] [--spread X] [--format table|json|markdown]

Prints a headline, the rank-acceptability matrix (SMAA-2), the weight
stability intervals, the smallest weight change that changes the first place,
tornadoes of the top options and the weighting's diagnostics (see
`assess.core.robustness.analysis` for the methods). Weights are drawn from
every weighting the view's weight statements allow (with none: every
weighting), the headline says which and how (exactly, or by hit-and-run with
about how many independent samples that is worth: the effective sample size
measured from the chains, the least over each option's rank-1 share and each
weight). Defaults: 10,000 samples, seed 1, so
the output is reproducible; `--spread X` (0..1) samples each weight within
w (1 +- X) instead of over every weighting, and sets the tornado's weight
ranges to the same +-X. A progress bar goes to stderr when it is a terminal.
Exit codes: 0 done, 2 bad input (samples <= 0, spread outside 0..1, unknown
scenario or assessor, every option vetoed).

The table fits the terminal's width (`COLUMNS`, 80 when unknown).

JSON (`--format json`); weights are shares of 1, null where undefined,
every number rounded to 6 decimals (`assess.render.jsonout`); keys are only
ever added:

    file, case, scenario (null: baseline), view (its label), assessor,
    samples, seed, spread (null: every weighting), first (option id),
    options:  [{option, name, rank, total}]     analysed, best first
    excluded: [{option, name}]                  vetoed, not analysed
    criteria: [{criterion, name, weight}]
    statements: [text]                    the view's weight statements, in words
    allowed: {criterion: [lo, hi]} | null     # part of each stability path they allow
    stability: [{criterion, weight,
                 first:   {lo, hi, taker_lo, taker_hi},   # who is first past each end
                 ranking: {lo, hi, swap_lo, swap_hi}}]    # [higher, lower] pair swapping
    smallest_change: {criterion, weight_from, weight_to, change,
                      direction ("up"/"down"), new_first} | null
    tornado: {weight_ranges: {source ("assessors"/"relative"/"statements"), spread,
                              ranges: {criterion: [lo, hi]}},
              options: {option: {total, bars: [{source ("score"/"weight"), criterion,
                        input_low, input_high, total_low, total_high, swing}]}}}
    acceptability: {samples, confidence_samples, stopped,
                    ranks: {option: [share at rank 1, 2, ...]},       # each row sums to 1
                    central_weights: {option: {criterion: w} | null},
                    confidence: {option: p | null}, holistic: {option: a},
                    sampling: {kind ("simplex"/"exact"/"hit-and-run"/"spread"),
                               statements: [text], dimension | null,
                               effective_samples | null}}
                    # effective_samples: what the samples are worth in independent ones;
                    # hit-and-run: measured from the chains (the least effective sample
                    # size over each option's rank-1 share and each weight, Geyer 1992,
                    # Vehtari et al. 2021); otherwise the samples (independent draws)
    weighting: {method, elicitation, consistency_ratio, cr_threshold, warnings: [...]}
"""

from __future__ import annotations

import argparse
import sys

from assess.cli import EXIT_INPUT, EXIT_OK
from assess.cli.common import (
    ProgressLine,
    add_assessor_argument,
    add_case_argument,
    add_format_argument,
    add_scenario_argument,
    emit,
    load_view,
)


def add_parser(sub: argparse._SubParsersAction) -> None:
    from assess.core.robustness.analysis import DEFAULT_SAMPLES, DEFAULT_SEED

    p = sub.add_parser(
        "sensitivity",
        help="how robust is the ranking, and what would change it",
        description="How robust is the weighted-sum ranking of a case: how often each option "
        "takes each place when weights and scores vary (SMAA-2), how far each weight can move "
        "before the first place or the ranking changes, and which inputs swing each total most.",
    )
    add_case_argument(p)
    add_scenario_argument(p)
    add_assessor_argument(p)
    p.add_argument(
        "--samples",
        "-n",
        type=int,
        default=DEFAULT_SAMPLES,
        metavar="N",
        help=f"Monte Carlo samples (default {DEFAULT_SAMPLES:,})",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"random seed, for reproducible results (default {DEFAULT_SEED})",
    )
    p.add_argument(
        "--spread",
        type=float,
        default=None,
        metavar="X",
        help="sample each weight within ±X of its value (0..1, e.g. 0.3 for ±30 %%); "
        "default: every possible weighting",
    )
    add_format_argument(p)
    p.set_defaults(run=run)


def bad_value(args: argparse.Namespace) -> str | None:
    """Why an option's value is refused, or None."""
    if args.samples <= 0:
        return f"--samples must be a positive whole number, got {args.samples}"
    if args.spread is not None and not 0.0 <= args.spread <= 1.0:
        return f"--spread must be between 0 and 1 (a share of each weight, 0.3 = ±30 %), got {args.spread:g}"
    if args.seed < 0:
        return f"--seed must be zero or more, got {args.seed}"
    return None


def run(args: argparse.Namespace) -> int:
    from assess.core.robustness.analysis import analyse
    from assess.errors import InputError, Problem
    from assess.render.safe import terminal_width
    from assess.render.text.sensitivity import render_sensitivity

    why = bad_value(args)
    if why:
        print(f"assess sensitivity: {why}", file=sys.stderr)
        return EXIT_INPUT
    _, view = load_view(args.case, args.scenario, args.assessor)
    line = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = analyse(view, samples=args.samples, seed=args.seed, spread=args.spread, progress=line)
    except ValueError as err:
        raise InputError([Problem(args.case, 0, 0, str(err))]) from None
    finally:
        if line is not None:
            line.clear()
    emit(render_sensitivity(result, args.format, args.case, terminal_width()))
    return EXIT_OK
