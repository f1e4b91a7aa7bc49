"""A frontend ``fetch()``/``axios`` call held against the backend's route table: does it
reach a protected route without what that route reads (a bearer token, or the session
cookie a cross-origin request only sends with credentials)?
"""

from __future__ import annotations

import re
from functools import lru_cache

from jwtscope.audit.codes import make
from jwtscope.audit.frontend.scriptfacts import FetchCall
from jwtscope.audit.model import AuditFinding, Route, RouteStatus

__all__ = ["judge_fetch"]


@lru_cache(maxsize=4096)
def _route_regex(path: str) -> re.Pattern[str]:
    parts = re.split(r"\{[^}]*\}", path.rstrip("/") or "/")
    return re.compile("(?:.*)?" + "[^/]+".join(re.escape(p) for p in parts) + "/?$")


def judge_fetch(fetch: FetchCall, routes: list[Route]) -> AuditFinding | None:
    """A finding when the fetch reaches a protected route without what the route reads."""
    concrete = (fetch.url_path or "/").replace("{}", "x")
    protected = [
        r
        for r in routes
        if r.status is RouteStatus.PROTECTED and _route_regex(r.path).match(concrete)
    ]
    if not protected:
        return None  # a public route, another service, or a path the text cannot tell
    route = protected[0]
    cookie = "get-session" in route.via or "cookie" in (route.via + route.dependency).lower()
    needs = f"{route.method} {route.path} ({route.location}) needs {route.dependency or 'auth'}"
    axios = fetch.client == "axios"
    call, send = f"{fetch.client}({fetch.url[:60]})", f"{fetch.client}{'.get' * axios}(url, "
    if cookie:
        if fetch.has_credentials or not fetch.absolute:
            return None  # same-origin requests send cookies by default
        with_cookies, said = (
            ("withCredentials: true",) * 2
            if axios
            else ('credentials: "include"', "credentials: 'include'")
        )
        detail = (
            f"{call} is cross-origin without {said}, but {needs}, which reads Better "
            "Auth's session cookie: the browser sends no cookie and the backend answers 401."
        )
        fix = (
            f"{send}{{ {with_cookies} }}) — and allow_credentials=True with the frontend's "
            "origin in the backend's CORSMiddleware."
        )
    else:
        if fetch.has_auth or fetch.has_credentials:
            return None
        detail = (
            f"{call} sends no Authorization header and no credentials, but "
            f"{needs}: the request arrives without a token and gets 401."
        )
        fix = (
            "Send the JWT: const { data } = await authClient.token(); if (!data) throw …; "
            f"{send}{{ headers: {{ Authorization: `Bearer ${{data.token}}` }} }})."
        )
    return make(
        "AUDIT-FETCH-NO-AUTH",
        path=fetch.path,
        line=fetch.line,
        source_line=fetch.source,
        detail=detail,
        fix=fix,
    )
