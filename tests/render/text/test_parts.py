"""The pieces every output shares: number formats (`assess.render.fmt`), words
for contributions (`assess.render.explain`), tables fitted to a width
(`assess.render.tables`)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assess.render.explain import change_words, credit_label, lower_first, part_words
from assess.render.fmt import (
    bar,
    fixed,
    machine,
    machine_text,
    percent,
    percent_span,
    points,
    runs,
    scale,
    scale_beside,
    score_range,
    signed,
)
from assess.render.tables import shorten, text_table


def test_numbers() -> None:
    assert (fixed(0.6040000000000001), fixed(-0.0001), fixed(math.nan)) == ("0.604", "0.000", "-")
    assert (signed(0.06), signed(-0.033), signed(-0.0001), signed(0)) == (
        "+0.060",
        "-0.033",
        "0.000",
        "0.000",
    )
    assert [scale(x) for x in (4, 4.5, 25 / 6, 1.1666666, -0.001, 1e6)] == [
        "4",
        "4.5",
        "4.17",
        "1.17",
        "0",
        "1000000",
    ]
    assert (
        scale_beside(4.004, 4) == "4.004" and scale_beside(25 / 6, 4) == "4.17" and scale_beside(4, 4) == "4"
    )
    assert (machine(0.1 + 0.2), machine(math.nan), machine(math.inf), machine(-1e-9)) == (
        0.3,
        None,
        None,
        0.0,
    )
    assert (machine_text(0.09000000000000001), machine_text(math.nan)) == ("0.09", "")
    assert (percent(0.1234), percent(-1e-7)) == ("12.3%", "0%")


def test_one_percent_format() -> None:
    """A share is written one way in every output (it was "92 %" in the
    terminal, "92.0%" in reports): one decimal at most, no space, and a share
    strictly between 0 and 1 never reads 0% or 100%."""
    shares = (0.92, 0.2, 0.045, 0.1234, 0.0, 1.0, 0.00004, 0.99996, None, math.nan)
    assert [percent(x) for x in shares] == [
        "92%", "20%", "4.5%", "12.3%", "0%", "100%", "<0.1%", ">99.9%", "-", "-",
    ]  # fmt: skip
    assert (percent_span(0.022, 0.28), percent_span(0, 1)) == ("2.2–28%", "0–100%")
    assert (points(0.045), points(-0.12), score_range(5, 2, 5), score_range(4, 4, 4)) == (
        "+4.5",
        "-12",
        "5 (2–5)",
        "4",
    )


@given(st.lists(st.floats(0, 1), max_size=6), st.integers(1, 80))
def test_runs_fill_the_sum(parts: list[float], width: int) -> None:
    """Stacked parts take as many cells as their sum, whatever the rounding."""
    parts = [p / max(1.0, sum(parts)) for p in parts]
    cells = runs(parts, width)
    assert min(cells, default=0) >= 0 and abs(sum(cells) - sum(parts) * width) <= 0.5 + 1e-9


def test_bar_in_eighths() -> None:
    assert (bar(0.5, 4), bar(1 / 32, 4), bar(0, 4), bar(2, 3)) == ("██", "▏", "", "███")


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_machine_rounds_to_six_decimals(x: float) -> None:
    r = machine(x)
    assert r is not None and abs(r - x) <= 5e-7 + 1e-9 * abs(x) and round(r, 6) == r


def test_words() -> None:
    assert lower_first("Hardware sanctions") == "hardware sanctions"
    assert lower_first("AI ethics") == "AI ethics" and lower_first("S&T") == "S&T"
    assert part_words("Talent drain", True, 0.8) == "little exposed to talent drain"
    assert part_words("Talent drain", True, 0.5) == "moderately exposed to talent drain"
    assert part_words("Talent drain", True, 0.1) == "highly exposed to talent drain"
    assert part_words("Competence building", False, 0.1) == "competence building"
    assert credit_label("Later risks", True) == "Low exposure to later risks"
    assert credit_label("Drivers", False) == "Drivers"


@pytest.mark.parametrize(
    ("cost", "weight_effect", "score_effect", "weights", "words"),
    [
        (True, 0.06, 0.0, (0.0, 0.06), "little exposed to sanctions (new)"),  # value 1
        (True, 0.01, 0.0, (0.0, 0.06), "highly exposed to sanctions (new)"),  # value 1/6
        (True, -0.05, 0.0, (0.05, 0.0), "little exposed to sanctions (dropped)"),
        (True, 0.0, -0.03, (0.1, 0.1), "more exposed to sanctions"),
        (True, 0.0, 0.03, (0.1, 0.1), "less exposed to sanctions"),
        (True, -0.02, 0.01, (0.1, 0.08), "little exposed to sanctions, weighted less"),
        (False, 0.0, 0.02, (0.1, 0.1), "higher on sanctions"),
        (False, -0.03, 0.01, (0.12, 0.08), "sanctions, weighted less"),
    ],
)
def test_change_words(cost: bool, weight_effect: float, score_effect: float, weights, words: str) -> None:
    assert change_words("Sanctions", cost, weight_effect, score_effect, weights) == words


def test_shorten_at_a_word() -> None:
    assert shorten("Smart cities and infrastructures", 20) == "Smart cities and…"
    assert shorten("Slump of the partner's economy", 23) == "Slump of the partner's…"
    assert shorten("Supercalifragilistic", 8) == "Superca…"
    assert shorten("short", 8) == "short"


def test_table_fits_folds_and_keeps_numbers_whole() -> None:
    header = ["option", "a long header over a number", "note", "bars"]
    rows = [
        [
            "Smart cities and infrastructures",
            0.3381,
            "vetoed in ai_cooperation; vetoed in security_first",
            "██ │ ███",
        ],
        ["Pharma", -12.5, "", "█│"],
    ]
    natural = text_table(header, rows)
    assert max(map(len, natural.splitlines())) > 60
    fitted = text_table(header, rows, width=60, keep=(3,))
    lines = fitted.splitlines()
    assert max(map(len, lines)) <= 60
    flat = " ".join(fitted.split())
    assert "0.338" in flat and "-12.500" in flat and "██ │ ███" in fitted  # numbers and kept cells whole
    assert "security_first" in flat and "Smart cities" in flat
    rule = next(k for k, line in enumerate(lines) if line.startswith("-"))
    assert rule > 1  # the long header folded onto several lines
