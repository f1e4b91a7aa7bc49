"""A security scheme made with ``auto_error=False`` lets a request without credentials
through: written inline in ``Depends(...)`` it is no sign of protection — unless the
endpoint then refuses the anonymous request itself."""

from __future__ import annotations

import textwrap

from jwtscope.audit import RouteStatus, audit_project

SOURCE = """
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPBearer
import fastapi.security

app = FastAPI()


@app.get("/inline-optional")
def inline_optional(creds=Depends(HTTPBearer(auto_error=False))):
    return {"ok": True}


@app.get("/dotted-optional")
def dotted_optional(creds=Depends(fastapi.security.HTTPBearer(auto_error=False))):
    return {"ok": True}


@app.get("/optional-then-refused")
def optional_then_refused(creds=Depends(HTTPBearer(auto_error=False))):
    if creds is None:
        raise HTTPException(status_code=401, detail="Not authenticated")
    return {"ok": True}


@app.get("/inline-required")
def inline_required(creds=Depends(HTTPBearer())):
    return {"ok": True}
"""


def test_an_inline_optional_scheme_is_not_protection(tmp_path):
    (tmp_path / "app.py").write_text(textwrap.dedent(SOURCE).lstrip())
    table = {r.path: r.status for r in audit_project(tmp_path, git=False).routes}
    assert table == {
        "/inline-optional": RouteStatus.UNPROTECTED,
        "/dotted-optional": RouteStatus.UNPROTECTED,
        "/optional-then-refused": RouteStatus.PROTECTED,
        "/inline-required": RouteStatus.PROTECTED,
    }
