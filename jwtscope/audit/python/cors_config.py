"""Configuration mistakes: CORS settings that break or open bearer-token APIs.

Origins written as names (``allow_origins=settings.allowed_hosts``) are followed to a
module constant or a settings field's default; an ``allow_origin_regex`` is judged by
trying it (Starlette full-matches it) on origins an attacker can own.
"""

from __future__ import annotations

import re

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding, Route, RouteStatus
from jwtscope.audit.python.resolve import Project
from jwtscope.audit.python.summary import CorsDecl, ModuleSummary

__all__ = ["judge_cors", "regex_hole"]

#: Hosts where anyone can get a subdomain: an origin regex that admits one admits a stranger.
_SHARED_HOSTS = (
    "vercel.app",
    "netlify.app",
    "herokuapp.com",
    "github.io",
    "pages.dev",
    "ngrok.io",
    "ngrok-free.app",
    "onrender.com",
    "fly.dev",
    "web.app",
    "firebaseapp.com",
    "azurewebsites.net",
    "up.railway.app",
    "cloudfront.net",
)
_LITERAL_HOST = re.compile(r"[a-z0-9-]+(?:\\?\.[a-z0-9-]+)+", re.IGNORECASE)


def regex_hole(pattern: str) -> str | None:
    """An origin an attacker can own that ``pattern`` admits (Starlette's ``fullmatch``),
    or None (also for a pattern that does not compile: not judged)."""
    try:
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    tries = ["https://evil.example", "http://evil.example"]
    tries += [f"https://evil.{host}" for host in _SHARED_HOSTS]
    for match in _LITERAL_HOST.finditer(pattern):
        host = match.group(0).replace("\\.", ".")
        if "." not in host:
            continue
        tries.append(f"https://evil{host}")  # a missing "\." before the domain
        tries.append(f"https://{host.replace('.', 'x', 1)}")  # an unescaped dot
        tries.append(f"https://{host}.evil.example")  # no end anchor in the host
    for origin in tries:
        if len(origin) < 300 and compiled.fullmatch(origin):
            return origin
    return None


def _origins(project: Project, m: ModuleSummary, cors: CorsDecl) -> tuple[tuple[str, ...], str]:
    """The allowed origins and where they were written (the settings default's place)."""
    if cors.origins is not None or cors.origins_ref is None:
        return cors.origins or (), ""
    ref = cors.origins_ref
    values = project.strings(m.name, (ref,))
    if values is not None:
        return tuple(values), ""
    known = project.facts.settings_lists.get(ref[-1]) if len(ref) > 1 else None
    if known is not None:
        return known[0], f" (the default of {'.'.join(ref)}, {known[1]})"
    env = project.facts.env_lists.get(ref[-1])
    if env is not None:
        listed, where, example = env
        role = "the project's documented default" if example else "the value deployed with it"
        return listed, f" ({ref[-1]}={list(listed)!r} in {where}: {role})"
    return (), ""


def _no_auth_header(project: Project, m: ModuleSummary, cors: CorsDecl) -> AuditFinding | None:
    headers = cors.headers
    if headers is None:
        return None
    lowered = {h.lower() for h in headers}
    if "*" in lowered or "authorization" in lowered:
        return None
    shown = list(headers) if headers else "not set (only CORS-safelisted headers)"
    return make(
        "AUDIT-CORS-NO-AUTH-HEADER",
        path=m.path,
        line=cors.line,
        source_line=cors.source,
        detail=f"allow_headers is {shown}: a browser preflight for "
        "Authorization gets 400 'Disallowed CORS headers' and the API call "
        f"is never sent. Bearer evidence: {project.facts.bearer[0]}.",
        fix='Add it: allow_headers=["Authorization", "Content-Type"] (or ["*"]).',
    )


def _credentials_open(project: Project, m: ModuleSummary, cors: CorsDecl) -> AuditFinding | None:
    if not cors.credentials:
        return None
    origins, where = _origins(project, m, cors)
    regex = cors.origin_regex
    hole = regex_hole(regex) if regex else None
    if "*" in origins or (hole is not None and hole.startswith(("https://evil.e", "http://"))):
        what = f"allow_origins={list(origins)!r}{where}" if "*" in origins else f"{regex!r}"
        return make(
            "AUDIT-CORS-WILDCARD-CREDENTIALS",
            path=m.path,
            line=cors.line,
            source_line=cors.source,
            detail=f"Any origin is allowed ({what}) together with allow_credentials=True: "
            "Starlette echoes the caller's Origin, so any website can send "
            "credentialed requests as the signed-in user.",
            fix='List the real frontends: allow_origins=["https://app.example.com",'
            ' "http://localhost:3000"], allow_credentials=True.',
        )
    if hole is None:
        return None
    return make(
        "AUDIT-CORS-REGEX-CREDENTIALS",
        path=m.path,
        line=cors.line,
        source_line=cors.source,
        detail=f"allow_origin_regex={regex!r} with allow_credentials=True also admits "
        f"{hole}, an origin someone else can own: a page there can send credentialed "
        "requests as the signed-in user.",
        fix="Escape the dots (\\.) and anchor the host, e.g. "
        'allow_origin_regex=r"https://(app|admin)\\.example\\.com", or list the origins.',
    )


def judge_cors(project: Project, routes: list[Route]) -> list[AuditFinding]:
    """Findings for every ``CORSMiddleware`` configuration of the project.

    ``allow_headers`` without ``authorization``/``*`` is reported only when some route is
    protected and the project uses bearer tokens (an ``HTTPBearer``/``OAuth2…Bearer``
    scheme, or reads an ``Authorization`` header). Origins that cannot be followed to a
    literal (a property, a comprehension) are not judged.
    """
    bearer = bool(project.facts.bearer) and any(r.status is RouteStatus.PROTECTED for r in routes)
    out: list[AuditFinding] = []
    for m in project.modules.values():
        for cors in m.cors:
            for finding in (
                _no_auth_header(project, m, cors) if bearer else None,
                _credentials_open(project, m, cors),
            ):
                if finding is not None:
                    out.append(finding)
    return out
