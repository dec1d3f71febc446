"""What the report tests share: building a report from a case file, a tag
balance check, and a small case with hostile text written to disk."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import yaml

from assess.cli.common import load_view
from assess.render.report import build_report, render
from assess.render.report.robust import analyse_view
from tests.conftest import small_case_data

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

HOSTILE = "Scores <b>&amp; \"quotes\"</b> & <script>alert('x')</script> | *stars* _under_ [link](x) #1"
"""A rationale with markup, entities, quotes and Markdown syntax in it."""


def report_text(path: Path | str, fmt: str, scenario: str | None = None, samples: int = 500, **kw) -> str:
    loaded, view = load_view(str(path), scenario)
    robustness, note = analyse_view(view, samples, 1)
    return render(build_report(loaded, view, robustness, note, **kw), fmt)


class TagBalance(HTMLParser):
    """Collects mismatched or unclosed tags (void elements need no end tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> TagBalance:
    checker = TagBalance()
    checker.feed(html)
    checker.close()
    return checker


def hostile_case(tmp: Path, weights: dict | None = None) -> Path:
    """The small case of conftest, with a hostile rationale and title, as a file."""
    data = small_case_data()
    data["title"] = "Small <case> & 'co'"
    data["scores"]["a"]["gain"]["rationale"] = HOSTILE
    if weights is not None:
        data["weights"] = weights
    path = tmp / "small.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
