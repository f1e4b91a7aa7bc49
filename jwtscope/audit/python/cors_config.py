"""Configuration mistakes: CORS settings that break or open bearer-token APIs."""

from __future__ import annotations

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding, Route, RouteStatus
from jwtscope.audit.python.resolve import Project

__all__ = ["judge_cors"]

_ANY_ORIGIN_REGEX = frozenset({".*", "^.*$", ".+", "^.+$", "https?://.*", "^https?://.*$"})


def judge_cors(project: Project, routes: list[Route]) -> list[AuditFinding]:
    """Findings for every ``CORSMiddleware`` configuration of the project.

    ``allow_headers`` without ``authorization``/``*`` is reported only when some route is
    protected and the project uses bearer tokens (an ``HTTPBearer``/``OAuth2…Bearer``
    scheme, or reads an ``Authorization`` header). Values that are not literals
    (``settings.CORS_ORIGINS``) are not judged.
    """
    facts = project.facts
    bearer = bool(facts.bearer) and any(r.status is RouteStatus.PROTECTED for r in routes)
    out: list[AuditFinding] = []
    for m in project.modules.values():
        for cors in m.cors:
            headers = cors.headers
            if bearer and headers is not None:
                lowered = {h.lower() for h in headers}
                if "*" not in lowered and "authorization" not in lowered:
                    shown = list(headers) if headers else "not set (only CORS-safelisted headers)"
                    out.append(
                        make(
                            "AUDIT-CORS-NO-AUTH-HEADER",
                            path=m.path,
                            line=cors.line,
                            source_line=cors.source,
                            detail=f"allow_headers is {shown}: a browser preflight for "
                            "Authorization gets 400 'Disallowed CORS headers' and the API call "
                            f"is never sent. Bearer evidence: {facts.bearer[0]}.",
                            fix='Add it: allow_headers=["Authorization", "Content-Type"] '
                            '(or ["*"]).',
                        )
                    )
            wildcard = (cors.origins is not None and "*" in cors.origins) or (
                cors.origin_regex in _ANY_ORIGIN_REGEX
            )
            if wildcard and cors.credentials:
                out.append(
                    make(
                        "AUDIT-CORS-WILDCARD-CREDENTIALS",
                        path=m.path,
                        line=cors.line,
                        source_line=cors.source,
                        detail="Any origin is allowed together with allow_credentials=True: "
                        "Starlette echoes the caller's Origin, so any website can send "
                        "credentialed requests as the signed-in user.",
                        fix='List the real frontends: allow_origins=["https://app.example.com",'
                        ' "http://localhost:3000"], allow_credentials=True.',
                    )
                )
    return out
