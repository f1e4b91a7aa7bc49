"""What the app receives through its constructor: input, clock, environment and network.

Nothing here imports textual; the CLI builds an :class:`AppConfig` from its options and
tests build one with a fixed clock, an in-memory environment and a real or fake
JWKS fetcher, which makes every run and every screenshot deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.user_settings import UserSettings
from jwtscope.tui.clipboard import ClipboardSystem

if TYPE_CHECKING:
    from jwtscope.audit.model import AuditResult

__all__ = ["AppConfig", "EnvChoice", "JwksFetcher"]

#: ``url -> (final url, JWKS document)``; raises JwtscopeError on failure.
JwksFetcher = Callable[[str], tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class EnvChoice:
    """Which environment sources to use.

    Args:
        secret_env: one variable name, or None for the known names.
        env_files: ``.env`` files to read (paths as shown to the user).
        discover: also pick up ``.env*`` files in the working folder.
        encoding: how secret text becomes key bytes.
    """

    secret_env: str | None = None
    env_files: tuple[str, ...] = ()
    discover: bool = True
    encoding: str = "utf8"


def _no_env(choice: EnvChoice) -> Environment:
    return Environment()


def _no_files() -> Sequence[str]:
    return ()


def _run_probe(*args: Any, **kwargs: Any) -> Any:
    from jwtscope.services.probe_run import run_probe

    return run_probe(*args, **kwargs)


def _run_route_probe(
    request: Any,
    *,
    create_body: bytes | None,
    allow_writes: bool,
    routes: Any = None,
    **kwargs: Any,
) -> Any:
    from jwtscope.services.probe_routes import RouteOptions, discover_and_probe, run_route_probe

    options = RouteOptions(create_body=create_body, allow_writes=allow_writes)
    if routes is not None:  # the routes the user picked from the plan
        return run_route_probe(request, routes, options, **kwargs)
    kwargs.pop("source", None)
    return discover_and_probe(request, options, **kwargs)


def _write_report(path: Path, text: str, overwrite: bool) -> Path:
    """Write an exported report; an existing file only when ``overwrite`` (else
    FileExistsError: the save dialog asks first)."""
    with path.open("w" if overwrite else "x", encoding="utf-8") as out:
        out.write(text)
    return path


def _run_audit(root: Path, **kwargs: Any) -> AuditResult:
    from jwtscope.audit import audit_project  # the audit loads when the first one runs

    return audit_project(root, **kwargs)


def _run_replay(*args: Any, **kwargs: Any) -> Any:
    from jwtscope.services.replay_run import run_replay  # httpx loads only when a replay is sent

    return run_replay(*args, **kwargs)


@dataclass(frozen=True)
class AppConfig:
    """Everything the app needs from outside.

    Args:
        text: the initial token text.
        clock: returns the current time (epoch seconds); tests pass a fixed one.
        load_env: builds the environment snapshot for an :class:`EnvChoice`.
        env_choice: the initial choice (from the CLI options).
        list_env_files: the ``.env*`` files that can be offered in the keys dialog.
        explicit_keys: keys from ``--secret``, ``--key``, ``--jwks``.
        fetch_jwks: fetches a JWKS URL (None disables JWKS URLs).
        read_file: reads a key file (path → bytes); raises JwtscopeError.
        at: a fixed evaluation time (time travel), or None for "now".
        at_label: what ``at`` is (the demo's "demo time"), shown while the app is at it.
        leeway: clock tolerance in seconds.
        audience: expected ``aud``.
        issuer: expected ``iss``.
        title: shown in the header (e.g. "demo").
        tick_seconds: how often relative times are refreshed; 0 disables the timer.
        local_tz: the zone for "local" times (None: the machine's).
        run_replay: runs a replay (tests inject a transport or a fake).
        run_probe: runs the auth test suite.
        run_route_probe: runs tests 2–7 on the ``routes`` given (the ones picked), else on
            every route of the API's OpenAPI document
            (:func:`jwtscope.services.probe_routes.discover_and_probe`).
        write_report: writes an exported review ``(path, text, overwrite)`` and returns
            the path written; raises FileExistsError (the dialog then asks) or OSError.
        report_dir: the folder the save dialog proposes (the working folder).
        clipboard: the environment, tools and commands a copy depends on
            (:class:`jwtscope.tui.clipboard.ClipboardSystem`).
        audit_root: the folder the Audit screen offers first (the CLI's working folder,
            the demo's project for the demo).
        run_audit: runs a source audit, called as ``run_audit(root, public=…,
            progress=…, now=…)`` like :func:`jwtscope.audit.audit_project`.
        user_settings: the user's config file (keymap, theme), applied at mount.
    """

    text: str = ""
    clock: Callable[[], float] = field(default=lambda: 0.0)
    load_env: Callable[[EnvChoice], Environment] = _no_env
    env_choice: EnvChoice = EnvChoice()
    list_env_files: Callable[[], Sequence[str]] = _no_files
    explicit_keys: KeySet = field(default_factory=KeySet)
    fetch_jwks: JwksFetcher | None = None
    read_file: Callable[[str], bytes] | None = None
    at: int | None = None
    at_label: str = ""
    leeway: int = 0
    audience: str | None = None
    issuer: str | None = None
    title: str = ""
    tick_seconds: float = 1.0
    local_tz: tzinfo | None = None
    run_replay: Callable[..., Any] = _run_replay
    run_probe: Callable[..., Any] = _run_probe
    run_route_probe: Callable[..., Any] = _run_route_probe
    write_report: Callable[[Path, str, bool], Path] = _write_report
    report_dir: Path = field(default_factory=Path.cwd)
    clipboard: ClipboardSystem = field(default_factory=ClipboardSystem)
    audit_root: Path = field(default_factory=Path.cwd)
    run_audit: Callable[..., AuditResult] = _run_audit
    user_settings: UserSettings = field(default_factory=UserSettings)
