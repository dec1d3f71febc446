"""Where the bundled catalogue and cases are.

In a checkout (or an editable install) they are the repository's own files;
after `pip install .` a copy lives in the package (`assess/bundled/`, put there
by setup.py). Run from a checkout, `assess` prefers the checkout's files, so a
save lands where `git diff` sees it.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_CASE = Path("cases") / "ai_cooperation.yaml"


def bundle_roots() -> list[Path]:
    package = Path(__file__).resolve().parent
    return [Path.cwd(), package.parent, package / "bundled"]


def default_case_path() -> Path:
    """The default case: the working folder's, the checkout's, or the installed copy."""
    for root in bundle_roots():
        candidate = root / DEFAULT_CASE
        if candidate.is_file() and (root / "criteria.yaml").is_file():
            return candidate
    return bundle_roots()[-1] / DEFAULT_CASE
