"""The standing adversarial suite: every parser against hostile input, modest counts.

Each parser returns a value or raises a ``JwtscopeError``; a token's report renders as
clean text and strict JSON with nothing leaked. Deterministic (``derandomize``); the
``bench/fuzz.py`` run takes the same properties to 10,000 examples or more.
"""

from __future__ import annotations

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
