"""Edit and re-sign: sign an edited header and payload with a key the user holds.

The key is an environment secret chosen by its name (its value is never shown), a
pasted secret, or a private key file (PEM or private JWK). The algorithm is the one
asked for when the key can sign it, else the key's own (HS256 for a secret), and the
result says so. Front ends call :func:`resign` and never pick a secret themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jwtscope.core.keys.keyset import Secret, decode_secret
from jwtscope.core.keys.typed_secret import typed_key_kind
from jwtscope.errors import KeyLoadError, UsageError

if TYPE_CHECKING:
    from jwtscope.core.keys.env_snapshot import Environment

__all__ = ["ResignKey", "Resigned", "env_secret_names", "resign"]

#: The algorithm a private key signs when the one asked for does not fit it.
_KEY_ALG_ORDER = ("RS256", "ES256", "ES384", "ES512", "EdDSA")


@dataclass(frozen=True)
class ResignKey:
    """The key to sign with: exactly one of the three.

    Args:
        env_name: the label of an environment secret (``JWT_SECRET from ./.env``).
        pasted: a secret the user pasted (never shown).
        key_path: a private key file, PEM or private JWK.
    """

    env_name: str | None = None
    pasted: str | None = None
    key_path: str | None = None


@dataclass(frozen=True)
class Resigned:
    """A token signed here: the token, its algorithm, the key (described, never shown)
    and a note when the algorithm differs from the one asked for."""

    token: str
    alg: str
    key: str
    note: str = ""


def env_secret_names(env: Environment) -> list[str]:
    """The labels of the environment's secrets that can sign (no variants, no PEM/JWK)."""
    try:
        secrets = env.secrets()
    except KeyLoadError:
        return []
    return [s.label for s in secrets if not s.variant and not typed_key_kind(s.value)]


def parse_json_object(text: str, what: str) -> dict[str, Any]:
    """``text`` as a JSON object.

    Raises:
        UsageError: not JSON, or not an object, with where it went wrong.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"the {what} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            f"fix the {what} JSON",
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise UsageError(f"the {what} is not valid JSON", f"fix the {what} JSON") from exc
    if not isinstance(value, dict):
        raise UsageError(f"the {what} is not a JSON object", "write it as { ... }")
    return value


def resign(
    header_text: str, payload_text: str, alg: str, key: ResignKey, env: Environment
) -> Resigned:
    """Sign ``payload_text`` with ``header_text``'s fields, ``alg`` and ``key``.

    Raises:
        UsageError: bad JSON, or no key given.
        KeyLoadError: the key cannot be read or cannot sign.
    """
    header = parse_json_object(header_text, "header")
    payload = parse_json_object(payload_text, "payload")
    asked = alg.strip() or str(header.get("alg") or "")
    if key.key_path:
        return _with_private_key(key.key_path.strip(), asked, header, payload)
    secret = _secret(key, env)
    from jwtscope.core.token.minting import sign_claims

    used = asked if asked.upper().startswith("HS") else "HS256"
    minted = sign_claims(secret=secret.value, alg=used, payload=payload, headers=header)
    return Resigned(minted.token, used, f"the secret {secret.name}", _note(asked, used))


def _with_private_key(
    path: str, asked: str, header: dict[str, Any], payload: dict[str, Any]
) -> Resigned:
    from jwtscope.core.token.minting import sign_with_key
    from jwtscope.services.inputs import signing_key

    private = signing_key(path)
    algs = private.algorithms
    if asked in algs:
        used = asked
    else:
        used = next((a for a in _KEY_ALG_ORDER if a in algs), None) or min(algs)
    minted = sign_with_key(key=private.key, alg=used, payload=payload, headers=header)
    return Resigned(minted.token, used, private.describe(), _note(asked, used))


def _secret(key: ResignKey, env: Environment) -> Secret:
    if key.pasted is not None:
        if not key.pasted:
            raise UsageError("the pasted secret is empty", "paste the HMAC secret")
        return Secret(
            "pasted secret", "pasted secret", key.pasted, decode_secret(key.pasted, "utf8")
        )
    if key.env_name:
        found = next((s for s in env.secrets() if s.label == key.env_name), None)
        if found is not None:
            return found
    raise UsageError(
        "no key chosen to sign with",
        "choose an environment secret, paste a secret or name a private key file",
    )


def _note(asked: str, used: str) -> str:
    if not asked or asked == used:
        return ""
    return f"signed {used}, the key's algorithm (the token had {asked})"
