"""The CLI and the TUI assemble a replay the same way: one pasted curl, one real backend,
the same requests sent (the CORS origin taken from the curl's ``Referer``) and the same
causes named. Both go through :mod:`jwtscope.services.inputs`."""

from __future__ import annotations

import json
import time

import pytest
from servers.replay_backends import hs256_ok
from servers.replay_clock import serve_backend
from testdata import BETTERAUTH_EDDSA
from textual.widgets import Input
from tui_support import env_with, hs256, make_app, pilot_test, started

from jwtscope.cli import main
from jwtscope.core.diagnosis.replay_text import replay_to_dict
from jwtscope.tui.screens.replay import ReplayScreen

SECRET = (BETTERAUTH_EDDSA / "secret.txt").read_text().strip()


@pytest.fixture(scope="module")
def backend():
    # Real time on both sides: the CLI mints its variants with the real clock.
    with serve_backend(hs256_ok(SECRET, time.time)) as base:
        yield base


def _curl(base: str) -> str:
    # Signed with the backend's secret but carrying an `aud` the backend does not pass to
    # PyJWT: refused, so the replay bisects (round 2) as well as sending round 1.
    token = hs256(SECRET, iat=int(time.time()), lifetime=900, aud="http://localhost:3000")
    return (
        f"curl '{base}/todos' -H 'Authorization: Bearer {token}' "
        "-H 'Referer: http://localhost:3000/notes/1'"
    )


def _shape(replay: dict) -> tuple[list[tuple], list[str]]:
    """What must agree: each request sent (key, method, URL, status) and the causes."""
    sent = [(r["key"], r["method"], r["url"], r["status"]) for r in replay["requests"]]
    return sent, [c["code"] for c in replay["causes"]]


@pilot_test
async def test_cli_and_tui_send_the_same_replay_for_the_same_curl(backend, monkeypatch, capsys):
    curl = _curl(backend)
    monkeypatch.setenv("BETTER_AUTH_SECRET", SECRET)
    assert main(["replay", "--curl", curl, "--json", "--no-dotenv"]) == 1
    from_cli = json.loads(capsys.readouterr().out)

    app = make_app("", env=env_with(BETTER_AUTH_SECRET=SECRET), clock=time.time)
    async with app.run_test(size=(110, 36)) as pilot:
        await started(pilot)
        await pilot.press("f6")
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        screen.query_one("#url", Input).value = curl
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        outcome = screen.outcome
        assert outcome is not None
        from_tui = replay_to_dict(
            outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis, 1
        )

    assert _shape(from_cli) == _shape(from_tui)
    keys = [r["key"] for r in from_cli["requests"]]
    assert "preflight" in keys  # the origin came from the Referer in both
    assert len(keys) > 3  # round 2 (the minted variants) was sent too
    assert from_cli["causes"][0]["code"] == "CAUSE-AUDIENCE"
