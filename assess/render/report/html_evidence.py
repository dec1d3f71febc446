"""The evidence of the HTML report: quoted passages, the list of sources and
every score with its rationale."""

from __future__ import annotations

from assess.render.explain import basis_summary, basis_words
from assess.render.fmt import scale, score_range, span
from assess.render.report.content import CriterionInfo, Evidence, OptionEvidence, Report
from assess.render.report.evidence import Quote
from assess.render.report.html_base import NOTE, e, paragraphs


def _where(q: Quote, short: bool) -> str:
    ref = f'<a href="#source-{q.number}">[{q.number}]</a>' if q.number is not None else ""
    if short:
        where = ref or f"<cite>{e(q.title)}</cite>"
    else:
        where = f"{ref} <cite>{e(q.title)}</cite>".strip() + (f" ({e(q.date)})" if q.date else "")
    if q.section:
        where += f", section “{e(q.section)}”"
    return where


def quote(q: Quote | None, short: bool = False) -> str:
    """The cited passage; in full form highlighted in its paragraph when the
    document is at hand, in short form the passage alone with a source number."""
    if q is None:
        return f"{NOTE}No source cited.</p>"
    ctx = None if short else q.context
    if ctx is not None:
        body = f"{e(ctx.before)}<mark>{e(ctx.passage)}</mark>{e(ctx.after)}"
    else:
        body = f"“{e(q.passage)}”"
    missing = '<p class="changed">Not found in the document: check the quote.</p>' if q.not_found else ""
    return (
        f'<figure class="quote"><blockquote><p>{body}</p></blockquote>'
        f"<figcaption>— {_where(q, short)}</figcaption>{missing}</figure>"
    )


def sources_list(r: Report) -> str:
    if not r.sources:
        return ""
    items = "".join(
        f'<li id="source-{s.number}"><cite>{e(s.title)}</cite>'
        + (f" ({e(s.date)})" if s.date else "")
        + f", <code>{e(s.document)}</code>"
        + (f'<br><span class="reliability">Reliability: {e(s.reliability)}</span>' if s.reliability else "")
        + "</li>"
        for s in r.sources
    )
    return f'<h3>Sources</h3><ol class="sources">{items}</ol>'


def _cell(ev: Evidence, c: CriterionInfo, baseline: str) -> str:
    level = f" · {e(ev.level)}" if ev.level else ""
    basis = f' · <span class="basis">basis: {e(basis_words(ev.basis))}</span>'
    better = "better" if c.direction == "benefit" else "worse"
    on_scale = f"on {span(c.scale_min, c.scale_max)}, higher is {better}"
    rationale = paragraphs(ev.rationale) if ev.rationale else f"{NOTE}No rationale given.</p>"
    changed = ""
    if ev.baseline_value is not None:
        changed = (
            f'<p class="changed">Re-scored in this view ({e(baseline)}: {scale(ev.baseline_value)}).</p>'
        )
    return (
        f'<article class="cell"><h4>{e(ev.criterion_name)}<span class="score">'
        f"{e(score_range(ev.value, ev.low, ev.high))} {on_scale}{level}{basis}</span></h4>"
        f"{changed}{rationale}{quote(ev.quote)}</article>"
    )


def _option(oe: OptionEvidence, criteria: dict[str, CriterionInfo], baseline: str) -> str:
    cells = "".join(_cell(ev, criteria[ev.criterion], baseline) for ev in oe.cells)
    return f'<section class="option-evidence"><h3 id="ev-{e(oe.option)}">{e(oe.name)}</h3>{cells}</section>'


def evidence_section(r: Report) -> str:
    criteria = {c.id: c for c in r.criteria}
    intro = (
        f"{NOTE}Every score with its rationale and the passage it rests on; where the "
        "document is at hand, the passage (highlighted) is shown in its paragraph.</p>"
    )
    if r.basis_counts:
        total = sum(n for _, n in r.basis_counts)
        intro += f"<p>What the {total} scores rest on: {e(basis_summary(r.basis_counts))}.</p>"
    body = "".join(_option(oe, criteria, r.baseline) for oe in r.evidence)
    return f'<section id="evidence"><h2>Scores and evidence</h2>{intro}{body}</section>'
