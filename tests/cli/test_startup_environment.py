"""What `assess` sets before importing pydantic and NumPy, only where the user
has not, and the collector it pauses while loading."""

from __future__ import annotations

import gc
import os

import pytest

from assess.cli import BLAS_THREADS, startup_environment
from tests.conftest import DEFAULT_CASE, run_cli


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("PYDANTIC_DISABLE_PLUGINS", *BLAS_THREADS):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_plugins_off_and_one_blas_thread_by_default(clean: pytest.MonkeyPatch) -> None:
    startup_environment("score")
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
    assert all(os.environ[name] == "1" for name in BLAS_THREADS)


def test_the_users_settings_win(clean: pytest.MonkeyPatch) -> None:
    clean.setenv("PYDANTIC_DISABLE_PLUGINS", "logfire")
    clean.setenv("OMP_NUM_THREADS", "4")
    startup_environment("check")
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "logfire"
    assert os.environ["OMP_NUM_THREADS"] == "4"
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # one said: the user chooses


def test_commands_with_large_products_keep_their_threads(clean: pytest.MonkeyPatch) -> None:
    startup_environment("portfolio")
    assert not any(name in os.environ for name in BLAS_THREADS)


def test_sensitivity_walks_on_one_blas_thread(clean: pytest.MonkeyPatch) -> None:
    """Two threads spun on the walk's small products for more wall time (cli.NEEDS_BLAS)."""
    startup_environment("sensitivity")
    assert all(os.environ[name] == "1" for name in BLAS_THREADS)


def test_the_collector_runs_again_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "score", DEFAULT_CASE, "-f", "json")[0] == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert run_cli(capsys, "score", "missing.yaml")[0] == 2  # and after a failed load
    assert gc.isenabled() and gc.get_freeze_count() == 0
