"""One run of the route probe: its options, what it sent, and the resources it created.

:mod:`jwtscope.services.probe_routes` drives the run; this module keeps its state and
the writes. With ``--allow-writes`` and a ``--create`` body, user A creates one resource
in each collection the API can delete an item of (its id fills that collection's item
routes), and every id a POST test's answer carries (a forged token that created
something) is remembered too. :func:`owned_resources` deletes all of them with user A's
token when the block ends — normally, on a stop (Esc), on Ctrl-C, when the budget is
spent or on an error — and says what was deleted and what may be left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.probe.openapi_routes import ApiRoute
from jwtscope.core.probe.probe_suite import created_id, path_segment
from jwtscope.core.probe.route_plan import IdOrigin, KnownId, deletable_collections
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.net.http_send import Transport, send_probes

__all__ = ["DEFAULT_BUDGET", "RouteOptions", "RouteSession", "owned_resources"]

#: Requests the route probe sends at most, unless told otherwise.
DEFAULT_BUDGET = 300


@dataclass(frozen=True)
class RouteOptions:
    """What the route probe needs besides the endpoint and user A's token.

    Args:
        openapi: a file or URL of the OpenAPI document (default ``<origin>/openapi.json``).
        create_body: JSON user A POSTs to create its resources (and the POST tests send).
        allow_writes: allow the creates, POST tests, and PUT/PATCH/DELETE on those resources.
        budget: requests at most (the cleanup's deletes are always sent).
        timeout: per-request timeout, seconds.
        min_interval: least seconds between the starts of two routes.
    """

    openapi: str | None = None
    create_body: bytes | None = None
    allow_writes: bool = False
    budget: int = DEFAULT_BUDGET
    timeout: float = 5.0
    min_interval: float = 0.01


@dataclass
class RouteSession:
    """The state of one run: what was sent, the ids found, what was created, the budget."""

    request: ReplayRequest
    transport: Transport
    options: RouteOptions
    clock: Callable[[], float]
    stop: Callable[[], bool] = lambda: False
    exchanges: list[Exchange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    known: dict[str, KnownId] = field(default_factory=dict)
    dead: str | None = None
    #: (item URL, id) of every resource the probe created, in creation order.
    created: list[tuple[str, str]] = field(default_factory=list)
    cleaned: int = 0
    left_behind: list[str] = field(default_factory=list)

    def send(self, probes: Sequence[PlannedRequest]) -> list[Exchange]:
        """Send to the named origin only; the first silence marks the server dead."""
        sent = send_probes(
            probes,
            origin=self.request.origin,
            timeout=self.options.timeout,
            transport=self.transport,
            clock=self.clock,
        )
        if not self.exchanges and sent and all(e.status is None for e in sent):
            self.dead = f"not sent: {self.request.origin} did not answer ({sent[0].error})"
        self.exchanges += sent
        return sent

    def as_a(self, token_a: str, method: str, url: str, body: bytes | None) -> PlannedRequest:
        """A request as user A (the setup's lists and creates, the cleanup's deletes)."""
        sent = self.request.with_token(token_a)
        drop = ("content-type", "content-length")
        headers = tuple((k, v) for k, v in sent.headers if k.lower() not in drop)
        if body is not None:
            headers += (("Content-Type", "application/json"),)
        request = replace(sent, method=method, url=url, headers=headers, body=body)
        return PlannedRequest(f"setup:{method}", f"user A: {method} {url}", request)

    def remember_created(self, collection_url: str, exchanges: Sequence[Exchange]) -> None:
        """Keep the id of each 2xx answer to a POST test, to delete it at the end."""
        for exchange in exchanges:
            rid = created_id(exchange)
            if rid is not None:
                self.created.append((_item_url(collection_url, rid), rid))


def _item_url(collection_url: str, rid: str) -> str:
    return collection_url.split("?", 1)[0].rstrip("/") + "/" + path_segment(rid)


def _create_targets(session: RouteSession, routes: Sequence[ApiRoute]) -> list[str]:
    """Collection paths to create user A's resource in: the endpoint named (when it has a
    path), then each POST route without parameters whose items the API can delete."""
    deletable = deletable_collections(routes)
    named = urlsplit(session.request.url).path.rstrip("/")
    targets = [named] if named else []
    targets += [
        r.path for r in routes if r.method == "POST" and not r.params and r.path in deletable
    ]
    return list(dict.fromkeys(targets))


@contextmanager
def owned_resources(
    session: RouteSession,
    token_a: str | None,
    routes: Sequence[ApiRoute],
    wanted: frozenset[str] | None = None,
) -> Iterator[None]:
    """Create user A's resources for the block (in the collections ``wanted``, None: all)
    and delete everything created (always)."""
    body = session.options.create_body
    if body is None or not session.options.allow_writes or token_a is None:
        yield
        return
    try:
        for path in _create_targets(session, routes):
            if session.dead or session.stop():
                break
            if wanted is not None and path not in wanted:
                continue
            url = session.request.origin + path
            answer = session.send([session.as_a(token_a, "POST", url, body)])[0]
            rid = created_id(answer)
            if rid is None:
                session.notes.append(f"no resource created on {path} ({answer.summary()})")
                continue
            session.created.append((_item_url(url, rid), rid))
            session.known[path] = KnownId(rid, IdOrigin.CREATED)
            session.notes.append(f"user A created resource {rid} on {path} ({answer.summary()})")
        yield
    finally:
        _clean_up(session, token_a)


def _clean_up(session: RouteSession, token_a: str) -> None:
    """DELETE every resource the probe created, newest first, as user A."""
    if not session.created:
        return
    for url, rid in reversed(session.created):
        gone = session.send([session.as_a(token_a, "DELETE", url, None)])[0]
        if gone.ok or gone.status in (404, 410):
            session.cleaned += 1
            state = "deleted" if gone.ok else "already gone"
        else:
            session.left_behind.append(rid)
            state = "may be left behind"
        session.notes.append(f"cleanup: resource {rid} {state} ({gone.summary()})")
    total = len(session.created)
    left = f"; left behind: {', '.join(session.left_behind)}" if session.left_behind else ""
    session.notes.append(f"cleanup: {session.cleaned} of {total} created resources gone{left}")
