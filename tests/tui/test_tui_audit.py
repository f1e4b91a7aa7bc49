"""The Audit screen (F8) on real projects: the route table, the findings, the code view.

Every audit here is the real :func:`jwtscope.audit.audit_project` on the sample projects
of ``tests/audit/projects`` and the demo's (plus an injected runner where a test needs to
hold an audit half-way), at the fixed clock of :func:`tui_support.make_app`.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Footer, Input, OptionList, Static, TabbedContent
from tui_support import BA_NOW, make_app, pilot_test, screen_text, started, widget_text

from jwtscope.audit import AuditResult, audit_project
from jwtscope.demo import DEMO_PROJECT
from jwtscope.errors import InputError
from jwtscope.tui.app import JwtscopeApp
from jwtscope.tui.demo_config import demo_config
from jwtscope.tui.screens.audit import AuditScreen
from jwtscope.tui.screens.help import help_markdown
from jwtscope.tui.screens.keys import KeysScreen
from jwtscope.tui.screens.save import SaveScreen

PROJECTS = Path(__file__).resolve().parents[1] / "audit" / "projects"
BA_NOTES = DEMO_PROJECT / "backend"  # the buggy Better Auth backend
TODO_API = PROJECTS / "todo_api_buggy"
#: Every secret literal in todo_api_buggy's source: none may ever be on screen.
TODO_SECRETS = ("s3cr3t-legacy-key-2023", "supersecret", "dev-secret-change-me", "legacy-signing")
WIDE = (130, 50)
SnapCompare = Callable[..., bool]


async def _open(app: JwtscopeApp, pilot: Pilot[None]) -> AuditScreen:
    await pilot.pause()
    await pilot.press("f8")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AuditScreen)
    return screen


async def _settle(app: JwtscopeApp, pilot: Pilot[None]) -> None:
    """The worker's messages handled, and the views they update repainted."""
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


async def _run(app: JwtscopeApp, pilot: Pilot[None], public: str = "") -> AuditScreen:
    screen = await _open(app, pilot)
    screen.query_one("#audit-public", Input).value = public
    await pilot.press("enter")  # the folder input has the focus
    await _settle(app, pilot)
    return screen


def _rows(screen: AuditScreen) -> list[tuple[str, ...]]:
    table = screen.query_one("#audit-routes", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def _expected_rows(result: AuditResult) -> list[tuple[str, ...]]:
    return [
        (r.status.value, r.method, r.path, f"{r.file}:{r.line}", r.dependency or "—")
        for r in result.routes
    ]


def _detail_text(screen: AuditScreen, width: int = 120) -> str:
    """The whole detail pane as text, scrolled-away lines included."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(screen.query_one("#audit-detail", Static).content)
    return console.export_text()


async def _findings_tab(screen: AuditScreen, pilot: Pilot[None]) -> OptionList:
    screen.query_one("#audit-tabs", TabbedContent).active = "tab-audit-findings"
    options = screen.query_one("#audit-findings", OptionList)
    options.focus()
    await pilot.pause()
    return options


# --- the route table ---------------------------------------------------------------------


@pytest.mark.parametrize("project", [BA_NOTES, TODO_API], ids=lambda p: p.name)
@pilot_test
async def test_f8_audits_the_folder_and_lists_every_route(project: Path) -> None:
    expected = audit_project(project, now=BA_NOW)
    assert expected.routes  # the sample projects have routes of every kind
    app = make_app(audit_root=project)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)

        assert app.last_audit == expected
        assert _rows(screen) == _expected_rows(expected)
        table = screen.query_one("#audit-routes", DataTable)
        colours = {"unprotected": "red", "public": "yellow", "protected": "green"}
        for i, route in enumerate(expected.routes):
            status = table.get_row_at(i)[0]
            assert colours[route.status.value] in str(status.style), route
        counts = {s: sum(r.status.value == s for r in expected.routes) for s in colours}
        summary = widget_text(app, screen.query_one("#audit-summary", Static))
        assert (
            f"{counts['protected']} protected, {counts['public']} public, "
            f"{counts['unprotected']} unprotected" in summary
        )
        assert f"{expected.files_scanned} files read" in summary
        shown = widget_text(app, table)
        unprotected = next(r for r in expected.routes if r.status.value == "unprotected")
        assert unprotected.path in shown


@pilot_test
async def test_public_patterns_make_a_route_public() -> None:
    app = make_app(audit_root=BA_NOTES)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot, public="/health, /session/stats")
        rows = {(r[1], r[2]): r[0] for r in _rows(screen)}
        assert rows[("GET", "/session/stats")] == "public"
        assert rows[("GET", "/notes/{note_id}")] == "protected"
        assert app.last_audit is not None
        assert "AUDIT-ROUTE-UNPROTECTED" not in {f.code for f in app.last_audit.findings}


@pilot_test
async def test_selecting_an_unprotected_route_shows_why_and_its_source() -> None:
    app = make_app(audit_root=BA_NOTES)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)
        assert app.last_audit is not None
        index = next(i for i, r in enumerate(app.last_audit.routes) if r.path == "/session/stats")
        table = screen.query_one("#audit-routes", DataTable)
        table.focus()
        for _ in range(index):
            await pilot.press("down")
        await pilot.pause()

        detail = _detail_text(screen)
        assert "GET /session/stats  unprotected" in detail
        assert "nothing checks a credential" in detail
        assert "AUDIT-ROUTE-UNPROTECTED" in detail and "--public '/session/stats'" in detail
        [marked] = [line for line in detail.splitlines() if "▶" in line]
        assert "15 │" in marked and '@router.get("/stats")' in marked


# --- findings and the code view -----------------------------------------------------------


@pilot_test
async def test_findings_are_worst_first_and_each_shows_its_line_redacted() -> None:
    app = make_app(audit_root=TODO_API)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)
        result = app.last_audit
        assert result is not None
        options = await _findings_tab(screen, pilot)

        ranks = [f.severity.rank for f in screen.findings]
        assert ranks == sorted(ranks) and ranks[0] == 0  # critical first
        assert sorted(screen.findings, key=lambda f: (f.path, f.line, f.code)) == sorted(
            result.findings, key=lambda f: (f.path, f.line, f.code)
        )
        assert options.option_count == len(result.findings)

        # Walk the whole list: each finding's own line is the highlighted one, and no
        # secret of the project ever reaches the screen (the whole pane, not only the
        # part scrolled into view).
        for index, finding in enumerate(screen.findings):
            if index:
                await pilot.press("down")
                await pilot.pause()
            assert options.highlighted == index
            detail = _detail_text(screen)
            assert f"{finding.code}" in detail and finding.location in detail
            [marked] = [line for line in detail.splitlines() if "▶" in line]
            assert re.search(rf"▶ +{finding.line} │", marked), (finding.location, marked)
            on_screen = screen_text(app)
            for secret in TODO_SECRETS:
                assert secret not in detail and secret not in on_screen, (finding.location, secret)


@pilot_test
async def test_hard_coded_secret_finding_shows_the_redacted_line_highlighted() -> None:
    app = make_app(audit_root=TODO_API)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)
        options = await _findings_tab(screen, pilot)
        target = next(
            i
            for i, f in enumerate(screen.findings)
            if (f.code, f.location) == ("AUDIT-SECRET-LITERAL", "app/config.py:8")
        )
        options.highlighted = target
        await _settle(app, pilot)

        shown = widget_text(app, screen.query_one("#audit-detail-scroll"))
        assert "AUDIT-SECRET-LITERAL" in shown and "Hard-coded secret" in shown
        [marked] = [line for line in shown.splitlines() if "▶" in line]
        assert "▶  8 │" in marked and "LEGACY_SECRET = " in marked and "<redacted" in marked
        # The neighbours are shown too, unmarked, with their own numbers.
        assert " 7 │ JWT_SECRET = os.getenv(" in shown and "13 │" in shown
        assert "Fix" in shown and 'os.environ["JWT_SECRET"]' in shown
        for secret in TODO_SECRETS:
            assert secret not in screen_text(app)


# --- errors, cancel, back -----------------------------------------------------------------


@pytest.mark.parametrize("folder", ["/no/such/folder", "README.md", "bad\0path"])
@pilot_test
async def test_a_bad_folder_is_one_line_in_the_screen(folder: str) -> None:
    calls: list[Path] = []

    def runner(root: Path, **kwargs: Any) -> AuditResult:
        calls.append(root)
        return AuditResult()

    app = make_app(audit_root=BA_NOTES, run_audit=runner)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _open(app, pilot)
        screen.query_one("#audit-root", Input).value = folder
        await pilot.click("#audit-run")
        await _settle(app, pilot)
        status = widget_text(app, screen.query_one("#audit-status", Static)).strip()
        assert "is not a folder" in status and "\n" not in status
        assert "Traceback" not in screen_text(app)
        assert calls == [] and app.last_audit is None
        assert app.screen is screen


@pilot_test
async def test_an_engine_error_is_one_line_not_a_crash() -> None:
    def runner(root: Path, **kwargs: Any) -> AuditResult:
        raise InputError("the project could not be read", "check the folder's permissions")

    app = make_app(audit_root=BA_NOTES, run_audit=runner)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)
        status = widget_text(app, screen.query_one("#audit-status", Static))
        assert "the project could not be read" in status
        assert app.last_audit is None and app.screen is screen


@pilot_test
async def test_progress_is_shown_escape_cancels_then_goes_back() -> None:
    started, release = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}

    def runner(root: Path, *, public: Any, progress: Any, now: Any) -> AuditResult:
        seen.update(root=root, public=public, now=now)
        progress(125)
        started.set()
        release.wait(10)
        progress(250)  # raises: the audit was cancelled
        return audit_project(root, now=now)

    app = make_app(audit_root=BA_NOTES, run_audit=runner)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _open(app, pilot)
        screen.query_one("#audit-public", Input).value = "/health, GET /posts/*"
        await pilot.press("enter")
        assert started.wait(10)
        await pilot.pause()
        await pilot.pause()
        status = screen.query_one("#audit-status", Static)
        assert "read 125 files…" in widget_text(app, status)
        assert seen == {"root": BA_NOTES, "public": ["/health", "GET /posts/*"], "now": BA_NOW}

        await pilot.press("escape")  # cancels, stays
        await pilot.pause()
        assert app.screen is screen
        assert "Cancelled" in widget_text(app, status)
        release.set()
        await _settle(app, pilot)
        assert app.last_audit is None and _rows(screen) == []
        assert "Cancelled" in widget_text(app, status)

        await pilot.press("escape")  # nothing runs: back to the token
        await pilot.pause()
        assert not isinstance(app.screen, AuditScreen)


@pilot_test
async def test_ctrl_e_exports_the_review_with_the_audit(tmp_path: Path) -> None:
    app = make_app(audit_root=TODO_API, report_dir=tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("ctrl+e")  # nothing audited yet: nothing written
        await pilot.pause()
        assert not isinstance(app.screen, SaveScreen) and list(tmp_path.iterdir()) == []
        assert "Run the audit first" in widget_text(app, screen.query_one("#audit-status"))

        await pilot.press("enter")
        await _settle(app, pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        await pilot.press("enter")
        await pilot.pause()
        [written] = tmp_path.iterdir()
        name, text = written.name, written.read_text()
        assert name.startswith("jwtscope-review-") and name.endswith(".md")
        assert "## Audit of the source" in text and "todo_api_buggy" in text
        assert "AUDIT-DECODE-NO-VERIFY" in text and "app/core/security.py:29" in text
        assert str(TODO_API) not in text  # the folder by its name, never its full path
        for secret in TODO_SECRETS:
            assert secret not in text


# --- the app around it ---------------------------------------------------------------------


@pilot_test
async def test_f8_is_blocked_in_a_dialog_and_offered_by_the_palette_and_help() -> None:
    app = make_app(audit_root=BA_NOTES)
    async with app.run_test(size=WIDE) as pilot:
        await started(pilot)
        await pilot.press("f2")
        await pilot.press("f8")  # ignored inside the keys dialog
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen) and len(app.screen_stack) == 2
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"audit")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        await pilot.press("f8")  # not stacked on itself
        await pilot.pause()
        assert len(app.screen_stack) == 2
    assert "**F8** Audit the project's source" in help_markdown()


@pilot_test
async def test_the_last_audit_is_kept_and_shown_again() -> None:
    app = make_app(audit_root=TODO_API)
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)
        rows = _rows(screen)
        await pilot.press("escape")
        await pilot.pause()
        again = await _open(app, pilot)
        assert again is not screen and _rows(again) == rows
        assert Path(again.query_one("#audit-root", Input).value) == TODO_API


def _demo_secrets() -> set[str]:
    """Every JWT signature, session token and secret value written in the demo project."""
    secrets = {"dev-only-secret-change-me-later", "better-auth-secret-123456789"}
    for path in DEMO_PROJECT.rglob("*"):
        if path.is_file():
            text = path.read_text(errors="replace")
            secrets |= {
                m.group(1) for m in re.finditer(r"eyJ[\w-]+\.eyJ[\w-]+\.([\w-]{20,})", text)
            }
            secrets |= set(re.findall(r"session_token=([A-Za-z0-9]{32})", text))
    return secrets


@pilot_test
async def test_the_demo_audits_its_own_sample_project() -> None:
    secrets = _demo_secrets()
    assert len(secrets) >= 4  # the demo's leaked tokens, session cookie and secrets
    app = JwtscopeApp(demo_config())
    async with app.run_test(size=WIDE) as pilot:
        screen = await _run(app, pilot)
        assert Path(screen.query_one("#audit-root", Input).value) == DEMO_PROJECT
        result = app.last_audit
        assert result is not None and Path(result.root) == DEMO_PROJECT.resolve()
        # The demo project holds the buggy Better Auth backend (same routes) and its
        # Next.js frontend (the issuer, and mistakes of its own).
        backend = audit_project(BA_NOTES, now=0)
        assert _rows(screen) == _expected_rows(result)
        assert [(r.method, r.path, r.status) for r in result.routes] == [
            (r.method, r.path, r.status) for r in backend.routes
        ]
        assert result.issuer is not None and result.issuer.jwt_plugin
        summary = widget_text(app, screen.query_one("#audit-summary", Static))
        assert "Better Auth web/lib/auth.ts" in summary and "/api/auth/jwks" in summary
        paths = {f.path.split("/")[0] for f in result.findings}
        assert paths == {"backend", "web"}

        # No finding shows a secret, a token's signature or a session token.
        options = await _findings_tab(screen, pilot)
        for index in range(options.option_count):
            options.highlighted = index
            await pilot.pause()
            shown = _detail_text(screen) + screen_text(app)
            leaked = [s for s in secrets if s in shown]
            assert not leaked, (screen.findings[index].location, len(leaked))


@pilot_test
async def test_f8_is_in_the_main_footer_at_80x24() -> None:
    app = make_app(audit_root=BA_NOTES)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)  # the footer lays out its keys after the first refresh
        footer = widget_text(app, app.query_one(Footer))
        assert "f8 Audit" in footer and "f7 Probe" in footer and "f4 Copy note" in footer


@pilot_test
async def test_usable_at_80x24() -> None:
    app = make_app(audit_root=TODO_API)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _run(app, pilot)
        whole = screen.region
        for selector in (
            "#audit-root",
            "#audit-public",
            "#audit-summary",
            "#audit-routes",
            "#audit-detail-scroll",
        ):
            region = screen.query_one(selector).region
            assert region.area > 0 and whole.contains_region(region), selector
        assert whole.contains_region(screen.query_one("#audit-run", Button).region)
        assert screen.query_one("#audit-routes").region.height >= 4
        assert screen.query_one("#audit-detail-scroll").region.height >= 6
        assert "esc Back" in widget_text(app, screen.query_one(Footer))
        assert "/api/v1/admin/users" in widget_text(app, screen.query_one("#audit-routes"))


# --- snapshot -------------------------------------------------------------------------------

#: A small project written by the snapshot test: the code view reads these lines.
SNAPSHOT_FILES = {
    "api/auth.py": """\"\"\"Who is calling.\"\"\"

import jwt

SECRET_KEY = "hunter2-but-much-longer-0123456789"


def current_user(token: str) -> dict:
    return jwt.decode(token, SECRET_KEY, algorithms=["HS256"])


def peek(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})
""",
    "api/main.py": """from fastapi import Depends, FastAPI

from api.auth import current_user

app = FastAPI()


@app.get("/health")
def health() -> dict:
    return {"ok": True}


@app.get("/notes")
def notes(user: dict = Depends(current_user)) -> list:
    return []


@app.get("/stats")
def stats() -> dict:
    return {"notes": 3}
""",
}


def _snapshot_result(root: Path) -> AuditResult:
    """A fixed result over :data:`SNAPSHOT_FILES`: the picture does not move when the
    audit engine learns new checks (the Pilot tests above cover the real engine)."""
    from jwtscope.audit import AuditFinding, IssuerInfo, Route, RouteStatus
    from jwtscope.core.findings import Severity

    def finding(code: str, severity: Severity, title: str, path: str, line: int, **kw: str):
        return AuditFinding(code, severity, title, kw["detail"], kw["fix"], path, line, kw["src"])

    return AuditResult(
        findings=(
            finding(
                "AUDIT-SECRET-LITERAL",
                Severity.ERROR,
                "Hard-coded secret",
                "api/auth.py",
                5,
                detail="A secret literal (34 chars, sha256 5a1f0c2e) is assigned to SECRET_KEY.",
                fix="Read it from the environment and fail when it is missing:\n"
                '    SECRET_KEY = os.environ["SECRET_KEY"]\n'
                "then rotate the value: it is in the repository's history.",
                src='SECRET_KEY = "<redacted: 34 chars, sha256 5a1f0c2e>"',
            ),
            finding(
                "AUDIT-DECODE-NO-VERIFY",
                Severity.CRITICAL,
                "Signature verification turned off",
                "api/auth.py",
                13,
                detail="jwt.decode in peek() skips the signature check: any forged token "
                "is accepted.",
                fix='payload = jwt.decode(\n    token,\n    os.environ["SECRET_KEY"],\n'
                '    algorithms=["HS256"],\n)',
                src='return jwt.decode(token, options={"verify_signature": False})',
            ),
            finding(
                "AUDIT-ROUTE-UNPROTECTED",
                Severity.WARNING,
                "Route without authentication",
                "api/main.py",
                18,
                detail="GET /stats has no dependency that checks a credential.",
                fix="Require the current user: add the parameter\n"
                "    user: dict = Depends(current_user)",
                src='@app.get("/stats")',
            ),
        ),
        routes=(
            Route("GET", "/health", RouteStatus.PUBLIC, "api/main.py", 8, "health", "/health"),
            Route(
                "GET",
                "/notes",
                RouteStatus.PROTECTED,
                "api/main.py",
                13,
                "notes",
                "current_user",
                "parameter user: current_user → jwt.decode",
            ),
            Route("GET", "/stats", RouteStatus.UNPROTECTED, "api/main.py", 18, "stats"),
        ),
        files_scanned=5,
        root=str(root.resolve()),
        kinds=(("python", 3), ("script", 1), ("env", 1)),
        issuer=IssuerInfo(
            "web/lib/auth.ts",
            6,
            jwt_plugin=True,
            algorithm="EdDSA",
            base_url="http://localhost:3000",
            jwks_url="http://localhost:3000/api/auth/jwks",
            audience="http://localhost:3000",
            issuer="http://localhost:3000",
        ),
    )


def test_audit_screen_snapshot(
    snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An audit with a critical finding selected (relative folder: no machine path shown)."""
    for rel, text in SNAPSHOT_FILES.items():
        (tmp_path / "notes_api" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "notes_api" / rel).write_text(text)
    monkeypatch.chdir(tmp_path)
    app = make_app(
        audit_root=Path("notes_api"),
        run_audit=lambda root, **kw: _snapshot_result(root),
    )
    selected: list[Any] = []

    async def audited(pilot: Pilot[None]) -> None:
        screen = await _run(app, pilot)
        for widget in screen.query(Input):
            widget.cursor_blink = False
        options = await _findings_tab(screen, pilot)
        selected.append(screen.findings[options.highlighted or 0])
        await _settle(app, pilot)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 34), run_before=audited)
    assert selected[0].code == "AUDIT-DECODE-NO-VERIFY"  # worst first: selected on arrival


def test_summary_names_the_better_auth_issuer(tmp_path: Path) -> None:
    from jwtscope.tui.widgets.audit_views import summary_view

    text = summary_view(_snapshot_result(tmp_path)).plain
    assert "5 files read (3 Python, 1 TS/JS, 1 .env)" in text
    assert "1 protected, 1 public, 1 unprotected" in text
    assert "1 critical, 1 error, 1 warning" in text
    assert "Better Auth web/lib/auth.ts:6 · jwt plugin yes · EdDSA" in text
    assert "JWKS http://localhost:3000/api/auth/jwks · aud http://localhost:3000" in text
