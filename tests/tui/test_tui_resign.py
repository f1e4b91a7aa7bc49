"""Ctrl+R, edit and re-sign: the token signed here verifies with the key chosen, carries the
edit, is labelled as not the pasted one, copies whole, and no secret reaches the screen."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from textual.widgets import Button, Input, Select, Static, TextArea
from tui_support import STRONG_A, STRONG_B, env_with, hs256, make_app, pilot_test, screen_text

from jwtscope.tui.clipboard import ClipboardSystem
from jwtscope.tui.screens.resign import RESULT_TITLE, ResignScreen

TOKEN = hs256(STRONG_A, role="user")
#: The signature is what is checked; exp is the token's own (the test clock is fixed).
NO_CLOCK = {"verify_exp": False, "verify_iat": False}


class Recorder:
    """A machine with xclip on the PATH that records what it was asked to copy."""

    def __init__(self) -> None:
        self.copied: list[str] = []

    def run(self, command: Sequence[str], text: str) -> str:
        self.copied.append(text)
        return ""

    def system(self) -> ClipboardSystem:
        return ClipboardSystem(
            env={"DISPLAY": ":0", "TERM": "xterm"},
            platform="linux",
            which=lambda name: f"/usr/bin/{name}" if name == "xclip" else None,
            run=self.run,
        )


async def _open(pilot) -> ResignScreen:  # type: ignore[no-untyped-def]
    from tui_support import started

    await started(pilot)
    await pilot.press("ctrl+r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ResignScreen)
    return screen


def _edit_payload(screen: ResignScreen, change: dict[str, object]) -> None:
    area = screen.query_one("#resign-payload", TextArea)
    payload = json.loads(area.text)
    payload.update(change)
    area.load_text(json.dumps(payload))


async def _sign(pilot, screen: ResignScreen) -> None:  # type: ignore[no-untyped-def]
    screen.query_one("#resign-sign", Button).press()
    await pilot.pause()


@pilot_test
async def test_edit_and_sign_with_the_env_secret() -> None:
    recorder = Recorder()
    app = make_app(TOKEN, env=env_with(JWT_SECRET=STRONG_A), clipboard=recorder.system())
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot)
        assert str(screen.query_one("#resign-key", Select).value) == "env:JWT_SECRET from ./.env"
        _edit_payload(screen, {"role": "admin"})
        await _sign(pilot, screen)
        assert screen.signed is not None
        token = screen.signed.token
        claims = jwt.decode(token, STRONG_A, algorithms=["HS256"], options=NO_CLOCK)
        assert claims["role"] == "admin" and claims["sub"] == "user-1"
        text = screen_text(app)
        assert RESULT_TITLE in text
        assert STRONG_A not in text
        assert app.main_token == TOKEN  # the pasted token is not replaced
        screen.query_one("#resign-copy", Button).press()
        await pilot.pause()
        screen.query_one("#resign-curl", Button).press()
        await pilot.pause()
        assert recorder.copied == [token, f"Authorization: Bearer {token}"]
        assert app.last_copy is not None and app.last_copy.confirmed


@pilot_test
async def test_a_pasted_secret_signs_and_is_never_shown() -> None:
    app = make_app(TOKEN)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot)
        screen.query_one("#resign-key", Select).value = "pasted"
        screen.query_one("#resign-secret", Input).value = STRONG_B
        await _sign(pilot, screen)
        assert screen.signed is not None
        claims = jwt.decode(screen.signed.token, STRONG_B, algorithms=["HS256"], options=NO_CLOCK)
        assert claims["role"] == "user"
        assert STRONG_B not in screen_text(app)


@pilot_test
async def test_a_private_ed25519_pem_signs_eddsa(tmp_path: Path) -> None:
    private = Ed25519PrivateKey.generate()
    pem = tmp_path / "ed.pem"
    pem.write_bytes(
        private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    app = make_app(TOKEN)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot)
        screen.query_one("#resign-key", Select).value = "file"
        screen.query_one("#resign-path", Input).value = str(pem)
        _edit_payload(screen, {"scope": "write"})
        await _sign(pilot, screen)
        assert screen.signed is not None and screen.signed.alg == "EdDSA"
        claims = jwt.decode(
            screen.signed.token, private.public_key(), algorithms=["EdDSA"], options=NO_CLOCK
        )
        assert claims["scope"] == "write"
        assert "the token had HS256" in screen_text(app)


@pilot_test
async def test_bad_json_is_one_line_and_keeps_the_edit() -> None:
    app = make_app(TOKEN, env=env_with(JWT_SECRET=STRONG_A))
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot)
        area = screen.query_one("#resign-payload", TextArea)
        area.load_text('{"sub": "user-1",')
        await _sign(pilot, screen)
        error = str(screen.query_one("#resign-error", Static).render())
        assert "the payload is not valid JSON" in error and "\n" not in error.strip()
        assert area.text == '{"sub": "user-1",'
        assert screen.signed is None


@pilot_test
async def test_a_public_key_file_is_refused_inline(tmp_path: Path) -> None:
    public = tmp_path / "pub.pem"
    public.write_bytes(
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    app = make_app(TOKEN)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot)
        screen.query_one("#resign-key", Select).value = "file"
        screen.query_one("#resign-path", Input).value = str(public)
        await _sign(pilot, screen)
        assert "is not a private key" in str(screen.query_one("#resign-error", Static).render())
        assert screen.signed is None


@pilot_test
async def test_inspect_loads_the_signed_token_with_a_label() -> None:
    app = make_app(TOKEN, env=env_with(JWT_SECRET=STRONG_A))
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await _open(pilot)
        _edit_payload(screen, {"role": "admin"})
        await _sign(pilot, screen)
        assert screen.signed is not None
        signed = screen.signed.token
        screen.query_one("#resign-inspect", Button).press()
        await pilot.pause()
        assert not isinstance(app.screen, ResignScreen)
        assert app.main_token == signed != TOKEN
        messages = [n.message for n in app._notifications]  # toasts (no public accessor)
        assert any("SIGNED HERE BY jwtscope, not the one you pasted" in m for m in messages)
