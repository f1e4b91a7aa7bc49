"""The project's own API collection (Postman, ``*.postman_collection.json``): a request its
API tests send **without credentials and expect to succeed** is the project saying the
route is public — RealWorld's ``GET {{APIURL}}/tags``, tested for a 200 with no
``Authorization`` header, while the other requests carry one.

A request counts as anonymous when neither it, its folders nor the collection set an
``auth`` (other than ``noauth``) and it sends no ``Authorization``/``Cookie``/API-key
header; it counts as expecting success when its test script asserts a 2xx status and
no 401/403 (a test that checks a refusal is the opposite evidence). The collection's
base URL is usually a variable (``{{APIURL}}`` = ``…/api``): the prefix it stands for is
inferred from every request of the collection against the route table (the prefix most
requests need to land on a route), never guessed per route.

Only a route the audit found **unprotected** can become public this way: a request that
succeeds without credentials against a protected route says nothing, and an unknown
route stays unknown.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from jwtscope.audit.model import AuditFinding, Route, RouteStatus

__all__ = ["CollectionCall", "Collections", "is_collection"]

_CREDENTIAL_HEADERS = frozenset({"authorization", "cookie", "x-api-key", "api-key", "x-auth-token"})
_STATUS = re.compile(
    r"(?:code|status)\s*(?:===?|\.to\.(?:equal|eql|be)\s*\(|\(\s*)\s*(\d{3})"
    r"|have\.status\(\s*(\d{3})"
)
_OK = re.compile(r"\.to\.be\.(?:ok|success)\b")
_MAX_ITEMS = 2_000


def is_collection(name: str) -> bool:
    """Whether a file name is a Postman collection export."""
    return name.lower().endswith(("postman_collection.json", ".postman.json"))


@dataclass(frozen=True, slots=True)
class CollectionCall:
    """One request of a collection: where, its name, method and path (``{}`` for a
    variable segment), whether it is anonymous and expects success."""

    file: str
    name: str
    method: str
    path: str
    anonymous_ok: bool


def _auth_set(auth: Any) -> bool | None:
    """True: credentials set; False: ``noauth``; None: not said (inherited)."""
    if not isinstance(auth, dict) or "type" not in auth:
        return None
    return auth.get("type") != "noauth"


def _path(url: Any) -> str | None:
    raw = url.get("raw") if isinstance(url, dict) else url
    if not isinstance(raw, str):
        return None
    raw = raw.split("?", 1)[0].split("#", 1)[0]
    raw = re.sub(r"^\{\{[^}]*\}\}", "", raw)
    raw = re.sub(r"^[a-z]+://[^/]+", "", raw)
    segments = [s for s in raw.split("/") if s]
    if not segments or not raw.startswith("/"):
        return None
    return "/" + "/".join("{}" if "{{" in s or s.startswith(":") else s for s in segments)


def _expects_success(item: dict[str, Any]) -> bool:
    script = " ".join(
        line
        for event in item.get("event") or []
        if isinstance(event, dict) and event.get("listen") == "test"
        for line in ((event.get("script") or {}).get("exec") or [])
        if isinstance(line, str)
    )
    codes = {a or b for a, b in _STATUS.findall(script)}
    if codes & {"401", "403"}:
        return False
    return any(c.startswith("2") for c in codes) or bool(_OK.search(script))


def _anonymous(request: dict[str, Any], inherited: bool) -> bool:
    own = _auth_set(request.get("auth"))
    if own if own is not None else inherited:
        return False
    headers = request.get("header") or []
    return not any(
        isinstance(h, dict)
        and not h.get("disabled")
        and str(h.get("key", "")).strip().lower() in _CREDENTIAL_HEADERS
        for h in headers
    )


def read_collection(rel: str, text: str) -> list[CollectionCall]:
    """Every request of a Postman collection (an unreadable file gives none)."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("item"), list):
        return []
    out: list[CollectionCall] = []
    todo: list[tuple[dict[str, Any], bool]] = [(data, bool(_auth_set(data.get("auth"))))]
    while todo and len(out) < _MAX_ITEMS:
        node, inherited = todo.pop()
        for item in node.get("item") or []:
            if not isinstance(item, dict):
                continue
            own = _auth_set(item.get("auth"))
            here = own if own is not None else inherited
            request = item.get("request")
            if isinstance(request, dict):
                path = _path(request.get("url"))
                method = str(request.get("method", "GET")).upper()
                if path is not None:
                    ok = _anonymous(request, inherited) and _expects_success(item)
                    out.append(CollectionCall(rel, str(item.get("name", "")), method, path, ok))
            if isinstance(item.get("item"), list):
                todo.append((item, here))
    return out


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _tail_prefix(route: str, call: str) -> str | None:
    """The prefix ``route`` has before a tail that ``call`` matches segment by segment
    (a route's ``{param}`` or a call's ``{}`` matches any segment), or None."""
    r, c = _segments(route), _segments(call)
    if len(c) > len(r) or not c:
        return None
    head, tail = r[: len(r) - len(c)], r[len(r) - len(c) :]
    for want, got in zip(tail, c, strict=True):
        if not (want.startswith("{") or got == "{}" or want == got):
            return None
    if any(seg.startswith("{") for seg in head):
        return None
    return "/" + "/".join(head) if head else ""


@dataclass
class Collections:
    """Every collection's requests, and what they make of the route table."""

    calls: list[CollectionCall] = field(default_factory=list)

    def add(self, rel: str, text: str) -> None:
        """Read one collection file."""
        self.calls += read_collection(rel, text)

    def _prefix(self, routes: list[Route]) -> str | None:
        """The path the base URL stands for: the prefix most requests need to land on a
        route of the same method (None when no prefix wins outright)."""
        votes: Counter[str] = Counter()
        for call in self.calls:
            found = {
                prefix
                for r in routes
                if r.method == call.method
                and (prefix := _tail_prefix(r.path, call.path)) is not None
            }
            votes.update(found)
        ranked = [*votes.most_common(2), ("", 0)]
        best, count = ranked[0]
        return best if count and count > ranked[1][1] else None

    def apply(
        self, routes: list[Route], findings: list[AuditFinding]
    ) -> tuple[list[Route], list[AuditFinding]]:
        """Unprotected routes the collection calls anonymously and expects to succeed
        become public; their AUDIT-ROUTE-UNPROTECTED findings go."""
        anonymous = [c for c in self.calls if c.anonymous_ok]
        if not anonymous:
            return routes, findings
        prefix = self._prefix(routes)
        if prefix is None:
            return routes, findings
        out, freed = [], set()
        for route in routes:
            call = next(
                (
                    c
                    for c in anonymous
                    if c.method == route.method and _tail_prefix(route.path, c.path) == prefix
                ),
                None,
            )
            if route.status is RouteStatus.UNPROTECTED and call is not None:
                why = (
                    f"convention: the project's API collection calls it without credentials "
                    f'and expects success ({call.file}, "{call.name}")'
                )
                route = replace(route, status=RouteStatus.PUBLIC, dependency=why)
                freed.add((route.file, route.line))
            out.append(route)
        still = {(r.file, r.line) for r in out if r.status is RouteStatus.UNPROTECTED}
        kept = [
            f
            for f in findings
            if f.code != "AUDIT-ROUTE-UNPROTECTED" or (f.path, f.line) not in freed - still
        ]
        return out, kept
