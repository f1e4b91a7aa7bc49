"""The route probe against real FastAPI backends: every seeded hole found, no false alarm."""

from __future__ import annotations

import copy
import json
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from servers.replay_backends_http import auth_path_500
from servers.replay_clock import FixedClock, serve_backend
from servers.route_backends import (
    CROSS_PROJECT,
    ROUTE_BACKENDS,
    cross_api,
    hostile_ids,
    item_hole,
    method_hole,
    post_hole,
)
from testdata import BA_IAT

from jwtscope.core.keys.keyset import Secret
from jwtscope.core.probe.probe_suite import ProbeStatus
from jwtscope.core.probe.probe_text import routes_to_dict, routes_to_text
from jwtscope.core.probe.route_judge import RouteProbeResult
from jwtscope.core.probe.route_plan import IdOrigin
from jwtscope.core.request.replay_request import build_request
from jwtscope.services.probe_routes import RouteOptions, load_routes, run_route_probe

NOW = BA_IAT + 60
SECRET_TEXT = "route-probe-secret-0123456789abcdef01234"
SECRET = Secret("JWT_SECRET", "./.env", SECRET_TEXT, SECRET_TEXT.encode())
CREATE = b'{"title": "written by the probe"}'


def probe_api(
    factory: Callable[[str, FixedClock], Any], path: str = "", **options: Any
) -> tuple[RouteProbeResult, Any, str]:
    """Serve the backend, probe every route of its /openapi.json, stop the server."""
    clock = FixedClock(NOW)
    app = factory(SECRET_TEXT, clock)
    stop = options.pop("stop", lambda: False)
    settings = {"min_interval": 0.0, "timeout": 5.0, **options}
    with serve_backend(app) as base:
        request = build_request(base + path)
        source, routes = load_routes(request, None)
        result = run_route_probe(
            request,
            routes,
            RouteOptions(**settings),
            report=None,
            secret=SECRET,
            source=source,
            clock=clock,
            stop=stop,
        )
        text = routes_to_text(result, request)
        json.dumps(routes_to_dict(result, request))
    return result, app, text


SEEDED_IDS = {"1", "2"}
#: What each backend's whole-API probe (writes allowed) must find: exactly these holes.
EXPECTED_HOLES = {
    "item_hole": {"GET /todos/{todo_id}"},
    "method_hole": {"PUT /notes/{note_id}"},
    "router_hole": {"GET /reports", "GET /reports/{report_id}"},
    "version_hole": {"GET /v2/todos", "GET /v2/todos/{todo_id}"},
    "middleware_hole": {"GET /authors", "GET /authors/{author_id}"},
    "nested_hole": {"GET /users/{user_id}/todos/{todo_id}"},
    "excluded_prefix": {"GET /publications"},
    "post_hole": {"POST /projects"},
    "cross_api": {"GET /todos", "GET /reports"},
    "header_hole": {"GET /orders/{order_id}"},
    "correct_api": set(),
}


def _written_ids(seen: list[tuple[str, str]]) -> list[str]:
    return [p.rsplit("/", 1)[1] for m, p in seen if m in ("PUT", "PATCH", "DELETE")]


@pytest.mark.parametrize("name", list(ROUTE_BACKENDS))
def test_every_hole_is_found_and_nothing_else(name):
    """Done when: the whole-API probe, writes allowed, finds exactly the seeded holes,
    writes only to what it created, and leaves the store as it found it."""
    factory = ROUTE_BACKENDS[name]
    seeded = copy.deepcopy(factory(SECRET_TEXT, FixedClock(NOW)).state.store)
    result, app, text = probe_api(factory, create_body=CREATE, allow_writes=True)
    assert {r.route.label for r in result.holes} == EXPECTED_HOLES[name] == app.state.holes, text
    for row in result.holes:  # a hole fails critically (test 2, or a forged token's test)
        assert any(
            v.status is ProbeStatus.FAIL and v.severity and v.severity.value == "critical"
            for v in row.verdicts
        ), row
    assert result.exit_code == (1 if app.state.holes else 0)
    assert app.state.store == seeded, text  # all it created deleted, nothing else touched
    assert result.cleaned == result.created and not result.left_behind
    assert not SEEDED_IDS & set(_written_ids(app.state.seen)), app.state.seen
    assert all(e.status is not None for e in result.exchanges)


def test_a_post_hole_is_caught_and_everything_it_created_is_deleted():
    result, app, text = probe_api(post_hole, create_body=CREATE, allow_writes=True)
    posts = [p for m, p in app.state.seen if m == "POST"]
    deletes = _written_ids(app.state.seen)
    assert len(posts) > 6 and result.created == len(posts)  # A's own + every forged token's
    assert set(deletes) == {str(i) for i in range(3, 3 + len(posts))}  # each created id
    assert f"cleanup: {len(posts)} of {len(posts)} created resources gone" in text
    assert set(app.state.store) == {1, 2}


def test_without_allow_writes_nothing_but_reads_is_sent():
    result, app, text = probe_api(post_hole, create_body=CREATE)
    assert {m for m, _ in app.state.seen} == {"GET"}
    post = next(r for r in result.rows if r.route.label == "POST /projects")
    assert "--allow-writes" in post.verdicts[0].explanation
    assert not result.holes and re.search(r"^POST /projects +SKIP: a write", text, re.M)


def test_a_stop_still_cleans_up_and_skips_the_rest_saying_so():
    calls = {"n": 0}

    def stop() -> bool:  # stopped once the setup and two routes have gone out
        calls["n"] += 1
        return calls["n"] > 3

    result, app, _ = probe_api(item_hole, create_body=CREATE, allow_writes=True, stop=stop)
    assert result.stopped and result.created == 1 and result.cleaned == 1
    assert any(v.explanation == "stopped before this route was probed" for v in result.verdicts)
    assert ("DELETE", "/todos/3") in app.state.seen and 3 not in app.state.store


def test_a_spent_budget_still_cleans_up():
    result, app, text = probe_api(post_hole, create_body=CREATE, allow_writes=True, budget=3)
    assert "request budget (3) is spent" in text
    assert result.created >= 1 and result.cleaned == result.created
    assert set(app.state.store) == {1, 2}


def test_an_item_route_without_its_dependency_is_filled_from_the_list_and_caught():
    result, _, text = probe_api(item_hole)
    row = next(r for r in result.rows if r.route.label == "GET /todos/{todo_id}")
    assert row.url is not None and row.url.endswith("/todos/1")
    assert "the first item of GET /todos" in row.filled_from
    (filled,) = row.filled  # where the id came from, as data, set where it was chosen
    assert (filled.name, filled.id.value, filled.id.origin) == ("todo_id", "1", IdOrigin.LISTED)
    assert "declares no security, but GET /todos is protected" in row.verdicts[0].explanation
    assert re.search(r"^GET /health +public \(no security declared\)$", text, re.M)
    post = next(r for r in result.rows if r.route.label == "POST /todos")
    assert {v.status for v in post.verdicts} == {ProbeStatus.SKIP}
    assert re.search(r"^POST /todos +SKIP: a write: run with --allow-writes", text, re.M)


def test_the_plan_skips_writes_without_allow_writes_and_says_why():
    result, app, _ = probe_api(method_hole)
    put = next(r for r in result.rows if r.route.label == "PUT /notes/{note_id}")
    assert put.verdicts[0].status is ProbeStatus.SKIP
    assert "--allow-writes" in put.verdicts[0].explanation
    assert not result.holes and len(app.state.store) == 2


def test_a_budget_stops_sending_and_says_so():
    result, _, text = probe_api(item_hole, budget=12)
    assert result.sent <= 12
    assert "request budget (12) is spent" in text


def test_a_5xx_to_a_hostile_token_fails_with_the_evidence():
    def app_500(secret: str, now: FixedClock) -> Any:
        return auth_path_500(secret, now)

    result, _, text = probe_api(app_500)
    failed = [v for r in result.rows for v in r.verdicts if v.status is ProbeStatus.FAIL]
    assert failed, text
    assert any("500" in v.explanation and "crashes" in v.explanation for v in failed)


def test_dot_segment_ids_never_reach_the_root_or_the_collection():
    _, app, text = probe_api(hostile_ids, "/things", create_body=CREATE, allow_writes=True)
    writes = [(m, p) for m, p in app.state.seen if m in ("PUT", "PATCH", "DELETE")]
    assert writes, text
    assert all(p.startswith("/things/%2E") for _, p in writes), writes
    assert app.state.store["deleted_root"] == 0
    reads = [p for m, p in app.state.seen if m == "GET" and p.startswith("/things/")]
    assert reads and all(p.startswith("/things/%2E") for p in reads)


def _cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Any, *argv: str) -> int:
    from jwtscope.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"JWT_SECRET={SECRET_TEXT}\n")
    return main(list(argv))


def test_cli_dry_run_prints_the_plan_and_sends_nothing(monkeypatch, tmp_path, capsys):
    app = hostile_ids(SECRET_TEXT, time.time)
    with serve_backend(app) as base:
        code = _cli(monkeypatch, tmp_path, "probe", base, "--all-routes", "--dry-run")
    out = capsys.readouterr().out
    assert code == 0
    assert app.state.seen == [("GET", "/openapi.json")]
    assert re.search(r"^GET /things +10 requests \(declares security\)", out, re.M), out
    assert "thing_id=? (the first item of GET /things, when run)" in out


def test_cli_all_routes_json_names_the_hole(monkeypatch, tmp_path, capsys):
    app = item_hole(SECRET_TEXT, time.time)
    with serve_backend(app) as base:
        document = json.dumps(app.openapi())
        (tmp_path / "openapi.json").write_text(document)
        code = _cli(monkeypatch, tmp_path, "probe", base, "--openapi", "openapi.json", "--json")
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["holes"] == ["GET /todos/{todo_id}"]
    assert data["source"].endswith("openapi.json")
    row = next(r for r in data["routes"] if r["path"] == "/health")
    assert row["public"] is True and row["declares_security"] is False


def test_a_router_mounted_without_its_dependency_and_no_declared_security_shows_as_public():
    """The limit of a probe from outside: nothing in the API tells this route from /health.

    It is listed as public for the reviewer to confirm (the static audit reads the code).
    """
    result, app, text = probe_api(ROUTE_BACKENDS["version_hole"])
    public = {r.route.label for r in result.rows if r.public}
    assert app.state.undetectable <= public
    assert "confirm each is" in text and "GET /admin/stats" in text


def test_the_one_url_probe_never_writes_to_the_collection_for_a_dot_id():
    from jwtscope.services.probe_run import run_probe

    clock = FixedClock(NOW)
    app = hostile_ids(SECRET_TEXT, clock)
    with serve_backend(app) as base:
        result = run_probe(
            build_request(base + "/things"),
            report=None,
            secret=SECRET,
            create_body=CREATE,
            allow_writes=True,
            clock=clock,
            min_interval=0,
            timeout=5,
        )
    writes = [(m, p) for m, p in app.state.seen if m in ("PUT", "PATCH", "DELETE")]
    assert writes and all(p == "/things/%2E%2E" for _, p in writes), writes
    assert app.state.store["deleted_root"] == 0
    assert any("resource .. deleted" in n for n in result.notes), result.notes


def test_cli_refuses_a_budget_below_one(capsys):
    from jwtscope.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["probe", "http://127.0.0.1:9/", "--all-routes", "--budget", "0"])
    assert exit_info.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_project_routes_merge_with_openapi_and_contradictions_are_findings(
    monkeypatch, tmp_path, capsys
):
    project = tmp_path / "todo_api"
    project.mkdir()
    for name, text in CROSS_PROJECT.items():
        (project / name).write_text(text)
    app = cross_api(SECRET_TEXT, time.time)
    with serve_backend(app) as base:
        plan_code = _cli(monkeypatch, tmp_path, "probe", base, "--project", "todo_api", "--dry-run")
        plan = capsys.readouterr().out
        sent_by_plan = list(app.state.seen)
        code = _cli(monkeypatch, tmp_path, "probe", base, "--project", "todo_api", "--json")
    data = json.loads(capsys.readouterr().out)
    assert plan_code == 0 and sent_by_plan == [("GET", "/openapi.json")]  # the plan sends nothing
    assert "GET /admin/export" in plan and "(1 routes only there)" in plan
    found = {(f["code"], f["route"], f["severity"]) for f in data["cross_check"]}
    assert found == {
        ("PROBE-AUDIT-MISSED", "GET /todos", "error"),
        ("PROBE-AUDIT-REFUSED", "GET /reports", "warning"),
        ("PROBE-AUDIT-RESOLVED", "GET /items", "info"),
    }
    resolved = next(f for f in data["cross_check"] if f["code"] == "PROBE-AUDIT-RESOLVED")
    assert "protected: it refuses without a token" in resolved["evidence"]
    assert "could not parse deps.py" in resolved["evidence"]
    assert code == 1 and set(data["holes"]) == app.state.holes  # /reports: any token passes
    export = next(r for r in data["routes"] if r["path"] == "/admin/export")
    assert export["declares_security"] and export["tests"][0]["status"] == "PASS"
    assert ("GET", "/admin/export") in app.state.seen  # the audit's route was probed


def test_project_contradictions_show_in_the_text_output(monkeypatch, tmp_path, capsys):
    project = tmp_path / "todo_api"
    project.mkdir()
    for name, text in CROSS_PROJECT.items():
        (project / name).write_text(text)
    with serve_backend(cross_api(SECRET_TEXT, time.time)) as base:
        _cli(monkeypatch, tmp_path, "probe", base, "--project", "todo_api")
    out = capsys.readouterr().out
    assert re.search(r"^  ERROR +PROBE-AUDIT-MISSED +GET /todos +\(app\.py:\d+\)$", out, re.M), out
    assert "audit: protected (get_current_user); server, no token: 200" in out


def test_the_cross_check_codes_are_registered(capsys):
    from jwtscope.cli import main

    assert main(["codes"]) == 0
    out = capsys.readouterr().out
    for code in ("PROBE-AUDIT-MISSED", "PROBE-AUDIT-REFUSED", "PROBE-AUDIT-RESOLVED"):
        assert re.search(rf"^  {code} +(error|warning|info) ", out, re.M), code


def test_ctrl_c_mid_run_still_deletes_what_the_probe_created():
    clock = FixedClock(NOW)
    app = post_hole(SECRET_TEXT, clock)

    def interrupt(row: Any) -> None:  # Ctrl-C lands while the first route is reported
        raise KeyboardInterrupt

    with serve_backend(app) as base:
        request = build_request(base)
        source, routes = load_routes(request, None)
        result = run_route_probe(
            request,
            routes,
            RouteOptions(create_body=CREATE, allow_writes=True, min_interval=0.0),
            report=None,
            secret=SECRET,
            source=source,
            clock=clock,
            on_row=interrupt,
        )
    assert any(n.startswith("interrupted") for n in result.notes)
    assert len(result.rows) == 1 and result.created == 1  # the rest never sent
    assert result.cleaned == result.created and set(app.state.store) == {1, 2}


def test_a_picked_item_route_still_gets_its_id_and_its_protected_sibling(
    monkeypatch, tmp_path, capsys
):
    app = item_hole(SECRET_TEXT, time.time)
    with serve_backend(app) as base:
        code = _cli(
            monkeypatch,
            tmp_path,
            "probe",
            base,
            "--all-routes",
            "--route",
            "GET /todos/*",
            "--json",
        )
    data = json.loads(capsys.readouterr().out)
    assert [f"{r['method']} {r['path']}" for r in data["routes"]] == ["GET /todos/{todo_id}"]
    assert data["holes"] == ["GET /todos/{todo_id}"] and code == 1
    assert data["routes"][0]["url"].endswith("/todos/1")  # the id from GET /todos, not probed
    assert [p for m, p in app.state.seen if p.startswith("/todos")].count("/todos") == 1
