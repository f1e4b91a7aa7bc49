"""The HAR triage's cause codes are registered like every other code: the table matches
what the engine's source can emit, and `jwtscope codes` (text, --json, --markdown), the
checked-in FINDINGS.md and the app's help (F1) list each one."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import jwtscope.core.har as har_package
from har.conftest import HARS, run
from har.test_har_cases import CASES
from har.test_har_cases import run as triage_doc
from jwtscope.core.har.har_codes import HAR_CODES
from jwtscope.services.code_reference import all_codes, codes_markdown

_CODE = re.compile(r"HAR-[A-Z0-9]+(?:-[A-Z0-9]+)*")


def _emitted_by_the_engine() -> set[str]:
    """Every ``"HAR-…"`` string constant in the engine's modules (the table excluded)."""
    found: set[str] = set()
    for path in Path(har_package.__file__).parent.glob("*.py"):
        if path.name == "har_codes.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and _CODE.fullmatch(value):
                found.add(value)
    return found


def test_the_table_is_exactly_what_the_engine_emits():
    emitted = _emitted_by_the_engine()
    assert len(emitted) >= 15
    assert emitted == set(HAR_CODES), emitted ^ set(HAR_CODES)


def test_every_har_code_in_codes_json_and_text(capsys):
    code, out, _ = run(capsys, "codes", "--json")
    assert code == 0
    har = {e["code"]: e for e in json.loads(out) if e["kind"] == "har"}
    assert set(har) == _emitted_by_the_engine()
    assert all(e["title"] and e["explain"] and e["family"] == "har" for e in har.values())
    code, out, _ = run(capsys, "codes")
    section = out.split("HAR triage causes (har)", 1)[1]
    assert all(name in section for name in HAR_CODES)


def test_every_har_code_in_the_markdown_reference_and_the_checked_in_copy():
    markdown = codes_markdown()
    findings = Path(har_package.__file__).parents[2] / "FINDINGS.md"
    for name in _emitted_by_the_engine():
        assert f"`{name}`" in markdown
        assert f"`{name}`" in findings.read_text(encoding="utf-8")


def test_every_har_code_in_the_help_screen():
    from jwtscope.tui.screens.help import help_markdown
    from jwtscope.tui.widgets.findings import md_escape

    text = help_markdown()
    section = text.split("## HAR triage causes (F9)", 1)[1]
    for name, (title, _) in HAR_CODES.items():
        assert f"### `{name}`" in section
        assert md_escape(title) in section


def test_codes_are_unique_across_kinds():
    codes = [e.code for e in all_codes()]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hand_made_session_names_a_registered_code(name):
    result = triage_doc(CASES[name][0]())
    assert result.cause is not None and result.cause.code in HAR_CODES


@pytest.mark.parametrize("har", sorted(p.name for p in HARS.glob("*.har")))
def test_each_browser_har_names_a_registered_code(capsys, har):
    _, out, _ = run(capsys, "har", str(HARS / har), "--json")
    assert json.loads(out)["cause"]["code"] in HAR_CODES
