"""The probe's pure plan and judge: which requests each test sends, and how answers score."""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest
from testdata import BA_IAT, BETTERAUTH_EDDSA

from jwtscope.core.analysis import analyze
from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.keys.keyset import KeySet, Secret
from jwtscope.core.probe.probe_judge import judge, judge_case, lists_id
from jwtscope.core.probe.probe_plan import ALG_NONE_CASINGS, plan_probe
from jwtscope.core.probe.probe_suite import (
    TESTS,
    ProbeCase,
    ProbeSeverity,
    ProbeStatus,
    bind_resource,
    block_cases,
    created_id,
)
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import build_request
from jwtscope.core.token.parsing import b64url_decode
from jwtscope.errors import UsageError

NOW = 1_800_000_000
SECRET_TEXT = "probe-plan-test-secret-0123456789abcdef"
SECRET = Secret("JWT_SECRET", "./.env", SECRET_TEXT, SECRET_TEXT.encode())
URL = "http://api.test:8000/todos"
BODY = b'{"title": "probe"}'

PASS, FAIL, SKIP, ERROR = (ProbeStatus.PASS, ProbeStatus.FAIL, ProbeStatus.SKIP, ProbeStatus.ERROR)


def _hs(sub: str, **claims: Any) -> str:
    payload = {"sub": sub, "iat": NOW, "exp": NOW + 900, **claims}
    return jwt.encode(payload, SECRET_TEXT, algorithm="HS256")


def _plan(token: str | None = None, **kwargs: Any) -> list[ProbeCase]:
    options: dict[str, Any] = {"report": None, "secret": SECRET, "now": NOW, **kwargs}
    return plan_probe(build_request(URL, token=token), **options)


def _full(**kwargs: Any) -> list[ProbeCase]:
    return _plan(create_body=BODY, allow_writes=True, **kwargs)


def _case(cases: list[ProbeCase], test_id: str) -> ProbeCase:
    return next(c for c in cases if c.test.id == test_id)


def _token(probe: PlannedRequest) -> str:
    assert probe.request.token is not None
    return probe.request.token


def _parts(token: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    head, body, signature = token.split(".")
    return json.loads(b64url_decode(head)), json.loads(b64url_decode(body)), signature


def _claims(token: str, key: str | bytes = SECRET_TEXT, **kwargs: Any) -> dict[str, Any]:
    """Verify the signature only: NOW is a fixed instant, not the wall clock."""
    untimed = {"verify_exp": False, "verify_iat": False, "verify_nbf": False}
    claims: dict[str, Any] = jwt.decode(token, key, algorithms=["HS256"], options=untimed, **kwargs)
    return claims


def _verifies(token: str) -> bool:
    try:
        _claims(token)
    except jwt.InvalidTokenError:
        return False
    return True


# --- which cases exist ------------------------------------------------------------------


def test_with_a_secret_every_test_runs_and_test_8_creates_then_cleans_up():
    cases = _full()
    assert [(c.test.id, c.stage) for c in cases] == [
        *((t.id, "test") for t in TESTS[:7]),
        ("P8-create", "setup"),
        *((t.id, "test") for t in TESTS[7:]),
        ("P8-cleanup", "cleanup"),
    ]
    assert all(c.skip_reason is None for c in cases)
    assert [len(c.probes) for c in cases] == [1, 1, 1, 1, 1, 4, 2, 1, 2, 2, 2, 1, 1]
    update = _case(cases, "P8-cross-update")
    assert [p.request.method for p in update.probes] == ["PUT", "PATCH"]
    assert all(p.request.body == BODY for p in update.probes)
    create = cases[7].probes[0].request
    assert (create.method, create.url, create.body) == ("POST", URL, BODY)
    assert create.header("content-type") == "application/json"


def test_minted_identities_are_user_a_and_user_b_fresh_and_signed_with_the_secret():
    cases = _full()
    a, b = (_token(p) for p in _case(cases, "P8-cross-read").probes)
    assert _token(cases[0].probes[0]) == a
    assert _claims(a) == {"sub": "user-a", "iat": NOW, "exp": NOW + 900}
    assert _claims(b) == {"sub": "user-b", "iat": NOW, "exp": NOW + 900}


def test_without_token_or_secret_only_the_tokenless_tests_run():
    cases = _plan(secret=None, create_body=BODY, allow_writes=True)
    runs = {c.test.id for c in cases if c.probes}
    assert runs == {"P2-no-auth", "P3-malformed"}
    assert "no token given" in (_case(cases, "P1-valid").skip_reason or "")
    assert "two identities" in (_case(cases, "P8-cross-read").skip_reason or "")
    assert _case(cases, "P2-no-auth").probes[0].request.header("authorization") is None


def test_given_token_without_secret_skips_expiry_and_needs_token_b_for_test_8():
    cases = _plan(_hs("alice"), secret=None)
    assert "no secret" in (_case(cases, "P4-expired").skip_reason or "")
    for test_id in ("P1-valid", "P5-tampered", "P6-alg-none", "P7-wrong-key"):
        assert _case(cases, test_id).probes, test_id
    assert "--token-b" in (_case(cases, "P8-cross-read").skip_reason or "")


def test_token_b_and_a_named_resource_run_reads_but_writes_need_allow_writes():
    cases = _plan(_hs("alice"), secret=None, token_b=_hs("bob"), resource_id="7")
    assert not any(c.stage == "setup" for c in cases)
    read = _case(cases, "P8-cross-read")
    assert [p.request.url for p in read.probes] == [URL + "/7"] * 2
    assert read.resource_id == "7"
    for test_id in ("P8-cross-update", "P8-cross-delete"):
        case = _case(cases, test_id)
        assert not case.probes and "--allow-writes" in (case.skip_reason or "")
    writes = _plan(_hs("alice"), token_b=_hs("bob"), resource_id="7", allow_writes=True)
    assert [p.request.method for p in _case(writes, "P8-cross-delete").probes] == ["DELETE"]


def test_creating_the_resource_is_a_write():
    cases = _plan(create_body=BODY)
    assert not any(c.stage == "setup" for c in cases)
    assert "--allow-writes" in (_case(cases, "P8-cross-read").skip_reason or "")


def test_a_non_get_endpoint_is_probed_only_with_allow_writes():
    request = build_request(URL, token=_hs("alice"), method="POST", body=BODY)
    cases = plan_probe(request, report=None, secret=SECRET, now=NOW)
    assert all(c.skip_reason and "POST" in c.skip_reason for c in cases[:7])
    allowed = plan_probe(request, report=None, secret=SECRET, now=NOW, allow_writes=True)
    assert all(c.probes for c in allowed[:7])


def test_a_secret_that_does_not_verify_the_given_token_is_not_used_to_mint():
    token = (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()
    text = (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()
    secret = Secret("BETTER_AUTH_SECRET", "./.env", text, text.encode())
    report = analyze(token, now=BA_IAT + 60, keys=KeySet(secrets=(secret,)))
    request = build_request(URL, token=token)
    cases = plan_probe(request, report=report, secret=secret, now=BA_IAT + 60)
    reason = _case(cases, "P4-expired").skip_reason or ""
    assert "does not verify the given token (alg EdDSA)" in reason
    assert "does not verify" in (_case(cases, "P8-cross-read").skip_reason or "")
    assert _token(cases[0].probes[0]) == token  # the given token is token A
    other_key = _token(_case(cases, "P7-wrong-key").probes[0])
    assert _parts(other_key)[0]["alg"] == "HS256"  # EdDSA is not HMAC: HS256 with a random key


def test_minted_tokens_copy_iss_and_aud_but_never_roles_or_identity():
    token = _hs("alice", iss="https://auth.test", aud="api", role="admin", email="a@test")
    cases = _plan(token, create_body=BODY, allow_writes=True)
    b = _token(_case(cases, "P8-cross-read").probes[1])
    assert _claims(b, audience="api") == {
        "iss": "https://auth.test",
        "aud": "api",
        "sub": "user-b",
        "iat": NOW,
        "exp": NOW + 900,
    }


# --- the forged tokens ------------------------------------------------------------------


def test_tampered_token_changes_sub_and_keeps_the_original_signature():
    a = _hs("alice", role="user")
    tampered = _token(_case(_plan(a), "P5-tampered").probes[0])
    head, payload, signature = tampered.split(".")
    assert head == a.split(".")[0] and signature == a.split(".")[2]
    assert json.loads(b64url_decode(payload)) == {**_parts(a)[1], "sub": "user-b"}
    assert not _verifies(tampered)


def test_tampered_sub_is_user_b_when_token_b_is_given():
    cases = _plan(_hs("alice"), token_b=_hs("bob"))
    assert _parts(_token(_case(cases, "P5-tampered").probes[0]))[1]["sub"] == "bob"


def test_alg_none_variants_have_every_casing_and_an_empty_signature():
    a = _hs("alice")
    probes = _case(_plan(a), "P6-alg-none").probes
    assert [p.key for p in probes] == [f"P6-alg-none:{c}" for c in ALG_NONE_CASINGS]
    for probe, casing in zip(probes, ALG_NONE_CASINGS, strict=True):
        token = _token(probe)
        header, payload, signature = _parts(token)
        assert header == {"alg": casing, "typ": "JWT"}
        assert token.split(".")[1] == a.split(".")[1] and payload["sub"] == "alice"
        assert signature == "" and token.endswith(".")


def test_wrong_key_and_blank_signature_keep_token_a_claims():
    a = _hs("alice")
    other, blank = (_token(p) for p in _case(_plan(a), "P7-wrong-key").probes)
    assert _parts(other)[1] == _parts(a)[1] and _parts(other)[0]["alg"] == "HS256"
    assert not _verifies(other)
    assert blank == a.rsplit(".", 1)[0] + "."
    key = b"k" * 32
    chosen = _token(_case(_plan(a, wrong_key=key), "P7-wrong-key").probes[0])
    assert _claims(chosen, key) == _parts(a)[1]  # the given key signed it


def test_expired_token_is_token_a_an_hour_past_and_validly_signed():
    expired = _token(_case(_plan(_hs("alice")), "P4-expired").probes[0])
    claims = _parts(expired)[1]
    assert (claims["sub"], claims["iat"], claims["exp"]) == ("alice", NOW - 7200, NOW - 3600)
    assert _verifies(expired)


def test_the_plan_is_reproducible():
    assert _full() == _full()


def test_a_cookie_token_is_replaced_in_its_cookie():
    request = build_request(URL, cookies=[("session", _hs("alice"))])
    cases = plan_probe(request, report=None, secret=SECRET, now=NOW)
    none = _case(cases, "P6-alg-none").probes[0].request
    assert none.header("authorization") is None
    assert none.cookies[0][0] == "session" and none.cookies[0][1].endswith(".")


# --- origins and resources --------------------------------------------------------------


def test_every_request_goes_to_the_endpoint_origin():
    cases = bind_resource(_full(token_b=_hs("bob")), "42")
    urls = [p.request.url for c in cases for p in c.probes]
    assert len(urls) == 20
    assert all(build_request(u).origin == "http://api.test:8000" for u in urls)
    assert _case(cases, "P8-cross-read").probes[0].request.url == URL + "/42"


@pytest.mark.parametrize(
    "resource",
    [
        "http://evil.test:8000/todos/{id}",
        "http://api.test:8001/todos/{id}",
        "https://api.test:8000/todos/{id}",
        "ftp://api.test:8000/{id}",
    ],
)
def test_a_resource_on_another_origin_is_refused(resource):
    with pytest.raises(UsageError, match=r"not on http://api\.test:8000"):
        _plan(resource=resource, resource_id="1")


def test_a_resource_template_needs_the_id_placeholder():
    with pytest.raises(UsageError, match=r"no \{id\}"):
        _plan(resource=URL + "/1", resource_id="1")


def test_bind_resource_percent_encodes_the_id():
    cases = bind_resource(_full(resource=URL + "/{id}/detail"), "a b/c")
    assert _case(cases, "P8-cross-read").probes[0].request.url == URL + "/a%20b%2Fc/detail"
    assert all(c.resource_id == "a b/c" for c in cases if c.test.number == 8)


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (201, {"id": 5}, "5"),
        (200, {"id": "abc"}, "abc"),
        (201, {"id": True}, None),
        (201, {"todo": {"id": 5}}, None),
        (201, [], None),
        (422, {"id": 5}, None),
    ],
)
def test_created_id(status, body, expected):
    request = build_request(URL)
    answer = Exchange("P8-create", request, status=status, body=json.dumps(body).encode())
    assert created_id(answer) == expected


# --- judging ----------------------------------------------------------------------------

_DEFAULTS = {
    "P1-valid": 200,
    "P8-cross-read:A": 200,
    "P8-cross-list:A": 200,
    "P8-cross-list:B": 200,
}


def _answer(cases: list[ProbeCase], **overrides: Any) -> list[Exchange]:
    """An exchange per probe, as a correct API answers; overrides by key, where ``-`` is
    written ``_`` and ``:`` is written ``__`` (``P6_alg_none__nOnE``)."""
    out = []
    for case in cases:
        for probe in case.probes:
            key = probe.key
            default = _DEFAULTS.get(key, 401 if case.test.number < 8 else 404)
            if case.stage != "test":
                default = 201 if case.stage == "setup" else 204
            status, body = overrides.get(key.replace("-", "_").replace(":", "__"), (default, None))
            if body is None:
                listing = [{"id": 42}] if key == "P8-cross-list:A" else []
                body = listing if "list" in key else {"detail": "Not authorised"}
            out.append(Exchange(key, probe.request, status=status, body=json.dumps(body).encode()))
    return out


def _judged(cases: list[ProbeCase] | None = None, **overrides: Any):
    cases = bind_resource(cases or _full(), "42")
    return judge(cases, _answer(cases, **overrides))


def test_all_expected_answers_pass():
    result = _judged()
    assert [v.status for v in result.verdicts] == [PASS] * 11
    assert result.exit_code == 0 and result.passed and result.counts["PASS"] == 11
    assert result.notes == (
        "User A created resource 42 for test 8 (201 Not authorised).",
        "Cleanup: resource 42 deleted (204 Not authorised).",
    )


def test_one_alg_none_casing_accepted_fails_critical_and_names_it():
    result = _judged(P6_alg_none__nOnE=(200, []))
    verdict = result.verdict("P6-alg-none")
    assert verdict is not None and verdict.status is FAIL
    assert verdict.severity is ProbeSeverity.CRITICAL
    assert "unsigned tokens" in verdict.explanation and "'nOnE'" in verdict.explanation
    assert "'none'" not in verdict.explanation
    assert [o.status for o in verdict.observed] == [401, 401, 401, 200]
    assert result.exit_code == 1 and [v.test.id for v in result.failures] == ["P6-alg-none"]


def test_fastapi_legacy_403_on_no_header_passes_with_a_note():
    result = _judged(P2_no_auth=(403, {"detail": "Not authenticated"}))
    verdict = result.verdict("P2-no-auth")
    assert verdict is not None and verdict.status is PASS
    assert "FastAPI < 0.122" in verdict.explanation


@pytest.mark.parametrize(
    ("status", "severity"),
    [(200, "critical"), (500, "medium"), (403, "low"), (302, "low"), (400, "low")],
)
def test_a_malformed_token_answered_otherwise_than_401(status, severity):
    verdict = _judged(P3_malformed=(status, {"detail": "x"})).verdict("P3-malformed")
    assert verdict is not None and verdict.status is FAIL and verdict.severity == severity


def test_accepted_tokens_point_at_an_open_endpoint():
    result = _judged(P2_no_auth=(200, []), P5_tampered=(200, []))
    verdict = result.verdict("P5-tampered")
    assert verdict is not None and "without any token too (P2)" in verdict.explanation


def test_a_refused_valid_token_fails_and_weakens_the_refusals():
    result = _judged(P1_valid=(401, {"detail": "Invalid token: Signature verification failed"}))
    p1, p3 = result.verdict("P1-valid"), result.verdict("P3-malformed")
    assert p1 is not None and p1.status is FAIL and p1.severity is ProbeSeverity.HIGH
    assert "Signature verification failed" in p1.explanation
    assert p3 is not None and p3.status is PASS and "proves little" in p3.explanation


def test_cross_user_failures_and_their_severities():
    result = _judged(
        P8_cross_read__B=(200, {"id": 42}),
        P8_cross_list__B=(200, [{"id": 42}]),
        P8_cross_update__PUT=(200, {"id": 42}),
        P8_cross_delete__DELETE=(204, None),
    )
    severities = {v.test.id: v.severity for v in result.failures}
    assert severities == {
        "P8-cross-read": "high",
        "P8-cross-list": "high",
        "P8-cross-update": "critical",
        "P8-cross-delete": "critical",
    }


def test_cross_user_controls_turn_refusals_into_errors_or_skips():
    result = _judged(
        P8_cross_read__A=(404, {"detail": "Todo not found"}),
        P8_cross_list__A=(200, []),
        P8_cross_update__PUT=(401, {"detail": "Invalid token"}),
        P8_cross_delete__DELETE=(405, {"detail": "Method Not Allowed"}),
    )
    statuses = {v.test.id: v.status for v in result.verdicts if v.test.number == 8}
    assert statuses == {
        "P8-cross-read": ERROR,
        "P8-cross-list": SKIP,
        "P8-cross-update": ERROR,
        "P8-cross-delete": SKIP,
    }
    read = result.verdict("P8-cross-read")
    assert read is not None and "cannot read its own resource" in read.explanation
    update = result.verdict("P8-cross-update")
    assert update is not None and "User B's token is refused" in update.explanation


def test_a_422_on_update_is_inconclusive():
    verdict = _judged(P8_cross_update__PUT=(422, {"detail": []})).verdict("P8-cross-update")
    assert verdict is not None and verdict.status is ERROR and "422" in verdict.explanation


def test_no_answer_at_all_is_unreachable():
    cases = bind_resource(_full(), "42")
    silent = [
        Exchange(p.key, p.request, error="connection refused", error_kind="refused")
        for c in cases
        for p in c.probes
    ]
    result = judge(cases, silent)
    assert result.unreachable and result.exit_code == 3
    assert {v.status for v in result.verdicts} == {ERROR}


def test_missing_and_blocked_cases_are_errors_and_skips_stay_skips():
    cases = _plan(secret=None)
    blocked = block_cases(cases, "not sent: server down")
    assert _case(blocked, "P4-expired").error is None  # a SKIP stays a SKIP
    result = judge(blocked, [])
    assert result.verdict("P2-no-auth").explanation == "not sent: server down"  # type: ignore[union-attr]
    assert result.counts == {"PASS": 0, "FAIL": 0, "SKIP": 9, "ERROR": 2}
    assert judge_case(cases[1], []).explanation == "not sent"
    assert not result.unreachable and result.exit_code == 1


def test_lists_id_finds_ids_at_any_depth_and_ignores_booleans():
    assert lists_id({"items": [{"id": 1}, {"id": 42}]}, "42")
    assert lists_id([{"todo": {"id": "42"}}], "42")
    assert not lists_id([{"id": 420}, {"owner_id": 42}], "42")
    assert not lists_id([{"id": True}], "True")
