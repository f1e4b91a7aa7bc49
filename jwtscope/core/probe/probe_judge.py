"""How the probe's answers are judged: one verdict per test, expected vs observed.

The rules, per test (see :mod:`jwtscope.core.probe.probe_suite` for the tests):

- **P1** 2xx passes; anything else FAILs (high): users are locked out.
- **P2–P7** 401 passes (for P2 also FastAPI < 0.122's 403 ``Not authenticated``, with a
  note). A 2xx is the test's FAIL at its own severity — the server *accepted* the token.
  A refusal with the wrong status FAILs lower: 5xx medium (the token error crashes the
  handler), 3xx/403/other 4xx low (refused, but clients cannot tell it is an auth error).
  A 429 says nothing about the token: unless another answer FAILs, the test is an ERROR
  (rate limited), never a FAIL.
- **P8** 403/404 for user B passes, a 2xx FAILs — but only when the controls hold:
  user A can read its resource and sees it in its own list, and user B's token is not
  refused (401). Otherwise the isolation cannot be judged: ERROR or SKIP, with why.

A test with several requests takes its worst outcome. A request that got no answer makes
the test an ERROR unless another request already shows a FAIL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jwtscope.core.probe.probe_suite import (
    P1,
    P2,
    P8_CREATE,
    P8_DELETE,
    P8_LIST,
    P8_READ,
    P8_UPDATE,
    ProbeCase,
    ProbeObservation,
    ProbeResult,
    ProbeSeverity,
    ProbeStatus,
    ProbeTest,
    ProbeVerdict,
)
from jwtscope.core.request.exchange import Exchange

__all__ = ["judge", "judge_case", "lists_id", "observe"]

_LEGACY_403 = ("Not authenticated", "Invalid authentication credentials")
_LEGACY_NOTE = (
    "403 'Not authenticated' is what FastAPI < 0.122 answers; since 0.122 HTTPBearer"
    " answers 401 with WWW-Authenticate: Bearer, as RFC 6750 asks — upgrade FastAPI"
)
PASS, FAIL, SKIP, ERROR = ProbeStatus.PASS, ProbeStatus.FAIL, ProbeStatus.SKIP, ProbeStatus.ERROR
MEDIUM, LOW = ProbeSeverity.MEDIUM, ProbeSeverity.LOW

_Outcome = tuple[ProbeStatus, ProbeSeverity | None, str]


@dataclass(frozen=True)
class _Evidence:
    """What a rule sees: the test, its answers, and what other tests showed."""

    test: ProbeTest
    case: ProbeCase
    obs: tuple[ProbeObservation, ...]
    exchanges: tuple[Exchange, ...]
    valid_refused: bool  # P1 was answered with something other than 2xx
    open_endpoint: bool  # P2 (no credentials) got a 2xx


def observe(key: str, purpose: str, exchange: Exchange) -> ProbeObservation:
    """The report-safe view of one exchange."""
    return ProbeObservation(
        key=key,
        purpose=purpose,
        method=exchange.request.method,
        url=str(exchange.request.redacted()["url"]),
        status=exchange.status,
        detail=exchange.detail if exchange.status is not None else None,
        error=exchange.error,
    )


def judge(cases: Sequence[ProbeCase], exchanges: Sequence[Exchange]) -> ProbeResult:
    """Verdicts for every test case, notes for test 8's setup and cleanup.

    Args:
        cases: the plan as run (resource bound, blocked cases marked).
        exchanges: every exchange; matched to probes by key (``Exchange.purpose``).
    """
    verdicts = tuple(judge_case(c, exchanges) for c in cases if c.stage == "test")
    notes = tuple(n for c in cases if c.stage != "test" for n in [_stage_note(c, exchanges)] if n)
    return ProbeResult(verdicts, tuple(exchanges), notes)


def judge_case(case: ProbeCase, exchanges: Sequence[Exchange]) -> ProbeVerdict:
    """The verdict of one test from the exchanges so far (the runner's live progress)."""
    test = case.test
    if case.skip_reason:
        return ProbeVerdict(test, SKIP, test.expected, (), case.skip_reason)
    if case.error:
        return ProbeVerdict(test, ERROR, test.expected, (), case.error)
    by_key = {e.purpose: e for e in exchanges}
    pairs = [(p, by_key[p.key]) for p in case.probes if p.key in by_key]
    observed = tuple(observe(p.key, p.purpose, e) for p, e in pairs)
    if len(pairs) < len(case.probes) or not case.probes:
        return ProbeVerdict(test, ERROR, test.expected, observed, "not sent")
    p1, p2 = by_key.get(P1.id), by_key.get(P2.id)
    evidence = _Evidence(
        test,
        case,
        observed,
        tuple(e for _, e in pairs),
        valid_refused=p1 is not None and p1.status is not None and not p1.ok,
        open_endpoint=p2 is not None and p2.ok,
    )
    status, severity, text = _RULES.get(test.id, _rejection)(evidence)
    return ProbeVerdict(test, status, test.expected, observed, text, severity)


# --- rules ------------------------------------------------------------------------------

_Rule = Callable[[_Evidence], _Outcome]


def _ok(o: ProbeObservation) -> bool:
    return o.status is not None and 200 <= o.status < 300


def _said(observations: Sequence[ProbeObservation]) -> str:
    return "; ".join(f"{o.purpose} → {o.summary}" for o in observations)


def _no_answer(observations: Sequence[ProbeObservation]) -> _Outcome:
    silent = [o for o in observations if o.status is None]
    return ERROR, None, f"No answer: {_said(silent)}."


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _valid(ev: _Evidence) -> _Outcome:
    test, obs = ev.test, ev.obs
    o = obs[0]
    if o.status is None:
        return _no_answer(obs)
    if _ok(o):
        return PASS, None, "Accepted."
    hint = "run `jwtscope replay` on this request to find the cause"
    return FAIL, test.severity, f"{_sentence(test.fail_means)}. {_said(obs)}; {hint}."


def _wrong_refusal(status: int) -> tuple[ProbeSeverity, str]:
    if status >= 500:
        return MEDIUM, "the handler crashes on a bad token instead of refusing it"
    if 300 <= status < 400:
        return LOW, "a redirect, not 401: API clients cannot tell it is an auth error"
    if status == 403:
        return LOW, "403 means 'authenticated, not allowed'; a bad credential is 401"
    return LOW, "refused, but not with 401: clients cannot tell it is an auth error"


def _rejection(ev: _Evidence) -> _Outcome:
    test, obs = ev.test, ev.obs
    accepted: list[ProbeObservation] = []
    wrong: list[tuple[ProbeSeverity, str]] = []
    notes: list[str] = []
    limited = [o for o in obs if o.status == 429]
    for o in obs:
        if o.status is None or o.status in (401, 429):
            continue
        if o.status == 403 and test is P2 and o.detail in _LEGACY_403:
            notes.append(_LEGACY_NOTE)
        elif _ok(o):
            accepted.append(o)
        else:
            severity, why = _wrong_refusal(o.status)
            wrong.append((severity, f"{o.purpose} → {o.summary} ({why})"))
    if accepted:
        text = f"{_sentence(test.fail_means)}. Accepted: {_said(accepted)}."
        if ev.open_endpoint and test is not P2:
            text += " The endpoint answers without any token too (P2): fix that first."
        return FAIL, test.severity, text
    if wrong:
        worst = min((s for s, _ in wrong), key=lambda s: s.rank)
        return FAIL, worst, "Refused, but not as expected: " + "; ".join(w for _, w in wrong) + "."
    if any(o.status is None for o in obs):
        return _no_answer(obs)
    if limited:
        why = f"Rate limited, not judged: {_said(limited)} (send fewer requests per second)."
        return ERROR, None, why
    text = " ".join(["Refused with 401." if not notes else "Refused.", *(f"{n}." for n in notes)])
    if ev.valid_refused:
        text += " But the valid token was refused too (P1), so this refusal proves little."
    return PASS, None, text


def _b_refused(b: ProbeObservation) -> _Outcome:
    return (
        ERROR,
        None,
        (
            f"User B's token is refused ({b.summary}), so isolation cannot be judged:"
            " give a valid --token-b (or the secret that signs both users' tokens)."
        ),
    )


def _cross_read(ev: _Evidence) -> _Outcome:
    test, obs = ev.test, ev.obs
    a, b = obs
    if a.status is None or b.status is None:
        return _no_answer(obs)
    if _ok(b):
        return FAIL, test.severity, f"{_sentence(test.fail_means)}: {_said([b])}."
    if b.status == 401:
        return _b_refused(b)
    if not _ok(a):
        return (
            ERROR,
            None,
            (
                f"User A cannot read its own resource ({a.summary}), so a refusal for B proves"
                " nothing: check the resource URL and id."
            ),
        )
    if b.status in (403, 404):
        return PASS, None, f"User B gets {b.status}; user A reads it ({a.status})."
    if b.status >= 500:
        return FAIL, MEDIUM, f"The server fails on another user's resource: {_said([b])}."
    return ERROR, None, f"Inconclusive: {_said([b])}."


def lists_id(data: Any, resource_id: str) -> bool:
    """True when a JSON document holds an object whose ``id`` is ``resource_id``."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("id")
            if value is not None and not isinstance(value, bool) and str(value) == resource_id:
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _listed(exchange: Exchange, resource_id: str) -> bool:
    data = exchange.json()
    if data is not None:
        return lists_id(data, resource_id)
    return re.search(rf"(?<![\w-]){re.escape(resource_id)}(?![\w-])", exchange.text) is not None


def _cross_list(ev: _Evidence) -> _Outcome:
    test, obs = ev.test, ev.obs
    a, b = obs
    rid = ev.case.resource_id
    if a.status is None or b.status is None:
        return _no_answer(obs)
    if rid is None:
        return ERROR, None, "User A's resource id is not known."
    if _ok(b) and _listed(ev.exchanges[1], rid):
        return FAIL, test.severity, f"{_sentence(test.fail_means)}: user B's list holds id {rid}."
    if b.status == 401:
        return _b_refused(b)
    if not _ok(b):
        return ERROR, None, f"User B cannot list the collection: {_said([b])}."
    if not (_ok(a) and _listed(ev.exchanges[0], rid)):
        return (
            SKIP,
            None,
            (
                f"User A's own list ({a.summary}) does not show id {rid} either, so this"
                " endpoint cannot leak it: probe the collection URL to check listing."
            ),
        )
    return PASS, None, f"User A's list shows id {rid}; user B's does not."


def _cross_write(ev: _Evidence) -> _Outcome:
    test, obs = ev.test, ev.obs
    accepted = [o for o in obs if _ok(o)]
    if accepted:
        return FAIL, test.severity, f"{_sentence(test.fail_means)}: {_said(accepted)}."
    if any(o.status is None for o in obs):
        return _no_answer(obs)
    refused = next((o for o in obs if o.status == 401), None)
    if refused is not None:
        return _b_refused(refused)
    denied = [o for o in obs if o.status in (403, 404)]
    absent = [o.method for o in obs if o.status == 405]
    other = [o for o in obs if o.status not in (403, 404, 405)]
    if other:
        return (
            ERROR,
            None,
            (
                f"Inconclusive: {_said(other)} — neither accepted nor refused as another user's"
                " (a 422 means the body was rejected before any ownership check: give a body"
                " the API accepts with --create)."
            ),
        )
    if not denied:
        return SKIP, None, f"Not offered: {', '.join(absent)} answered 405."
    text = f"Refused for user B: {', '.join(f'{o.method} {o.status}' for o in denied)}."
    return PASS, None, text + (f" Not offered: {', '.join(absent)} (405)." if absent else "")


_RULES: dict[str, _Rule] = {
    P1.id: _valid,
    P8_READ.id: _cross_read,
    P8_LIST.id: _cross_list,
    P8_UPDATE.id: _cross_write,
    P8_DELETE.id: _cross_write,
}


def _stage_note(case: ProbeCase, exchanges: Sequence[Exchange]) -> str | None:
    """One line about test 8's setup (create) or cleanup (delete) by user A."""
    if case.skip_reason or not case.probes:
        return None
    exchange = next((e for e in exchanges if e.purpose == case.probes[0].key), None)
    rid = case.resource_id
    if exchange is None:  # blocked: no answer before it (a cleanup: nothing was created)
        return f"{case.test.title}: {case.error}" if case.error and case.stage == "setup" else None
    said = exchange.summary()
    if case.test is P8_CREATE:
        if rid is not None and exchange.ok:
            return f"User A created resource {rid} for test 8 ({said})."
        return f"User A's resource could not be created ({said}): test 8 did not run."
    if exchange.ok or exchange.status == 404:
        gone = "deleted" if exchange.ok else "already gone"
        return f"Cleanup: resource {rid} {gone} ({said})."
    return f"Cleanup: resource {rid} may be left behind ({said})."
