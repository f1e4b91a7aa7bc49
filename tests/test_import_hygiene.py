"""The core stays pure, and `jwtscope inspect` does not pay for the UI or the network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("textual", "httpx", "rich")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    return set(result.stdout.split())


def test_core_imports_no_ui_or_network_library():
    core = ROOT / "jwtscope" / "core"
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in core.rglob("*.py")
    )
    assert len(modules) > 30
    assert _loaded_after("\n".join(f"import {m}" for m in modules)) == set()


def test_inspect_path_loads_no_ui_or_network_library(tmp_path):
    code = (
        "import os, contextlib, io\n"
        "from jwtscope.cli import main\n"
        f"os.chdir({str(tmp_path)!r})\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['inspect', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', '--at', '1795563230'])\n"
    )
    assert _loaded_after(code) == set()


def test_no_core_source_mentions_the_forbidden_imports():
    for path in (ROOT / "jwtscope" / "core").rglob("*.py"):
        text = path.read_text()
        for name in HEAVY:
            assert f"import {name}" not in text and f"from {name}" not in text, path
