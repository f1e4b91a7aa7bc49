"""Every snapshot file under ``tests/**/__snapshots__/`` belongs to a test that exists.

syrupy fails a run that leaves a snapshot unused, but not under pytest-xdist (the suite's
default, see ``addopts``): there each worker sees only its own tests. This check does the
same on its own: it collects the modules that own snapshots (``--collect-only``, in one
process) and matches each ``<module>/<test id>.svg`` to a collected test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"


def _snapshot_files() -> dict[Path, list[str]]:
    """Each test module that owns snapshots, and the test ids its snapshot files name."""
    owned: dict[Path, list[str]] = {}
    for folder in sorted(TESTS.glob("**/__snapshots__")):
        if "corpus" in folder.relative_to(TESTS).parts:
            continue  # byte-exact copies of public projects, not this suite's snapshots
        for module_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
            module = folder.parent / f"{module_folder.name}.py"
            owned[module] = sorted(f.stem for f in module_folder.iterdir() if f.is_file())
    return owned


def _collected(modules: list[Path]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-n", "0", "-p", "no:cacheprovider",
         "--collect-only", "-q", *map(str, modules)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return {line.strip() for line in done.stdout.splitlines() if "::" in line}


def test_every_snapshot_file_belongs_to_a_test() -> None:
    owned = _snapshot_files()
    assert owned, "no snapshot folder found: the glob is wrong"
    assert all(module.is_file() for module in owned), f"snapshots of a missing module: {owned}"
    collected = _collected(list(owned))
    unused = [
        f"{module.relative_to(ROOT)}::{test_id}"
        for module, test_ids in owned.items()
        for test_id in test_ids
        if f"{module.relative_to(ROOT)}::{test_id}" not in collected
    ]
    assert not unused, (
        f"snapshot files no test uses: {unused}; remove them "
        "(or run `python -m pytest -n 0 tests/tui --snapshot-update`, which prunes them)"
    )
