"""``jwtscope replay``: send the failing request, bisect, and rank the causes of the 401."""

from __future__ import annotations

import argparse

from jwtscope.cli.common import endpoint_request, key_sources, load_env, load_keys
from jwtscope.cli.output import emit, emit_json

__all__ = ["cmd_replay"]


def cmd_replay(args: argparse.Namespace) -> int:
    """``jwtscope replay``: send, bisect, diagnose."""
    from jwtscope.core.diagnosis.replay_text import replay_to_dict, replay_to_text
    from jwtscope.services.inputs import replay_origin, require_auth_url, signing_key
    from jwtscope.services.replay_run import run_replay

    request = endpoint_request(args)
    outcome = run_replay(
        request,
        env=load_env(args),
        keys=load_keys(args),
        origin=replay_origin(request, args.origin),
        only_original=args.only_original,
        timeout=args.timeout,
        audience=args.aud,
        issuer=args.iss,
        jwks_url=key_sources(args).jwks_url,
        signing_key=signing_key(args.signing_key) if args.signing_key else None,
        guess_secret=args.guess_server_secret,
        auth_url=require_auth_url(args.auth_url),
    )
    if args.json:
        emit_json(
            replay_to_dict(
                request, outcome.probes, outcome.exchanges, outcome.diagnosis, outcome.exit_code
            )
        )
    else:
        emit(replay_to_text(request, outcome.probes, outcome.exchanges, outcome.diagnosis))
    if outcome.unreachable:
        original = outcome.exchanges[0]
        emit(
            f"jwtscope: error: {original.error} — fix: check the URL and that the server "
            "is running",
            err=True,
        )
    return outcome.exit_code
