"""80x24: the audit's route table has the room for its routes, and fix code folds where a
reader would break it (never in the middle of a URL)."""

from __future__ import annotations

from textual.widgets import DataTable
from tui_support import make_app, pilot_test, started, widget_text

from jwtscope.demo import DEMO_PROJECT
from jwtscope.tui.screens.audit import AuditScreen
from jwtscope.tui.widgets.findings import fold_code_line

JWKS_LINE = 'jwks = jwt.PyJWKClient("http://localhost:3000/api/auth/jwks")'


@pilot_test
async def test_at_80x24_the_audit_shows_every_route_of_the_demo_project() -> None:
    app = make_app(audit_root=DEMO_PROJECT)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("f8")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuditScreen) and screen.result is not None
        routes = screen.result.routes
        assert len(routes) >= 5
        table = widget_text(app, screen.query_one("#audit-routes", DataTable))
        for route in routes:
            assert route.path in table, (route.path, table)


def test_fix_code_breaks_after_a_bracket_before_it_cuts_a_url() -> None:
    assert fold_code_line(JWKS_LINE, 80) == [JWKS_LINE]
    assert fold_code_line(JWKS_LINE, 44) == [
        "jwks = jwt.PyJWKClient(",
        '    "http://localhost:3000/api/auth/jwks")',
    ]
    narrow = fold_code_line(JWKS_LINE, 30)  # a URL longer than the pane: after a path's /
    assert narrow[1] == '    "http://localhost:3000/' and "://" in narrow[1]
    assert all(len(piece) <= 30 for piece in narrow)
    assert fold_code_line('    audience="http://localhost:3000",', 20) == [
        "    audience=",
        '        "http://localhost:3000",',  # no break point left: whole, for the wrapper
    ]
