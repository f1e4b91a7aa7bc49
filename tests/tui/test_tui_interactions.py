"""Pilot tests: drive the real app with keys, pastes and clicks, and check what it shows.

Each test runs the app headless at a fixed clock with an in-memory environment; the
JWKS tests fetch from a real loopback server (``jwks_server``).
"""

from __future__ import annotations

import json
import random
import string

import jwt
import pytest
from testdata import BETTERAUTH_EDDSA
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Button, Footer, Input, Static, TabbedContent
from tui_support import (
    STRONG_A,
    STRONG_B,
    betterauth_keys,
    env_with,
    hs256,
    listed_codes,
    make_app,
    pilot_test,
    real_fetcher,
    screen_text,
    started,
    widget_text,
)

from jwtscope.core.catalog import CODES
from jwtscope.demo import DEMO_TOKEN
from jwtscope.tui.app import JwtscopeApp
from jwtscope.tui.commands import COMMANDS, JwtscopeCommands
from jwtscope.tui.demo_config import demo_config
from jwtscope.tui.screens.help import HelpScreen
from jwtscope.tui.screens.keys import KeysScreen
from jwtscope.tui.screens.time_travel import TimeTravelScreen
from jwtscope.tui.widgets.decoded import JsonView
from jwtscope.tui.widgets.findings import FindingDetail, FindingsList
from jwtscope.tui.widgets.token_editor import TokenEditor
from jwtscope.tui.widgets.verdict import VerdictBanner

SIZE = (100, 32)
IDLE_TEXT = "Paste a token, an Authorization header or a cookie above."


def banner(app: JwtscopeApp) -> str:
    """The verdict banner as the user sees it."""
    return widget_text(app, app.query_one(VerdictBanner))


def codes(app: JwtscopeApp) -> tuple[str, ...]:
    """The current report's codes (empty when there is no report)."""
    return app.report.codes if app.report else ()


# --- pasting and typing -----------------------------------------------------------------


@pilot_test
async def test_paste_shows_the_findings(betterauth_token: str) -> None:
    app = make_app(keys=betterauth_keys())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        assert isinstance(app.focused, TokenEditor)
        # A terminal paste reaches the app, which forwards it to the focused widget.
        app.post_message(events.Paste(f"Authorization: Bearer {betterauth_token}"))
        await pilot.pause()

        assert app.query_one(TokenEditor).text == f"Authorization: Bearer {betterauth_token}"
        assert set(codes(app)) == {"SIG-VALID", "AUD-PRESENT", "INPUT-NORMALIZED"}
        assert listed_codes(app) == list(codes(app))
        assert "SIGNATURE VALID" in banner(app)
        assert "✂" in str(app.query_one("#steps", Static).render())


@pilot_test
async def test_insert_whole_token_then_typing_breaks_it_and_ctrl_l_clears(
    betterauth_token: str,
) -> None:
    app = make_app(keys=betterauth_keys())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        editor = app.query_one(TokenEditor)
        editor.insert(betterauth_token)
        await pilot.pause()
        assert codes(app) == ("AUD-PRESENT", "SIG-VALID")
        assert listed_codes(app) == ["AUD-PRESENT", "SIG-VALID"]

        # The cursor is after the signature: a fourth segment makes it malformed.
        await pilot.press(".", "x", "y")
        assert editor.text == betterauth_token + ".xy"
        assert "TOKEN-MALFORMED" in codes(app)
        assert "TOKEN-MALFORMED" in listed_codes(app)
        assert "MALFORMED" in banner(app)

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert editor.text == ""
        assert app.report is None
        assert listed_codes(app) == []
        assert IDLE_TEXT in banner(app)
        assert app.focused is editor


@pilot_test
async def test_typing_a_few_characters_is_analysed_on_each_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        assert IDLE_TEXT in banner(app)
        await pilot.press(*"undefined")
        assert codes(app) == ("TOKEN-JUNK",)
        assert "NOT A TOKEN" in banner(app)
        await pilot.press("backspace")  # "undefine" is no JavaScript artefact any more
        assert codes(app) == ("TOKEN-MALFORMED",)


_JWE = (
    "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ."
    "OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4q"
    "KAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76F"
    "dIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaB"
    "coh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg."
    "48V1_ALb6US04U3b."
    "5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A."
    "XFBoMYUZodetZdvTiFvSkQ"
)
_GARBAGE = "".join(random.Random(20).choice(string.printable) for _ in range(20_000))


_JUNK = [
    ("undefined", "undefined", "TOKEN-JUNK", "NOT A TOKEN"),
    ("object-object", "[object Object]", "TOKEN-JUNK", "NOT A TOKEN"),
    ("bearer-only", "Bearer ", "TOKEN-JUNK", "NOT A TOKEN"),
    ("jwe-5-parts", _JWE, "TOKEN-JWE", "ENCRYPTED (JWE)"),
    ("20kb-garbage", _GARBAGE, "TOKEN-MALFORMED", "MALFORMED"),
    ("controls", "\x00\x01\x1b[31mhello\x07\x7f\u202eevil", "TOKEN-MALFORMED", "MALFORMED"),
]


@pilot_test
async def test_junk_input_never_crashes_and_gets_the_right_headline() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        for name, text, code, headline in _JUNK:
            await pilot.press("ctrl+l")
            app.post_message(events.Paste(text))
            await pilot.pause()
            assert app.is_running, name
            assert app.query_one(TokenEditor).text == text, name
            assert code in codes(app), name
            assert code in listed_codes(app), name
            shown = banner(app)
            assert headline in shown, name
            assert "SIGNATURE" not in shown, name
            # Moving through the findings re-renders the detail pane; still no crash.
            app.query_one(FindingsList).focus()
            await pilot.press("down", "up")
            app.query_one(TokenEditor).focus()
            assert app.is_running, name


# --- key sources ------------------------------------------------------------------------


@pilot_test
async def test_secret_pasted_in_keys_dialog_turns_invalid_into_valid() -> None:
    app = make_app(hs256(STRONG_A), env=env_with(JWT_SECRET=STRONG_B))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        assert codes(app) == ("SIG-INVALID",)
        assert "SIGNATURE INVALID" in banner(app)

        await pilot.press("f2")
        assert isinstance(app.screen, KeysScreen)
        field = app.screen.query_one("#secret", Input)
        field.focus()
        app.post_message(events.Paste(STRONG_A))
        await pilot.pause()
        assert field.value == STRONG_A
        seen = [screen_text(app)]
        await pilot.press("enter")
        assert field.value == ""
        current = str(app.screen.query_one("#keys-current", Static).render())
        assert "pasted secret from keys dialog, 32 chars, sha256" in current
        seen.append(screen_text(app))

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, KeysScreen)
        assert codes(app) == ("SIG-VALID",)
        assert "SIGNATURE VALID" in banner(app)
        assert "pasted secret from keys dialog" in banner(app)
        seen.append(screen_text(app))

        # Every tab of the main screen, the keys dialog again, and the toasts.
        for tab in ("tab-claims", "tab-json", "tab-finding"):
            app.query_one(TabbedContent).active = tab
            await pilot.pause()
            seen.append(screen_text(app))
        await pilot.press("f2")
        seen.append(screen_text(app))
        seen += [n.message for n in app._notifications]  # toasts (no public accessor)
        for text in seen:
            assert STRONG_A not in text
            assert STRONG_A[:12] not in text
        assert any("•" * len(STRONG_A) in text for text in seen)  # typed as bullets


@pilot_test
async def test_apply_uses_a_typed_secret_without_enter() -> None:
    app = make_app(hs256(STRONG_A), env=env_with(JWT_SECRET=STRONG_B))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f2")
        app.screen.query_one("#secret", Input).focus()
        app.post_message(events.Paste(STRONG_A))
        await pilot.pause()
        assert app.screen.query_one("#secret", Input).value == STRONG_A
        await pilot.click("#apply")
        await pilot.pause()
        assert codes(app) == ("SIG-VALID",)


@pilot_test
async def test_jwks_url_from_a_real_server(betterauth_token: str, jwks_server: str) -> None:
    app = make_app(betterauth_token, fetch_jwks=real_fetcher())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        assert "SIG-UNVERIFIED" in codes(app)

        await pilot.press("f2")
        url = app.screen.query_one("#jwks-url", Input)
        url.focus()
        app.post_message(events.Paste(f"{jwks_server}/api/auth/jwks"))
        await pilot.pause()
        await pilot.click("#fetch")
        await app.workers.wait_for_complete()
        await pilot.pause()
        current = str(app.screen.query_one("#keys-current", Static).render())
        assert f"JWKS {jwks_server}/api/auth/jwks" in current
        assert "TcXl9gojN3A0ePCByybDYqICGSAtgcuD" in current
        assert str(app.screen.query_one("#keys-error", Static).render()) == ""
        assert not app.screen.query_one("#fetching").display

        await pilot.click("#apply")
        await pilot.pause()
        assert not isinstance(app.screen, KeysScreen)
        assert codes(app) == ("AUD-PRESENT", "SIG-VALID")
        assert "SIGNATURE VALID" in banner(app)
        assert "EdDSA" in banner(app)


@pilot_test
async def test_jwks_url_that_serves_html_shows_an_inline_error(
    betterauth_token: str, jwks_server: str
) -> None:
    app = make_app(betterauth_token, fetch_jwks=real_fetcher())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        before = codes(app)
        await pilot.press("f2")
        url = app.screen.query_one("#jwks-url", Input)
        url.value = f"{jwks_server}/html"
        url.focus()
        await pilot.press("enter")  # Enter in the URL field fetches too
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert app.is_running
        assert isinstance(app.screen, KeysScreen)
        error = widget_text(app, app.screen.query_one("#keys-error", Static))
        assert "HTML" in error
        assert "login page" in error
        assert not app.screen.query_one("#fetching").display
        assert "• nothing yet" in str(app.screen.query_one("#keys-current", Static).render())

        await pilot.press("escape")
        assert not isinstance(app.screen, KeysScreen)
        assert codes(app) == before


# --- time travel ------------------------------------------------------------------------


@pilot_test
async def test_time_travel_to_after_expiry_and_back(betterauth_token: str) -> None:
    app = make_app(betterauth_token, keys=betterauth_keys())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        assert "EXP-PAST" not in codes(app)
        assert "as of now" in banner(app)

        await pilot.press("f3")
        assert isinstance(app.screen, TimeTravelScreen)
        assert isinstance(app.focused, Input) and app.focused.id == "at"
        await pilot.press(*"2026-11-25T01:00:00Z", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, TimeTravelScreen)
        assert "EXP-PAST" in codes(app)
        assert "EXP-PAST" in listed_codes(app)
        shown = banner(app)
        assert "NOT NOW" in shown
        assert "AS OF 2026-11-25T01:00:00Z" in shown

        await pilot.press("f3")
        # The dialog remembers the instant; "Back to now" forgets it.
        assert app.screen.query_one("#at", Input).value == "2026-11-25T01:00:00Z"
        await pilot.click("#now")
        await pilot.pause()
        assert "EXP-PAST" not in codes(app)
        assert "NOT NOW" not in banner(app)
        assert "as of now" in banner(app)


@pilot_test
async def test_time_travel_rejects_nonsense_inline(betterauth_token: str) -> None:
    app = make_app(betterauth_token, keys=betterauth_keys())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f3")
        app.post_message(events.Paste("yesterday-ish"))
        await pilot.press("enter")
        assert isinstance(app.screen, TimeTravelScreen)
        assert widget_text(app, app.screen.query_one("#time-error", Static)).strip()
        await pilot.press("escape")
        assert app.at is None
        assert "as of now" in banner(app)


# --- help and command palette -----------------------------------------------------------


@pilot_test
async def test_f1_help_lists_every_finding_code_and_escape_closes_it() -> None:
    app = make_app()
    # Tall enough for the whole help text, so "listed" means "on the screen".
    async with app.run_test(size=(100, 420)) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        assert "jwtscope help" in shown
        assert "Ctrl+L" in shown
        missing = [code for code in CODES if code not in shown]
        assert missing == []
        assert len(CODES) > 20

        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        assert isinstance(app.focused, TokenEditor)


def test_f1_help_has_every_code_of_jwtscope_codes() -> None:
    """Every code `jwtscope codes` lists (token findings, replay causes, audit, HAR and
    probe codes) has its entry in F1 help: a new family or code left out fails here."""
    from jwtscope.services.code_reference import all_codes
    from jwtscope.tui.screens.help import help_markdown

    text = help_markdown()
    entries = all_codes()
    missing = [e.code for e in entries if f"### `{e.code}`" not in text]
    assert missing == []
    assert {e.kind for e in entries} >= {"finding", "cause", "audit", "har", "probe"}


@pilot_test
async def test_palette_search_runs_time_travel() -> None:
    app = make_app(hs256(STRONG_A), env=env_with(JWT_SECRET=STRONG_A))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"time")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Time travel: evaluate as of another time" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimeTravelScreen)


@pilot_test
async def test_palette_provider_offers_every_jwtscope_command() -> None:
    app = make_app(DEMO_TOKEN, env=env_with(JWT_SECRET="your-256-bit-secret"))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        palette = app.screen.query_one(CommandList)
        listed = [
            str(palette.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(palette.option_count)
        ]
        provider = JwtscopeCommands(app.screen)
        titles = [str(hit.display) async for hit in provider.discover()]
        assert titles == [title for title, _, _ in COMMANDS]
        for title in titles:
            assert title in listed, title

        hits = [hit async for hit in provider.search("help codes")]
        assert str(hits[0].text) == "Help: finding codes and keys"
        await pilot.press("escape")
        await hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


@pilot_test
async def test_f5_copy_payload_is_listed_by_help_and_palette() -> None:
    # The footer has no room for F5 at 80 columns: F1 and the palette name it.
    app = make_app()
    async with app.run_test(size=(100, 320)) as pilot:
        await started(pilot)
        await pilot.press("f1")
        assert "F5 Copy the decoded payload" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"payload")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Copy decoded payload" in screen_text(app)


# --- copy -------------------------------------------------------------------------------


@pilot_test
async def test_f4_copies_a_redacted_note_and_f5_the_payload(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = JwtscopeApp(demo_config())
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        report = app.report
        assert report is not None
        await pilot.press("f4")
        await pilot.press("f5")
        assert len(copied) == 2
        note, payload = copied

        signature = DEMO_TOKEN.split(".")[2]
        assert "**Subject (sub):** `42`" in note
        assert "**Issuer (iss):** `http://localhost:3000`" in note
        assert "**Signature:** VALID (HS256)" in note
        for code in report.codes:
            assert f"**{code}**" in note
        assert signature not in note
        assert signature[:10] not in note
        assert DEMO_TOKEN not in note
        assert "<signature removed>" in note
        assert "d***@example.com" in note
        assert "dana@example.com" not in note
        assert "Dana Demo" not in note

        assert json.loads(payload) == report.token.payload
        assert json.loads(payload)["email"] == "dana@example.com"


@pilot_test
async def test_copy_without_a_token_copies_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f4", "f5")
        await pilot.pause()
        assert copied == []
        messages = [n.message for n in app._notifications]
        assert "Paste a token first." in messages


# --- small terminals --------------------------------------------------------------------


@pilot_test
async def test_usable_at_80x24(betterauth_token: str) -> None:
    app = make_app(betterauth_token, keys=betterauth_keys())
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)  # the footer lays out its keys after the first refresh
        screen = app.screen.region
        for widget in (
            app.query_one(TokenEditor),
            app.query_one(VerdictBanner),
            app.query_one(FindingsList),
            app.query_one(Footer),
        ):
            region = widget.region
            assert region.area > 0, widget
            assert screen.contains_region(region), widget
        assert app.query_one(FindingsList).region.height >= 5
        assert "SIGNATURE VALID" in banner(app)
        assert "expires in 14 min" in banner(app)
        shown = widget_text(app, app.query_one(FindingsList))
        assert "AUD-PRESENT" in shown and "SIG-VALID" in shown
        assert "f2 Keys" in widget_text(app, app.query_one(Footer))

        # The dialogs' buttons stay on screen too.
        for key, buttons in (("f2", ("#apply", "#cancel")), ("f3", ("#apply", "#now"))):
            await pilot.press(key)
            for selector in buttons:
                region = app.screen.query_one(selector, Button).region
                assert region.area > 0 and screen.contains_region(region), (key, selector)
            await pilot.press("escape")


@pilot_test
async def test_decoded_token_at_first_sight_at_80x24() -> None:
    app = JwtscopeApp(demo_config())
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        shown = screen_text(app)
        assert '"alg": "HS256"' in shown  # the header
        assert '"sub": 42' in shown  # the payload
        assert "SIGNATURE VALID" in banner(app)  # beside the verdict…
        assert "SECRET-COMMON" in widget_text(app, app.query_one(FindingsList))  # …and findings
        assert app.query_one("#tabs", TabbedContent).active == "tab-json"


@pilot_test
async def test_demo_time_is_labelled_and_time_claims_are_annotated_inline() -> None:
    app = JwtscopeApp(demo_config())
    async with app.run_test(size=(100, 32)) as pilot:
        await started(pilot)
        assert "DEMO TIME, 2026-11-24T23:40:00Z — NOT NOW" in banner(app)
        shown = screen_text(app)
        # Each time claim in words beside its value; the shorter note where the pane is
        # too narrow for both (a note never wraps under the JSON).
        assert '"exp": 1798152000  // in 30 d (2026-12-24T22:40:00Z)' in shown
        assert '"iat": 1795560000,  // 60 min ago ' in shown
        assert "(2026-11-24T22:40:00Z)" not in shown

        await pilot.press("f3")
        await pilot.click("#now")  # the real now: the demo's instant is no longer "demo time"
        await pilot.pause()
        assert "DEMO TIME" not in banner(app)
        assert "as of now" in banner(app)
        assert "// 60 min ago" not in screen_text(app)  # relative to the real now

    app = JwtscopeApp(demo_config())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        assert '"iat": 1795560000,  // 60 min ago (2026-11-24T22:40:00Z)' in screen_text(app)


@pilot_test
async def test_typing_inside_the_payload_dims_the_last_decoded_payload_until_it_decodes() -> None:
    app = JwtscopeApp(demo_config())
    async with app.run_test(size=(100, 32)) as pilot:
        await started(pilot)
        editor, view = app.query_one(TokenEditor), app.query_one(JsonView)
        header_end = editor.text.index(".")
        editor.move_cursor((0, header_end + 5))  # inside the payload
        await pilot.press("x")  # every later byte shifts: the payload no longer decodes
        assert "TOKEN-MALFORMED" in codes(app) and "MALFORMED" in banner(app)
        assert view.stale
        shown = screen_text(app)
        assert "Payload  ⚠ stale: does not decode now" in shown
        assert '"sub": 42' in shown  # the last decoded payload, still there to read

        await pilot.press("backspace")
        assert "SIGNATURE VALID" in banner(app)
        assert not view.stale
        assert "does not decode now" not in screen_text(app)

        editor.move_cursor((0, 3))  # inside the header: nothing decodes, nothing stale
        await pilot.press("x")
        assert not view.stale
        assert "Nothing decoded" in view.plain


@pytest.mark.parametrize("how", ["enter", "click"])
@pilot_test
async def test_enter_or_click_on_a_finding_opens_its_detail(how: str) -> None:
    app = JwtscopeApp(demo_config())
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert app.report is not None
        second = app.report.findings[1]
        if how == "enter":
            app.query_one(FindingsList).focus()
            await pilot.press("down", "enter")
        else:
            await pilot.click(FindingsList, offset=(4, 2))  # the second row (border above)
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "tab-finding"
        detail = widget_text(app, app.query_one(FindingDetail))
        assert second.code in detail


@pilot_test
async def test_claims_table_shows_every_meaning_at_120x40() -> None:
    from jwtscope.tui.widgets.decoded import CLAIM_MEANINGS, ClaimsTable

    app = JwtscopeApp(demo_config())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        app.query_one("#tabs", TabbedContent).active = "tab-claims"
        await pilot.pause()
        await pilot.pause()
        assert app.report is not None and app.report.token.payload is not None
        words = widget_text(app, app.query_one(ClaimsTable)).split()
        for claim in app.report.token.payload:
            for word in CLAIM_MEANINGS[claim].split():
                assert word in words, (claim, word)


# --- bindings while a dialog is open (regressions) ---


@pilot_test
async def test_ctrl_l_in_a_dialog_leaves_the_token_alone(betterauth_token: str) -> None:
    app = make_app(betterauth_token, keys=betterauth_keys())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f2")
        app.screen.query_one("#secret-env", Input).focus()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.query_one(TokenEditor).text == betterauth_token
        assert app.report is not None


@pytest.mark.parametrize("key", ["ctrl+o", "ctrl+t"])
@pilot_test
async def test_dialog_shortcuts_do_not_stack_dialogs(key: str) -> None:
    app = make_app(hs256(STRONG_A), env=env_with(JWT_SECRET=STRONG_A))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f2")
        await pilot.press("f3")  # ignored inside the dialog, as it should be
        assert len(app.screen_stack) == 2
        await pilot.press(key)
        await pilot.pause()
        assert len(app.screen_stack) == 2


@pilot_test
async def test_forget_pasted_keys_keeps_the_command_line_keys(betterauth_token: str) -> None:
    app = make_app(betterauth_token, keys=betterauth_keys())
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # the first analysis follows the first frame
        await pilot.press("f2")
        await pilot.click("#forget")
        await pilot.click("#apply")
        await pilot.pause()
        assert "SIG-VALID" in codes(app)


# --- the detail pane -------------------------------------------------------------------

_MARKUP_KID = "../<b>keys</b>/**x**/[c](https://evil.example)"


@pytest.mark.parametrize("case", ["kid-from-token", "session-token-detail"])
@pilot_test
async def test_detail_pane_shows_text_literally(case: str, betterauth_secret: str) -> None:
    if case == "kid-from-token":
        token = jwt.encode({"sub": "u"}, STRONG_A, algorithm="HS256", headers={"kid": _MARKUP_KID})
        app = make_app(token, env=env_with(JWT_SECRET=STRONG_A))
        expected = ["<b>keys</b>", "**x**", "[c](https://evil.example)"]
    else:
        token = (BETTERAUTH_EDDSA / "set_auth_token.txt").read_text().strip()
        app = make_app(token, env=env_with(BETTER_AUTH_SECRET=betterauth_secret))
        expected = ["<base64"]
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        assert app.report is not None
        # The worst finding is selected first: HEADER-KEY-REF / BA-SESSION-TOKEN.
        assert app.report.codes[0] in {"HEADER-KEY-REF", "BA-SESSION-TOKEN"}
        app.query_one(FindingsList).focus()
        await pilot.press("enter")  # the Decoded tab is first: Enter opens the detail
        await pilot.pause()
        shown = widget_text(app, app.query_one(FindingDetail))
        assert app.report.codes[0] in shown
        for text in expected:
            assert text in shown
