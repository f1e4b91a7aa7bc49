"""The house keeps its map and its sizes: ARCHITECTURE.md names every module, and modules
and functions stay small enough to read."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "jwtscope"
MAP = ROOT / "ARCHITECTURE.md"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if "demo/project" not in p.as_posix() and p.name != "__main__.py"
    )


def _dotted(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_the_map_names_every_module_and_package():
    text = MAP.read_text()
    named = set(re.findall(r"`(jwtscope(?:\.[a-z_0-9]+)*)`", text))
    missing = [_dotted(p) for p in _modules() if _dotted(p) not in named]
    assert not missing, f"ARCHITECTURE.md does not name: {missing}"


def test_the_map_names_no_module_or_function_that_is_gone():
    text = MAP.read_text()
    existing = {_dotted(p) for p in _modules()}
    stale = []
    for name in set(re.findall(r"`(jwtscope(?:\.[A-Za-z_0-9]+)*)`", text)) - existing:
        module, _, attr = name.rpartition(".")
        if module not in existing or not hasattr(importlib.import_module(module), attr):
            stale.append(name)
    assert not stale, f"ARCHITECTURE.md names what does not exist: {sorted(stale)}"


def test_every_module_says_its_role():
    for path in _modules():
        tree = ast.parse(path.read_text())
        doc = ast.get_docstring(tree)
        assert doc and len(doc) > 10, f"{_dotted(path)} has no module docstring"


def test_modules_and_functions_stay_small():
    too_long: list[str] = []
    for path in _modules():
        source = path.read_text()
        lines = source.count("\n")
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{_dotted(path)}: {lines} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{_dotted(path)}.{node.name}: {length} lines")
    assert not too_long, too_long


def test_module_names_are_unique_outside_the_front_ends():
    seen: dict[str, str] = {}
    clashes: list[str] = []
    for path in _modules():
        dotted = _dotted(path)
        if dotted.startswith(("jwtscope.cli", "jwtscope.tui")) or path.name == "__init__.py":
            continue
        name = path.stem
        if name in seen:
            clashes.append(f"{seen[name]} and {dotted}")
        seen[name] = dotted
    assert not clashes, clashes
