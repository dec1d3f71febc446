"""Plain-text and Markdown tables: the one table renderer every command uses."""

from __future__ import annotations

from collections.abc import Sequence

Row = Sequence[object]


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def text_table(header: Row, rows: Sequence[Row]) -> str:
    """An aligned table; numbers right-aligned."""
    cells = [[_cell(v) for v in header], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(r[j]) for r in cells) for j in range(len(header))]
    numeric = [bool(rows) and all(_is_number(r[j]) or r[j] is None for r in rows) for j in range(len(header))]
    lines = []
    for k, row in enumerate(cells):
        parts = [
            c.rjust(w) if numeric[j] else c.ljust(w) for j, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(header: Row, rows: Sequence[Row]) -> str:
    def esc(v: object) -> str:
        return _cell(v).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(esc(h) for h in header) + " |"]
    out.append(
        "|" + "|".join("---:" if rows and _is_number(rows[0][j]) else "---" for j in range(len(header))) + "|"
    )
    out += ["| " + " | ".join(esc(v) for v in row) + " |" for row in rows]
    return "\n".join(out)
