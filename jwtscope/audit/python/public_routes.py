"""Which routes without authentication are public on purpose: patterns the user declares
(``--public``, ``[tool.jwtscope] public``), conventions by path (``/login``, ``/health``)
or exact endpoint name (``register``), and routes a library generates public."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

from jwtscope.audit.python.summary import ModuleSummary, Piece, RouteDecl

__all__ = ["convention", "public_match", "static_twin"]

_CONVENTIONAL = frozenset(
    {
        "login",
        "logout",
        "signin",
        "sign-in",
        "signup",
        "sign-up",
        "register",
        "token",
        "refresh",
        "health",
        "healthz",
        "livez",
        "readyz",
        "ping",
        "forgot-password",
        "reset-password",
        "password-recovery",
        "recover-password",
        "verify-email",
        "confirm-email",
        "callback",
        "webhook",
        "webhooks",
        "public",
        "docs",
        "redoc",
        "openapi.json",
        "oauth2-redirect",
        "favicon.ico",
        "robots.txt",
    }
)
#: Endpoint functions that are public by their name alone (a POST registration or login
#: at a path that does not say so, e.g. ``POST /users`` → ``register``). Kept exact: a
#: ``register_device`` is not an account registration.
_CONVENTIONAL_ENDPOINTS = frozenset(
    {
        "register",
        "register_user",
        "register_account",
        "signup",
        "sign_up",
        "signup_user",
        "create_account",
        "login",
        "log_in",
        "signin",
        "sign_in",
    }
)


def public_match(method: str, path: str, patterns: Sequence[str]) -> str | None:
    """The first pattern that declares ``method path`` public, or None."""
    for raw in patterns:
        pattern = raw.strip()
        if not pattern:
            continue
        verb, _, rest = pattern.partition(" ")
        if rest and verb.isalpha() and verb.isupper():
            if verb != method:
                continue
            pattern = rest.strip()
        bare = pattern.rstrip("/") or "/"
        if fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(path.rstrip("/") or "/", bare):
            return raw.strip()
    return None


def convention(decl: RouteDecl, path: str) -> str | None:
    """Why a route without authentication is public by convention, or None."""
    if decl.library and not decl.inline:
        return f"convention: public by {decl.library}()"
    if decl.page and decl.methods == ("GET",):
        return "convention: serves a page, a file or a redirect"
    if decl.login_form:
        return "convention: login form (OAuth2PasswordRequestForm)"
    if decl.exchange:
        return "convention: token exchange (verifies the token its caller sends, issues one)"
    if path == "/":
        return "convention: /"
    segments = [s for s in path.lower().split("/") if s and not s.startswith("{")]
    last = segments[-1] if segments else ""
    if last in _CONVENTIONAL or last.startswith("health"):
        return f"convention: /{last}"
    posts = tuple(m.upper() for m in decl.methods) == ("POST",)
    if posts and decl.endpoint.lower() in _CONVENTIONAL_ENDPOINTS:
        return f"convention: POST handled by {decl.endpoint}()"
    return None


def _bare(path: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """The path as written without its trailing slash: ``(UI, "/")`` -> ``(UI,)``."""
    if path and isinstance(path[-1], str):
        last = path[-1].rstrip("/")
        return (*path[:-1], last) if last else path[:-1]
    return path


def static_twin(module: ModuleSummary, decl: RouteDecl) -> str | None:
    """A GET declared at the very path (as written, trailing slash aside) where the same
    module mounts ``StaticFiles``: it stands in for the static UI when its files are
    missing (``if assets: app.mount(P, StaticFiles(…)) else: @app.get(P)``), and static
    files are served to anyone."""
    if decl.methods != ("GET",) or not module.static_mounts:
        return None
    mine = _bare(decl.path)
    for path, line in module.static_mounts:
        if mine and _bare(path) == mine:
            return f"convention: stands in for the static files mounted there (line {line})"
    return None
