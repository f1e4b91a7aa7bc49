"""The route probe's pure parts: the OpenAPI reader, filling ids, dot segments, siblings."""

from __future__ import annotations

from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.probe.openapi_routes import (
    ApiRoute,
    PathParam,
    routes_from_openapi,
    select_routes,
)
from jwtscope.core.probe.probe_plan import plan_token_tests
from jwtscope.core.probe.probe_suite import (
    P4,
    P8_DELETE,
    P8_READ,
    P8_UPDATE,
    ProbeCase,
    ProbeStatus,
    ProbeVerdict,
    bind_resource,
    bind_url,
    path_segment,
)
from jwtscope.core.probe.probe_text import verdict_line
from jwtscope.core.probe.route_plan import (
    IdOrigin,
    KnownId,
    first_id,
    listable_collections,
    plan_routes,
    protected_sibling,
)
from jwtscope.core.request.replay_request import build_request

BEARER = [{"HTTPBearer": []}]
DOCUMENT = {
    "openapi": "3.1.0",
    "paths": {
        "/todos": {
            "get": {"security": BEARER, "operationId": "list_todos"},
            "post": {"security": BEARER},
        },
        "/todos/{todo_id}": {
            "get": {"parameters": [{"name": "todo_id", "in": "path", "schema": {}}]},
            "put": {"security": BEARER},
            "delete": {"security": BEARER},
        },
        "/health": {"get": {}},
        "/items/{item_id}": {
            "get": {
                "security": [{}, {"bearer": []}],
                "parameters": [{"name": "item_id", "in": "path", "example": 7}],
            }
        },
        "not-a-path": {"get": {}},
    },
}


def test_routes_come_with_methods_security_and_params_in_document_order():
    routes = routes_from_openapi(DOCUMENT)
    assert [(r.label, r.secured) for r in routes] == [
        ("GET /todos", True),
        ("POST /todos", True),
        ("GET /todos/{todo_id}", False),
        ("PUT /todos/{todo_id}", True),
        ("DELETE /todos/{todo_id}", True),
        ("GET /health", False),
        ("GET /items/{item_id}", False),  # an empty alternative: authentication optional
    ]
    assert routes[0].operation_id == "list_todos"
    assert routes[2].params == (PathParam("todo_id"),)
    assert routes[-1].params == (PathParam("item_id", "7"),)


def test_global_security_applies_unless_an_operation_opts_out():
    document = {
        "security": BEARER,
        "paths": {"/me": {"get": {}}, "/health": {"get": {"security": []}}},
    }
    assert [r.secured for r in routes_from_openapi(document)] == [True, False]
    assert routes_from_openapi({"no": "paths"}) == []
    assert routes_from_openapi([1, 2]) == []


def test_ids_made_of_dots_are_never_dot_segments():
    assert path_segment("..") == "%2E%2E"
    assert path_segment(".") == "%2E"
    assert path_segment("a.b") == "a.b"
    assert path_segment("../x") == "..%2Fx"
    assert bind_url("http://api/todos/{id}", "..") == "http://api/todos/%2E%2E"
    request = build_request("http://api/todos/{id}", method="DELETE")
    case = ProbeCase(P8_DELETE, (PlannedRequest("k", "p", request),))
    (bound,) = bind_resource([case], "..")
    assert bound.probes[0].request.url == "http://api/todos/%2E%2E"
    assert bound.resource_id == ".."


def test_a_forgotten_dependency_is_told_from_a_public_route():
    routes = routes_from_openapi(DOCUMENT)
    by = {r.label: r for r in routes}
    assert protected_sibling(by["GET /todos/{todo_id}"], routes) == "GET /todos"
    assert protected_sibling(by["GET /health"], routes) is None
    blog = [
        ApiRoute("GET", "/posts", False),
        ApiRoute("GET", "/posts/{id}", False, (PathParam("id"),)),
        ApiRoute("PUT", "/posts/{id}", True, (PathParam("id"),)),
        ApiRoute("PATCH", "/posts/{id}", False, (PathParam("id"),)),
    ]
    assert protected_sibling(blog[1], blog) is None  # public reads, authenticated writes
    assert protected_sibling(blog[3], blog) == "PUT /posts/{id}"  # a write that lost it


def test_first_id_reads_lists_and_wrapped_lists():
    assert first_id([{"id": 3}, {"id": 4}]) == "3"
    assert first_id({"items": [{"id": "a"}], "total": 1}) == "a"
    assert first_id([{"todo_id": 5}], "todo_id") == "5"
    assert first_id([{"id": True}, {"name": "x"}]) is None
    assert first_id({"detail": "nope"}) is None


def test_the_plan_fills_ids_skips_what_it_cannot_and_never_writes_uninvited():
    routes = routes_from_openapi(DOCUMENT)
    base = build_request("http://api.test/todos")
    _, cases = plan_token_tests(base, report=None, secret=None, now=0)
    assert listable_collections(routes) == ["/todos"]
    plans = {p.route.label: p for p in plan_routes(routes, cases, base, known={})}
    assert "--allow-writes" in (plans["POST /todos"].skip_reason or "")
    assert "--allow-writes" in (plans["PUT /todos/{todo_id}"].skip_reason or "")
    assert "cannot fill {todo_id}" in (plans["GET /todos/{todo_id}"].skip_reason or "")
    assert plans["GET /items/{item_id}"].url == "http://api.test/items/7"
    known = {"/todos": KnownId("..", IdOrigin.LISTED, "/todos")}
    plans = {p.route.label: p for p in plan_routes(routes, cases, base, known=known)}
    assert plans["GET /todos/{todo_id}"].url == "http://api.test/todos/%2E%2E"
    writes = plan_routes(routes, cases, base, known=known, allow_writes=True)
    put = next(p for p in writes if p.route.label == "PUT /todos/{todo_id}")
    assert put.skip_reason and "created" in put.skip_reason  # not the probe's own resource
    known = {"/todos": KnownId("9", IdOrigin.CREATED)}
    writes = plan_routes(routes, cases, base, known=known, allow_writes=True, write_body=b"{}")
    assert writes[-1].route.method == "DELETE"  # deletes last
    put = next(p for p in writes if p.route.label == "PUT /todos/{todo_id}")
    assert put.url == "http://api.test/todos/9"
    assert all(
        p.request.method == "PUT" and p.request.body == b"{}" for c in put.cases for p in c.probes
    )
    assert P8_UPDATE not in {c.test for c in put.cases}
    post = next(p for p in writes if p.route.label == "POST /todos")
    assert post.url == "http://api.test/todos" and post.request_count > 0  # can be cleaned up
    no_body = plan_routes(routes, cases, base, known=known, allow_writes=True)
    post = next(p for p in no_body if p.route.label == "POST /todos")
    assert "--create" in (post.skip_reason or "")


def test_a_post_is_sent_only_where_what_it_creates_can_be_deleted():
    document = {
        "paths": {
            "/logs": {"post": {"security": [{"b": []}]}},
            "/projects": {"get": {"security": [{"b": []}]}, "post": {}},
            "/projects/{project_id}": {"delete": {"security": [{"b": []}]}},
            "/users": {"get": {"security": [{"b": []}]}, "post": {"operationId": "register"}},
        }
    }
    routes = routes_from_openapi(document)
    base = build_request("http://api.test/")
    _, cases = plan_token_tests(base, report=None, secret=None, now=0)
    plans = {
        p.route.label: p
        for p in plan_routes(routes, cases, base, known={}, allow_writes=True, write_body=b"{}")
    }
    assert "no DELETE /logs/{id}" in (plans["POST /logs"].skip_reason or "")
    assert plans["POST /projects"].url == "http://api.test/projects"
    assert plans["POST /projects"].protected_sibling == "GET /projects"  # a forgotten dependency
    assert plans["POST /users"].protected_sibling is None  # sign-up: public by convention


def test_routes_are_picked_by_glob_on_the_label_or_the_path():
    routes = routes_from_openapi(DOCUMENT)
    assert [r.label for r in select_routes(routes, ["/todos/*"])] == [
        "GET /todos/{todo_id}",
        "PUT /todos/{todo_id}",
        "DELETE /todos/{todo_id}",
    ]
    assert [r.label for r in select_routes(routes, ["GET /health", "DELETE *"])] == [
        "DELETE /todos/{todo_id}",
        "GET /health",
    ]
    assert select_routes(routes, []) == routes


def test_skip_and_error_lines_say_why_in_text():
    skipped = ProbeVerdict(P4, ProbeStatus.SKIP, P4.expected, (), "no secret is known")
    failed = ProbeVerdict(P8_READ, ProbeStatus.ERROR, P8_READ.expected, (), "A gets 500")
    passed = ProbeVerdict(P4, ProbeStatus.PASS, P4.expected, (), "Refused with 401.")
    assert verdict_line(skipped).endswith("observed —; why: no secret is known")
    assert verdict_line(failed).endswith("; why: A gets 500")
    assert "Refused" not in verdict_line(passed)


def test_paths_carry_the_servers_prefix():
    paths = {"/todos": {"get": {}}}
    for servers, first in (
        ([{"url": "/api/"}], "/api/todos"),
        ([{"url": "https://x.test/v1"}], "/v1/todos"),
        ([{"url": "https://x.test"}], "/todos"),
        ([{"url": "{scheme}://x"}], "/todos"),
        ("nonsense", "/todos"),
    ):
        [route] = routes_from_openapi({"servers": servers, "paths": paths})
        assert route.path == first, servers


def test_the_same_route_under_another_version_is_a_sibling_but_admin_is_not():
    v1 = ApiRoute("GET", "/v1/todos", True)
    v2 = ApiRoute("GET", "/v2/todos", False)
    public = ApiRoute("GET", "/posts", False)
    admin = ApiRoute("GET", "/admin/posts", True)
    private = ApiRoute("GET", "/private/posts", True)
    shared = ApiRoute("GET", "/public/posts", False)
    routes = [v1, v2, public, admin, private, shared]
    assert protected_sibling(v2, routes) == "GET /v1/todos"
    assert protected_sibling(public, routes) is None
    assert protected_sibling(shared, routes) is None


def test_first_id_prefers_the_parameter_name_then_common_id_keys():
    assert first_id([{"owner_id": 9, "uuid": "u-1"}]) == "u-1"
    assert first_id([{"id": 1, "todo_id": 5}], "todo_id") == "5"
    assert first_id({"data": [{"slug": "hello"}]}) == "hello"


def test_a_rate_limited_answer_is_not_judged_as_a_wrong_refusal():
    from jwtscope.core.probe.probe_judge import judge_case
    from jwtscope.core.request.exchange import Exchange

    request = build_request("http://api.test/todos")
    case = ProbeCase(P4, (PlannedRequest(P4.id, "expired", request),))
    limited = Exchange(request=request, purpose=P4.id, status=429, body=b'{"detail": "slow"}')
    verdict = judge_case(case, [limited])
    assert verdict.status is ProbeStatus.ERROR and "Rate limited" in verdict.explanation
