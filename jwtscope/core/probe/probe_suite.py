"""The probe's vocabulary: the tests of the suite, the cases sent, the verdicts.

The probe runs the classic JWT test suite against one protected endpoint. Three pure
modules share this vocabulary: :mod:`jwtscope.core.probe.probe_plan` builds the requests of
each test (:func:`~jwtscope.core.probe.probe_plan.plan_probe`),
:mod:`jwtscope.core.probe.probe_judge` turns the answers into verdicts
(:func:`~jwtscope.core.probe.probe_judge.judge`), and :mod:`jwtscope.services.probe_run` sends
them, one test after the other.

=================  ======================================================  ==============
test               request(s)                                              expected
=================  ======================================================  ==============
P1-valid           token A: the one given, or minted (sub ``user-a``)      2xx
P2-no-auth         no ``Authorization`` header, no token cookie            401 (old 403)
P3-malformed       ``invalid-token``                                       401
P4-expired         A's claims, expired an hour ago, signed with the secret 401
P5-tampered        A's token with another ``sub``, signature kept          401
P6-alg-none        ``alg`` none/None/NONE/nOnE, empty signature            401 each
P7-wrong-key       signed with a random key; A's token, signature blanked  401 each
P8-cross-read      B GETs A's resource (A's own GET is the control)        403/404
P8-cross-list      B lists the collection (A's own list is the control)    A's id absent
P8-cross-update    B PUTs and PATCHes A's resource (writes)                403/404
P8-cross-delete    B DELETEs A's resource (a write)                        403/404
=================  ======================================================  ==============

Test 8's resource is named, or created by A in a ``setup`` case (and deleted again in a
``cleanup`` case); until its id is known, test 8's URLs hold ``{id}`` and
:func:`bind_resource` fills it in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal
from urllib.parse import quote

from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.request.exchange import Exchange

__all__ = [
    "ID_PLACEHOLDER",
    "P1",
    "P2",
    "P3",
    "P4",
    "P5",
    "P6",
    "P7",
    "P8_CLEANUP",
    "P8_CREATE",
    "P8_DELETE",
    "P8_LIST",
    "P8_READ",
    "P8_UPDATE",
    "TESTS",
    "ProbeCase",
    "ProbeObservation",
    "ProbeResult",
    "ProbeSeverity",
    "ProbeStatus",
    "ProbeTest",
    "ProbeVerdict",
    "Stage",
    "bind_resource",
    "bind_url",
    "block_cases",
    "created_id",
    "path_segment",
]

ID_PLACEHOLDER = "{id}"


class ProbeStatus(StrEnum):
    """The verdict of one test."""

    PASS = "PASS"
    FAIL = "FAIL"
    SKIP = "SKIP"
    ERROR = "ERROR"


class ProbeSeverity(StrEnum):
    """How bad a FAIL is (the review report groups findings by it)."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for critical … 3 for low (lower is worse)."""
        return list(ProbeSeverity).index(self)


@dataclass(frozen=True)
class ProbeTest:
    """One test of the suite.

    Args:
        id: stable id (``P6-alg-none``).
        number: the test's number in the suite (1–8; test 8 has four parts).
        title: a short title.
        expected: the expected answer, in words.
        fail_means: what a FAIL (the request accepted) means for the system.
        severity: the severity of that FAIL (a refusal with the wrong status is lower).
    """

    id: str
    number: int
    title: str
    expected: str
    fail_means: str
    severity: ProbeSeverity


def _test(id_: str, number: int, title: str, expected: str, means: str, sev: str) -> ProbeTest:
    return ProbeTest(id_, number, title, expected, means, ProbeSeverity(sev))


P1 = _test(
    "P1-valid",
    1,
    "Valid token",
    "2xx",
    "a valid token is refused: users are locked out, and the refusals below prove little",
    "high",
)
P2 = _test(
    "P2-no-auth",
    2,
    "No Authorization header",
    "401 (403 'Not authenticated' accepted for FastAPI < 0.122)",
    "the endpoint answers without any credentials: it is not protected at all",
    "critical",
)
P3 = _test(
    "P3-malformed",
    3,
    "Malformed token ('invalid-token')",
    "401",
    "any string is taken as a token: authentication is decorative",
    "critical",
)
P4 = _test(
    "P4-expired",
    4,
    "Expired token, re-signed with the secret",
    "401",
    "expired tokens are accepted: a leaked token works forever",
    "high",
)
P5 = _test(
    "P5-tampered",
    5,
    "Tampered payload, original signature",
    "401",
    "the signature is not checked: anyone can edit 'sub' and become any user",
    "critical",
)
P6 = _test(
    "P6-alg-none",
    6,
    "alg: none, empty signature",
    "401 for each of none/None/NONE/nOnE",
    "the endpoint accepts unsigned tokens: anyone can be anyone",
    "critical",
)
P7 = _test(
    "P7-wrong-key",
    7,
    "Different key, blank signature",
    "401 for each",
    "tokens signed with any key, or with none, are accepted: anyone can mint tokens",
    "critical",
)
P8_READ = _test(
    "P8-cross-read",
    8,
    "User B reads user A's resource",
    "403 or 404 (user A itself: 2xx)",
    "any user can read other users' data by id (IDOR/BOLA)",
    "high",
)
P8_LIST = _test(
    "P8-cross-list",
    8,
    "User B lists the collection",
    "2xx without A's resource (A's own list shows it)",
    "the collection shows other users' items",
    "high",
)
P8_UPDATE = _test(
    "P8-cross-update",
    8,
    "User B updates user A's resource",
    "403 or 404 for PUT and PATCH (405: method not offered)",
    "any user can change other users' data",
    "critical",
)
P8_DELETE = _test(
    "P8-cross-delete",
    8,
    "User B deletes user A's resource",
    "403 or 404",
    "any user can delete other users' data",
    "critical",
)
P8_CREATE = _test("P8-create", 8, "User A creates a resource", "2xx with a JSON 'id'", "", "low")
P8_CLEANUP = _test(
    "P8-cleanup", 8, "User A deletes the resource it created", "2xx or 404", "", "low"
)

#: The tests that produce verdicts, in order (setup and cleanup produce notes).
TESTS: tuple[ProbeTest, ...] = (P1, P2, P3, P4, P5, P6, P7, P8_READ, P8_LIST, P8_UPDATE, P8_DELETE)

Stage = Literal["test", "setup", "cleanup"]


@dataclass(frozen=True)
class ProbeCase:
    """A test and the requests it sends (concurrently), or why it sends none.

    Args:
        test: the test.
        probes: the requests; keys are unique across a plan (``P6-alg-none:nOnE``).
        skip_reason: the test does not apply here (verdict SKIP).
        error: the test could not run because something else failed (verdict ERROR).
        stage: ``test``; ``setup``/``cleanup`` for test 8's create and delete by user A.
        resource_id: user A's resource id, once known (test 8).
    """

    test: ProbeTest
    probes: tuple[PlannedRequest, ...] = ()
    skip_reason: str | None = None
    error: str | None = None
    stage: Stage = "test"
    resource_id: str | None = None

    @property
    def runnable(self) -> bool:
        """Has requests to send, all with a known URL."""
        return (
            bool(self.probes)
            and self.skip_reason is None
            and self.error is None
            and not any(ID_PLACEHOLDER in p.request.url for p in self.probes)
        )


@dataclass(frozen=True)
class ProbeObservation:
    """What one request of a test got back (the URL redacted: safe for reports).

    Args:
        key: the probe key (``P6-alg-none:nOnE``).
        purpose: what was sent, in words.
        method: the HTTP method.
        url: the URL, redacted.
        status: the HTTP status, None without an answer.
        detail: FastAPI's ``detail`` (or a short text body).
        error: why no answer arrived.
    """

    key: str
    purpose: str
    method: str
    url: str
    status: int | None
    detail: str | None = None
    error: str | None = None

    @property
    def summary(self) -> str:
        """``401 Invalid token: …`` or ``no answer: connection refused``."""
        if self.status is None:
            return f"no answer: {self.error or 'unknown error'}"
        return f"{self.status} {self.detail}" if self.detail else str(self.status)


@dataclass(frozen=True)
class ProbeVerdict:
    """PASS/FAIL/SKIP/ERROR of one test, with expected vs observed and what it means.

    Args:
        test: the test.
        status: the verdict.
        expected: the expected answer, in words.
        observed: each request's answer, in the order sent.
        explanation: why this verdict (for a FAIL: what it means for the system).
        severity: the severity of a FAIL, else None.
    """

    test: ProbeTest
    status: ProbeStatus
    expected: str
    observed: tuple[ProbeObservation, ...]
    explanation: str
    severity: ProbeSeverity | None = None


@dataclass(frozen=True)
class ProbeResult:
    """The whole probe: verdicts in test order, every exchange, notes on setup/cleanup."""

    verdicts: tuple[ProbeVerdict, ...]
    exchanges: tuple[Exchange, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """``{"PASS": n, "FAIL": n, "SKIP": n, "ERROR": n}``."""
        return {s.value: sum(v.status is s for v in self.verdicts) for s in ProbeStatus}

    @property
    def unreachable(self) -> bool:
        """Requests were sent and none got an answer."""
        return bool(self.exchanges) and all(e.status is None for e in self.exchanges)

    @property
    def passed(self) -> bool:
        """No FAIL and no ERROR (SKIPs are allowed)."""
        return not any(v.status in (ProbeStatus.FAIL, ProbeStatus.ERROR) for v in self.verdicts)

    @property
    def exit_code(self) -> int:
        """0 all passed, 1 a FAIL or a test that could not be judged, 3 unreachable."""
        if self.unreachable:
            return 3
        return 0 if self.passed else 1

    @property
    def failures(self) -> tuple[ProbeVerdict, ...]:
        """The FAIL verdicts, worst severity first (then in test order)."""
        failed = [v for v in self.verdicts if v.status is ProbeStatus.FAIL]
        return tuple(sorted(failed, key=lambda v: v.severity.rank if v.severity else 9))

    def verdict(self, test_id: str) -> ProbeVerdict | None:
        """The verdict of a test by id."""
        return next((v for v in self.verdicts if v.test.id == test_id), None)


def path_segment(value: str) -> str:
    """``value`` as one path segment: percent-encoded, ``/`` included, and never a dot segment.

    ``.`` and ``..`` are unreserved characters that clients and servers remove as dot
    segments (``/todos/..`` is ``/``): an id made only of dots is sent as ``%2E``s, so a
    request for a resource can never land on the collection or the root instead.
    """
    quoted = quote(value, safe="")
    if quoted.strip(".") == "":
        return quoted.replace(".", "%2E")
    return quoted


def bind_url(url: str, resource_id: str) -> str:
    """``url`` with ``{id}`` replaced by the resource id, as one path segment."""
    return url.replace(ID_PLACEHOLDER, path_segment(resource_id))


def bind_resource(cases: Sequence[ProbeCase], resource_id: str) -> list[ProbeCase]:
    """The cases with ``{id}`` replaced by user A's resource id in every URL."""
    bound: list[ProbeCase] = []
    for case in cases:
        probes = tuple(
            replace(p, request=replace(p.request, url=bind_url(p.request.url, resource_id)))
            for p in case.probes
        )
        rid = resource_id if case.test.number == 8 else case.resource_id
        bound.append(replace(case, probes=probes, resource_id=rid))
    return bound


def block_cases(cases: Sequence[ProbeCase], reason: str) -> list[ProbeCase]:
    """The cases, each one that would still send something marked ERROR with ``reason``."""
    return [
        replace(c, error=reason) if c.probes and not c.skip_reason and not c.error else c
        for c in cases
    ]


def created_id(exchange: Exchange) -> str | None:
    """The ``id`` of a 2xx JSON answer to a create, as text; None when there is none."""
    data = exchange.json() if exchange.ok else None
    value = data.get("id") if isinstance(data, dict) else None
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        return None
    return str(value)
