"""`assess team`: where the assessors of a team case disagree.

    assess team CASE [--format table|json|markdown] [--top N]

Shows how the team view is formed (the aggregate of the assessors' scores,
the weights it ranks with), the N cells with the widest spread with every
assessor's value and rationale, where the assessors' weight statements
conflict, and each assessor's ranking of the baseline
beside the team's with Kendall's tau-b (see `assess.core.disagreement`). Exit
codes: 0 done, 2 bad input (a file that does not load, a case without
assessors).

The table fits the terminal's width (`COLUMNS`, 80 when unknown) and names
options and criteria. The JSON is a stable contract; keys are only ever
added; numbers are rounded to 6 decimals, null where undefined
(`assess.render.jsonout`).

    case, file:         the case's title; its path as given
    team:               {aggregate, weights}
                        aggregate: "mean" | "median" (how a cell's scores combine);
                        weights: which weights rank the team: "agreed" (the
                        case's own), "default" (the criteria's: nobody gave
                        any) or "mean" | "median" | "geometric" (how the
                        assessors' weights combine)
    assessors:          [{id, name, role, own_weights, furthest_in}]
                        in the case's order; own_weights: gave weights of their
                        own; furthest_in: cells where they stand furthest out
    cells_total:        cells some assessor scored (options × baseline criteria)
    cells_disagreeing:  cells whose spread is above 0
    cells:              [{option, option_name, criterion, criterion_name, team,
                          agreed, spread, std, furthest, opinions}]
                        the --top N widest (all with --top 0), widest first;
                        team: the aggregate; agreed: the case's agreed value or
                        null; spread: max - min; std: population standard
                        deviation; furthest: {assessor, distance} or null when
                        nobody stands out; opinions: [{assessor, value, low,
                        high, rationale, source: {document, section, passage} |
                        null, basis: "evidence" | "judgement" | "carried" |
                        null}] in assessor order (the text and Markdown say
                        each one's basis where the assessors' differ)
    matrix:             {options: [ids], criteria: [ids], spread: [[number | null]]}
                        every cell's spread, options × criteria; null: not scored
    statements:         {assessors, union_feasible, conflict, smallest, exclusions} | null
                        where the assessors' weight statements conflict (null:
                        fewer than two made any); assessors: [ids] who made
                        some; conflict: the smallest conflicting set of them
                        all, [{assessor, statement (index in their
                        weights.statements), text}], [] when they can all
                        hold (smallest: false when only irreducible);
                        exclusions: [{assessor, statement, text,
                        excluded_by}]: a statement that another assessor's
                        statements exclude
    kept_statements:    {said, kept: [{text, by}]} | null
                        the statements the team's combined weights keep, those
                        every assessor's own weights satisfy (said: how many
                        the assessors made; by: who said it, ids joined by
                        ", "); null: agreed weights, or no statement made
    rankings:           {team: [{option, name, rank, score, excluded}],
                         assessors: [{assessor, name, tau, first, ranking:
                           [{option, name, rank, score, excluded, team_rank}]}]}
                        weighted sum of the baseline, in rank order; rank null
                        when a veto excludes the option; team_rank: the team's
                        rank, excluded options sharing the last place; tau:
                        Kendall's tau-b against the team (null if undefined);
                        first: the option the assessor ranks first
"""

from __future__ import annotations

import argparse

from assess.cli.common import add_case_argument, add_format_argument, emit
from assess.errors import InputError, Problem


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "team",
        help="show where the assessors of a team case disagree",
        description="For a case with several assessors (see `assess merge`): how the team view "
        "is formed, the cells they disagree on most with every rationale, and each "
        "assessor's ranking beside the team's.",
    )
    add_case_argument(p)
    add_format_argument(p)
    p.add_argument(
        "--top",
        "-n",
        type=int,
        default=10,
        metavar="N",
        help="how many of the widest disagreements to show (default 10; 0 for all)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assess.cli import settle_memory
    from assess.cli.common import warn
    from assess.core.disagreement import disagreement
    from assess.files.cache import load_case_cached
    from assess.render.safe import terminal_width
    from assess.render.text.team import render_team

    if args.top < 0:
        raise InputError([Problem("assess team", 0, 0, f"--top must be 0 or more, not {args.top}")])
    loaded = load_case_cached(args.case)
    settle_memory()
    warn([loaded])
    if not loaded.case.assessors:
        msg = "has no assessors; merge their case files with `assess merge` first"
        raise InputError([Problem(args.case, 0, 0, msg)])
    report = disagreement(loaded.case, loaded.catalogue_model)
    emit(render_team(report, args.format, args.case, args.top, terminal_width()))
    return 0
