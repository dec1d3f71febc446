"""Reports a planner can mail: one self-contained HTML page or a Markdown file.

`build_report` gathers what a report says (`content`), `render_html` and
`render_markdown` only format it. The same input gives byte-identical output:
no clock unless a timestamp is asked for, fixed number formats, the case's
own order throughout.
"""

from __future__ import annotations

from pathlib import Path

from assess.render.report.content import Report, build_report
from assess.render.report.html import render_html
from assess.render.report.markdown import render_markdown
from assess.render.report.robust import analyse_view
from assess.render.safe import printable

__all__ = ["FORMATS", "Report", "analyse_view", "build_report", "format_for", "render"]

FORMATS: dict[str, str] = {".html": "html", ".htm": "html", ".md": "markdown"}
"""Output file extension -> report format."""


def format_for(path: str | Path) -> str | None:
    """The report format an output path asks for, or None for an unknown extension."""
    return FORMATS.get(Path(path).suffix.lower())


def render(report: Report, fmt: str) -> str:
    """`report` as 'html' or 'markdown' text, without a control character in it
    (a report may well be `cat` to a terminal; see `assess.render.safe`)."""
    if fmt == "html":
        return printable(render_html(report))
    if fmt == "markdown":
        return printable(render_markdown(report))
    raise ValueError(f"unknown report format {fmt!r}")
