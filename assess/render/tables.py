"""Plain-text and Markdown tables: the one table renderer every command uses.

Cells are text, numbers or None ("-"). A float is written with
`assess.render.fmt.fixed` (three decimals); a number that needs another
precision comes already written as an `assess.render.fmt.Figure`, which aligns
right like a number. Columns whose every cell is a number align right.

`text_table(..., width=W)` fits the table to W columns: headers fold onto
several lines at their spaces, then the widest text columns narrow. In a
narrowed column the first column's names are shortened at a word ("Smart
cities and…"), the other text cells fold onto several lines; numbers are
never cut. A table whose numbers alone are wider than W overflows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Sequence

from assess.render.fmt import Figure, fixed

Row = Sequence[object]
GAP = 2
"""Spaces between two columns."""
MIN_NAME, MIN_FOLD, MIN_HEAD = 12, 8, 6
"""Columns are never narrowed below these widths (or their longest value, if
shorter): names, text that folds, a number's header."""
MAX_WORD = 20
"""A folding column is kept as wide as its longest word, up to this."""


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return fixed(value)
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Figure) and not isinstance(value, bool)


def shorten(text: str, width: int) -> str:
    """`text` in at most `width` columns: cut at a word where one is near, with '…'."""
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 0)]
    space = cut.rfind(" ")
    if text[len(cut)] != " " and space >= width // 2:  # cut mid-word: drop the word
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _fold(text: str, width: int, whole_words: bool = False) -> list[str]:
    """`text` folded to `width`; with `whole_words`, a word too long is shortened, not broken."""
    lines = []
    for part in text.split("\n"):
        lines += textwrap.wrap(part, width, break_long_words=not whole_words) or [""]
    return [shorten(x, width) for x in lines] if whole_words else lines


def _widths(
    header: list[str],
    body: list[list[str]],
    numeric: list[bool],
    width: int | None,
    short: Collection[int],
    keep: Collection[int],
) -> list[int]:
    """Each column's width: the widest cell; with `width`, if that is too wide,
    every header folded at its spaces, then text columns narrowed until the
    table fits (see `_narrow_first`), the widest first."""
    n = len(header)
    values = [max((len(x) for r in body for x in r[j].split("\n")), default=0) for j in range(n)]
    widths = [max(v, len(h)) for v, h in zip(values, header, strict=True)]
    if width is None:
        return widths
    budget = width - GAP * (n - 1)
    words = [
        max(v, *(len(w) for w in h.split())) if h.split() else v for v, h in zip(values, header, strict=True)
    ]
    if sum(widths) <= budget:
        return widths
    full, widths = widths, [widths[j] if j in keep else words[j] for j in range(n)]
    for j in sorted(range(n), key=lambda k: full[k] - widths[k]):  # unfold what still fits
        if sum(widths) + full[j] - widths[j] <= budget:
            widths[j] = full[j]
    longest = [max((len(x) for r in body for x in r[j].split()), default=0) for j in range(n)]
    for whole_words in (True, False):  # break a long word only when the table cannot fit otherwise
        most = longest if whole_words else [0] * n
        floor = [_floor(j, values[j], words[j], most[j], numeric, short, keep, widths) for j in range(n)]
        while sum(widths) > budget:
            j = max(
                range(n), key=lambda k: (widths[k] > floor[k], _narrow_first(k, numeric, short), widths[k])
            )
            if widths[j] <= floor[j]:
                break
            widths[j] -= 1
    return widths


def _floor(
    j: int,
    value: int,
    word: int,
    longest: int,
    numeric: list[bool],
    short: Collection[int],
    keep: Collection[int],
    widths: list[int],
) -> int:
    """How narrow column `j` may become."""
    if j in keep:
        return widths[j]
    head = min(word, MIN_HEAD)
    if numeric[j]:
        return max(value, head)
    if j in short:
        return max(1, head, min(value, MIN_NAME))
    return max(1, head, min(value, max(MIN_FOLD, min(longest, MAX_WORD))))  # no word broken if it can be


def _narrow_first(j: int, numeric: list[bool], short: Collection[int]) -> int:
    """Which columns give way first: text that folds (2), names (1), numbers' headers (0)."""
    return 0 if numeric[j] else 1 if j in short else 2


def _lines(
    row: list[str], widths: list[int], short: Collection[int], keep: Collection[int], head: bool
) -> list[list[str]]:
    """A row as lines of cells: each cell folded (or shortened) to its width."""
    cells = []
    for j, (text, w) in enumerate(zip(row, widths, strict=True)):
        if j in keep:
            cells.append(text.split("\n"))
        elif head:
            cells.append(_fold(text, w, whole_words=True))
        elif j in short:
            cells.append([shorten(x, w) for x in text.split("\n")])
        else:
            cells.append(_fold(text, w) if len(text) > w or "\n" in text else [text])
    height = max(len(c) for c in cells)
    if head:  # headers sit on the rule
        cells = [[""] * (height - len(c)) + c for c in cells]
    return [[c[k] if k < len(c) else "" for c in cells] for k in range(height)]


def text_table(
    header: Row,
    rows: Sequence[Row],
    width: int | None = None,
    short: Collection[int] = (0,),
    keep: Collection[int] = (),
) -> str:
    """An aligned table, numbers right-aligned; with `width`, fitted to it
    (see the module docstring). `short`: text columns whose cells are
    shortened rather than folded when narrowed; `keep`: columns never
    narrowed nor folded, header included (a column of bars)."""
    head = [_cell(v) for v in header]
    body = [[_cell(v) for v in row] for row in rows]
    numeric = [bool(rows) and all(_is_number(r[j]) or r[j] is None for r in rows) for j in range(len(head))]
    widths = _widths(head, body, numeric, width, short, keep)
    out = []
    for k, row in enumerate([head, *body]):
        for cells in _lines(row, widths, short, keep, head=k == 0):
            parts = [
                c.rjust(w) if numeric[j] else c.ljust(w)
                for j, (c, w) in enumerate(zip(cells, widths, strict=True))
            ]
            out.append((" " * GAP).join(parts).rstrip())
        if k == 0:
            out.append((" " * GAP).join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(header: Row, rows: Sequence[Row]) -> str:
    def esc(v: object) -> str:
        return _cell(v).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(esc(h) for h in header) + " |"]
    out.append(
        "|" + "|".join("---:" if rows and _is_number(rows[0][j]) else "---" for j in range(len(header))) + "|"
    )
    out += ["| " + " | ".join(esc(v) for v in row) + " |" for row in rows]
    return "\n".join(out)
