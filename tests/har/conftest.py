"""Fixtures of the HAR triage tests: the recorded browser HARs and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from testdata import DATA

from jwtscope.cli import common, main

HARS = DATA / "har"
#: The secret the recorded fixtures are signed with (tests/data/har/make_hars.py).
FIXTURE_SECRET = "har-fixture-secret-5b0c2f7e9d1a4c3b8e6f"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JWT_SECRET", raising=False)
    # the progress line's width is process state: start from none, leave none behind
    monkeypatch.setattr(common, "_progress_width", [0])
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``jwtscope ARGV`` in-process: exit code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    """``jwtscope ARGV --json``: exit code and the parsed object."""
    code, out, err = run(capsys, *argv, "--json")
    assert not err or "warning" in err, err
    return code, json.loads(out)


def write_har(path: Path, doc: Any) -> Path:
    """Write a HAR document to ``path``."""
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path
