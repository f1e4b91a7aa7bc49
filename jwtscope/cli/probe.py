"""``jwtscope probe``: run the auth test suite against one endpoint, with live progress."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from jwtscope.cli.common import endpoint_request, load_env, load_keys
from jwtscope.cli.output import emit, emit_json

if TYPE_CHECKING:
    from jwtscope.core.probe.probe_suite import ProbeVerdict
    from jwtscope.services.probe_setup import ProbeOptions

__all__ = ["cmd_probe", "probe_options"]


def cmd_probe(args: argparse.Namespace) -> int:
    """``jwtscope probe``: the auth test suite, with live progress on a terminal."""
    from jwtscope.core.probe.probe_text import probe_to_dict, probe_to_text, verdict_line
    from jwtscope.services.probe_setup import probe_endpoint

    request = endpoint_request(args)
    show = not args.json and sys.stderr.isatty()

    def progress(verdict: ProbeVerdict) -> None:
        emit(verdict_line(verdict), err=True, flush=True)

    env, keys = load_env(args), load_keys(args)
    result = probe_endpoint(
        request,
        probe_options(args),
        env=env,
        keys=keys,
        on_progress=progress if show else None,
    )
    if args.json:
        emit_json(probe_to_dict(result, request))
    else:
        emit(probe_to_text(result, request))
    return int(result.exit_code)


def probe_options(args: argparse.Namespace) -> ProbeOptions:
    """The probe options: ``--token-b``, ``--resource``, ``--create``, ``--allow-writes``…

    Raises:
        InputError: ``--token-b`` is empty, binary or too large.
    """
    from jwtscope.cli.common import read_token_text
    from jwtscope.services.probe_setup import ProbeOptions

    return ProbeOptions(
        token_b_text=read_token_text(args.token_b, None) if args.token_b else None,
        resource=args.resource,
        resource_id=args.resource_id,
        create_body=args.create.encode() if args.create is not None else None,
        allow_writes=args.allow_writes,
        timeout=args.timeout,
    )
