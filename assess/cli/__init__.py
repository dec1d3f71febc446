"""The `assess` command line.

Each command lives in its own module with `add_parser(subparsers)` and
`run(args) -> int`. Only the UI commands import Textual, and only when run,
so the other commands start fast. Exit codes: 0 success, 2 invalid input,
1 anything else.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import NoReturn

from assess import __version__

COMMANDS = [
    "open",
    "init",
    "serve",
    "score",
    "sensitivity",
    "dominance",
    "portfolio",
    "compare",
    "team",
    "merge",
    "report",
    "check",
    "import",
    "schema",
]
"""Command names, in --help order; the module of each is `assess.cli.<name>_cmd`."""

EXIT_OK, EXIT_ERROR, EXIT_INPUT = 0, 1, 2

LOADS_CASES = {
    "open",
    "serve",
    "score",
    "sensitivity",
    "dominance",
    "portfolio",
    "compare",
    "team",
    "merge",
    "report",
    "check",
}
"""The commands that read case files, and so take `--root DIR`."""


NEEDS_BLAS = {"portfolio"}
"""Commands whose matrix products are large enough for BLAS threads to pay.
Not `sensitivity`: its hit-and-run walk makes many small products, and with
OpenBLAS's two threads `assess sensitivity` at 1e6 samples, 10 options x 20
criteria under 10 statements took 3.8-4.8 s wall and 2.4-2.8 s CPU against
2.2-2.9 s and 1.4-1.6 s with one (3.7-5.9 s and 3.2-3.4 s CPU against
7.5-10.6 s and 5.4-6.1 s with score ranges: 2 shared cores, 3 runs each)."""

BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


SETTLES_MEMORY = {"score", "sensitivity", "portfolio", "report", "check", "compare", "merge", "team"}
"""Commands that call `settle_memory` once their cases are loaded; the others
(the UI above all: it runs for hours) keep the collector on from the start."""


def startup_environment(command: str | None) -> None:
    """What the process sets before pydantic or NumPy is imported, each only if
    the user has not: no scan of installed packages for pydantic plugins
    (`PYDANTIC_DISABLE_PLUGINS`, pydantic's documented switch; assess uses
    none), and one BLAS thread for a command that multiplies no large matrices
    (starting the thread pool costs more than such a command computes)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if command not in NEEDS_BLAS and not any(v in os.environ for v in BLAS_THREADS):
        for name in BLAS_THREADS:
            os.environ[name] = "1"


def _top_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    parser = argparse.ArgumentParser(
        prog="assess",
        description="Structured decisions for partnership assessment. "
        "With no command, opens the planner's terminal UI on the bundled default case.",
    )
    parser.add_argument("--version", action="version", version=f"assess {__version__}")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load every case in full, without the cache of validated cases "
        "(as ASSESS_NO_CACHE=1 does; the cache lives in $XDG_CACHE_HOME/assess)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    return parser, sub


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command's module is imported, so a
    command never pays for the imports of the others."""
    parser, sub = _top_parser()
    for name in [only] if only in COMMANDS else COMMANDS:
        import_module(f"assess.cli.{name}_cmd").add_parser(sub)
        if name in LOADS_CASES:
            sub.choices[name].add_argument(
                "--root",
                metavar="DIR",
                help="the project folder a case's catalogue and documents must lie in "
                "(default: the nearest folder above the case holding criteria.yaml or .git, "
                "else the case's own folder)",
            )
    return parser


def help_parser() -> argparse.ArgumentParser:
    """The parser of `assess --help` and `--version`: the commands' one-line
    help from `helptext` (generated from `build_parser`, checked by a test), so
    no command module is imported; the full parser if `helptext` is behind."""
    from assess.cli.helptext import COMMAND_HELP

    if list(COMMAND_HELP) != COMMANDS:
        return build_parser()
    parser, sub = _top_parser()
    for name, text in COMMAND_HELP.items():
        sub.add_parser(name, help=text)
    return parser


def settle_memory() -> None:
    """Once the cases are loaded: what exists now lives to the end of the
    command, so the collector stops scanning it (`gc.freeze`) and runs again.
    `main` keeps it off until then: imports and loading build many objects and
    few cycles, and its passes over them were the largest cost of a big load."""
    gc.freeze()
    gc.enable()


def _run(args: argparse.Namespace) -> int:
    try:
        return _run_command(args)
    finally:  # main() may run again in this process (the tests do)
        gc.unfreeze()
        gc.enable()


def _run_command(args: argparse.Namespace) -> int:
    from assess.errors import InputError
    from assess.files.reading import project_root
    from assess.render.safe import printable

    try:
        with project_root(getattr(args, "root", None)):
            return int(args.run(args))
    except InputError as err:
        for problem in err.problems:
            print(printable(str(problem)), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug: say so briefly; ASSESS_DEBUG shows the traceback
        if os.environ.get("ASSESS_DEBUG"):
            raise
        print(
            f"assess: internal error: {type(err).__name__}: {err} (set ASSESS_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def entry() -> NoReturn:
    """The `assess` command (and `python -m assess`): `main`, then the process
    ends without the interpreter's teardown, which frees every module and
    object one by one: about 25 ms of a 200 ms `score` (issue 11). Output is
    flushed first; nothing of assess runs at exit (no `atexit` handler; files
    are written atomically and closed, locks go with the process). `main`
    itself returns, for the tests and for callers in Python."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`assess score | head -1`): nothing more to say
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    command = first if first in COMMANDS else None
    if first is not None and command is None and not os.path.exists(first):
        from assess.errors import did_you_mean

        hint = did_you_mean(first, COMMANDS)
        if hint:
            print(f"assess: unknown command '{first}'{hint}", file=sys.stderr)
            return EXIT_INPUT
    startup_environment(command)
    if command in SETTLES_MEMORY:
        gc.disable()  # until `settle_memory`, or the command's end
    if command is None and {"-h", "--help", "--version"} & set(argv):
        help_parser().parse_args(argv)  # prints and exits
    if command is None:
        argv, command = ["open", *argv], "open"  # `assess [CASE...]` opens the UI
    args = build_parser(command).parse_args(argv)
    if not args.no_cache:
        return _run(args)
    before = os.environ.get("ASSESS_NO_CACHE")
    os.environ["ASSESS_NO_CACHE"] = "1"  # read by files/cache; children (serve) inherit it
    try:
        return _run(args)
    finally:  # main() may run again in this process (the tests do)
        if before is None:
            del os.environ["ASSESS_NO_CACHE"]
        else:
            os.environ["ASSESS_NO_CACHE"] = before
