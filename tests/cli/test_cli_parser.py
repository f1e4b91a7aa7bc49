"""The parser names a real function for every sub-command, and loads none of them itself."""

from __future__ import annotations

import argparse
import subprocess
import sys

from jwtscope.cli import build_parser
from jwtscope.cli.parser import LazyCommand

COMMANDS = ("inspect", "tui", "demo", "replay", "probe", "report", "audit", "crack", "mint")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_sub_command_resolves_to_its_function():
    subs = _subparsers(build_parser())
    assert set(subs) == {*COMMANDS, "codes"}
    for name, sub in subs.items():
        run = sub.get_default("run")
        assert isinstance(run, LazyCommand), name
        assert callable(run.resolve()), name


def test_building_the_parser_imports_no_command_module():
    code = (
        "import sys\n"
        "from jwtscope.cli import build_parser\n"
        "build_parser()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('jwtscope.cli.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == [
        "jwtscope.cli.common",
        "jwtscope.cli.options",
        "jwtscope.cli.output",
        "jwtscope.cli.parser",
    ]
