"""The replay's multi-fault suite: real backends (FastAPI, Starlette, python-jose, Express
and node:http with jose) with 1–3 faults each and varied error surfaces. Each case asserts
the FULL ranked list of causes its design implies (:mod:`net.replay_multi_fastapi`,
:mod:`net.replay_multi_stacks`), that no cause is listed without evidence, and that a
failing request is never called OK.

Where jwtscope answers otherwise the case is a strict xfail (:data:`MISSES`) naming what
it answers: the expectation stays, and the mark goes when the diagnosis learns the case.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from net.replay_multi_fastapi import FASTAPI_CASES
from net.replay_multi_stacks import OTHER_STACK_CASES
from net.replay_multi_support import run_case, serve_case
from net.replay_support import NOW
from servers.replay_clock import FixedClock

from jwtscope.services.replay_run import ReplayOutcome

CASES = {**FASTAPI_CASES, **OTHER_STACK_CASES}

#: What jwtscope answers instead of the expected list (measured; the lead removes a line
#: when a strict xfail turns into a pass).
MISSES: dict[str, str] = {}
#: The misses whose top cause is wrong too (the rest get the top right and miss later).
TOP_WRONG: set[str] = set()


@pytest.fixture(scope="module")
def outcome_of() -> Callable[[str], ReplayOutcome]:
    """Each case is replayed once (its backend started, replayed, stopped) and shared by
    the tests below."""
    done: dict[str, ReplayOutcome] = {}

    def outcome(name: str) -> ReplayOutcome:
        if name not in done:
            case = CASES[name]
            with serve_case(case, FixedClock(NOW)) as base:
                done[name] = run_case(case, base)
        return done[name]

    return outcome


def _params(missed: set[str] | dict[str, str]) -> list[object]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=MISSES[name]))
        if name in missed
        else name
        for name in CASES
    ]


def test_the_suite_is_what_the_issue_asks() -> None:
    assert len(CASES) >= 30
    assert sum(len(c.expected) >= 2 for c in CASES.values()) >= 15
    assert {c.stack for c in CASES.values()} >= {"Starlette", "Express", "node:http"}
    assert TOP_WRONG <= set(MISSES) <= set(CASES)


@pytest.mark.parametrize("name", _params(MISSES))
def test_full_ranked_list(name: str, outcome_of: Callable[[str], ReplayOutcome]) -> None:
    outcome = outcome_of(name)
    assert [c.code for c in outcome.diagnosis.causes] == CASES[name].expected


@pytest.mark.parametrize("name", _params(TOP_WRONG))
def test_top_cause(name: str, outcome_of: Callable[[str], ReplayOutcome]) -> None:
    causes = outcome_of(name).diagnosis.causes
    assert [c.code for c in causes[:1]] == CASES[name].expected[:1]


@pytest.mark.parametrize("name", list(CASES))
def test_every_listed_cause_has_evidence(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    causes = outcome_of(name).diagnosis.causes
    assert causes, "a refused request gets at least one cause"
    for cause in causes:
        assert cause.evidence and all(e.line.strip() for e in cause.evidence), cause.code


@pytest.mark.parametrize("name", list(CASES))
def test_a_failing_request_is_never_ok(
    name: str, outcome_of: Callable[[str], ReplayOutcome]
) -> None:
    assert "CAUSE-OK" not in CASES[name].expected
    outcome = outcome_of(name)
    assert not outcome.diagnosis.ok
    assert outcome.exit_code == 1
