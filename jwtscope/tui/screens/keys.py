"""The keys dialog: env variable, .env files, a pasted secret, a key file, a JWKS URL.

Secrets are kept in memory only and shown as fingerprints. A JWKS URL is fetched in a
worker through the fetcher the app was given (the UI never imports httpx); the keys or
the error come back as a message and show inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, LoadingIndicator, SelectionList, Static

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet, Secret, decode_secret, load_jwks, load_key_file
from jwtscope.errors import JwtscopeError
from jwtscope.tui import bindings
from jwtscope.tui.config import EnvChoice, JwksFetcher
from jwtscope.tui.screens.base import JwtscopeModalScreen

__all__ = ["KeysChange", "KeysScreen"]


@dataclass(frozen=True)
class KeysChange:
    """What the dialog hands back: the new environment choice and explicit keys."""

    choice: EnvChoice
    env: Environment
    explicit: KeySet


class KeysScreen(JwtscopeModalScreen[KeysChange | None]):
    """Choose where keys come from."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.KEYS]
    STATUS_ID = "keys-error"

    class JwksFetched(Message):
        """The JWKS URL was fetched: its keys, or a one-line error (``keys`` is then None)."""

        def __init__(self, keys: KeySet | None, error: str = "") -> None:
            super().__init__()
            self.keys = keys
            self.error = error

    def __init__(self, choice: EnvChoice, explicit: KeySet, env: Environment) -> None:
        super().__init__()
        self.choice = choice
        self.explicit = explicit
        self.env = env

    def compose(self) -> ComposeResult:
        files = list(dict.fromkeys([*self.app.config.list_env_files(), *self.choice.env_files]))
        selected = set(self.choice.env_files) | (
            set(self.app.config.list_env_files()) if self.choice.discover else set()
        )
        with Vertical(id="keys-dialog"):
            yield Static(
                "Key sources — Enter adds a field · Ctrl+S applies · Esc cancels",
                classes="dialog-title",
            )
            with VerticalScroll(id="keys-body"):
                yield Static("In use (fingerprints only):")
                yield Static(self._describe(), id="keys-current")
                yield Static("Paste a secret (hidden, kept in memory only; Enter adds it)")
                yield Input(password=True, placeholder="secret value", id="secret", compact=True)
                yield Static(
                    "Secret variable name (empty: BETTER_AUTH_SECRET, AUTH_SECRET, JWT_SECRET, …)"
                )
                yield Input(
                    self.choice.secret_env or "",
                    placeholder="e.g. MY_JWT_KEY",
                    id="secret-env",
                    compact=True,
                )
                yield Static(".env files to read")
                yield SelectionList[str](
                    *[(f, f, f in selected) for f in files], id="env-files", compact=True
                )
                yield Static("PEM / JWK / JWKS file")
                with Horizontal(classes="row"):
                    yield Input(placeholder="path/to/key.pem", id="key-file", compact=True)
                    yield Button("Load", id="load-file", compact=True)
                yield Static("JWKS URL")
                with Horizontal(classes="row"):
                    yield Input(
                        placeholder="http://localhost:3000/api/auth/jwks",
                        id="jwks-url",
                        compact=True,
                    )
                    yield Button("Fetch", id="fetch", variant="primary", compact=True)
                yield LoadingIndicator(id="fetching")
                yield Static("", id="keys-error")
            with Horizontal(classes="buttons"):
                yield Button("Apply", id="apply", variant="success", compact=True)
                yield Button("Forget keys added here", id="forget", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#fetching").display = False
        self.query_one("#secret", Input).focus()

    def _describe(self) -> str:
        lines = [s.describe() for s in self.explicit.secrets if not s.variant]
        lines += [k.describe() + f", {k.fingerprint}" for k in self.explicit.public_keys]
        lines += [s.describe() + " (environment)" for s in self.env.secrets() if not s.variant]
        return "\n".join(f"• {line}" for line in lines) or "• nothing yet"

    def _refresh(self) -> None:
        self.query_one("#keys-current", Static).update(self._describe())

    def _choice(self) -> EnvChoice:
        offered = list(self.app.config.list_env_files())
        picked = tuple(self.query_one("#env-files", SelectionList).selected)
        name = self.query_one("#secret-env", Input).value.strip() or None
        discover = bool(offered) and all(f in picked for f in offered)
        explicit_files = tuple(f for f in picked if not discover or f not in offered)
        return EnvChoice(name, explicit_files, discover, self.choice.encoding)

    @on(Input.Submitted, "#secret")
    def _add_secret(self) -> bool:
        """Add the typed secret; False when it cannot be used (the error is shown)."""
        field = self.query_one("#secret", Input)
        text = field.value
        if not text:
            return True
        try:
            value = decode_secret(text, self.choice.encoding)
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return False
        secret = Secret("pasted secret", "keys dialog", text, value)
        self.explicit = KeySet((secret,)).merged(self.explicit)
        field.value = ""
        self._status("")
        self._refresh()
        return True

    @on(Button.Pressed, "#load-file")
    @on(Input.Submitted, "#key-file")
    def _load_file(self) -> bool:
        """Load the key file named; False when it cannot be used (the error is shown)."""
        field = self.query_one("#key-file", Input)
        path = field.value.strip()
        reader = self.app.config.read_file
        if not path or reader is None:
            return True
        try:
            self.explicit = self.explicit.merged(load_key_file(reader(path), f"key {path}"))
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return False
        field.value = ""
        self._status("")
        self._refresh()
        return True

    @on(Button.Pressed, "#fetch")
    @on(Input.Submitted, "#jwks-url")
    def _fetch(self) -> None:
        url = self.query_one("#jwks-url", Input).value.strip()
        if not url:
            return
        fetcher = self.app.config.fetch_jwks
        if fetcher is None:
            self._status("Fetching JWKS URLs is disabled here.")
            return
        self._status("")
        self.query_one("#fetching").display = True
        self._fetch_worker(fetcher, url)

    @work(thread=True, exclusive=True, group="jwks")
    def _fetch_worker(self, fetcher: JwksFetcher, url: str) -> None:
        """Fetch and load the JWKS; post its keys or the error."""
        try:
            final_url, document = fetcher(url)
            fetched = self.JwksFetched(load_jwks(document, f"JWKS {final_url}"))
        except JwtscopeError as exc:
            fetched = self.JwksFetched(None, exc.one_line())
        self.post_message(fetched)

    def on_keys_screen_jwks_fetched(self, event: JwksFetched) -> None:
        """Add the fetched keys (or show why there are none)."""
        self.query_one("#fetching").display = False
        if event.keys is None:
            self._status(event.error)
            return
        self.query_one("#jwks-url", Input).value = ""
        self.explicit = self.explicit.merged(event.keys)
        self._refresh()

    @on(Button.Pressed, "#forget")
    def _forget(self) -> None:
        """Back to the keys given on the command line."""
        self.explicit = self.app.config.explicit_keys
        self._refresh()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        """Load the chosen environment and hand everything back."""
        if not (self._add_secret() and self._load_file()):
            return
        if self.query_one("#jwks-url", Input).value.strip():
            self._status("The JWKS URL is not fetched yet: press Fetch (or Enter), then Apply.")
            return
        choice = self._choice()
        try:
            env = self.app.config.load_env(choice)
            env.secrets()
        except JwtscopeError as exc:
            self._status(exc.one_line())
            return
        self.dismiss(KeysChange(choice, env, self.explicit))

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
