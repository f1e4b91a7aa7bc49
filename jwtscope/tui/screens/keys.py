"""The keys dialog: env variable, .env files, a pasted secret, a key file, a JWKS URL.

Secrets are kept in memory only and shown as fingerprints. A JWKS URL is fetched in a
worker through the fetcher the app was given (the UI never imports httpx), with the
progress and any error shown inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, LoadingIndicator, SelectionList, Static

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet, Secret, decode_secret, load_jwks, load_key_file
from jwtscope.errors import JwtscopeError
from jwtscope.tui.config import EnvChoice

if TYPE_CHECKING:
    from jwtscope.tui.app import JwtscopeApp

__all__ = ["KeysChange", "KeysScreen"]


@dataclass(frozen=True)
class KeysChange:
    """What the dialog hands back: the new environment choice and explicit keys."""

    choice: EnvChoice
    env: Environment
    explicit: KeySet


class KeysScreen(ModalScreen[KeysChange | None]):
    """Choose where keys come from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="keys_cancel", tooltip="Close without changes"),
        Binding("ctrl+s", "apply", "Apply", id="keys_apply", tooltip="Use these key sources"),
    ]

    def __init__(self, choice: EnvChoice, explicit: KeySet, env: Environment) -> None:
        super().__init__()
        self.choice = choice
        self.explicit = explicit
        self.env = env

    @property
    def jwt_app(self) -> JwtscopeApp:
        """The app, typed."""
        return cast("JwtscopeApp", self.app)

    def compose(self) -> ComposeResult:
        files = list(dict.fromkeys([*self.jwt_app.config.list_env_files(), *self.choice.env_files]))
        selected = set(self.choice.env_files) | (
            set(self.jwt_app.config.list_env_files()) if self.choice.discover else set()
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

    def _error(self, message: str) -> None:
        self.query_one("#keys-error", Static).update(message)

    def _refresh(self) -> None:
        self.query_one("#keys-current", Static).update(self._describe())

    def _choice(self) -> EnvChoice:
        offered = list(self.jwt_app.config.list_env_files())
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
            self._error(exc.one_line())
            return False
        secret = Secret("pasted secret", "keys dialog", text, value)
        self.explicit = KeySet((secret,)).merged(self.explicit)
        field.value = ""
        self._error("")
        self._refresh()
        return True

    @on(Button.Pressed, "#load-file")
    @on(Input.Submitted, "#key-file")
    def _load_file(self) -> bool:
        """Load the key file named; False when it cannot be used (the error is shown)."""
        field = self.query_one("#key-file", Input)
        path = field.value.strip()
        reader = self.jwt_app.config.read_file
        if not path or reader is None:
            return True
        try:
            self.explicit = self.explicit.merged(load_key_file(reader(path), f"key {path}"))
        except JwtscopeError as exc:
            self._error(exc.one_line())
            return False
        field.value = ""
        self._error("")
        self._refresh()
        return True

    @on(Button.Pressed, "#fetch")
    @on(Input.Submitted, "#jwks-url")
    def _fetch(self) -> None:
        url = self.query_one("#jwks-url", Input).value.strip()
        if not url:
            return
        if self.jwt_app.config.fetch_jwks is None:
            self._error("Fetching JWKS URLs is disabled here.")
            return
        self._error("")
        self.query_one("#fetching").display = True
        self._fetch_worker(url)

    @work(thread=True, exclusive=True, group="jwks")
    def _fetch_worker(self, url: str) -> None:
        fetcher = self.jwt_app.config.fetch_jwks
        assert fetcher is not None
        try:
            final_url, document = fetcher(url)
            keys = load_jwks(document, f"JWKS {final_url}")
        except JwtscopeError as exc:
            self.app.call_from_thread(self._fetch_failed, exc.one_line())
            return
        self.app.call_from_thread(self._fetched, keys)

    def _fetched(self, keys: KeySet) -> None:
        self.query_one("#fetching").display = False
        self.query_one("#jwks-url", Input).value = ""
        self.explicit = self.explicit.merged(keys)
        self._refresh()

    def _fetch_failed(self, message: str) -> None:
        self.query_one("#fetching").display = False
        self._error(message)

    @on(Button.Pressed, "#forget")
    def _forget(self) -> None:
        """Back to the keys given on the command line."""
        self.explicit = self.jwt_app.config.explicit_keys
        self._refresh()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        """Load the chosen environment and hand everything back."""
        if not (self._add_secret() and self._load_file()):
            return
        if self.query_one("#jwks-url", Input).value.strip():
            self._error("The JWKS URL is not fetched yet: press Fetch (or Enter), then Apply.")
            return
        choice = self._choice()
        try:
            env = self.jwt_app.config.load_env(choice)
            env.secrets()
        except JwtscopeError as exc:
            self._error(exc.one_line())
            return
        self.dismiss(KeysChange(choice, env, self.explicit))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without changes."""
        self.dismiss(None)
