"""The probe against real FastAPI backends on 127.0.0.1: each mistake is caught and named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import jwt
import pytest
from servers.harness import free_port_refused
from servers.probe_backends import BACKENDS, SEEDED_ID, correct
from servers.replay_backends_http import auth_path_500, legacy_403
from servers.replay_clock import FixedClock, serve_backend
from testdata import BA_IAT

from jwtscope.core.keys.keyset import Secret
from jwtscope.core.probe.probe_suite import TESTS, ProbeResult, ProbeStatus, ProbeVerdict
from jwtscope.core.request.replay_request import ReplayRequest, build_request
from jwtscope.services.probe_run import run_probe

NOW = BA_IAT + 60
SECRET_TEXT = "probe-backend-secret-0123456789abcdef0123"
SECRET = Secret("JWT_SECRET", "./.env", SECRET_TEXT, SECRET_TEXT.encode())
CREATE = b'{"title": "written by the probe"}'
PASS, FAIL, SKIP, ERROR = (ProbeStatus.PASS, ProbeStatus.FAIL, ProbeStatus.SKIP, ProbeStatus.ERROR)


def _hs(sub: str) -> str:
    return jwt.encode({"sub": sub, "iat": NOW, "exp": NOW + 900}, SECRET_TEXT, algorithm="HS256")


def probe(
    factory: Callable[[str, FixedClock], Any],
    make_request: Callable[[str], ReplayRequest] = lambda base: build_request(base + "/todos"),
    **options: Any,
) -> tuple[ProbeResult, str]:
    """Serve the backend, run the whole probe (writes allowed, no pacing), stop the server."""
    clock = FixedClock(NOW)
    settings: dict[str, Any] = {
        "report": None,
        "secret": SECRET,
        "create_body": CREATE,
        "allow_writes": True,
        "min_interval": 0,
        "timeout": 5,
        **options,
    }
    with serve_backend(factory(SECRET_TEXT, clock)) as base:
        return run_probe(make_request(base), clock=clock, **settings), base


def statuses(result: ProbeResult) -> dict[str, tuple[str, str | None]]:
    return {v.test.id: (v.status.value, v.severity and v.severity.value) for v in result.verdicts}


def everything(status: str = "PASS", **changes: tuple[str, str | None]) -> dict[str, Any]:
    expected: dict[str, Any] = {t.id: (status, None) for t in TESTS}
    expected.update({k.replace("_", "-"): v for k, v in changes.items()})
    return expected


_CRIT, _HIGH = ("FAIL", "critical"), ("FAIL", "high")

#: Backend -> the verdicts it must get (every test not named must PASS).
EXPECTED = {
    "correct": everything(),
    "no_auth_on_list": everything(
        P2_no_auth=_CRIT,
        P3_malformed=_CRIT,
        P4_expired=_HIGH,
        P5_tampered=_CRIT,
        P6_alg_none=_CRIT,
        P7_wrong_key=_CRIT,
        P8_cross_list=_HIGH,
    ),
    "no_owner_on_write": everything(P8_cross_update=_CRIT, P8_cross_delete=_CRIT),
    "signature_skipped": everything(
        P4_expired=_HIGH, P5_tampered=_CRIT, P6_alg_none=_CRIT, P7_wrong_key=_CRIT
    ),
    "exp_ignored": everything(P4_expired=_HIGH),
    "alg_none_accepted": everything(P6_alg_none=_CRIT),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_backend_gets_exactly_its_verdicts(name):
    result, base = probe(BACKENDS[name])
    assert statuses(result) == EXPECTED[name]
    assert result.exit_code == (0 if name == "correct" else 1)
    assert all(str(e.request.url).startswith(base + "/todos") for e in result.exchanges)
    assert all(e.status is not None for e in result.exchanges)
    assert result.notes[0].startswith("User A created resource 3 for test 8")


def test_the_correct_backend_shows_expected_and_observed_per_request():
    result, _ = probe(correct)
    p6 = result.verdict("P6-alg-none")
    assert p6 is not None and p6.expected == "401 for each of none/None/NONE/nOnE"
    assert [(o.status, o.detail) for o in p6.observed] == [
        (401, "Invalid token: The specified alg value is not allowed")
    ] * 4
    update = result.verdict("P8-cross-update")
    assert update is not None
    assert [(o.method, o.status) for o in update.observed] == [("PUT", 404), ("PATCH", 405)]
    assert result.notes == (
        "User A created resource 3 for test 8 (201).",
        "Cleanup: resource 3 deleted (204).",
    )


def test_alg_none_failure_names_every_accepted_casing():
    result, _ = probe(BACKENDS["alg_none_accepted"])
    verdict = result.verdict("P6-alg-none")
    assert verdict is not None
    assert verdict.explanation.startswith("The endpoint accepts unsigned tokens")
    assert all(f"alg {c!r}" in verdict.explanation for c in ("none", "None", "NONE", "nOnE"))
    assert [o.status for o in verdict.observed] == [200] * 4


def test_writes_without_ownership_are_evidenced_and_the_cleanup_sees_the_deletion():
    result, _ = probe(BACKENDS["no_owner_on_write"])
    delete = result.verdict("P8-cross-delete")
    assert delete is not None and "user B deletes A's resource → 204" in delete.explanation
    assert result.notes[1] == "Cleanup: resource 3 already gone (404 Todo not found)."


def test_given_tokens_without_secret_or_writes():
    result, _ = probe(
        correct,
        lambda base: build_request(base + "/todos", token=_hs("user-a")),
        secret=None,
        token_b=_hs("user-b"),
        resource_id=str(SEEDED_ID),
        create_body=None,
        allow_writes=False,
    )
    assert statuses(result) == everything(
        P4_expired=("SKIP", None), P8_cross_update=("SKIP", None), P8_cross_delete=("SKIP", None)
    )
    assert result.exit_code == 0 and result.notes == ()
    assert {e.request.method for e in result.exchanges} == {"GET"}
    read = result.verdict("P8-cross-read")
    assert read is not None and [o.url.rsplit("/", 1)[1] for o in read.observed] == ["1", "1"]


def test_progress_is_reported_per_test_in_order_and_matches_the_result():
    seen: list[ProbeVerdict] = []
    result, _ = probe(BACKENDS["exp_ignored"], on_progress=seen.append)
    assert tuple(seen) == result.verdicts
    assert [v.test.id for v in seen] == [t.id for t in TESTS]


def test_tests_are_paced_by_min_interval():
    waits: list[float] = []
    result, _ = probe(correct, min_interval=60, pause=waits.append)
    steps = 13  # 11 tests + create + cleanup
    assert len(waits) == steps - 1 and all(0 < w <= 60 for w in waits)
    assert result.exit_code == 0


def test_a_failed_create_makes_test_8_an_error_that_says_why():
    result, _ = probe(correct, create_body=b'{"name": "no title"}')
    for test_id in ("P8-cross-read", "P8-cross-list", "P8-cross-update", "P8-cross-delete"):
        verdict = result.verdict(test_id)
        assert verdict is not None and verdict.status is ERROR
        assert verdict.explanation.startswith("user A's resource could not be created: 422")
    assert result.notes[0].startswith("User A's resource could not be created (422")
    assert [e.purpose for e in result.exchanges][-1] == "P8-create"  # nothing after it
    assert result.exit_code == 1


def test_fastapi_before_0_122_answers_403_and_passes_with_a_note():
    result, _ = probe(legacy_403, lambda base: build_request(base + "/todos"), create_body=None)
    p2 = result.verdict("P2-no-auth")
    assert p2 is not None and p2.status is PASS
    assert [o.status for o in p2.observed] == [403] and "FastAPI < 0.122" in p2.explanation


def test_a_crashing_auth_dependency_fails_every_token_test_with_its_500():
    result, _ = probe(auth_path_500, create_body=None)
    got = statuses(result)
    assert got["P1-valid"] == ("FAIL", "high") and got["P2-no-auth"] == ("PASS", None)
    for test_id in ("P3-malformed", "P4-expired", "P5-tampered", "P6-alg-none", "P7-wrong-key"):
        assert got[test_id] == ("FAIL", "medium"), test_id
    p3 = result.verdict("P3-malformed")
    assert p3 is not None and "crashes on a bad token" in p3.explanation


# --- faults -----------------------------------------------------------------------------


def test_unreachable_server_stops_after_the_first_test_with_exit_3():
    seen: list[ProbeVerdict] = []
    request = build_request(free_port_refused() + "/todos")
    result = run_probe(
        request,
        report=None,
        secret=SECRET,
        create_body=CREATE,
        allow_writes=True,
        clock=FixedClock(NOW),
        min_interval=0,
        timeout=5,
        on_progress=seen.append,
    )
    assert result.exit_code == 3 and result.unreachable
    assert len(result.exchanges) == 1 and result.exchanges[0].error_kind == "refused"
    assert [v.status for v in seen] == [ERROR] * len(TESTS)
    p2 = result.verdict("P2-no-auth")
    assert p2 is not None and "did not answer" in p2.explanation
    assert result.notes == (f"User A creates a resource: {p2.explanation}",)


def test_a_server_that_stops_answering_midway_gives_errors_not_exit_3():
    answered: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if not answered:
            answered.append(str(request.url))
            return httpx.Response(200, json=[])
        raise httpx.ReadTimeout("timed out", request=request)

    result = run_probe(
        build_request("http://api.test/todos"),
        report=None,
        secret=SECRET,
        clock=FixedClock(NOW),
        transport=httpx.MockTransport(handler),
        min_interval=0,
    )
    got = statuses(result)
    assert got["P1-valid"] == ("PASS", None)
    assert {got[t.id] for t in TESTS[1:7]} == {("ERROR", None)}
    p3 = result.verdict("P3-malformed")
    assert p3 is not None and p3.explanation.startswith("No answer:")
    assert result.exit_code == 1 and not result.unreachable


def test_the_probe_never_leaves_the_named_origin():
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.scheme}://{request.url.netloc.decode()}")
        if request.method == "POST":
            return httpx.Response(201, json={"id": "abc"})
        return httpx.Response(401, json={"detail": "no"})

    run_probe(
        build_request("https://api.test:8443/v1/todos?limit=5"),
        report=None,
        secret=SECRET,
        create_body=CREATE,
        allow_writes=True,
        resource="https://api.test:8443/v1/todos/{id}/",
        clock=FixedClock(NOW),
        transport=httpx.MockTransport(handler),
        min_interval=0,
    )
    assert len(seen) == 20 and set(seen) == {"https://api.test:8443"}
