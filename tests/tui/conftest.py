"""Fixtures of the UI tests. Loading the default case is done once per session;
tests that write files get a fresh copy of the case, catalogue and sources."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from assess.files.casefile import LoadedCase, load_case
from tests.tui.tui_helpers import DEFAULT_CASE, SECOND_CASE, copy_workspace


@pytest.fixture(scope="session")
def default_loaded() -> LoadedCase:
    """The bundled default case, loaded once (read-only use: never saved)."""
    return load_case(DEFAULT_CASE)


@pytest.fixture(scope="session")
def second_loaded() -> LoadedCase:
    return load_case(SECOND_CASE)


@pytest.fixture
def workspace_case(tmp_path: Path) -> Path:
    """A copy of the default case (with ../criteria.yaml and ../sources) to save into."""
    return copy_workspace(tmp_path)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests (Textual's pilot) in a fresh event loop."""
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None
    names = inspect.signature(test).parameters
    asyncio.run(test(**{n: pyfuncitem.funcargs[n] for n in names}))
    return True
