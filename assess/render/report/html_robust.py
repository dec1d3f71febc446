"""The robustness section of the HTML report."""

from __future__ import annotations

from assess.render.report import svg
from assess.render.report.content import Report
from assess.render.report.html_base import NOTE, e, table
from assess.render.report.robust import RobustnessSection


def _stability(rb: RobustnessSection) -> str:
    if not rb.stability:
        return ""
    chart = svg.stability_chart(
        "stab-chart",
        [(s.criterion, s.weight, s.first_lo, s.first_hi, s.rank_lo, s.rank_hi) for s in rb.stability],
    )
    header, rows = rb.stability_table(e)
    first = f" ({e(rb.first)} first)" if rb.first else ""
    return (
        f"<h3>Weight stability{first}</h3>"
        f"{NOTE}Each criterion's weight share is moved on its own, the others rescaled in "
        "proportion. The light band is the range in which the first place does not change, the dark "
        "band the range in which the whole ranking stays; the tick is the current weight.</p>"
        f"<figure>{chart}</figure>{table(header, rows, numeric=(1, 2, 5))}"
        + (f"<p>{e(rb.smallest_change)}</p>" if rb.smallest_change else "")
    )


def _acceptability(rb: RobustnessSection) -> str:
    if not rb.acceptability:
        return ""
    chart = svg.acceptability_heatmap("accept-chart", rb.options, rb.acceptability)
    n = len(rb.acceptability[0])
    header, rows = rb.acceptability_table(e)
    note = f"{NOTE}{e(rb.method_note)}</p>" if rb.method_note else ""
    return (
        f"<h3>Rank acceptability ({rb.samples:,} samples, seed {rb.seed})</h3>"
        f"{NOTE}How often each option took each rank when weights and scores were drawn at "
        "random within their uncertainty (SMAA-2). Confidence: how often the option stays first with "
        "its most favourable (central) weights when only the scores vary.</p>"
        f"{note}<figure>{chart}</figure>" + table(header, rows, numeric=tuple(range(1, n + 2)))
    )


def _excluded(rb: RobustnessSection) -> str:
    if not rb.excluded:
        return ""
    return f"{NOTE}Not analysed, being excluded by a veto: {e(', '.join(rb.excluded))}.</p>"


def robustness_section(r: Report) -> str:
    rb = r.robustness
    if rb is None:
        body = f"<p>{e(r.robustness_note or 'Robustness analysis not available.')}</p>"
    else:
        body = _excluded(rb) + _stability(rb) + _acceptability(rb)
    return f'<section id="robustness"><h2>Robustness</h2>{body}</section>'
