"""Run a replay: analyse the token, send the probes in two rounds, diagnose.

Round 1 sends the original request, the same without its token and (when an origin is
known) a CORS preflight, concurrently. Round 2 — only when the original is refused and
the HMAC secret is known — sends minted tokens that differ from the failing one in one
dimension. Every request goes to the origin the user named.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.diagnosis.diagnose import Diagnosis, diagnose, undecided
from jwtscope.core.diagnosis.replay_plan import PlannedRequest, bisect_probes
from jwtscope.core.diagnosis.rule_context import refused as rule_refused
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.exchange import Exchange
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.services.inputs import choose_secret, replay_plan

__all__ = ["ReplayOutcome", "run_replay"]


@dataclass(frozen=True)
class ReplayOutcome:
    """Everything a replay produced."""

    request: ReplayRequest
    report: Report
    diagnosis: Diagnosis
    probes: tuple[PlannedRequest, ...]
    exchanges: tuple[Exchange, ...]

    @property
    def unreachable(self) -> bool:
        """The original request got no answer."""
        original = next((e for e in self.exchanges if e.purpose == "original"), None)
        return original is None or original.status is None

    @property
    def exit_code(self) -> int:
        """0 succeeded, 1 an auth problem was diagnosed, 3 the server could not be reached."""
        if self.unreachable:
            return 3
        return 0 if self.diagnosis.ok else 1


def run_replay(
    request: ReplayRequest,
    *,
    env: Environment,
    keys: KeySet,
    origin: str | None = None,
    only_original: bool = False,
    timeout: float = 10.0,
    audience: str | None = None,
    issuer: str | None = None,
    jwks_url: str | None = None,
    clock: Callable[[], float] = time.time,
    transport: Any = None,
) -> ReplayOutcome:
    """Replay ``request`` and diagnose it.

    Args:
        request: the failing request (from curl, raw HTTP, HAR or URL + token).
        env: the environment snapshot (secrets, BETTER_AUTH_URL).
        keys: explicit keys (``--secret``, ``--key``, ``--jwks``).
        origin: the browser origin for the CORS preflight (``--origin``, the curl's
            ``Origin``/``Referer``); None skips the preflight.
        only_original: send just the given request.
        timeout: per-request timeout in seconds.
        audience: expected audience for the token analysis.
        issuer: expected issuer for the token analysis.
        jwks_url: the JWKS URL the user named (used in fixes).
        clock: local time.
        transport: an httpx transport, for fault-injection tests.
    """
    from jwtscope.net.http_send import send_probes

    now = int(clock())
    report = analyze(
        request.token or "", now=now, env=env, keys=keys, audience=audience, issuer=issuer
    )
    target = request.origin
    probes = replay_plan(request, origin, only_original=only_original)
    exchanges = send_probes(
        probes, origin=target, timeout=timeout, transport=transport, clock=clock
    )
    original = exchanges[0]
    refused = rule_refused(original) or (original.status or 0) >= 500
    secret = choose_secret(report, env)
    if refused and not only_original:
        second = bisect_probes(
            request, report, secret, int(clock()), undecided=undecided(report, exchanges)
        )
        if second:
            exchanges += send_probes(
                second, origin=target, timeout=timeout, transport=transport, clock=clock
            )
            probes += second
    diagnosis = diagnose(
        report, exchanges, jwks_url=jwks_url, secret_name=secret.name if secret else None
    )
    return ReplayOutcome(request, report, diagnosis, tuple(probes), tuple(exchanges))
