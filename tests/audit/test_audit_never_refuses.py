"""A dependency that checks a token but never refuses (the failure is swallowed and it
answers yes or no) does not protect; the same check that raises does."""

from __future__ import annotations

import pytest
from audit.test_audit_snippets import run

from jwtscope.audit import RouteStatus

APP = """
import jwt
from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()


def verify_token(token: str) -> dict:
    return jwt.decode(token, "k" * 40, algorithms=["HS256"])


def signed_in(authorization: str = Header("")) -> bool:
    try:
        verify_token(authorization[7:])
    except Exception:
        HANDLER
    return True


@app.get("/health")
def health(ok: bool = Depends(signed_in)):
    return {"status": "up", "details": ok}
"""


@pytest.mark.parametrize(
    ("handler", "protected"),
    [("return False", False), ("raise HTTPException(401, 'sign in')", True)],
    ids=["swallowed: never refuses", "raises: refuses"],
)
def test_a_dependency_that_never_refuses_does_not_protect(tmp_path, handler, protected):
    result = run(tmp_path, APP.replace("HANDLER", handler))
    [route] = result.routes
    assert (route.status is RouteStatus.PROTECTED) is protected
