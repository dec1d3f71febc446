"""Hostile text in every user string of a case (issue 9): the Markdown and
HTML reports show it as text. A report of the hostile case must have exactly
the structure (every tag, as a Markdown renderer or an HTML parser sees it)
of the same case with plain strings, and show each string literally."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.render.report.report_support import report_text

ATTACKS = [
    "<script>alert('x')</script>",
    "[click](javascript:alert(1))",
    "# Heading",
    '<img src=x onerror="alert(1)">',
    "| a | b |",
    "`code` and ``more``",
    "*stars* _under_ ~~gone~~",
    "&amp; &#60; &lt;",
    "> quote",
    "1. first",
    "---",
    "- item",
    "```",
    "<!-- comment -->",
    "![img](http://x/y.png)",
    "\\ backslash \\\\",
]


def _case(texts: itertools.cycle) -> dict:
    """A team case of two options and three local criteria with a string
    from `texts` in every user string (ids stay ids)."""
    t = lambda: next(texts)  # noqa: E731
    doc = "doc.txt"

    def source() -> dict:
        return {"document": doc, "passage": f"passage {t()}", "section": t()}

    def criterion(cid: str, family: str, direction: str, top: int) -> dict:
        return {
            "id": cid,
            "name": t(),
            "family": family,
            "direction": direction,
            "description": t(),
            "scale": {"min": 0, "max": top, "levels": {0: t(), top: t()}},
            **({"veto": {"threshold": 4, "reason": t()}} if direction == "cost" else {}),
        }

    def scores(a: float, b: float) -> dict:
        return {
            o: {
                c: {"value": v, "low": 0, "high": 5, "rationale": f"{t()}\n\n{t()}", "source": source()}
                for c in ("gain", "reach", "risk")
            }
            for o, v in (("a", a), ("b", b))
        }

    return {
        "title": t(),
        "description": f"{t()}\n\n{t()}",
        "baseline": "base",
        "documents": {doc: {"title": t(), "date": t()}},
        "criteria": {
            "use": ["gain", "reach", "risk"],
            "local": [
                criterion("gain", "driver", "benefit", 5),
                criterion("reach", "driver", "benefit", 10),
                criterion("risk", "constraint", "cost", 5),
            ],
        },
        "options": [
            {"id": "a", "name": t(), "description": t(), "source": source()},
            {"id": "b", "name": t(), "description": t()},
            {"id": "c", "name": t()},
        ],
        "weights": {
            "method": "direct",
            "elicitation": t(),
            "points": {"gain": 50, "reach": 30, "risk": 20},
            "statements": [{"order": ["gain", "reach", "risk"], "by": t(), "rationale": t()}],
            "record": [
                {"step": "swing_rating", "criterion": "reach", "rating": 60, "by": t(), "rationale": t()},
                {"step": "statement", "statement": 0, "rationale": t()},
            ],
        },
        "scores": {**scores(3, 4), "c": {"gain": {"value": 5}, "reach": {"value": 9}, "risk": {"value": 5}}},
        "scenarios": {"later": {"name": t(), "description": t(), "scores": {"a": {"gain": {"value": 1}}}}},
        "assessors": {
            "x": {"name": t(), "role": t(), "scores": scores(1, 2)},
            "y": {"name": t(), "role": t(), "scores": scores(4, 5)},
        },
    }


def _write(tmp: Path, name: str, data: dict) -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("hostile")
    plain = _write(tmp, "plain.yaml", _case(itertools.cycle(f"plain text {k}" for k in range(7))))
    hostile = _write(tmp, "hostile.yaml", _case(itertools.cycle(ATTACKS)))
    return plain, hostile


class Tags(HTMLParser):
    """Every start tag with its attribute names, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.values: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[" ".join([tag, *sorted(k for k, _ in attrs if k not in {"id", "href"})])] += 1
        self.values += [v or "" for _, v in attrs]

    def handle_comment(self, data: str) -> None:
        self.tags["<!--"] += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


def markdown_html(text: str) -> str:
    """The Markdown as GitHub would render it (raw HTML passes, as on GitHub before sanitising)."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


@pytest.mark.parametrize("scenario", [None, "later"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_same_structure_as_plain_text(cases: tuple[Path, Path], fmt: str, scenario: str | None) -> None:
    plain, hostile = (report_text(p, fmt, scenario, samples=50) for p in cases)
    if fmt == "markdown":
        plain, hostile = markdown_html(plain), markdown_html(hostile)
    a, b = parsed(plain), parsed(hostile)
    assert b.tags == a.tags  # no tag, attribute, link, heading, cell or comment of the user's
    assert not any("javascript:" in v.lower() or "onerror" in v.lower() for v in b.values)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_strings_shown_literally(cases: tuple[Path, Path], fmt: str) -> None:
    text = report_text(cases[1], fmt, samples=0)
    shown = " ".join(parsed(markdown_html(text) if fmt == "markdown" else text).text)
    for attack in ATTACKS:
        assert attack in shown, attack


def test_team_section_of_a_team_case(cases: tuple[Path, Path]) -> None:
    for fmt in ("markdown", "html"):
        text = report_text(cases[0], fmt, samples=0)
        assert "Where the assessors disagree" in text and "plain text" in text


def test_no_control_character_in_either_format() -> None:
    from assess.cli.common import load_view
    from assess.files.casefile import load_case
    from assess.render.report import build_report, render
    from tests.conftest import DEFAULT_CASE

    loaded = load_case(DEFAULT_CASE)
    _, view = load_view(str(DEFAULT_CASE), "2025")
    report = build_report(loaded, view)
    evil = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b1m\u202e"
    report = dataclasses.replace(
        report,
        title=report.title + evil,
        ranking=tuple(dataclasses.replace(x, name=x.name + evil) for x in report.ranking),
    )
    for fmt in ("markdown", "html"):
        text = render(report, fmt)
        assert not any(ch in text for ch in "\x1b\x07\x9b\u202e"), fmt
        assert "ZXZpbA==" in text  # the text stays, its controls go
