"""The weight statements in the report, in HTML and Markdown: in the weights
part, each statement of the view's weights (in the words of `assess dominance`
and `check`, `assess.core.statements.describe`) with who said it, why and when
and whether the weights used satisfy it, then the elicitation record step by
step; a short section of the options possibly and necessarily best and the
dominance pairs under the statements (`assess.core.dominance`, as `assess
dominance` says them); and, in the team part, each assessor's own statements
and whether the team's combined weights keep them (`assess.core.team`).
Every user string is escaped (`e` in HTML, `md` in Markdown)."""

from __future__ import annotations

from assess.core.dominance import Dominance
from assess.render.mdtext import md
from assess.render.report.content import Report
from assess.render.report.html_base import MUTED, NOTE, e
from assess.render.report.weights import AssessorStatements, Said, StatementInfo, WeightInfo
from assess.render.text.dominance import best_lines

KEY = ("statements", "Under the weight statements")
"""The dominance section's anchor and title."""
STATEMENTS_INTRO = "Weight statements (what can honestly be said of the weights, as shares of the total):"
RECORD_INTRO = "How the weights came about, step by step (the elicitation record, to replay):"
TEAM_INTRO = "The assessors' own weight statements:"


def _said(s: Said) -> str:
    """' — by Ann on 2025-01-03. Why: …' as plain text ('' when nothing is said)."""
    who = f"by {s.by}" if s.by else ""
    when = f"on {s.date}" if s.date else ""
    head = " ".join(x for x in (who, when) if x)
    out = f" — {head}" if head else ""
    return out + (f". Why: {s.rationale}" if s.rationale else "")


def _holds(x: StatementInfo) -> str:
    """' (the weights used satisfy it)' or how they break it ('' when not checked)."""
    if x.holds is None:
        return ""
    if x.holds:
        return " (the weights used satisfy it)"
    return f" (the weights used break it: {x.breach})"


def _own(x: StatementInfo) -> str:
    if x.holds is None:
        return ""
    return "their own weights satisfy it" if x.holds else f"their own weights break it: {x.breach}"


def _kept(a: AssessorStatements, k: int) -> str:
    if a.kept is None:
        return ""
    if a.kept[k]:
        return "the team's weights keep it"
    return "the team's weights leave it out: not every assessor's own weights satisfy it"


def _team_notes(a: AssessorStatements, k: int) -> str:
    notes = [n for n in (_own(a.statements[k]), _kept(a, k)) if n]
    return f" ({'; '.join(notes)})" if notes else ""


def _pairs(d: Dominance, names: dict[str, str]) -> list[str]:
    return [
        f"{names[a]} dominates {', '.join(names[b] for b in d.dominates[a])}"
        for a in d.options
        if d.dominates[a]
    ]


def _scope(d: Dominance) -> tuple[str, str]:
    """What the section says, before and after the name of the command that shows the same."""
    k = len(d.statements)
    said = "its weight statement allows" if k == 1 else f"the {k} weight statements allow"
    scope = ", every score over its range" if d.ranges else ""
    return (
        f"Which options beat which for every weighting {said}{scope} (as",
        "shows): one option dominates another when it scores at least as well for every such "
        "weighting and better for some.",
    )


def _option_names(r: Report) -> dict[str, str]:
    return {o.id: o.name for o in r.options}


# -- Markdown -------------------------------------------------------------------------


def weights_markdown(w: WeightInfo) -> list[str]:
    """The statements and the record of the weights part, as Markdown lines."""
    out: list[str] = []
    if w.statements:
        out += ["", md(STATEMENTS_INTRO), ""]
        out += [f"{k}. {md(x.text + _holds(x) + _said(x.said))}" for k, x in enumerate(w.statements, 1)]
    if w.record:
        out += ["", md(RECORD_INTRO), ""]
        out += [f"{k}. {md(x.text + _said(x.said))}" for k, x in enumerate(w.record, 1)]
    return out


def dominance_markdown(r: Report) -> list[str]:
    """The section on the options under the statements ([] without statements)."""
    d = r.dominance
    if d is None:
        return []
    names = _option_names(r)
    head, tail = _scope(d)
    out = ["", f"## {KEY[1]}", "", f"{md(head)} `assess dominance` {md(tail)}", ""]
    out += [
        f"- {md(x)}" for x in [*best_lines(d, names), *(_pairs(d, names) or ["No option dominates another."])]
    ]
    if d.excluded:
        out += [f"- {md('Excluded by a veto (not compared): ' + ', '.join(names[o] for o in d.excluded))}"]
    return out


def team_markdown(r: Report) -> list[str]:
    """Each assessor's statements, for the team section ([] when none made any)."""
    if not r.team_statements:
        return []
    out = ["", f"### {md(TEAM_INTRO.rstrip(':'))}"]
    for a in r.team_statements:
        out += ["", f"**{md(a.name)}**", ""]
        out += [
            f"{k}. {md(x.text + _team_notes(a, k - 1) + _said(x.said))}"
            for k, x in enumerate(a.statements, 1)
        ]
    return out


# -- HTML -----------------------------------------------------------------------------


def _said_html(s: Said) -> str:
    return f"{MUTED}{e(_said(s))}</span>" if _said(s) else ""


def weights_html(w: WeightInfo) -> str:
    """The statements and the record of the weights part, as HTML."""
    out = []
    if w.statements:
        items = "".join(f"<li>{e(x.text + _holds(x))}{_said_html(x.said)}</li>" for x in w.statements)
        out.append(f'<p>{e(STATEMENTS_INTRO)}</p><ol class="statements">{items}</ol>')
    if w.record:
        items = "".join(f"<li>{e(x.text)}{_said_html(x.said)}</li>" for x in w.record)
        out.append(f'<p>{e(RECORD_INTRO)}</p><ol class="record">{items}</ol>')
    return "".join(out)


def dominance_html(r: Report) -> str:
    """The section on the options under the statements ('' without statements)."""
    d = r.dominance
    if d is None:
        return ""
    names = _option_names(r)
    lines = [*best_lines(d, names), *(_pairs(d, names) or ["No option dominates another."])]
    if d.excluded:
        lines.append("Excluded by a veto (not compared): " + ", ".join(names[o] for o in d.excluded))
    head, tail = _scope(d)
    scope = f"{e(head)} <code>assess dominance</code> {e(tail)}"
    items = "".join(f"<li>{e(x)}</li>" for x in lines)
    return f'<section id="{KEY[0]}"><h2>{e(KEY[1])}</h2>{NOTE}{scope}</p><ul>{items}</ul></section>'


def team_html(r: Report) -> str:
    """Each assessor's statements, for the team section ('' when none made any)."""
    if not r.team_statements:
        return ""
    out = [f"<h3>{e(TEAM_INTRO.rstrip(':'))}</h3>"]
    for a in r.team_statements:
        items = "".join(
            f"<li>{e(x.text + _team_notes(a, k))}{_said_html(x.said)}</li>"
            for k, x in enumerate(a.statements)
        )
        out.append(f'<h4>{e(a.name)}</h4><ol class="statements">{items}</ol>')
    return "".join(out)
