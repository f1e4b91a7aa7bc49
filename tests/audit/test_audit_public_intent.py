"""Routes without authentication that the project shows to be public on purpose: a GET
standing in for a StaticFiles mount at its own path, and a request the project's API
collection (Postman) sends without credentials and expects to succeed. And the near
misses that must stay "unprotected"."""

from __future__ import annotations

import json

from audit.test_audit_snippets import run

from jwtscope.audit import RouteStatus

UI_FALLBACK = """
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

app = FastAPI()
UI_PATH = "/webui"


def create(assets: bool):
    ui_path = UI_PATH
    if assets:
        app.mount(ui_path, StaticFiles(directory="web", html=True), name="webui")
    else:
        @app.get(ui_path)
        @app.get(f"{ui_path}/")
        async def ui_missing():
            return JSONResponse({"status": "no UI"})

    @app.get("/webui-stats")
    async def stats():
        return JSONResponse({"hits": 1})
"""


def _status(result, method, path):
    [route] = [r for r in result.routes if (r.method, r.path) == (method, path)]
    return route


def test_a_get_at_the_static_mount_path_is_public(tmp_path):
    result = run(tmp_path, UI_FALLBACK)
    for path in ("/webui", "/webui/"):
        route = _status(result, "GET", path)
        assert route.status is RouteStatus.PUBLIC
        assert "static files mounted there (line 12)" in route.dependency
    # another path next to it is not a stand-in
    assert _status(result, "GET", "/webui-stats").status is RouteStatus.UNPROTECTED


def test_a_mount_of_another_app_is_not_a_static_mount(tmp_path):
    text = UI_FALLBACK.replace('StaticFiles(directory="web", html=True)', "admin_app")
    result = run(tmp_path, text)
    assert _status(result, "GET", "/webui").status is RouteStatus.UNPROTECTED


APP = """
from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()
api = FastAPI()
app.mount("/api", api)


def user(authorization: str = Header(...)):
    if not authorization.startswith("Token "):
        raise HTTPException(401)
    return authorization


@api.get("/tags")
def tags():
    return []


@api.get("/stats")
def stats():
    return {}


@api.get("/user")
def me(u=Depends(user)):
    return u


@api.delete("/articles/{slug}")
def delete(slug: str):
    return None
"""


def _request(name, method, path, *, auth=False, test="pm.expect(responseCode.code === 200)"):
    headers = [{"key": "Content-Type", "value": "application/json"}]
    if auth:
        headers.append({"key": "Authorization", "value": "Token {{token}}"})
    return {
        "name": name,
        "event": [{"listen": "test", "script": {"exec": [test]}}],
        "request": {
            "method": method,
            "header": headers,
            "url": {"raw": "{{APIURL}}" + path, "host": ["{{APIURL}}"]},
        },
    }


def _collection(*items, auth=None):
    data = {"info": {"name": "API", "schema": "v2.1.0"}, "item": [{"name": "all", "item": items}]}
    if auth is not None:
        data["auth"] = auth
    return json.dumps(data, indent=1)


def test_collection_anonymous_success_makes_an_unprotected_route_public(tmp_path):
    collection = _collection(
        _request("Tags", "GET", "/tags"),
        _request("Me", "GET", "/user", auth=True),
        # expects a refusal: a negative test, no evidence of public intent
        _request("Stats refused", "GET", "/stats", test="pm.response.to.have.status(401)"),
        # with a token: says nothing about anonymous access
        _request("Delete", "DELETE", "/articles/{{slug}}", auth=True),
    )
    result = run(tmp_path, {"app.py": APP, "postman/api.postman_collection.json": collection})
    tags = _status(result, "GET", "/api/tags")
    assert tags.status is RouteStatus.PUBLIC
    assert "postman/api.postman_collection.json" in tags.dependency
    assert _status(result, "GET", "/api/stats").status is RouteStatus.UNPROTECTED
    assert _status(result, "DELETE", "/api/articles/{slug}").status is RouteStatus.UNPROTECTED
    assert _status(result, "GET", "/api/user").status is RouteStatus.PROTECTED
    unprotected = {f.line for f in result.findings if f.code == "AUDIT-ROUTE-UNPROTECTED"}
    assert 14 not in unprotected  # GET /tags (app.py:14) no longer reported
    assert {19, 29} <= unprotected


def test_collection_level_auth_is_inherited(tmp_path):
    collection = _collection(
        _request("Tags", "GET", "/tags"),
        _request("Me", "GET", "/user"),
        auth={"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
    )
    result = run(tmp_path, {"app.py": APP, "api.postman_collection.json": collection})
    assert _status(result, "GET", "/api/tags").status is RouteStatus.UNPROTECTED


def test_a_request_without_a_success_test_is_no_evidence(tmp_path):
    collection = _collection(
        _request("Tags", "GET", "/tags", test="console.log('sent')"),
        _request("Me", "GET", "/user", auth=True),
    )
    result = run(tmp_path, {"app.py": APP, "api.postman_collection.json": collection})
    assert _status(result, "GET", "/api/tags").status is RouteStatus.UNPROTECTED


def test_a_broken_collection_changes_nothing(tmp_path):
    result = run(tmp_path, {"app.py": APP, "api.postman_collection.json": "{not json"})
    assert _status(result, "GET", "/api/tags").status is RouteStatus.UNPROTECTED
