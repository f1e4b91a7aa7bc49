"""``jwtscope mint``: sign a test token with the HMAC secret the environment holds."""

from __future__ import annotations

import argparse
import json
import time
from typing import TYPE_CHECKING

from jwtscope.cli.common import EXIT_OK, load_env, load_keys
from jwtscope.cli.output import emit, emit_raw
from jwtscope.errors import KeyLoadError

if TYPE_CHECKING:
    from jwtscope.core.keys.keyset import Secret

__all__ = ["cmd_mint"]


def cmd_mint(args: argparse.Namespace) -> int:
    """``jwtscope mint``: sign a test token with the environment's secret."""
    from jwtscope.core.timefmt import parse_at, parse_duration
    from jwtscope.core.token.minting import mint_token, parse_claims

    now = parse_at(args.at, int(time.time())) if args.at else int(time.time())
    lifetime = None if args.exp.lower() == "none" else parse_duration(args.exp)
    secret = _signing_secret(args)
    minted = mint_token(
        secret=secret.value,
        alg=args.alg,
        sub=args.sub,
        now=now,
        lifetime=lifetime,
        claims=parse_claims(args.claim),
        aud=args.aud,
        iss=args.iss,
        kid=args.kid,
    )
    emit(f"signed with {secret.describe()}", err=True)
    if args.json:
        print(
            json.dumps(
                {
                    "token": minted.token,
                    "header": minted.header,
                    "payload": minted.payload,
                    "key": secret.describe(),
                },
                indent=2,
            )
        )
    else:
        emit_raw(minted.token)
    return EXIT_OK


def _signing_secret(args: argparse.Namespace) -> Secret:
    """``--secret`` first, else the first secret of the environment.

    Raises:
        KeyLoadError: neither holds a secret.
    """
    from jwtscope.core.keys.keyset import KeySet

    keys = load_keys(args).merged(KeySet(secrets=load_env(args).secrets()))
    if not keys.secrets:
        raise KeyLoadError(
            "no HMAC secret found to sign with",
            "put JWT_SECRET/BETTER_AUTH_SECRET in .env, or pass --env-file, --secret-env NAME "
            "or --secret",
        )
    return keys.secrets[0]
