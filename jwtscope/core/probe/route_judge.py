"""How the route probe's answers are judged: a matrix of routes × tests 2–7.

Each route's tests are judged by :func:`jwtscope.core.probe.probe_judge.judge_case` on
that route's answers alone. One rule is added, because a probe from outside cannot tell
an intended public route from a forgotten one by its answers:

- a route whose OpenAPI operation declares **no security** and that answers 2xx without
  a token is reported **public (no security declared)**, not FAIL: its tests are SKIP
  with that reason, and it is listed in every output for a reviewer to confirm;
- except when a route of the same resource declares security, or was seen refusing a
  request without a token earlier in the run
  (:func:`~jwtscope.core.probe.route_plan.protected_sibling`: ``GET /todos`` is protected
  and ``GET /todos/{id}`` is not, or ``PUT`` on a path whose ``GET`` is): that is a
  forgotten dependency, and FAILs;
- a route that **declares security** and answers 2xx without a token (or to any forged
  token) is FAIL, as in the single-URL probe; so is a 5xx to a hostile token (the auth
  path crashes instead of refusing).

A router mounted without its dependency, on an API that declares no global security,
declares none for its routes either: those show as public, for the reviewer to confirm
(the static audit, ``jwtscope audit``, reads the code and can tell).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from jwtscope.core.probe.openapi_routes import ApiRoute
from jwtscope.core.probe.probe_judge import judge_case
from jwtscope.core.probe.probe_suite import P2, ProbeStatus, ProbeVerdict
from jwtscope.core.probe.route_plan import TOKEN_TESTS, FilledParam, RoutePlan, filled_words
from jwtscope.core.request.exchange import Exchange

if TYPE_CHECKING:
    from jwtscope.core.probe.route_cross import CrossFinding

__all__ = ["PUBLIC", "RouteProbeResult", "RouteVerdicts", "judge_route"]

PUBLIC = "public (no security declared): answers without a token, and declares no security"


@dataclass(frozen=True)
class RouteVerdicts:
    """One row of the matrix: a route and the verdicts of tests 2–7 on it.

    Args:
        route: the route.
        url: the URL sent (redacted), or None when nothing was sent.
        verdicts: one per test of :data:`~jwtscope.core.probe.route_plan.TOKEN_TESTS`.
        public: declares no security and answered without a token.
        filled: how its path parameters were filled (the id and where it came from).
    """

    route: ApiRoute
    url: str | None
    verdicts: tuple[ProbeVerdict, ...]
    public: bool = False
    filled: tuple[FilledParam, ...] = ()

    @property
    def filled_from(self) -> str:
        """Where its path parameters came from, in words ("" without any)."""
        return filled_words(self.filled)

    @property
    def failed(self) -> bool:
        """A test of this route FAILed."""
        return any(v.status is ProbeStatus.FAIL for v in self.verdicts)


@dataclass(frozen=True)
class RouteProbeResult:
    """The whole route probe: one row per route, every exchange, notes.

    Args:
        rows: the matrix, in plan order.
        exchanges: every exchange (list and create requests included).
        notes: how ids were found, the budget, cleanup.
        source: where the routes came from (the OpenAPI document's URL or file).
        sent: requests sent.
        budget: the request budget.
        stopped: the user stopped the run (Esc); the rest of the routes are SKIP.
        created: resources the probe created (its own, and any a forged token made).
        cleaned: of those, how many are gone at the end (deleted, or already gone).
        left_behind: ids of created resources the cleanup could not delete.
        cross: with the static audit (``--project``), where it and the server disagree.
    """

    rows: tuple[RouteVerdicts, ...]
    exchanges: tuple[Exchange, ...] = ()
    notes: tuple[str, ...] = ()
    source: str = ""
    sent: int = 0
    budget: int = 0
    stopped: bool = False
    created: int = 0
    cleaned: int = 0
    left_behind: tuple[str, ...] = ()
    cross: tuple[CrossFinding, ...] = ()

    @property
    def verdicts(self) -> tuple[ProbeVerdict, ...]:
        """Every verdict of every route."""
        return tuple(v for row in self.rows for v in row.verdicts)

    @property
    def counts(self) -> dict[str, int]:
        """``{"PASS": n, "FAIL": n, "SKIP": n, "ERROR": n}`` over every cell."""
        return {s.value: sum(v.status is s for v in self.verdicts) for s in ProbeStatus}

    @property
    def unreachable(self) -> bool:
        """Requests were sent and none got an answer."""
        return bool(self.exchanges) and all(e.status is None for e in self.exchanges)

    @property
    def exit_code(self) -> int:
        """0 nothing failed, 1 a FAIL or a cell that could not be judged, 3 unreachable."""
        if self.unreachable:
            return 3
        bad = (ProbeStatus.FAIL, ProbeStatus.ERROR)
        return 1 if any(v.status in bad for v in self.verdicts) else 0

    @property
    def holes(self) -> tuple[RouteVerdicts, ...]:
        """The routes with a FAIL."""
        return tuple(r for r in self.rows if r.failed)


def skipped_row(plan: RoutePlan, reason: str, status: ProbeStatus) -> RouteVerdicts:
    """A row whose every test is ``status`` (SKIP or ERROR) with ``reason``."""
    verdicts = tuple(ProbeVerdict(t, status, t.expected, (), reason) for t in TOKEN_TESTS)
    return RouteVerdicts(plan.route, None, verdicts, filled=plan.filled)


def judge_route(plan: RoutePlan, exchanges: Sequence[Exchange]) -> RouteVerdicts:
    """The row of one route, from that route's exchanges only."""
    if plan.skip_reason:
        return skipped_row(plan, plan.skip_reason, ProbeStatus.SKIP)
    verdicts = tuple(judge_case(c, exchanges) for c in plan.cases)
    url = next((str(e.request.redacted()["url"]) for e in exchanges), plan.url)
    no_token = next((e for e in exchanges if e.purpose == P2.id), None)
    if not plan.route.secured and no_token is not None and no_token.ok:
        if plan.protected_sibling:
            why = (
                f" {plan.route.label} declares no security, but {plan.protected_sibling}"
                " is protected: a forgotten auth dependency, not a public route."
            )
            marked = tuple(
                replace(v, explanation=v.explanation + why) if v.status is ProbeStatus.FAIL else v
                for v in verdicts
            )
            return RouteVerdicts(plan.route, url, marked, False, plan.filled)
        public = tuple(
            ProbeVerdict(v.test, ProbeStatus.SKIP, v.expected, v.observed, PUBLIC) for v in verdicts
        )
        return RouteVerdicts(plan.route, url, public, True, plan.filled)
    return RouteVerdicts(plan.route, url, verdicts, False, plan.filled)
