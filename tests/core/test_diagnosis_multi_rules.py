"""The diagnosis rules the multi-fault suite taught, on answers given as data (the real
backends are in tests/net/test_replay_multi.py): how an answer is read (nested error
objects, Starlette's 400, an application's 403), a token the server never read, the
issuer's clock ahead, and the combined variants (planned and read)."""

from __future__ import annotations

import json
from email.utils import formatdate
from typing import Any

import jwt

from jwtscope.core.analysis import analyze
from jwtscope.core.diagnosis.combined import (
    ALL_FIXED,
    combined_probes,
    leave_one_out_probes,
)
from jwtscope.core.diagnosis.diagnose import diagnose
from jwtscope.core.diagnosis.replay_plan import (
    FRESH,
    FRESH_NO_AUD,
    NO_TOKEN,
    NUMERIC_SUB,
    ORIGINAL,
    minter_for,
)
from jwtscope.core.diagnosis.rule_context import past_auth, refused, words
from jwtscope.core.diagnosis.variant_signer import secret_signer
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest, build_request

NOW = 1_790_000_000
SECRET = "unit-test-secret-0123456789abcdef0123456789abcdef"
ENV = Environment((EnvSource("./.env", (("BETTER_AUTH_SECRET", SECRET),)),))
URL = "http://127.0.0.1:8000/todos"


def token(**claims: Any) -> str:
    payload = {"sub": "user-abc", "iat": NOW, "exp": NOW + 900, **claims}
    return jwt.encode(payload, SECRET, algorithm="HS256")


def request(tok: str, scheme: str = "Bearer") -> ReplayRequest:
    return build_request(URL, token=tok, headers=[("Authorization", f"{scheme} {tok}")])


def answer(
    key: str,
    req: ReplayRequest,
    status: int,
    body: Any = None,
    *,
    challenge: str | None = None,
    server_time: float = NOW,
) -> Exchange:
    headers = [("date", formatdate(server_time, usegmt=True))]
    if challenge:
        headers.append(("www-authenticate", challenge))
    raw = b""
    if isinstance(body, str):
        raw = body.encode()
        headers.append(("content-type", "text/plain"))
    elif body is not None:
        raw = json.dumps(body).encode()
        headers.append(("content-type", "application/json"))
    return Exchange(key, req, status=status, headers=tuple(headers), body=raw, sent_at=NOW)


def codes(tok: str, exchanges: list[Exchange]) -> list[str]:
    report = analyze(tok, now=NOW, env=ENV, keys=KeySet())
    return [c.code for c in diagnose(report, exchanges).causes]


def test_nested_error_objects_are_read() -> None:
    req = request(token())
    auth0 = {"detail": {"code": "invalid_header", "description": "Unable to find appropriate key"}}
    assert "unable to find appropriate key" in words(answer(ORIGINAL, req, 401, auth0))


def test_a_400_naming_a_token_fault_is_a_refusal_and_other_400s_are_not() -> None:
    req = request(token())
    assert refused(answer(ORIGINAL, req, 400, "Signature verification failed"))
    assert not refused(answer(ORIGINAL, req, 400, "Malformed JSON body"))


def test_an_application_403_is_past_auth_and_a_token_403_is_not() -> None:
    req = request(token())
    no_token = answer(NO_TOKEN, req, 401, {"detail": "Not authenticated"})
    assert past_auth(answer(FRESH, req, 403, {"detail": "Not enough permissions"}), no_token)
    assert not past_auth(answer(FRESH, req, 403, {"detail": "Not authenticated"}), no_token)
    assert not past_auth(answer(FRESH, req, 403, {"detail": "Invalid token"}), no_token)
    same = answer(NO_TOKEN, req, 403, {"detail": "Forbidden"})
    assert not past_auth(answer(FRESH, req, 403, {"detail": "Forbidden"}), same)


def _every_token_answered(tok: str, body: Any, challenge: str | None = None) -> list[str]:
    req = request(tok)
    return codes(
        tok,
        [
            answer(key, req, 401, body, challenge=challenge)
            for key in (ORIGINAL, NO_TOKEN, FRESH, NUMERIC_SUB)
        ],
    )


def test_missing_words_to_every_token_mean_the_token_is_not_read() -> None:
    tok = token()
    assert _every_token_answered(tok, {"error": "Missing token"}) == ["CAUSE-HEADER-NOT-RECEIVED"]


def test_a_challenge_with_another_scheme_names_the_scheme() -> None:
    tok = token()
    said = {"detail": "Authentication credentials were not provided."}
    assert _every_token_answered(tok, said, challenge="Token") == ["CAUSE-SCHEME"]
    assert _every_token_answered(tok, said, challenge="APIKey") == ["CAUSE-HEADER-NOT-RECEIVED"]


def test_the_same_opaque_answer_to_every_token_stays_a_wrong_secret() -> None:
    # "Unauthorized" to everything: a server with another key answers the same.
    assert _every_token_answered(token(), "Unauthorized") == ["CAUSE-WRONG-SECRET"]


def test_the_issuer_clock_ahead_is_named_when_the_server_clock_agrees() -> None:
    tok = token(iat=NOW + 600, nbf=NOW + 600, exp=NOW + 1500)
    req = request(tok)
    exchanges = [
        answer(ORIGINAL, req, 401, {"detail": "The token is not yet valid (nbf)"}),
        answer(NO_TOKEN, req, 401, {"detail": "Not authenticated"}),
    ]
    assert codes(tok, exchanges)[:1] == ["CAUSE-CLOCK-SKEW"]
    late = [answer(ORIGINAL, req, 401, {"detail": "The token is not yet valid (nbf)"})]
    assert "CAUSE-CLOCK-SKEW" not in codes(token(), late)  # iat/nbf not in the future


def _plan(tok: str, exchanges: list[Exchange], scheme: str = "Bearer") -> list[str]:
    req = request(tok, scheme)
    report = analyze(tok, now=NOW, env=ENV, keys=KeySet())
    minter = minter_for(req, report, secret_signer(report.signature.matched_secret))
    by_key = {ex.purpose: ex for ex in exchanges}
    first = combined_probes(minter, report, by_key, NOW)
    return [p.key for p in first] + [
        p.key for p in leave_one_out_probes(minter, report, by_key, NOW)
    ]


def test_the_combined_variant_is_sent_only_when_every_single_one_was_refused() -> None:
    tok = token(aud="http://localhost:3000")
    req = request(tok)
    refused_all = [
        answer(ORIGINAL, req, 401, {"detail": "Could not validate credentials"}),
        answer(NO_TOKEN, req, 401, {"detail": "Not authenticated"}),
        answer(FRESH, req, 401, {"detail": "Could not validate credentials"}),
        answer(FRESH_NO_AUD, req, 401, {"detail": "Could not validate credentials"}),
        answer(NUMERIC_SUB, req, 401, {"detail": "Could not validate credentials"}),
    ]
    assert _plan(tok, refused_all) == [ALL_FIXED]
    one_passed = [*refused_all[:4], answer(NUMERIC_SUB, req, 200, [])]
    assert _plan(tok, one_passed) == []
    key_refuses = [
        *refused_all[:2],
        *(answer(k, req, 401, {"detail": "Invalid signature"}) for k in (FRESH, NUMERIC_SUB)),
    ]
    assert _plan(tok, key_refuses) == []


def test_with_two_fixes_the_single_variants_stand_in_for_leaving_one_out() -> None:
    tok = token(aud="http://localhost:3000")
    req = request(tok)
    exchanges = [
        answer(ORIGINAL, req, 401, {"detail": "Could not validate credentials"}),
        answer(NO_TOKEN, req, 401, {"detail": "Not authenticated"}),
        answer(FRESH, req, 401, {"detail": "Could not validate credentials"}),
        answer(FRESH_NO_AUD, req, 500, "Internal Server Error"),
        answer(NUMERIC_SUB, req, 401, {"detail": "Could not validate credentials"}),
        answer(ALL_FIXED, req, 200, []),
    ]
    assert _plan(tok, exchanges) == []  # nothing more to send
    assert codes(tok, exchanges) == ["CAUSE-AUDIENCE", "CAUSE-SUB-TYPE"]


def test_a_client_scheme_makes_every_combined_variant_bearer() -> None:
    tok = token(aud="http://localhost:3000")
    req = request(tok, "Token")
    same = {"detail": "Not authenticated"}
    exchanges = [answer(k, req, 401, same) for k in (ORIGINAL, NO_TOKEN, FRESH, NUMERIC_SUB)]
    exchanges.append(answer(FRESH_NO_AUD, req, 401, same))
    report = analyze(tok, now=NOW, env=ENV, keys=KeySet())
    minter = minter_for(req, report, secret_signer(report.signature.matched_secret))
    by_key = {ex.purpose: ex for ex in exchanges}
    (probe,) = combined_probes(minter, report, by_key, NOW)
    assert (probe.request.header("Authorization") or "").startswith("Bearer ")
    by_key[ALL_FIXED] = answer(ALL_FIXED, probe.request, 200, [])
    left_out = leave_one_out_probes(minter, report, by_key, NOW)
    assert [p.key for p in left_out] == ["all-but-aud", "all-but-sub"]
