"""User text as literal Markdown: the one escaper of every Markdown output
(`--format markdown` of the commands, the Markdown report).

GitHub-flavoured Markdown would otherwise read a name or rationale as raw
HTML (`<script>`, `<img onerror=...>`), a link (`[x](javascript:...)`), an
entity, emphasis, code, a table's column break, or, at the start of a line,
a heading, quote or list.
"""

from __future__ import annotations

import re

from assess.render.safe import one_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def _guard(m: re.Match[str]) -> str:
    """Escape what would start a heading, quote or list: '#', '>', '-', '+', '=', '1.'."""
    lead, mark = m.group(1), m.group(2)
    if mark[0].isdigit():
        return lead + mark[:-1] + "\\" + mark[-1]
    return lead + "\\" + mark


def md(text: str, pipes: bool = True) -> str:
    """`text` as literal Markdown: one printable line, markup characters escaped
    (with `pipes`, also '|', for text outside a table built by `markdown_table`)."""
    text = one_line(text)
    text = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))
    text = _LINE_START.sub(_guard, text)
    return text.replace("|", "\\|") if pipes else text


def paragraphs(text: str) -> str:
    """Paragraphs (split at blank lines) as escaped Markdown paragraphs."""
    return "\n\n".join(md(p) for p in text.split("\n\n") if p.strip())
