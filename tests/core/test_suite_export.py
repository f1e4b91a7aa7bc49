"""The exported suite's pure parts: where each path id comes from, as data; which claims
may be written (never a value that names a person)."""

from __future__ import annotations

import jwt

from jwtscope.core.probe.openapi_routes import ApiRoute, PathParam
from jwtscope.core.probe.probe_suite import ProbeStatus, ProbeVerdict
from jwtscope.core.probe.route_judge import RouteProbeResult, RouteVerdicts, skipped_row
from jwtscope.core.probe.route_plan import (
    TOKEN_TESTS,
    FilledParam,
    IdOrigin,
    KnownId,
    fill_path,
    plan_routes,
)
from jwtscope.core.probe.suite_claims import opaque_id, personal_strings, split_claims
from jwtscope.core.probe.suite_export import export_routes
from jwtscope.core.probe.suite_model import export_auth
from jwtscope.core.request.replay_request import build_request

BASE = build_request("http://api.test/")
AUTH = export_auth(BASE, secret=None, secret_names=(), encoding="utf8")


def _passed(route: ApiRoute, filled: tuple[FilledParam, ...]) -> RouteVerdicts:
    verdicts = tuple(ProbeVerdict(t, ProbeStatus.PASS, t.expected, (), "ok") for t in TOKEN_TESTS)
    return RouteVerdicts(route, "http://api.test/x", verdicts, filled=filled)


def test_fill_path_records_each_ids_origin_as_data():
    route = ApiRoute(
        "GET",
        "/orgs/{org_id}/todos/{todo_id}/notes/{note_id}",
        True,
        (PathParam("org_id"), PathParam("todo_id"), PathParam("note_id", "n-1")),
    )
    known = {
        "/orgs": KnownId("o (1), x=2", IdOrigin.LISTED, "/orgs"),
        "/orgs/{org_id}/todos": KnownId("7", IdOrigin.CREATED),
    }
    path, filled, created, reason = fill_path(route, known)
    assert reason is None and not created  # one id is not the probe's own resource
    assert path == "/orgs/o%20%281%29%2C%20x%3D2/todos/7/notes/n-1"
    assert [(p.name, p.id.value, p.id.origin) for p in filled] == [
        ("org_id", "o (1), x=2", IdOrigin.LISTED),
        ("todo_id", "7", IdOrigin.CREATED),
        ("note_id", "n-1", IdOrigin.EXAMPLE),
    ]
    plan = next(
        p for p in plan_routes([route], (), BASE, known=known) if p.route is route
    )  # the plan and its words carry the same record
    assert plan.filled == filled
    assert plan.filled_from == (
        "org_id=o (1), x=2 (the first item of GET /orgs), todo_id=7 (the resource the"
        " probe created), note_id=n-1 (the document's example)"
    )


def test_the_suite_fills_ids_from_the_recorded_origin_not_from_its_words():
    """Values and list paths that read like the words of another origin (commas, ``=``,
    parentheses) still export as the origin recorded when the id was chosen."""
    tricky = ApiRoute(
        "GET",
        "/g(main)/todos/{todo_id}/{tag}",
        True,
        (PathParam("todo_id"), PathParam("tag")),
    )
    listed = KnownId("5 (the resource the probe created)", IdOrigin.LISTED, "/g(main)/todos")
    example = KnownId("a, b=c (x)", IdOrigin.EXAMPLE)
    created = ApiRoute("DELETE", "/todos/{todo_id}", True, (PathParam("todo_id"),))
    unfilled = ApiRoute("GET", "/users/{user_id}", True, (PathParam("user_id"),))
    plan = next(iter(plan_routes([unfilled], (), BASE, known={})))
    rows = (
        _passed(tricky, (FilledParam("todo_id", listed), FilledParam("tag", example))),
        _passed(created, (FilledParam("todo_id", KnownId("9", IdOrigin.CREATED)),)),
        skipped_row(plan, "cannot fill", ProbeStatus.SKIP),
    )
    suite = export_routes(RouteProbeResult(rows), BASE, AUTH, date="2026-12-03")
    params = {r.label: [(p.name, p.how, p.value) for p in r.params] for r in suite.routes}
    assert params == {
        "GET /g(main)/todos/{todo_id}/{tag}": [
            ("todo_id", "listed", "5 (the resource the probe created)"),
            ("tag", "known", "a, b=c (x)"),
        ],
        "DELETE /todos/{todo_id}": [("todo_id", "created", "9")],
        "GET /users/{user_id}": [("user_id", "listed", None)],  # listed at test time
    }
    origins = [p.origin for r in suite.routes for p in r.params]
    assert origins == [IdOrigin.LISTED, IdOrigin.EXAMPLE, IdOrigin.CREATED, IdOrigin.LISTED]


def test_personal_claims_keep_their_name_with_a_stand_in_and_no_value():
    claims = {
        "role": "member",
        "scope": "read:todos write:todos",
        "email": "ada@analytical.example",
        "preferred_username": "ada",
        "phone_number": "+44 20 7946 0000",
        "updated_at": "2026-12-01",
        "org": {"id": 42, "owner_email": "charles@engine.example", "plan": "pro"},
        "display": "Ada Lovelace",  # an innocent name, the shape of a person's name
        "ip": "203.0.113.9",
    }
    kept, personal = split_claims(claims, "a")
    assert dict(kept) == {
        "role": "member",
        "scope": "read:todos write:todos",
        "updated_at": "2026-12-01",
        "org": {"id": 42, "owner_email": "user-a@example.com", "plan": "pro"},
    }
    assert {(c.name, c.variable, c.stand_in) for c in personal} == {
        ("email", "JWTSCOPE_A_EMAIL", "user-a@example.com"),
        ("preferred_username", "JWTSCOPE_A_PREFERRED_USERNAME", "user-a"),
        ("phone_number", "JWTSCOPE_A_PHONE_NUMBER", "+15555550100"),
        ("display", "JWTSCOPE_A_DISPLAY", "User A"),
        ("ip", "JWTSCOPE_A_IP", "192.0.2.1"),
    }
    hidden = set(personal_strings({**claims, "sub": "ada@analytical.example"}))
    assert hidden == {
        "ada@analytical.example",
        "ada",
        "+44 20 7946 0000",
        "charles@engine.example",
        "Ada Lovelace",
        "203.0.113.9",
    }


def test_sub_is_written_only_when_it_is_an_opaque_id():
    for sub in (
        "42",
        "user-a",
        "4f0c6a8e-1f9b-4c0e-9a43-2b0d1f6c2e11",
        "auth0|64f1c2d3e4b5a6978a1b2c3d",
    ):
        assert opaque_id(sub), sub
    for sub in ("ada", "ada@analytical.example", "Ada Lovelace", "+44 20 7946 0000", "ada99"):
        assert not opaque_id(sub), sub
    token = jwt.encode({"sub": "ada@analytical.example", "name": "Ada L", "tier": 2}, "k" * 32)
    auth = export_auth(build_request("http://api.test/", token=token), secret=None,
                       secret_names=(), encoding="utf8")  # fmt: skip
    assert (auth.sub_a, auth.hidden_subs) == ("user-a", ("A",))
    assert dict(auth.claims_a) == {"tier": 2} and [c.name for c in auth.personal_a] == ["name"]
