"""A refresh endpoint that verifies the refresh token its body carries and issues a new
access token is the token endpoint: public like a login, not "protected" by its decode."""

from __future__ import annotations

import pytest
from audit.test_audit_snippets import run

from jwtscope.audit import RouteStatus

APP = """
import jwt
from fastapi import Body, FastAPI, Header, HTTPException

app = FastAPI()
KEY = "k" * 40


def create_access_token(sub: str) -> str:
    return jwt.encode({"sub": sub}, KEY, algorithm="HS256")


@app.post("/session/renew")
def renew(SIGNATURE):
    try:
        payload = jwt.decode(SOURCE, KEY, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        raise HTTPException(403, "invalid")
    MINT
"""

CASES = {
    "body token traded for a new one": (
        "refresh_token: str = Body(...)",
        "refresh_token",
        "return {'access_token': create_access_token(payload['sub'])}",
        RouteStatus.PUBLIC,
    ),
    "header token, no new token": (
        "authorization: str = Header(...)",
        "authorization[7:]",
        "return {'sub': payload['sub']}",
        RouteStatus.PROTECTED,
    ),
    "body token read but nothing issued": (
        "refresh_token: str = Body(...)",
        "refresh_token",
        "return {'sub': payload['sub']}",
        RouteStatus.PROTECTED,
    ),
}


@pytest.mark.parametrize(("signature", "source", "mint", "status"), CASES.values(), ids=CASES)
def test_token_exchange_is_public(tmp_path, signature, source, mint, status):
    text = APP.replace("SIGNATURE", signature).replace("SOURCE", source).replace("MINT", mint)
    [route] = run(tmp_path, text).routes
    assert route.status is status
    if status is RouteStatus.PUBLIC:
        assert "token exchange" in route.dependency
