"""The TUI's verdict banner on real Better Auth output (tests/data/betterauth): a cookie
cache is named as such, and a kid missing from the JWKS reads "no key for this kid"."""

from __future__ import annotations

import pytest
from testdata import BETTERAUTH, ba_text
from tui_support import make_app, pilot_test, started, widget_text

from jwtscope.core.keys.keyset import load_key_file
from jwtscope.core.token.parsing import decode, normalize
from jwtscope.tui.widgets.verdict import VerdictBanner

SIZE = (120, 40)


def _iat(text: str) -> int:
    payload = decode(normalize(text).token).payload or {}
    return int(payload.get("iat") or payload["expiresAt"] // 1000 - 300)


@pytest.mark.parametrize("scenario", ["cache_compact", "cache_jwt_plugin"])
@pilot_test
async def test_banner_names_the_cookie_cache(scenario: str) -> None:
    text = ba_text(scenario, "session_data.txt")
    keys = load_key_file((BETTERAUTH / scenario / "jwks.json").read_bytes(), "jwks.json")
    app = make_app(text, now=_iat(text) + 60, keys=keys)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        shown = widget_text(app, app.query_one(VerdictBanner))
        assert "SESSION COOKIE CACHE, NOT AN ACCESS TOKEN" in shown
        assert "SIGNATURE VALID" not in shown


@pilot_test
async def test_banner_says_no_key_for_this_kid() -> None:
    text = ba_text("rotated_rs256", "token_kid_a.jwt")
    later = BETTERAUTH / "rotated_rs256" / "jwks_later.json"
    app = make_app(text, now=_iat(text) + 60, keys=load_key_file(later.read_bytes(), "later"))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        shown = widget_text(app, app.query_one(VerdictBanner))
        assert "NO KEY FOR THIS KID" in shown
        assert "INVALID" not in shown and "UNVERIFIED" not in shown
