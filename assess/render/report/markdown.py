"""A report as GitHub-flavoured Markdown: the same content as the HTML page,
in the same order (the ranking first), with tables, and charts drawn as bars
of text. Every user string is escaped by `assess.render.mdtext.md`."""

from __future__ import annotations

import re

from assess.render.explain import ILLUSTRATIVE, basis_summary, basis_words, veto_rule
from assess.render.fmt import bar, fixed, percent, runs, scale, score_range, span
from assess.render.mdtext import md
from assess.render.mdtext import paragraphs as _paragraphs
from assess.render.report.content import CriterionInfo, Evidence, FamilyGroup, Report
from assess.render.report.evidence import Quote
from assess.render.report.portfolio import markdown_lines as portfolio_lines
from assess.render.report.portfolio import reference_marks, reference_words
from assess.render.report.robust import RobustnessSection
from assess.render.report.statements import dominance_markdown, team_markdown, weights_markdown
from assess.render.report.summary import WHY_INTRO, family_totals, summary_points
from assess.render.safe import one_line
from assess.render.tables import markdown_table
from assess.render.text.team import team_markdown_sections

__all__ = ["md", "render_markdown"]

BAR_WIDTH = 24
FAMILY_FILL = {"driver": "█", "constraint": "▓", "risk": "░"}
_TICKS = re.compile(r"`+")


def _ref(q: Quote) -> str:
    return f"\\[{q.number}\\]" if q.number is not None else f"*{md(q.title)}*"


def _quote(q: Quote | None) -> str:
    if q is None:
        return "*No source cited.*"
    where = (f"{_ref(q)} " if q.number is not None else "") + f"*{md(q.title)}*"
    where += f" ({md(q.date)})" if q.date else ""
    if q.section:
        where += f", section “{md(q.section)}”"
    missing = "\n>\n> **Not found in the document: check the quote.**" if q.not_found else ""
    return f"> “{md(q.passage)}”\n>\n> — {where}{missing}"


def _inline_quote(q: Quote | None) -> str:
    if q is None:
        return "—"
    section = f", section “{md(q.section, False)}”" if q.section else ""
    missing = " (not found in the document)" if q.not_found else ""
    return f"“{md(q.passage, False)}” — {_ref(q)}{section}{missing}"


def _sources(r: Report) -> list[str]:
    if not r.sources:
        return []
    items = [
        f"{s.number}. *{md(s.title)}*"
        + (f" ({md(s.date)})" if s.date else "")
        + f", {_code(s.document)}"
        + (f". Reliability: {md(s.reliability)}" if s.reliability else ". Reliability: *not stated.*")
        for s in r.sources
    ]
    return ["", "### Sources", "", *items]


def _header(r: Report) -> list[str]:
    meta = [f"View: **{md(r.view_label)}**" + (" (baseline)" if r.is_baseline else "")]
    if r.as_of:
        meta.append(f"as of {r.as_of}")
    if r.assessor:
        meta.append(f"assessor: {md(r.assessor)}")
    return [f"# {md(r.title)}", "", "Decision report · " + " · ".join(meta)]


def _summary(r: Report) -> list[str]:
    return ["## Summary", "", *[f"- {md(p)}" for p in summary_points(r)]]


def _question(r: Report) -> list[str]:
    out = ["", "## The question", "", _paragraphs(r.description)]
    if r.view_description:
        out += ["", f"### This view: {md(r.view_label)}", "", _paragraphs(r.view_description)]
    out += _sources(r)
    rows = [
        [f"{md(o.name, False)} (`{o.id}`)", md(o.description, False), _inline_quote(o.quote)]
        for o in r.options
    ]
    return out + ["", "## Options", "", markdown_table(["Option", "Description", "Source"], rows)]


def _veto(c: CriterionInfo) -> str:
    if c.veto_threshold is None:
        return "—"
    why = f": {md(c.veto_reason, False)}" if c.veto_reason else ""
    return veto_rule(c.direction == "cost", c.veto_threshold) + why


def _scale(c: CriterionInfo, shared: bool) -> str:
    text = span(c.scale_min, c.scale_max)
    return text if shared or not c.levels else f"{text} ({md(c.levels_text, False)})"


def _family(f: FamilyGroup) -> list[str]:
    shared = md(f.shared_scale) if f.shared_scale else None
    rows = [
        [
            md(c.name, False),
            c.direction_words,
            _scale(c, shared is not None),
            _veto(c),
            md(c.weight_input, False) or "—",
            percent(c.share),
        ]
        for c in f.criteria
    ]
    total = percent(f.share)
    header = ["Criterion", "Direction", "Scale", "Veto", "Given", "Weight"]
    out = ["", f"### {md(f.label)} ({total} of the weight)", ""]
    out += [shared, ""] if shared else []
    out += [markdown_table(header, rows), ""]
    return out + [f"- **{md(c.name)}**: {md(c.description)}" for c in f.criteria if c.description]


def _criteria(r: Report) -> list[str]:
    w = r.weights
    label = md(w.method_label) + (f" · **{ILLUSTRATIVE}**" if w.illustrative else "")
    out = ["", "## Criteria and weights", "", f"**Weights elicited by:** {label}"]
    if w.elicitation:
        out += ["", _paragraphs(w.elicitation)]
    if w.judgements:
        out += ["", "Pairwise judgements:", "", *[f"- {md(j)}" for j in w.judgements]]
    if w.ahp is not None:
        verdict = "acceptable" if w.ahp.consistent else "too inconsistent"
        out += [
            "",
            f"AHP consistency ratio CR = {w.ahp.cr:.3f} ({verdict}; threshold "
            f"{w.ahp.threshold:g}, CI = {w.ahp.ci:.3f}, λmax = {w.ahp.lambda_max:.3f}, "
            f"random index from {md(w.ahp.ri_table)}).",
        ]
        out += [f"- Revisit: {md(j)}" for j in w.ahp.worst]
    out += [f"\n**Warning:** {md(x)}" for x in w.warnings]
    out += weights_markdown(w)
    out += ["", "Weights are shown as shares of the total (normalised to 100%)."]
    for f in r.families:
        out += _family(f)
    return out


def _ranking(r: Report) -> list[str]:
    labels, sums = family_totals(r)
    rows = [
        [
            "excl." if x.rank is None else str(x.rank),
            md(x.name + reference_marks(r).get(x.option, ""), False),
            fixed(x.score),
            "`" + (bar(x.score, BAR_WIDTH) or " ") + "`",
            *[fixed(v) for v in sums[x.option]],
        ]
        for x in r.ranking
    ]
    table = markdown_table(["Rank", "Option", "Score", "0 ··· 1", *map(md, labels)], rows)
    note = (
        "Score: the weighted sum of each criterion's value (0 worst, 1 best on its scale; "
        "reversed for criteria where higher is worse)."
    )
    line = ["", md(reference_words(r))] if r.reference else []
    return ["", "## Ranking", "", note, "", table, *line]


def _stacked(r: Report, width: int = 40) -> list[str]:
    """One text bar per option, a run of each family's character per family."""
    labels, sums = family_totals(r)
    families = [f.criteria[0].family for f in r.families]
    names = [one_line(x.name) for x in r.ranking]
    name_w = max(map(len, names))
    lines = []
    for x, name in zip(r.ranking, names, strict=True):
        cells = "".join(
            FAMILY_FILL.get(f, "#") * n for f, n in zip(families, runs(sums[x.option], width), strict=True)
        )
        tail = " (excluded)" if x.excluded else ""
        lines.append(f"{name.ljust(name_w)}  {cells.ljust(width)}  {fixed(x.score)}{tail}")
    legend = "   ".join(f"{FAMILY_FILL.get(f, '#')} {lab}" for f, lab in zip(families, labels, strict=True))
    ticks = [len(m) for line in lines for m in _TICKS.findall(line)]
    fence = "`" * max(3, 1 + max(ticks, default=0))  # no name can close the block
    return [f"{fence}text", *lines, "", legend, fence]


def _why(r: Report) -> list[str]:
    header = ["Criterion", *[md(x.name, False) for x in r.ranking]]
    rows = [
        [md(c.credit, False), *[fixed(x.contributions[j]) for x in r.ranking]]
        for j, c in enumerate(r.criteria)
    ]
    rows.append(["**Total**", *[f"**{fixed(x.score)}**" for x in r.ranking]])
    parts = [f"- **{md(x.name)}** ({fixed(x.score)}): {md(', '.join(x.why)) or '—'}" for x in r.ranking]
    bars = "The bars add up the criteria of each family; the table gives every criterion's part."
    out = ["", "## Why", "", md(WHY_INTRO), "", *parts, "", bars, "", *_stacked(r), ""]
    return [*out, markdown_table(header, rows)]


def _excluded(r: Report) -> list[str]:
    out = ["", "## Excluded options", ""]
    excluded = [x for x in r.ranking if x.excluded]
    if not excluded:
        return [*out, "No option is excluded: none crosses a veto threshold in this view."]
    for x in excluded:
        out.append(f"- **{md(x.name)}** is excluded from the ranking:")
        out += [f"  - {md(why)}" for why in x.reasons]
    return out


def _robustness(rb: RobustnessSection) -> list[str]:
    out = (
        ["", f"Not analysed, being excluded by a veto: {md(', '.join(rb.excluded))}."] if rb.excluded else []
    )
    if rb.stability:
        header, rows = rb.stability_table(lambda x: md(x, False))
        first = f" ({md(rb.first)} first)" if rb.first else ""
        out += [
            "",
            f"### Weight stability{first}",
            "",
            "Each criterion's weight share moved on its own, the others rescaled in proportion.",
            "",
            markdown_table(header, rows),
        ]
        if rb.smallest_change:
            out += ["", md(rb.smallest_change)]
    if rb.acceptability:
        out += [
            "",
            f"### Rank acceptability ({rb.samples:,} samples, seed {rb.seed})",
            "",
            "How often each option took each rank when weights and scores were drawn at random "
            "within their uncertainty (SMAA-2).",
            "",
        ]
        out += [md(rb.method_note), ""] if rb.method_note else []
        out.append(markdown_table(*rb.acceptability_table(lambda x: md(x, False))))
    return out


def _cell(ev: Evidence, c: CriterionInfo, baseline: str) -> list[str]:
    better = "better" if c.direction == "benefit" else "worse"
    level = f" · {md(ev.level)}" if ev.level else ""
    head = (
        f"#### {md(ev.criterion_name)}: {score_range(ev.value, ev.low, ev.high)} "
        f"on {span(c.scale_min, c.scale_max)}, higher is {better}{level}"
        f" · basis: {basis_words(ev.basis)}"
    )
    body = _paragraphs(ev.rationale) if ev.rationale else "*No rationale given.*"
    if ev.baseline_value is not None:
        body = f"*Re-scored in this view ({md(baseline)}: {scale(ev.baseline_value)}).*\n\n{body}"
    return ["", head, "", body, "", _quote(ev.quote)]


def _evidence(r: Report) -> list[str]:
    criteria = {c.id: c for c in r.criteria}
    out = ["", "## Scores and evidence", "", "Every score with its rationale and the passage it rests on."]
    if r.basis_counts:
        out += [
            "",
            f"What the {sum(n for _, n in r.basis_counts)} scores rest on: {basis_summary(r.basis_counts)}.",
        ]
    for oe in r.evidence:
        out += ["", f"### {md(oe.name)}"]
        for ev in oe.cells:
            out += _cell(ev, criteria[ev.criterion], r.baseline)
    return out


def _code(text: str) -> str:
    """`text` as inline code, unless a backtick in it would end the code span."""
    return md(text, False) if "`" in text else f"`{one_line(text)}`"


def _provenance(r: Report) -> list[str]:
    p = r.provenance
    rows = [
        ["Tool", f"assess {p.tool_version}"],
        ["Case file", _code(p.case_file)],
        ["Case SHA-256", f"`{p.case_sha256}`"],
    ]
    if p.catalogue_file:
        rows += [
            ["Criteria catalogue", _code(p.catalogue_file)],
            ["Catalogue SHA-256", f"`{p.catalogue_sha256}`"],
        ]
    rows += [
        ["View", md(p.view, False)],
        ["Method", p.method],
    ]
    if p.assessor:
        rows.insert(-1, ["Assessor", md(p.assessor, False)])
    if p.seed is not None:
        rows.append(["Robustness", f"seed {p.seed}, {p.samples:,} samples"])
    if p.generated:
        rows.append(["Generated", p.generated])
    return ["", "## Provenance", "", markdown_table(["Item", "Value"], rows)]


def _team(r: Report) -> list[str]:
    if r.team is None:
        return []
    intro = (
        f"{md(f'The assessors of {r.title}, on the baseline ({r.baseline}), as')} `assess team` shows them."
    )
    return [
        "",
        "## Where the assessors disagree",
        "",
        intro,
        "",
        *team_markdown_sections(r.team),
        *team_markdown(r),
    ]


def render_markdown(r: Report) -> str:
    """The whole report as one Markdown document: the answer first (summary,
    ranking, why, exclusions, robustness, what the budget buys, the options
    under the weight statements, the team's disagreements), then
    the question, options, criteria and every score's evidence."""
    robustness = _robustness(r.robustness) if r.robustness else ["", md(r.robustness_note)]
    lines = [
        *_header(r),
        "",
        *_summary(r),
        *_ranking(r),
        *_why(r),
        *_excluded(r),
        "",
        "## Robustness",
        *robustness,
        *portfolio_lines(r),
        *dominance_markdown(r),
        *_team(r),
        *_question(r),
        *_criteria(r),
        *_evidence(r),
        *_provenance(r),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
