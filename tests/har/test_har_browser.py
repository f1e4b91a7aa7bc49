"""``jwtscope har`` on HARs recorded by a real Chromium (tests/data/har/README.md):
each names its first failure and cause, with the fixture secret verifying the tokens;
the sanitized copy gives the same timeline and cause."""

from __future__ import annotations

from pathlib import Path

import pytest

from har.conftest import FIXTURE_SECRET, HARS, run, run_json

#: scenario → (cause code, failure kind of the first failure, states the failing request sent)
EXPECTED = {
    "expired": ("HAR-TOKEN-EXPIRED", "auth", ["expired"]),
    "refresh_failed": ("HAR-TOKEN-ENDPOINT-5XX", "server", ["opaque"]),
    "cors": ("HAR-CORS", "cors", ["valid"]),
    "skew": ("HAR-CLOCK-SKEW", "auth", ["valid"]),
    "no_header": ("HAR-NO-HEADER", "auth", []),
    "refresh_unused": ("HAR-REFRESH-NOT-USED", "auth", ["expired"]),
    "cookie_not_sent": ("HAR-COOKIE-NOT-SENT", "auth", []),
}


def _timeline_view(data: dict) -> list[tuple]:
    return [
        (
            r["entry"],
            r["status"],
            r["failure"],
            tuple((u["token"], u["fingerprint"], u["place"], u["state"]) for u in r["sent"]),
            tuple((u["token"], u["fingerprint"], u["place"]) for u in r["received"]),
        )
        for r in data["timeline"]
    ]


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAR_FIXTURE_SECRET", FIXTURE_SECRET)


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_browser_har_first_failure_and_cause(capsys, secret_env, scenario):
    code, data = run_json(
        capsys, "har", str(HARS / f"{scenario}.har"), "--secret-env", "HAR_FIXTURE_SECRET"
    )
    cause, kind, states = EXPECTED[scenario]
    assert code == 1
    assert data["cause"]["code"] == cause
    first = next(r for r in data["timeline"] if r["entry"] == data["first_failure"])
    assert first["failure"] == kind
    assert [u["state"] for u in first["sent"]] == states
    jwt_token = data["tokens"][0]
    assert jwt_token["kind"] == "jws"
    assert jwt_token["signature"].startswith("valid (HS256, HAR_FIXTURE_SECRET from environment")
    assert data["first_failure"] in data["cause"]["entries"]


def test_expired_session_names_both_requests(capsys, secret_env):
    _, data = run_json(capsys, "har", str(HARS / "expired.har"))
    ok, failed = data["cause"]["entries"]
    rows = {r["entry"]: r for r in data["timeline"]}
    assert rows[ok]["status"] == 200 and rows[ok]["sent"][0]["state"] == "valid"
    assert rows[failed]["status"] == 401 and rows[failed]["sent"][0]["state"] == "expired"
    assert rows[ok]["sent"][0]["fingerprint"] == rows[failed]["sent"][0]["fingerprint"]


def test_skew_is_measured_from_the_server_date(capsys):
    _, data = run_json(capsys, "har", str(HARS / "skew.har"))
    assert 590 <= data["clock_skew_seconds"] <= 610  # the API's clock ran 600 s ahead
    assert "10 min ahead" in data["cause"]["title"]


@pytest.mark.parametrize("scenario", sorted(EXPECTED))
def test_sanitized_browser_har_gives_the_same_answer(capsys, tmp_path: Path, scenario):
    source = HARS / f"{scenario}.har"
    clean = tmp_path / "clean.har"
    _, before = run_json(capsys, "har", str(source))
    code, _, err = run(capsys, "har", "--sanitize", str(source), "-o", str(clean))
    assert code == 0 and "sanitized" in err
    _, after = run_json(capsys, "har", str(clean))
    assert _timeline_view(after) == _timeline_view(before)
    assert after["cause"] == before["cause"]
    assert after["first_failure"] == before["first_failure"]
    assert all(t["sanitized"] for t in after["tokens"] if t["kind"] == "jws")
    text = clean.read_text()
    assert "hunter2-fixture" not in text and "jane.doe" not in text and "Jane Doe" not in text
    assert "s3ss10n-fixture" not in text
