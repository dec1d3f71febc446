"""Where the bundled catalogue, cases and sources are, and which copy is read-only.

In a checkout (or an editable install) they are the repository's own files;
after `pip install .` a copy lives in the package (`assess/bundled/`, put there
by setup.py). That installed copy is never written: a reinstall would replace
it, and the planner would not find their work. `assess init DIR` copies it to
a working folder; saving the installed default case offers the same.

`assess` with no file opens the working folder's `cases/ai_cooperation.yaml`
if there is one (after `assess init .`), else the checkout's, else the
installed copy. Nothing here reads or writes the files' contents.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_CASE = Path("cases") / "ai_cooperation.yaml"
BUNDLE = ("criteria.yaml", "cases", "sources")
"""What a bundle root holds (and what setup.py copies into the package)."""

PACKAGE = Path(__file__).resolve().parent.parent


def installed_root() -> Path:
    """The copy inside the installed package (`assess/bundled/`)."""
    return PACKAGE / "bundled"


def checkout_root() -> Path | None:
    """The repository the package runs from (an editable install), if any."""
    root = PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "criteria.yaml").is_file() else None


def source_root() -> Path:
    """Where `assess init` copies from: the checkout's files, else the installed copy."""
    return checkout_root() or installed_root()


def bundle_roots() -> list[Path]:
    """Where to look for the default case, in order."""
    return [Path.cwd(), *filter(None, [checkout_root()]), installed_root()]


def default_case_path() -> Path:
    """The default case: the working folder's, the checkout's, or the installed copy."""
    for root in bundle_roots():
        candidate = root / DEFAULT_CASE
        if candidate.is_file() and (root / "criteria.yaml").is_file():
            return candidate
    return installed_root() / DEFAULT_CASE


def bundle_files(root: Path) -> list[Path]:
    """The catalogue, cases and sources under a bundle root (hidden files left out)."""
    found = []
    for name in BUNDLE:
        top = root / name
        if top.is_file():
            found.append(top)
        elif top.is_dir():
            found += sorted(
                p
                for p in top.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
    return found


def is_installed_copy(path: str | Path) -> bool:
    """Whether `path` lies inside the installed package, which is never written.

    The whole package counts (its modules too), not only `bundled/`; in a
    checkout the package folder holds no case files, so nothing is lost.
    """
    resolved = Path(path).resolve()
    return resolved.is_relative_to(installed_root().resolve()) or resolved.is_relative_to(PACKAGE)
