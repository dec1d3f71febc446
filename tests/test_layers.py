"""The package's shape: each layer imports only the layers below it, and no module
imports itself back through others (no cycles, whether the import runs at load or
inside a function). Imports under `if TYPE_CHECKING:` are for the type checker only
and never run; they are left out of both rules.

Layers, lowest first (see README, Layout):

    errors < model < kernels < core < files < render < tui < cli

`assess/__init__.py` (the version) and `assess/__main__.py` (runs the CLI) stand
outside: the first imports nothing, the second only `assess.cli`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assess"
LAYERS = ("errors", "model", "kernels", "core", "files", "render", "tui", "cli")
HEADLESS = ("textual", "rich")
"""What the layers below the TUI never import: the terminal."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _imports(node: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    for child in ast.iter_child_nodes(node):
        if _type_checking_block(child):
            continue
        if isinstance(child, ast.Import):
            yield from (alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            base = child.module or ""
            if child.level:
                anchor = module.split(".")[: len(module.split(".")) - child.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from p import m` imports the module p.m when there is one, else names of p
            yield from (f"{base}.{alias.name}" for alias in child.names)
        else:
            yield from _imports(child, module, is_package)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@cache
def imports_of(module: str) -> frozenset[str]:
    """The modules of the package (and the outside packages) `module` imports
    (parsed once per module: every rule below asks for every module)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for name in _imports(tree, module, path.name == "__init__.py"):
        if name.startswith("assess"):
            # `from assess.x import y`: y is a module or a name in x
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
        else:
            found.add(name.split(".")[0])
    return frozenset(found)


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def test_every_module_is_in_a_layer() -> None:
    outside = [m for m in MODULES if layer_of(m) is None and m not in ("assess", "assess.__main__")]
    assert outside == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_and_those_below(module: str) -> None:
    own = layer_of(module)
    if own is None:
        return
    above = sorted(m for m in imports_of(module) if m.startswith("assess") and (layer_of(m) or 0) > own)
    assert above == [], f"{module} ({LAYERS[own]}) imports from above: {above}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if (layer_of(m) or 0) < LAYERS.index("tui")))
def test_below_the_tui_nothing_imports_the_terminal(module: str) -> None:
    assert not imports_of(module) & set(HEADLESS)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if (layer_of(m) or 0) <= LAYERS.index("files")))
def test_the_core_and_below_never_import_render(module: str) -> None:
    assert not any(m.startswith("assess.render") for m in imports_of(module))


def _cycles() -> list[list[str]]:
    graph = {m: sorted(i for i in imports_of(m) if i in MODULES) for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_lazy_or_not() -> None:
    assert _cycles() == []


def test_the_rules_see_a_lazy_import() -> None:
    """The walk finds imports inside functions, or the rules above prove nothing."""
    assert "assess.tui.app" in imports_of("assess.cli.open_cmd")
