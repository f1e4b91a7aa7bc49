"""The standing adversarial suite: every parser against hostile input, modest counts.

Each parser returns a value or raises a ``JwtscopeError``; a token's report renders as
clean text and strict JSON with nothing leaked. Deterministic (``derandomize``); the
``bench/fuzz.py`` run takes the same properties to 10,000 examples or more.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest
from adversarial.fuzz_properties import PARSERS, PROFILE, check_token
from adversarial.fuzz_strategies import HOSTILE_TOKENS
from hypothesis import given, settings

#: Examples per parser in CI: enough to catch a regression, fast enough for every run.
CI_EXAMPLES = {"token": 200, "env_file": 60}
DEFAULT_EXAMPLES = 150


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_parser_never_crashes(name: str) -> None:
    strategy, check = PARSERS[name]

    @settings(settings.get_profile(PROFILE), max_examples=CI_EXAMPLES.get(name, DEFAULT_EXAMPLES))
    @given(strategy)
    def run(value: Any) -> None:
        check(value)

    run()


@pytest.mark.parametrize("name", sorted(HOSTILE_TOKENS))
def test_the_issue_reproducers_render_clean(name: str) -> None:
    check_token(HOSTILE_TOKENS[name])
    check_token(f"Authorization: Bearer {HOSTILE_TOKENS[name]}")


#: What the 10,000-example runs found, kept as regressions (each once crashed).
FOUND = [
    (
        "har",
        '{"log": {"entries": [{"request": {"method": "GET", "url": "https://a.b/",'
        ' "headers": [], "postData": {"text": "\\ud800"}}}]}}',
    ),
    (
        "har",
        '{"log": {"entries": [{"request": {"method": "GET", "url": "https://a.b/",'
        ' "headers": [], "x": ' + "1" * 5000 + "}}]}}",
    ),
    ("key_file", b'{"k":' + b"[" * 3000 + b"]" * 3000 + b"}"),
    ("key_file", b'{"keys": ' + b"1" * 5000 + b"}"),
    (
        "token",
        "eyJhbGciOiJIUzI1NiJ9."
        + base64.urlsafe_b64encode(b'{"a":' * 500 + b"1" + b"}" * 500).decode().rstrip("=")
        + ".c2lnbmF0dXJl",
    ),
]


@pytest.mark.parametrize(
    ("name", "value"), FOUND, ids=[f"{n}-{i}" for i, (n, _) in enumerate(FOUND)]
)
def test_what_the_long_runs_found(name: str, value: Any) -> None:
    PARSERS[name][1](value)


def test_mint_claim_nested_too_deeply_is_kept_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    from jwtscope.cli import main

    code = main(
        ["mint", "--no-dotenv", "--secret", "s" * 40, "--sub", "u", "--claim", "x=" + "[" * 5000]
    )
    assert code == 0
    assert "Traceback" not in capsys.readouterr().err
