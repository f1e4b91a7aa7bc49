"""Which requests the route probe sends: tests 2–7 on every route of the API, as a pure plan.

The routes come from the OpenAPI document (:mod:`jwtscope.core.probe.openapi_routes`).
Each route gets the token tests 2–7 of :func:`jwtscope.core.probe.probe_plan.plan_token_tests`
(the same forged tokens for every route), sent with the route's method to its URL.

- Path parameters are filled, in this order, from the resource the probe created
  (``--create``), from the first item of the list its collection route returns (``GET
  /todos`` for ``/todos/{todo_id}``), or from the document's examples; each filled
  parameter keeps where its id came from as data (:class:`FilledParam`, an
  :class:`IdOrigin`), for the matrix's words and the exported suite alike. Values are sent as
  one path segment each (:func:`~jwtscope.core.probe.probe_suite.path_segment`: ``.`` and
  ``..`` never become dot segments). A route whose parameters cannot be filled is SKIP,
  saying which and why.
- Only GET and HEAD, unless writes are allowed (``--allow-writes``); then PUT, PATCH and
  DELETE too, but only on a resource the probe created itself, and POST with the
  ``--create`` body, but only on a collection the API can delete an item of (``DELETE
  /todos/{id}`` for ``POST /todos``): whatever a POST creates, even with a forged token,
  is deleted again with user A's token (:func:`deletable_collections`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from jwtscope.core.probe.openapi_routes import ApiRoute
from jwtscope.core.probe.probe_suite import P2, P3, P4, P5, P6, P7, ProbeCase, path_segment
from jwtscope.core.request.replay_request import ReplayRequest

__all__ = [
    "TOKEN_TESTS",
    "FilledParam",
    "IdOrigin",
    "KnownId",
    "RoutePlan",
    "collection_of",
    "deletable_collections",
    "fill_path",
    "filled_words",
    "first_id",
    "listable_collections",
    "plan_routes",
    "protected_sibling",
]

#: The tests every route gets.
TOKEN_TESTS = (P2, P3, P4, P5, P6, P7)
_READS = frozenset({"GET", "HEAD"})
_ID_KEYS = ("id", "uuid", "_id", "pk", "slug")
_VERSION = re.compile(r"v\d+(?:\.\d+)?|api|legacy|beta")
_UPDATES = frozenset({"PUT", "PATCH", "DELETE"})
#: POSTs public by convention (sign-up, login, tokens, forms, hooks): never a sibling's hole.
_OPEN_POST = re.compile(
    r"regist|sign.?up|sign.?in|log.?in|token|auth(?!or)|session|password|reset|verify|contact"
    r"|feedback|subscribe|newsletter|webhook|callback|hook|health|ping",
    re.I,
)
_WRITE = "a write: run with --allow-writes (only the resource the probe creates is written)"
_NO_BODY = "a POST needs the body to send: give it with --create JSON"
_NO_DELETE = "what a POST creates could not be deleted again: the API has no DELETE {}/{{id}}"


class IdOrigin(Enum):
    """Where the id that fills a path parameter came from."""

    CREATED = "created"  #: the resource the probe created (``--create``)
    LISTED = "listed"  #: the first item of the collection's list, as user A
    EXAMPLE = "example"  #: the OpenAPI document's example
    GIVEN = "given"  #: given by the user (``--resource-id``)


@dataclass(frozen=True)
class KnownId:
    """An id for a collection's items, and where it came from.

    Args:
        value: the id (``?`` while pending).
        origin: where it came from.
        listed_from: for :attr:`IdOrigin.LISTED`, the path of the list (``/todos``).
        pending: a plan shown before the run: the value is found when run.
    """

    value: str
    origin: IdOrigin
    listed_from: str = ""
    pending: bool = False

    @property
    def words(self) -> str:
        """Where it came from, in words (``the first item of GET /todos``)."""
        when = ", when run" if self.pending and self.origin is IdOrigin.LISTED else ""
        return {
            IdOrigin.CREATED: "the resource the probe created",
            IdOrigin.LISTED: f"the first item of GET {self.listed_from}{when}",
            IdOrigin.EXAMPLE: "the document's example",
            IdOrigin.GIVEN: "the id given",
        }[self.origin]


@dataclass(frozen=True)
class FilledParam:
    """A path parameter as it was filled: its name and the id used."""

    name: str
    id: KnownId

    @property
    def words(self) -> str:
        """``todo_id=3 (the first item of GET /todos)``."""
        return f"{self.name}={self.id.value} ({self.id.words})"


def filled_words(filled: Sequence[FilledParam]) -> str:
    """Where the parameters came from, in words ("" without any)."""
    return ", ".join(p.words for p in filled)


@dataclass(frozen=True)
class RoutePlan:
    """One route and its token tests, or why it is not sent.

    Args:
        route: the route.
        url: the URL sent (parameters filled), or None.
        cases: tests 2–7 retargeted to the route (empty when skipped).
        skip_reason: why nothing is sent to this route.
        filled: how each path parameter was filled (empty without any).
        protected_sibling: for a route that declares no security, a route of the same
            resource that does (:func:`protected_sibling`), or None.
    """

    route: ApiRoute
    url: str | None
    cases: tuple[ProbeCase, ...] = ()
    skip_reason: str | None = None
    filled: tuple[FilledParam, ...] = ()
    protected_sibling: str | None = None

    @property
    def filled_from(self) -> str:
        """Where the path parameters came from, in words ("" without any)."""
        return filled_words(self.filled)

    @property
    def request_count(self) -> int:
        """The requests this route costs."""
        return sum(len(c.probes) for c in self.cases if c.runnable)


def collection_of(path: str, name: str) -> str:
    """``/todos`` for ``/todos/{todo_id}`` and ``todo_id``: the path before that parameter."""
    return path.split("/{" + name + "}", 1)[0] or "/"


def listable_collections(routes: Sequence[ApiRoute]) -> list[str]:
    """The collection paths whose list can fill another route's parameter, shallowest first.

    A collection is listable when the document has a GET on exactly that path.
    """
    gets = {r.path for r in routes if r.method == "GET"}
    wanted = {collection_of(r.path, p.name) for r in routes for p in r.params}
    return sorted((c for c in wanted if c in gets), key=lambda c: (c.count("{"), c))


def first_id(data: Any, name: str = "id") -> str | None:
    """The id of the first item of a list answer, as text.

    A JSON list, or an object holding one (``items``, ``data``, ``results``…); the id is
    the item's ``name`` (the path parameter's name, ``todo_id``), else ``id``, ``uuid``,
    ``_id``, ``pk`` or ``slug``.
    """
    items = data
    if isinstance(data, dict):
        items = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(items, list):
        return None
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in (name, *_ID_KEYS):
            value = item.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
                return str(value)
    return None


def deletable_collections(routes: Sequence[ApiRoute]) -> frozenset[str]:
    """The collection templates whose items the API deletes (``/todos`` for ``DELETE
    /todos/{todo_id}``): where the probe may create, because it can clean up."""
    return frozenset(
        collection_of(r.path, r.params[-1].name)
        for r in routes
        if r.method == "DELETE" and r.params and r.path.endswith("/{" + r.params[-1].name + "}")
    )


def protected_sibling(route: ApiRoute, routes: Sequence[ApiRoute]) -> str | None:
    """A route of the same resource that declares security while ``route`` does not.

    Three cases only, so that public reads with authenticated writes (a blog) stay
    public: an item read (``GET /todos/{id}``) whose collection read (``GET /todos``)
    declares security; a write (PUT/PATCH/DELETE) on a path where another method
    declares it; a POST on a collection where another method declares it (``POST /projects``
    while ``GET /projects`` does), unless its path or operation id reads like a public
    POST by convention (sign-up, login, tokens, contact forms, webhooks); the same
    operation under another API version (``GET /v2/todos`` while
    ``GET /v1/todos`` declares it: one router mounted twice, once without its dependency).
    """
    if route.secured:
        return None
    for other in routes:
        if not other.secured or other is route:
            continue
        if other.method == route.method and _same_unversioned(other.path, route.path):
            return other.label
        if route.method in _READS and other.method == "GET" and route.params:
            last = route.params[-1].name
            if route.path.endswith("/{" + last + "}") and other.path == collection_of(
                route.path, last
            ):
                return other.label
        if route.method in _UPDATES and other.path == route.path:
            return other.label
        if route.method == "POST" and other.path == route.path and not _open_post(route):
            return other.label
    return None


def _open_post(route: ApiRoute) -> bool:
    return bool(_OPEN_POST.search(route.path) or _OPEN_POST.search(route.operation_id))


def _same_unversioned(a: str, b: str) -> bool:
    """``/v1/todos`` and ``/v2/todos``: the same path under two version prefixes."""
    head_a, _, rest_a = a.lstrip("/").partition("/")
    head_b, _, rest_b = b.lstrip("/").partition("/")
    return (
        head_a != head_b
        and rest_a == rest_b != ""
        and all(_VERSION.fullmatch(h) for h in (head_a, head_b))
    )


def fill_path(
    route: ApiRoute, known: Mapping[str, KnownId]
) -> tuple[str | None, tuple[FilledParam, ...], bool, str | None]:
    """The path with its parameters filled.

    Args:
        route: the route.
        known: per collection path (template), an id and where it came from.

    Returns:
        ``(path or None, each parameter as filled, every value is the created resource,
        reason)``.
    """
    path, filled, created = route.path, [], bool(route.params)
    for param in route.params:
        collection = collection_of(route.path, param.name)
        found = known.get(collection)
        if found is None and param.example is not None:
            found = KnownId(param.example, IdOrigin.EXAMPLE)
        if found is None or not found.value:
            why = f"the document gives no example, and no list at GET {collection} gave an id"
            return None, (), False, f"cannot fill {{{param.name}}}: {why}"
        created = created and found.origin is IdOrigin.CREATED
        path = path.replace("{" + param.name + "}", path_segment(found.value), 1)
        filled.append(FilledParam(param.name, found))
    return path, tuple(filled), created, None


def plan_routes(
    routes: Sequence[ApiRoute],
    token_cases: Sequence[ProbeCase],
    base: ReplayRequest,
    *,
    known: Mapping[str, KnownId],
    allow_writes: bool = False,
    write_body: bytes | None = None,
) -> list[RoutePlan]:
    """One plan per route: collections before their items (a sibling seen refusing can
    judge an item route), deletes last (they end the resource); else document order.

    Args:
        routes: the routes.
        token_cases: tests 2–7 planned on ``base`` (their tokens are reused).
        base: the endpoint named (its origin, headers and token place).
        known: ids per collection path, with where each came from.
        allow_writes: send PUT/PATCH/DELETE to the probe's own resource.
        write_body: the JSON body of PUT and PATCH (the ``--create`` body).
    """
    deletable = deletable_collections(routes)
    plans = [
        replace(
            _plan_one(r, token_cases, base, known, allow_writes, write_body, deletable),
            protected_sibling=protected_sibling(r, routes),
        )
        for r in routes
    ]
    return sorted(plans, key=lambda p: (p.route.method == "DELETE", len(p.route.params)))


def _plan_one(
    route: ApiRoute,
    token_cases: Sequence[ProbeCase],
    base: ReplayRequest,
    known: Mapping[str, KnownId],
    allow_writes: bool,
    write_body: bytes | None,
    deletable: frozenset[str] = frozenset(),
) -> RoutePlan:
    if route.method in _UPDATES | {"POST"} and not allow_writes:
        return RoutePlan(route, None, skip_reason=_WRITE)
    if route.method == "POST":
        return _plan_post(route, token_cases, base, known, write_body, deletable)
    if route.method not in _READS | _UPDATES:
        return RoutePlan(route, None, skip_reason=f"{route.method} is not probed")
    path, filled, created, reason = fill_path(route, known)
    if path is None:
        return RoutePlan(route, None, skip_reason=reason)
    if route.method in _UPDATES and not created:
        why = "writes go only to the resource the probe created (--create)"
        return RoutePlan(route, None, skip_reason=why, filled=filled)
    url = base.origin + path
    body = write_body if route.method in ("PUT", "PATCH") else None
    cases = tuple(_retarget(c, route.method, url, body) for c in token_cases)
    return RoutePlan(route, url, cases, filled=filled)


def _plan_post(
    route: ApiRoute,
    token_cases: Sequence[ProbeCase],
    base: ReplayRequest,
    known: Mapping[str, KnownId],
    write_body: bytes | None,
    deletable: frozenset[str],
) -> RoutePlan:
    """A POST: sent only with a body, into a collection whose items can be deleted, and
    (nested) only under a resource the probe created."""
    if write_body is None:
        return RoutePlan(route, None, skip_reason=_NO_BODY)
    if route.path not in deletable:
        return RoutePlan(route, None, skip_reason=_NO_DELETE.format(route.path))
    path, filled, created, reason = fill_path(route, known)
    if path is None:
        return RoutePlan(route, None, skip_reason=reason)
    if route.params and not created:
        why = "a nested POST goes only under a resource the probe created"
        return RoutePlan(route, None, skip_reason=why, filled=filled)
    url = base.origin + path
    cases = tuple(_retarget(c, "POST", url, write_body) for c in token_cases)
    return RoutePlan(route, url, cases, filled=filled)


def _retarget(case: ProbeCase, method: str, url: str, body: bytes | None) -> ProbeCase:
    def moved(request: ReplayRequest) -> ReplayRequest:
        drop = ("content-type", "content-length")
        headers = tuple((k, v) for k, v in request.headers if k.lower() not in drop)
        if body is not None:
            headers += (("Content-Type", "application/json"),)
        return replace(request, method=method, url=url, headers=headers, body=body)

    probes = tuple(replace(p, request=moved(p.request)) for p in case.probes)
    return replace(case, probes=probes)
