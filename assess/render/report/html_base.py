"""What the HTML renderers share: escaping, paragraphs, tables."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

NUM = ' class="num"'
DESC = '<span class="desc">'
MUTED = '<span class="muted">'
NOTE = '<p class="note">'


def e(text: object) -> str:
    return escape(str(text), quote=True)


def paragraphs(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{e(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Sequence[int] = (),
    caption: str = "",
    row_classes: Sequence[str] = (),
) -> str:
    """A table of cells already escaped; `numeric` columns align right."""

    def th(j: int, h: str) -> str:
        return f'<th scope="col"{NUM if j in numeric else ""}>{h}</th>'

    def td(j: int, v: str) -> str:
        if j == 0:
            return f'<th scope="row">{v}</th>'
        return f"<td{NUM if j in numeric else ''}>{v}</td>"

    out = ["<table>", f"<caption>{e(caption)}</caption>" if caption else ""]
    out.append("<thead><tr>" + "".join(th(j, h) for j, h in enumerate(header)) + "</tr></thead><tbody>")
    for i, row in enumerate(rows):
        cls = row_classes[i] if i < len(row_classes) and row_classes[i] else ""
        attr = f' class="{cls}"' if cls else ""
        out.append(f"<tr{attr}>" + "".join(td(j, v) for j, v in enumerate(row)))
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
