"""Set up and run the auth test suite against one endpoint, for the CLI and the TUI alike.

It analyses user A's token, chooses the secret to mint test tokens with, reads user B's
token, and hands all of it to :func:`jwtscope.services.probe_run.run_probe`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jwtscope.services.inputs import choose_secret, token_from_text

if TYPE_CHECKING:  # the probe run imports httpx: it loads when a probe is sent
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.keyset import KeySet
    from jwtscope.core.probe.probe_suite import ProbeResult, ProbeVerdict
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = ["ProbeOptions", "probe_endpoint"]


@dataclass(frozen=True)
class ProbeOptions:
    """What the test suite needs besides the endpoint and user A's token.

    Args:
        token_b_text: a second user's token as pasted (``Bearer …`` and friends are
            stripped), for the cross-user tests; None mints one when the secret is known.
        resource: URL template of one of user A's resources, with ``{id}``.
        resource_id: the id to put into ``resource``.
        create_body: JSON that user A POSTs on the endpoint to create the resource.
        allow_writes: allow POST, PUT, PATCH and DELETE requests.
        timeout: per-request timeout, in seconds.
    """

    token_b_text: str | None = None
    resource: str | None = None
    resource_id: str | None = None
    create_body: bytes | None = None
    allow_writes: bool = False
    timeout: float = 5.0


def probe_endpoint(
    request: ReplayRequest,
    options: ProbeOptions,
    *,
    env: Environment,
    keys: KeySet,
    on_progress: Callable[[ProbeVerdict], None] | None = None,
    clock: Callable[[], float] = time.time,
) -> ProbeResult:
    """Run the test suite against the endpoint of ``request``.

    Args:
        request: the protected endpoint; its token, if any, is user A's.
        options: user B's token, the resource and the write permission.
        env: the environment snapshot (secrets to verify and mint with).
        keys: explicit keys (``--secret``, ``--key``, ``--jwks``).
        on_progress: called with each test's verdict as soon as it is known.
        clock: local time.

    Raises:
        UsageError: the resource URL has no ``{id}`` or is on another origin.
    """
    from jwtscope.core.analysis import analyze
    from jwtscope.services.probe_run import run_probe

    report = analyze(request.token, now=int(clock()), env=env, keys=keys) if request.token else None
    token_b = token_from_text(options.token_b_text) if options.token_b_text else None
    return run_probe(
        request,
        report=report,
        secret=choose_secret(report, env),
        token_b=token_b,
        resource=options.resource,
        resource_id=options.resource_id,
        create_body=options.create_body,
        allow_writes=options.allow_writes,
        timeout=options.timeout,
        on_progress=on_progress,
        clock=clock,
    )
