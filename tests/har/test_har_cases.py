"""HAR triage on hand-made sessions: every root cause, tokens judged at their request's
time (not now), entries out of order, and the sanitized HAR giving the same answer."""

from __future__ import annotations

import json
from typing import Any

import pytest

from har import har_factory as f
from jwtscope.core.har.har_entry import entry_from_json
from jwtscope.core.har.har_report import HarTriage, triage, triage_to_dict
from jwtscope.core.har.har_sanitize import sanitize_har
from jwtscope.core.keys.env_snapshot import Environment, EnvSource

ENV = Environment(sources=(EnvSource("test", (("JWT_SECRET", f.SECRET),)),))

CASES = {
    "expired": (lambda: f.expired_session()[0], "HAR-TOKEN-EXPIRED"),
    "refresh_not_used": (f.refresh_not_used, "HAR-REFRESH-NOT-USED"),
    "refresh_refused": (f.refresh_refused, "HAR-REFRESH-FAILED"),
    "cookie_not_sent": (f.cookie_not_sent, "HAR-COOKIE-NOT-SENT"),
    "no_credential": (f.no_credential, "HAR-NO-CREDENTIAL"),
    "wrong_key": (f.wrong_key, "HAR-SIGNATURE"),
    "valid_refused": (f.valid_refused, "HAR-REFUSED-VALID"),
    "login_redirect": (f.login_redirect, "HAR-TOKEN-EXPIRED"),
    "not_yet_valid": (f.not_yet_valid, "HAR-NOT-YET-VALID"),
    "api_500": (f.api_500, "HAR-SERVER-ERROR"),
    "null_bearer": (f.null_bearer, "HAR-NO-HEADER"),
    "sign_in_refused": (f.sign_in_refused, "HAR-SIGN-IN-FAILED"),
    "token_in_json_text": (f.token_in_json_text, "HAR-REFRESH-NOT-USED"),
}


def run(doc: dict[str, Any]) -> HarTriage:
    entries = [entry_from_json(i, e) for i, e in enumerate(doc["log"]["entries"])]
    return triage([e for e in entries if e is not None], env=ENV)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_cause_is_named(name):
    build, code = CASES[name]
    result = run(build())
    assert result.cause is not None
    assert result.cause.code == code
    assert result.exit_code == 1


def test_token_judged_at_its_request_time_not_now():
    doc, _ = f.expired_session()
    data = triage_to_dict(run(doc))
    states = [(r["sent"][0]["state"], r["repeats"]) for r in data["timeline"] if r["sent"]]
    # the session is in the past: judged now, every request would be "expired"
    assert states == [("valid", 1), ("expired", 0)]
    assert data["tokens"][0]["signature"].startswith("valid (HS256")


def test_refresh_not_used_names_the_new_token():
    result = run(f.refresh_not_used())
    assert result.cause is not None
    old, new = list(result.tokens)
    assert old in result.cause.title and new in result.cause.detail
    assert result.cause.entries == (1, 3, 2)


def test_cookie_hint_names_samesite():
    result = run(f.cookie_not_sent())
    assert result.cause is not None
    assert "SameSite=Lax" in result.cause.detail


def test_valid_refused_quotes_the_challenge():
    result = run(f.valid_refused())
    assert result.cause is not None
    assert "Invalid audience" in result.cause.detail


def test_entries_out_of_order_are_put_in_time_order():
    doc, _ = f.expired_session()
    doc["log"]["entries"].reverse()
    result = run(doc)
    assert [r.entry.started for r in result.rows] == sorted(
        r.entry.started or 0 for r in result.rows
    )
    assert result.cause is not None and result.cause.code == "HAR-TOKEN-EXPIRED"


def test_nothing_failed():
    result = run(f.all_good())
    assert result.cause is None and result.exit_code == 0
    assert len(result.tokens) == 1
    # 29 successful calls with the same token fold into one row: memory stays flat
    assert [(r.entry.index, r.repeats, r.latest.index) for r in result.rows] == [
        (0, 0, 0),
        (1, 28, 29),
    ]


def test_skew_without_effect_is_not_the_cause():
    tok = f.token(f.T0, 3600)
    doc = f.har(
        f.entry(
            f.T0 + 1,
            "GET",
            f"{f.API}/todos",
            200,
            headers=f.bearer(tok),
            server_at=f.T0 + 121,
            response_headers=f.CORS_OK,
        ),
        f.entry(
            f.T0 + 2,
            "GET",
            f"{f.API}/x",
            401,
            headers=f.bearer(tok),
            server_at=f.T0 + 122,
            response_headers=f.CORS_OK,
        ),
    )
    result = run(doc)
    assert result.clock_skew == 120
    assert result.cause is not None and result.cause.code == "HAR-REFUSED-VALID"


def _view(result: HarTriage) -> Any:
    data = triage_to_dict(result)
    for token in data["tokens"]:
        token.pop("signature"), token.pop("sanitized"), token.pop("codes")
    return data


@pytest.mark.parametrize("name", sorted(set(CASES) - {"wrong_key"}))
def test_sanitized_gives_the_same_timeline_and_cause(name):
    doc = CASES[name][0]()
    clean = json.loads(json.dumps(sanitize_har(doc)))
    assert _view(run(clean)) == _view(run(doc))


def test_sanitizing_twice_changes_nothing():
    doc = f.refresh_not_used()
    once = sanitize_har(doc)
    assert sanitize_har(once) == once
