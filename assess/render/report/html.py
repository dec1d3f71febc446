"""A report as one self-contained HTML page: inline CSS, inline SVG charts,
no script, nothing fetched. Every piece of text from the case is escaped.

The answer comes first: summary, ranking, why (each score's parts, in words
and as a chart), exclusions, robustness, the options under the weight
statements and, for a team case, where the assessors disagree; then the
question, options, criteria and weights, and every score with its evidence."""

from __future__ import annotations

from assess.render.explain import ILLUSTRATIVE, veto_rule
from assess.render.fmt import fixed, percent, span
from assess.render.report import svg
from assess.render.report.content import CriterionInfo, FamilyGroup, Report
from assess.render.report.html_base import DESC, MUTED, NOTE, e, paragraphs, table
from assess.render.report.html_evidence import evidence_section, quote, sources_list
from assess.render.report.html_robust import robustness_section
from assess.render.report.html_team import team_section
from assess.render.report.portfolio import KEY as PORTFOLIO
from assess.render.report.portfolio import html_section as portfolio_section
from assess.render.report.portfolio import reference_marks, reference_words
from assess.render.report.statements import KEY as STATEMENTS
from assess.render.report.statements import dominance_html, weights_html
from assess.render.report.style import CSS
from assess.render.report.summary import WHY_INTRO, family_totals, summary_points

SECTIONS = [
    ("summary", "Summary"),
    ("ranking", "Ranking"),
    ("why", "Why"),
    ("excluded", "Excluded options"),
    ("robustness", "Robustness"),
    ("question", "The question"),
    ("options", "Options"),
    ("criteria", "Criteria and weights"),
    ("evidence", "Scores and evidence"),
    ("provenance", "Provenance"),
]
"""Every report's sections, in order; a team case's report adds `TEAM` after robustness."""
TEAM = ("team", "Where the assessors disagree")


def sections(r: Report) -> list[tuple[str, str]]:
    """The sections of `r`, in order (after robustness: what the budget buys, when the
    view has costs and a budget; the options under the weight statements, when it has some)."""
    extra = [
        x
        for x, present in ((PORTFOLIO, r.portfolio), (STATEMENTS, r.dominance), (TEAM, r.team))
        if present is not None
    ]
    k = [key for key, _ in SECTIONS].index("robustness") + 1
    return [*SECTIONS[:k], *extra, *SECTIONS[k:]]


def _header(r: Report) -> str:
    meta = [f"View: <strong>{e(r.view_label)}</strong>" + (" (baseline)" if r.is_baseline else "")]
    if r.as_of:
        meta.append(f"as of {e(r.as_of)}")
    if r.assessor:
        meta.append(f"assessor: {e(r.assessor)}")
    toc = "".join(f'<li><a href="#{k}">{e(t)}</a></li>' for k, t in sections(r))
    return (
        f'<header><p class="kicker">Decision report</p><h1>{e(r.title)}</h1>'
        f'<p class="meta">{" · ".join(meta)}</p></header>'
        f'<nav class="toc" aria-label="Contents"><ol>{toc}</ol></nav>'
    )


def _summary(r: Report) -> str:
    items = "".join(f"<li>{e(p)}</li>" for p in summary_points(r))
    return f'<section id="summary" class="summary"><h2>Summary</h2><ul>{items}</ul></section>'


def _question(r: Report) -> str:
    out = ['<section id="question"><h2>The question</h2>', paragraphs(r.description)]
    if r.view_description:
        out.append(f"<h3>This view: {e(r.view_label)}</h3>{paragraphs(r.view_description)}")
    return "".join(out) + sources_list(r) + "</section>"


def _options(r: Report) -> str:
    rows = [
        [
            f"{e(o.name)}{DESC}<code>{e(o.id)}</code></span>",
            e(o.description),
            quote(o.quote, short=True),
        ]
        for o in r.options
    ]
    return (
        f'<section id="options"><h2>Options</h2>{table(["Option", "Description", "Source"], rows)}</section>'
    )


def _scale(c: CriterionInfo, shared: bool) -> str:
    text = span(c.scale_min, c.scale_max)
    return text if shared or not c.levels else f"{text}{DESC}{e(c.levels_text)}</span>"


def _veto(c: CriterionInfo) -> str:
    if c.veto_threshold is None:
        return "—"
    reason = f"{DESC}{e(c.veto_reason)}</span>" if c.veto_reason else ""
    return veto_rule(c.direction == "cost", c.veto_threshold) + reason


def _family_table(f: FamilyGroup) -> str:
    shared = f.shared_scale
    rows = [
        [
            f"{e(c.name)}{DESC}{e(c.description)}</span>",
            c.direction_words,
            _scale(c, shared is not None),
            _veto(c),
            e(c.weight_input) or "—",
            percent(c.share),
        ]
        for c in f.criteria
    ]
    total = percent(f.share)
    header = ["Criterion", "Direction", "Scale", "Veto", "Given", "Weight"]
    note = f"{NOTE}{e(shared)}</p>" if shared else ""
    head = f"<h3>{e(f.label)} {MUTED}({total} of the weight)</span></h3>{note}"
    return head + table(header, rows, numeric=(5,))


def _method(r: Report) -> str:
    w = r.weights
    marked = f" · <strong>{ILLUSTRATIVE}</strong>" if w.illustrative else ""
    out = [f'<div class="method"><p><strong>Weights elicited by:</strong> {e(w.method_label)}{marked}</p>']
    if w.elicitation:
        out.append(paragraphs(w.elicitation))
    if w.judgements:
        out.append(
            "<p>Pairwise judgements:</p><ul>" + "".join(f"<li>{e(j)}</li>" for j in w.judgements) + "</ul>"
        )
    if w.ahp is not None:
        verdict = "acceptable" if w.ahp.consistent else "too inconsistent"
        out.append(
            f"<p>AHP consistency ratio CR = {w.ahp.cr:.3f} ({verdict}; threshold {w.ahp.threshold:g}, "
            f"CI = {w.ahp.ci:.3f}, λ<sub>max</sub> = {w.ahp.lambda_max:.3f}, random index from "
            f"{e(w.ahp.ri_table)}).</p>"
        )
        if w.ahp.worst:
            out.append(
                "<p>Judgements to revisit first:</p><ul>"
                + "".join(f"<li>{e(j)}</li>" for j in w.ahp.worst)
                + "</ul>"
            )
    out += [f'<p class="reason">{e(x)}</p>' for x in w.warnings]
    out.append(weights_html(w))
    out.append(f"{NOTE}Weights are shown as shares of the total (normalised to 100%).</p></div>")
    return "".join(out)


def _criteria(r: Report) -> str:
    tables = "".join(_family_table(f) for f in r.families)
    return f'<section id="criteria"><h2>Criteria and weights</h2>{_method(r)}{tables}</section>'


def _ranking(r: Report) -> str:
    labels, sums = family_totals(r)
    chart = svg.ranking_chart(
        "rank-chart", [(_rank_label(x.rank, x.name), x.score, x.excluded) for x in r.ranking]
    )
    marks = reference_marks(r)
    rows = [
        [
            e(x.name + marks.get(x.option, "")),
            "excluded" if x.rank is None else str(x.rank),
            fixed(x.score),
            *[fixed(v) for v in sums[x.option]],
        ]
        for x in r.ranking
    ]
    classes = ["excluded" if x.excluded else "" for x in r.ranking]
    numeric = tuple(range(1, 3 + len(labels)))
    body = table(["Option", "Rank", "Score", *map(e, labels)], rows, numeric, row_classes=classes)
    note = (
        f"{NOTE}Score: the weighted sum of each criterion's value (0 worst, 1 best on its "
        "scale; reversed for criteria where higher is worse), so 1 would be best on everything.</p>"
    )
    line = f"<p>{e(reference_words(r))}</p>" if r.reference else ""
    return f'<section id="ranking"><h2>Ranking</h2>{note}<figure>{chart}</figure>{body}{line}</section>'


def _rank_label(rank: int | None, name: str) -> str:
    return f"{rank}. {name}" if rank is not None else name


def _legend(r: Report, colours: list[str]) -> str:
    by_id = dict(zip((c.id for c in r.criteria), colours, strict=True))
    groups = [
        f"<div><h4>{e(f.credit)}</h4><ul>"
        + "".join(f"<li>{svg.swatch(by_id[c.id])}{e(c.name)}</li>" for c in f.criteria)
        + "</ul></div>"
        for f in r.families
    ]
    return f'<div class="legend" aria-label="Legend">{"".join(groups)}</div>'


def _parts(r: Report) -> str:
    """Each option's largest parts, in words."""
    items = "".join(
        f"<li><strong>{e(x.name)}</strong> ({fixed(x.score)}): {e(', '.join(x.why)) or '—'}</li>"
        for x in r.ranking
    )
    return f'<ul class="why">{items}</ul>'


def _why(r: Report) -> str:
    colours = svg.family_colours([c.family for c in r.criteria])
    chart = svg.contributions_chart(
        "contrib-chart",
        [(_rank_label(x.rank, x.name), x.contributions, x.excluded) for x in r.ranking],
        [c.name for c in r.criteria],
        colours,
    )
    rows = [[e(c.credit), *[fixed(x.contributions[j]) for x in r.ranking]] for j, c in enumerate(r.criteria)]
    rows.append(["<strong>Total</strong>", *[f"<strong>{fixed(x.score)}</strong>" for x in r.ranking]])
    header = ["Criterion", *[e(x.name) for x in r.ranking]]
    body = table(
        header,
        rows,
        numeric=tuple(range(1, len(header))),
        caption="Contribution of each criterion (weight share × value)",
    )
    return (
        f'<section id="why"><h2>Why</h2>{NOTE}{e(WHY_INTRO)} Longer segments matter more.</p>'
        f"{_parts(r)}<figure>{chart}<figcaption>{_legend(r, colours)}</figcaption></figure>{body}</section>"
    )


def _excluded(r: Report) -> str:
    out = [x for x in r.ranking if x.excluded]
    if not out:
        body = "<p>No option is excluded: none crosses a veto threshold in this view.</p>"
    else:
        body = (
            '<ul class="excluded-list">'
            + "".join(
                f"<li><strong>{e(x.name)}</strong> is excluded from the ranking:<ul>"
                + "".join(f'<li class="reason">{e(why)}</li>' for why in x.reasons)
                + "</ul></li>"
                for x in out
            )
            + "</ul>"
        )
    return f'<section id="excluded"><h2>Excluded options</h2>{body}</section>'


def _provenance(r: Report) -> str:
    p = r.provenance
    items = [
        ("Tool", f"assess {e(p.tool_version)}"),
        ("Case file", f"<code>{e(p.case_file)}</code>"),
        ("Case SHA-256", f"<code>{e(p.case_sha256)}</code>"),
    ]
    if p.catalogue_file:
        items += [
            ("Criteria catalogue", f"<code>{e(p.catalogue_file)}</code>"),
            ("Catalogue SHA-256", f"<code>{e(p.catalogue_sha256)}</code>"),
        ]
    items += [
        ("View", e(p.view)),
        ("Method", e(p.method)),
    ]
    if p.assessor:
        items.insert(-1, ("Assessor", e(p.assessor)))
    if p.seed is not None:
        items.append(("Robustness", f"seed {p.seed}, {p.samples:,} samples"))
    if p.generated:
        items.append(("Generated", e(p.generated)))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    return f'<section id="provenance"><h2>Provenance</h2><dl class="provenance">{dl}</dl></section>'


def _footer(r: Report) -> str:
    p = r.provenance
    return f"<footer>Made with assess {e(p.tool_version)} from {e(p.case_file)}.</footer>"


def render_html(r: Report) -> str:
    """The whole report as one HTML document."""
    body = "\n".join(  # a line per section, so two reports diff readably
        part
        for part in [
            _header(r),
            "<main>",
            _summary(r),
            _ranking(r),
            _why(r),
            _excluded(r),
            robustness_section(r),
            portfolio_section(r),
            dominance_html(r),
            team_section(r),
            _question(r),
            _options(r),
            _criteria(r),
            evidence_section(r),
            _provenance(r),
            "</main>",
            _footer(r),
        ]
        if part
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="assess {e(r.provenance.tool_version)}">\n'
        f"<title>{e(r.title)} — {e(r.view_label)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
