"""Routes that libraries generate: ``app.include_router(fastapi_users.get_users_router(…))``.

The project's source holds no decorator for them, so without this table they would be
missing from the route table (and a probe of ``--project`` would never try them). Each
row is what the library's router declares, with the protection it applies itself.
Source: fastapi-users 13 (``fastapi_users/router/*.py``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from jwtscope.audit.python.summary import IncludeDecl, RouteDecl

__all__ = [
    "ENFORCED_BY_CALL",
    "ENFORCING_CALLS",
    "LIBRARY_ROUTERS",
    "LibraryRoute",
    "generated_routes",
    "library_strategy",
    "read_strategy",
]


@dataclass(frozen=True, slots=True)
class LibraryRoute:
    """One generated route: method, path below the include's prefix, and its protection
    (``""`` when the library leaves it public on purpose)."""

    method: str
    path: str
    requires: str


#: Dependencies that authenticate only when a method is called on them in the endpoint:
#: class name → (the calls that require a token, the calls that make it optional).
ENFORCED_BY_CALL: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "AuthJWT": (  # fastapi-jwt-auth
        frozenset({"jwt_required", "fresh_jwt_required", "jwt_refresh_token_required"}),
        frozenset({"jwt_optional"}),
    ),
}
ENFORCING_CALLS = frozenset(c for pair in ENFORCED_BY_CALL.values() for s in pair for c in s)

_ACTIVE = "fastapi-users current_user(active=True)"
_SUPER = "fastapi-users current_user(active=True, superuser=True)"

#: generator method name → the routes its router declares.
LIBRARY_ROUTERS: dict[str, tuple[LibraryRoute, ...]] = {
    "get_auth_router": (
        LibraryRoute("POST", "/login", ""),
        LibraryRoute("POST", "/logout", _ACTIVE),
    ),
    "get_register_router": (LibraryRoute("POST", "/register", ""),),
    "get_reset_password_router": (
        LibraryRoute("POST", "/forgot-password", ""),
        LibraryRoute("POST", "/reset-password", ""),
    ),
    "get_verify_router": (
        LibraryRoute("POST", "/request-verify-token", ""),
        LibraryRoute("POST", "/verify", ""),
    ),
    "get_users_router": (
        LibraryRoute("GET", "/me", _ACTIVE),
        LibraryRoute("PATCH", "/me", _ACTIVE),
        LibraryRoute("GET", "/{id}", _SUPER),
        LibraryRoute("PATCH", "/{id}", _SUPER),
        LibraryRoute("DELETE", "/{id}", _SUPER),
    ),
    "get_oauth_router": (
        LibraryRoute("GET", "/authorize", ""),
        LibraryRoute("GET", "/callback", ""),
    ),
    "get_oauth_associate_router": (
        LibraryRoute("GET", "/authorize", _ACTIVE),
        LibraryRoute("GET", "/callback", _ACTIVE),
    ),
}


def library_strategy(strategies: list[tuple[str, bool]], requires: str) -> tuple[str, str] | None:
    """What the project's own fastapi-users strategies make of the library's protection:
    one whose ``read_token`` never reads the token lets every request in (unprotected;
    unknown where a superuser is required: that user may not be one); others decide it in
    code this table cannot judge (unknown); none: None."""
    blind = [where for where, reads in strategies if not reads]
    if blind and requires == _SUPER:
        return "unknown", (
            f"fastapi-users is given a strategy whose read_token never reads the token "
            f"({blind[0]}); whether the user it returns is a superuser cannot be read"
        )
    if blind:
        return "unprotected", (
            f"fastapi-users is given a strategy whose read_token never reads the token "
            f"({blind[0]}): every request gets a user"
        )
    if strategies:
        return "unknown", f"fastapi-users checks tokens with the project's own {strategies[0][0]}"
    return None


def generated_routes(inc: IncludeDecl) -> list[RouteDecl]:
    """The routes of a library-generated router, declared at the ``include_router`` line;
    those the library protects carry its check as ``inline``."""
    source = f"include_router({inc.library}(…))"
    return [
        RouteDecl(
            owner=inc.target,
            methods=(row.method,),
            path=(row.path,),
            line=inc.line,
            source=source,
            endpoint=f"{inc.library}() {row.method} {row.path}",
            deps=(),
            params=(),
            inline=row.requires,
            calls=(),
            login_form=False,
            ownership=None,
            library=inc.library,
        )
        for row in LIBRARY_ROUTERS[inc.library.rsplit(".", 1)[-1]]
    ]


def read_strategy(node: ast.ClassDef, path: str) -> list[tuple[str, bool]]:
    """A fastapi-users ``Strategy`` the project writes: where its ``read_token`` is, and
    whether it reads the token at all."""
    out = []
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef) and stmt.name == "read_token":
            args = [a.arg for a in stmt.args.args[1:2]]
            used = {n.id for s in stmt.body for n in ast.walk(s) if isinstance(n, ast.Name)}
            where = f"{node.name}.read_token at {path}:{stmt.lineno}"
            out.append((where, bool(args) and args[0] in used))
    return out
