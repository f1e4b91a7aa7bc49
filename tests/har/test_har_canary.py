"""The sanitized HAR leaks nothing: a canary planted in every kind of field a HAR holds
must be gone from the output bytes (and from every JWT segment, decoded)."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import jwt

from har import har_factory as f
from har.conftest import run, run_json, write_har

_COUNTER = iter(range(1000))


def canary(kind: str = "") -> str:
    """A distinct value that must not survive (the kinds are only for reading)."""
    return f"CANARY{next(_COUNTER):03d}{kind}"


def _token_with_pii() -> str:
    payload = {
        "sub": "42",
        "iat": f.T0,
        "exp": f.T0 + 60,
        "email": f"{canary('mail')}@example.com",
        "name": canary("name"),
        "given_name": canary("given"),
        "phone_number": canary("phone"),
        "org": {"title": canary("nested")},
        "groups": [canary("group")],
    }
    return jwt.encode(payload, f.SECRET + canary("sigkey"), algorithm="HS256")


def planted_har() -> tuple[dict[str, Any], list[str]]:
    """A HAR with a canary in every field kind, and the raw tokens it carries."""
    tok = _token_with_pii()
    basic = base64.b64encode(f"alice:{canary('basic')}".encode()).decode()
    opaque = canary("opaque") + "abcdefghijklmnopqrstuvwxyz"
    sign_in = f.entry(
        f.T0,
        "POST",
        f"http://alice:{canary('userinfo')}@127.0.0.1:3000/api/auth/sign-in/email"
        f"?redirect={canary('query')}&token={canary('qtoken')}#{canary('fragment')}",
        200,
        headers={
            "Content-Type": "application/json",
            "X-Custom": canary("xheader"),
            "X-Request-Id": canary("reqid"),
            "Proxy-Authorization": f"Basic {basic}",
            "Referer": f"http://127.0.0.1:3000/login?email={canary('referer')}",
            "User-Agent": f"Mozilla/5.0 {tok}",
            "Cookie": f"theme={canary('theme')}; better-auth.session_token={opaque}",
        },
        response_headers={
            "set-auth-jwt": tok,
            "set-auth-token": opaque,
            "Set-Cookie": f"better-auth.session_token={opaque}; Path=/; HttpOnly; SameSite=Lax\n"
            f"tracking={canary('setcookie2')}; Path=/",
            "X-Powered-By": canary("xresp"),
            "Location": f"/home?session={canary('location')}",
        },
        body=json.dumps({"user": {"email": canary("respmail"), "name": canary("respname")}}),
        post={
            "mimeType": "application/json",
            "text": json.dumps(
                {
                    "email": canary("postmail"),
                    "password": canary("password"),
                    "deep": {"secret": canary("deep")},
                }
            ),
            "params": [
                {"name": "password", "value": canary("parampw")},
                {"name": "username", "value": canary("paramuser"), "fileName": canary("file")},
            ],
        },
    )
    request = sign_in["request"]
    request["queryString"] = [
        {"name": "redirect", "value": canary("qs")},
        {"name": "token", "value": canary("qstok")},
    ]
    request["cookies"] = [{"name": "theme", "value": canary("reqcookie"), "comment": canary("cc")}]
    request["comment"] = canary("reqcomment")
    sign_in["response"]["cookies"] = [
        {"name": "better-auth.session_token", "value": opaque, "httpOnly": True},
        {"name": "tracking", "value": canary("respcookie")},
    ]
    sign_in["response"]["statusText"] = "OK"
    sign_in["_initiator"] = {"type": "script", "url": f"http://x/app.js?k={canary('initiator')}"}
    sign_in["_webSocketMessages"] = [{"type": "send", "data": canary("ws")}]
    sign_in["cache"] = {"beforeRequest": {"eTag": canary("etag")}}
    sign_in["comment"] = canary("entrycomment")
    form = f.entry(
        f.T0 + 5,
        "POST",
        f"http://127.0.0.1:8000/users/{canary('pathmail')}@example.com/{tok}",
        401,
        headers={**f.bearer(tok), "Content-Type": "application/x-www-form-urlencoded"},
        response_headers={**f.CORS_OK, "WWW-Authenticate": f'Bearer error="{tok}"'},
        post={
            "mimeType": "application/x-www-form-urlencoded",
            "text": f"password={canary('formpw')}&note={canary('formnote')}",
        },
        body=json.dumps({"detail": f"token {tok} expired", "data": canary("errdata")}),
    )
    form["response"]["content"]["text"] = "<html>" + canary("html") + "</html>"
    form["response"]["content"]["mimeType"] = "text/html"
    image = f.entry(f.T0 + 6, "GET", "http://127.0.0.1:8000/a.png", 200)
    image["response"]["content"] = {
        "size": 4,
        "mimeType": "image/png",
        "encoding": "base64",
        "text": base64.b64encode(canary("b64").encode()).decode(),
    }
    doc = f.har(sign_in, form, image)
    doc["log"]["pages"] = [
        {
            "id": "page_1",
            "startedDateTime": f.iso(f.T0),
            "title": f"http://x/?t={canary('page')}",
            "pageTimings": {},
            "comment": canary("pagecomment"),
        }
    ]
    doc["log"]["comment"] = canary("logcomment")
    doc["log"]["creator"]["comment"] = canary("creator")
    return doc, [tok, opaque]


def _decoded_segments(text: str) -> str:
    out = []
    for segment in re.findall(r"eyJ[A-Za-z0-9_-]+", text):
        try:
            out.append(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)).decode())
        except (ValueError, UnicodeDecodeError):
            continue
    return "\n".join(out)


def test_no_canary_survives_sanitizing(capsys, tmp_path: Path):
    doc, tokens = planted_har()
    raw = json.dumps(doc)
    planted = set(re.findall(r"CANARY\d{3}[a-z0-9]*", raw + _decoded_segments(raw)))
    assert len(planted) >= 40  # every kind above, really in the input
    source = write_har(tmp_path / "in.har", doc)
    out = tmp_path / "out.har"
    code, _, _ = run(capsys, "har", "--sanitize", str(source), "-o", str(out))
    assert code == 0
    data = out.read_bytes()
    text = data.decode("utf-8")
    json.loads(text)  # still a HAR
    leaked = [c for c in planted if c in text or c in _decoded_segments(text)]
    assert leaked == []
    assert b"CANARY" not in data
    for token in tokens:
        assert token not in text
        assert token.rsplit(".", 1)[-1] not in text  # no signature either


def test_sanitized_canary_har_keeps_what_triage_needs(capsys, tmp_path: Path):
    doc, _ = planted_har()
    source = write_har(tmp_path / "in.har", doc)
    out = tmp_path / "out.har"
    run(capsys, "har", "--sanitize", str(source), "-o", str(out))
    _, before = run_json(capsys, "har", str(source))
    _, after = run_json(capsys, "har", str(out))
    for key in ("code", "entries", "fix"):  # the title quotes the (now masked) path
        assert after["cause"][key] == before["cause"][key]
    assert [(r["entry"], r["status"], r["failure"]) for r in after["timeline"]] == [
        (r["entry"], r["status"], r["failure"]) for r in before["timeline"]
    ]
    assert [t["fingerprint"] for t in after["tokens"]] == [
        t["fingerprint"] for t in before["tokens"]
    ]
    claims = next(t["claims"] for t in after["tokens"] if t["kind"] == "jws")
    assert claims == {"iat": f.T0, "exp": f.T0 + 60}
    clean = json.loads(out.read_text())
    headers = {h["name"] for h in clean["log"]["entries"][0]["request"]["headers"]}
    assert {"X-Custom", "Cookie", "Proxy-Authorization"} <= headers  # presence kept
