"""Case files whose every user string holds console markup, for the tests that
open every screen on them (issue 9: text from a file is text, never markup).

The bundled default and team cases, the catalogue and the sources are copied
with their layout; every title, name, description, rationale, scale label,
elicitation, veto reason, section and assessor name gets `MARK` appended;
the sources and the passages citing them get it after each "the", so every
quoted passage holds it too; the case files are renamed to hold it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

MARK = " [/] [link=x]L[/link] [bold"
"""Console markup that crashes (`[/]`), links (`[link=x]`) and opens a tag (`[bold`)."""
TEXT_KEYS = {"title", "name", "description", "rationale", "elicitation", "reason", "section", "role"}
THE = re.compile(r"\bthe\b")
FILE_MARK = " [link=x]L [red]R [bold"
"""The same for file names, which cannot hold a "/"."""


def _marked(text: str) -> str:
    return THE.sub("the" + MARK, text)


def _hostile(node: object, key: str | None = None) -> object:
    """`node` with MARK in every user string (keys and ids left alone)."""
    if isinstance(node, dict):
        if key == "levels":
            return {k: f"{v}{MARK}" for k, v in node.items()}
        return {k: _hostile(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_hostile(v, key) for v in node]
    if isinstance(node, str) and key in TEXT_KEYS:
        return node + MARK
    if isinstance(node, str) and key == "passage":
        return _marked(node)
    return node


def _rewrite(source: Path, target: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    target.write_text(yaml.safe_dump(_hostile(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_workspace(target: Path) -> tuple[Path, Path, Path]:
    """The marked cases under `target`: (default, team, security_first)."""
    (target / "cases" / "team_example").mkdir(parents=True)
    _rewrite(ROOT / "criteria.yaml", target / "criteria.yaml")
    (target / "sources").mkdir()
    for doc in (ROOT / "sources").iterdir():
        if doc.is_file():
            text = _marked(doc.read_text(encoding="utf-8"))
            (target / "sources" / doc.name).write_text(text, encoding="utf-8")
    default = target / "cases" / f"case{FILE_MARK}.yaml"
    _rewrite(ROOT / "cases" / "ai_cooperation.yaml", default)
    team = target / "cases" / "team_example" / f"team{FILE_MARK}.yaml"
    _rewrite(ROOT / "cases" / "team_example" / "team.yaml", team)
    other = target / "cases" / f"other{FILE_MARK}.yaml"
    _rewrite(ROOT / "cases" / "security_first.yaml", other)
    return default, team, other
