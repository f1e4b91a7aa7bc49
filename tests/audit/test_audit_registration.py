"""A POST whose handler is an account registration or a login is public by convention,
whatever its path says (``POST /users`` handled by ``register``). Near misses — another
method, a name that only starts like one — stay unprotected."""

from __future__ import annotations

import textwrap

from jwtscope.audit import RouteStatus, audit_project

SOURCE = """
from fastapi import FastAPI

app = FastAPI()

@app.post("/users")
def register(body: dict): ...

@app.post("/accounts", status_code=201)
async def create_account(body: dict): ...

@app.post("/devices")
def register_device(body: dict): ...

@app.get("/users")
def register_list(): ...

@app.put("/sessions")
def login(body: dict): ...
"""


def test_registration_and_login_handlers_are_public_by_convention(tmp_path):
    (tmp_path / "app.py").write_text(textwrap.dedent(SOURCE).lstrip())
    result = audit_project(tmp_path, git=False)
    table = {(r.method, r.path): r for r in result.routes}
    assert table["POST", "/users"].status is RouteStatus.PUBLIC
    assert "register()" in table["POST", "/users"].dependency
    assert table["POST", "/accounts"].status is RouteStatus.PUBLIC
    for near_miss in (("POST", "/devices"), ("GET", "/users"), ("PUT", "/sessions")):
        assert table[near_miss].status is RouteStatus.UNPROTECTED, near_miss
    flagged = {f.line for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"}
    assert flagged and 4 not in flagged and 7 not in flagged
