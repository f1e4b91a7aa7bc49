"""The parser names a real function for every sub-command, and loads none of them itself."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from jwtscope.cli import build_parser
from jwtscope.cli.parser import LazyCommand

COMMANDS = ("inspect", "tui", "demo", "replay", "probe", "report", "audit", "crack", "mint", "har")
COMMANDS += ("serve",)


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
        "jwtscope.cli.lazy",
        "jwtscope.cli.options",
        "jwtscope.cli.output",
        "jwtscope.cli.parser",
    ]


TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
SIGNATURE = TOKEN.rsplit(".", 1)[1]


def test_a_pasted_token_without_a_command_is_inspected(capsys, tmp_path, monkeypatch):
    from jwtscope.cli import main

    monkeypatch.chdir(tmp_path)
    for pasted in (TOKEN, f"Bearer {TOKEN}", f"Authorization: Bearer {TOKEN}"):
        main([pasted, "--no-dotenv", "--at", "1700000000"])
        out, err = capsys.readouterr()
        assert out.startswith("jwtscope inspect") and "invalid choice" not in err
        assert SIGNATURE not in out + err


def test_argparse_errors_never_echo_a_token(capsys):
    from jwtscope.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["inspect", TOKEN, "--bogus", TOKEN])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "unrecognized arguments" in err
    assert SIGNATURE not in err and "<signature removed>" in err


def test_a_typo_of_a_command_is_still_refused(capsys):
    from jwtscope.cli import main

    with pytest.raises(SystemExit):
        main(["inpsect"])
    assert "invalid choice: 'inpsect'" in capsys.readouterr().err


def test_a_shorter_progress_line_leaves_nothing_of_the_longer_one(capsys):
    from jwtscope.cli.common import print_progress

    print_progress("[####] 99.0%  3.0M tried  1.9M/s  ETA 0:0100")
    print_progress("[####] 100.0%  3.0M tried  1.9M/s  ETA 0:01")
    err = capsys.readouterr().err
    first, second = err.split("\r")[1:]
    assert len(second) >= len(first) and second.rstrip().endswith("ETA 0:01")
    assert "\\x0d" not in err  # the carriage return is jwtscope's own, not neutralised
