"""The passage check: the same matches as the token-by-token reference it
replaced, and memory linear in the document's size (issue 9: an 8 MB document
used 803 MB)."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from assess.passages import Located, locate_passage

_TOKEN = re.compile(r"-[ \t]*\r?\n\s*|\s+|[^\s-]+|-")


def _reference_normalise(text: str, loose: bool) -> tuple[str, list[int]]:
    """The first implementation: one token at a time, one offset per character."""
    out: list[str] = []
    where: list[int] = []
    last_space = True
    for m in _TOKEN.finditer(text):
        token, i = m.group(), m.start()
        if token[0] == "-" and len(token) > 1:
            continue
        if token.isspace():
            if not last_space:
                out.append(" ")
                where.append(i)
                last_space = True
            continue
        if loose and token == "-":
            continue
        out.append(token)
        where.extend(range(i, m.end()))
        last_space = False
    return "".join(out), where


def _reference_locate(text: str, passage: str) -> Located | None:
    for loose in (False, True):
        norm, where = _reference_normalise(text, loose)
        wanted = _reference_normalise(passage, loose)[0].strip()
        k = norm.find(wanted) if wanted else -1
        if k >= 0:
            break
    else:
        return None
    start, end = where[k], where[k + len(wanted) - 1] + 1
    first = text.count("\n", 0, start) + 1
    return Located(first, first + text.count("\n", start, end), start, end)


_ALPHABET = st.sampled_from(list("ab-- \t\n\r\u00a0x7%"))


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=60), st.text(_ALPHABET, min_size=1, max_size=8))
def test_same_place_as_the_reference(text: str, passage: str) -> None:
    assert locate_passage(text, passage) == _reference_locate(text, passage)


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=80), st.data())
def test_every_slice_of_the_text_is_found_where_the_reference_finds_it(text: str, data) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    assert locate_passage(text, text[i:j]) == _reference_locate(text, text[i:j])


def test_hyphenated_line_break_and_loose_hyphen() -> None:
    text = "the brief says coopera-\n  tion is limit-\ned, and 70-\n80% grow"
    found = locate_passage(text, "cooperation is limited")
    assert found is not None and text[found.start : found.end] == "coopera-\n  tion is limit-\ned"
    assert locate_passage(text, "70-80%") is not None


def test_memory_is_linear_in_the_document() -> None:
    """An 8 MB document (the size limit) checked for a passage at its end and
    one not in it: a few times its size in memory, not a hundred."""
    code = textwrap.dedent(
        """
        import resource, sys
        from assess.passages import locate_passage
        words = "coopera-\\ntion between  partners is limited by the five dark S " * 140_000
        text = words + "the last sentence"
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        assert locate_passage(text, "the last sentence") is not None
        assert locate_passage(text, "never said") is None
        used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        print(len(text.encode()), used * 1024)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    size, used = map(int, out.split())
    assert size > 8_000_000
    assert used < 6 * size, f"{used:,} bytes for a {size:,}-byte document"
